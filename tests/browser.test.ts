// coverage.html of the shipped study in a real browser: Debian's Chromium (package
// `chromium`, which .ci/run installs) driven by playwright-core, the page opened from
// file://. Skips visibly, naming the reason, where no Chromium is present.

import { AxeBuilder } from "@axe-core/playwright";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Coverage, TopicCoverage } from "../src/analyse/coverage.js";
import { computeCoverage } from "../src/analyse/computeCoverage.js";
import { selectEvidence } from "../src/analyse/evidenceView.js";
import { loadStudy } from "../src/loadStudy.js";
import type { Study } from "../src/model.js";
import { runInProcess, SHIPPED_DATA, tempDir } from "./helpers.js";

const CHROMIUM = process.env.DEKKING_CHROMIUM ?? "/usr/bin/chromium";
const missing = existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set DEKKING_CHROMIUM)`;
if (missing) console.warn(`browser tests skipped: ${missing}`);

const WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe.skipIf(missing !== undefined)(`coverage.html in Chromium${missing ? ` — skipped: ${missing}` : ""}`, () => {
  let browser: Browser;
  let study: Study;
  let coverage: Coverage;
  let url: string;
  let urlEn: string;

  beforeAll(async () => {
    const nl = tempDir();
    const en = tempDir();
    for (const [out, lang] of [
      [nl, "nl"],
      [en, "en"],
    ] as const) {
      const result = await runInProcess(["report", "--out", out, "--lang", lang]);
      expect(result.status, result.stderr).toBe(0);
    }
    url = pathToFileURL(path.join(nl, "coverage.html")).href;
    urlEn = pathToFileURL(path.join(en, "coverage.html")).href;
    const loaded = await loadStudy(SHIPPED_DATA);
    study = selectEvidence(loaded.study!, {}).study;
    coverage = computeCoverage(study);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A page that fails the test on any request beyond the file, any script error or CSP report. */
  async function open(context: BrowserContext, address: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(address.split("#")[0]!)) problems.push(`request ${request.url()}`);
    });
    page.on("pageerror", (error) => problems.push(`script error ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.text()}`);
    });
    await page.goto(address);
    return { page, problems };
  }

  const flagged = (): TopicCoverage => coverage.topics.find((t) => t.verdict === "mogelijke-witte-vlek" && t.national.actions.some((a) => a.accord === "iza"))!;
  const actionText = (accord: string, id: string) => study.accords.find((a) => a.id === accord)!.actions.find((a) => a.id === id)!;
  // Code that runs in the page is a string: the tests' TypeScript has no DOM library.
  const focused = (page: Page) =>
    page.evaluate<{ topic: string | null; col: string | null; outline: string }>(`(() => {
      const el = document.activeElement;
      const style = el ? getComputedStyle(el) : null;
      return { topic: el?.closest("tr")?.getAttribute("data-topic") ?? null, col: el?.getAttribute("data-col") ?? null, outline: style ? style.outlineStyle + " " + style.outlineWidth : "" };
    })()`);

  it("opens from file:// without any request leaving the file, script error or CSP violation", async () => {
    const context = await browser.newContext();
    const { page, problems } = await open(context, url);
    expect(await page.locator("html").getAttribute("lang")).toBe("nl");
    expect(await page.locator("html").getAttribute("class")).toBe("js");
    expect(await page.locator("#matrix tbody tr[data-topic]").count()).toBe(coverage.topics.length);
    expect(problems).toEqual([]);
    expect(readFileSync(new URL(url)).byteLength).toBeLessThan(1_000_000);
    await context.close();
  });

  it("opens the evidence behind a clicked cell: the accord's actions with text, document and page", async () => {
    const context = await browser.newContext();
    const { page, problems } = await open(context, url);
    const topic = flagged();
    await page.locator(`tr[data-topic="${topic.id}"] a[data-col="a-iza"]`).click();
    const dialog = page.locator("#evidence-dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.locator("#evidence-dialog-title").textContent()).toContain("IZA");
    const current = dialog.locator(".part.current");
    expect(await current.getAttribute("data-part")).toBe("a-iza");
    const text = squash((await current.textContent()) ?? "");
    for (const evidence of topic.national.actions.filter((a) => a.accord === "iza")) {
      const action = actionText("iza", evidence.action);
      expect(text).toContain(squash(action.text).slice(0, 60));
      expect(text).toContain(`${action.source.doc}`);
      if (action.source.page !== undefined) expect(text).toContain(`p. ${action.source.page}`);
    }
    expect(new URL(page.url()).hash).toBe(`#cell=${topic.id}.a-iza`);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(new URL(page.url()).hash).toBe("");
    expect(await focused(page)).toMatchObject({ topic: topic.id, col: "a-iza" });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("walks the matrix by keyboard with a visible focus: Tab in, arrows move, Enter opens, Escape closes", async () => {
    const context = await browser.newContext();
    const { page } = await open(context, url);
    for (let i = 0; i < 40 && (await focused(page)).col === null; i++) await page.keyboard.press("Tab");
    const rows = await page.locator("#matrix tbody tr[data-topic]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-topic")));
    expect(await focused(page)).toMatchObject({ topic: rows[0], col: "topic" });
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowDown");
    const at = await focused(page);
    expect(at).toMatchObject({ topic: rows[1], col: "a-gala" });
    expect(at.outline).toMatch(/^solid [3-9]px$/);
    await page.keyboard.press("End");
    expect(await focused(page)).toMatchObject({ topic: rows[1], col: "report" });
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Home");
    expect(await focused(page)).toMatchObject({ topic: rows[0], col: "topic" });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    const dialog = page.locator("#evidence-dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const label = coverage.topics.find((t) => t.id === rows[1])!.label;
    expect(await page.locator("#evidence-dialog-title").textContent()).toBe(`${label} — GALA`);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await focused(page)).toMatchObject({ topic: rows[1], col: "a-gala" });
    // One tab stop for the whole matrix: Tab leaves it.
    await page.keyboard.press("Tab");
    expect((await focused(page)).col).toBeNull();
    await context.close();
  });

  it("opens a deep link with the same cell and filters, and filters write the address", async () => {
    const topic = flagged();
    const context = await browser.newContext();
    const { page, problems } = await open(context, `${url}#cell=${topic.id}.regional&category=${topic.category}&verdict=${topic.verdict}`);
    const dialog = page.locator("#evidence-dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator(".part.current").getAttribute("data-part")).toBe("regional");
    expect(await page.locator("#filter-category").inputValue()).toBe(topic.category);
    expect(await page.locator("#filter-verdict").inputValue()).toBe(topic.verdict);
    const expected = coverage.topics.filter((t) => t.category === topic.category && t.verdict === topic.verdict).map((t) => t.id);
    const shown = () => page.locator("#matrix tbody tr[data-topic]:not([hidden])").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-topic")));
    expect(await shown()).toEqual(expected);
    expect(await page.locator("details.topic:not([hidden])").count()).toBe(expected.length);
    expect(await page.locator("#filter-status").textContent()).toBe(`${expected.length} van ${coverage.topics.length} onderwerpen getoond.`);
    await page.keyboard.press("Escape");
    await page.locator("#filters button[type=reset]").click();
    await page.locator("#filter-group").selectOption("experts");
    await page.locator("#filter-accord").selectOption("a-gala");
    expect(new URL(page.url()).hash).toBe("#accord=a-gala&group=experts");
    const both = coverage.topics.filter((t) => t.demand.groups.includes("experts") && (t.national.accords.gala ?? 0) > 0).map((t) => t.id);
    expect(await shown()).toEqual(both);
    // The address opens the same view in a fresh page.
    const again = await open(context, page.url());
    expect(await again.page.locator("#filter-accord").inputValue()).toBe("a-gala");
    expect(await again.page.locator("#matrix tbody tr[data-topic]:not([hidden])").count()).toBe(both.length);
    expect([...problems, ...again.problems]).toEqual([]);
    await context.close();
  });

  it("shows every topic's evidence with JavaScript disabled, and a cell's link opens it", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const { page } = await open(context, url);
    expect(await page.locator("html").getAttribute("class")).toBeNull();
    expect(await page.locator("#filters").isVisible()).toBe(false);
    expect(await page.locator("#matrix th[scope=row]").count()).toBe(coverage.topics.length);
    const evidence = await page
      .locator("details.topic")
      .evaluateAll((all) => Object.fromEntries(all.map((d) => [d.id, (d.textContent ?? "").replace(/\s+/g, " ")])));
    // Every topic's evidence is in the page: the (possible) white spots first, the others in the appendix.
    expect(Object.keys(evidence).sort()).toEqual(coverage.topics.map((t) => `t-${t.id}`).sort());
    for (const topic of coverage.topics) {
      const text = evidence[`t-${topic.id}`]!;
      for (const item of topic.national.actions)
        expect(text, `${topic.id} ${item.action}`).toContain(squash(actionText(item.accord, item.action).text).slice(0, 60));
      for (const themeId of topic.demand.themes) {
        for (const quote of study.interviews.themes.find((t) => t.id === themeId)!.quotes ?? [])
          expect(text, `${topic.id} quote`).toContain(squash(quote.text).slice(0, 60));
      }
      const reference = study.reference[topic.id];
      if (reference) expect(text, `${topic.id} reference`).toContain(squash(reference.quote).slice(0, 60));
    }
    const topic = flagged();
    await page.locator(`tr[data-topic="${topic.id}"] a[data-col="regional"]`).click();
    expect(await page.locator(`#t-${topic.id}`).getAttribute("open")).not.toBeNull();
    expect(await page.locator(`#t-${topic.id}--regional`).isVisible()).toBe(true);
    await context.close();
  });

  it("prints with the evidence expanded and without the controls", async () => {
    const context = await browser.newContext();
    const { page } = await open(context, url);
    await page.emulateMedia({ media: "print" });
    const topic = flagged();
    expect(await page.locator(`#t-${topic.id}--demand`).isVisible()).toBe(true);
    expect(await page.locator("#filters").isVisible()).toBe(false);
    await context.close();
  });

  it("has no WCAG 2.1 AA violation (axe-core): the page, the open dialog, without script, in English", async () => {
    const report = async (page: Page, options: { include?: string; skipContrast?: boolean } = {}) => {
      let builder = new AxeBuilder({ page }).withTags(WCAG_AA);
      if (options.include) builder = builder.include(options.include);
      if (options.skipContrast) builder = builder.disableRules(["color-contrast"]);
      const result = await builder.analyze();
      // A run that checked nothing would pass too.
      expect(result.passes.length).toBeGreaterThan(options.include ? 3 : 15);
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(" ")})`);
    };
    const context = await browser.newContext();
    const { page } = await open(context, url);
    // Closed evidence is not rendered, so axe could not check its contrast: open it all.
    await page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true; })`);
    expect(await report(page)).toEqual([]);
    await page.locator(`tr[data-topic="${flagged().id}"] a[data-col="verdict"]`).click();
    expect(await report(page, { include: "#evidence-dialog" })).toEqual([]);
    // The other views use the same colours: contrast (the slow rule on this page) is checked above.
    const en = await open(context, urlEn);
    expect(await en.page.locator("html").getAttribute("lang")).toBe("en");
    expect(await report(en.page, { skipContrast: true })).toEqual([]);
    // axe needs script to run, so the page without script is the same file without its <script>.
    const withoutScript = path.join(tempDir(), "coverage.html");
    writeFileSync(withoutScript, readFileSync(new URL(url), "utf8").replace(/<script>[\s\S]*?<\/script>/, ""));
    const plain = await open(context, pathToFileURL(withoutScript).href);
    expect(await plain.page.locator("html").getAttribute("class")).toBeNull();
    expect(await report(plain.page, { skipContrast: true })).toEqual([]);
    await context.close();
  }, 300_000);
});
