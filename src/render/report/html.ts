// coverage.html of `dekking report`: the report document (render/document) as one
// self-contained page that works offline and without JavaScript. The matrix is a real table
// whose cells link to each topic's evidence, which is all in the page (a <details> per
// topic); the inline script only adds the evidence dialog, filters, the state in the URL and
// keyboard navigation. A Content-Security-Policy allows nothing but the page's own style and
// script (by hash), so no request leaves it. An emitter: it chooses no words, and every text
// passes htmlText exactly once.

import { createHash } from "node:crypto";
import type { Block, Cell, Group, Inline, ReportDocument, Row, Tone } from "../../document/blocks.js";
import { htmlHref, htmlText as e, htmlToken } from "../escape/html.js";
import { HTML_SCRIPT } from "../html/script.js";
import { HTML_STYLE } from "../html/style.js";

function sha256Base64(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64");
}

/** Appends many lines; a spread into push() overflows the stack for a study with thousands of plans. */
function append(target: string[], lines: readonly string[]): void {
  for (const line of lines) target.push(line);
}

function inline(text: Inline): string {
  if (typeof text === "string") return e(text);
  return text
    .map((run) => {
      let shown = e(run.text);
      if (run.code) shown = `<code>${shown}</code>`;
      if (run.strong) shown = `<strong>${shown}</strong>`;
      if (run.href !== undefined) shown = `<a href="#${htmlToken(run.href)}">${shown}</a>`;
      return shown;
    })
    .join("");
}

/** Addresses in a cell's note become links when they are http(s) addresses. */
function note(text: string): string {
  const href = htmlHref(text);
  return href ? `<a href="${href}" rel="noreferrer">${e(text)}</a>` : e(text);
}

function facetAttributes(facets: Readonly<Record<string, string>> | undefined): string {
  if (!facets) return "";
  return Object.entries(facets)
    .map(([key, value]) => ` data-${htmlToken(key)}="${value.split(" ").filter(Boolean).map(htmlToken).join(" ")}"`)
    .join("");
}

function toneClass(tone: Tone | undefined): string {
  return tone ? ` ${tone}` : "";
}

interface Emit {
  out: string[];
  words: ReportDocument["words"];
  /** An open evidence part of a group (closed at the next anchor or at the group's end). */
  partOpen: boolean;
}

function cellContent(cell: Cell): string {
  const hidden = cell.hidden ? ` <span class="visually-hidden">${e(cell.hidden)}</span>` : "";
  const extra = cell.note ? `<span class="note">${note(cell.note)}</span>` : "";
  return `<span class="line">${inline(cell.text)}</span>${hidden}${extra}`;
}

function table(block: Extract<Block, { kind: "table" }>, emit: Emit): void {
  const { out } = emit;
  const interactive = block.filters !== undefined;
  const columns = block.columns;
  const key = (index: number): string => htmlToken(columns[index]?.key ?? String(index));
  if (interactive) {
    out.push(`<form id="filters" class="filters" hidden aria-label="${e(emit.words.filters)}">`);
    for (const filter of block.filters ?? []) {
      const options = filter.options.map((o) => `<option value="${htmlToken(o.value)}">${e(o.label)}</option>`).join("");
      out.push(
        `<div class="filter"><label for="filter-${htmlToken(filter.name)}">${e(filter.label)}</label><select id="filter-${htmlToken(filter.name)}" name="${htmlToken(filter.name)}"><option value="">${e(emit.words.all)}</option>${options}</select></div>`,
      );
    }
    out.push(`<button type="reset" class="reset">${e(emit.words.reset)}</button>`, "</form>");
  }
  out.push('<div class="table-scroll">');
  out.push(`<table${block.id ? ` id="${htmlToken(block.id)}"` : ""} class="${interactive ? "matrix" : block.compact ? "plain compact" : "plain"}">`);
  out.push(`<caption class="visually-hidden">${e(block.caption)}</caption>`);
  out.push(
    `<thead><tr>${columns.map((c, i) => `<th scope="col"${interactive ? ` data-col="${key(i)}"` : ""}${c.align && c.align !== "left" ? ` class="c-${c.align}"` : ""}>${e(c.header)}</th>`).join("")}</tr></thead>`,
  );
  let bodyOpen = false;
  const rowHtml = (row: Exclude<Row, { group: string }>): string => {
    const cells = row.cells.map((cell, index) => {
      const align = cell.align && cell.align !== "left" ? ` c-${cell.align}` : "";
      let content = index === 0 && interactive ? `<span class="label">${inline(cell.text)}</span>` : cellContent(cell);
      if (cell.href !== undefined)
        content = interactive
          ? `<a class="cell" href="#${htmlToken(cell.href)}" data-col="${key(index)}">${content}</a>`
          : `<a href="#${htmlToken(cell.href)}">${content}</a>`;
      if (index === 0 && block.rowHeaders) return `<th scope="row" class="topic-cell${toneClass(cell.tone)}">${content}</th>`;
      return `<td class="cell-${key(index)}${toneClass(cell.tone)}${align}">${content}</td>`;
    });
    return `<tr${row.anchor !== undefined ? ` id="${htmlToken(row.anchor)}"` : ""}${facetAttributes(row.facets)}>${cells.join("")}</tr>`;
  };
  for (const row of block.rows) {
    if ("group" in row) {
      if (bodyOpen) out.push("</tbody>");
      out.push(`<tbody><tr class="category-row"><th scope="rowgroup" colspan="${columns.length}">${e(row.group)}</th></tr>`);
      bodyOpen = true;
      continue;
    }
    if (!bodyOpen) {
      out.push("<tbody>");
      bodyOpen = true;
    }
    out.push(rowHtml(row));
  }
  if (bodyOpen) out.push("</tbody>");
  if (block.footer) out.push(`<tfoot>${rowHtml({ cells: block.footer })}</tfoot>`);
  out.push("</table>", "</div>");
}

function closePart(emit: Emit): void {
  if (emit.partOpen) emit.out.push("</div>");
  emit.partOpen = false;
}

function group(value: Group, level: number, emit: Emit): void {
  const { out } = emit;
  const badge = value.badge ? `<span class="badge${toneClass(value.badge.tone)}">${e(value.badge.text)}</span> ` : "";
  if (value.collapsible) {
    out.push(`<details class="topic" id="${htmlToken(value.id)}"${facetAttributes(value.facets)}>`);
    out.push(`<summary>${badge}<span class="label">${e(value.title)}</span>${value.subtitle ? ` <code>${e(value.subtitle)}</code>` : ""}</summary>`);
    out.push('<div class="evidence">');
    blocks(value.blocks, level + 1, emit);
    closePart(emit);
    out.push("</div>", "</details>");
    return;
  }
  out.push(`<section class="group" id="${htmlToken(value.id)}"${facetAttributes(value.facets)}>`, `<h${level}>${badge}${e(value.title)}</h${level}>`);
  if (value.subtitle) out.push(`<p class="meta">${e(value.subtitle)}</p>`);
  blocks(value.blocks, level + 1, emit);
  closePart(emit);
  out.push("</section>");
}

function blocks(list: readonly Block[], level: number, emit: Emit): void {
  for (const block of list) emitBlock(block, level, emit);
}

function emitBlock(block: Block, level: number, emit: Emit): void {
  const { out } = emit;
  const h = Math.min(level, 6);
  switch (block.kind) {
    case "heading":
      out.push(`<h${h}>${e(block.text)}</h${h}>`);
      return;
    case "paragraph": {
      const style = block.style === "small" ? ' class="small"' : block.style === "lead" ? ' class="lead"' : "";
      const text = block.style === "strong" ? `<strong>${inline(block.text)}</strong>` : inline(block.text);
      out.push(block.tone ? `<p class="chip-line"><span class="chip${toneClass(block.tone)}" aria-hidden="true"></span>${text}</p>` : `<p${style}>${text}</p>`);
      return;
    }
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      out.push(`<${tag}${block.style === "small" ? ' class="small"' : ""}>${block.items.map((item) => `<li>${inline(item)}</li>`).join("")}</${tag}>`);
      return;
    }
    case "quote": {
      const by = block.attribution ? ` <span class="by">— ${e(block.attribution)}</span>` : "";
      out.push(`<blockquote${block.accent ? ' class="accent"' : ""}><p>“${e(block.text.trim())}”${by}</p></blockquote>`);
      if (block.source !== undefined) out.push(`<p class="source">${inline(block.source)}</p>`);
      return;
    }
    case "table":
      table(block, emit);
      return;
    case "cards":
      out.push(
        `<ul class="cards">${block.cards
          .map(
            (card) =>
              `<li class="card${toneClass(card.tone)}">${card.caption ? `<span class="caption">${e(card.caption)}</span>` : ""}<strong>${e(card.title)}</strong>${card.text ? `<span class="text">${e(card.text)}</span>` : ""}</li>`,
          )
          .join("")}</ul>`,
      );
      return;
    case "callout":
      out.push(`<div class="callout${toneClass(block.tone)}"><p><strong>${e(block.title)}</strong></p><p>${e(block.text)}</p></div>`);
      return;
    case "legend":
      out.push(`<div class="legend" role="group" aria-label="${e(block.title)}">`);
      for (const line of block.lines) {
        const items = line.items
          .map((item) => `<li>${item.tile ? `<span class="swatch${toneClass(item.tile.tone)}">${e(item.tile.text)}</span> ` : ""}${e(item.text)}</li>`)
          .join("");
        out.push(`<div>${line.caption ? `<h${h}>${e(line.caption)}</h${h}>` : ""}<ul>${items}</ul></div>`);
      }
      out.push("</div>");
      return;
    case "interval":
      out.push(`<p class="interval">${e(block.alt)}</p>`);
      return;
    case "group":
      group(block.group, level, emit);
      return;
    case "anchor": {
      closePart(emit);
      const part = block.id.includes("--") ? block.id.slice(block.id.indexOf("--") + 2) : block.id;
      out.push(`<div class="part" id="${htmlToken(block.id)}" data-part="${htmlToken(part)}">`);
      emit.partOpen = true;
      return;
    }
    default: {
      const never: never = block;
      throw new Error(`unknown block ${String(never)}`);
    }
  }
}

/** The report document as one HTML page. */
export function emitHtml(document: ReportDocument): string {
  const { words } = document;
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${sha256Base64(HTML_STYLE)}'`,
    `script-src 'sha256-${sha256Base64(HTML_SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const title = e(document.title);
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${document.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="dekking">`,
    `<title>${title} — ${e(words.kicker)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    "</head>",
    "<body>",
    `<a class="skip" href="#coverage-matrix">${e(words.skipToMatrix)}</a>`,
    '<header class="masthead">',
    `<p class="kicker">${e(words.kicker)}</p>`,
    `<h1>${title}</h1>`,
    `<p class="meta">${e(words.generatedOn)} ${e(document.generatedOn)} · ${e(words.dataVersion)} <code>${e(document.dataVersion)}</code> · ${e(document.meta)}</p>`,
    `<nav aria-label="${e(words.contents)}"><ul class="toc"><li><a href="#summary">${e(document.front.summaryHeading)}</a></li>${document.sections.map((s) => `<li><a href="#${htmlToken(s.id)}">${e(s.title)}</a></li>`).join("")}</ul></nav>`,
    "</header>",
    "<main>",
    '<section aria-labelledby="summary">',
    `<h2 id="summary">${e(document.front.summaryHeading)}</h2>`,
    `<p><strong>${e(words.question)}:</strong> ${e(document.question)}</p>`,
    `<ul class="counts">${document.front.tiles.map((tile) => `<li class="count${toneClass(tile.tone)}"><span class="n">${tile.count}</span> ${e(tile.text)}</li>`).join("")}</ul>`,
    ...document.front.lines.map((line) => `<p>${e(line)}</p>`),
    `<dl class="facts">${document.facts.map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join("")}</dl>`,
    "</section>",
  ];
  const emit: Emit = { out: [], words, partOpen: false };
  for (const section of document.sections) {
    emit.out.push(`<section aria-labelledby="${htmlToken(section.id)}">`, `<h2 id="${htmlToken(section.id)}" tabindex="-1">${e(section.title)}</h2>`);
    if (section.blocks.some((b) => b.kind === "table" && b.filters !== undefined)) {
      emit.out.push(`<p class="hint js-only">${e(words.matrixHint)}</p>`, `<p class="hint no-js">${e(words.matrixHintNoScript)}</p>`);
      emit.out.push(`<p id="filter-status" class="status js-only" role="status" data-template="${e(words.status)}" data-none="${e(words.noneShown)}"></p>`);
    }
    blocks(section.blocks, 3, emit);
    closePart(emit);
    emit.out.push("</section>");
  }
  append(out, emit.out);
  out.push("</main>");
  out.push(`<footer class="colophon"><p>${e(words.generatedBy)} · ${e(words.dataVersion)} <code>${e(document.dataVersion)}</code></p></footer>`);
  out.push(
    `<dialog id="evidence-dialog" aria-labelledby="evidence-dialog-title">`,
    `<div class="dialog-head"><h2 id="evidence-dialog-title" tabindex="-1"></h2><button type="button" class="close" data-close>${e(words.close)}</button></div>`,
    `<div id="evidence-dialog-body" class="dialog-body"></div>`,
    "</dialog>",
  );
  out.push(`<script>${HTML_SCRIPT}</script>`, "</body>", "</html>");
  return out.join("\n") + "\n";
}
