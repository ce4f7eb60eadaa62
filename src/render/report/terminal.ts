// The report document's blocks as terminal text (`dekking explain` shows a topic's evidence
// group this way): headings bold, quotes indented, sources and notes dim, every line wrapped
// to the width. An emitter like the PDF, HTML and Markdown ones: it chooses no words, and
// every text passes the terminal escape step (in `wrapIndented`'s caller, here) once.

import { plainText, type Block, type Inline } from "../document/blocks.js";
import { terminalLine } from "../escape/terminal.js";
import type { Paint } from "../paint.js";
import { wrapIndented } from "../textColumns.js";

export interface TerminalOptions {
  paint: Paint;
  /** Columns to wrap to. */
  width: number;
}

function text(value: Inline): string {
  return terminalLine(plainText(value)).replace(/\s+/g, " ").trim();
}

/** Lines of `blocks`, indented by `indent` spaces per level of heading above them. */
export function emitTerminal(blocks: readonly Block[], options: TerminalOptions): string[] {
  const { paint, width } = options;
  const out: string[] = [];
  const wrap = (value: string, indent: string, hanging = indent): string[] => wrapIndented(value, width, indent, hanging);
  const emit = (list: readonly Block[], depth: number): void => {
    const pad = "  ".repeat(depth);
    for (const block of list) {
      switch (block.kind) {
        case "heading":
          if (out.length > 0 && out[out.length - 1] !== "") out.push("");
          out.push(...wrap(text(block.text), pad).map((line) => paint.bold(line)));
          break;
        case "paragraph": {
          const lines = wrap(text(block.text), `${pad}  `);
          out.push(...(block.style === "small" ? lines.map((l) => paint.dim(l)) : block.style === "strong" ? lines.map((l) => paint.bold(l)) : lines));
          break;
        }
        case "list":
          block.items.forEach((item, index) => out.push(...wrap(`${block.ordered ? `${index + 1}.` : "-"} ${text(item)}`, `${pad}  `, `${pad}    `)));
          break;
        case "quote":
          out.push(...wrap(`“${text(block.text)}”${block.attribution ? ` — ${text(block.attribution)}` : ""}`, `${pad}    `));
          if (block.source !== undefined) out.push(...wrap(text(block.source), `${pad}      `).map((l) => paint.dim(l)));
          break;
        case "table":
          for (const row of block.rows) {
            if ("group" in row) out.push(paint.bold(`${pad}  ${terminalLine(row.group)}`));
            else out.push(...wrap(row.cells.map((c) => text(c.text)).join(" · "), `${pad}  `, `${pad}    `));
          }
          break;
        case "cards":
          for (const card of block.cards)
            out.push(...wrap(`${card.caption ? `${text(card.caption)}: ` : ""}${text(card.title)}${card.text ? ` — ${text(card.text)}` : ""}`, `${pad}  `));
          break;
        case "callout":
          out.push(...wrap(`${text(block.title)}: ${text(block.text)}`, `${pad}  `));
          break;
        case "legend":
          for (const line of block.lines) out.push(...wrap(line.items.map((i) => [i.tile?.text, i.text].filter(Boolean).join(" ")).join(" · "), `${pad}  `));
          break;
        case "interval":
          out.push(...wrap(text(block.alt), `${pad}  `));
          break;
        case "group":
          out.push(...wrap(text(block.group.title), pad).map((l) => paint.bold(l)));
          if (block.group.subtitle) out.push(...wrap(text(block.group.subtitle), pad).map((l) => paint.dim(l)));
          emit(block.group.blocks, depth + 1);
          break;
        case "anchor":
          break;
        default: {
          const never: never = block;
          throw new Error(`unknown block ${String(never)}`);
        }
      }
    }
  };
  emit(blocks, 0);
  return out;
}
