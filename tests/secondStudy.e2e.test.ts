// A study with a vocabulary of its own (issue 28), through the real bin: the fictional study
// in tests/fixtures/second-study/ has four respondent groups (informal carers among them),
// three categories and three action domains that the 2024 study does not have, and two
// accords. The expectations below were worked out by hand from its files and rules.yaml
// (the 2024 defaults without ranges):
//
//   respijtzorg     M,W      required 0.75; VLINDER measure 1.00; sample `most` 0.75  → gedekt
//   logeeropvang    M        required 0.50; ZWALUW mention 0.30; sample `few` 0.15     → witte vlek
//   mantelzorgloket M,C,B    required 0.75; VLINDER agreement 0.60, ZWALUW general
//                            measure 0.50; sample `half` 0.50                            → mogelijk (uitvoering)
//   digitale-informatie —    no theme                                                    → geen signaal
//   casusoverleg    M,W,C,B  required 0.75; no action; not assessed                      → mogelijk (beide)

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { copyFixture, FIXTURES, runBin, tempDir } from "./helpers.js";

const STUDY = path.join(FIXTURES, "second-study");

describe("a second study with its own vocabulary", () => {
  it("validates", () => {
    const result = runBin(["validate", "--data", STUDY]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^0 errors, 0 warnings in 7 files$/m);
  });

  it("shows its categories, groups and letters in the terminal matrix, in the study's order", () => {
    const result = runBin(["matrix", "--data", STUDY]);
    expect(result.status).toBe(0);
    const out = result.stdout;
    const headings = ["— Ontlasting van mantelzorgers", "— Informatie en advies", "— Samenwerking formeel en informeel"].map((h) => out.indexOf(h));
    expect(headings.every((i) => i >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(out).toContain("Vraag: M = mantelzorgers, W = wijkverpleegkundigen, C = cliëntondersteuners, B = beleidsmakers");
    const row = (label: string): string => out.split("\n").find((line) => line.trimStart().startsWith(label)) ?? "";
    expect(row("Respijtzorg")).toMatch(/MW·· +✓ gedekt/);
    expect(row("Logeeropvang")).toMatch(/M··· +■ witte vlek/);
    expect(row("Mantelzorgloket")).toMatch(/M·CB +▲ mogelijk \(uitvoering\)/);
    expect(row("Digitale informatie")).toMatch(/···· +· geen signaal/);
    expect(row("Casusoverleg met mantelzorgers")).toMatch(/MWCB +▲ mogelijk \(beide\)/);
    // Nothing is missing from this study: no sentence about an empty matrix.
    expect(out).not.toContain("nog leeg");
    // None of the 2024 study's words.
    expect(out).not.toMatch(/ouderen|Cultuur|experts en bestuurders/);
  });

  it("asks its own question in the plain-language summary, not the 2024 study's", () => {
    const result = runBin(["summary", "--data", STUDY]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "## Wat is onderzocht?\n\nDit is de vraag van het onderzoek:\n\n> “Vinden mantelzorgers in deze verzonnen studie de steun die zij noemen?”\n",
    );
    expect(result.stdout).not.toContain("ouderen");
    const english = runBin(["summary", "--data", STUDY, "--lang", "en"]);
    expect(english.stdout).toContain("This is the question of the study:\n\n> “Vinden mantelzorgers in deze verzonnen studie de steun die zij noemen?”\n");
    expect(english.stdout).not.toContain("older people");
  });

  it("names its groups and categories in English with --lang en", () => {
    const result = runBin(["matrix", "--data", STUDY, "--lang", "en"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("— Relief for informal carers");
    expect(result.stdout).toContain("Demand: M = informal carers, W = district nurses, C = client support workers, B = policy makers");
  });

  it("gives every matrix format with the study's ids and names", () => {
    const json = JSON.parse(runBin(["matrix", "--data", STUDY, "--format", "json"]).stdout);
    const byId = Object.fromEntries(json.topics.map((t: { id: string }) => [t.id, t]));
    expect(byId.casusoverleg).toMatchObject({
      category: "samenwerking",
      demand: { groups: ["mantelzorgers", "wijkverpleegkundigen", "clientondersteuners", "beleidsmakers"] },
      verdict: "mogelijke-witte-vlek",
      gap: "beide",
    });
    expect(byId.mantelzorgloket.demand.groups).toEqual(["mantelzorgers", "clientondersteuners", "beleidsmakers"]);
    // Four groups still need "two or more": 0.75.
    expect(byId.casusoverleg.reasons.find((r: { code: string }) => r.code === "demand")).toMatchObject({ required: 0.75 });
    expect(byId.logeeropvang.reasons.find((r: { code: string }) => r.code === "demand")).toMatchObject({ required: 0.5 });
    expect(byId.casusoverleg.reasons.find((r: { code: string }) => r.code === "demand").text).toContain(
      "vraag van 4 groepen (mantelzorgers, wijkverpleegkundigen, cliëntondersteuners, beleidsmakers)",
    );

    const markdown = runBin(["matrix", "--data", STUDY, "--format", "markdown"]);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain("### Ontlasting van mantelzorgers");
    expect(markdown.stdout).toContain("M = mantelzorgers, W = wijkverpleegkundigen, C = cliëntondersteuners, B = beleidsmakers");
    expect(markdown.stdout).toMatch(/\| Casusoverleg met mantelzorgers `casusoverleg` \|.*\| MWCB \|/);

    const csv = runBin(["matrix", "--data", STUDY, "--format", "csv"]);
    expect(csv.status).toBe(0);
    const header = csv.stdout.split("\n")[0]!.split(",");
    const casus = csv.stdout
      .split("\n")
      .find((line) => line.startsWith("casusoverleg,"))!
      .split(",");
    expect(casus[header.indexOf("category")]).toBe("samenwerking");
    expect(csv.stdout).toContain("mantelzorgers");
  });

  it("filters on its own categories and refuses one it does not have", () => {
    const only = runBin(["matrix", "--data", STUDY, "--category", "informatie"]);
    expect(only.status).toBe(0);
    expect(only.stdout).toContain("Mantelzorgloket");
    expect(only.stdout).not.toContain("Respijtzorg");
    const wrong = runBin(["matrix", "--data", STUDY, "--category", "informatiee"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('unknown category "informatiee"; expected one of: ontlasting, informatie, samenwerking');
    expect(wrong.stderr).toContain('did you mean "informatie"?');
  });

  it("explains a topic with the groups and the category by name", () => {
    const result = runBin(["explain", "casusoverleg", "--data", STUDY]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Samenwerking formeel en informeel");
    expect(result.stdout).toContain("Aan tafel — mantelzorgers, wijkverpleegkundigen, cliëntondersteuners, beleidsmakers");
    expect(result.stdout).toContain("“Een verzonnen citaat over meepraten.” — wijkverpleegkundigen (verzonnen rol)");
  });

  it("writes a report that names its groups and categories", () => {
    const out = tempDir();
    const result = runBin(["report", "--data", STUDY, "--out", out]);
    expect(result.status).toBe(0);
    for (const name of ["coverage.pdf", "coverage.md", "coverage.json", "coverage.html", "samenvatting.md"])
      expect(existsSync(path.join(out, name))).toBe(true);
    const markdown = readFileSync(path.join(out, "coverage.md"), "utf8");
    expect(markdown).toContain("M = mantelzorgers");
    expect(markdown).toContain("Ontlasting van mantelzorgers");
    expect(markdown).toContain("Een verzonnen citaat over even vrij zijn.");
    // The method section names the study's groups and their number, not the 2024 study's.
    expect(markdown).toContain("Welke respondentgroepen (mantelzorgers, wijkverpleegkundigen, cliëntondersteuners, beleidsmakers)");
    expect(markdown).toContain("0 tot 4 groepen");
    expect(markdown).not.toMatch(/ouderen, professionals|experts en bestuurders/);
    const html = readFileSync(path.join(out, "coverage.html"), "utf8");
    // The filters come from the study's lists: a category option and a group option.
    expect(html).toMatch(/<option value="ontlasting">Ontlasting van mantelzorgers<\/option>/);
    expect(html).toMatch(/<option value="mantelzorgers">[^<]*mantelzorgers[^<]*<\/option>/);
    expect(html).not.toMatch(/<option value="ouderen">/);
  });

  it("says in a diff what changed in the demand, by group name", () => {
    const changed = copyFixture(STUDY);
    const file = path.join(changed, "interviews.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("groups: [mantelzorgers, wijkverpleegkundigen]\n", "groups: [mantelzorgers]\n"));
    const result = runBin(["diff", STUDY, changed]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Respijtzorg (respijtzorg)");
    expect(result.stdout).toContain("mantelzorgers, wijkverpleegkundigen → mantelzorgers");
  });

  it("reports a group the vocabulary lacks at its place, with a suggestion", () => {
    const dir = copyFixture(STUDY);
    const file = path.join(dir, "interviews.yaml");
    const text = readFileSync(file, "utf8").replace("groups: [mantelzorgers]\n", "groups: [mantelzorger]\n");
    writeFileSync(file, text);
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("groups: [mantelzorger]")) + 1;
    const col = lines[line - 1]!.indexOf("mantelzorger]") + 1;
    const result = runBin(["validate", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(`interviews.yaml:${line}:${col}  error  unknown respondent group "mantelzorger"`);
    expect(result.stdout).toContain('did you mean "mantelzorgers"?');
    expect(result.stdout).toContain("[unknown-vocabulary]");
  });
});

describe("dekking init", () => {
  it("makes a study that validates, and whose empty matrix says what is missing", () => {
    const dir = path.join(tempDir(), "nieuwe studie");
    const init = runBin(["init", dir, "--title", "Mantelzorg & wonen"]);
    expect(init.status).toBe(0);
    for (const file of ["study.yaml", "topics.yaml", "interviews.yaml", "rules.yaml", "README.md", "accords/TEMPLATE.yaml.txt", "regions/TEMPLATE.yaml.txt"])
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    const study = readFileSync(path.join(dir, "study.yaml"), "utf8");
    expect(study).toContain('title: "Mantelzorg & wonen"');
    expect(study).toContain("id: mantelzorg-wonen");
    expect(study).toMatch(/^vocabulary:\n {2}groups: \[\]\n {2}categories: \[\]\n {2}domains: \[\]\n$/m);
    // The schema line points at the package's schemas from the new folder.
    const schema = /\$schema=(\S+)/.exec(study)![1]!;
    expect(existsSync(path.resolve(dir, schema))).toBe(true);
    // The default rules are the shipped ones.
    expect(readFileSync(path.join(dir, "rules.yaml"), "utf8").replace(/^# yaml-language-server.*\n/, "")).toBe(
      readFileSync(path.join(FIXTURES, "..", "..", "data", "rules.yaml"), "utf8").replace(/^# yaml-language-server.*\n/, ""),
    );

    const validate = runBin(["validate", "--data", dir]);
    expect(validate.status).toBe(0);
    expect(validate.stdout).toContain('question is still "nog invullen"');
    expect(validate.stdout).toMatch(/^0 errors, 2 warnings in 4 files$/m);

    // The summary asks no question the study has not filled in yet.
    const summary = runBin(["summary", "--data", dir]);
    expect(summary.status).toBe(0);
    expect(summary.stdout).toContain("## Wat is onderzocht?\n\nDe vraag van het onderzoek is nog niet ingevuld.\n");
    expect(summary.stdout).not.toMatch(/ouderen|nog invullen/);

    const matrix = runBin(["matrix", "--data", dir]);
    expect(matrix.status).toBe(0);
    expect(matrix.stdout).toContain("0 onderwerpen");
    expect(matrix.stdout).toContain("nog geen respondentgroepen (vocabulary.groups in study.yaml)");
    expect(matrix.stdout).toContain("onderwerpen (topics.yaml)");
    const json = runBin(["matrix", "--data", dir, "--format", "json"]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).topics).toEqual([]);
    expect(json.stderr).toContain("onderwerpen (topics.yaml)");
  });

  it("writes English comments and README with --lang en", () => {
    const dir = path.join(tempDir(), "study");
    expect(runBin(["init", dir, "--lang", "en"]).status).toBe(0);
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toMatch(/^# New study\n\nA study for `dekking`/);
    expect(readFileSync(path.join(dir, "study.yaml"), "utf8")).toContain("# The study. Fill in first");
    expect(runBin(["validate", "--data", dir]).status).toBe(0);
  });

  it("refuses a non-empty folder without --force, and never replaces a file with it", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "notes.txt"), "mine");
    const refused = runBin(["init", dir]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("is not empty (1 entry); nothing was written");
    expect(refused.stderr).toContain("--force");
    expect(existsSync(path.join(dir, "study.yaml"))).toBe(false);

    expect(runBin(["init", dir, "--force"]).status).toBe(0);
    expect(readFileSync(path.join(dir, "notes.txt"), "utf8")).toBe("mine");
    writeFileSync(path.join(dir, "topics.yaml"), "topics: []\n# mine\n");
    const again = runBin(["init", dir, "--force"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("already holds study.yaml, topics.yaml");
    expect(readFileSync(path.join(dir, "topics.yaml"), "utf8")).toBe("topics: []\n# mine\n");
    expect(again.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("refuses a file where the folder should be", () => {
    const file = path.join(tempDir(), "a-file");
    writeFileSync(file, "x");
    const result = runBin(["init", file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("is a file, not a folder; nothing was written");
  });
});
