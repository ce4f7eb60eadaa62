// `dekking region add <name>`: the file name of a new region plan, the YAML text of its
// scaffold (every indicator `unknown`), and a write that never silently replaces a file.
// Researchers fill the scaffold in by hand, so it carries the schema line and, per
// indicator, the label and the analysis questions as comments.

import type { PlanCandidate } from "../evidence/planCandidates.js";
import { jsonScalar } from "../render/escape/json.js";
import { createHash, randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, lstat, mkdir, open, rename, unlink, type FileHandle } from "node:fs/promises";
import * as path from "node:path";
import { stringify } from "yaml";
import { closestMatch } from "../didYouMean.js";
import { backUpFile } from "../backUpFile.js";
import { errnoCode, UsageError } from "../errors.js";
import type { Study, Topic } from "../model.js";
import { candidateOrderNote } from "../render/renderScreen.js";

/** Longest slug, so file names stay readable and far below any file-system limit. */
export const MAX_SLUG_LENGTH = 60;

/** regions/sample.yaml holds the report's aggregate findings; a plan must never take its name. */
const RESERVED_SLUGS = new Set(["sample"]);

/** Control characters and line/paragraph separators: they have no place in a one-line name. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Letters that NFKD does not decompose into a base letter plus marks. */
const FOLD: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i" };

/** Cyrillic and Greek letters in Latin (a plain, reversible-enough transliteration for file names). */
const TRANSLITERATE: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  ґ: "g",
  д: "d",
  е: "e",
  ё: "e",
  є: "ye",
  ж: "zh",
  з: "z",
  и: "i",
  і: "i",
  ї: "yi",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  α: "a",
  β: "v",
  γ: "g",
  δ: "d",
  ε: "e",
  ζ: "z",
  η: "i",
  θ: "th",
  ι: "i",
  κ: "k",
  λ: "l",
  μ: "m",
  ν: "n",
  ξ: "x",
  ο: "o",
  π: "p",
  ρ: "r",
  σ: "s",
  ς: "s",
  τ: "t",
  υ: "y",
  φ: "f",
  χ: "ch",
  ψ: "ps",
  ω: "o",
};

/** Names Windows reserves for devices, whatever the extension: `con.yaml` cannot exist in a Windows checkout. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;

/** A slug and, where it is not simply the name in ASCII, a note that says why. */
export interface Slug {
  slug: string;
  note?: string;
}

/**
 * The file-name part of `data/regions/<slug>.yaml` for a region name: lowercase ASCII
 * letters, digits and single hyphens. The result never contains a path separator or a
 * dot, so no name can point outside the regions folder. Cyrillic and Greek names are
 * transliterated; a name in another script gets a slug made from its hash; a name Windows
 * reserves (CON, NUL, COM1, …) gets "-regio" added.
 */
export function slugFor(name: string): Slug {
  if (CONTROL.test(name)) {
    throw new UsageError(
      "the region name contains control characters (such as a NUL byte, a tab or a line break)",
      'type the name as plain text on one line, e.g. "Zuid-Limburg"',
    );
  }
  const folded = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/[\u0370-\u03ff\u0400-\u04ff]/g, (c) => TRANSLITERATE[c] ?? c);
  const cut = (text: string): string =>
    text
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, MAX_SLUG_LENGTH)
      .replace(/-+$/, "");
  let slug = cut(folded);
  let note: string | undefined;
  if (slug !== "" && /[\u0370-\u03ff\u0400-\u04ff]/.test(name.normalize("NFC"))) {
    note = `the name is written in another alphabet; its file is named after its transliteration, regions/${slug}.yaml`;
  }
  if (slug === "") {
    if (!/[\p{L}\p{N}]/u.test(name)) {
      throw new UsageError(
        `the region name "${name}" has no letters or digits to make a file name from`,
        'use the region\'s name, e.g. dekking region add "Zuid-Limburg"',
      );
    }
    // Letters of a script without a transliteration here: a stable name from the name's hash.
    slug = `regio-${createHash("sha256").update(name.normalize("NFC")).digest("hex").slice(0, 8)}`;
    note = `the name has no letters a file name can hold (a-z, 0-9); its file is named regions/${slug}.yaml, and the name itself is kept as region: in the file`;
  }
  if (WINDOWS_RESERVED.test(slug)) {
    slug = `${slug}-regio`;
    note = `"${slug.replace(/-regio$/, "")}" is a reserved file name on Windows, so the file is named regions/${slug}.yaml`;
  }
  return note ? { slug, note } : { slug };
}

/** The slug alone (see slugFor). */
export function slugify(name: string): string {
  return slugFor(name).slug;
}

/**
 * The absolute path of a region plan file in a data folder. Refuses the slug of the
 * sample file and, as a last guard, any path that does not resolve inside regions/.
 */
export function regionPlanPath(dataDir: string, slug: string): string {
  if (RESERVED_SLUGS.has(slug)) {
    throw new UsageError(
      `the name gives the file regions/${slug}.yaml, which holds the report's aggregate findings over the sample`,
      'use the region\'s full name, e.g. "Regio Sample-West"',
    );
  }
  const regionsDir = path.resolve(dataDir, "regions");
  const target = path.resolve(regionsDir, `${slug}.yaml`);
  const relative = path.relative(regionsDir, target);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative) || relative.includes(path.sep)) {
    throw new UsageError(`the region name gives a file outside ${regionsDir}`, "use the region's name without path characters");
  }
  return target;
}

/** How a region name relates to the study: a sample region, close to one, or already assessed. */
export interface RegionNameCheck {
  /** The name is one of the sample regions of study.yaml, so its file replaces the sample share for it. */
  inSample: boolean;
  /** A sample region the name is probably meant to be (different spelling), when it is not one exactly. */
  suggestion: string | undefined;
  /** The file of an existing plan for the same region, if any. */
  assessedIn: string | undefined;
}

/**
 * A region name that is almost a sample region ("Zuid-Limburg" for "Zuid Limburg") would
 * count as an extra region instead of replacing the sample share: the CLI should warn.
 */
export function checkRegionName(study: Study, region: string): RegionNameCheck {
  const sampleRegions = study.sample?.regions ?? study.study.regions;
  const inSample = sampleRegions.includes(region);
  let suggestion: string | undefined;
  if (!inSample) {
    const bySlug = sampleRegions.find((r) => safeSlug(r) === safeSlug(region));
    suggestion = bySlug ?? closestMatch(region, sampleRegions);
  }
  return { inSample, suggestion, assessedIn: study.regionPlans.find((p) => p.region === region)?.file };
}

function safeSlug(name: string): string | undefined {
  try {
    return slugify(name);
  } catch {
    return undefined;
  }
}

export interface ScaffoldInput {
  region: string;
  planTitle?: string;
  year?: number;
  url?: string;
  assessedBy?: string;
  /** YYYY-MM-DD. */
  assessedOn: string;
  /** The plan's document id in the register, with candidate passages per topic (`region add --from`). */
  from?: { doc: string; candidates: ReadonlyMap<string, readonly PlanCandidate[]> };
}

/** Placeholder for `assessed_by`: the schema needs a name, and a made-up one would be fake data. */
import { ASSESSED_BY_PLACEHOLDER } from "../model.js";

export { ASSESSED_BY_PLACEHOLDER };

function checkText(what: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === "") throw new UsageError(`${what} is empty`, `give ${what} as text`);
  if (CONTROL.test(trimmed)) throw new UsageError(`${what} contains control characters (such as a tab or a line break)`, "give it as plain text on one line");
  if ([...trimmed].length > max) throw new UsageError(`${what} is longer than ${max} characters`, "shorten it");
  return trimmed;
}

function checkDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`assessed_on "${value}" is not a date`, "write it as YYYY-MM-DD, e.g. 2024-08-02");
  }
  return value;
}

function checkInput(input: ScaffoldInput): ScaffoldInput {
  const checked: ScaffoldInput = {
    region: checkText("the region name", input.region, 200),
    assessedOn: checkDate(input.assessedOn),
  };
  if (input.planTitle !== undefined) checked.planTitle = checkText("the plan title", input.planTitle, 300);
  if (input.assessedBy !== undefined) checked.assessedBy = checkText("assessed_by", input.assessedBy, 200);
  if (input.year !== undefined) {
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) {
      throw new UsageError(`the year ${input.year} is not a year from 2000 to 2100`, "give the year the plan was published, e.g. --year 2023");
    }
    checked.year = input.year;
  }
  if (input.url !== undefined) {
    const url = input.url.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:\/\//.test(url) || CONTROL.test(url) || /\s/.test(url)) {
      throw new UsageError(`"${input.url}" is not a web address`, "give the address where the plan is published, starting with https://");
    }
    checked.url = url;
  }
  return checked;
}

/** One YAML scalar on one line, quoted where YAML needs it (`: `, `#`, leading `-`, "null", …). */
function scalar(value: string | number): string {
  const text = stringify(value, { lineWidth: 0, minContentWidth: 0 }).replace(/\n$/, "");
  // The inputs are single-line, so this holds; JSON is valid YAML should it ever not.
  return text.includes("\n") ? JSON.stringify(value) : text;
}

/** Comment lines, wrapped at `width` columns; the text is data from topics.yaml, so whitespace is normalised. */
function comment(text: string, indent: string, width = 100, continuation = "  "): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const prefix = lines.length === 0 ? `${indent}# ` : `${indent}# ${continuation}`;
    if (line !== "" && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push((lines.length === 0 ? `${indent}# ` : `${indent}# ${continuation}`) + line);
  return lines;
}

/** Indicator topics in category order, then in the order of topics.yaml (as the matrix shows them). */
export function indicatorTopics(study: Study): Topic[] {
  const rank = new Map<string, number>(study.vocabulary.categories.map((c, i) => [c.id, i]));
  return study.topics
    .map((topic, index) => ({ topic, index }))
    .filter(({ topic }) => topic.indicator)
    .sort((a, b) => (rank.get(a.topic.category) ?? Infinity) - (rank.get(b.topic.category) ?? Infinity) || a.index - b.index)
    .map(({ topic }) => topic);
}

/**
 * The topics a region file assesses: the indicators (category order), then the other topics
 * the interviews asked about (demand), which real plans also address.
 */
export function scaffoldTopics(study: Study): { indicators: Topic[]; demand: Topic[] } {
  const asked = new Set(study.interviews.themes.flatMap((t) => t.topics));
  const rank = new Map<string, number>(study.vocabulary.categories.map((c, i) => [c.id, i]));
  const demand = study.topics
    .map((topic, index) => ({ topic, index }))
    .filter(({ topic }) => !topic.indicator && asked.has(topic.id))
    .sort((a, b) => (rank.get(a.topic.category) ?? Infinity) - (rank.get(b.topic.category) ?? Infinity) || a.index - b.index)
    .map(({ topic }) => topic);
  return { indicators: indicatorTopics(study), demand };
}

const HEADER = [
  "# Beoordeling van één regioplan voor dekking (zie docs/adding-a-region-plan.md).",
  "#",
  "# Vul per indicator onder findings de status in:",
  "#   concrete  het plan beschrijft een concrete aanpak (wie doet wat, met welke middelen)",
  '#   ambition  het plan noemt alleen doelen of ambities ("hoog over")',
  "#   absent    het plan noemt het onderwerp niet",
  "#   unknown   nog niet beoordeeld; telt als niet gedekt",
  "# Zet bij elke beoordeling de woorden van het plan letterlijk onder quote: en het",
  '# paginanummer (of "64-65") onder page:; rust de beoordeling op meer passages, zet ze onder',
  "# quotes: als - { quote: …, page: … } (met doc: <id> als de passage uit een ander document komt).",
  "# Bereikt het plan het onderwerp alleen via andere structuren (bijvoorbeeld toegankelijkheid",
  "# van zorg alleen via de wijkteams), voeg dan evidence: indirect toe; dat halveert de score.",
  "# Schrijft het plan voor alle inwoners en niet voor ouderen, voeg scope: general toe (× factor).",
  "# Een eigen opmerking kan onder note:; dekking explain toont die.",
  "# Controleer daarna met: npx dekking validate",
];

/**
 * The YAML text of a new region plan file: every indicator topic listed as `unknown`,
 * preceded by its label and analysis questions as comments. Loads and validates as is.
 */
export function renderRegionPlanScaffold(study: Study, input: ScaffoldInput): string {
  const checked = checkInput(input);
  const lines: string[] = ["# yaml-language-server: $schema=../../schemas/region-plan.schema.json", ...HEADER, ""];
  const sampleRegions = study.sample?.regions ?? study.study.regions;
  if (sampleRegions.includes(checked.region)) {
    lines.push(
      "# Deze regio hoort bij de steekproef van study.yaml: wat je hier beoordeelt, vervangt voor",
      "# deze regio de geschatte dekking uit regions/sample.yaml.",
    );
  } else {
    lines.push(
      "# Deze regio hoort niet bij de steekproef van study.yaml: ze telt als extra regio naast",
      "# de steekproefregio's. Schrijf de naam precies als in study.yaml als dat wel de bedoeling is.",
    );
  }
  lines.push(`region: ${scalar(checked.region)}`);
  lines.push("plan:");
  lines.push(`  title: ${scalar(checked.planTitle ?? `Regioplan ${checked.region}`)}`);
  lines.push(checked.year !== undefined ? `  year: ${checked.year}` : "  # year: 2023          # jaar van het plan");
  lines.push(checked.url !== undefined ? `  url: ${scalar(checked.url)}` : "  # url: https://…      # waar het plan gepubliceerd is");
  if (input.from) lines.push(`  document: ${scalar(input.from.doc)}`);
  if (checked.assessedBy !== undefined) {
    lines.push(`assessed_by: ${scalar(checked.assessedBy)}`);
  } else {
    lines.push(`assessed_by: ${scalar(ASSESSED_BY_PLACEHOLDER)}   # naam van wie het plan beoordeelt`);
  }
  lines.push(`assessed_on: ${scalar(checked.assessedOn)}`);
  lines.push(
    "# Hoe ver cliënt- en ouderenorganisaties meededen aan het plan (participatieladder van OPCZ);",
    "# haal het # weg en kies één waarde:",
    "# participation: toehoorder | meedenker | adviseur | partner | regisseur | nvt",
    "",
    "findings:",
  );
  const { indicators, demand } = scaffoldTopics(study);
  if (indicators.length + demand.length === 0) {
    // An empty map, so the file still validates when a study defines no indicators.
    lines[lines.length - 1] = "findings: {}";
  }
  let category: string | undefined;
  const emit = (topic: Topic): void => {
    if (topic.category !== category) {
      category = topic.category;
      // The study's Dutch name, on one comment line whatever it holds.
      const name = (study.vocabulary.categories.find((c) => c.id === topic.category)?.name ?? topic.category).replace(/\s+/g, " ");
      lines.push(`  # ── ${name} ${"─".repeat(Math.max(3, 60 - name.length))}`);
    }
    lines.push(...comment(topic.label, "  "));
    for (const question of topic.questions ?? []) lines.push(...comment(`? ${question}`, "  ", 100, "  "));
    // Empty placeholders: uncommented without a value they fail validation instead of passing as data.
    lines.push(`  ${topic.id}:`, "    status: unknown");
    const candidates = input.from?.candidates.get(topic.id) ?? [];
    if (!input.from || candidates.length === 0) {
      if (input.from) lines.push(`    # (geen kandidaat-passage in ${input.from.doc} met de termen van dit onderwerp)`);
      lines.push("    # quote:", "    # page:", "");
      return;
    }
    lines.push(
      `    # Kandidaat-passages uit ${input.from.doc}, beste eerst: een voorstel, geen oordeel. Haal bij wat past`,
      "    # de # weg voor quote: en page: (meer passages: onder quotes:), en kies de status zelf.",
    );
    candidates.forEach((c, i) => {
      const heading = c.heading.length > 0 ? ` · in kop: ${c.heading.join(", ")}` : "";
      const order = candidateOrderNote(c, "nl");
      lines.push(
        ...comment(
          `${i + 1}. p. ${c.page} · score ${c.score.toFixed(2)} · termen: ${c.matched.join(", ")}${heading}${order && ` · ${order}`}`,
          "    ",
          100,
          "   ",
        ),
      );
      lines.push(`    # quote: ${jsonScalar(c.quote)}`, `    # page: ${c.page}`);
    });
    lines.push("");
  };
  for (const topic of indicators) emit(topic);
  if (demand.length > 0) {
    lines.push("  # ════ Andere onderwerpen waar de interviews om vroegen (geen indicator, wel vraag) ════", "");
    category = undefined;
    for (const topic of demand) emit(topic);
  }
  return lines.join("\n").replace(/\n+$/, "") + "\n";
}

/** Local date as YYYY-MM-DD, the default for assessed_on. */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function ioError(what: string, file: string, error: unknown): UsageError {
  const code = errnoCode(error) ?? (error instanceof Error ? error.message : String(error));
  return new UsageError(`${what} ${file} (${code})`, "check that the folder exists and that you may write in it");
}

/** Writes the text to a new file next to `target` and syncs it, so a rename publishes it whole. */
async function writeTemporary(target: string, text: string): Promise<string> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, "wx");
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw ioError("cannot write", temporary, error);
  }
  await handle.close();
  return temporary;
}

/**
 * Replaces an existing file atomically (a temporary file beside it, then a rename), so a
 * reader never sees half a file and an interrupted write leaves the old one.
 * @throws UsageError when the file cannot be written
 */
export async function replaceFile(target: string, text: string): Promise<void> {
  const temporary = await writeTemporary(target, text);
  try {
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw ioError("cannot write", target, error);
  }
}

/**
 * Writes a new file. Refuses when the target exists, unless `force`; with force the old
 * file is first copied to a backup that never replaces an earlier one. The new content
 * appears at once (temporary file in the same folder, then rename), and a symbolic link at
 * the target is refused rather than followed.
 */
export async function writeNewFile(target: string, text: string, options: { force: boolean; now?: Date }): Promise<{ backup?: string }> {
  const folder = path.dirname(target);
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw ioError("cannot create the folder", folder, error);
  }
  let existing: Awaited<ReturnType<typeof lstat>> | undefined;
  try {
    existing = await lstat(target);
  } catch (error) {
    if (errnoCode(error) !== "ENOENT") throw ioError("cannot check", target, error);
  }
  if (existing?.isSymbolicLink()) {
    throw new UsageError(`${target} is a symbolic link; dekking does not write through links`, "remove the link, or pass a name that gives another file");
  }
  if (existing && !existing.isFile()) {
    throw new UsageError(`${target} exists and is not a regular file`, "move it away first");
  }
  if (existing && !options.force) {
    throw new UsageError(
      `${target} already exists; it is left as it is`,
      "edit that file, choose another name, or pass --force to replace it (the old file is kept as a .bak copy)",
    );
  }

  const backup = existing ? await backUpFile(target, options.now ?? new Date()) : undefined;
  const temporary = await writeTemporary(target, text);
  try {
    if (existing) {
      await rename(temporary, target);
    } else {
      // link() fails when the target appeared meanwhile, so a file created by someone else
      // between the check and now is never replaced.
      await publishWithoutReplacing(temporary, target);
    }
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    if (error instanceof UsageError) throw error;
    throw ioError("cannot write", target, error);
  }
  return backup ? { backup } : {};
}

async function publishWithoutReplacing(temporary: string, target: string): Promise<void> {
  try {
    await link(temporary, target);
  } catch (error) {
    const code = errnoCode(error);
    if (code === "EEXIST")
      throw new UsageError(`${target} already exists; it is left as it is`, "pass --force to replace it (the old file is kept as a .bak copy)");
    // Some file systems have no hard links; an exclusive copy still never replaces a file.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS" || code === "EXDEV") {
      try {
        await copyFile(temporary, target, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if (errnoCode(copyError) === "EEXIST")
          throw new UsageError(`${target} already exists; it is left as it is`, "pass --force to replace it (the old file is kept as a .bak copy)");
        throw copyError;
      }
    } else {
      throw error;
    }
  }
  // The file is published; a temporary name left behind is harmless (the loader reads *.yaml only).
  await unlink(temporary).catch(() => undefined);
}
