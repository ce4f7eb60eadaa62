// Parity of the report's three formats: the PDF, the HTML page and the Markdown are emitted
// from one report document, so each carries the same sections, in the same order, with the
// same verdicts, numbers and quotes. The check walks the document and asks every format for
// its texts in order; and an English report carries no Dutch fixed label.

import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { loadStudy } from "../src/loadStudy.js";
import type { Study } from "../src/model.js";
import { plainText, type Block, type ReportDocument } from "../src/document/blocks.js";
import { buildReport } from "../src/document/buildReport.js";
import { PAGE_WORDS } from "../src/messages/pageWords.js";
import { REPORT_TEXT } from "../src/messages/reportText.js";
import { GAP_LABELS, LEVEL_LABELS, PLAN_STATUS_LABELS, REPORT_WORDS, STRENGTH_LABELS, VERDICT_LABELS, WORDS } from "../src/messages/labels.js";
import { emitHtml } from "../src/render/report/html.js";
import { emitMarkdown } from "../src/render/report/markdown.js";
import { emitPdf } from "../src/render/report/pdf.js";
import { SHIPPED_DATA } from "./helpers.js";

const GENERATED_ON = new Date(Date.UTC(2024, 7, 2));

/** All whitespace dropped, so line and font-run breaks do not matter. */
const squash = (text: string): string => text.replace(/\s+/g, "");

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(squash(content.items.map((item) => ("str" in item ? item.str : "")).join("")));
  }
  await pdf.destroy();
  return pages;
}

function htmlText(html: string): string {
  const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
  return squash(
    html
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, "")
      .replace(/<[^>]+>/g, "")
      .replace(/&(amp|lt|gt|quot|#39);/g, (m) => entities[m]!),
  );
}

function markdownPlain(markdown: string): string {
  const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };
  return squash(
    markdown
      .replace(/\\(.)/g, "$1")
      .replace(/&(amp|lt|gt);/g, (m) => entities[m]!)
      .replace(/<br>/g, " ")
      .replace(/\*\*|`/g, ""),
  );
}

/** The texts every format must show, in document order: a short, distinctive start of each. */
function expectedTexts(document: ReportDocument): { section: string; text: string }[] {
  const out: { section: string; text: string }[] = [];
  const take = (section: string, text: string): void => {
    const start = squash(text).slice(0, 40);
    if (start.length >= 3) out.push({ section, text: start });
  };
  const walk = (section: string, blocks: readonly Block[]): void => {
    for (const block of blocks) {
      switch (block.kind) {
        case "heading":
          take(section, block.text);
          break;
        case "paragraph":
          take(section, plainText(block.text));
          break;
        case "list":
          for (const item of block.items) take(section, plainText(item));
          break;
        case "quote":
          take(section, block.text);
          break;
        case "table":
          for (const row of block.rows) {
            if ("group" in row) take(section, row.group);
            // The matrix's narrow accord tiles show the number only in the PDF: the number is what must match.
            else for (const cell of row.cells) take(section, cell.short ?? plainText(cell.text));
          }
          break;
        case "cards":
          for (const card of block.cards) take(section, card.title);
          break;
        case "callout":
          take(section, block.title);
          break;
        case "group":
          take(section, block.group.title);
          walk(section, block.group.blocks);
          break;
        case "legend":
        case "interval":
        case "anchor":
          break;
      }
    }
  };
  for (const section of document.sections) {
    take(section.id, section.title);
    walk(section.id, section.blocks);
  }
  return out;
}

/** The first expected text a format does not show in order, or null. */
function firstMissing(haystack: string, expected: { section: string; text: string }[]): string | null {
  let at = 0;
  for (const item of expected) {
    const found = haystack.indexOf(item.text, at);
    if (found < 0) return `${item.section}: “${item.text}” (after position ${at})`;
    at = found + item.text.length;
  }
  return null;
}

describe("the report's three formats carry the same content (shipped study)", () => {
  let study: Study;
  let nl: ReportDocument;
  let en: ReportDocument;
  /** The Dutch PDF's page texts, rendered once for the tests that read it. */
  let pages: Promise<string[]> | undefined;
  const nlPages = (): Promise<string[]> => (pages ??= emitPdf(nl, GENERATED_ON).then((pdf) => pdfPages(pdf.bytes)));
  beforeAll(async () => {
    study = (await loadStudy(SHIPPED_DATA)).study!;
    const coverage = computeCoverage(study);
    nl = buildReport(study, coverage, { lang: "nl", generatedOn: GENERATED_ON });
    en = buildReport(study, coverage, { lang: "en", generatedOn: GENERATED_ON });
  });

  it("every format has every section, with the same texts in the same order", async () => {
    for (const document of [nl, en]) {
      const expected = expectedTexts(document);
      expect(expected.length).toBeGreaterThan(1000);
      expect(firstMissing(markdownPlain(emitMarkdown(document)), expected), `Markdown (${document.lang})`).toBeNull();
      expect(firstMissing(htmlText(emitHtml(document)), expected), `HTML (${document.lang})`).toBeNull();
    }
    expect(firstMissing((await nlPages()).join(""), expectedTexts(nl)), "PDF (nl)").toBeNull();
  }, 120_000);

  it("the check fails when a format leaves a section out", () => {
    const expected = expectedTexts(nl);
    const cut: ReportDocument = { ...nl, sections: nl.sections.filter((s) => s.id !== "certainty") };
    expect(firstMissing(markdownPlain(emitMarkdown(cut)), expected)).toMatch(/^certainty: /);
  });

  it("the contents lists of the PDF and the HTML come from the document's sections", async () => {
    const html = emitHtml(nl);
    const toc = html.match(/<nav[^>]*>([\s\S]*?)<\/nav>/)![1]!;
    for (const section of nl.sections) expect(toc).toContain(`href="#${section.id}"`);
    // The title page lists every section with its page.
    const [titlePage] = await nlPages();
    for (const section of nl.sections) expect(titlePage).toMatch(new RegExp(`${squash(section.title).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}pagina\\d+`));
  }, 120_000);

  it("an English report shows no Dutch fixed label outside the data's own words", () => {
    expect(dutchLeaks(en)).toEqual([]);
    // The check can fail: a Dutch heading planted in the English document is found.
    const planted: ReportDocument = { ...en, sections: [{ id: "x", title: REPORT_WORDS.nl.regionalFinding, blocks: [] }, ...en.sections] };
    expect(dutchLeaks(planted)).toEqual([REPORT_WORDS.nl.regionalFinding]);
  });
});

function dutchLeaks(en: ReportDocument): string[] {
  {
    const dutch = new Set<string>();
    const add = (nlValues: Record<string, unknown>, enValues: Record<string, unknown>): void => {
      for (const [key, value] of Object.entries(nlValues))
        if (typeof value === "string" && value.length >= 9 && value !== enValues[key] && !/^[A-Z]{2,}/.test(value)) dutch.add(value);
    };
    add(REPORT_WORDS.nl as unknown as Record<string, unknown>, REPORT_WORDS.en as unknown as Record<string, unknown>);
    add(PAGE_WORDS.nl as unknown as Record<string, unknown>, PAGE_WORDS.en as unknown as Record<string, unknown>);
    add(REPORT_TEXT.nl as unknown as Record<string, unknown>, REPORT_TEXT.en as unknown as Record<string, unknown>);
    add(WORDS.nl, WORDS.en);
    for (const labels of [VERDICT_LABELS, GAP_LABELS, LEVEL_LABELS, PLAN_STATUS_LABELS, STRENGTH_LABELS])
      add(labels.nl as Record<string, unknown>, labels.en as Record<string, unknown>);
    expect(dutch.size).toBeGreaterThan(100);
    // The data's own words (quotes, theme titles and summaries, notes, document titles) stay as encoded: left out.
    const fixed: string[] = [];
    const walk = (blocks: readonly Block[]): void => {
      for (const block of blocks) {
        if (block.kind === "heading") fixed.push(block.text);
        else if (block.kind === "table") fixed.push(block.caption, ...block.columns.map((c) => c.header));
        else if (block.kind === "cards") fixed.push(...block.cards.map((c) => c.caption ?? ""));
        else if (block.kind === "legend") fixed.push(...block.lines.flatMap((l) => [l.caption, ...l.items.map((i) => i.tile?.text ?? "")]));
        else if (block.kind === "group") walk(block.group.blocks);
      }
    };
    for (const section of en.sections) {
      fixed.push(section.title);
      walk(section.blocks);
    }
    fixed.push(...Object.values(en.words), en.front.summaryHeading, en.front.sourcesHeading, ...en.front.tiles.map((t) => t.text));
    return fixed.filter((text) => [...dutch].some((word) => text.includes(word)));
  }
}

describe("the report's region profiles at scale", () => {
  it("name a few other plans in a row, and count them per status when there are more", async () => {
    const { makeStudy, theme, topic } = await import("./studyBuilder.js");
    const statuses = ["concrete", "ambition", "absent", "concrete", "concrete"] as const;
    const plans = (n: number) => statuses.slice(0, n).map((status, i) => ({ region: `Fictieve regio ${i + 1}`, findings: { t1: { status } } }));
    const rowsOf = (n: number): string[] => {
      const study = makeStudy({ topics: [topic("t1")], themes: [theme("th", ["ouderen"], ["t1"])], plans: plans(n) });
      const document = buildReport(study, computeCoverage(study), { lang: "nl", generatedOn: GENERATED_ON });
      const regions = document.sections.find((s) => s.id === "regions")!;
      const profile = regions.blocks.find((b) => b.kind === "group")!;
      if (profile.kind !== "group") throw new Error("no profile");
      const table = profile.group.blocks.find((b) => b.kind === "table");
      if (table?.kind !== "table") throw new Error("no table");
      return table.rows.flatMap((row) => ("cells" in row ? [plainText(row.cells[5]!.text)] : []));
    };
    // Three others by name; four others as counts per status (the first plan's own row leaves it out).
    expect(rowsOf(4)).toEqual(["Fictieve regio 2 ambitie, Fictieve regio 3 afwezig, Fictieve regio 4 concreet"]);
    expect(rowsOf(5)).toEqual(["2 concreet, 1 ambitie, 1 afwezig"]);
  });
});
