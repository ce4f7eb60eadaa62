// `source add`: read a document (a PDF, or a text already in the page layout), write its
// text to `<data>/sources/<id>.md` and register it in `<data>/study.yaml`. Everything is
// checked and prepared before the first byte is written; both writes are atomic.

import { createHash } from "node:crypto";
import { lstat, readFile, rename, stat, unlink } from "node:fs/promises";
import * as path from "node:path";
import { UsageError } from "../errors.js";
import { MAX_SOURCE_TEXT_BYTES } from "../load/sourceTexts.js";
import { replaceFile, writeNewFile } from "../region/scaffoldRegionPlan.js";
import { readPages, type ReadDocument } from "./pageLayout.js";
import { checkPageLayout } from "../evidence/pageMarkers.js";
import { pageLayoutText } from "../messages/findings.js";
import { parseSourceText } from "../evidence/sourceText.js";
import { renderPagedText, withoutControls } from "./pagedText.js";
import { looksLikePdf, MAX_PDF_BYTES, readPdf } from "./readPdf.js";
import { registerDocument, type DocumentRegistration } from "./registerDocument.js";

/** The kinds of document the register knows (schemas/study.schema.json). */
import { DOCUMENT_KINDS, type DocumentKind } from "./documentKinds.js";
export { DOCUMENT_KINDS, type DocumentKind };

/** A document id: a slug of lowercase letters, digits and hyphens, as the schema's `id`. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 60;
/** Names Windows reserves for devices: `con.md` cannot exist in a Windows checkout. */
const RESERVED_IDS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export interface AddSourceInput {
  /** The file to read (absolute). */
  file: string;
  /** As the user typed it, for messages. */
  displayFile: string;
  id: string;
  kind: DocumentKind;
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
  force: boolean;
  now: Date;
  /** Called after each page of a PDF is read. */
  onPage?: (index: number, count: number) => void;
}

export interface AddedSource {
  /** Absolute path of the text written. */
  textFile: string;
  backup?: string;
  /** True when the register entry existed and was updated (--force). */
  replacedEntry: boolean;
  /** The kind the entry had before --force changed it. */
  previousKind?: string;
  /** What was read: for a PDF the layout findings; for a text only pages and characters. */
  from: "pdf" | "text";
  read: ReadDocument;
}

/**
 * Checks the arguments, reads the document and writes its text and register entry.
 * @throws UsageError for a bad id, kind, date or URL; a folder that is not a study; a file
 *   that is missing, too large, not a PDF nor UTF-8 text, encrypted, damaged, without a text
 *   layer, or a text whose page markers are wrong; an id already in use without `force`.
 *   Nothing is written then.
 */
export async function addSource(dataDir: string, input: AddSourceInput): Promise<AddedSource> {
  checkArguments(input);
  const studyFile = path.join(dataDir, "study.yaml");
  const folder = await stat(dataDir).catch(() => undefined);
  if (!folder) throw new UsageError(`--data ${dataDir}: no such folder`, "give the folder that holds study.yaml (a copy of the shipped data/, for example)");
  if (!folder.isDirectory()) throw new UsageError(`--data ${dataDir} is a file, not a folder`, "give the folder that holds study.yaml");
  const studyInfo = await lstat(studyFile).catch(() => undefined);
  if (!studyInfo)
    throw new UsageError(
      `${dataDir} is not a study folder: it has no study.yaml`,
      "give with --data the folder that holds study.yaml (a copy of the shipped data/, for example)",
    );
  if (studyInfo.isSymbolicLink())
    throw new UsageError(`${studyFile} is a symbolic link; dekking does not write through links`, "give the folder that holds the real study.yaml");
  const studyText = await readFile(studyFile, "utf8");

  const info = await stat(input.file).catch(() => undefined);
  if (!info) throw new UsageError(`${input.displayFile}: no such file`, "check the path");
  if (!info.isFile()) throw new UsageError(`${input.displayFile} is not a file`, "give the PDF (or the page-layout text) of the document");
  if (info.size > MAX_PDF_BYTES) {
    throw new UsageError(
      `${input.displayFile} is ${(info.size / 2 ** 20).toFixed(0)} MB; the limit is ${MAX_PDF_BYTES / 2 ** 20} MB`,
      "is this the right file? A policy document of a few hundred pages is rarely over 20 MB",
    );
  }
  const bytes = new Uint8Array(await readFile(input.file));
  if (bytes.length === 0) throw new UsageError(`${input.displayFile} is empty`, "give the PDF of the document (check that the download finished)");
  const sha256 = createHash("sha256").update(bytes).digest("hex");

  let text: string;
  let read: ReadDocument;
  let from: "pdf" | "text";
  let title = input.title;
  if (looksLikePdf(bytes)) {
    from = "pdf";
    const content = await readPdf(bytes, input.displayFile, input.onPage);
    read = readPages(content.pages);
    if (read.pages.length > 0 && read.emptyPages.length === read.pages.length) {
      throw new UsageError(
        `${input.displayFile}: none of its ${read.pages.length} pages has a text layer (a scan, or pages that are pictures); dekking does not guess text`,
        "run it through OCR first (e.g. ocrmypdf --language nld in.pdf out.pdf), then source add the result",
      );
    }
    title ??= content.title === undefined ? undefined : withoutControls(content.title);
    text = renderPagedText(
      { title: title ?? input.id, file: path.basename(input.file), sha256, reader: content.reader, ...(input.url ? { url: input.url } : {}) },
      read.pages,
    );
  } else {
    if (/\.pdf$/i.test(input.file)) {
      throw new UsageError(
        `${input.displayFile} is not a PDF: it does not start with %PDF-`,
        "check that the download is complete and is the PDF itself, not a web page about it",
      );
    }
    from = "text";
    if (bytes.length > MAX_SOURCE_TEXT_BYTES) {
      throw new UsageError(
        `${input.displayFile} is ${(bytes.length / 2 ** 20).toFixed(0)} MB of text; the limit for a text is ${MAX_SOURCE_TEXT_BYTES / 2 ** 20} MB`,
        "is this the right file?",
      );
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      throw new UsageError(
        `${input.displayFile} is neither a PDF nor UTF-8 text`,
        'give the PDF itself, or a text file in UTF-8 with a line "## Page N" before each page',
      );
    }
    const problems = checkPageLayout(text, true);
    const first = problems[0];
    if (first) {
      throw new UsageError(
        `${input.displayFile}:${first.line + 1}:1: ${pageLayoutText(first).message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`,
        pageLayoutText(first).hint,
      );
    }
    if (!text.endsWith("\n")) text += "\n";
    read = readTextPages(text);
  }

  const registration: DocumentRegistration = {
    id: input.id,
    ...(input.title !== undefined ? { title: input.title } : {}),
    kind: input.kind,
    ...(input.publisher !== undefined ? { publisher: input.publisher } : {}),
    ...(input.date !== undefined ? { date: input.date } : {}),
    ...(input.url !== undefined ? { url: input.url } : {}),
    text: `${input.id}.md`,
  };
  const registered = registerDocument(studyText, studyFile, registration, (title ?? input.id).replace(/\s+/g, " ").trim().slice(0, 300), input.force);
  const textFile = path.join(dataDir, "sources", `${input.id}.md`);
  const { backup } = await writeNewFile(textFile, text, { force: input.force, now: input.now });
  try {
    await replaceFile(studyFile, registered.yaml);
  } catch (error) {
    // The register could not be written: undo the text, so that nothing is left half done.
    if (backup) await rename(backup, textFile).catch(() => undefined);
    else await unlink(textFile).catch(() => undefined);
    throw error;
  }
  return {
    textFile,
    ...(backup ? { backup } : {}),
    replacedEntry: registered.replaced,
    ...(registered.previousKind ? { previousKind: registered.previousKind } : {}),
    from,
    read,
  };
}

function checkArguments(input: AddSourceInput): void {
  if (input.id.length > MAX_ID_LENGTH) {
    throw new UsageError(`--id is ${input.id.length} characters long; the limit is ${MAX_ID_LENGTH}`, "shorten it, e.g. regioplan-twente-2023");
  }
  if (!ID.test(input.id)) {
    throw new UsageError(
      `--id "${input.id}" is not a document id`,
      `use lowercase letters, digits and hyphens, at most ${MAX_ID_LENGTH} characters, e.g. regioplan-twente-2023`,
    );
  }
  if (RESERVED_IDS.test(input.id)) throw new UsageError(`--id "${input.id}" is a file name Windows reserves`, `add a word, e.g. ${input.id}-2024`);
  if (!(DOCUMENT_KINDS as readonly string[]).includes(input.kind)) {
    throw new UsageError(`--kind "${input.kind}" is not a kind of document`, `one of ${DOCUMENT_KINDS.join(", ")}`);
  }
  if (input.date !== undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.date);
    const day = match ? new Date(`${input.date}T00:00:00Z`) : undefined;
    if (!match || !day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== input.date) {
      throw new UsageError(`--date "${input.date}" is not a date`, "write it as YYYY-MM-DD, e.g. 2023-12-22");
    }
  }
  if (input.url !== undefined && !/^https?:\/\/[^\s]+$/.test(input.url)) {
    throw new UsageError(`--url "${input.url}" is not a web address`, "give the address where the document is published, starting with https://");
  }
  for (const [flag, value] of [
    ["--title", input.title],
    ["--publisher", input.publisher],
  ] as const) {
    if (value !== undefined && (value.trim() === "" || value.length > 300)) {
      throw new UsageError(`${flag} must be 1 to 300 characters`, "shorten it; the full title belongs in the document itself");
    }
    if (value !== undefined && /[\u0000-\u001F\u007F-\u009F]/.test(value)) {
      throw new UsageError(`${flag} holds a control character or a line break`, "give it on one line, as plain text");
    }
  }
}

/** Pages and characters of a text already in the page layout, for the summary. */
function readTextPages(text: string): ReadDocument {
  const pages = parseSourceText("", "", text).pages.map((p) => ({ index: p.page, text: p.text.trim(), columns: 1, margins: [] }));
  return {
    pages,
    emptyPages: pages.filter((p) => p.text === "").map((p) => p.index),
    multiColumnPages: [],
    margins: [],
    characters: pages.reduce((n, p) => n + p.text.length, 0),
  };
}
