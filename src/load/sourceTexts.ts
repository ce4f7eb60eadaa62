// Reads the plain texts of registered documents: from the data folder's sources/ and from
// the folders given with --sources, the first that has the file. A document without a text
// is simply not checked; only a text that exists but cannot be used is a finding.

import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import { parseSourceText, type SourceText } from "../evidence/sourceText.js";
import { checkPageLayout } from "../evidence/pageMarkers.js";
import type { DocumentEntry } from "../model.js";
import type { FindingParams, PendingFinding } from "../findings.js";

/** Source texts are whole publications (the IZA is 0.5 MB); anything far larger is a mistake. */
export const MAX_SOURCE_TEXT_BYTES = 20 * 1024 * 1024;

export interface SourceTexts {
  /** Per document id, its text. */
  texts: Map<string, SourceText>;
  /** Documents that name a text no folder has. */
  missing: DocumentEntry[];
  findings: PendingFinding[];
  /**
   * Every path looked at, with what was found there (sourceState): the inputs the quote
   * check depends on, for the study snapshot's key.
   */
  inputs: Map<string, string>;
}

/** What a path held when read: the digest of its bytes, or why it was not read. */
export function sourceState(info: { isFile(): boolean; size: number } | undefined, bytes?: Uint8Array): string {
  if (!info) return "absent";
  if (!info.isFile()) return "not-a-file";
  if (info.size > MAX_SOURCE_TEXT_BYTES) return `too-large:${info.size}`;
  return `sha256:${createHash("sha256")
    .update(bytes ?? new Uint8Array())
    .digest("hex")}`;
}

/** The state of `file` now, as readSourceTexts would record it. */
export async function currentSourceState(file: string): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  if (!info || !info.isFile() || info.size > MAX_SOURCE_TEXT_BYTES) return sourceState(info);
  const bytes = await readFile(file).catch(() => undefined);
  return bytes === undefined ? "unreadable" : sourceState(info, bytes);
}

/**
 * Reads the text of every document in `documents` that names one.
 * @param dirs folders to look in, in order (normally `<data>/sources` and the --sources folders)
 */
export async function readSourceTexts(documents: readonly DocumentEntry[], dirs: readonly string[]): Promise<SourceTexts> {
  const texts = new Map<string, SourceText>();
  const missing: DocumentEntry[] = [];
  const findings: PendingFinding[] = [];
  const inputs = new Map<string, string>();
  await Promise.all(
    documents.map(async (document, index) => {
      if (document.text === undefined) return;
      const problem = (params: FindingParams["unreadable-file"]): void => {
        findings.push({ code: "unreadable-file", severity: "error", file: "study.yaml", path: `/documents/${index}/text`, params });
      };
      for (const dir of dirs) {
        const file = path.join(dir, document.text);
        const info = await stat(file).catch(() => undefined);
        if (!info || !info.isFile() || info.size > MAX_SOURCE_TEXT_BYTES) inputs.set(file, sourceState(info));
        if (!info) continue;
        if (!info.isFile()) return problem({ variant: "source-not-a-file", document: document.id, path: file });
        if (info.size > MAX_SOURCE_TEXT_BYTES)
          return problem({ variant: "source-too-large", document: document.id, path: file, bytes: info.size, limit: MAX_SOURCE_TEXT_BYTES });
        let text: string;
        try {
          const bytes = await readFile(file).catch((error: unknown) => {
            inputs.set(file, "unreadable");
            throw error;
          });
          inputs.set(file, sourceState(info, bytes));
          text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          return problem({ variant: "source-not-utf8", document: document.id, path: file });
        }
        // A text whose page markers repeat or run backwards would place quotes on the wrong
        // page: every problem is named at its line, and the text is not trusted.
        const layout = checkPageLayout(text, false);
        for (const wrong of layout) {
          findings.push({
            code: "page-layout",
            severity: "error",
            file: "study.yaml",
            path: `/documents/${index}/text`,
            params: { document: document.id, file, problem: wrong },
          });
        }
        if (layout.length > 0) return;
        texts.set(document.id, parseSourceText(document.id, file, text));
        return;
      }
      missing.push(document);
    }),
  );
  return { texts, missing: missing.sort((a, b) => a.id.localeCompare(b.id)), findings, inputs };
}
