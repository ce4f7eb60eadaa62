// coverage.html of `dekking report`: one self-contained page that works offline and without
// JavaScript. The matrix is a real table whose cells link to each topic's evidence, which
// is all in the page (a <details> per topic); the inline script only adds the evidence
// dialog, filters, the state in the URL and keyboard navigation. A Content-Security-Policy
// allows nothing but the page's own style and script (by hash), so no request leaves it.
// Every text from the data passes htmlText (escape/html.ts) exactly once.

import { createHash } from "node:crypto";
import type { Coverage, TopicCoverage } from "../analyse/coverage.js";
import { VERDICTS } from "../analyse/coverage.js";
import { summariseScreening } from "../evidence/screeningSummary.js";
import type { Source, Study } from "../model.js";
import { CATEGORIES, EXCLUSION_REASONS, GROUPS } from "../model.js";
import { ownValue } from "../ownKeys.js";
import { htmlHref, htmlText as e, htmlToken } from "./escape/html.js";
import { HTML_SCRIPT } from "./html/script.js";
import { HTML_STYLE } from "./html/style.js";
import { fillIn, HTML_WORDS, type HtmlWords } from "./html/words.js";
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  DOCUMENT_KIND_LABELS,
  EXCLUSION_LABELS,
  formatDate,
  formatScore,
  GAP_LABELS,
  GROUP_LABELS,
  GROUP_LETTERS,
  LEVEL_LABELS,
  PLAN_STATUS_LABELS,
  PREVALENCE_LABELS,
  reasonText,
  REFERENCE_LABELS,
  REPORT_WORDS,
  SCOPE_LABELS,
  STRENGTH_LABELS,
  VERDICT_LABELS,
  VERDICT_SHORT,
  VERDICT_SYMBOLS,
  WORDS,
  type Lang,
  type ReportWords,
} from "./labels.js";
import { LEVEL_SYMBOLS, levelOf } from "./levels.js";
import { summaryLine } from "./renderMatrixTable.js";
import { formatPeriod } from "./renderExplain.js";
import { PLAN_STATUSES, planStatusCounts, plansToList, regionMatrix } from "./regionMatrix.js";

interface Ctx {
  study: Study;
  coverage: Coverage;
  lang: Lang;
  words: ReportWords;
  html: HtmlWords;
}

/** The columns of the matrix after the topic: one per accord, then regions, demand, verdict, report. */
interface Column {
  key: string;
  heading: string;
}

function columns(ctx: Ctx): Column[] {
  const { coverage, lang } = ctx;
  return [
    ...coverage.accords.map((a) => ({ key: accordKey(a.id), heading: a.name })),
    { key: "regional", heading: WORDS[lang].regions! },
    { key: "demand", heading: WORDS[lang].demand! },
    { key: "verdict", heading: WORDS[lang].verdict! },
    { key: "report", heading: WORDS[lang].report! },
  ];
}

/** Accord columns and evidence parts are `a-<id>`, so an accord can never be named like a fixed column. */
function accordKey(id: string): string {
  return `a-${htmlToken(id)}`;
}

function topicId(topic: TopicCoverage): string {
  return `t-${htmlToken(topic.id)}`;
}

function partId(topic: TopicCoverage, part: string): string {
  return `${topicId(topic)}--${part}`;
}

function label(topic: TopicCoverage, lang: Lang): string {
  return lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
}

/** Appends many lines; a spread into push() overflows the stack for a study with thousands of plans. */
function append(target: string[], lines: readonly string[]): void {
  for (const line of lines) target.push(line);
}

function sha256Base64(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64");
}

/** The filterable facts of a topic, on its matrix row and its evidence. */
function filterAttributes(topic: TopicCoverage): string {
  const accords = Object.keys(topic.national.accords)
    .filter((id) => (ownValue(topic.national.accords, id) ?? 0) > 0)
    .map(accordKey);
  // Sorted, so the attribute does not depend on the order of the record's keys.
  return `data-topic="${htmlToken(topic.id)}" data-category="${htmlToken(topic.category)}" data-verdict="${htmlToken(topic.verdict)}" data-accords="${accords.sort().join(" ")}" data-groups="${topic.demand.groups.map(htmlToken).join(" ")}"`;
}

export function renderReportHtml(study: Study, coverage: Coverage, options: { lang: Lang; generatedOn: Date }): string {
  const { lang } = options;
  const ctx: Ctx = { study, coverage, lang, words: REPORT_WORDS[lang], html: HTML_WORDS[lang] };
  const { words, html } = ctx;
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${sha256Base64(HTML_STYLE)}'`,
    `script-src 'sha256-${sha256Base64(HTML_SCRIPT)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const title = e(study.study.title);
  const sections: [string, string][] = [
    ["summary", html.summary],
    ["matrix-heading", words.matrix],
    ["evidence", html.evidence],
    ["method", words.method],
    ["comparison", words.comparison],
    ...(study.regionPlans.length > 0 ? ([["region-plans", lang === "nl" ? "Beoordeelde regioplannen" : "Assessed region plans"]] as [string, string][]) : []),
    ["sources", words.sources],
  ];
  const view = coverage.study.evidence === "report" ? html.evidenceReport : html.evidenceAll;
  const out: string[] = [];
  out.push(
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="dekking">`,
    `<title>${title} — ${e(words.kicker)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    "</head>",
    "<body>",
    `<a class="skip" href="#matrix-heading">${e(html.skipToMatrix)}</a>`,
    '<header class="masthead">',
    `<p class="kicker">${e(words.kicker)}</p>`,
    `<h1>${title}</h1>`,
    `<p class="meta">${e(words.generatedOn)} ${e(formatDate(options.generatedOn, lang))} · ${e(words.dataVersion)} <code>${e(coverage.study.dataVersion)}</code> · ${e(html.asOf)} ${e(coverage.study.asOf)} · ${e(html.evidenceView)}: ${e(view)}</p>`,
    `<nav aria-label="${e(html.contents)}"><ul class="toc">${sections.map(([id, text]) => `<li><a href="#${id}">${e(text)}</a></li>`).join("")}</ul></nav>`,
    "</header>",
    "<main>",
  );
  append(out, summarySection(ctx));
  append(out, matrixSection(ctx));
  append(out, evidenceSection(ctx));
  append(out, methodSection(ctx));
  append(out, comparisonSection(ctx));
  append(out, regionPlansSection(ctx));
  append(out, sourcesSection(ctx));
  out.push("</main>");
  out.push(`<footer class="colophon"><p>${e(html.generatedBy)} · ${e(words.dataVersion)} <code>${e(coverage.study.dataVersion)}</code></p></footer>`);
  out.push(
    `<dialog id="evidence-dialog" aria-labelledby="evidence-dialog-title">`,
    `<div class="dialog-head"><h2 id="evidence-dialog-title" tabindex="-1"></h2><button type="button" class="close" data-close>${e(html.close)}</button></div>`,
    `<div id="evidence-dialog-body" class="dialog-body"></div>`,
    "</dialog>",
  );
  out.push(`<script>${HTML_SCRIPT}</script>`, "</body>", "</html>");
  return out.join("\n") + "\n";
}

function summarySection(ctx: Ctx): string[] {
  const { study, coverage, lang, html, words } = ctx;
  const counts = VERDICTS.map((verdict) => [verdict, coverage.topics.filter((t) => t.verdict === verdict).length] as const);
  return [
    '<section aria-labelledby="summary">',
    `<h2 id="summary">${e(html.summary)}</h2>`,
    `<p><strong>${e(words.question)}:</strong> ${e(study.study.question.replace(/\s+/g, " ").trim())}</p>`,
    `<ul class="counts">${counts.map(([verdict, n]) => `<li class="count verdict-${verdict}"><span class="sym" aria-hidden="true">${VERDICT_SYMBOLS[verdict]}</span> <span class="n">${n}</span> ${e(VERDICT_LABELS[lang][verdict])}</li>`).join("")}</ul>`,
    `<p>${e(summaryLine(coverage, lang))}</p>`,
    "</section>",
  ];
}

function levelCell(score: number | null, ctx: Ctx, prefix = ""): { level: string; content: string } {
  const level = levelOf(score, ctx.coverage.rules);
  // Unknown has no number: its symbol and word say it.
  const number = score === null ? "" : ` <span class="num">${prefix}${formatScore(score)}</span>`;
  return {
    level,
    content: `<span class="line"><span class="sym" aria-hidden="true">${LEVEL_SYMBOLS[level]}</span>${number}</span> <span class="word">${e(LEVEL_LABELS[ctx.lang][level])}</span>`,
  };
}

function matrixSection(ctx: Ctx): string[] {
  const { coverage, lang, html, words } = ctx;
  const cols = columns(ctx);
  const out: string[] = [];
  out.push('<section class="matrix-section" aria-labelledby="matrix-heading">', `<h2 id="matrix-heading" tabindex="-1">${e(words.matrix)}</h2>`);
  out.push(`<p class="hint js-only">${e(html.matrixHint)}</p>`, `<p class="hint no-js">${e(html.matrixHintNoScript)}</p>`);
  append(out, filterForm(ctx));
  out.push(`<p id="filter-status" class="status js-only" role="status" data-template="${e(html.status)}" data-none="${e(html.noneShown)}"></p>`);
  out.push('<div class="table-scroll">');
  out.push(`<table id="matrix" class="matrix">`);
  out.push(`<caption class="visually-hidden">${e(html.matrixCaption)}</caption>`);
  out.push(
    `<thead><tr><th scope="col" class="topic-col">${e(WORDS[lang].topic!)}</th>${cols.map((c) => `<th scope="col" data-col="${c.key}">${e(c.heading)}</th>`).join("")}</tr></thead>`,
  );
  for (const category of CATEGORIES) {
    const rows = coverage.topics.filter((t) => t.category === category);
    if (rows.length === 0) continue;
    out.push(`<tbody data-category="${category}">`);
    out.push(`<tr class="category-row"><th scope="rowgroup" colspan="${cols.length + 1}">${e(CATEGORY_LABELS[lang][category])}</th></tr>`);
    for (const topic of rows) out.push(matrixRow(ctx, topic));
    out.push("</tbody>");
  }
  out.push("</table>", "</div>");
  append(out, legend(ctx));
  out.push("</section>");
  return out;
}

function matrixRow(ctx: Ctx, topic: TopicCoverage): string {
  const { coverage, lang, words } = ctx;
  const cells: string[] = [];
  const link = (col: string, part: string, content: string) => `<a class="cell" href="#${partId(topic, part)}" data-col="${col}">${content}</a>`;
  cells.push(`<th scope="row" class="topic-cell">${link("topic", "head", `<span class="label">${e(label(topic, lang))}</span>`)}</th>`);
  for (const accord of coverage.accords) {
    const { level, content } = levelCell(ownValue(topic.national.accords, accord.id) ?? 0, ctx);
    cells.push(`<td class="level level-${level}">${link(accordKey(accord.id), accordKey(accord.id), content)}</td>`);
  }
  const regional = topic.regional;
  const regionalCell = levelCell(regional.score, ctx, regional.estimate && regional.score !== null ? `<abbr title="${e(ctx.html.estimate)}">~</abbr>` : "");
  cells.push(`<td class="level level-${regionalCell.level}">${link("regional", "regional", regionalCell.content)}</td>`);
  const letters = GROUPS.map((g) =>
    topic.demand.groups.includes(g) ? `<abbr title="${e(GROUP_LABELS[lang][g])}">${GROUP_LETTERS[g]}</abbr>` : '<span aria-hidden="true">·</span>',
  ).join("");
  const groupsText =
    topic.demand.groups.length === 0
      ? `<span class="visually-hidden">${e(words.notMentioned)}</span>`
      : `<span class="visually-hidden">${e(topic.demand.groups.map((g) => GROUP_LABELS[lang][g]).join(", "))}</span>`;
  cells.push(
    `<td class="demand">${link("demand", "demand", `<span class="letters" aria-hidden="true">${letters}</span><span class="num">${topic.demand.groups.length}</span>${groupsText}`)}</td>`,
  );
  const gap = topic.gap && topic.verdict !== "witte-vlek" ? ` <span class="gap">(${e(GAP_LABELS[lang][topic.gap])})</span>` : "";
  const decision = topic.disposition ? `<span class="decision">${e(words.decision)}: ${e(DECISION_LABELS[lang][topic.disposition.decision])}</span>` : "";
  cells.push(
    `<td class="verdict verdict-${topic.verdict}">${link("verdict", "verdict", `<span class="line"><span class="sym" aria-hidden="true">${VERDICT_SYMBOLS[topic.verdict]}</span> <span class="word">${e(VERDICT_SHORT[lang][topic.verdict])}</span>${gap}</span>${decision}`)}</td>`,
  );
  const reference = topic.reference
    ? topic.reference.agrees
      ? `<span class="line"><span class="sym" aria-hidden="true">=</span> ${e(WORDS[lang].agrees!)}</span>`
      : `<span class="line"><span class="sym" aria-hidden="true">≠</span> <strong>${e(WORDS[lang].differs!)}</strong></span>`
    : `<span class="line"><span class="sym" aria-hidden="true">—</span></span><span class="visually-hidden">${e(ctx.html.noConclusion)}</span>`;
  cells.push(`<td class="report">${link("report", "report", reference)}</td>`);
  return `<tr ${filterAttributes(topic)}>${cells.join("")}</tr>`;
}

function filterForm(ctx: Ctx): string[] {
  const { coverage, study, lang, html } = ctx;
  const select = (name: string, text: string, options: [string, string][]) =>
    `<div class="filter"><label for="filter-${name}">${e(text)}</label><select id="filter-${name}" name="${name}"><option value="">${e(html.all)}</option>${options.map(([value, shown]) => `<option value="${value}">${e(shown)}</option>`).join("")}</select></div>`;
  const categories = CATEGORIES.filter((c) => coverage.topics.some((t) => t.category === c));
  return [
    `<form id="filters" class="filters" hidden aria-label="${e(html.filters)}">`,
    select(
      "category",
      html.category,
      categories.map((c) => [c, CATEGORY_LABELS[lang][c]]),
    ),
    select(
      "verdict",
      html.verdict,
      VERDICTS.map((v) => [v, `${VERDICT_SYMBOLS[v]} ${VERDICT_LABELS[lang][v]}`]),
    ),
    select(
      "accord",
      html.accord,
      coverage.accords.map((a) => [accordKey(a.id), fillIn(html.accordFilterOption, { name: study.accords.find((x) => x.id === a.id)?.name ?? a.name })]),
    ),
    select(
      "group",
      html.group,
      GROUPS.map((g) => [g, fillIn(html.groupFilterOption, { name: GROUP_LABELS[lang][g] })]),
    ),
    `<button type="reset" class="reset">${e(html.reset)}</button>`,
    "</form>",
  ];
}

function legend(ctx: Ctx): string[] {
  const { coverage, lang, words, html } = ctx;
  const t = coverage.rules.national_threshold;
  const ranges: Record<string, string> = {
    high: `≥ ${formatScore(t)}`,
    medium: `${formatScore(t / 2)}–${formatScore(t)}`,
    low: `> 0`,
    none: "0",
    unknown: PREVALENCE_LABELS[lang]["not-assessed"],
  };
  const levels = (["high", "medium", "low", "none", "unknown"] as const).map(
    (level) =>
      `<li><span class="swatch level-${level}"><span aria-hidden="true">${LEVEL_SYMBOLS[level]}</span> ${e(LEVEL_LABELS[lang][level])}</span> ${e(ranges[level]!)}</li>`,
  );
  const verdicts = VERDICTS.map(
    (v) =>
      `<li><span class="swatch verdict-${v}"><span aria-hidden="true">${VERDICT_SYMBOLS[v]}</span> ${e(VERDICT_SHORT[lang][v])}</span> ${e(VERDICT_LABELS[lang][v])}</li>`,
  );
  const groups = GROUPS.map((g) => `<li><span class="letter">${GROUP_LETTERS[g]}</span> ${e(GROUP_LABELS[lang][g])}</li>`);
  return [
    `<div class="legend" role="group" aria-label="${e(WORDS[lang].legend!)}">`,
    `<div><h3>${e(words.levelsHeading)}</h3><ul>${levels.join("")}</ul><p class="small">~ = ${e(words.estimateNote)}</p></div>`,
    `<div><h3>${e(words.verdictHeading)}</h3><ul>${verdicts.join("")}</ul></div>`,
    `<div><h3>${e(words.demandHeading)}</h3><ul>${groups.join("")}</ul><p class="small">· = ${e(words.notMentioned)}</p></div>`,
    `<p class="small legend-note">${e(html.notesOnReading)}</p>`,
    "</div>",
  ];
}

/** A source as HTML: the document (a link to its entry under Sources), section, page and slide. */
function sourceHtml(ctx: Ctx, source: Source, extra = ""): string {
  const known = ctx.study.study.documents.some((d) => d.id === source.doc);
  const doc = known ? `<a href="#doc-${htmlToken(source.doc)}">${e(source.doc)}</a>` : e(source.doc);
  const parts = [doc];
  if (source.section !== undefined) parts.push(`“${e(source.section)}”`);
  if (source.page !== undefined) parts.push(`${e(ctx.html.pageAbbrev)} ${e(String(source.page))}`);
  if (source.slide !== undefined) parts.push(`${e(ctx.html.slide)} ${source.slide}`);
  return `<p class="source">${e(ctx.words.source)}: ${parts.join(", ")}${extra}</p>`;
}

function quoteHtml(text: string, attribution = ""): string {
  return `<blockquote><p>“${e(text.trim())}”${attribution ? ` <span class="by">— ${attribution}</span>` : ""}</p></blockquote>`;
}

function evidenceSection(ctx: Ctx): string[] {
  const { coverage, lang, html } = ctx;
  const out: string[] = ['<section aria-labelledby="evidence">', `<h2 id="evidence">${e(html.evidence)}</h2>`, `<p>${e(html.evidenceIntro)}</p>`];
  for (const category of CATEGORIES) {
    const topics = coverage.topics.filter((t) => t.category === category);
    if (topics.length === 0) continue;
    out.push(
      `<section class="evidence-category" data-category="${category}" aria-labelledby="evidence-${category}">`,
      `<h3 id="evidence-${category}">${e(CATEGORY_LABELS[lang][category])}</h3>`,
    );
    for (const topic of topics) append(out, topicEvidence(ctx, topic));
    out.push("</section>");
  }
  out.push("</section>");
  return out;
}

function topicEvidence(ctx: Ctx, topic: TopicCoverage): string[] {
  const { lang, words, html, coverage } = ctx;
  const gap = topic.gap ? ` — ${e(words.gap)}: ${e(GAP_LABELS[lang][topic.gap])}` : "";
  const out: string[] = [];
  out.push(`<details class="topic" id="${topicId(topic)}" ${filterAttributes(topic)}>`);
  out.push(
    `<summary><span class="badge verdict-${topic.verdict}"><span aria-hidden="true">${VERDICT_SYMBOLS[topic.verdict]}</span> ${e(VERDICT_SHORT[lang][topic.verdict])}</span> <span class="label">${e(label(topic, lang))}</span> <code>${e(topic.id)}</code></summary>`,
  );
  out.push('<div class="evidence">');
  const regionalScore = topic.regional.score === null ? e(html.notAssessed) : `${topic.regional.estimate ? "~" : ""}${formatScore(topic.regional.score)}`;
  out.push(
    `<div class="part part-head" id="${partId(topic, "head")}" data-part="topic">`,
    `<p class="meta">${e(CATEGORY_LABELS[lang][topic.category])}${topic.indicator ? ` · ${e(html.indicatorLabel)}` : ""}</p>`,
    `<p class="figures"><span class="badge verdict-${topic.verdict}"><span aria-hidden="true">${VERDICT_SYMBOLS[topic.verdict]}</span> ${e(VERDICT_LABELS[lang][topic.verdict])}</span>${gap} · ${e(words.nationalLong)} ${formatScore(topic.national.score)} (${e(words.breadth)} ${topic.national.breadth}) · ${e(words.regionalLong)} ${regionalScore}${topic.required === null ? "" : ` (${e(words.required)} ${formatScore(topic.required)})`}</p>`,
    "</div>",
  );
  append(out, demandPart(ctx, topic));
  out.push(
    `<h4 class="group-heading">${e(html.nationalPerAccord)} — ${e(words.nationalShort)} ${formatScore(topic.national.score)}, ${e(words.breadth)} ${topic.national.breadth}</h4>`,
  );
  for (const accord of coverage.accords) append(out, accordPart(ctx, topic, accord.id, accord.name));
  append(out, screeningPart(ctx, topic));
  append(out, regionalPart(ctx, topic));
  out.push(
    `<div class="part" id="${partId(topic, "verdict")}" data-part="verdict"><h4>${e(html.rule)}</h4><ul>${topic.reasons.map((r) => `<li>${e(reasonText(r, lang))}</li>`).join("")}</ul></div>`,
  );
  append(out, reportPart(ctx, topic));
  out.push("</div>", "</details>");
  return out;
}

function demandPart(ctx: Ctx, topic: TopicCoverage): string[] {
  const { study, lang, words, html } = ctx;
  const out = [`<div class="part" id="${partId(topic, "demand")}" data-part="demand">`, `<h4>${e(html.demandInterviews)}</h4>`];
  if (topic.demand.themes.length === 0) out.push(`<p>${e(words.noTheme)}</p>`);
  for (const themeId of topic.demand.themes) {
    const theme = study.interviews.themes.find((t) => t.id === themeId);
    if (!theme) continue;
    out.push(
      `<p class="theme"><strong>${e(theme.title)}</strong> — ${e(theme.groups.map((g) => GROUP_LABELS[lang][g]).join(", "))}</p>`,
      `<p class="muted">${e(theme.summary.trim())}</p>`,
    );
    for (const quote of theme.quotes ?? []) {
      out.push(quoteHtml(quote.text, `${e(GROUP_LABELS[lang][quote.group])}${quote.speaker ? ` (${e(quote.speaker)})` : ""}`), sourceHtml(ctx, quote.source));
    }
    if ((theme.quotes ?? []).length === 0) out.push(sourceHtml(ctx, theme.source));
  }
  out.push("</div>");
  return out;
}

function accordPart(ctx: Ctx, topic: TopicCoverage, accordId: string, name: string): string[] {
  const { study, lang, words, html } = ctx;
  const score = ownValue(topic.national.accords, accordId) ?? 0;
  const level = levelOf(score, ctx.coverage.rules);
  const out = [
    `<div class="part" id="${partId(topic, accordKey(accordId))}" data-part="${accordKey(accordId)}">`,
    `<h5><span class="swatch level-${level}"><span aria-hidden="true">${LEVEL_SYMBOLS[level]}</span> ${formatScore(score)} ${e(LEVEL_LABELS[lang][level])}</span> ${e(name)}</h5>`,
  ];
  const evidence = topic.national.actions.filter((a) => a.accord === accordId);
  if (evidence.length === 0) out.push(`<p>${e(words.noActionIn)} ${e(name)}.</p>`);
  const accord = study.accords.find((a) => a.id === accordId);
  for (const item of evidence) {
    const action = accord?.actions.find((a) => a.id === item.action);
    out.push(
      `<p class="action-head">${formatScore(item.score)} · ${e(STRENGTH_LABELS[lang][item.strength])} · ${e(SCOPE_LABELS[lang][item.scope])} — <code>${e(item.action)}</code></p>`,
    );
    if (!action) continue;
    out.push(quoteHtml(action.text));
    out.push(sourceHtml(ctx, action.source, action.attribution === "inferred" ? ` — ${e(words.columnInferred)}` : ""));
    if (action.period) {
      const where = `${e(action.period.source.doc)}${action.period.source.page !== undefined ? ` ${e(html.pageAbbrev)} ${e(String(action.period.source.page))}` : ""}`;
      out.push(`<p class="small">${e(html.period)}: ${e(formatPeriod(action.period))} (“${e(action.period.quote)}”, ${where})</p>`);
    }
    if (action.note) out.push(`<p class="small">${e(html.note)}: ${e(action.note)}</p>`);
  }
  out.push("</div>");
  return out;
}

function screeningPart(ctx: Ctx, topic: TopicCoverage): string[] {
  const { study, lang, html } = ctx;
  const screening = ownValue(study.screening, topic.id);
  if (!screening) return [];
  const linked = screening.candidates.filter((c) => c.decision === "linked").length;
  const reasons = EXCLUSION_REASONS.map((r) => [r, screening.candidates.filter((c) => c.reason === r).length] as const).filter(([, n]) => n > 0);
  const line = fillIn(html.screeningLine, { documents: e(screening.documents.join(", ")), judged: screening.candidates.length, linked });
  const excluded = reasons.length > 0 ? `; ${e(html.excluded)}: ${reasons.map(([r, n]) => `${n} ${e(EXCLUSION_LABELS[lang][r])}`).join(", ")}` : "";
  return [`<div class="part" id="${partId(topic, "screening")}" data-part="screening"><h5>${e(html.screening)}</h5><p>${line}${excluded}.</p></div>`];
}

function regionalPart(ctx: Ctx, topic: TopicCoverage): string[] {
  const { study, lang, words, html } = ctx;
  const regional = topic.regional;
  const { level, content } = levelCell(regional.score, ctx, regional.estimate && regional.score !== null ? "~" : "");
  const out = [
    `<div class="part" id="${partId(topic, "regional")}" data-part="regional">`,
    `<h4>${e(html.regional)} <span class="swatch level-${level}">${content}</span>${topic.required === null ? "" : ` <span class="small">(${e(words.required)} ${formatScore(topic.required)})</span>`}</h4>`,
  ];
  const finding = ownValue(study.sample?.findings, topic.id);
  if (finding && study.sample) {
    const share = regional.sample?.share;
    const shareText = share === null || share === undefined ? "" : ` → ${formatScore(share)}`;
    out.push(
      `<p><strong>${e(words.sample)}</strong> (${study.sample.regions.length} ${e(words.regionPlans)}): ${e(PREVALENCE_LABELS[lang][finding.prevalence])}${shareText}${finding.evidence === "indirect" ? ` (${e(words.indirect)})` : ""}</p>`,
    );
    if (finding.quote) out.push(quoteHtml(finding.quote));
    out.push(sourceHtml(ctx, finding.source));
    for (const other of finding.conflicting ?? []) {
      out.push(
        `<p class="small"><strong>${e(words.conflicting)}</strong> (${e(PREVALENCE_LABELS[lang][other.prevalence])}):</p>`,
        quoteHtml(other.quote),
        sourceHtml(ctx, other.source),
      );
    }
    if (finding.note) out.push(`<p class="small">${e(html.note)}: ${e(finding.note)}</p>`);
  } else if (regional.plans.length === 0) {
    out.push(`<p>${e(words.noRegionalFinding)}</p>`);
  } else {
    out.push(`<p>${e(html.noSampleFinding)}</p>`);
  }
  // As in the PDF: the counts of all statuses, then the first plans (assessed first).
  const { listed, counts, more, capped } = plansToList(regional.plans);
  if (capped) {
    out.push(
      `<p><strong>${regional.plans.length} ${e(words.regionPlans)}</strong>: ${counts.map(([status, n]) => `${n} ${e(PLAN_STATUS_LABELS[lang][status])}`).join(", ")}</p>`,
    );
  }
  for (const plan of listed) {
    const counted = plan.score === null ? ` — ${e(words.notCounted)}` : ` → ${formatScore(plan.score)}`;
    const general = plan.scope === "general" ? ` (${e(lang === "nl" ? "alle leeftijden" : "all ages")})` : "";
    out.push(
      `<p><strong>${e(words.regionPlan)} ${e(plan.region)}</strong>: ${e(PLAN_STATUS_LABELS[lang][plan.status])}${plan.indirect ? ` (${e(words.indirect)})` : ""}${general}${counted}</p>`,
    );
    for (const passage of plan.passages) {
      out.push(quoteHtml(passage.quote));
      out.push(
        `<p class="source">${e(words.source)}: ${e(passage.doc ?? plan.file)}${passage.page !== null ? `, ${e(html.pageAbbrev)} ${e(String(passage.page))}` : ""}</p>`,
      );
    }
    if (plan.passages.length === 0) out.push(`<p class="source">${e(words.source)}: ${e(plan.file)}</p>`);
    if (plan.note) out.push(`<p class="small">${e(html.note)}: ${e(plan.note)}</p>`);
  }
  if (more > 0) out.push(`<p class="small">… ${more} ${e(lang === "nl" ? "meer" : "more")}: <code>dekking explain ${e(topic.id)}</code></p>`);
  out.push("</div>");
  return out;
}

function reportPart(ctx: Ctx, topic: TopicCoverage): string[] {
  const { study, lang, words, html } = ctx;
  const out = [`<div class="part" id="${partId(topic, "report")}" data-part="report">`];
  const reference = ownValue(study.reference, topic.id);
  if (reference && topic.reference) {
    out.push(
      `<h4>${e(words.reportConclusion)}: ${e(REFERENCE_LABELS[lang][reference.conclusion])} — ${topic.reference.agrees ? e(words.agreesLong) : `<strong>${e(words.differsLong)}</strong>`}</h4>`,
    );
    out.push(quoteHtml(reference.quote), sourceHtml(ctx, reference.source));
    if (reference.note) out.push(`<p class="small">${e(html.note)}: ${e(reference.note)}</p>`);
  } else {
    out.push(`<h4>${e(words.reportConclusion)}</h4>`, `<p>${e(words.noReference)}</p>`);
  }
  const disposition = ownValue(study.dispositions, topic.id);
  if (disposition) {
    out.push(
      `<h4>${e(words.decision)}: ${e(DECISION_LABELS[lang][disposition.decision])}${disposition.decided_by ? ` (${e(words.decidedBy)} ${e(disposition.decided_by)})` : ""}</h4>`,
    );
    out.push(`<p>${e(disposition.rationale.trim())}</p>`, quoteHtml(disposition.quote), sourceHtml(ctx, disposition.source));
  } else {
    out.push(`<h4>${e(words.decision)}</h4>`, `<p>${e(html.noDecision)}</p>`);
  }
  out.push("</div>");
  return out;
}

function methodSection(ctx: Ctx): string[] {
  const { study, coverage, lang, words, html } = ctx;
  const nl = lang === "nl";
  const rules = coverage.rules;
  const text = nl
    ? `Vraag: de respondentgroepen die een onderwerp in de interviews noemen. Landelijk: per akkoord de sterkste actie (maatregel ${rules.strength_scores.measure}, afspraak ${rules.strength_scores.agreement}, noemen ${rules.strength_scores.mention}; × ${rules.general_scope_factor} als de actie alleen een bredere doelgroep noemt), het maximum over de akkoorden. Regionaal: het aandeel regioplannen (steekproef) of de score per beoordeeld regioplan; indirect bewijs × ${rules.indirect_factor}; onbekend telt als niet gedekt. Vereiste regionale dekking: ${rules.required_coverage.one_group} bij één groep, ${rules.required_coverage.two_or_more_groups} bij twee of meer. Witte vlek: landelijk < ${rules.national_threshold} én regionaal < ${rules.white_spot_regional_threshold}; mogelijke witte vlek: landelijk < ${rules.national_threshold} of regionaal < vereist.`
    : `Demand: the respondent groups that raise a topic in the interviews. National: per accord the strongest action (measure ${rules.strength_scores.measure}, agreement ${rules.strength_scores.agreement}, mention ${rules.strength_scores.mention}; × ${rules.general_scope_factor} when the action reaches only a broader population), the maximum over the accords. Regional: the share of region plans (sample) or the score per assessed plan; indirect evidence × ${rules.indirect_factor}; unknown counts as not covered. Required regional coverage: ${rules.required_coverage.one_group} for one group, ${rules.required_coverage.two_or_more_groups} for two or more. White spot: national < ${rules.national_threshold} and regional < ${rules.white_spot_regional_threshold}; possible white spot: national < ${rules.national_threshold} or regional < required.`;
  const out = ['<section aria-labelledby="method">', `<h2 id="method">${e(words.method)}</h2>`, `<p>${e(text)}</p>`];
  const { rows, totals } = summariseScreening(study);
  if (rows.length > 0) {
    const reasons = EXCLUSION_REASONS.filter((r) => totals.excluded[r] > 0);
    out.push(`<h3>${e(nl ? "Bewijs en screening" : "Evidence and screening")}</h3>`);
    out.push(`<p>${fillIn(e(html.screeningTotals), { documents: e(totals.documents.join(", ")), screened: totals.screened, linked: totals.linked })}</p>`);
    out.push('<div class="table-scroll">', `<table class="plain numbers"><caption class="visually-hidden">${e(html.screening)}</caption>`);
    out.push(
      `<thead><tr><th scope="col">${e(WORDS[lang].topic!)}</th><th scope="col">${e(html.read)}</th><th scope="col">${e(html.linked)}</th>${reasons.map((r) => `<th scope="col">${e(EXCLUSION_LABELS[lang][r])}</th>`).join("")}</tr></thead><tbody>`,
    );
    for (const row of rows) {
      const topic = coverage.topics.find((t) => t.id === row.topic);
      const name = topic ? label(topic, lang) : row.label;
      out.push(
        `<tr><th scope="row">${e(name)}</th><td>${row.screened}</td><td>${row.linked}</td>${reasons.map((r) => `<td>${row.excluded[r]}</td>`).join("")}</tr>`,
      );
    }
    out.push(
      `</tbody><tfoot><tr><th scope="row">${e(html.total)}</th><td>${totals.screened}</td><td>${totals.linked}</td>${reasons.map((r) => `<td>${totals.excluded[r]}</td>`).join("")}</tr></tfoot></table>`,
      "</div>",
    );
  }
  out.push("</section>");
  return out;
}

function comparisonSection(ctx: Ctx): string[] {
  const { coverage, lang, words } = ctx;
  const compared = coverage.topics.filter((t) => t.reference);
  const out = ['<section aria-labelledby="comparison">', `<h2 id="comparison">${e(words.comparison)}</h2>`];
  if (compared.length === 0) {
    out.push(`<p>${e(words.noReferences)}</p>`, "</section>");
    return out;
  }
  out.push('<div class="table-scroll">', `<table class="plain"><caption class="visually-hidden">${e(words.comparison)}</caption>`);
  out.push(
    `<thead><tr><th scope="col">${e(WORDS[lang].topic!)}</th><th scope="col">${e(WORDS[lang].report!)}</th><th scope="col">${e(words.computedVerdict)}</th><th scope="col">${e(words.comparisonResult)}</th></tr></thead><tbody>`,
  );
  for (const topic of compared) {
    const agrees = topic.reference!.agrees;
    out.push(
      `<tr><th scope="row"><a href="#${topicId(topic)}">${e(label(topic, lang))}</a></th><td>${e(REFERENCE_LABELS[lang][topic.reference!.conclusion])}</td><td><span aria-hidden="true">${VERDICT_SYMBOLS[topic.verdict]}</span> ${e(VERDICT_LABELS[lang][topic.verdict])}</td><td>${agrees ? `= ${e(words.agreesLong)}` : `≠ <strong>${e(words.differsLong)}</strong>`}</td></tr>`,
    );
  }
  out.push("</tbody></table>", "</div>", "</section>");
  return out;
}

/** The assessed region plans: per plan its title, assessor, completeness, participation and status counts. */
function regionPlansSection(ctx: Ctx): string[] {
  const { study, lang } = ctx;
  const nl = lang === "nl";
  const matrix = regionMatrix(study);
  if (matrix.plans.length === 0) return [];
  const heading = nl ? "Beoordeelde regioplannen" : "Assessed region plans";
  const out = [
    '<section aria-labelledby="region-plans">',
    `<h2 id="region-plans">${e(heading)}</h2>`,
    '<div class="table-scroll">',
    `<table class="plain"><caption class="visually-hidden">${e(heading)}</caption>`,
  ];
  out.push(
    `<thead><tr><th scope="col">${e(nl ? "Regio en plan" : "Region and plan")}</th><th scope="col">${e(nl ? "Beoordeeld" : "Assessed")}</th><th scope="col">${e(nl ? "Participatie (hoogste trede)" : "Participation (highest step)")}</th>${PLAN_STATUSES.map((status) => `<th scope="col">${e(PLAN_STATUS_LABELS[lang][status])}</th>`).join("")}</tr></thead><tbody>`,
  );
  for (const plan of matrix.plans) {
    const counts = planStatusCounts(matrix, plan);
    const groups = plan.participationGroups.map((g) => `${g.group}: ${g.level}`).join("; ");
    out.push(
      `<tr><th scope="row">${e(plan.region)}<br><small>${e(plan.plan.title)}${plan.plan.year !== null ? ` (${plan.plan.year})` : ""}</small></th><td>${e(plan.assessedBy)}, ${e(plan.assessedOn)}; ${plan.assessed}/${plan.indicators}</td><td>${e(plan.participation ?? "—")}${groups ? `<br><small>${e(groups)}</small>` : ""}</td>${counts.map((n) => `<td>${n}</td>`).join("")}</tr>`,
    );
  }
  out.push("</tbody></table>", "</div>", "</section>");
  return out;
}

function sourcesSection(ctx: Ctx): string[] {
  const { study, lang, words } = ctx;
  const out = ['<section aria-labelledby="sources">', `<h2 id="sources">${e(words.sources)}</h2>`, '<ul class="sources">'];
  for (const document of study.study.documents) {
    const href = document.url ? htmlHref(document.url) : null;
    const url = document.url ? (href ? `, <a href="${href}" rel="noreferrer">${e(document.url)}</a>` : `, ${e(document.url)}`) : "";
    out.push(
      `<li id="doc-${htmlToken(document.id)}"><cite>${e(document.title)}</cite> (<code>${e(document.id)}</code>, ${e(DOCUMENT_KIND_LABELS[lang][document.kind])}${document.publisher ? `, ${e(document.publisher)}` : ""}${document.date ? `, ${e(document.date)}` : ""}${url})</li>`,
    );
  }
  out.push("</ul>", "</section>");
  return out;
}
