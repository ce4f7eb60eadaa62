// `dekking regions`: the regions × indicators matrix and its renderers, from fictional
// studies built in code (no loader), so every expectation follows from the input here.

import { describe, expect, it } from "vitest";
import type { LoadedRegionPlan, PlanFinding, Rules, Study, Topic } from "../src/model.js";
import { loadPaint, NO_PAINT } from "../src/render/paint.js";

const COLOUR = await loadPaint(true);
import {
  abbreviateRegion,
  REGION_RENDERERS,
  regionMatrix,
  renderRegionsCsv,
  renderRegionsJson,
  renderRegionsMarkdown,
  regionsSummary,
  renderRegionsTable,
} from "../src/render/renderRegions.js";
import type { RenderOptions } from "../src/render/renderer.js";
import { DEFAULT_RULES, TEST_VOCABULARY } from "./studyBuilder.js";

const RULES: Rules = DEFAULT_RULES;

const TOPICS: Topic[] = [
  // Deliberately out of category order: the matrix sorts by category, then keeps this order.
  { id: "woon-a", label: "Woonthema", category: "wonen", indicator: true },
  { id: "cultuur-a", label: "Cultuurthema een", label_en: "Culture topic one", category: "cultuur", indicator: true },
  { id: "cultuur-b", label: "Cultuurthema twee", category: "cultuur", indicator: true },
  { id: "geen-indicator", label: "Geen indicator", category: "preventie", indicator: false },
  { id: "nooit-beoordeeld", label: "Nooit beoordeeld", category: "preventie", indicator: false },
];

function plan(region: string, findings: Record<string, PlanFinding>, extra: Partial<LoadedRegionPlan> = {}): LoadedRegionPlan {
  const slug = region.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return {
    region,
    slug,
    file: `regions/${slug}.yaml`,
    fictional: true,
    plan: { title: `Fictief plan ${region}` },
    assessed_by: "Test",
    assessed_on: "2024-09-01",
    findings,
    ...extra,
  };
}

function studyWith(plans: LoadedRegionPlan[]): Study {
  return {
    study: {
      id: "fictief",
      title: "Fictieve studie",
      question: "?",
      authors: ["Test"],
      date: "2024-01-01",
      documents: [{ id: "fictief", title: "Fictief brondocument", kind: "report" }],
      accords: [],
      regions: ["Regio Noord", "Regio Zuid"],
      rules: "rules.yaml",
      vocabulary: TEST_VOCABULARY,
    },
    vocabulary: TEST_VOCABULARY,
    topics: TOPICS,
    accords: [],
    connections: [],
    interviews: { groups: [], themes: [] },
    sample: undefined,
    regionPlans: plans,
    reference: {},
    dispositions: {},
    screening: {},
    rules: RULES,
    dataVersion: "000000000000",
  };
}

const TWO_PLANS = [
  plan("Regio Zuid", { "cultuur-a": { status: "unknown" } }),
  plan(
    "Regio Noord",
    {
      "cultuur-a": { status: "concrete", quote: "Verzonnen.", page: 4 },
      "cultuur-b": { status: "ambition", evidence: "indirect" },
      "geen-indicator": { status: "absent" },
    },
    { participation: "meedenker", plan: { title: "Plan Noord", year: 2023, url: "https://example.org/noord" } },
  ),
];

const plain = (overrides: Partial<RenderOptions> = {}): RenderOptions => ({ lang: "nl", paint: NO_PAINT, width: 120, excel: false, ...overrides });
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, "");
const visibleWidth = (line: string): number => [...stripAnsi(line)].length;

describe("regionMatrix", () => {
  const matrix = regionMatrix(studyWith(TWO_PLANS));

  it("rows: indicators in category order, then other topics some plan has assessed", () => {
    expect(matrix.rows.map((r) => r.id)).toEqual(["cultuur-a", "cultuur-b", "woon-a", "geen-indicator"]);
    expect(matrix.rows.map((r) => r.indicator)).toEqual([true, true, true, false]);
  });

  it("plans sorted by region, with completeness over indicators only", () => {
    expect(matrix.plans.map((p) => p.region)).toEqual(["Regio Noord", "Regio Zuid"]);
    const [noord, zuid] = matrix.plans;
    expect(noord).toMatchObject({ assessed: 2, indicators: 3, completeness: 0.6667, participation: "meedenker", inSample: true, fictional: true });
    expect(zuid).toMatchObject({ assessed: 0, indicators: 3, completeness: 0, participation: null });
    expect(noord!.cells["cultuur-a"]).toEqual({ status: "concrete", indirect: false, page: 4, quote: "Verzonnen." });
    expect(noord!.cells["cultuur-b"]).toEqual({ status: "ambition", indirect: true, page: null, quote: null });
    expect(noord!.cells["woon-a"]!.status).toBe("unknown");
    expect(noord!.cells["geen-indicator"]!.status).toBe("absent");
  });

  it("a region outside study.yaml's regions is marked as extra", () => {
    const extra = regionMatrix(studyWith([plan("Regio Oost", {})]));
    expect(extra.plans[0]!.inSample).toBe(false);
  });
});

describe("regions table", () => {
  const matrix = regionMatrix(studyWith(TWO_PLANS));

  it("shows symbols per status, indirect, completeness, participation and a legend", () => {
    const text = renderRegionsTable(matrix, plain());
    const row = (label: string): string => text.split("\n").find((l) => l.trimStart().startsWith(label))!;
    expect(text).toContain("— Cultuur");
    expect(text).toContain("— Wonen");
    expect(text).toContain("— Overige onderwerpen (geen indicator)");
    expect(row("Cultuurthema een")).toMatch(/Cultuurthema een\s+●\s+\?$/);
    expect(row("Cultuurthema twee")).toMatch(/◐ i\s+\?$/);
    expect(row("Geen indicator")).toMatch(/○\s+\?$/);
    expect(row("Beoordeeld")).toMatch(/2\/3 67%\s+0\/3 0%$/);
    expect(row("Participatie")).toMatch(/meedenker\s+—$/);
    expect(row("In steekproef")).toMatch(/ja\s+ja$/);
    expect(text).toContain("Legenda: ● concreet  ◐ ambitie  ○ afwezig  ? onbekend");
    expect(text).toContain("2 regioplannen beoordeeld: 2 van de 2 steekproefregio's met een eigen bestand, 0 extra regio's.");
    expect(text).not.toContain("Nooit beoordeeld");
  });

  it("the summary chooses its plurals by count, in Dutch and English", () => {
    const one = regionMatrix(studyWith([plan("Regio Noord", {}), plan("Regio Oost", {})]));
    expect(regionsSummary(one, "nl")).toMatch(/^2 regioplannen beoordeeld: 1 van de 2 steekproefregio's met een eigen bestand, 1 extra regio\. /);
    expect(regionsSummary(one, "en")).toMatch(/^2 region plans assessed: 1 of the 2 sample regions has its own file, 1 extra region\. /);
    const single = regionMatrix(studyWith([plan("Regio Oost", {})]));
    expect(regionsSummary(single, "nl")).toMatch(/^1 regioplan beoordeeld: 0 van de 2 steekproefregio's met een eigen bestand, 1 extra regio\. /);
    expect(regionsSummary(matrix, "en")).toMatch(/^2 region plans assessed: 2 of the 2 sample regions have their own file, 0 extra regions\. /);
  });

  it("colour is never the only signal: without the colour codes the text is the same", () => {
    const coloured = renderRegionsTable(matrix, plain({ paint: COLOUR }));
    expect(coloured).toMatch(/\u001b\[/);
    expect(stripAnsi(coloured)).toBe(renderRegionsTable(matrix, plain()));
  });

  it("uses the English labels with --lang en", () => {
    const text = renderRegionsTable(matrix, plain({ lang: "en" }));
    expect(text).toContain("Culture topic one");
    expect(text).toContain("Legend: ● concrete  ◐ ambition  ○ absent  ? unknown");
  });

  it("says clearly that there are no region plans and how to add one", () => {
    const text = renderRegionsTable(regionMatrix(studyWith([])), plain());
    expect(text).toContain("Nog geen beoordeelde regioplannen.");
    expect(text).toContain('dekking region add "<naam van de regio>"');
    expect(text).toContain("2 steekproefregio's");
    expect(renderRegionsTable(regionMatrix(studyWith([])), plain({ lang: "en" }))).toContain("No assessed region plans yet.");
  });

  it("wraps many regions into column blocks that fit the width, abbreviating long names with a key", () => {
    const names = Array.from({ length: 23 }, (_, i) => `Regio ${String.fromCharCode(65 + i)} ${i % 3 === 0 ? "met een heel lange naam" : ""}`.trim());
    names.push("Noord-Holland Noord", "Noord-Holland Zuid", `Regio${"x".repeat(150)}`);
    const many = regionMatrix(studyWith(names.map((n) => plan(n, { "cultuur-a": { status: "concrete" } }))));
    for (const width of [120, 100, 80, 60]) {
      const text = renderRegionsTable(many, plain({ width, paint: COLOUR }));
      const lines = text.split("\n");
      for (const line of lines) expect(visibleWidth(line), `width ${width}: ${line}`).toBeLessThanOrEqual(width);
      const blocks = lines.filter((l) => stripAnsi(l).startsWith("Indicator")).length;
      expect(blocks, `width ${width}`).toBeGreaterThan(1);
      // Every region is named in full: in a header or in a block's key.
      const plainText = stripAnsi(text);
      for (const name of names) {
        const { lines: header, truncated } = abbreviateRegion(name, 10);
        // A name too long for one line is cut into pieces; spaces between pieces are the only difference.
        if (truncated) expect(plainText.replace(/\s/g, ""), name).toContain(`=${name}`.replace(/\s/g, ""));
        else expect(plainText, name).toContain(header[0]);
      }
      // One completeness cell per region over all blocks.
      const completeness = lines.filter((l) => stripAnsi(l).startsWith("Beoordeeld")).flatMap((l) => stripAnsi(l).match(/\d+\/3 \d+%/g) ?? []);
      expect(completeness).toHaveLength(names.length);
    }
  });

  it('a study of a hundred indicators or more: the counts ("100/120 83%") keep the columns in line', () => {
    const topics: Topic[] = Array.from({ length: 120 }, (_, i) => ({ id: `t-${i}`, label: `Thema ${i}`, category: "cultuur", indicator: true }));
    const findings = (n: number): Record<string, PlanFinding> => Object.fromEntries(topics.slice(0, n).map((t) => [t.id, { status: "concrete" }]));
    const names = ["Regio Aa", "Regio Bb", "Regio Cc", "Regio Dd", "Regio Ee", "Regio Ff", "Regio Gg", "Regio Hh"];
    const big = regionMatrix({ ...studyWith(names.map((n, i) => plan(n, findings(100 + i)))), topics });
    for (const width of [120, 80]) {
      const lines = renderRegionsTable(big, plain({ width })).split("\n");
      for (const line of lines) expect(visibleWidth(line), `width ${width}: ${line}`).toBeLessThanOrEqual(width);
      // Per block: every region's name, its first status and its count start at one column
      // (all ASCII before them, so string index = column).
      for (const [i, line] of lines.entries()) {
        if (!line.startsWith("Indicator")) continue;
        const starts = [...lines[i - 1]!.matchAll(/Regio/g)].map((m) => m.index);
        expect(starts.length).toBeGreaterThan(0);
        const status = lines[i + 2]!;
        const count = lines.slice(i).find((l) => l.startsWith("Beoordeeld"))!;
        for (const at of starts) {
          expect(status[at], status).toBe("●");
          expect(count.slice(at), count).toMatch(/^1\d\d\/120 \d+%/);
        }
      }
    }
  });

  it("gives clashing abbreviations a number so the columns stay apart", () => {
    const clash = regionMatrix(studyWith([plan("Regio Noord-Holland Noord", {}), plan("Regio Noord-Holland Zuid", {})]));
    const text = renderRegionsTable(clash, plain());
    expect(text).toContain("= Regio Noord-Holland Noord");
    expect(text).toContain("= Regio Noord-Holland Zuid");
    expect(text).toMatch(/Noord-H… 1 Noord-H… 2\n/);
    expect(text).toContain("Kolommen: Regio Noord-H… 1 = Regio Noord-Holland Noord; Regio Noord-H… 2 = Regio Noord-Holland Zuid");
  });

  it("keeps control characters in region names away from the terminal", () => {
    const hostile = regionMatrix(studyWith([plan("Regio \u001b[31mRood\u001b[0m", {})]));
    const text = renderRegionsTable(hostile, plain());
    expect(text).not.toContain("\u001b");
    expect(text).toContain("\\u001B[31mRood\\u001B[0m");
  });
});

describe("abbreviateRegion", () => {
  it("fills two lines and marks what it had to cut", () => {
    expect(abbreviateRegion("Zeeland", 10)).toEqual({ lines: ["Zeeland", ""], truncated: false });
    expect(abbreviateRegion("Zuid Limburg", 10)).toEqual({ lines: ["Zuid", "Limburg"], truncated: false });
    expect(abbreviateRegion("Utrecht/ Midden Nederland", 10)).toEqual({ lines: ["Utrecht/", "Midden Ne…"], truncated: true });
    // Hyphens and slashes are places to break too.
    expect(abbreviateRegion("Noord-Holland Noord", 10)).toEqual({ lines: ["Noord-", "Holland N…"], truncated: true });
    expect(abbreviateRegion("IJssel-Vecht", 10)).toEqual({ lines: ["IJssel-", "Vecht"], truncated: false });
    expect(abbreviateRegion("Groningen/ Regio Noord", 10)).toEqual({ lines: ["Groningen/", "Regio Noo…"], truncated: true });
    // A word without a place to break is split, and the key names it.
    expect(abbreviateRegion("Zaanstreekwaterland", 10)).toEqual({ lines: ["Zaanstreek", "waterland"], truncated: true });
  });

  it("counts columns, not characters, and never cuts inside a letter", () => {
    // 東京都 takes 6 columns: with " Wide" it would take 11.
    expect(abbreviateRegion("東京都 Wide", 10)).toEqual({ lines: ["東京都", "Wide"], truncated: false });
    expect(abbreviateRegion("東京都東京都東京都", 10)).toEqual({ lines: ["東京都東京", "都東京都"], truncated: true });
    // A flag is two code points; ten code points would end in half of the fifth.
    expect(abbreviateRegion("A🇳🇱🇳🇱🇳🇱🇳🇱🇳🇱", 10)).toEqual({ lines: ["A🇳🇱🇳🇱🇳🇱🇳🇱", "🇳🇱"], truncated: true });
    expect(abbreviateRegion("Zuid-Holland Zuid e\u0301e\u0301n", 10)).toEqual({ lines: ["Zuid-", "Holland Z…"], truncated: true });
  });
});

describe("regions csv, markdown and json", () => {
  const tricky = [plan('Regio West "deel", 1; | x', { "cultuur-a": { status: "ambition", evidence: "indirect" } }, { participation: "adviseur" })];
  const matrix = regionMatrix(studyWith([...TWO_PLANS, ...tricky]));

  it("csv: one row per plan, RFC 4180 quoting, a status column per topic", () => {
    const text = renderRegionsCsv(matrix, plain());
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      "region,file,in_sample,fictional,plan_title,plan_year,plan_url,assessed_by,assessed_on,participation,assessed,indicators,completeness,cultuur-a,cultuur-b,woon-a,geen-indicator",
    );
    expect(lines[1]).toBe(
      "Regio Noord,regions/regio-noord.yaml,true,true,Plan Noord,2023,https://example.org/noord,Test,2024-09-01,meedenker,2,3,0.6667,concrete,ambition (indirect),unknown,absent",
    );
    expect(lines[2]).toBe(
      '"Regio West ""deel"", 1; | x",regions/regio-west-deel-1-x.yaml,false,true,"Fictief plan Regio West ""deel"", 1; | x",,,Test,2024-09-01,adviseur,1,3,0.3333,ambition (indirect),unknown,unknown,unknown',
    );
    expect(lines).toHaveLength(5);
  });

  it("csv --excel: byte-order mark, semicolons, decimal commas", () => {
    const text = renderRegionsCsv(matrix, plain({ excel: true }));
    expect(text.startsWith("\uFEFFregion;file;")).toBe(true);
    expect(text).toContain(";2;3;0,6667;concrete;");
    expect(text).toContain('"Regio West ""deel"", 1; | x";');
  });

  it("markdown: escapes pipes, shows words next to the symbols", () => {
    const text = renderRegionsMarkdown(matrix, plain());
    expect(text).toContain('| Indicator | Regio Noord | Regio West "deel", 1; \\| x | Regio Zuid |');
    expect(text).toContain("| Cultuurthema twee `cultuur-b` | ◐ ambitie (indirect) | ? onbekend | ? onbekend |");
    expect(text).toContain("| **Beoordeeld** | 2/3 (67%) | 1/3 (33%) | 0/3 (0%) |");
    expect(text).toContain("| **Participatie** | meedenker | adviseur | — |");
    expect(text).toContain("| **In steekproef** | ja | extra | ja |");
    expect(renderRegionsMarkdown(regionMatrix(studyWith([])), plain())).toContain("`dekking region add");
  });

  it("json: the plans with completeness and findings", () => {
    const value = JSON.parse(renderRegionsJson(matrix, plain())) as {
      indicators: { id: string }[];
      regions: {
        region: string;
        in_sample: boolean;
        completeness: { assessed: number; indicators: number; share: number };
        findings: Record<string, { status: string; indirect: boolean }>;
      }[];
    };
    expect(value.indicators.map((i) => i.id)).toEqual(["cultuur-a", "cultuur-b", "woon-a", "geen-indicator"]);
    expect(value.regions.map((r) => r.region)).toEqual(["Regio Noord", 'Regio West "deel", 1; | x', "Regio Zuid"]);
    expect(value.regions[0]!.completeness).toEqual({ assessed: 2, indicators: 3, share: 0.6667 });
    expect(value.regions[1]!.in_sample).toBe(false);
    expect(value.regions[1]!.findings["cultuur-a"]).toMatchObject({ status: "ambition", indirect: true });
  });

  it("the registry has a renderer per format", () => {
    for (const [format, render] of Object.entries(REGION_RENDERERS)) {
      expect(render(matrix, plain()).length, format).toBeGreaterThan(0);
    }
    expect(Object.keys(REGION_RENDERERS)).toEqual(["table", "json", "csv", "markdown"]);
  });
});
