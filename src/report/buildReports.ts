// The report files for one study: what `dekking report` writes and `report --check`
// compares. Rendering is pure; writing is writeReports.ts.

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { lstat, readFile } from "node:fs/promises";
import * as path from "node:path";
import type { Coverage } from "../analyse/coverage.js";
import type { Timeline } from "../analyse/timeline.js";
import { errnoCode, UsageError } from "../errors.js";
import type { Study } from "../model.js";
import type { Lang } from "../messages/labels.js";
import { toolFingerprint } from "../toolFingerprint.js";
import type { ReportFile } from "./writeReports.js";

export const REPORT_FILE_NAMES = ["coverage.pdf", "coverage.md", "coverage.json", "coverage.html", "samenvatting.md"] as const;

export interface ReportInputs {
  lang: Lang;
  /** The date printed on the reports (see reportDate). */
  generatedOn: Date;
  /** True when that date is the study's own (no SOURCE_DATE_EPOCH): the reports then say so, not "generated on". */
  studyDate?: boolean;
  /** Coverage over time from the report's date on (its own section); part of what the reports show. */
  timeline?: Timeline;
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
    .update(
      JSON.stringify([
        study.dataVersion,
        toolFingerprint(),
        inputs.lang,
        inputs.generatedOn.toISOString(),
        inputs.studyDate === true,
        study.asOf ?? study.study.date,
        study.evidence ?? "all",
      ]),
    )
    .digest("hex")
    .slice(0, 32);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Renders coverage.pdf, coverage.md, coverage.json, coverage.html and samenvatting.md (the summary in plain language). */
export async function renderReportFiles(study: Study, coverage: Coverage, inputs: ReportInputs): Promise<ReportFile[]> {
  // pdfkit is heavy: only the report loads it. The report document is built once; the PDF,
  // Markdown and HTML are three emitters over the same sections.
  const [{ buildReport }, { emitPdf }, { emitMarkdown, emitMarkdownSections }, { emitHtml }, { renderMatrixJson }, { NO_PAINT }] = await Promise.all([
    import("../document/buildReport.js"),
    import("../render/report/pdf.js"),
    import("../render/report/markdown.js"),
    import("../render/report/html.js"),
    import("../render/renderMatrixJson.js"),
    import("../render/paint.js"),
  ]);
  const document = buildReport(study, coverage, { lang: inputs.lang, generatedOn: inputs.generatedOn, studyDate: inputs.studyDate, timeline: inputs.timeline });
  const pdf = await emitPdf(document, inputs.generatedOn);
  // samenvatting.md is the document's summary in plain language on its own.
  const summary = document.sections.filter((section) => section.id === "plain-summary");
  return [
    { name: "coverage.pdf", bytes: pdf.bytes, notes: pdfNotes(pdf.notes) },
    { name: "coverage.md", bytes: Buffer.from(emitMarkdown(document), "utf8") },
    { name: "coverage.json", bytes: Buffer.from(renderMatrixJson(coverage, { lang: inputs.lang, paint: NO_PAINT, width: 120, excel: false }), "utf8") },
    { name: "coverage.html", bytes: Buffer.from(emitHtml(document), "utf8") },
    { name: "samenvatting.md", bytes: Buffer.from(emitMarkdownSections(summary, 1), "utf8") },
  ];
}

/** The PDF's notes as sentences for the user; none when the PDF shows every text as written. */
function pdfNotes(notes: { unsupported: string[]; rightToLeft: string[] }): string[] {
  const listed = (chars: string[]): string => `${chars.slice(0, 12).join(" ")}${chars.length > 12 ? ` (and ${chars.length - 12} more)` : ""}`;
  const out: string[] = [];
  if (notes.unsupported.length > 0)
    out.push(
      `${notes.unsupported.length} character(s) no embedded font has are shown as \uFFFD: ${listed(notes.unsupported)}; coverage.html and coverage.md show them as written`,
    );
  if (notes.rightToLeft.length > 0)
    out.push(`right-to-left text (${listed(notes.rightToLeft)}) is set left to right, its letters unjoined; coverage.html shows it as written`);
  return out;
}

/** The record beside the reports (`.dekking-report.json`) that lets `report --check` skip rendering. */
export const REPORT_RECORD = ".dekking-report.json";

/**
 * The record of what the reports were made from: the inputs digest and the SHA-256 of each
 * file. Written with the reports; not itself compared by `--check`.
 */
export function reportRecord(study: Study, inputs: ReportInputs, files: readonly ReportFile[]): ReportFile {
  const record = { inputs: reportInputsDigest(study, inputs), files: Object.fromEntries(files.map((f) => [f.name, sha256(f.bytes)])) };
  return { name: REPORT_RECORD, bytes: Buffer.from(JSON.stringify(record, null, 2) + "\n", "utf8") };
}

/** Largest record dekking reads: its own is about 500 bytes, so anything far larger is not one. */
const MAX_RECORD_BYTES = 64 * 1024;

type RecordRead = { state: "missing" } | { state: "unreadable" } | { state: "read"; inputs: unknown; files: Readonly<Record<string, unknown>> };

/** The record in `outDir`: missing, unreadable (not a regular file, too large, not JSON, not a record's shape), or read. */
async function readRecord(outDir: string): Promise<RecordRead> {
  const file = path.join(outDir, REPORT_RECORD);
  try {
    const stats = await lstat(file);
    if (!stats.isFile() || stats.size > MAX_RECORD_BYTES) return { state: "unreadable" };
    const record: unknown = JSON.parse(await readFile(file, "utf8"));
    if (typeof record !== "object" || record === null || Array.isArray(record)) return { state: "unreadable" };
    const files: unknown = "files" in record ? record.files : undefined;
    if (typeof files !== "object" || files === null || Array.isArray(files)) return { state: "unreadable" };
    return { state: "read", inputs: "inputs" in record ? record.inputs : undefined, files: files as Record<string, unknown> };
  } catch (error) {
    const code = errnoCode(error);
    return code === "ENOENT" || code === "ENOTDIR" ? { state: "missing" } : { state: "unreadable" };
  }
}

/** The digest the record holds for `name`, if it holds one of its own (never one from the prototype). */
function recordedDigest(files: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const digest = Object.hasOwn(files, name) ? files[name] : undefined;
  return typeof digest === "string" ? digest : undefined;
}

/** SHA-256 of a file, read in chunks: a foreign file may be of any size. */
async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * Why a file `report` would replace is not vouched for: there is no record (`no-record`), the
 * record cannot be read (`unreadable-record`; for the record itself: it is not one),
 * the record does not list the file (`not-recorded`), its bytes differ from what the record
 * holds (`changed`), or the file cannot be read (`unreadable-file`).
 */
export type UnvouchedReason = "no-record" | "unreadable-record" | "not-recorded" | "changed" | "unreadable-file";

export interface UnvouchedFile {
  name: string;
  reason: UnvouchedReason;
}

/**
 * The files in `outDir` that `report` would replace but the record there does not vouch for:
 * report files that exist while the record is missing or unreadable, that it does not list
 * or whose SHA-256 differs from the one it holds, and the record itself when it exists but is
 * not one. Only regular files count: anything else is refused by writeReportsAtomically. An
 * empty list means every file there is one dekking wrote, unchanged since.
 */
export async function unvouchedReportFiles(outDir: string): Promise<UnvouchedFile[]> {
  const record = await readRecord(outDir);
  const unvouched: UnvouchedFile[] = [];
  for (const name of REPORT_FILE_NAMES) {
    const file = path.join(outDir, name);
    const stats = await lstat(file).catch(() => undefined);
    if (!stats?.isFile()) continue;
    if (record.state === "missing") unvouched.push({ name, reason: "no-record" });
    else if (record.state === "unreadable") unvouched.push({ name, reason: "unreadable-record" });
    else {
      const recorded = recordedDigest(record.files, name);
      if (recorded === undefined) {
        unvouched.push({ name, reason: "not-recorded" });
        continue;
      }
      const digest = await sha256OfFile(file).catch(() => undefined);
      if (digest === undefined) unvouched.push({ name, reason: "unreadable-file" });
      else if (digest !== recorded) unvouched.push({ name, reason: "changed" });
    }
  }
  if (record.state === "unreadable" && (await lstat(path.join(outDir, REPORT_RECORD)).catch(() => undefined))?.isFile())
    unvouched.push({ name: REPORT_RECORD, reason: "unreadable-record" });
  return unvouched;
}

/**
 * The fast path of `report --check`: true when the record in `outDir` holds the same inputs
 * digest and every report file on disk has the digest it records. Equal inputs give the same
 * bytes, so nothing needs rendering. False whenever anything is missing or differs: the
 * caller then renders and compares in full.
 */
export async function reportsMatchRecord(outDir: string, study: Study, inputs: ReportInputs): Promise<boolean> {
  const record = await readRecord(outDir);
  if (record.state !== "read" || record.inputs !== reportInputsDigest(study, inputs)) return false;
  try {
    for (const name of REPORT_FILE_NAMES) {
      if (recordedDigest(record.files, name) !== (await sha256OfFile(path.join(outDir, name)))) return false;
    }
    return true;
  } catch {
    return false;
  }
}
