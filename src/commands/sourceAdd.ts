// `dekking source add <file>`: read a document's PDF (or page-layout text) into the study.

import type { Command } from "commander";
import { Option } from "commander";
import * as path from "node:path";
import { UsageError } from "../errors.js";
import { terminalLine } from "../render/escape/terminal.js";
import { DOCUMENT_KINDS, type DocumentKind } from "../sources/documentKinds.js";
import { dataDirOf, type CommonOptions, type Io, type Outcome } from "./context.js";

export interface SourceAddOptions extends CommonOptions {
  file: string;
  id?: string;
  kind?: DocumentKind;
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
  force?: boolean;
}

export function declareSourceAdd(command: Command): Command {
  return command
    .description("read a document's PDF (or a text in the ## Page N layout) into <data>/sources/<id>.md and register it in study.yaml; never overwrites")
    .argument("<file>", 'the PDF, or a text file with a line "## Page N" before each page')
    .option("--id <id>", "the document id sources will cite (lowercase, digits, hyphens), e.g. regioplan-twente-2023")
    .addOption(new Option("--kind <kind>", "what the document is").choices([...DOCUMENT_KINDS]))
    .option("--title <title>", "title for the register (default: the PDF's own title)")
    .option("--publisher <publisher>", "who published it")
    .option("--date <date>", "publication date, YYYY-MM-DD")
    .option("--url <url>", "where it is published")
    .option("--force", "replace an existing text (kept as a .bak copy) and update its register entry");
}

export async function runSourceAdd(options: SourceAddOptions, io: Io): Promise<Outcome> {
  if (options.data === undefined) {
    throw new UsageError(
      "source add writes into a data folder: give it with --data DIR",
      'start from a copy of the shipped study, e.g. cp -r "$(npm root)/dekking/data" ./data && dekking source add plan.pdf --data ./data --id … --kind region-plan',
    );
  }
  if (options.id === undefined) throw new UsageError("source add needs --id", "the id sources will cite, e.g. --id regioplan-twente-2023");
  if (options.kind === undefined) throw new UsageError("source add needs --kind", `one of ${DOCUMENT_KINDS.join(", ")}`);
  const dataDir = dataDirOf(options, io);
  const { addSource } = await import("../sources/addSource.js");
  const progress = io.stderrIsTTY === true;
  const started = Date.now();
  const added = await addSource(dataDir, {
    file: path.resolve(io.cwd, options.file),
    displayFile: options.file,
    id: options.id,
    kind: options.kind,
    force: Boolean(options.force),
    now: new Date(),
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.publisher !== undefined ? { publisher: options.publisher } : {}),
    ...(options.date !== undefined ? { date: options.date } : {}),
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(progress
      ? {
          onPage: (index: number, count: number) => {
            if (Date.now() - started > 500) io.stderr(`\rreading page ${index} of ${count}${index === count ? "\n" : ""}`);
          },
        }
      : {}),
  });
  const shown = (file: string): string => terminalLine(path.relative(io.cwd, file) || file);
  const read = added.read;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  const lines = [
    `read ${terminalLine(options.file)}: ${plural(read.pages.length, "page")}, ${plural(read.characters, "character").replace(/^\d+/, (n) => Number(n).toLocaleString("en-GB"))}`,
  ];
  if (read.emptyPages.length > 0)
    lines.push(`  pages without text: ${formatPages(read.emptyPages)} (pictures or blank: nothing is guessed; quote from them only what you can check)`);
  if (added.from === "pdf") {
    lines.push(`  pages read in two or more columns: ${read.multiColumnPages.length > 0 ? formatPages(read.multiColumnPages) : "none"}`);
    if (read.margins.length > 0) {
      lines.push(`  running heads and feet set apart: ${read.margins.length}`);
      for (const margin of read.margins.slice(0, 5)) lines.push(`    "${terminalLine(margin.text.slice(0, 70))}" (${margin.pages} pages)`);
      if (read.margins.length > 5) lines.push(`    … and ${read.margins.length - 5} more`);
    }
  }
  if (added.backup) lines.push(`kept the previous text as ${shown(added.backup)}`);
  if (added.previousKind) lines.push(`the entry's kind changed from ${terminalLine(added.previousKind)} to ${terminalLine(options.kind)}`);
  lines.push(
    `wrote ${shown(added.textFile)}; ${added.replacedEntry ? "updated" : "registered"} "${terminalLine(options.id)}" in ${shown(path.join(dataDir, "study.yaml"))}`,
  );
  lines.push(
    `next: dekking region add <name> --data ${terminalLine(options.data)}, or cite it as source: { doc: ${terminalLine(options.id)}, page: N } and run dekking validate`,
  );
  io.stdout(`${lines.join("\n")}\n`);
  return "ok";
}

/** "3, 7–9, 12": page numbers as ranges. */
function formatPages(pages: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pages.length; i++) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    parts.push(j > i ? `${pages[i]}–${pages[j]}` : String(pages[i]));
    i = j;
  }
  return parts.join(", ");
}
