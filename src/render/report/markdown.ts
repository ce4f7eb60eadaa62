// coverage.md of `dekking report`: the report document (render/document) as Markdown for a
// code-hosting site, and single sections for the commands that show one part of it. An
// emitter: it lays out the blocks it is given and chooses no words; every text passes
// markdownText once.

import type { Block, Cell, Group, Inline, ReportDocument, Section } from "../../document/blocks.js";
import { markdownText } from "../escape/markdown.js";

function inline(text: Inline): string {
  if (typeof text === "string") return markdownText(text);
  return text
    .map((run) => {
      // Ids from the data are escaped text, not code spans: inside a code span neither a
      // backslash nor a pipe can be escaped, so a hostile id could break a table row.
      const shown = markdownText(run.text);
      return run.strong ? `**${shown}**` : shown;
    })
    .join("");
}

function cell(value: Cell): string {
  const note = value.note ? `<br>${markdownText(value.note)}` : "";
  return `${inline(value.text)}${note}`;
}

function emitBlocks(blocks: readonly Block[], level: number, out: string[]): void {
  for (const block of blocks) emitBlock(block, level, out);
}

function emitGroup(group: Group, level: number, out: string[]): void {
  const badge = group.badge ? `${markdownText(group.badge.text)} · ` : "";
  out.push(`${"#".repeat(level)} ${badge}${markdownText(group.title)}`, "");
  if (group.subtitle) out.push(`*${markdownText(group.subtitle)}*`, "");
  emitBlocks(group.blocks, level + 1, out);
}

function emitBlock(block: Block, level: number, out: string[]): void {
  switch (block.kind) {
    case "heading":
      out.push(`${"#".repeat(level)} ${markdownText(block.text)}`, "");
      return;
    case "paragraph": {
      const text = inline(block.text);
      out.push(block.style === "strong" ? `**${text}**` : text, "");
      return;
    }
    case "list":
      block.items.forEach((item, index) => out.push(`${block.ordered ? `${index + 1}.` : "-"} ${inline(item)}`));
      out.push("");
      return;
    case "quote": {
      const attribution = block.attribution ? ` — ${markdownText(block.attribution)}` : "";
      out.push(`> “${markdownText(block.text.trim())}”${attribution}`);
      if (block.source !== undefined) out.push(">", `> ${inline(block.source)}`);
      out.push("");
      return;
    }
    case "table": {
      const columns = block.columns;
      out.push(`| ${columns.map((c) => markdownText(c.header)).join(" | ")} |`);
      out.push(`| ${columns.map((c) => (c.align === "right" ? "---:" : c.align === "center" ? ":---:" : "---")).join(" | ")} |`);
      for (const row of block.rows) {
        if ("group" in row) out.push(`| **${markdownText(row.group)}** |${" |".repeat(columns.length - 1)}`);
        else out.push(`| ${row.cells.map(cell).join(" | ")} |`);
      }
      if (block.footer) out.push(`| ${block.footer.map((c, i) => (i === 0 ? `**${cell(c)}**` : cell(c))).join(" | ")} |`);
      out.push("");
      return;
    }
    case "cards":
      for (const card of block.cards) {
        const caption = card.caption ? `${markdownText(card.caption)}: ` : "";
        out.push(`- ${caption}**${markdownText(card.title)}**${card.text ? ` — ${markdownText(card.text)}` : ""}`);
      }
      out.push("");
      return;
    case "callout":
      out.push(`> **${markdownText(block.title)}**`, ">", `> ${markdownText(block.text)}`, "");
      return;
    case "legend":
      out.push(`**${markdownText(block.title)}**`, "");
      for (const line of block.lines) {
        const items = line.items
          .map((item) => [item.tile ? markdownText(item.tile.text) : "", markdownText(item.text)].filter(Boolean).join(" "))
          .filter(Boolean);
        out.push(`- ${line.caption ? `${markdownText(line.caption)}: ` : ""}${items.join(" · ")}`);
      }
      out.push("");
      return;
    case "interval":
      out.push(markdownText(block.alt), "");
      return;
    case "group":
      emitGroup(block.group, level, out);
      return;
    case "anchor":
      return;
    default: {
      const never: never = block;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

/** The report document as Markdown. */
export function emitMarkdown(document: ReportDocument): string {
  const { words } = document;
  const out: string[] = [`# ${markdownText(document.title)}`, ""];
  out.push(
    `${markdownText(words.kicker)} — ${markdownText(words.generatedOn.toLowerCase())} ${markdownText(document.generatedOn)} — ${markdownText(words.dataVersion)} \`${markdownText(document.dataVersion)}\``,
    "",
  );
  out.push(`> ${markdownText(document.question)}`, "");
  out.push(markdownText(document.meta), "");
  out.push(`## ${markdownText(document.front.summaryHeading)}`, "");
  out.push(document.front.tiles.map((tile) => `${tile.count} ${markdownText(tile.text)}`).join(" · "), "");
  for (const line of document.front.lines) out.push(markdownText(line), "");
  out.push(`## ${markdownText(words.contents)}`, "");
  for (const section of document.sections) out.push(`- ${markdownText(section.title)}`);
  out.push("");
  return out.join("\n") + "\n" + emitMarkdownSections(document.sections, 2);
}

/** Sections as Markdown without the report's title page: each title a heading of `level`, the headings inside one deeper. */
export function emitMarkdownSections(sections: readonly Section[], level: number): string {
  const out: string[] = [];
  for (const section of sections) {
    out.push(`${"#".repeat(level)} ${markdownText(section.title)}`, "");
    emitBlocks(section.blocks, level + 1, out);
  }
  while (out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";
}
