// Issue 24, "verified means verified": the quote check, the parse cache and the newer
// commands under hostile input. The cases that need more than one file (a source text,
// a cache, two assessments, a command) are here; single-file cases are in the catalogue.

import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Finding } from "../src/findings.js";
import { loadStudy } from "../src/loadStudy.js";
import { wrapLine } from "../src/render/textColumns.js";
import { HTML_SCRIPT } from "../src/render/html/script.js";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { runScreen } from "../src/commands/screen.js";
import { pasteableQuote } from "../src/evidence/quoteForm.js";
import { verbatimFields, verifyQuotes } from "../src/validate/verifyQuotes.js";
import { readSourceTexts } from "../src/load/sourceTexts.js";
import { locateQuote, parseSourceText } from "../src/evidence/sourceText.js";
import type { Io } from "../src/commands/context.js";
import { FIXTURES, MINIMAL, ROOT, runInProcess, runOnUnchangedData, SHIPPED_DATA, sharedSnapshotDir, tempDir } from "./helpers.js";
import { formatFinding } from "../src/messages/findings.js";

const SEEDS = path.join(ROOT, "..", "shared", "seeds");

const TEXT_FILE = path.join(FIXTURES, "sources", "fictief-akkoord.md");

/** The minimal fixture with the fictional paged text registered, and one action quoting page 2 of it; `edit` changes that action's lines. */
function studyWithText(edit: (action: string) => string = (a) => a): string {
  const dir = path.join(tempDir(), "data");
  cpSync(MINIMAL, dir, { recursive: true });
  const study = path.join(dir, "study.yaml");
  writeFileSync(
    study,
    readFileSync(study, "utf8").replace(
      "documents:\n",
      "documents:\n  - id: fictief-akkoord\n    title: Fictief akkoord\n    kind: accord\n    text: fictief-akkoord.md\n",
    ),
  );
  mkdirSync(path.join(dir, "sources"));
  cpSync(TEXT_FILE, path.join(dir, "sources", "fictief-akkoord.md"));
  const alpha = path.join(dir, "accords", "alpha.yaml");
  const action =
    "  - id: alpha-eenzaamheid\n" +
    "    domain: clientniveau-wijk\n" +
    '    text: "Gemeenten zetten in op een lokale aanpak van eenzaamheid onder ouderen"\n' +
    "    topics: [witte-plek]\n" +
    "    strength: agreement\n" +
    "    source: { doc: fictief-akkoord, section: Inleiding, page: 2 }\n";
  writeFileSync(
    alpha,
    readFileSync(alpha, "utf8").replace("source: { doc: fictief, section: Fictief }\n", `source: { doc: fictief, section: Fictief }\n${edit(action)}`),
  );
  return dir;
}

const errors = (findings: Finding[]) =>
  findings
    .filter((f) => f.severity === "error")
    .map((f) => ({ code: f.code, file: f.file, at: f.position ? `${f.position.line + 1}:${f.position.col + 1}` : "-", ...formatFinding(f) }));
/** 1-based line:col of `needle` in a file. */
function where(file: string, needle: string): string {
  const lines = readFileSync(file, "utf8").split("\n");
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${lines[line]!.indexOf(needle) + 1}`;
}

describe("kind 1: degenerate quotes are not verified", () => {
  it('the issue\'s example: quote "a" is found in any text, so validate --sources refuses it at its position, exit 2', async () => {
    const dir = studyWithText((a) => a.replace('"Gemeenten zetten in op een lokale aanpak van eenzaamheid onder ouderen"', '"a"'));
    const result = await runInProcess(["validate", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(
      `accords/alpha.yaml:${where(path.join(dir, "accords", "alpha.yaml"), '"a"')}  error  a verbatim text of 1 letter or digits cannot identify a passage: at least 8 letters or digits are needed`,
    );
    expect(result.stdout).toContain("[quote-too-short]");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("an elision at the end, or two in a row, is refused; one between words is verified", async () => {
    const end = await loadStudy(
      studyWithText((a) => a.replace('onder ouderen"', 'onder […]"')),
      { verifyQuotes: { sourceDirs: [] } },
    );
    expect(errors(end.findings).map((f) => f.code)).toEqual(["bad-elision"]);
    expect(errors(end.findings)[0]!.message).toContain("at its end");
    const fine = await loadStudy(
      studyWithText((a) => a.replace("een lokale aanpak", "een […] aanpak")),
      { verifyQuotes: { sourceDirs: [] } },
    );
    expect(errors(fine.findings)).toEqual([]);
  });

  it("the analysing commands refuse it too: the data is invalid, not only unverified", async () => {
    const dir = studyWithText((a) => a.replace('"Gemeenten zetten in op een lokale aanpak van eenzaamheid onder ouderen"', '"[...]"'));
    const result = await runInProcess(["matrix", "--data", dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("[bad-elision]");
  });
});

describe("kind 2: page references that cannot be right", () => {
  it("a page beyond the text's last page is an error at the page that names the last page", async () => {
    const dir = studyWithText((a) => a.replace("page: 2 }", "page: 9 }"));
    const result = await loadStudy(dir, { verifyQuotes: { sourceDirs: [] } });
    expect(errors(result.findings)).toEqual([
      {
        code: "bad-page",
        file: "accords/alpha.yaml",
        at: where(path.join(dir, "accords", "alpha.yaml"), "9 }"),
        message: "page 9 of fictief-akkoord does not exist: the text's last page is 4",
        hint: expect.stringContaining("cite a page from 1 to 4"),
      },
    ]);
  });

  it("a range that ends beyond the last page, and a source without a quote, are checked too", async () => {
    const dir = studyWithText((a) => a.replace("page: 2 }", 'page: "2-5" }'));
    const topics = path.join(dir, "topics.yaml");
    // A source of a topic (not a verbatim text) that cites a page the text does not have.
    writeFileSync(topics, readFileSync(topics, "utf8").replace(/(\n  - id: gedekt-thema\n)/, "$1    source: { doc: fictief-akkoord, page: 12 }\n"));
    const result = await loadStudy(dir, { verifyQuotes: { sourceDirs: [] } });
    expect(errors(result.findings).map((f) => `${f.code} ${f.file} ${f.message}`)).toEqual([
      "bad-page accords/alpha.yaml page 2-5 of fictief-akkoord does not exist: the text's last page is 4",
      "bad-page topics.yaml page 12 of fictief-akkoord does not exist: the text's last page is 4",
    ]);
  });
});

describe("kind 10: text a reader sees", () => {
  it("explain names a period's source without a page by its section, never 'p. undefined'", async () => {
    const result = await runOnUnchangedData(["explain", "bewezen-technologie-thuis"]);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/undefined/);
    const periodLine = result.stdout.split("\n").find((line) => line.includes("Deze regeling gaat open in mei 2024"));
    expect(periodLine).toMatch(/eindverslag-2024, “[^”]+”\)/);
  });

  it("diff keeps the indent of a wrapped `+ acties:` line at 120 and at 60 columns", async () => {
    for (const columns of ["120", "60"]) {
      const result = await runOnUnchangedData(["diff", "--as-of-old", "2024-08-02", "--as-of", "2026-12-06"], { env: { COLUMNS: columns } });
      expect(result.status).toBe(0);
      const details = result.stdout.split("\n").slice(result.stdout.split("\n").indexOf("Details") + 1);
      expect(details.length).toBeGreaterThan(10);
      expect(
        details.filter((line) => line !== "" && !line.startsWith("  ")),
        `at ${columns} columns`,
      ).toEqual([]);
      // A continuation stands two spaces further in than the line it continues.
      const acties = details.findIndex((line) => line.startsWith("    + acties:") && line.endsWith(","));
      expect(details[acties + 1]).toMatch(/^ {6}\S/);
    }
  });

  it("wrapLine keeps any indent on every line it makes", async () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.stringMatching(/^[a-z]{1,15}$/), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 30, max: 200 }),
        (indent, words, width) => {
          const lead = " ".repeat(indent);
          const lines = wrapLine(lead + words.join(" "), width);
          for (const line of lines) expect(line.startsWith(lead)).toBe(true);
          expect(lines.map((l) => l.trim()).join(" ")).toBe(words.join(" "));
        },
      ),
    );
  });
});

describe("kind 4: rules that validate also analyse", () => {
  it("national_threshold: 0 validates and every format of matrix and explain runs, exit 0, no null score", async () => {
    const dir = path.join(tempDir(), "data");
    cpSync(SHIPPED_DATA, dir, { recursive: true });
    const rules = path.join(dir, "rules.yaml");
    writeFileSync(rules, readFileSync(rules, "utf8").replace(/^national_threshold: 0\.6$/m, "national_threshold: 0"));
    expect((await runInProcess(["validate", "--data", dir])).status).toBe(0);
    const json = await runInProcess(["matrix", "--data", dir, "--format", "json"]);
    expect(json.stderr).toBe("");
    expect(json.status).toBe(0);
    const topics = JSON.parse(json.stdout).topics as { national: { score: number }; reasons: { code: string; text: string }[] }[];
    // With a threshold of 0 no topic falls short nationally, also one without any action.
    expect(topics.flatMap((t) => t.reasons.map((r) => r.code))).not.toContain("national-short");
    expect(topics.some((t) => t.national.score === 0 && t.reasons.some((r) => r.code === "national-ok" && /geen actie in de akkoorden/.test(r.text)))).toBe(
      true,
    );
    for (const format of ["table", "csv", "markdown"])
      expect((await runInProcess(["matrix", "--data", dir, "--format", format])).stdout).not.toMatch(/undefined|NaN|null/);
  });

  it("a priority weight of 1e308 is refused at its position with the range in the hint, exit 2", async () => {
    const dir = path.join(tempDir(), "data");
    cpSync(SHIPPED_DATA, dir, { recursive: true });
    const rules = path.join(dir, "rules.yaml");
    writeFileSync(rules, readFileSync(rules, "utf8").replace(/^ {2}per_group: 1$/m, "  per_group: 1e308"));
    const result = await runInProcess(["matrix", "--data", dir, "--format", "json"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`rules.yaml:${where(rules, "1e308")}  error`);
    expect(result.stderr).toContain("a priority weight is a number from 0 to 100");
  });
});

describe("kind 7: a topic id a command does not know is named", () => {
  const A = path.join(FIXTURES, "agreement", "a.yaml");
  const B = path.join(FIXTURES, "agreement", "b.yaml");

  it("agreement names a misspelt topic in either file at its key, with did you mean, exit 2", async () => {
    const misspelt = path.join(tempDir(), "b.yaml");
    writeFileSync(misspelt, readFileSync(B, "utf8").replace("  spoedzorg: {", "  spoedzrog: {"));
    const result = await runInProcess(["agreement", A, misspelt]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`b.yaml:${where(misspelt, "spoedzrog")}  error  unknown topic "spoedzrog"`);
    expect(result.stderr).toContain('did you mean "spoedzorg"?');
  });

  it("agreement checks against the topics of --data", async () => {
    // The minimal fixture has none of the shipped topics: every one is unknown there.
    const result = await runInProcess(["agreement", A, B, "--data", MINIMAL]);
    expect(result.status).toBe(2);
    expect(result.stderr.match(/unknown topic/g)?.length).toBe(24);
  });

  it("sensitivity, timeline, explain and screen name an unknown topic on the command line, with did you mean", async () => {
    for (const args of [
      ["sensitivity", "spoedzrog"],
      ["timeline", "spoedzrog"],
      ["explain", "spoedzrog"],
      ["screen", "spoedzrog"],
    ]) {
      const result = await runInProcess(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain('"spoedzrog"');
      expect(result.stderr, args.join(" ")).toContain('did you mean "spoedzorg"?');
    }
  });
});

describe("kind 8: reports", () => {
  /** Runs the page's script against a stand-in page that accepts everything, with `hash` as the address fragment. */
  function runScriptWithFragment(hash: string): void {
    const handler: ProxyHandler<() => unknown> = {
      get: (_target, key) => (key === Symbol.toPrimitive ? () => "" : key === "length" ? 0 : page),
      apply: () => page,
      set: () => true,
    };
    const page: unknown = new Proxy(function () {}, handler);
    runInNewContext(HTML_SCRIPT, { document: page, window: page, history: page, location: { hash, pathname: "/coverage.html", search: "" } });
  }

  it("an address fragment that is not valid percent-encoding is ignored, not a script error", async () => {
    for (const hash of ["#cell=%E0%A4%A", "#%E0%A4%A", "#%", "#verdict=%ZZ&cell=spoedzorg.a-iza", "#cell=spoedzorg.a-iza"]) {
      expect(() => runScriptWithFragment(hash), hash).not.toThrow();
    }
  });

  it("a study title of 5,000 characters (the text limit), with and without spaces, makes report no slower than a few seconds", async () => {
    for (const title of ["Zorg en ondersteuning thuis ".repeat(200).slice(0, 5000).trim(), "Zorgenondersteuningthuis".repeat(209).slice(0, 5000)]) {
      const dir = path.join(tempDir(), "data");
      cpSync(SHIPPED_DATA, dir, { recursive: true });
      const study = path.join(dir, "study.yaml");
      writeFileSync(study, readFileSync(study, "utf8").replace(/^title: .*$/m, `title: ${title}`));
      const started = Date.now();
      const result = await runInProcess(["report", "--data", dir, "--out", tempDir()]);
      expect(result.status, result.stderr).toBe(0);
      // It took over 40 s (the PDF footer shortened the title one character at a time); now about 1 s alone.
      expect(Date.now() - started).toBeLessThan(15_000);
    }
  }, 60_000);
});

describe("kind 9: what the tool proposes to paste validates", () => {
  it("an excerpt drops a zero-width space and elides a control character, so it stays verbatim and validates", async () => {
    expect(pasteableQuote("de zorg\u200Bverlener komt thuis")).toBe("de zorgverlener komt thuis");
    expect(pasteableQuote("ouderen thuis\u0007 wonen langer\n zelfstandig")).toBe("ouderen thuis […] wonen langer zelfstandig");
    expect(pasteableQuote("\u0007\u202e, zorg thuis")).toBe(", zorg thuis");
    // The elided excerpt is found in a text that holds the control character.
    const text = parseSourceText("x", "x.md", "## Page 1\n\nouderen thuis\u0007 wonen langer\nzelfstandig");
    expect(locateQuote(text, pasteableQuote("ouderen thuis\u0007 wonen langer\n zelfstandig"), 1)).toEqual({ found: "on-page" });
  });

  it("the closest passage a quote-not-in-source hint offers, pasted with its page, is found", async () => {
    const { study } = await loadStudy(SHIPPED_DATA);
    const { texts } = await readSourceTexts(study!.study.documents, [path.join(SHIPPED_DATA, "sources")]);
    const long = verbatimFields(study!).filter((f) => texts.get(f.doc)?.paged && f.text.length > 300 && !f.text.includes("["));
    expect(long.length).toBeGreaterThan(5);
    for (const field of long.slice(0, 20)) {
      // One word changed, as a typo would.
      const wrong = { ...field, text: field.text.replace(/\p{L}{5,}/u, "Verzonnenwoord") };
      const [finding] = verifyQuotes([wrong], texts).findings;
      expect(finding?.code).toBe("quote-not-in-source");
      const [, page, passage] = /page (\d+)(?: \(its first words\))?: “(.*)”$/s.exec(formatFinding(finding!).hint!)!;
      expect(passage).not.toMatch(/…$/);
      expect(verifyQuotes([{ ...field, text: passage!, page: Number(page) }], texts).findings, passage).toEqual([]);
    }
  });

  it("screen --format yaml: every proposed entry, once decided, passes validate --sources", async () => {
    const dir = path.join(tempDir(), "data");
    cpSync(SHIPPED_DATA, dir, { recursive: true });
    const register = path.join(dir, "screening.yaml");
    const screening = parseYaml(readFileSync(register, "utf8")) as { topics: Record<string, { documents: string[]; candidates: Record<string, unknown>[] }> };
    let pasted = 0;
    for (const [topic, entry] of Object.entries(screening.topics)) {
      let stdout = "";
      // The shipped study is validated once, by the first topic's run; the others read its snapshot.
      const env = { NO_COLOR: "1", DEKKING_CACHE_DIR: sharedSnapshotDir() };
      const io: Io = { stdout: (t) => void (stdout += t), stderr: () => undefined, env, isTTY: false, columns: 120, cwd: ROOT };
      // Every document with a text, so the yaml names documents this topic has not searched yet.
      await runScreen({ data: SHIPPED_DATA, lang: "nl", topic, format: "yaml", limit: "25", sources: [SEEDS] }, io);
      const proposed = (parseYaml(stdout) ?? []) as { doc: string; decision: string }[];
      for (const candidate of proposed) {
        entry.candidates.push({ ...candidate, decision: "excluded", reason: "background" });
        if (!entry.documents.includes(candidate.doc)) entry.documents.push(candidate.doc);
        pasted++;
      }
    }
    expect(pasted).toBeGreaterThan(100);
    writeFileSync(register, stringifyYaml(screening, { lineWidth: 0 }));
    const result = await loadStudy(dir, { verifyQuotes: { sourceDirs: [SEEDS] } });
    expect(errors(result.findings).slice(0, 5)).toEqual([]);
  }, 240_000);
});
