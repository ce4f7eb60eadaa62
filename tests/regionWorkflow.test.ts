// The region-plan workflow: file names from region names (hostile ones included), the
// scaffold of `dekking region add`, the write that never silently replaces a file, and how
// region files combine with the sample's aggregate findings in the verdicts.
// Every region file written here is fictional, marked `fictional: true`, and lives in a
// temporary copy of a fixture folder.

import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import type { TopicCoverage } from "../src/analyse/coverage.js";
import { UsageError } from "../src/errors.js";
import { loadStudy } from "../src/loadStudy.js";
import type { PlanFinding, Study } from "../src/model.js";
import {
  ASSESSED_BY_PLACEHOLDER,
  checkRegionName,
  indicatorTopics,
  MAX_SLUG_LENGTH,
  regionPlanPath,
  renderRegionPlanScaffold,
  slugify,
  writeNewFile,
} from "../src/region/scaffoldRegionPlan.js";
import { copyFixture, ROOT, SHIPPED_DATA, tempDir } from "./helpers.js";
import { formatFinding } from "../src/messages/findings.js";

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

async function studyOf(dir: string): Promise<Study> {
  const result = await loadStudy(dir);
  const problems = result.findings.filter((f) => f.severity !== "info");
  expect(problems, JSON.stringify(problems, null, 2)).toEqual([]);
  expect(result.study).toBeDefined();
  return result.study!;
}

function usageError(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error("expected a UsageError, but nothing was thrown");
}

describe("slugify", () => {
  it.each([
    ["Zuid-Limburg", "zuid-limburg"],
    ["’s-Hertogenbosch", "s-hertogenbosch"],
    ["Ĳsselland", "ijsselland"],
    ["IJssel-Vecht", "ijssel-vecht"],
    ["Groningen/ Regio Noord", "groningen-regio-noord"],
    ["Crème brûlée", "creme-brulee"],
    ["Straße", "strasse"],
    ['Noord-Holland "Noord": test #1', "noord-holland-noord-test-1"],
    ["  --Zeeland--  ", "zeeland"],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each([
    ["../../etc/passwd", "etc-passwd"],
    ["a/b", "a-b"],
    ["C:\\Windows\\system32", "c-windows-system32"],
    ["/absolute/path", "absolute-path"],
    ["..\\..\\x", "x"],
  ])("path characters cannot leave regions/: %s → %s", (name, slug) => {
    const dataDir = tempDir();
    expect(slugify(name)).toBe(slug);
    expect(path.dirname(regionPlanPath(dataDir, slugify(name)))).toBe(path.join(dataDir, "regions"));
  });

  it.each(["..", "", "   ", "///", "’’", "!!!"])("refuses a name without letters or digits: %j", (name) => {
    const error = usageError(() => slugify(name));
    expect(error.hint).toMatch(/region add/);
  });

  it.each(["\u0000x", "a\u0000", "Zuid\nLimburg", "tab\there", "\u007fdel", "line\u2028sep"])("refuses control characters: %j", (name) => {
    const error = usageError(() => slugify(name));
    expect(error.message).toMatch(/control characters/);
    expect(error.hint).toBeDefined();
  });

  it("cuts at 60 characters without a trailing hyphen", () => {
    expect(slugify("a".repeat(100))).toBe("a".repeat(MAX_SLUG_LENGTH));
    const slug = slugify(`${"x".repeat(59)} yz`);
    expect(slug).toBe("x".repeat(59));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });

  it("any string gives an id-shaped slug inside regions/, or a UsageError", () => {
    const dataDir = tempDir();
    const regionsDir = path.join(dataDir, "regions");
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), (name) => {
        let slug: string;
        try {
          slug = slugify(name);
        } catch (error) {
          return error instanceof UsageError;
        }
        if (!ID_PATTERN.test(slug) || slug.length > MAX_SLUG_LENGTH) return false;
        if (slug === "sample") return true;
        return path.dirname(regionPlanPath(dataDir, slug)) === regionsDir;
      }),
      { numRuns: 500 },
    );
  });
});

describe("regionPlanPath", () => {
  it("refuses the slug of the sample file", () => {
    const error = usageError(() => regionPlanPath(tempDir(), slugify("Sample")));
    expect(error.message).toMatch(/sample\.yaml/);
  });

  it("refuses, as a last guard, a slug that would leave regions/", () => {
    const dataDir = tempDir();
    expect(() => regionPlanPath(dataDir, "../study")).toThrow(UsageError);
    expect(() => regionPlanPath(dataDir, "a/b")).toThrow(UsageError);
    expect(() => regionPlanPath(dataDir, "")).not.toThrow();
    expect(regionPlanPath(dataDir, "zeeland")).toBe(path.join(dataDir, "regions", "zeeland.yaml"));
  });
});

describe("renderRegionPlanScaffold", () => {
  const INPUT = { region: "Regio Noord", assessedOn: "2024-09-01" };

  it("starts with the schema line and lists every indicator, then the other topics with demand, as unknown, grouped by category", async () => {
    const study = await studyOf(copyFixture());
    const text = renderRegionPlanScaffold(study, INPUT);
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../../schemas/region-plan.schema.json");
    const value = parse(text) as { findings: Record<string, PlanFinding> };
    // The minimal fixture: cultuur (gedekt-thema), wijken (beleid-kort, witte-plek), wonen (zonder-vraag);
    // onbekend-thema is no indicator but an interview theme asks about it, so it follows them.
    expect(Object.keys(value.findings)).toEqual(["gedekt-thema", "beleid-kort", "witte-plek", "zonder-vraag", "onbekend-thema"]);
    expect(text.indexOf("Andere onderwerpen waar de interviews om vroegen")).toBeLessThan(text.indexOf("  onbekend-thema:"));
    for (const finding of Object.values(value.findings)) expect(finding).toEqual({ status: "unknown" });
    expect(text).toContain("  # ── Cultuur ");
    expect(text).toContain("  # ── Ontwikkeling in wijken/kernen ");
    expect(text).toContain("  # ── Wonen ");
    expect(text.indexOf("# ── Cultuur")).toBeLessThan(text.indexOf("  gedekt-thema:"));
    expect(text.indexOf("  gedekt-thema:")).toBeLessThan(text.indexOf("# ── Ontwikkeling"));
  });

  it("puts each indicator's label and analysis questions in the comments right above it (shipped study)", async () => {
    const study = await studyOf(SHIPPED_DATA);
    const text = renderRegionPlanScaffold(study, { region: "Zeeland", assessedOn: "2024-09-01" });
    const lines = text.split("\n");
    const indicators = study.topics.filter((t) => t.indicator);
    expect(indicators.length).toBe(29);
    const value = parse(text) as { findings: Record<string, PlanFinding> };
    // Indicators first (in matrix order), then the topics people asked about that are no indicator.
    const asked = new Set(study.interviews.themes.flatMap((t) => t.topics));
    const others = study.topics.filter((t) => !t.indicator && asked.has(t.id)).map((t) => t.id);
    expect(others.length).toBe(12);
    expect(Object.keys(value.findings).sort()).toEqual([...indicators.map((t) => t.id), ...others].sort());
    expect(Object.keys(value.findings).slice(0, 29)).toEqual(indicatorTopics(study).map((t) => t.id));
    for (const topic of indicators) {
      const at = lines.indexOf(`  ${topic.id}:`);
      expect(at, topic.id).toBeGreaterThan(0);
      // The comment block directly above the key, unwrapped.
      const block: string[] = [];
      for (let i = at - 1; i >= 0 && lines[i]!.startsWith("  #"); i--) block.unshift(lines[i]!);
      const unwrapped = block
        .filter((l) => !l.startsWith("  # ──"))
        .map((l) => l.replace(/^\s*#\s?/, "").trim())
        .join(" ");
      expect(
        block.find((l) => !l.startsWith("  # ──")),
        topic.id,
      ).toBe(`  # ${topic.label}`);
      for (const question of topic.questions ?? []) expect(unwrapped, topic.id).toContain(question.replace(/\s+/g, " ").trim());
      expect(topic.questions?.length ?? 0, `${topic.id} has analysis questions`).toBeGreaterThan(0);
    }
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });

  it("validates through loadStudy in a copy of the minimal fixture, also with a hostile region name", async () => {
    const dir = copyFixture();
    const study = await studyOf(dir);
    const region = 'Noord-Holland "Noord": test #1';
    const target = regionPlanPath(dir, slugify(region));
    writeFileSync(target, renderRegionPlanScaffold(study, { region, assessedOn: "2024-09-01" }));
    const loaded = await loadStudy(dir);
    // Valid; the only remark is the unfilled assessed_by placeholder.
    expect(loaded.findings.filter((f) => f.severity !== "info").map((f) => f.code)).toEqual(["placeholder"]);
    const plan = loaded.study!.regionPlans[0]!;
    expect(plan.file).toBe("regions/noord-holland-noord-test-1.yaml");
    expect(plan.region).toBe(region);
    expect(plan.plan).toEqual({ title: `Regioplan ${region}` });
    expect(plan.assessed_by).toBe(ASSESSED_BY_PLACEHOLDER);
    expect(plan.assessed_on).toBe("2024-09-01");
    expect(plan.participation).toBeUndefined();
    const completeness = loaded.findings.find((f) => f.code === "completeness");
    expect(completeness && formatFinding(completeness).message).toMatch(/0 of 4 indicators assessed/);
  });

  it("validates in a copy of the shipped data, and keeps every given value verbatim", async () => {
    const dir = tempDir();
    cpSync(SHIPPED_DATA, dir, { recursive: true });
    const study = await studyOf(dir);
    const input = {
      region: "- tricky: [name] # not a comment",
      planTitle: "Plan 'met' \"quotes\" \\ en: dubbele punt",
      year: 2023,
      url: "https://example.org/plan?a=1#deel-2",
      assessedBy: "@onderzoeker: Movisie",
      assessedOn: "2024-02-29",
    };
    writeFileSync(regionPlanPath(dir, slugify(input.region)), renderRegionPlanScaffold(study, input));
    const loaded = await loadStudy(dir);
    expect(loaded.findings.filter((f) => f.severity !== "info")).toEqual([]);
    const plan = loaded.study!.regionPlans.find((p) => p.slug === "tricky-name-not-a-comment")!;
    expect(plan.region).toBe(input.region);
    expect(plan.plan).toEqual({ title: input.planTitle, year: 2023, url: input.url });
    expect(plan.assessed_by).toBe(input.assessedBy);
    expect(Object.keys(plan.findings)).toHaveLength(29 + 12);
  });

  it("stays valid YAML for names YAML would read as something else", async () => {
    const study = await studyOf(copyFixture());
    for (const region of ["null", "true", "123", "2024-01-01", "~", "*alias", "&anchor", "!tag", "{a}", "[b]", "% x", "`tick`", "'", "a: b"]) {
      const value = parse(renderRegionPlanScaffold(study, { region, assessedOn: "2024-09-01" })) as { region: unknown; plan: { title: unknown } };
      expect(value.region, region).toBe(region);
      expect(value.plan.title, region).toBe(`Regioplan ${region}`);
    }
  });

  it("says whether the region replaces a sample region or counts as an extra one", async () => {
    const study = await studyOf(copyFixture());
    expect(renderRegionPlanScaffold(study, { region: "Regio Noord", assessedBy: "Test (fictief)", assessedOn: "2024-09-01" })).toContain(
      "hoort bij de steekproef",
    );
    expect(renderRegionPlanScaffold(study, { region: "Regio Oost", assessedOn: "2024-09-01" })).toContain("hoort niet bij de steekproef");
  });

  it("refuses input the schema would refuse, with a hint", async () => {
    const study = await studyOf(copyFixture());
    const cases: [Partial<Parameters<typeof renderRegionPlanScaffold>[1]>, RegExp][] = [
      [{ year: 1999 }, /year/],
      [{ year: 2023.5 }, /year/],
      [{ url: "ftp://example.org/plan" }, /web address/],
      [{ url: "https://exa mple.org" }, /web address/],
      [{ assessedOn: "2024-02-30" }, /not a date/],
      [{ assessedOn: "1-9-2024" }, /not a date/],
      [{ region: "Zuid\nLimburg" }, /control characters/],
      [{ region: "   " }, /empty/],
      [{ planTitle: "x".repeat(301) }, /longer than 300/],
      [{ assessedBy: "" }, /empty/],
    ];
    for (const [change, message] of cases) {
      const error = usageError(() => renderRegionPlanScaffold(study, { ...INPUT, ...change }));
      expect(error.message, JSON.stringify(change)).toMatch(message);
      expect(error.hint, JSON.stringify(change)).toBeDefined();
    }
  });
});

describe("checkRegionName", () => {
  it("tells a sample region from a near miss and an extra region", async () => {
    const study = await studyOf(copyFixture());
    expect(checkRegionName(study, "Regio Noord")).toEqual({ inSample: true, suggestion: undefined, assessedIn: undefined });
    expect(checkRegionName(study, "regio-noord").suggestion).toBe("Regio Noord");
    expect(checkRegionName(study, "Regio Nord").suggestion).toBe("Regio Noord");
    expect(checkRegionName(study, "Amsterdam")).toEqual({ inSample: false, suggestion: undefined, assessedIn: undefined });
  });

  it("finds the file that already assesses the region", async () => {
    const dir = copyFixture();
    writePlan(dir, "noord", "Regio Noord", {});
    expect(checkRegionName(await studyOf(dir), "Regio Noord").assessedIn).toBe("regions/noord.yaml");
  });
});

describe("writeNewFile", () => {
  it("creates regions/ when missing and writes the file", async () => {
    const dir = tempDir();
    const target = path.join(dir, "regions", "zeeland.yaml");
    expect(await writeNewFile(target, "region: x\n", { force: false })).toEqual({});
    expect(readFileSync(target, "utf8")).toBe("region: x\n");
    expect(readdirSync(path.dirname(target))).toEqual(["zeeland.yaml"]);
  });

  it("refuses to overwrite and leaves the file byte for byte as it was", async () => {
    const dir = tempDir();
    const target = path.join(dir, "zeeland.yaml");
    const original = Buffer.from("# met de hand ingevuld\nregion: Zeeland\n\u00e9\r\n", "utf8");
    writeFileSync(target, original);
    await expect(writeNewFile(target, "nieuw\n", { force: false })).rejects.toThrow(UsageError);
    await expect(writeNewFile(target, "nieuw\n", { force: false })).rejects.toThrow(/already exists/);
    expect(readFileSync(target).equals(original)).toBe(true);
    // No backup and no temporary file is left behind.
    expect(readdirSync(dir)).toEqual(["zeeland.yaml"]);
  });

  it("with force keeps a backup of the old file and never overwrites an earlier backup", async () => {
    const dir = tempDir();
    const target = path.join(dir, "zeeland.yaml");
    const now = new Date(2024, 8, 1, 13, 5, 9);
    writeFileSync(target, "eerste\n");
    const first = await writeNewFile(target, "tweede\n", { force: true, now });
    expect(first.backup).toBe(`${target}.bak-20240901130509`);
    expect(readFileSync(first.backup!, "utf8")).toBe("eerste\n");
    expect(readFileSync(target, "utf8")).toBe("tweede\n");
    const second = await writeNewFile(target, "derde\n", { force: true, now });
    expect(second.backup).toBe(`${target}.bak-20240901130509-1`);
    expect(readFileSync(first.backup!, "utf8")).toBe("eerste\n");
    expect(readFileSync(second.backup!, "utf8")).toBe("tweede\n");
    expect(readFileSync(target, "utf8")).toBe("derde\n");
    expect(readdirSync(dir).sort()).toEqual(["zeeland.yaml", "zeeland.yaml.bak-20240901130509", "zeeland.yaml.bak-20240901130509-1"]);
  });

  it("backups are not read as data files", async () => {
    const dir = copyFixture();
    const study = await studyOf(dir);
    const target = regionPlanPath(dir, "regio-noord");
    await writeNewFile(target, renderRegionPlanScaffold(study, { region: "Regio Noord", assessedBy: "Test (fictief)", assessedOn: "2024-09-01" }), {
      force: false,
    });
    await writeNewFile(target, renderRegionPlanScaffold(study, { region: "Regio Noord", assessedBy: "Test (fictief)", assessedOn: "2024-09-02" }), {
      force: true,
    });
    const loaded = await studyOf(dir);
    expect(loaded.regionPlans.map((p) => p.file)).toEqual(["regions/regio-noord.yaml"]);
    expect(loaded.regionPlans[0]!.assessed_on).toBe("2024-09-02");
  });

  it("refuses a symbolic link at the target, even with force, and leaves its target alone", async () => {
    const dir = tempDir();
    const elsewhere = path.join(dir, "elsewhere.txt");
    writeFileSync(elsewhere, "niet aankomen\n");
    const target = path.join(dir, "regions", "zeeland.yaml");
    mkdirSync(path.dirname(target));
    symlinkSync(elsewhere, target);
    for (const force of [false, true]) {
      await expect(writeNewFile(target, "nieuw\n", { force })).rejects.toThrow(/symbolic link/);
    }
    expect(readFileSync(elsewhere, "utf8")).toBe("niet aankomen\n");
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
    expect(readdirSync(path.dirname(target))).toEqual(["zeeland.yaml"]);
  });

  it("refuses a dangling symbolic link too", async () => {
    const dir = tempDir();
    const target = path.join(dir, "zeeland.yaml");
    symlinkSync(path.join(dir, "does-not-exist"), target);
    await expect(writeNewFile(target, "nieuw\n", { force: true })).rejects.toThrow(/symbolic link/);
    expect(existsSync(path.join(dir, "does-not-exist"))).toBe(false);
  });

  it("refuses a folder at the target", async () => {
    const dir = tempDir();
    const target = path.join(dir, "zeeland.yaml");
    mkdirSync(target);
    await expect(writeNewFile(target, "nieuw\n", { force: true })).rejects.toThrow(/not a regular file/);
  });
});

// ── region files combined with the sample ───────────────────────────────────
//
// The minimal fixture's sample covers Regio Noord and Regio Zuid with these shares:
// gedekt-thema all (1.0), beleid-kort most (0.75), witte-plek few (0.15),
// onbekend-thema not-assessed. Demand: gedekt-thema and witte-plek two groups (required
// 0.75), beleid-kort and onbekend-thema one group (0.5). National: gedekt-thema 1.0,
// beleid-kort 0.3, witte-plek 0, onbekend-thema 0.15.

function writePlan(dir: string, slug: string, region: string, findings: Record<string, PlanFinding>, extra: Record<string, unknown> = {}): void {
  const plan = { region, fictional: true, plan: { title: `Fictief regioplan ${region}` }, assessed_by: "Test", assessed_on: "2024-09-01", ...extra, findings };
  writeFileSync(path.join(dir, "regions", `${slug}.yaml`), `# FICTIONAL test data: made up for the tests, describes no real region plan.\n${stringify(plan)}`);
}

async function coverageOf(dir: string): Promise<Map<string, TopicCoverage>> {
  const coverage = computeCoverage(await studyOf(dir));
  return new Map(coverage.topics.map((t) => [t.id, t]));
}

describe("region files combined with the sample (computeCoverage)", () => {
  it("without region files every sample region counts at the sample's share", async () => {
    const topics = await coverageOf(copyFixture());
    expect(topics.get("witte-plek")!.regional).toMatchObject({ score: 0.15, estimate: true, counted: 2, assessedFindings: 0, plans: [] });
    expect(topics.get("witte-plek")!.verdict).toBe("witte-vlek");
    expect(topics.get("gedekt-thema")!.regional).toMatchObject({ score: 1, estimate: true, counted: 2 });
    expect(topics.get("gedekt-thema")!.verdict).toBe("gedekt");
    expect(topics.get("onbekend-thema")!.regional.score).toBeNull();
  });

  it("with a file for every sample region the sample no longer counts: no estimate", async () => {
    const dir = copyFixture();
    writePlan(dir, "noord", "Regio Noord", {
      "witte-plek": { status: "concrete", quote: "Verzonnen citaat.", page: 3 },
      "gedekt-thema": { status: "absent" },
      "onbekend-thema": { status: "ambition", quote: "Verzonnen ambitie.", page: 4 },
    });
    writePlan(dir, "zuid", "Regio Zuid", {
      "witte-plek": { status: "ambition", evidence: "indirect", quote: "Verzonnen ambitie.", page: 5 },
      "gedekt-thema": { status: "unknown" },
    });
    const topics = await coverageOf(dir);

    const white = topics.get("witte-plek")!;
    // (1.0 + 0.5 × 0.5) / 2: both regions at their own score, none at the sample share.
    expect(white.regional).toMatchObject({ score: 0.625, estimate: false, counted: 2, assessedFindings: 2 });
    expect(white.regional.sample).toMatchObject({ prevalence: "few", share: 0.15, regions: 0 });
    expect(white).toMatchObject({ verdict: "mogelijke-witte-vlek", gap: "beide" });

    // A sample region whose file says `unknown` keeps counting at the sample share (all = 1.0):
    // (0 for Noord's `absent` + 1.0 for Zuid) / 2.
    const covered = topics.get("gedekt-thema")!;
    expect(covered.regional).toMatchObject({ score: 0.5, estimate: true, counted: 2, assessedFindings: 1 });
    expect(covered).toMatchObject({ verdict: "mogelijke-witte-vlek", gap: "uitvoering" });

    // The sample did not assess it; one plan did.
    expect(topics.get("onbekend-thema")!.regional).toMatchObject({ score: 0.5, estimate: false, counted: 1 });
    expect(topics.get("onbekend-thema")!).toMatchObject({ verdict: "mogelijke-witte-vlek", gap: "beleid" });
  });

  it("with files for every sample region that all say unknown, the sample's estimate stands", async () => {
    const dir = copyFixture();
    writePlan(dir, "noord", "Regio Noord", { "gedekt-thema": { status: "unknown" }, "onbekend-thema": { status: "unknown" } });
    writePlan(dir, "zuid", "Regio Zuid", {});
    const topics = await coverageOf(dir);
    expect(topics.get("gedekt-thema")!.regional).toMatchObject({ score: 1, counted: 2, estimate: true, assessedFindings: 0 });
    // Not assessed by the sample and only `unknown` in the files: not covered.
    const unknown = topics.get("onbekend-thema")!;
    expect(unknown.regional).toMatchObject({ score: null, counted: 0, estimate: false });
    expect(unknown.reasons.map((r) => r.code)).toContain("regional-unknown");
    expect(unknown).toMatchObject({ verdict: "mogelijke-witte-vlek", gap: "beide" });
  });

  it("a file for one sample region replaces only that region's sample share", async () => {
    const dir = copyFixture();
    writePlan(dir, "noord", "Regio Noord", { "witte-plek": { status: "concrete", quote: "Verzonnen citaat.", page: 2 } });
    const white = (await coverageOf(dir)).get("witte-plek")!;
    // Regio Zuid at 0.15, Regio Noord at 1.0.
    expect(white.regional).toMatchObject({ score: 0.575, estimate: true, counted: 2 });
    expect(white.regional.sample!.regions).toBe(1);
  });

  it("a region outside the sample counts on top of all sample regions", async () => {
    const dir = copyFixture();
    writePlan(
      dir,
      "oost",
      "Regio Oost",
      { "witte-plek": { status: "concrete", quote: "Verzonnen citaat.", page: 2 }, "gedekt-thema": { status: "unknown" } },
      { participation: "meedenker" },
    );
    const topics = await coverageOf(dir);
    const white = topics.get("witte-plek")!;
    // (0.15 + 0.15 + 1.0) / 3
    expect(white.regional).toMatchObject({ score: 0.433333, estimate: true, counted: 3 });
    expect(white.regional.sample!.regions).toBe(2);
    expect(white).toMatchObject({ verdict: "mogelijke-witte-vlek", gap: "beide" });
    // Unknown in the extra region leaves the sample figure as it was.
    expect(topics.get("gedekt-thema")!.regional).toMatchObject({ score: 1, estimate: true, counted: 2 });
  });

  it("two files for the same region are an error", async () => {
    const dir = copyFixture();
    writePlan(dir, "noord", "Regio Noord", {});
    writePlan(dir, "noord-2", "Regio Noord", {});
    const loaded = await loadStudy(dir);
    expect(loaded.study).toBeUndefined();
    expect(loaded.findings.find((f) => f.code === "duplicate-region")).toMatchObject({ file: "regions/noord.yaml", path: "/region" });
  });
});

describe("docs/adding-a-region-plan.md", () => {
  const guide = readFileSync(path.join(ROOT, "docs", "adding-a-region-plan.md"), "utf8");
  const seed = path.resolve(ROOT, "..", "shared", "seeds", "003_da870fc574455194.txt");

  it.skipIf(!existsSync(seed))("quotes the report verbatim", () => {
    const normalise = (text: string): string => text.replace(/\s+/g, " ").trim();
    const source = normalise(readFileSync(seed, "utf8"));
    // Consecutive "> " lines form one quote.
    const quotes: string[] = [];
    let current: string[] = [];
    for (const line of [...guide.split("\n"), ""]) {
      if (line.startsWith(">")) current.push(line.replace(/^> ?/, ""));
      else if (current.length > 0) {
        quotes.push(normalise(current.join(" ")));
        current = [];
      }
    }
    expect(quotes.length).toBeGreaterThanOrEqual(4);
    expect(quotes[0]).toContain("‘hoog over’");
    for (const quote of quotes) expect(source, quote).toContain(quote);
  });

  it("shows the commands researchers run, in order", () => {
    const order = ["dekking region add", "dekking validate", "dekking regions", "dekking diff --base HEAD", "dekking report", "git commit"];
    const positions = order.map((command) => guide.indexOf(command));
    for (const [i, position] of positions.entries()) expect(position, order[i]).toBeGreaterThanOrEqual(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
