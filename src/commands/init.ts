// `dekking init <dir>`: a new, empty study that validates and runs, with commented templates
// and a README that says what to fill in first.

import type { Command } from "commander";
import * as path from "node:path";
import { UsageError } from "../errors.js";
import { terminalLine } from "../render/escape/terminal.js";
import { displayDir, type CommonOptions, type Io, type Outcome } from "./context.js";
import { INIT_WORDS } from "../messages/commandText.js";

export interface InitOptions extends CommonOptions {
  dir: string;
  title?: string;
  force?: boolean;
}

export function declareInit(command: Command): Command {
  return command
    .description("create a new, empty study in <dir> (study.yaml with its vocabulary, topics, interviews, rules, templates, a README); never overwrites")
    .argument("<dir>", "the folder of the new study (new or empty)")
    .option("--title <title>", "the study's title (its id is made from it)")
    .option("--force", "also write into a folder that holds other files (a file that exists is never replaced)")
    .addHelpText("after", "\nThe comments and the README are in the language of --lang (nl or en); the data itself is written in Dutch.");
}

/**
 * The study's date: SOURCE_DATE_EPOCH when set (reproducible), else today in UTC.
 * @throws UsageError when SOURCE_DATE_EPOCH is not whole seconds
 */
function studyDate(env: NodeJS.ProcessEnv): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d{1,11}$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch.slice(0, 40)}"`, "unset it");
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date().toISOString().slice(0, 10);
}

export async function runInit(options: InitOptions, io: Io): Promise<Outcome> {
  if (options.dir.trim() === "") throw new UsageError("init needs a folder, got an empty value", "dekking init my-study");
  const words = INIT_WORDS[options.lang];
  const title = options.title ?? words.defaultTitle;
  if (title.trim() === "") throw new UsageError("--title needs a title, got an empty value", 'for example --title "Mantelzorg thuis 2026"');
  const dir = path.resolve(io.cwd, options.dir);
  const { createStudy } = await import("../init/createStudy.js");
  const written = await createStudy({ dir, title, lang: options.lang, date: studyDate(io.env), force: Boolean(options.force) });
  const shown = terminalLine(displayDir(dir, io));
  const quoted = /^[A-Za-z0-9._/-]+$/.test(shown) ? shown : `"${shown.replace(/"/g, '\\"')}"`;
  io.stdout(
    [
      words.created(shown),
      ...written.map((file) => `  ${file}`),
      "",
      words.next,
      `  dekking validate --data ${quoted}`,
      `  dekking matrix --data ${quoted}`,
      "",
    ].join("\n"),
  );
  return "ok";
}
