// `dekking regions`: the regions × indicators matrix of the assessed region plans.

import { Option, type Command } from "commander";
import { checkExcel, excelOption, MATRIX_FORMATS, type MatrixFormat } from "./choices.js";
import { paintFor, requireStudy, terminalWidth, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface RegionsOptions extends CommonOptions {
  format: MatrixFormat;
  excel?: boolean;
}

export function declareRegions(command: Command): Command {
  return command
    .description("the regions × indicators matrix of the assessed region plans")
    .addOption(new Option("--format <format>", "output format").choices([...MATRIX_FORMATS]).default("table"))
    .addOption(excelOption());
}

export async function runRegions(options: RegionsOptions, io: Io): Promise<Outcome> {
  checkExcel(options.format, options.excel);
  const { study } = await requireStudy(options, io);
  const { REGION_RENDERERS, regionMatrix } = await import("../render/renderRegions.js");
  io.stdout(
    REGION_RENDERERS[options.format](regionMatrix(study), {
      lang: options.lang,
      paint: await paintFor(options, io),
      width: terminalWidth(io),
      excel: Boolean(options.excel),
    }),
  );
  return "ok";
}
