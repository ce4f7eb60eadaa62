// The report files for one study: what `dekking report` writes and `report --check`
// compares. Rendering is pure; writing is writeReports.ts.

import { jsonOutput } from "../render/escape/json.js";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import type { Coverage } from "../analyse/coverage.js";
import { UsageError } from "../errors.js";
import type { Study } from "../model.js";
import { PACKAGE_ROOT } from "../packageRoot.js";
import type { Lang } from "../render/labels.js";
import { TOOL_VERSION } from "../version.js";
import type { ReportFile } from "./writeReports.js";

export const REPORT_FILE_NAMES = ["coverage.pdf", "coverage.md", "coverage.json"] as const;

export interface ReportInputs {
  lang: Lang;
  /** The date printed on the reports (see reportDate). */
  generatedOn: Date;
}

/**
 * The date printed on reports: SOURCE_DATE_EPOCH when set (reproducible builds), otherwise
 * the study's own date, never the clock, so the same data gives the same bytes.
 * @throws UsageError when SOURCE_DATE_EPOCH is not whole seconds within the years 1970–9999
 */
export function reportDate(study: Study, env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    const hint = "unset it, or set it to e.g. $(git log -1 --format=%ct)";
    if (!/^\d{1,12}$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${epoch.slice(0, 40)}"`, hint);
    const date = new Date(Number(epoch) * 1000);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) throw new UsageError(`SOURCE_DATE_EPOCH ${epoch} lies beyond the year 9999`, hint);
    return date;
  }
  return new Date(`${study.study.date}T00:00:00Z`);
}

/**
 * A digest of everything the reports depend on: the data (its version digest), the built
 * tool (digest recorded at build time), the language and the date. Equal digests give
 * byte-identical reports, which lets `report --check` skip rendering.
 */
export function reportInputsDigest(study: Study, inputs: ReportInputs): string {
  return createHash("sha256")
    .update(JSON.stringify([study.dataVersion, toolFingerprint(), inputs.lang, inputs.generatedOn.toISOString()]))
    .digest("hex")
    .slice(0, 32);
}

let fingerprint: string | undefined;
/** Digest of the built tool and schemas (generated/fingerprint.json, written by the build). */
function toolFingerprint(): string {
  if (fingerprint === undefined) {
    try {
      const recorded = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "generated", "fingerprint.json"), "utf8")) as { tool?: string; validators?: string };
      fingerprint = `${TOOL_VERSION}:${recorded.tool ?? "unbundled"}:${recorded.validators ?? ""}`;
    } catch {
      fingerprint = `${TOOL_VERSION}:unknown`;
    }
  }
  return fingerprint;
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Renders coverage.pdf, coverage.md and coverage.json. The JSON records the inputs digest
 * and the SHA-256 of the other two files, for the fast path of `report --check`.
 */
export async function renderReportFiles(study: Study, coverage: Coverage, inputs: ReportInputs): Promise<ReportFile[]> {
  // pdfkit is heavy: only the report loads it.
  const [{ renderPdf }, { renderReportMarkdown }] = await Promise.all([import("../render/renderPdf.js"), import("../render/renderReportMarkdown.js")]);
  const pdf = await renderPdf(study, coverage, { lang: inputs.lang, generatedOn: inputs.generatedOn });
  const markdown = Buffer.from(renderReportMarkdown(study, coverage, { lang: inputs.lang, generatedOn: inputs.generatedOn }), "utf8");
  const digests = { "coverage.pdf": sha256(pdf), "coverage.md": sha256(markdown) };
  return [
    { name: "coverage.pdf", bytes: pdf },
    { name: "coverage.md", bytes: markdown },
    { name: "coverage.json", bytes: await renderReportJson(study, coverage, inputs, digests) },
  ];
}

async function renderReportJson(study: Study, coverage: Coverage, inputs: ReportInputs, digests: Record<string, unknown>): Promise<Uint8Array> {
  const { coverageToJson } = await import("../render/renderMatrixJson.js");
  const json = { ...(coverageToJson(coverage, { lang: inputs.lang }) as object), report: { inputs: reportInputsDigest(study, inputs), files: digests } };
  return Buffer.from(jsonOutput(json), "utf8");
}

/**
 * The fast path of `report --check`: true when coverage.json in `outDir` records the same
 * inputs digest, the PDF and Markdown on disk have the digests it records, and the JSON
 * itself is what the data gives. Rendering would then give the same bytes, so the PDF need
 * not be rendered. False whenever anything is missing or differs: the caller then renders
 * and compares in full.
 */
export async function reportsAreCurrent(outDir: string, study: Study, coverage: Coverage, inputs: ReportInputs): Promise<boolean> {
  try {
    const onDisk = await readFile(path.join(outDir, "coverage.json"));
    const recorded = JSON.parse(onDisk.toString("utf8")) as { report?: { inputs?: unknown; files?: Record<string, unknown> } };
    const files = recorded.report?.files;
    if (recorded.report?.inputs !== reportInputsDigest(study, inputs) || !files) return false;
    for (const name of ["coverage.pdf", "coverage.md"]) {
      if (files[name] !== sha256(await readFile(path.join(outDir, name)))) return false;
    }
    const expected = await renderReportJson(study, coverage, inputs, { "coverage.pdf": files["coverage.pdf"], "coverage.md": files["coverage.md"] });
    return Buffer.compare(onDisk, Buffer.from(expected)) === 0;
  } catch {
    return false;
  }
}
