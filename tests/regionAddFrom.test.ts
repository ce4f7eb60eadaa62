// `dekking region add --from`: candidate passages of the plan's registered text under each
// topic of the scaffold, as comments that validate as they stand and, uncommented, as quotes.
// Every plan text here is fictional and lives in a temporary copy of the minimal fixture.

import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT, SHIPPED_DATA, copyFixture, runInProcess, tempDir } from "./helpers.js";
import { cpSync, rmSync } from "node:fs";

const cli = (args: string[]) => runInProcess(args);

// FICTIONAL plan text: the words of the fixture's topic labels in a few sentences, one with a
// soft hyphen as PDF conversions leave them, and a long paragraph a candidate must cut at a sentence.
const PLAN = [
  "## Page 1",
  "",
  "Fictief regioplan Noord (verzonnen tekst voor de tests)",
  "",
  "## Page 2",
  "",
  "Witte plekken",
  "",
  "In de wijken zien we een witte plek bij de zorg voor ouderen die alleen wonen. Daar gaan we iets aan doen.",
  "",
  "Ons beleid schiet tekort waar het gaat om vervoer naar de huisarts. " +
    "We onderzoeken met de gemeenten welke vervoersdiensten er al zijn en wat die kosten. ".repeat(6),
  "",
  "## Page 3",
  "",
  "Het thema dat al gedekt is, is de samenwerking tussen huisarts en wijk­ verpleging in elk dorp.",
  "",
  "Een tweede witte plek, kleiner dan de eerste, zien we bij de mantelzorgers die in de kleine dorpen aan de rand van de provincie wonen en werken.",
  "",
].join("\n");

async function studyWithPlan(): Promise<string> {
  const dir = copyFixture();
  const text = path.join(tempDir(), "plan.md");
  writeFileSync(text, PLAN);
  const added = await cli(["source", "add", text, "--data", dir, "--id", "regioplan-noord", "--kind", "region-plan", "--title", "Fictief regioplan Noord"]);
  expect(added.stderr).toBe("");
  expect(added.status).toBe(0);
  return dir;
}

/** The file with the first candidate of every topic uncommented as quote: and page:. */
function uncommentFirstCandidates(text: string): string {
  let state = 0;
  return text
    .split("\n")
    .map((line) => {
      if (/^ {2}[a-z0-9-]+:$/.test(line)) state = 0;
      if (state === 0 && line.startsWith('    # quote: "')) return ((state = 1), line.replace("# quote:", "quote:"));
      if (state === 1 && line.startsWith("    # page: ")) return ((state = 2), line.replace("# page:", "page:"));
      return line;
    })
    .join("\n");
}

describe("region add --from <doc-id>", () => {
  it("writes candidate passages as comments: the file validates as written, statuses stay unknown, and an uncommented candidate passes the quote check", async () => {
    const dir = await studyWithPlan();
    const run = await cli(["region", "add", "Regio Noord", "--data", dir, "--from", "regioplan-noord", "--candidates", "2"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    // The next commands name the --data folder, so that they check this folder and not the shipped study.
    expect(run.stdout).toContain(`then run dekking validate --data ${dir}\n`);
    expect(run.stdout).toContain(`then dekking region show 'Regio Noord' --data ${dir} shows what the plan leaves open`);
    const file = path.join(dir, "regions", "regio-noord.yaml");
    const written = readFileSync(file, "utf8");
    const plan = parse(written) as { plan: { document?: string }; findings: Record<string, { status: string; quote?: string }> };
    expect(plan.plan.document).toBe("regioplan-noord");
    expect(Object.values(plan.findings).every((f) => f.status === "unknown" && f.quote === undefined)).toBe(true);
    // witte-plek: its label's words stand on page 2, in the sentence that is offered whole.
    const block = written.slice(written.indexOf("  witte-plek:"), written.indexOf("\n\n", written.indexOf("  witte-plek:")));
    expect(block).toContain('# quote: "In de wijken zien we een witte plek bij de zorg voor ouderen die alleen wonen.');
    expect(block).toMatch(/# 1\. p\. 2 · score \d+\.\d\d · termen: [^\n]*witte/);
    expect(block.match(/# quote:/g)?.length).toBeLessThanOrEqual(2);
    // No candidate runs past about 400 characters, and each ends at a sentence end.
    for (const quote of written.match(/# quote: (".*")$/gm) ?? []) {
      const value = JSON.parse(quote.slice("# quote: ".length)) as string;
      expect(value.length).toBeLessThanOrEqual(400);
      expect(value).toMatch(/[.!?]$/);
    }
    const validated = await cli(["validate", "--data", dir]);
    expect(validated.stdout).toMatch(/\b0 errors\b/);
    writeFileSync(file, uncommentFirstCandidates(written));
    const uncommented = parse(readFileSync(file, "utf8")) as { findings: Record<string, { quote?: string }> };
    expect(Object.values(uncommented.findings).filter((f) => f.quote !== undefined).length).toBeGreaterThanOrEqual(3);
    const checked = await cli(["validate", "--data", dir]);
    expect(checked.stdout).toMatch(/\b0 errors\b/);
    expect(checked.stdout).not.toContain("quote-not-in-source");
  });

  it("refuses an unknown document (did you mean), one without text and --candidates out of range: exit 2, nothing written", async () => {
    const dir = await studyWithPlan();
    const cases: [string[], RegExp][] = [
      [["--from", "regioplan-nord"], /unknown document "regioplan-nord".*did you mean "regioplan-noord"/s],
      [["--from", "fictief"], /document "fictief" has no text/],
      [["--from", "regioplan-noord", "--candidates", "0"], /--candidates needs a whole number from 1 to 10, got "0"/],
      [["--from", "regioplan-noord", "--candidates", "11"], /--candidates needs a whole number from 1 to 10/],
      [["--from", "regioplan-noord", "--candidates", "drie"], /--candidates needs a whole number/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(["region", "add", "Regio Noord", "--data", dir, ...args]);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(existsSync(path.join(dir, "regions", "regio-noord.yaml"))).toBe(false);
    }
    // A registered text that is not where the register says: named, nothing written.
    rmSync(path.join(dir, "sources", "regioplan-noord.md"));
    const gone = await cli(["region", "add", "Regio Noord", "--data", dir, "--from", "regioplan-noord"]);
    expect(gone.status).toBe(2);
    expect(gone.stderr).toContain("--sources DIR");
    expect(readdirSync(path.join(dir, "regions"))).toEqual(["sample.yaml"]);
  });

  it("screen then marks the passages the region file cites as gekoppeld, with its region and topic", async () => {
    const dir = await studyWithPlan();
    expect((await cli(["region", "add", "Regio Noord", "--data", dir, "--from", "regioplan-noord", "--candidates", "1"])).status).toBe(0);
    const before = JSON.parse((await cli(["screen", "witte-plek", "--data", dir, "--doc", "regioplan-noord", "--format", "json"])).stdout) as {
      candidates: { text: string; mark: { decision: string } }[];
    };
    expect(before.candidates.every((c) => c.mark.decision === "new")).toBe(true);
    const file = path.join(dir, "regions", "regio-noord.yaml");
    writeFileSync(file, uncommentFirstCandidates(readFileSync(file, "utf8")));
    const cited = (parse(readFileSync(file, "utf8")) as { findings: Record<string, { quote?: string }> }).findings["witte-plek"]?.quote;
    expect(cited).toContain("witte plek");
    const after = JSON.parse((await cli(["screen", "witte-plek", "--data", dir, "--doc", "regioplan-noord", "--format", "json"])).stdout) as {
      candidates: { text: string; mark: { decision: string; citations?: unknown } }[];
    };
    const marked = after.candidates.filter((c) => c.mark.decision === "cited");
    expect(marked.map((c) => c.text)).toContain(cited);
    expect(marked.find((c) => c.text === cited)?.mark.citations).toContainEqual({
      region: "Regio Noord",
      topic: "witte-plek",
      file: "regions/regio-noord.yaml",
    });
    // A passage no quote of the file holds stays new.
    const quotes = Object.values((parse(readFileSync(file, "utf8")) as { findings: Record<string, { quote?: string }> }).findings).flatMap((f) =>
      f.quote ? [f.quote] : [],
    );
    const uncited = after.candidates.filter((c) => !quotes.some((q) => q.includes(c.text) || c.text.includes(q)));
    expect(uncited.length, JSON.stringify(after.candidates.map((c) => c.text))).toBeGreaterThan(0);
    expect(uncited.every((c) => c.mark.decision === "new")).toBe(true);
    const table = await cli(["screen", "witte-plek", "--data", dir, "--doc", "regioplan-noord"]);
    expect(table.stdout).toContain("gekoppeld: Regio Noord, witte-plek");
    // The YAML entries for the screening register leave cited passages out: they are not new.
    expect((await cli(["screen", "witte-plek", "--data", dir, "--doc", "regioplan-noord", "--format", "yaml"])).stdout).not.toContain(JSON.stringify(cited));
  });

  const sources = path.resolve(ROOT, "..", "shared", "sources");
  it.runIf(existsSync(path.join(sources, "regioplan-flevoland-2023.md")))(
    "on the real Flevoland plan: every topic's first candidate, uncommented, verifies against the text",
    async () => {
      const dir = tempDir();
      cpSync(SHIPPED_DATA, dir, { recursive: true });
      rmSync(path.join(dir, "regions", "flevoland.yaml"));
      const run = await cli(["region", "add", "Flevoland", "--data", dir, "--from", "regioplan-flevoland-2023", "--sources", sources]);
      expect(run.status).toBe(0);
      const file = path.join(dir, "regions", "flevoland.yaml");
      writeFileSync(file, uncommentFirstCandidates(readFileSync(file, "utf8")));
      const checked = await cli(["validate", "--data", dir, "--sources", sources]);
      expect(checked.stdout).toMatch(/\b0 errors\b/);
    },
    60_000,
  );
});
