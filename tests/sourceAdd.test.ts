// `dekking source add`: reading order from positioned items (hand-made), PDFs the test makes
// itself with pdfkit (two columns, a running head, a hyphenated line end, a ligature, an
// empty page, page labels, an encrypted file, a page without a text layer), the register
// edit that keeps study.yaml's comments, every refusal that writes nothing — and, where
// ../shared/pdfs is present, the real published PDFs. Every document made here is fictional.

import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { locateQuote, parseSourceText } from "../src/evidence/sourceText.js";
import { joinHyphenated, readPages, type PdfPageItems, type PdfTextItem } from "../src/sources/pageLayout.js";
import { checkPageLayout } from "../src/evidence/pageMarkers.js";
import { pageLayoutText } from "../src/messages/findings.js";
import { registerDocument } from "../src/sources/registerDocument.js";
import { ROOT, copyFixture, runInProcess, tempDir } from "./helpers.js";

const PDFS = path.resolve(ROOT, "..", "shared", "pdfs");
const havePdfs = existsSync(PDFS);
const FONT = path.join(ROOT, "generated", "fonts", "dejavu-400.ttf");
const PDFDocument = createRequire(import.meta.url)("pdfkit") as typeof import("pdfkit");

const cli = (args: string[], cwd = ROOT) => runInProcess(args, { cwd });

/** A line of text as pdf.js would give it: one item per word run, 10 pt. */
function line(text: string, x: number, y: number, size = 10): PdfTextItem {
  return { text, x, y, width: text.length * size * 0.5, size };
}

function page(index: number, items: PdfTextItem[]): PdfPageItems {
  return { index, width: 595, height: 842, items };
}

describe("reading order from positioned items", () => {
  it("reads two columns column by column, not line across line", () => {
    const left = ["De eerste kolom begint hier", "en loopt door tot onderaan", "de linkerkant van de pagina."];
    const right = ["De tweede kolom staat rechts", "en wordt pas daarna gelezen."];
    const items = [...left.map((t, i) => line(t, 60, 700 - i * 12)), ...right.map((t, i) => line(t, 320, 700 - i * 12))];
    const text = readPages([page(1, items)]).pages[0]!.text;
    expect(text.indexOf("de linkerkant van de pagina.")).toBeLessThan(text.indexOf("De tweede kolom"));
    expect(text).toContain("De eerste kolom begint hier en loopt door tot onderaan de linkerkant van de pagina.");
    expect(readPages([page(1, items)]).pages[0]!.columns).toBe(2);
  });

  it("reads a heading across both columns before the columns", () => {
    const items = [
      line("Een kop die over de hele breedte van de pagina loopt en verder", 60, 760, 14),
      line("Links een eerste regel", 60, 700),
      line("Rechts een eerste regel", 320, 700),
      line("en links een tweede regel", 60, 688),
      line("en rechts een tweede regel", 320, 688),
    ];
    expect(readPages([page(1, items)]).pages[0]!.text).toBe(
      "Een kop die over de hele breedte van de pagina loopt en verder\n\nLinks een eerste regel en links een tweede regel\n\nRechts een eerste regel en rechts een tweede regel",
    );
  });

  it("sets a running head that recurs on most pages apart, whatever its page number", () => {
    const pages = [1, 2, 3, 4].map((n) => page(n, [line(`${n} | Integraal Fictief Akkoord 2022`, 60, 810), line(`Tekst van pagina ${n}.`, 60, 700)]));
    const read = readPages(pages);
    expect(read.pages.map((p) => p.text)).toEqual(["Tekst van pagina 1.", "Tekst van pagina 2.", "Tekst van pagina 3.", "Tekst van pagina 4."]);
    expect(read.margins).toEqual([{ text: "1 | Integraal Fictief Akkoord 2022", pages: 4 }]);
  });

  it("keeps a top line that occurs on one page only", () => {
    const pages = [1, 2, 3, 4].map((n) => page(n, [line(n === 2 ? "Bijlage bij hoofdstuk twee" : "x", 60, 810), line(`Tekst ${n}.`, 60, 700)]));
    expect(readPages(pages).pages[1]!.text).toContain("Bijlage bij hoofdstuk twee");
  });

  it("drops a footnote marker raised after a word, keeps a footnote's own number", () => {
    const items = [
      line("Uit recent onderzoek", 60, 700),
      { text: "13", x: 160.5, y: 703, width: 5, size: 6 },
      line(" blijkt dat het werkt.", 166, 700),
      { text: "13", x: 60, y: 102, width: 5, size: 6 },
      line("Zie het rapport.", 68, 100, 8),
    ];
    const text = readPages([page(1, items)]).pages[0]!.text;
    expect(text).toContain("Uit recent onderzoek blijkt dat het werkt.");
    expect(text).toContain("13 Zie het rapport.");
  });

  it("turns ligatures into letters and drops soft hyphens", () => {
    const text = readPages([page(1, [line("de ﬁnanciering is e\u00ADﬀectief", 60, 700)])]).pages[0]!.text;
    expect(text).toBe("de financiering is effectief");
  });

  it("reads a table of figures row by row", () => {
    const items = [
      line("Wijkaanpak sociale basis", 60, 600),
      line("36,4", 300, 600),
      line("35,9", 350, 600),
      line("Mantelzorg", 60, 588),
      line("10,0", 300, 588),
      line("8,0", 350, 588),
    ];
    expect(readPages([page(1, items)]).pages[0]!.text).toContain("Wijkaanpak sociale basis 36,4 35,9");
  });

  it("keeps reading down a column where the other column has a paragraph gap (a one-sided line joins the columns)", () => {
    const left = ["De linkerkolom begint met een lange regel", "en loopt door tot de volgende regel", "en eindigt hier met een punt."];
    const right = ["De rechterkolom verbindt zich tot een", "aantal voorwaarden, zoals het oplossen", "van knelpunten in de bekostiging."];
    // The right column's first line stands beside a blank line of the left column.
    const items = [line(right[0]!, 320, 712), ...left.map((t, i) => line(t, 60, 700 - i * 12)), ...right.slice(1).map((t, i) => line(t, 320, 700 - i * 12))];
    const text = readPages([page(1, items)]).pages[0]!.text;
    expect(text).toContain("De rechterkolom verbindt zich tot een aantal voorwaarden, zoals het oplossen van knelpunten in de bekostiging.");
    expect(text).toContain("De linkerkolom begint met een lange regel en loopt door tot de volgende regel en eindigt hier met een punt.");
  });

  it("does not take a footnote's label for a column", () => {
    const items = [
      line("Een regel lopende tekst over de volle breedte van de kolom", 90, 700),
      line("en de volgende regel van diezelfde alinea hier.", 90, 688),
      { text: "16", x: 71, y: 102, width: 5, size: 6 },
      line("De voetnoot zelf, met een uitleg.", 80, 100, 8),
    ];
    const text = readPages([page(1, items)]).pages[0]!.text;
    expect(text).toBe(
      "Een regel lopende tekst over de volle breedte van de kolom en de volgende regel van diezelfde alinea hier.\n\n16 De voetnoot zelf, met een uitleg.",
    );
  });

  it("names the pages without text", () => {
    const read = readPages([page(1, [line("Tekst.", 60, 700)]), page(2, []), page(3, [line("Meer.", 60, 700)])]);
    expect(read.emptyPages).toEqual([2]);
  });
});

describe("line-end hyphens", () => {
  const lexicon = new Map([
    ["gezondheid", 3],
    ["niet-zinnige", 2],
  ]);
  it("joins a word broken at a line end", () => expect(joinHyphenated("de gezond-", "heid van", lexicon)).toBe("de gezondheid van"));
  it("keeps a suspended compound", () => expect(joinHyphenated("zorg-", "en welzijn", lexicon)).toBe("zorg- en welzijn"));
  it("keeps the hyphen the document itself writes", () => expect(joinHyphenated("van niet-", "zinnige zorg", lexicon)).toBe("van niet-zinnige zorg"));
  it("keeps the hyphen before a capital", () => expect(joinHyphenated("Noord-", "Nederland", lexicon)).toBe("Noord-Nederland"));
});

describe("page layout check", () => {
  it("accepts markers in order, with and without a printed label", () => {
    expect(checkPageLayout("# T\n\n## Page 1\n\ntekst\n\n## Page 2 (printed page ii)\n\nmeer\n", true)).toEqual([]);
  });
  it("names a duplicate and an out-of-order marker at their lines", () => {
    const problems = checkPageLayout("## Page 1\na\n## Page 3\nb\n## Page 2\nc\n## Page 3\n", true);
    expect(problems.map((p) => [p.kind, p.line])).toEqual([
      ["page-out-of-order", 4],
      ["duplicate-page", 6],
    ]);
  });
  it("names a marker indented by spaces and a page 0, which would otherwise be read as text or break every citation", () => {
    expect(checkPageLayout("## Page 1\na\n   ## Page 2\nb\n", true).map((p) => [p.kind, p.line])).toEqual([["malformed-page-marker", 2]]);
    expect(checkPageLayout("## Page 0\na\n", true).map((p) => pageLayoutText(p).message)).toEqual([
      "page 0: page numbers start at 1",
      "the text has no page markers",
    ]);
  });

  it("names a text without markers, and a marker that is not one", () => {
    expect(checkPageLayout("gewoon tekst\n", true).map((p) => p.kind)).toEqual(["no-page-markers"]);
    expect(checkPageLayout("## Page 1\n## Pagina 2\n", true).map((p) => [p.kind, p.line])).toEqual([["malformed-page-marker", 1]]);
  });
});

describe("the register edit", () => {
  const study =
    "# comment that must stay\nid: s\ntitle: T\nquestion: >-\n  a folded line that must\n  stay folded\ndocuments:\n  # the register\n  - id: a\n    title: A\n    kind: report # trailing comment\naccords: [x, y]\n";
  it("adds an entry and changes no other byte", () => {
    const { yaml } = registerDocument(study, "study.yaml", { id: "plan-b", kind: "region-plan", text: "plan-b.md", date: "2023-12-22" }, "Plan: B", false);
    expect(yaml).toBe(
      study.replace("accords:", '  - id: plan-b\n    title: "Plan: B"\n    date: 2023-12-22\n    kind: region-plan\n    text: plan-b.md\naccords:'),
    );
    expect(parse(yaml).documents[1]).toEqual({ id: "plan-b", title: "Plan: B", date: "2023-12-22", kind: "region-plan", text: "plan-b.md" });
  });
  it("turns an empty flow list (documents: []) into a block list with the entry", () => {
    const start = "id: s\ndocuments: []\naccords: []\n";
    const { yaml } = registerDocument(start, "study.yaml", { id: "2024-01-01", kind: "context", text: "2024-01-01.md" }, "T", false);
    expect(yaml).toBe('id: s\ndocuments:\n  - id: "2024-01-01"\n    title: T\n    kind: context\n    text: 2024-01-01.md\naccords: []\n');
  });

  it("will not repoint, even with --force, an entry whose text lies outside sources/", () => {
    const outside = "documents:\n  - id: rapport\n    title: R\n    kind: report\n    text: 003_rapport.txt\n";
    expect(() => registerDocument(outside, "study.yaml", { id: "rapport", kind: "report", text: "rapport.md" }, "R", true)).toThrow(
      /keeps its text in 003_rapport\.txt, not in sources\/rapport\.md/,
    );
  });

  it("refuses an id already registered, unless forced, then updates only what is given", () => {
    expect(() => registerDocument(study, "study.yaml", { id: "a", kind: "report", text: "a.md" }, "A", false)).toThrow(
      /study\.yaml:9:\d+: the register already has a document "a"/,
    );
    const { yaml, replaced } = registerDocument(study, "study.yaml", { id: "a", kind: "report", text: "a.md" }, "ignored", true);
    expect(replaced).toBe(true);
    expect(yaml).toContain("    title: A\n    kind: report # trailing comment\n    text: a.md\n");
    expect(yaml.startsWith("# comment that must stay\n")).toBe(true);
  });
});

/** Renders a fictional PDF with pdfkit. */
async function makePdf(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, info: { CreationDate: new Date(0), Title: "Fictief regioplan" }, ...options });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.registerFont("body", FONT);
  doc.font("body");
  build(doc);
  doc.end();
  return done;
}

/** Four pages: a running head, two columns with a hyphenated line end and a ligature, an empty page, page labels i, ii, 1, 2. */
async function fictionalPlan(): Promise<Buffer> {
  return makePdf((doc) => {
    for (let n = 1; n <= 4; n++) {
      doc.addPage({ size: "A4", margin: 0 });
      if (n === 3) continue; // an empty page
      doc.fontSize(8).text(`Fictief regioplan 2030 | ${n}`, 60, 30, { lineBreak: false });
      doc.fontSize(10);
      const left = ["Links staat de eerste kolom van", `pagina ${n}, met een woord dat ge-`, "broken is aan het einde van de", "regel."];
      const right = ["Rechts volgt de tweede kolom,", "met een ﬁnanciering die loopt."];
      left.forEach((t, i) => doc.text(t, 60, 100 + i * 13, { lineBreak: false }));
      right.forEach((t, i) => doc.text(t, 320, 100 + i * 13, { lineBreak: false }));
    }
    // Page labels: roman for the first two pages, then arabic from 1.
    const root = (doc as unknown as { _root: { data: Record<string, unknown> } })._root;
    root.data.PageLabels = (doc as unknown as { ref: (d: unknown) => { end: () => void } }).ref({ Nums: [0, { S: "r" }, 2, { S: "D", St: 1 }] });
    (root.data.PageLabels as { end: () => void }).end();
  });
}

describe("dekking source add", () => {
  it("reads a PDF into the page layout and registers it, keeping study.yaml's comments", async () => {
    const data = copyFixture();
    const dir = tempDir();
    writeFileSync(path.join(dir, "plan.pdf"), await fictionalPlan());
    const before = readFileSync(path.join(data, "study.yaml"), "utf8");
    const result = await cli([
      "source",
      "add",
      path.join(dir, "plan.pdf"),
      "--data",
      data,
      "--id",
      "regioplan-fictief-2030",
      "--kind",
      "region-plan",
      "--date",
      "2030-01-31",
    ]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/4 pages/);
    expect(result.stdout).toMatch(/pages without text: 3\b/);
    expect(result.stdout).toContain('"Fictief regioplan 2030 | 1" (3 pages)');
    const text = readFileSync(path.join(data, "sources", "regioplan-fictief-2030.md"), "utf8");
    expect(text).toContain(
      "## Page 1 (printed page i)\n\nLinks staat de eerste kolom van pagina 1, met een woord dat gebroken is aan het einde van de regel.\n\nRechts volgt de tweede kolom, met een financiering die loopt.\n",
    );
    expect(text).toContain("## Page 4 (printed page 2)\n");
    expect(text).not.toContain("Fictief regioplan 2030 |");
    const source = parseSourceText("regioplan-fictief-2030", "x", text);
    expect(source.pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect(locateQuote(source, "een woord dat gebroken is aan het einde", 2)).toEqual({ found: "on-page" });
    const after = readFileSync(path.join(data, "study.yaml"), "utf8");
    expect(after.startsWith(before.slice(0, before.indexOf("accords:")))).toBe(true);
    expect(parse(after).documents.at(-1)).toEqual({
      id: "regioplan-fictief-2030",
      title: "Fictief regioplan",
      date: "2030-01-31",
      kind: "region-plan",
      text: "regioplan-fictief-2030.md",
    });
    // The study still validates with the new document.
    expect((await cli(["validate", "--data", data])).status).toBe(0);
  });

  it("gives the same text for the same PDF, byte for byte", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "plan.pdf"), await fictionalPlan());
    const [a, b] = [copyFixture(), copyFixture()];
    for (const data of [a, b])
      expect((await cli(["source", "add", path.join(dir, "plan.pdf"), "--data", data, "--id", "p", "--kind", "context"])).status).toBe(0);
    expect(readFileSync(path.join(a, "sources", "p.md"))).toEqual(readFileSync(path.join(b, "sources", "p.md")));
  });

  it("never overwrites: a second add stops; --force keeps a backup", async () => {
    const data = copyFixture();
    const dir = tempDir();
    writeFileSync(path.join(dir, "plan.pdf"), await fictionalPlan());
    const args = ["source", "add", path.join(dir, "plan.pdf"), "--data", data, "--id", "p", "--kind", "context"];
    expect((await cli(args)).status).toBe(0);
    writeFileSync(path.join(data, "sources", "p.md"), "## Page 1\n\nmy own edits\n");
    const study = readFileSync(path.join(data, "study.yaml"), "utf8");
    const again = await cli(args);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/study\.yaml:\d+:\d+: the register already has a document "p"; nothing was written/);
    expect(readFileSync(path.join(data, "sources", "p.md"), "utf8")).toBe("## Page 1\n\nmy own edits\n");
    expect(readFileSync(path.join(data, "study.yaml"), "utf8")).toBe(study);
    const forced = await cli([...args, "--force"]);
    expect(forced.status).toBe(0);
    const backups = readdirSync(path.join(data, "sources")).filter((f) => f.startsWith("p.md.bak-"));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(data, "sources", backups[0]!), "utf8")).toBe("## Page 1\n\nmy own edits\n");
    expect(readFileSync(path.join(data, "study.yaml"), "utf8")).toBe(study);
  });

  it("takes a text already in the page layout, and refuses one whose markers are wrong", async () => {
    const data = copyFixture();
    const dir = tempDir();
    writeFileSync(path.join(dir, "good.md"), "# Plan\n\n## Page 1\n\nEen.\n\n## Page 2\n\nTwee.\n");
    writeFileSync(path.join(dir, "bad.md"), "## Page 1\n\nEen.\n\n## Page 1\n\nNog eens een.\n");
    const good = await cli(["source", "add", path.join(dir, "good.md"), "--data", data, "--id", "good", "--kind", "context"]);
    expect(good.status).toBe(0);
    expect(readFileSync(path.join(data, "sources", "good.md"), "utf8")).toBe("# Plan\n\n## Page 1\n\nEen.\n\n## Page 2\n\nTwee.\n");
    const bad = await cli(["source", "add", path.join(dir, "bad.md"), "--data", data, "--id", "bad", "--kind", "context"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("bad.md:5:1: page 1 starts a second time (first at line 1)");
    expect(existsSync(path.join(data, "sources", "bad.md"))).toBe(false);
  });

  it.each([
    ["an id that is not a slug", ["--id", "Regio Plan"], /--id "Regio Plan" is not a document id/],
    ["a reserved id", ["--id", "con"], /reserves/],
    ["a date that does not exist", ["--id", "p", "--date", "2023-02-30"], /--date "2023-02-30" is not a date/],
    ["a URL that is not one", ["--id", "p", "--url", "javascript:alert(1)"], /is not a web address/],
  ])("refuses %s and writes nothing", async (_name, extra, message) => {
    const data = copyFixture();
    const dir = tempDir();
    writeFileSync(path.join(dir, "plan.pdf"), await fictionalPlan());
    const study = readFileSync(path.join(data, "study.yaml"), "utf8");
    const result = await cli(["source", "add", path.join(dir, "plan.pdf"), "--data", data, "--kind", "context", ...extra]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(data, "study.yaml"), "utf8")).toBe(study);
    expect(existsSync(path.join(data, "sources"))).toBe(false);
  });

  it("refuses files it cannot read, with the reason and writing nothing", async () => {
    const data = copyFixture();
    const dir = tempDir();
    const files: Record<string, Buffer> = {
      "damaged.pdf": Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"),
      "binary.txt": Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x81, 0x00, 0xc3]),
      "encrypted.pdf": await makePdf((doc) => doc.addPage().text("geheim"), { userPassword: "wachtwoord", pdfVersion: "1.7" }),
      "scan.pdf": await makePdf((doc) => {
        doc.addPage().rect(50, 50, 200, 200).fill("#888");
        doc.addPage().rect(50, 50, 200, 200).fill("#444");
      }),
    };
    const expected: Record<string, RegExp> = {
      "damaged.pdf": /damaged\.pdf is not a readable PDF/,
      "binary.txt": /binary\.txt is neither a PDF nor UTF-8 text/,
      "encrypted.pdf": /encrypted\.pdf is an encrypted PDF/,
      "scan.pdf": /none of its 2 pages has a text layer[\s\S]*OCR/,
    };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(path.join(dir, name), bytes);
      const result = await cli(["source", "add", path.join(dir, name), "--data", data, "--id", "x", "--kind", "context"]);
      expect(result.status, name).toBe(2);
      expect(result.stderr, name).toMatch(expected[name]!);
    }
    const huge = path.join(dir, "huge.pdf");
    writeFileSync(huge, "%PDF-1.7\n");
    truncateSync(huge, 101 * 2 ** 20);
    const big = await cli(["source", "add", huge, "--data", data, "--id", "x", "--kind", "context"]);
    expect(big.stderr).toMatch(/huge\.pdf is 101 MB; the limit is 100 MB/);
    const notStudy = await cli(["source", "add", path.join(dir, "scan.pdf"), "--data", dir, "--id", "x", "--kind", "context"]);
    expect(notStudy.stderr).toMatch(/is not a study folder: it has no study\.yaml/);
    expect(existsSync(path.join(data, "sources"))).toBe(false);
  });

  it("refuses control characters in a title, strips them from a PDF's own title, and names an empty or false .pdf", async () => {
    const data = copyFixture();
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "plan.pdf"),
      await makePdf((doc) => doc.addPage().text("Een pagina met tekst om te lezen."), { info: { Title: "Plan\u001b[31mrood\u0007\u009b" } }),
    );
    const bell = await cli(["source", "add", path.join(dir, "plan.pdf"), "--data", data, "--id", "p", "--kind", "context", "--title", "Plan\u0007bel"]);
    expect(bell.status).toBe(2);
    expect(bell.stderr).toContain("--title holds a control character or a line break");
    expect((await cli(["source", "add", path.join(dir, "plan.pdf"), "--data", data, "--id", "p", "--kind", "context"])).status).toBe(0);
    const text = readFileSync(path.join(data, "sources", "p.md"), "utf8");
    const study = readFileSync(path.join(data, "study.yaml"), "utf8");
    for (const written of [text, study]) expect(written).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(text.split("\n")[0]).toMatch(/^# Plan\b/);
    writeFileSync(path.join(dir, "empty.pdf"), "");
    writeFileSync(path.join(dir, "page.pdf"), "<html>Not found</html>\n");
    expect((await cli(["source", "add", path.join(dir, "empty.pdf"), "--data", data, "--id", "e", "--kind", "context"])).stderr).toMatch(/empty\.pdf is empty/);
    expect((await cli(["source", "add", path.join(dir, "page.pdf"), "--data", data, "--id", "e", "--kind", "context"])).stderr).toMatch(
      /page\.pdf is not a PDF: it does not start with %PDF-/,
    );
  });

  it("does not write through a linked study.yaml", async () => {
    const data = copyFixture();
    const dir = tempDir();
    const real = path.join(dir, "real-study.yaml");
    writeFileSync(real, readFileSync(path.join(data, "study.yaml")));
    rmSync(path.join(data, "study.yaml"));
    symlinkSync(real, path.join(data, "study.yaml"));
    writeFileSync(path.join(dir, "plan.md"), "## Page 1\n\nEen.\n");
    const result = await cli(["source", "add", path.join(dir, "plan.md"), "--data", data, "--id", "p", "--kind", "context"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is a symbolic link; dekking does not write through links");
    expect(existsSync(path.join(data, "sources"))).toBe(false);
  });

  it("needs --data, --id and --kind", async () => {
    expect((await cli(["source", "add", "x.pdf", "--id", "x", "--kind", "context"])).stderr).toMatch(/give it with --data DIR/);
    expect((await cli(["source", "add", "x.pdf", "--data", "d", "--kind", "context"])).stderr).toMatch(/needs --id/);
    expect((await cli(["source", "add", "x.pdf", "--data", "d", "--id", "x", "--kind", "brief"])).status).toBe(2);
  });
});

describe.skipIf(!havePdfs)("real published PDFs (../shared/pdfs)", () => {
  it("reads the two local documents with their page counts, and names the pages that are pictures", async () => {
    const data = copyFixture();
    for (const [file, pages] of [
      ["mun_almere_2024_2026_brede_spuk_gala_plan_van_aanpak.pdf", 31],
      ["reg_ggd_flevoland_valpreventie_lelystad_2025.pdf", 20],
    ] as const) {
      const result = await cli(["source", "add", path.join(PDFS, file), "--data", data, "--id", file.slice(0, 20).replace(/_/g, "-"), "--kind", "region-plan"]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(`${pages} pages`);
    }
  }, 60_000);

  it("reproduces the shipped texts of the IZA, GALA and AZWA byte for byte (data/sources/README.md)", async () => {
    const data = copyFixture();
    const study = parse(readFileSync(path.join(ROOT, "data", "study.yaml"), "utf8")) as { documents: { id: string; url?: string }[] };
    for (const [id, pdf] of [
      ["iza-2022", "nat_iza_2022_integraal_zorgakkoord.pdf"],
      ["gala-2023", "nat_gala_2023_gezond_en_actief_leven.pdf"],
      ["azwa-2025", "nat_azwa_2025_definitief.pdf"],
    ] as const) {
      const url = study.documents.find((d) => d.id === id)!.url!;
      const result = await cli(["source", "add", path.join(PDFS, pdf), "--data", data, "--id", id, "--kind", "accord", "--url", url]);
      expect(result.status, result.stderr).toBe(0);
      expect(readFileSync(path.join(data, "sources", `${id}.md`), "utf8") === readFileSync(path.join(ROOT, "data", "sources", `${id}.md`), "utf8"), id).toBe(
        true,
      );
    }
  }, 120_000);

  it("reads the IZA's two-column page 10 column by column, without its running foot", async () => {
    const data = copyFixture();
    const result = await cli(["source", "add", path.join(PDFS, "nat_iza_2022_integraal_zorgakkoord.pdf"), "--data", data, "--id", "iza", "--kind", "accord"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("117 pages");
    const source = parseSourceText("iza", "x", readFileSync(path.join(data, "sources", "iza.md"), "utf8"));
    // The left column's last paragraph ends the sentence that the right column does not continue.
    expect(
      locateQuote(source, "Immers de meest duurzame vorm van zorg is het voorkomen van zorg en het niet leveren van niet-zinnige zorg (gepast gebruik).", 10),
    ).toEqual({ found: "on-page" });
    expect(locateQuote(source, "In het coalitieakkoord is afgesproken dat in 2030 een minimale CO2-reductie is van 55% t.o.v. 1990", 10)).toEqual({
      found: "on-page",
    });
    expect(source.pages.find((p) => p.page === 10)!.text).not.toContain("Integraal Zorgakkoord 2022");
  }, 60_000);
});

describe("validate checks the layout of every text it reads", () => {
  it("names a page marker that repeats, at its line, and does not trust the text", async () => {
    const data = copyFixture();
    const dir = tempDir();
    writeFileSync(path.join(dir, "plan.md"), "## Page 1\n\nEen.\n\n## Page 2\n\nTwee.\n");
    expect((await cli(["source", "add", path.join(dir, "plan.md"), "--data", data, "--id", "plan", "--kind", "context"])).status).toBe(0);
    writeFileSync(path.join(data, "sources", "plan.md"), "## Page 1\n\nEen.\n\n## Page 2\n\nTwee.\n\n## Page 2\n\nNog eens twee.\n");
    const result = await cli(["validate", "--data", data]);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(
      /study\.yaml:\d+:\d+ +error +the text of plan, .*plan\.md:9: page 2 starts a second time \(first at line 5\).*\[page-layout\]/,
    );
  });

  it("refuses a --sources folder that does not exist", async () => {
    const result = await cli(["validate", "--data", copyFixture(), "--sources", "no-such-folder"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--sources no-such-folder: no such folder");
  });
});
