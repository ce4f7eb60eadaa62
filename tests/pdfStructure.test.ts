// The tagged PDF, read back as assistive technology and checkers read it: pdf.js for the
// mark info, the structure tree per page and the marked content of every drawing operator;
// the raw objects for the attributes pdf.js does not expose; poppler's pdfinfo and pdffonts
// where they are installed. The study is the minimal fixture, plus fictional ones made here.

import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import * as path from "node:path";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { loadStudy } from "../src/loadStudy.js";
import { loadFontSet } from "../src/render/pdf/fonts.js";
import { A4, PdfLayout, STYLES } from "../src/render/pdf/layout.js";
import { renderPdf, renderPdfWithNotes } from "../src/render/renderPdf.js";
import { createRequire } from "node:module";
import { MINIMAL, tempDir } from "./helpers.js";
import { makeStudy, theme, topic } from "./studyBuilder.js";

const GENERATED_ON = new Date(Date.UTC(2024, 7, 1, 12, 0));

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  alt?: string;
  children?: StructNode[];
}

interface Element {
  role: string;
  alt: string | undefined;
  /** The text of its own content and of every element under it, in order. */
  text: string;
  children: Element[];
}

interface ReadPdf {
  header: string;
  raw: string;
  markInfo: { Marked: boolean } | null;
  /** Per page, the top of its structure tree (elements with content on that page). */
  pages: Element[][];
  /** Per page, the text drawn inside an Artifact. */
  artifactText: string[];
  /** Drawing operators (text and paint) outside any marked content, per page. */
  unmarked: number[];
}

async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
  const drawing = new Set([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
    OPS.fill,
    OPS.eoFill,
    OPS.stroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const result: ReadPdf = {
    header: Buffer.from(bytes.slice(0, 8)).toString("latin1"),
    raw: Buffer.from(bytes).toString("latin1"),
    markInfo: (await pdf.getMarkInfo()) as ReadPdf["markInfo"],
    pages: [],
    artifactText: [],
    unmarked: [],
  };
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const textById = new Map<string, string>();
    const stack: { id: string | null; tag: string }[] = [];
    let artifacts = "";
    for (const item of content.items) {
      if ("type" in item) {
        // pdf.js gives a marked-content item its tag ("Artifact", "P", …); its types do not say so.
        const tag = (item as { tag?: string }).tag ?? "";
        if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") stack.push({ id: item.id ?? null, tag });
        else if (item.type === "endMarkedContent") stack.pop();
        continue;
      }
      const top = stack[stack.length - 1];
      if (!top) continue;
      if (top.tag === "Artifact") artifacts += `${item.str} `;
      else if (top.id) textById.set(top.id, `${textById.get(top.id) ?? ""}${item.str} `);
    }
    const toElement = (node: StructNode): Element[] => {
      if (node.type === "content") return [];
      const children = (node.children ?? []).flatMap(toElement);
      const own = (node.children ?? []).filter((c) => c.type === "content").map((c) => textById.get(c.id ?? "") ?? "");
      // Content and child elements interleave rarely here; own text first is close enough for the checks.
      const text = [...own, ...children.map((c) => c.text)].join(" ").replace(/\s+/g, " ").trim();
      return node.role ? [{ role: node.role, alt: node.alt, text, children }] : children;
    };
    const tree = (await page.getStructTree()) as StructNode | null;
    // pdf.js's own root (role "Root") stands for the StructTreeRoot; its children are the document's.
    result.pages.push(tree ? (tree.children ?? []).flatMap(toElement) : []);
    result.artifactText.push(artifacts.replace(/\s+/g, " ").trim());

    const operators = await page.getOperatorList();
    let depth = 0;
    let outside = 0;
    operators.fnArray.forEach((fn) => {
      if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) depth++;
      else if (fn === OPS.endMarkedContent) depth--;
      else if (drawing.has(fn) && depth === 0) outside++;
    });
    result.unmarked.push(outside);
  }
  await pdf.destroy();
  return result;
}

/** The PDF's compressed streams, inflated (the pages' content streams among them). */
function contentStreams(bytes: Uint8Array): string[] {
  const raw = Buffer.from(bytes);
  const out: string[] = [];
  for (let at = raw.indexOf("/FlateDecode"); at >= 0; at = raw.indexOf("/FlateDecode", at + 1)) {
    const start = raw.indexOf("stream\n", at) + "stream\n".length;
    const end = raw.indexOf("\nendstream", start);
    try {
      out.push(inflateSync(raw.subarray(start, end)).toString("latin1"));
    } catch {
      // Not every FlateDecode object is followed by its own stream here (a font's dictionary).
    }
  }
  return out;
}

/** Every element of the given pages, depth first. */
function allElements(pages: Element[][]): Element[] {
  const out: Element[] = [];
  const walk = (e: Element): void => {
    out.push(e);
    e.children.forEach(walk);
  };
  pages.flat().forEach(walk);
  return out;
}

describe("the tagged PDF of the minimal fixture", () => {
  let read: ReadPdf;
  let sectionTitles: string[];
  let studyTitle: string;

  beforeAll(async () => {
    const { study } = await loadStudy(MINIMAL);
    const coverage = computeCoverage(study!);
    studyTitle = study!.study.title;
    read = await readPdf(await renderPdf(study!, coverage, { lang: "nl", generatedOn: GENERATED_ON }));
    // The parts the contents lists, read back from the PDF's own contents page.
    sectionTitles = allElements([read.pages[0]!])
      .filter((e) => e.role === "TOCI")
      .map((e) => e.text.replace(/ pagina \d+$/, ""));
  });

  it("is PDF 1.7, marked, in Dutch, and shows its title as the window title", () => {
    expect(read.header).toBe("%PDF-1.7");
    expect(read.markInfo?.Marked).toBe(true);
    expect(read.raw).toContain("/Lang (nl-NL)");
    expect(read.raw).toMatch(/\/DisplayDocTitle true/);
  });

  it("puts every page's content under one Document element", () => {
    read.pages.forEach((roots, index) =>
      expect(
        roots.map((r) => r.role),
        `page ${index + 1}`,
      ).toEqual(["Document"]),
    );
  });

  it("reads the headings in order: the title, then every part in the contents", () => {
    expect(sectionTitles.length).toBeGreaterThanOrEqual(7);
    const h1 = allElements(read.pages)
      .filter((e) => e.role === "H1")
      .map((e) => e.text);
    expect(h1).toEqual([studyTitle, ...sectionTitles]);
    const h2 = allElements(read.pages).filter((e) => e.role === "H2");
    expect(h2.length).toBeGreaterThan(3);
    for (const heading of h2) expect(heading.text.length).toBeGreaterThan(0);
  });

  it("never skips a heading level going down (Matterhorn 14-003)", () => {
    const levels = allElements(read.pages)
      .filter((e) => /^H[1-6]$/.test(e.role))
      .map((e) => ({ level: Number(e.role.slice(1)), text: e.text }));
    levels.forEach((heading, index) => {
      const previous = index === 0 ? 0 : levels[index - 1]!.level;
      expect(heading.level, `“${heading.text}” (H${heading.level}) after H${previous}`).toBeLessThanOrEqual(previous + 1);
    });
  });

  it("draws nothing outside a structure element or an artefact", () => {
    read.unmarked.forEach((count, index) => expect(count, `page ${index + 1}`).toBe(0));
  });

  it("marks the running footers as artefacts, and keeps them out of the structure", () => {
    const pageCount = read.pages.length;
    read.artifactText.slice(1).forEach((text, index) => expect(text, `page ${index + 2}`).toContain(`pagina ${index + 2} van ${pageCount}`));
    const structured = allElements(read.pages)
      .map((e) => e.text)
      .join(" ");
    expect(structured).not.toMatch(/pagina \d+ van \d+/);
  });

  it("gives the matrix and the other tables header cells, rows and a body", () => {
    const tables = allElements(read.pages).filter((e) => e.role === "Table");
    expect(tables.length).toBeGreaterThanOrEqual(3);
    const matrix = tables.find((t) => t.children.some((c) => c.role === "THead" && c.text.includes("Oordeel")));
    expect(matrix, "the matrix table").toBeDefined();
    const head = matrix!.children.find((c) => c.role === "THead")!;
    const headerRow = head.children[head.children.length - 1]!;
    expect(headerRow.role).toBe("TR");
    expect(headerRow.children.map((c) => c.role).every((r) => r === "TH")).toBe(true);
    expect(headerRow.children.map((c) => c.text)).toEqual(expect.arrayContaining(["Onderwerp", "Vraag", "Oordeel"]));
    const body = matrix!.children.find((c) => c.role === "TBody")!;
    const topicRows = body.children.filter((row) => row.children.length === headerRow.children.length);
    expect(topicRows.length).toBeGreaterThan(0);
    // A topic row: the topic as row header, then data cells.
    for (const row of topicRows) expect(row.children.map((c) => c.role)).toEqual(["TH", ...Array(headerRow.children.length - 1).fill("TD")]);
    // Scope and spans are attributes of the cells.
    expect(read.raw).toMatch(/\/S \/TH\s*\/A <<\s*\/O \/Table\s*\/Scope \/Column/);
    expect(read.raw).toMatch(/\/S \/TH\s*\/A <<\s*\/O \/Table\s*\/Scope \/Row/);
    expect(read.raw).toMatch(/\/Scope \/Column\s*\/ColSpan \d+/);
  });

  it("makes bullets lists, with the bullet as label and the text as body", () => {
    const items = allElements(read.pages).filter((e) => e.role === "LI");
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.children.map((c) => c.role)).toEqual(["Lbl", "LBody"]);
      expect(item.children[0]!.text).toBe("•");
      expect(item.children[1]!.text.length).toBeGreaterThan(0);
    }
    for (const list of allElements(read.pages).filter((e) => e.role === "L")) expect(list.children.every((c) => c.role === "LI")).toBe(true);
  });

  it("gives every figure alternative text with its figures in words", () => {
    const figures = allElements(read.pages).filter((e) => e.role === "Figure");
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(figure.alt ?? "").toMatch(/^Balk op een schaal van 0 tot 1: Regionale dekking .*\d/);
  });

  it("links every contents entry to its part: a Reference holding a Link with a description", () => {
    const entries = allElements([read.pages[0]!]).filter((e) => e.role === "TOCI");
    expect(entries.length).toBe(sectionTitles.length);
    for (const entry of entries) {
      expect(entry.children.map((c) => c.role)).toEqual(["Reference"]);
      expect(entry.children[0]!.children.map((c) => c.role)).toEqual(["Link"]);
    }
    expect(read.raw.match(/\/Subtype \/Link/g)?.length).toBe(entries.length);
    expect(read.raw.match(/\/Type \/OBJR/g)?.length).toBe(entries.length);
  });
});

describe("the PDF's metadata", () => {
  it("identifies PDF/A-2a, with an sRGB output intent", async () => {
    const { study } = await loadStudy(MINIMAL);
    const raw = Buffer.from(await renderPdf(study!, computeCoverage(study!), { lang: "nl", generatedOn: GENERATED_ON })).toString("latin1");
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toMatch(/\/OutputConditionIdentifier \(sRGB IEC61966-2.1\)/);
  });

  it("keeps a title with XML characters whole in both the Info dictionary and the XMP", async () => {
    const title = `Fictief & <b>"vet"</b> </rdf:li> onderzoek`;
    const base = makeStudy({ topics: [topic("t", "wonen")], themes: [theme("th", ["ouderen"], ["t"])], sample: { t: { prevalence: "few" } } });
    const study = { ...base, study: { ...base.study, title } };
    const bytes = await renderPdf(study, computeCoverage(study), { lang: "nl", generatedOn: GENERATED_ON });
    const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
    const { info, metadata } = (await pdf.getMetadata()) as { info: { Title?: string }; metadata: { get(name: string): unknown } | null };
    await pdf.destroy();
    expect(info.Title).toBe(title);
    // pdf.js parses the XMP as XML: a title that broke the XML would not come back whole.
    expect(metadata?.get("dc:title")).toBe(title);
    expect(Buffer.from(bytes).toString("latin1")).toContain("Fictief &amp; &lt;b&gt;");
  });
});

describe("the tagged PDF in English", () => {
  it("sets the document language to en-GB, and marks the quotes (verbatim Dutch) as nl-NL", async () => {
    const { study } = await loadStudy(MINIMAL);
    const raw = Buffer.from(await renderPdf(study!, computeCoverage(study!), { lang: "en", generatedOn: GENERATED_ON })).toString("latin1");
    expect(raw).toContain("/Lang (en-GB)");
    const quotes = raw.match(/\/S \/BlockQuote\s*\/Lang \(nl-NL\)/g)?.length ?? 0;
    expect(quotes).toBeGreaterThan(0);
    expect(quotes).toBe(raw.match(/\/S \/BlockQuote/g)?.length);
    const dutch = Buffer.from(await renderPdf(study!, computeCoverage(study!), { lang: "nl", generatedOn: GENERATED_ON })).toString("latin1");
    expect(dutch).not.toMatch(/\/S \/BlockQuote\s*\/Lang/);
  });
});

const POPPLER = spawnSync("pdfinfo", ["-v"]).error ? "pdfinfo is not installed (apt-get install -y poppler-utils)" : undefined;
if (POPPLER) console.warn(`poppler checks skipped: ${POPPLER}`);

describe.skipIf(POPPLER !== undefined)(`the tagged PDF as poppler sees it${POPPLER ? ` — skipped: ${POPPLER}` : ""}`, () => {
  let file: string;
  beforeAll(async () => {
    const { study } = await loadStudy(MINIMAL);
    file = path.join(tempDir(), "coverage.pdf");
    writeFileSync(file, await renderPdf(study!, computeCoverage(study!), { lang: "nl", generatedOn: GENERATED_ON }));
  });

  it("pdfinfo says Tagged: yes and PDF version 1.7", () => {
    const info = spawnSync("pdfinfo", [file], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
  });

  it("pdffonts lists only embedded fonts", () => {
    const rows = spawnSync("pdffonts", [file], { encoding: "utf8" })
      .stdout.split("\n")
      .slice(2)
      .filter((l) => l.trim());
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // Columns: name, type (two words), encoding, emb, sub, uni, object, id.
    for (const row of rows) expect(row.trim().split(/\s+/).slice(-5)[0], row).toBe("yes");
  });
});

describe("soft hyphens in labels", () => {
  let layout: PdfLayout;
  beforeAll(async () => {
    const PDFDocument = createRequire(import.meta.url)("pdfkit") as typeof import("pdfkit");
    const fonts = await loadFontSet();
    const doc = new PDFDocument({ size: [A4.width, A4.height] });
    for (const font of fonts.fonts) doc.registerFont(font.name, font.bytes);
    layout = new PdfLayout(doc, fonts, A4);
  });

  const word = "Spoed\u00adzorg\u00adcoördinatie\u00adafspraken";

  it("shows no hyphen where the line does not break", () => {
    const lines = layout.wrap(`De ${word} gelden`, STYLES.body, 400);
    expect(lines.map((l) => l.text)).toEqual(["De Spoedzorgcoördinatieafspraken gelden"]);
  });

  it("breaks at a soft hyphen and shows a hyphen there, never between other letters", () => {
    const full = layout.widthOf("Spoedzorgcoördinatieafspraken", STYLES.body);
    const lines = layout.wrap(word, STYLES.body, full * 0.7).map((l) => l.text);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^(Spoed|zorg|coördinatie|afspraken|-)+-$/);
    expect(lines.join("").replace(/-/g, "")).toBe("Spoedzorgcoördinatieafspraken");
    expect(lines.join("")).not.toContain("\u00ad");
    for (const line of layout.wrap(word, STYLES.body, full * 0.7)) expect(line.width).toBeLessThanOrEqual(full * 0.7 + 0.01);
    // A line takes as many parts as fit.
    const room = layout.widthOf("Spoedzorgcoördinatie-", STYLES.body) + 1;
    expect(layout.wrap(word, STYLES.body, room).map((l) => l.text)).toEqual(["Spoedzorgcoördinatie-", "afspraken"]);
    expect(layout.wrap(word, STYLES.body, room - 2).map((l) => l.text)).toEqual(["Spoedzorg-", "coördinatieafspraken"]);
  });

  it("never breaks a page or slide reference between the word and its number", () => {
    const text = "bron: een lange kop van een sectie, p. 80";
    const upToP = layout.widthOf("bron: een lange kop van een sectie, p.", STYLES.body);
    const lines = layout.wrap(text, STYLES.body, upToP + 2).map((l) => l.text);
    expect(lines).toEqual(["bron: een lange kop van een sectie,", "p.\u00a080"]);
  });

  it("fills the rest of a line with the part before a soft hyphen", () => {
    const before = layout.widthOf("Nu de Spoedzorg-", STYLES.body);
    const lines = layout.wrap(`Nu de ${word}`, STYLES.body, before + 1).map((l) => l.text);
    expect(lines[0]).toBe("Nu de Spoedzorg-");
  });

  it("never reaches the title, the subject or the bookmarks", async () => {
    const base = makeStudy({
      topics: [{ ...topic("shy", "wonen"), label: `Fictief ${word}` }],
      themes: [theme("th", ["ouderen"], ["shy"])],
      sample: { shy: { prevalence: "few" } },
    });
    const study = { ...base, study: { ...base.study, title: `Eind\u00adverslag ${word}` } };
    const bytes = await renderPdf(study, computeCoverage(study), { lang: "nl", generatedOn: GENERATED_ON });
    const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
    const { info, metadata } = (await pdf.getMetadata()) as { info: { Title?: string; Subject?: string }; metadata: { get(name: string): unknown } | null };
    const titles: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[] | null): void => items?.forEach((i) => (titles.push(i.title), walk(i.items as never)));
    walk((await pdf.getOutline()) as never);
    await pdf.destroy();
    expect(info.Title).toBe("Eindverslag Spoedzorgcoördinatieafspraken");
    expect(metadata?.get("dc:title")).toBe("Eindverslag Spoedzorgcoördinatieafspraken");
    expect(titles).toContain("Fictief Spoedzorgcoördinatieafspraken");
    for (const text of [info.Title, info.Subject, ...titles]) expect(text ?? "").not.toContain("\u00ad");
  });

  it("reaches the page as the hyphenated word, without the soft hyphen itself", async () => {
    const label = `Fictief: ${word} ${word} ${word}`;
    const study = makeStudy({
      topics: [{ ...topic("shy", "wonen"), label }],
      themes: [theme("th", ["ouderen"], ["shy"])],
      sample: { shy: { prevalence: "few" } },
    });
    const bytes = await renderPdf(study, computeCoverage(study), { lang: "nl", generatedOn: GENERATED_ON });
    const read = await readPdf(bytes);
    const text = allElements(read.pages)
      .map((e) => e.text)
      .join(" ");
    expect(text).not.toContain("\u00ad");
    // In the matrix's narrow label column the label breaks at its soft hyphens. The hyphen
    // shown there carries the soft hyphen as its actual text, so the text layer (pdf.js reads
    // actual text) has the word whole: broken across lines, never with a hyphen in it.
    expect(text).toMatch(/Spoedzorg coördinatie|coördinatie afspraken/);
    expect(text).not.toMatch(/(Spoedzorg|coördinatie)-/);
    // pdfkit writes the actual text as a UTF-16BE string: FE FF 00 AD.
    const marked =
      contentStreams(bytes)
        .join("")
        .match(/\/Span <<\s*\/ActualText \(\u00fe\u00ff\u0000\u00ad\)\s*>> BDC/g)?.length ?? 0;
    expect(marked).toBeGreaterThan(0);
  });
});

describe("text the embedded fonts cannot show", () => {
  it("is set as U+FFFD (never a missing-glyph box without text) and named in the notes, as is right-to-left text", async () => {
    const label = "Fictief: Mondzorg 🦷 中文 עברית klaar";
    const study = makeStudy({
      topics: [{ ...topic("tekens", "wonen"), label }],
      themes: [theme("th", ["ouderen"], ["tekens"])],
      sample: { tekens: { prevalence: "few" } },
    });
    const { bytes, notes } = await renderPdfWithNotes(study, computeCoverage(study), { lang: "nl", generatedOn: GENERATED_ON });
    expect(notes.unsupported).toEqual(["🦷", "中", "文"]);
    expect(notes.rightToLeft).toEqual(["ע", "ב", "ר", "י", "ת"]);
    const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
    let text = "";
    for (let n = 1; n <= pdf.numPages; n++) text += (await (await pdf.getPage(n)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
    await pdf.destroy();
    expect(text).toContain("Mondzorg \uFFFD \uFFFD\uFFFD");
    expect(text).not.toContain("\u0000");
  });

  it("gives no notes for the minimal fixture", async () => {
    const { study } = await loadStudy(MINIMAL);
    const { notes } = await renderPdfWithNotes(study!, computeCoverage(study!), { lang: "nl", generatedOn: GENERATED_ON });
    expect(notes).toEqual({ unsupported: [], rightToLeft: [] });
  });
});
