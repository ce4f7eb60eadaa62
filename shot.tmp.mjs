import { chromium } from "playwright-core";
const [file, out, w = "1280", h = "1400", sel, click] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
await page.goto("file://" + file);
if (sel) await page.locator(sel).first().scrollIntoViewIfNeeded();
if (sel) await page.evaluate((s) => document.querySelector(s).scrollIntoView(), sel);
if (click) { await page.click(click); await page.waitForTimeout(300); }
await page.screenshot({ path: out, fullPage: false });
await browser.close();
