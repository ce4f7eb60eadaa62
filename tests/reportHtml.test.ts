// coverage.html from a fixture Coverage, without a browser: the escape step under hostile
// text, the Content-Security-Policy that must match the inline style and script, the real
// table, every topic's evidence in the page, and identical bytes for identical data.
// tests/browser.test.ts drives the page in Chromium.

import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import type { Study } from "../src/model.js";
import { htmlHref, htmlText, htmlToken } from "../src/render/escape/html.js";
import { HTML_SCRIPT } from "../src/render/html/script.js";
import { HTML_STYLE } from "../src/render/html/style.js";
import { contrastRatio, DEMAND_FILL, inkOn, LEVEL_FILLS, VERDICT_FILLS } from "../src/render/palette.js";
import { renderReportHtml } from "../src/render/renderReportHtml.js";
import { UNSAFE_CHARACTER } from "../src/unsafeText.js";
import { RUNS } from "./fuzzCorpus.js";
import { unsafeCharacterIn } from "./outputChecks.js";
import { accord, action, makeStudy, theme, topic } from "./studyBuilder.js";

const SOURCE = { doc: "fictief", section: "Fictief", page: 7 };

function fixtureStudy(): Study {
  const study = makeStudy({
    topics: [topic("gedekt", "cultuur"), { ...topic("vlek", "wonen"), label: "Wonen & <zorg>", label_en: "Housing & care" }, topic("stil", "digitalisering")],
    accords: [
      accord("iza", [
        {
          ...action("iza-1", "measure", ["gedekt"]),
          source: SOURCE,
          note: "Een noot",
          period: { from: "2023-01-01", to: "2026-12-31", quote: "looptijd", source: SOURCE },
        },
      ]),
      accord("gala", [{ ...action("gala-1", "mention", [{ id: "vlek", scope: "general" }]), text: "GALA noemt wonen" }]),
    ],
    themes: [
      { ...theme("th", ["ouderen", "professionals"], ["gedekt", "vlek"]), quotes: [{ text: "Ik wil thuis blijven wonen", group: "ouderen", source: SOURCE }] },
    ],
    sample: { gedekt: { prevalence: "all" }, vlek: { prevalence: "few" }, stil: { prevalence: "half" } },
    plans: [{ region: "Flevoland", findings: { vlek: { status: "ambition" } } }],
    reference: { vlek: { conclusion: "possible-white-spot", quote: "Wonen blijft achter", source: SOURCE } },
    dispositions: { vlek: { decision: "monitor", rationale: "We volgen dit", quote: "Monitoren", source: SOURCE } },
  });
  study.regionPlans[0]!.findings.vlek!.quote = "Wij willen meer woningen";
  study.regionPlans[0]!.findings.vlek!.page = 12;
  study.study.documents[0]!.url = "https://example.org/rapport.pdf";
  return study;
}

const study = fixtureStudy();
const coverage = computeCoverage(study);
const DATE = new Date("2024-08-02T00:00:00Z");
const page = renderReportHtml(study, coverage, { lang: "nl", generatedOn: DATE });

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
/** The text a browser shows for escaped HTML text. */
const unescape = (html: string) =>
  html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ "amp": "&", "lt": "<", "gt": ">", "quot": '"', "#39": "'" })[name]!);
/** The page's markup without text and attribute values: tag names and attribute names in order. */
const skeleton = (html: string) =>
  [...html.matchAll(/<\/?([a-zA-Z0-9!]+)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*\/?>/g)].map(
    (m) => `${m[0].startsWith("</") ? "/" : ""}${m[1]}${(m[2] ?? "").replace(/="[^"]*"/g, "")}`,
  );

describe("the HTML escape step", () => {
  it("leaves no markup, no unsafe character, and shows the same text (property)", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.oneof(fc.constantFrom("<", ">", "&", '"', "'", "&amp;", "\u202e", "\ud800", "e\u0301"), fc.string({ unit: "binary", maxLength: 6 })), {
            maxLength: 8,
          })
          .map((parts) => parts.join("")),
        (text) => {
          const escaped = htmlText(text);
          expect(escaped).not.toMatch(/[<>"']/);
          expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
          expect(UNSAFE_CHARACTER.test(escaped)).toBe(false);
          expect(unescape(escaped)).toBe(text.replace(new RegExp(UNSAFE_CHARACTER.source, "g"), "\uFFFD").normalize("NFC"));
        },
      ),
      { numRuns: RUNS * 20 },
    );
  });
  it("makes tokens that are safe in an id and a fragment, and distinct for distinct ids (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }), (a, b) => {
        expect(htmlToken(a)).toMatch(/^[a-z0-9_-]*$/);
        if (a !== b) expect(htmlToken(a)).not.toBe(htmlToken(b));
      }),
      { numRuns: RUNS * 20 },
    );
    expect(htmlToken("spoedzorg")).toBe("spoedzorg");
  });
  it("links only http(s) addresses", () => {
    expect(htmlHref("https://example.org/a?b=1&c=2")).toBe("https://example.org/a?b=1&amp;c=2");
    for (const bad of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<b>",
      "//example.org",
      'https://x.org/"onmouseover="x',
      "https://x.org/\u202e",
      "file:///etc/passwd",
    ])
      expect(htmlHref(bad), bad).toBeNull();
  });
});

describe("coverage.html", () => {
  it("allows only its own style and script, by hash, and loads nothing", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    expect(csp).toContain("default-src 'none'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(style).toBe(HTML_STYLE);
    expect(script).toBe(HTML_SCRIPT);
    expect(csp).toContain(`style-src 'sha256-${sha256(style)}'`);
    expect(csp).toContain(`script-src 'sha256-${sha256(script)}'`);
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<style/g)).toHaveLength(1);
    // Nothing the browser would fetch: no src, no stylesheet link, no url() or @import, no style attribute.
    expect(page).not.toMatch(/\ssrc=|<link\b|url\(|@import|\sstyle=|\son[a-z]+=/i);
    // The only addresses are the documents' own, as links the reader may follow.
    expect([...page.matchAll(/href="([^"#][^"]*)"/g)].map((m) => m[1])).toEqual(["https://example.org/rapport.pdf"]);
  });

  it("is byte-identical for identical data, and says the date it was given", () => {
    expect(renderReportHtml(fixtureStudy(), computeCoverage(fixtureStudy()), { lang: "nl", generatedOn: DATE })).toBe(page);
    expect(page).toContain("2 augustus 2024");
  });

  it("has the matrix as a real table: column and row headers, a link per cell to the evidence", () => {
    const table = /<table id="matrix"[\s\S]*?<\/table>/.exec(page)![0];
    const heads = [...table.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual(["Onderwerp", "IZA", "GALA", "Regio&#39;s", "Vraag", "Oordeel", "Rapport"]);
    const rows = [...table.matchAll(/<tr data-topic="([^"]+)"[^>]*>([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(["gedekt", "vlek", "stil"]);
    for (const [, id, row] of rows) {
      expect(row).toMatch(/^<th scope="row"/);
      const targets = [...row!.matchAll(/<a class="cell" href="#([^"]+)"/g)].map((m) => m[1]!);
      expect(targets).toEqual([
        `t-${id}--topic`,
        `t-${id}--a-iza`,
        `t-${id}--a-gala`,
        `t-${id}--regional`,
        `t-${id}--demand`,
        `t-${id}--verdict`,
        `t-${id}--report`,
      ]);
      for (const target of targets) expect(page, target).toContain(`id="${target}"`);
    }
    // Colour is never alone: a coloured cell shows a symbol and a number, and names its level for a screen reader.
    const vlek = rows.find((r) => r[1] === "vlek")![2]!;
    expect(vlek).toContain(
      '<td class="cell-a-gala level-low c-center"><a class="cell" href="#t-vlek--a-gala" data-col="a-gala"><span class="line">◔ 0.15</span> <span class="visually-hidden">laag</span>',
    );
    expect(vlek).toContain("witte vlek");
    expect(rows.find((r) => r[1] === "vlek")![0]).toContain('data-accords="a-gala"');
  });

  it("holds every topic's evidence: quotes, actions with document, page, period and note, findings, rule, conclusion, decision", () => {
    for (const topicCoverage of coverage.topics) expect(page).toMatch(new RegExp(`<details class="topic" id="t-${topicCoverage.id}"`));
    const vlek = /<details class="topic" id="t-vlek"[\s\S]*?<\/details>/.exec(page)![0];
    for (const expected of [
      "Ik wil thuis blijven wonen",
      "GALA noemt wonen",
      "algemeen (niet specifiek voor ouderen)",
      "Geen actie in IZA (0.00)",
      "weinig plannen",
      "Regioplan Flevoland: ambitie → 0.50",
      "Wij willen meer woningen",
      ", p. 12</p>",
      "landelijke dekking 0.15 &lt; 0.60",
      "Wonen blijft achter",
      "Besluit: monitoren",
      "We volgen dit",
      '<a href="#doc-fictief">fictief</a>, “Fictief”, p. 7',
    ]) {
      expect(vlek, expected).toContain(expected);
    }
    const gedekt = /<details class="topic" id="t-gedekt"[\s\S]*?<\/details>/.exec(page)![0];
    expect(gedekt).toContain("periode: 2023-01-01 – 2026-12-31 (“looptijd”, fictief, “Fictief”, p. 7)");
    expect(gedekt).toContain("noot: Een noot");
    expect(page).toMatch(/<tr id="doc-fictief">.*Fictief brondocument/);
  });

  it("speaks English with --lang en, data text as encoded", () => {
    const en = renderReportHtml(study, coverage, { lang: "en", generatedOn: DATE });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain("Coverage matrix");
    expect(en).toContain("Housing &amp; care");
    expect(en).toContain("white spot");
    expect(en).toContain("2 August 2024");
    expect(en).not.toContain("Dekkingsmatrix");
  });

  it("uses fills whose text reaches WCAG AA contrast (4.5:1)", () => {
    for (const fill of [...Object.values(LEVEL_FILLS), ...Object.values(VERDICT_FILLS), DEMAND_FILL]) {
      expect(contrastRatio(fill, inkOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("coverage.html with hostile text in the data", () => {
  const pieces = [
    "<script>alert(1)</script>",
    "</summary></details>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='x",
    "&amp;",
    "&#x3C;",
    "javascript:alert(1)",
    "\u202e",
    "\u0000",
    "\u001b[2J",
    "\ud800",
    "]]>",
    "<!--",
    "-->",
    "é",
    "e\u0301",
    "漢字",
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: "binary", maxLength: 8 })), { minLength: 1, maxLength: 5 })
    .map((parts) => `${parts.join("")}x`);

  function hostile(t: string[]): Study {
    const base = fixtureStudy();
    base.study.title = t[0]!;
    base.study.question = t[1]!;
    base.topics[0]!.label = t[2]!;
    base.topics[1]!.label_en = t[3]!;
    base.accords[0]!.name = t[4]!;
    base.accords[0]!.actions[0]!.text = t[5]!;
    base.accords[0]!.actions[0]!.note = t[6]!;
    base.interviews.themes[0]!.title = t[7]!;
    base.interviews.themes[0]!.quotes![0]!.text = t[8]!;
    base.interviews.themes[0]!.quotes![0]!.source = { doc: t[9]!, section: t[10]!, page: t[11]! };
    base.regionPlans[0]!.region = t[12]!;
    base.regionPlans[0]!.findings.vlek!.quote = t[13]!;
    base.dispositions.vlek!.rationale = t[14]!;
    base.study.documents[0]!.url = t[15]!;
    base.study.documents[0]!.publisher = t[16]!;
    return base;
  }

  it(`keeps the page's markup whatever the text, and carries no unsafe character (${RUNS} runs)`, () => {
    const plain = hostile(Array.from({ length: 17 }, () => "x"));
    const withoutLinks = (tags: string[]) => tags.filter((tag) => tag !== "a href rel" && tag !== "/a");
    const benign = {
      nl: withoutLinks(skeleton(renderReportHtml(plain, computeCoverage(plain), { lang: "nl", generatedOn: DATE }))),
      en: withoutLinks(skeleton(renderReportHtml(plain, computeCoverage(plain), { lang: "en", generatedOn: DATE }))),
    };
    fc.assert(
      fc.property(fc.array(text, { minLength: 17, maxLength: 17 }), fc.constantFrom("nl" as const, "en" as const), (t, lang) => {
        const s = hostile(t);
        const html = renderReportHtml(s, computeCoverage(s), { lang, generatedOn: DATE });
        expect(unsafeCharacterIn(html)).toBeUndefined();
        expect(html.match(/<script/gi)).toHaveLength(1);
        expect(html).not.toMatch(/<img|href="javascript:/i);
        // Text cannot open or close an element: the markup is that of harmless text, but for the
        // one document address, which is a link only when it is an http(s) address.
        expect(withoutLinks(skeleton(html))).toEqual(benign[lang]);
      }),
      { numRuns: RUNS },
    );
  });
});
