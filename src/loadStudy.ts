// load → validate → resolve: reads a data folder and returns the typed Study, or the
// findings that say why it cannot be used. Does all the I/O and error reporting of the
// pipeline; the analysis after it is pure.

import * as path from "node:path";
import { ownValue } from "./ownKeys.js";
import { createHash } from "node:crypto";
import { compareFindings, hasErrors, type Finding, type PendingFinding } from "./findings.js";
import { readDataFolder, readRulesFile, type DataFile, type FileKind } from "./load/dataFiles.js";
import { MAX_FINDINGS_PER_FILE } from "./load/limits.js";
import { locatePointer } from "./load/locate.js";
import { decodeDataFile, parseWithPositions, positionedDocument, type PositionedDocument } from "./load/parseYaml.js";
import type { Accord, LoadedRegionPlan, Study } from "./model.js";
import { checkReferences, pageReferences, type ParsedData } from "./validate/checkReferences.js";
import { checkQuoteForm } from "./validate/checkQuoteForm.js";
import { verbatimFields, verifyQuotes, type PageReference, type VerbatimField } from "./validate/verifyQuotes.js";
import { ASSESSED_BY_PLACEHOLDER } from "./model.js";
import { checkSchema } from "./validate/schemaCheck.js";
import { checkText } from "./validate/checkText.js";
import { openStudySnapshot, type CarefulInputs, type StudySnapshot } from "./load/studySnapshot.js";
import type { Coverage } from "./analyse/coverage.js";
import type { DataFolder } from "./load/dataFiles.js";

export type { LoadResult } from "./load/loadResult.js";
import type { LoadResult } from "./load/loadResult.js";

interface ParsedFile {
  kind: FileKind;
  file: string;
  bytes: Uint8Array;
  text: string;
  value: unknown;
}

/** Decodes and parses one file; its problems are added to `findings`. */
async function parseFile(data: DataFile, findings: Finding[]): Promise<ParsedFile | undefined> {
  const decoded = decodeDataFile(data.file, data.bytes);
  for (const finding of decoded.findings) findings.push(finding);
  if (decoded.text === undefined) return undefined;
  const base = { kind: data.kind, file: data.file, bytes: data.bytes, text: decoded.text };
  const careful = await parseWithPositions(data.file, decoded.text);
  for (const finding of careful.findings) findings.push(finding);
  if (careful.findings.length > 0 || careful.value === undefined) return undefined;
  // The document with positions is not kept: most files need no finding placed, and a
  // thousand parsed documents held to the end cost more in memory and garbage collection
  // than parsing again the few files that do (placeFindings).
  return { ...base, value: careful.value };
}

function dataVersionOf(files: readonly DataFile[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    hash.update(file.file);
    hash.update("\u0000");
    hash.update(file.bytes);
    hash.update("\u0000");
  }
  return hash.digest("hex").slice(0, 12);
}

/**
 * Gives each pending finding its line and column, from the file's parse with positions: a
 * file is parsed with positions again here, once, only when a finding needs placing in it.
 */
async function placeFindings(pending: PendingFinding[], parsed: Map<string, ParsedFile>): Promise<Finding[]> {
  const placed: Finding[] = [];
  const documents = new Map<string, PositionedDocument>();
  for (const { at, ...finding } of pending) {
    const file = parsed.get(finding.file);
    if (!file || finding.path === undefined) {
      placed.push(finding);
      continue;
    }
    let positioned = documents.get(file.file);
    if (!positioned) {
      positioned = await positionedDocument(file.text);
      documents.set(file.file, positioned);
    }
    placed.push({ ...finding, position: locatePointer(positioned, finding.path, at) });
  }
  return placed;
}

/** At most one more than the cap per file is placed: the rest are not shown. */
function capPending(pending: PendingFinding[]): PendingFinding[] {
  const counts = new Map<string, number>();
  return pending.filter((finding) => {
    const count = (counts.get(finding.file) ?? 0) + 1;
    counts.set(finding.file, count);
    return count <= MAX_FINDINGS_PER_FILE + 1;
  });
}

function capPerFile(findings: Finding[]): Finding[] {
  const counts = new Map<string, number>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const count = (counts.get(finding.file) ?? 0) + 1;
    counts.set(finding.file, count);
    if (count <= MAX_FINDINGS_PER_FILE) kept.push(finding);
    else if (count === MAX_FINDINGS_PER_FILE + 1) {
      kept.push({ code: "too-many-findings", severity: "error", file: finding.file, params: { limit: MAX_FINDINGS_PER_FILE } });
    }
  }
  return kept;
}

function byKind<T>(parsed: Map<string, ParsedFile>, kind: FileKind): { file: string; value: T }[] {
  return [...parsed.values()].filter((p) => p.kind === kind).map((p) => ({ file: p.file, value: p.value as T }));
}

export interface LoadOptions {
  /** Folder for the study snapshot (studySnapshot.ts); without it every file is parsed and validated. */
  cacheDir?: string;
  /**
   * Check every verbatim field against the texts of its document, looked for in
   * `<data>/sources/` and then in these folders (`validate` does; the analysis commands do not).
   */
  verifyQuotes?: { sourceDirs: readonly string[] };
}

/** The snapshot each study was read from or written to, for the coverage computed from it. */
const snapshotOfStudy = new WeakMap<Study, StudySnapshot>();

export async function loadStudy(dataDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const folder = await readDataFolder(dataDir);
  if (folder.files.length === 0 && hasErrors(folder.findings)) return { study: undefined, findings: folder.findings, files: [] };
  if (!options.cacheDir) return (await loadCarefully(dataDir, folder, options)).result;
  const snapshot = openStudySnapshot(options.cacheDir, folder, { dataDir, sourceDirs: options.verifyQuotes?.sourceDirs });
  let result = await snapshot.read();
  if (!result) {
    const careful = await loadCarefully(dataDir, folder, options);
    result = careful.result;
    await snapshot.write(result, careful.inputs);
  }
  if (result.study) snapshotOfStudy.set(result.study, snapshot);
  return result;
}

/** The shape of a coverage, at the level every renderer reaches first. */
function isCoverage(value: unknown): value is Coverage {
  if (typeof value !== "object" || value === null) return false;
  const coverage = value as Partial<Coverage>;
  return (
    typeof coverage.study === "object" &&
    coverage.study !== null &&
    Array.isArray(coverage.accords) &&
    Array.isArray(coverage.topics) &&
    typeof coverage.vocabulary === "object" &&
    coverage.vocabulary !== null &&
    typeof coverage.rules === "object" &&
    typeof coverage.regionPlanCount === "number"
  );
}

/**
 * The coverage of `study` (as loadStudy returned it) in an evidence view: from the study
 * snapshot when an earlier run stored it for the same inputs and view, else `compute()`,
 * which is then stored. The coverage is a function of the study and the view alone.
 * @param view the options that select the evidence (--as-of, --evidence), as one string
 */
export async function coverageOf(study: Study, view: string, compute: () => Coverage): Promise<Coverage> {
  const snapshot = snapshotOfStudy.get(study);
  const stored = snapshot?.coverage(view);
  if (isCoverage(stored)) return stored;
  const coverage = compute();
  await snapshot?.addCoverage(view, coverage);
  return coverage;
}

/** The view key coverageOf wants for the evidence options. */
export function evidenceViewKey(view: { asOf?: string | undefined; evidence?: string | undefined }): string {
  return JSON.stringify([view.asOf ?? null, view.evidence ?? "all"]);
}

/** Parses, validates and resolves every file of the folder; also says which inputs that took. */
async function loadCarefully(dataDir: string, folder: DataFolder, options: LoadOptions): Promise<{ result: LoadResult; inputs: CarefulInputs }> {
  const folderFindings = [...folder.findings];
  // The same array: reading the rules file later adds to it.
  const findings: Finding[] = folder.findings;
  const parsed = new Map<string, ParsedFile>();
  const valid = new Set<string>();
  const pending: PendingFinding[] = [];

  const accept = async (data: DataFile): Promise<void> => {
    const file = await parseFile(data, findings);
    if (!file) return;
    parsed.set(file.file, file);
    // Text checks first: a blank or faked text is the clearer message where both apply.
    const schemaFindings = [...checkText(file.file, file.value), ...checkSchema(file.kind, file.file, file.value)].slice(0, MAX_FINDINGS_PER_FILE + 1);
    for (const finding of schemaFindings) pending.push(finding);
    if (schemaFindings.length === 0) valid.add(file.file);
  };
  for (const data of folder.files) await accept(data);

  // The rules file is named in study.yaml.
  const studyFile = parsed.get("study.yaml");
  const rulesName = valid.has("study.yaml") ? (studyFile!.value as { rules: string }).rules : "rules.yaml";
  const beforeRules = findings.length;
  const rulesData = await readRulesFile(folder, rulesName);
  folderFindings.push(...findings.slice(beforeRules));
  const allFiles = rulesData ? [...folder.files, rulesData] : folder.files;
  if (rulesData) await accept(rulesData);
  let sources: ReadonlyMap<string, string> = new Map();

  const everyFileValid = !hasErrors(findings) && pending.length === 0;
  let study: Study | undefined;
  if (everyFileValid && valid.has("study.yaml") && valid.has("topics.yaml") && rulesData && valid.has(rulesData.file)) {
    const one = (kind: FileKind): { file: string; value: unknown } | undefined => byKind<unknown>(parsed, kind)[0];
    // Every file passed its schema, so the values have the shapes the types describe.
    const data = {
      study: one("study"),
      topics: one("topics"),
      rules: one("rules"),
      accords: byKind(parsed, "accord"),
      plans: byKind(parsed, "region-plan"),
      connections: one("connections"),
      interviews: one("interviews"),
      sample: one("region-sample"),
      reference: one("reference"),
      dispositions: one("dispositions"),
      screening: one("screening"),
      personas: one("personas"),
    } as ParsedData;
    for (const finding of checkReferences(data)) pending.push(finding);
    // Warnings (a look-alike region name, a finding without its quote) do not stop the study.
    if (!pending.some((f) => f.severity === "error")) {
      const regionPlans: LoadedRegionPlan[] = data.plans.map(({ file, value }) => ({
        ...value,
        file,
        slug: file.replace(/^regions\//, "").replace(/\.ya?ml$/, ""),
      }));
      study = {
        study: data.study.value,
        vocabulary: data.study.value.vocabulary,
        topics: data.topics.value.topics,
        accords: orderAccords(
          data.accords.map((a) => a.value),
          data.study.value.accords,
        ),
        connections: data.connections?.value.connections ?? [],
        interviews: data.interviews?.value ?? { groups: [], themes: [] },
        sample: data.sample?.value,
        regionPlans,
        reference: data.reference?.value.conclusions ?? {},
        dispositions: data.dispositions?.value.dispositions ?? {},
        screening: data.screening?.value.topics ?? {},
        ...(data.personas ? { personas: data.personas.value } : {}),
        rules: data.rules.value,
        dataVersion: dataVersionOf(allFiles),
      };
      findings.push(...completenessOf(study));
      const fields = verbatimFields(study);
      for (const field of fields) {
        const finding = checkQuoteForm(field);
        if (finding) pending.push(finding);
      }
      if (options.verifyQuotes) {
        const quotes = await checkQuotes(study, fields, pageReferences(data), [path.join(dataDir, "sources"), ...options.verifyQuotes.sourceDirs]);
        pending.push(...quotes.findings);
        sources = quotes.inputs;
      }
    }
  }
  for (const finding of await placeFindings(capPending(pending), parsed)) findings.push(finding);
  return {
    result: { study: hasErrors(findings) ? undefined : study, findings: capPerFile(findings.sort(compareFindings)), files: allFiles.map((f) => f.file).sort() },
    inputs: { folderFindings, files: allFiles, rulesFile: rulesName, sources },
  };
}

/** Verifies the study's verbatim fields against the available source texts; ends with a summary. */
async function checkQuotes(
  study: Study,
  fields: VerbatimField[],
  pages: PageReference[],
  dirs: string[],
): Promise<{ findings: PendingFinding[]; inputs: ReadonlyMap<string, string> }> {
  const { readSourceTexts } = await import("./load/sourceTexts.js");
  const sources = await readSourceTexts(study.study.documents, dirs);
  const result = verifyQuotes(fields, sources.texts, pages);
  const unchecked = [...result.unchecked].sort(([a], [b]) => a.localeCompare(b));
  const summary: PendingFinding = {
    code: "quotes-checked",
    severity: "info",
    file: "study.yaml",
    params: { checked: result.checked, texts: sources.texts.size, unchecked: unchecked.map(([doc, count]) => ({ doc, count })) },
  };
  return { findings: [...sources.findings, ...result.findings, summary], inputs: sources.inputs };
}

/** Accords in the column order study.yaml gives. */
function orderAccords(accords: Accord[], order: string[]): Accord[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...accords].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}

/** How much of each region plan has been assessed, as information for the researcher. */
function completenessOf(study: Study): Finding[] {
  const indicators = study.topics.filter((t) => t.indicator).map((t) => t.id);
  const placeholders: Finding[] = study.regionPlans
    .filter((plan) => plan.assessed_by === ASSESSED_BY_PLACEHOLDER)
    .map((plan) => ({
      code: "placeholder" as const,
      severity: "warning" as const,
      file: plan.file,
      path: "/assessed_by",
      params: { value: ASSESSED_BY_PLACEHOLDER },
    }));
  // A new study (dekking init) says "nog invullen" where only the researcher can fill in.
  const studyPlaceholders: Finding[] = [
    ...(study.study.question === ASSESSED_BY_PLACEHOLDER ? [{ path: "/question", field: "question" as const }] : []),
    ...study.study.authors.flatMap((author, i) => (author === ASSESSED_BY_PLACEHOLDER ? [{ path: `/authors/${i}`, field: "author" as const }] : [])),
  ].map(({ path, field }) => ({
    code: "placeholder" as const,
    severity: "warning" as const,
    file: "study.yaml",
    path,
    params: { value: ASSESSED_BY_PLACEHOLDER, field },
  }));
  // Completeness per kind: the region-plan indicators, and the other topics people asked about.
  const asked = new Set(study.interviews.themes.flatMap((t) => t.topics));
  const others = study.topics.filter((t) => !t.indicator && asked.has(t.id)).map((t) => t.id);
  const judged = (plan: LoadedRegionPlan, ids: string[]) =>
    ids.filter((id) => {
      const status = ownValue(plan.findings, id)?.status;
      return status !== undefined && status !== "unknown";
    }).length;
  return [
    ...studyPlaceholders,
    ...placeholders,
    ...study.regionPlans.map((plan) => {
      const finding: Finding = {
        code: "completeness",
        severity: "info",
        file: plan.file,
        params: {
          region: plan.region,
          assessed: judged(plan, indicators),
          indicators: indicators.length,
          othersAssessed: judged(plan, others),
          others: others.length,
        },
      };
      return finding;
    }),
  ];
}

/**
 * Loads one data file outside a data folder (e.g. two assessments for `dekking agreement`),
 * with the same checks a file in a folder gets: size, encoding, YAML, text, schema.
 * @param shown the name findings use for the file (the path as the user typed it)
 */
export async function loadDataFile(
  absolutePath: string,
  shown: string,
  kind: FileKind,
  check?: (value: unknown) => PendingFinding[],
): Promise<{ value: unknown; findings: Finding[] }> {
  const findings: Finding[] = [];
  const { readFile, stat } = await import("node:fs/promises");
  const { MAX_FILE_BYTES } = await import("./load/limits.js");
  const info = await stat(absolutePath).catch(() => undefined);
  if (!info) return { value: undefined, findings: [{ code: "missing-file", severity: "error", file: shown, params: { variant: "given-file" } }] };
  if (!info.isFile())
    return {
      value: undefined,
      findings: [{ code: "not-a-file", severity: "error", file: shown, params: { variant: "given-file" } }],
    };
  if (info.size > MAX_FILE_BYTES)
    return {
      value: undefined,
      findings: [{ code: "file-too-large", severity: "error", file: shown, params: { variant: "given-file", bytes: info.size, limit: MAX_FILE_BYTES } }],
    };
  const data: DataFile = { kind, file: shown, bytes: await readFile(absolutePath) };
  const file = await parseFile(data, findings);
  if (!file) return { value: undefined, findings };
  const pending = [...checkText(file.file, file.value), ...checkSchema(kind, file.file, file.value)].slice(0, MAX_FINDINGS_PER_FILE + 1);
  // The caller's own checks (known ids) need a value of the schema's shape.
  if (pending.length === 0 && check) pending.push(...check(file.value).slice(0, MAX_FINDINGS_PER_FILE + 1));
  findings.push(...(await placeFindings(pending, new Map([[file.file, file]]))));
  return { value: hasErrors(findings) ? undefined : file.value, findings: findings.sort(compareFindings) };
}
