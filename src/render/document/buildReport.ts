// Builds the report document (see blocks.ts) from the study, its coverage, the timeline and
// the language: every section of the report, in order, for every format. Pure: no I/O, no
// escaping, no layout.

import { VERDICTS } from "../../analyse/coverage.js";
import { regionProfile } from "../../analyse/regionProfile.js";
import { bottleneckView, personaCoverage, personasInScope } from "../../analyse/personaCoverage.js";
import { timelineChanges, type Timeline } from "../../analyse/timeline.js";
import { summariseScreening } from "../../evidence/screeningSummary.js";
import type { Coverage } from "../../analyse/coverage.js";
import { EXCLUSION_REASONS, type PlanStatus, type Study } from "../../model.js";
import { ownValue } from "../../ownKeys.js";
import {
  categoryName,
  DECISION_LABELS,
  demandLetters,
  DOCUMENT_KIND_LABELS,
  EXCLUSION_LABELS,
  EXCLUSION_SHORT,
  formatDate,
  formatGroups,
  formatScore,
  groupLegend,
  groupName,
  LEVEL_LABELS,
  PLAN_STATUS_LABELS,
  reasonText,
  REFERENCE_LABELS,
  REPORT_WORDS,
  VERDICT_LABELS,
  VERDICT_SHORT,
  VERDICT_SYMBOLS,
  WORDS,
  type Lang,
} from "../../messages/labels.js";
import { PAGE_WORDS } from "../../messages/pageWords.js";
import { LEVEL_SYMBOLS, levelOf } from "../../analyse/levels.js";
import type { Level } from "../../analyse/levels.js";
import { CERTAINTY_WORDS, certaintyMethodRows, flipText, intervalText, isUncertain, priorityReason } from "../certaintyText.js";
import { plainSummary } from "../renderPlainSummary.js";
import { bottleneckIntro, needSentences, PERSONA_WORDS, topicName } from "../renderPersona.js";
import { summaryLine } from "../renderMatrixTable.js";
import { formatSource } from "../formatSource.js";
import { timelineChangeText } from "../renderTimeline.js";
import { orderedProfileTopics, profilePages } from "../renderRegionProfile.js";
import { MAX_PLANS_LISTED, PLAN_STATUSES, planStatusCounts, regionMatrix } from "../regionMatrix.js";
import { STATUS_LABELS, STATUS_SYMBOLS } from "../renderRegions.js";
import type { Block, Cell, LegendItem, ReportDocument, Row, Section, Tone } from "./blocks.js";
import {
  byPriority,
  documentAnchor,
  flaggedTopics,
  regionalScoreText,
  topicAnchor,
  topicLabel,
  verdictText,
  verdictTone,
  type BuildContext,
} from "./common.js";
import { methodText, REPORT_TEXT } from "../../messages/reportText.js";
import { topicEvidence, topicFacets } from "./topics.js";

export interface ReportOptions {
  lang: Lang;
  /** The date printed as "generated on". */
  generatedOn: Date;
  /** Coverage over time, for the section "Dekking in de tijd" (left out when absent). */
  timeline?: Timeline | undefined;
}

const LEVELS: readonly Level[] = ["high", "medium", "low", "none", "unknown"];

function plainSummarySection(ctx: BuildContext): Section {
  const summary = plainSummary(ctx.coverage, ctx.lang);
  const blocks: Block[] = [];
  for (const part of summary.sections) {
    blocks.push({ kind: "heading", text: part.heading });
    for (const block of part.blocks) {
      blocks.push(
        block.kind === "p" ? { kind: "paragraph", text: block.sentences.join(" "), style: "lead" } : { kind: "list", items: block.items, style: "lead" },
      );
    }
  }
  blocks.push({ kind: "paragraph", text: summary.provenance, style: "small" });
  return { id: "plain-summary", title: summary.title, blocks };
}

function screeningBlocks(ctx: BuildContext): Block[] {
  const { study, coverage, lang } = ctx;
  const text = REPORT_TEXT[lang];
  const blocks: Block[] = [
    { kind: "heading", text: text.screeningHeading },
    { kind: "paragraph", text: `${text.asOf} ${coverage.study.asOf}. ${text.evidenceView(coverage.study.evidence === "report" ? "report" : "all")}` },
  ];
  const { rows, totals } = summariseScreening(study);
  if (rows.length === 0) return [...blocks, { kind: "paragraph", text: text.noRegister }];
  const reasons = EXCLUSION_REASONS.filter((r) => totals.excluded[r] > 0);
  const number = (n: number): Cell => ({ text: String(n), align: "right" });
  const names = new Map(coverage.topics.map((t) => [t.id, topicLabel(t, lang)]));
  blocks.push({ kind: "paragraph", text: text.screeningIntro(totals.documents.join(", "), totals.screened, totals.linked) });
  blocks.push({
    kind: "table",
    caption: PAGE_WORDS[lang].screening,
    columns: [
      { header: WORDS[lang].topic! },
      { header: text.read, align: "right", width: "number" },
      { header: text.linked, align: "right", width: "number" },
      ...reasons.map((r) => ({ header: EXCLUSION_SHORT[lang][r], align: "right" as const, width: "number" as const })),
    ],
    rows: rows.map((row) => ({
      cells: [{ text: names.get(row.topic) ?? row.label }, number(row.screened), number(row.linked), ...reasons.map((r) => number(row.excluded[r]))],
    })),
    footer: [{ text: text.total }, number(totals.screened), number(totals.linked), ...reasons.map((r) => number(totals.excluded[r]))],
    rowHeaders: true,
    compact: true,
  });
  blocks.push({
    kind: "paragraph",
    text: `${text.excludedAs}: ${reasons.map((r) => `${EXCLUSION_SHORT[lang][r]} = ${EXCLUSION_LABELS[lang][r]}`).join(" · ")}.`,
    style: "small",
  });
  return blocks;
}

/** How reliable the coding is: per round of double coding, Cohen's κ per field and what reconciliation changed. */
function reliabilityBlocks(ctx: BuildContext): Block[] {
  const { study, lang } = ctx;
  const reliability = study.study.reliability;
  if (!reliability) return [];
  const text = REPORT_TEXT[lang];
  const columns = text.reliabilityColumns;
  const kappa = (value: number | undefined): string => (value === undefined ? "—" : value.toFixed(2));
  const weighted = (value: number | undefined, weight: number | undefined): string =>
    value === undefined ? "—" : `${kappa(value)}${weight === undefined ? "" : ` (${kappa(weight)})`}`;
  const name = (id: string): string =>
    study.accords.find((a) => a.id === id)?.name ?? study.regionPlans.find((p) => p.file === `regions/${id}.yaml`)?.region ?? id.toUpperCase();
  const target = kappa(reliability.target);
  const blocks: Block[] = [
    { kind: "heading", text: text.reliabilityHeading },
    { kind: "paragraph", text: text.reliabilityIntro(target, reliability.codebook) },
  ];
  for (const round of reliability.rounds) {
    const fields = ["links", "strength", "scope", "period", "status"] as const;
    const below = round.encodings.flatMap((e) =>
      fields.flatMap((field) =>
        e[field] !== undefined && e[field]! < reliability.target ? [`${name(e.encoding)} ${text.reliabilityChanged[field]} ${kappa(e[field])}`] : [],
      ),
    );
    const withChanges = round.encodings.some((e) => e.changed);
    blocks.push({ kind: "paragraph", text: text.reliabilityRound(round.round, formatDate(round.date, lang), round.blind, round.stage), style: "strong" });
    blocks.push({
      kind: "table",
      caption: text.reliabilityRound(round.round, formatDate(round.date, lang), round.blind, round.stage),
      columns: [
        { header: columns.encoding },
        { header: columns.links, align: "right", width: "number" },
        { header: columns.strength, align: "right", width: "number" },
        { header: columns.scope, align: "right", width: "number" },
        { header: columns.period, align: "right", width: "number" },
        { header: columns.status, align: "right", width: "number" },
        ...(withChanges ? [{ header: columns.changed }] : []),
      ],
      rows: round.encodings.map((e) => ({
        cells: [
          { text: name(e.encoding), note: `${e.units} ${columns.units.toLowerCase()}` },
          { text: kappa(e.links), align: "right" as const },
          { text: weighted(e.strength, e.strength_weighted), align: "right" as const },
          { text: kappa(e.scope), align: "right" as const },
          { text: kappa(e.period), align: "right" as const },
          { text: weighted(e.status, e.status_weighted), align: "right" as const },
          ...(withChanges
            ? [
                {
                  text: fields
                    .flatMap((field) => (e.changed?.[field] !== undefined ? [`${e.changed[field]} ${text.reliabilityChanged[field]}`] : []))
                    .join(", "),
                },
              ]
            : []),
        ],
      })),
      rowHeaders: true,
      compact: true,
    });
    blocks.push({ kind: "paragraph", text: below.length > 0 ? text.belowTarget(target, below.join(", ")) : text.allAtTarget(target), style: "small" });
  }
  return blocks;
}

function methodSection(ctx: BuildContext): Section {
  const { coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = methodText(
    coverage.rules,
    lang,
    coverage.accords.map((a) => a.name),
    coverage.study.regions,
    coverage.regionPlanCount,
    coverage.vocabulary.groups.map((g) => groupName(coverage.vocabulary, g.id, lang)),
  );
  const verdictOrder = ["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"] as const;
  const blocks: Block[] = [
    { kind: "paragraph", text: text.intro },
    { kind: "cards", cards: text.layers.map((layer) => ({ title: layer.title, text: layer.text, tone: "panel" as const })) },
    { kind: "heading", text: text.rulesHeading },
    {
      kind: "table",
      caption: text.rulesHeading,
      columns: [{ header: text.ruleColumns[0], width: "medium" }, { header: text.ruleColumns[1] }],
      rows: [...text.rules, ...certaintyMethodRows(coverage.rules, lang)].map(([rule, value]) => ({
        cells: [{ text: [{ text: rule, strong: true }] }, { text: value }],
      })),
      rowHeaders: true,
      compact: true,
    },
    { kind: "heading", text: text.verdictsHeading },
    ...text.verdicts.map((sentence, index): Block => ({ kind: "paragraph", text: sentence, tone: verdictTone(verdictOrder[index]!) })),
    { kind: "callout", title: text.unknownHeading, text: text.unknown, tone: "verdict-mogelijke-witte-vlek" },
    { kind: "paragraph", text: text.regionsLine, style: "small" },
    ...screeningBlocks(ctx),
    ...reliabilityBlocks(ctx),
  ];
  return { id: "method", title: words.method, blocks };
}

function legendBlock(ctx: BuildContext): Block {
  const { coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = REPORT_TEXT[lang];
  const t = coverage.rules.national_threshold;
  const ranges = text.legendRanges(formatScore(t / 2), formatScore(t));
  const rangeOf: Record<Level, string> = { high: `≥ ${formatScore(t)}`, medium: ranges.medium, low: ranges.low, none: "0", unknown: ranges.unknown };
  const items = (list: LegendItem[]): LegendItem[] => list;
  return {
    kind: "legend",
    title: WORDS[lang].legend!,
    lines: [
      {
        caption: words.levelsHeading,
        items: items(
          LEVELS.map((level) => ({
            tile: { tone: `level-${level}` as Tone, text: `${LEVEL_SYMBOLS[level]} ${LEVEL_LABELS[lang][level]}` },
            text: rangeOf[level],
          })),
        ),
      },
      { caption: "", items: [{ text: text.numbersNote }, { text: `~ = ${words.estimateNote}.` }] },
      {
        caption: words.verdictHeading,
        items: VERDICTS.map((verdict) => ({
          tile: { tone: verdictTone(verdict), text: `${VERDICT_SYMBOLS[verdict]} ${VERDICT_SHORT[lang][verdict]}` },
          text: VERDICT_LABELS[lang][verdict] === VERDICT_SHORT[lang][verdict] ? "" : VERDICT_LABELS[lang][verdict],
        })),
      },
      { caption: "", items: [{ text: text.gapNote(words.decisionNote) }] },
      {
        caption: words.demandHeading,
        items: [...groupLegend(ctx.coverage.vocabulary, lang).map((text) => ({ text })), { text: `· = ${words.notMentioned}` }],
      },
    ],
  };
}

function matrixSection(ctx: BuildContext): Section {
  const { study, coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const html = PAGE_WORDS[lang];
  const rules = coverage.rules;
  const scoreCell = (score: number | null, href: string, options: { estimate?: boolean } = {}): Cell => {
    const level = levelOf(score, rules);
    const number = score === null ? "—" : `${options.estimate ? "~" : ""}${formatScore(score)}`;
    return { text: `${LEVEL_SYMBOLS[level]} ${number}`, short: number, tone: `level-${level}`, align: "center", href, hidden: LEVEL_LABELS[lang][level] };
  };
  const rows: Row[] = [];
  const vocabulary = coverage.vocabulary;
  for (const { id: category } of vocabulary.categories) {
    const topics = coverage.topics.filter((t) => t.category === category);
    if (topics.length === 0) continue;
    rows.push({ group: categoryName(vocabulary, category, lang) });
    for (const topic of topics) {
      const reference = topic.reference;
      const cells: Cell[] = [
        { text: topicLabel(topic, lang), href: topicAnchor(topic.id, "topic") },
        ...coverage.accords.map((a) => scoreCell(ownValue(topic.national.accords, a.id) ?? 0, topicAnchor(topic.id, `a-${a.id}`))),
        scoreCell(topic.regional.score, topicAnchor(topic.id, "regional"), { estimate: topic.regional.estimate }),
        {
          text: demandLetters(vocabulary, topic.demand.groups, " "),
          tone: "demand",
          align: "center",
          href: topicAnchor(topic.id, "demand"),
          hidden: topic.demand.groups.length === 0 ? words.notMentioned : formatGroups(topic.demand.groups, vocabulary, lang),
        },
        {
          text: verdictText(topic, lang),
          tone: verdictTone(topic.verdict),
          href: topicAnchor(topic.id, "verdict"),
          ...(topic.disposition ? { note: `${words.decision.toLowerCase()}: ${DECISION_LABELS[lang][topic.disposition.decision]}` } : {}),
        },
        {
          text: reference ? (reference.agrees ? `= ${WORDS[lang].agrees!}` : [{ text: `≠ ${WORDS[lang].differs!}`, strong: true }]) : "—",
          align: "center",
          href: topicAnchor(topic.id, "report"),
          ...(reference ? {} : { hidden: html.noConclusion }),
        },
      ];
      rows.push({ cells, facets: topicFacets(topic) });
    }
  }
  const categories = vocabulary.categories.map((c) => c.id).filter((c) => coverage.topics.some((t) => t.category === c));
  const table: Block = {
    kind: "table",
    id: "matrix",
    caption: REPORT_TEXT[lang].matrixCaption,
    columns: [
      { header: WORDS[lang].topic!, key: "topic" },
      ...coverage.accords.map((a) => ({ header: a.name, align: "center" as const, width: "narrow" as const, key: `a-${a.id}` })),
      { header: WORDS[lang].regions!, align: "center", width: "number", key: "regional" },
      { header: WORDS[lang].demand!, align: "center", width: "number", key: "demand" },
      { header: WORDS[lang].verdict!, width: "medium", key: "verdict" },
      { header: WORDS[lang].report!, align: "center", width: "number", key: "report" },
    ],
    spans: coverage.accords.length > 0 ? [{ from: 1, to: coverage.accords.length, text: words.nationalPerAccord }] : [],
    rows,
    rowHeaders: true,
    continued: { caption: words.matrixContinued, group: words.continued },
    filters: [
      { name: "category", label: html.category, options: categories.map((c) => ({ value: c, label: categoryName(vocabulary, c, lang) })) },
      { name: "verdict", label: html.verdict, options: VERDICTS.map((v) => ({ value: v, label: `${VERDICT_SYMBOLS[v]} ${VERDICT_LABELS[lang][v]}` })) },
      {
        name: "accord",
        label: html.accord,
        options: coverage.accords.map((a) => ({
          value: `a-${a.id}`,
          label: html.accordFilterOption.replace("{name}", () => study.accords.find((x) => x.id === a.id)?.name ?? a.name),
        })),
      },
      {
        name: "group",
        label: html.group,
        options: vocabulary.groups.map((g) => ({ value: g.id, label: html.groupFilterOption.replace("{name}", () => groupName(vocabulary, g.id, lang)) })),
      },
    ],
  };
  return { id: "coverage-matrix", title: words.matrix, blocks: [{ kind: "paragraph", text: summaryLine(coverage, lang) }, legendBlock(ctx), table] };
}

function personaSections(ctx: BuildContext): Section[] {
  const { study, coverage, lang } = ctx;
  const w = PERSONA_WORDS[lang];
  const personas = personasInScope(study);
  return personas.map((persona, index) => {
    const view = personaCoverage(persona, coverage);
    const blocks: Block[] = [
      { kind: "heading", text: persona.heading },
      { kind: "quote", text: persona.description.replace(/\s+/g, " ").trim(), source: `${w.source}: ${formatSource(persona.source)}`, accent: true },
      { kind: "paragraph", text: `${w.inScope}: ${persona.reason.replace(/\s+/g, " ").trim()}` },
      { kind: "paragraph", text: REPORT_TEXT[lang].personaIntro },
    ];
    view.needs.forEach((need, needIndex) => {
      const sentences = needSentences(need, lang);
      blocks.push({ kind: "heading", text: `${needIndex + 1}. ${lang === "en" ? need.need.need_en : need.need.need}` });
      blocks.push({ kind: "paragraph", text: `${w.rests}: “${need.need.phrase}” (${w.judgement})`, style: "small" });
      blocks.push({
        kind: "table",
        caption: `${needIndex + 1}. ${lang === "en" ? need.need.need_en : need.need.need}`,
        columns: [
          { header: w.topic },
          ...coverage.accords.map((a) => ({ header: a.name, align: "right" as const, width: "narrow" as const })),
          { header: w.regions, align: "right", width: "number" },
          { header: w.verdict, width: "medium" },
        ],
        rows: need.topics.map((topic) => ({
          cells: [
            { text: topicName(topic, lang), href: topicAnchor(topic.id) },
            ...coverage.accords.map((a) => ({ text: formatScore(ownValue(topic.national.accords, a.id) ?? 0), align: "right" as const })),
            { text: regionalScoreText(topic, "—"), align: "right" },
            {
              text: verdictText(topic, lang),
              tone: verdictTone(topic.verdict),
              ...(topic.disposition ? { note: DECISION_LABELS[lang][topic.disposition.decision] } : {}),
            },
          ],
        })),
        rowHeaders: true,
      });
      blocks.push({ kind: "list", items: [sentences.covered, sentences.notCovered, ...(sentences.unjudged ? [sentences.unjudged] : [])] });
      blocks.push({ kind: "paragraph", text: `${w.note}: ${need.need.note.replace(/\s+/g, " ").trim()}`, style: "small" });
    });
    if (index === personas.length - 1) blocks.push(...bottleneckBlocks(ctx));
    return { id: `persona-${persona.id}`, title: `${w.eyesOf} ${persona.name}`, blocks };
  });
}

function bottleneckBlocks(ctx: BuildContext): Block[] {
  const { study, coverage, lang } = ctx;
  const w = PERSONA_WORDS[lang];
  const view = bottleneckView(study, coverage);
  if (view.rows.length === 0) return [];
  const names = new Map(coverage.topics.map((t) => [t.id, topicName(t, lang)]));
  const topicList = (ids: readonly string[]): string => (ids.length === 0 ? "0" : `${ids.length} — ${ids.map((id) => names.get(id) ?? id).join(", ")}`);
  return [
    { kind: "heading", text: w.bottlenecks },
    { kind: "paragraph", text: bottleneckIntro(view, lang) },
    {
      kind: "table",
      caption: w.bottlenecks,
      columns: [{ header: w.bottleneck, width: "wide" }, { header: w.themes, align: "right", width: "number" }, { header: w.flaggedTopics }],
      rows: [
        ...view.rows.map((row) => ({
          cells: [
            { text: lang === "en" ? row.bottleneck.label_en : row.bottleneck.label },
            { text: String(row.themes.length), align: "right" as const },
            { text: topicList(row.flaggedTopics) },
          ],
        })),
        { cells: [{ text: w.untagged }, { text: "" }, { text: topicList(view.untagged) }] },
      ],
      rowHeaders: true,
    },
  ];
}

function topicSections(ctx: BuildContext): { whiteSpots: Section; rest: Section | null } {
  const { coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = REPORT_TEXT[lang];
  const flagged = flaggedTopics(coverage);
  const others = coverage.topics.filter((t) => !flagged.includes(t));
  const whiteSpots: Section = {
    id: "white-spots",
    title: words.whiteSpots,
    blocks:
      flagged.length === 0
        ? [{ kind: "paragraph", text: words.noFlagged }]
        : [{ kind: "paragraph", text: text.whiteSpotsIntro(flagged.length) }, ...flagged.map((t): Block => ({ kind: "group", group: topicEvidence(ctx, t) }))],
  };
  const rest: Section = {
    id: "evidence",
    title: text.otherTopics,
    blocks: [{ kind: "paragraph", text: text.otherTopicsIntro(others.length) }, ...others.map((t): Block => ({ kind: "group", group: topicEvidence(ctx, t) }))],
  };
  return others.length > 0 ? { whiteSpots, rest } : { whiteSpots, rest: null };
}

function certaintySection(ctx: BuildContext): Section {
  const { coverage, lang } = ctx;
  const text = REPORT_TEXT[lang];
  const words = CERTAINTY_WORDS[lang];
  const rules = coverage.rules;
  const flagged = byPriority(coverage.topics);
  const blocks: Block[] = [
    { kind: "paragraph", text: text.certaintyIntro },
    { kind: "heading", text: text.priorityHeading },
    flagged.length === 0
      ? { kind: "paragraph", text: text.noneFlagged }
      : {
          kind: "list",
          ordered: true,
          items: flagged.map(
            (topic) => `${topicLabel(topic, lang)} — ${verdictText(topic, lang, "long")}. ${priorityReason(topic, rules, lang, coverage.vocabulary)}`,
          ),
        },
  ];
  for (const topic of flagged) {
    const regional = topic.regional;
    const state = `${topic.robust ? words.robust : `${words.sensitive} (!)`} · ${isUncertain(topic) ? `${words.uncertain} (±)` : words.certain}`;
    const marks: Extract<Block, { kind: "interval" }>["marks"] = [];
    if (topic.required !== null) marks.push({ value: topic.required, label: `${text.requiredMark} ${formatScore(topic.required)}`, tone: "accent" });
    marks.push({
      value: rules.white_spot_regional_threshold,
      label: `${text.whiteSpotMark} ${formatScore(rules.white_spot_regional_threshold)}`,
      tone: "verdict-witte-vlek",
    });
    const altParts = [`${text.regionalCoverage} ${intervalText(topic, lang)}`];
    if (topic.required !== null) altParts.push(`${text.requiredMark} ${formatScore(topic.required)}`);
    altParts.push(`${text.whiteSpotBelow} ${formatScore(rules.white_spot_regional_threshold)}`);
    const nationalText = `${text.national} ${formatScore(topic.national.score)} (${text.thresholdWord} ${formatScore(rules.national_threshold)})`;
    altParts.push(nationalText);
    blocks.push({ kind: "heading", text: `${topic.priority!.rank}. ${topicLabel(topic, lang)}` });
    blocks.push({
      kind: "paragraph",
      text: `${verdictText(topic, lang, "long")} — ${state} — ${text.regional} ${intervalText(topic, lang)}, ${text.national} ${formatScore(topic.national.score)}`,
      style: "small",
    });
    blocks.push({
      kind: "interval",
      alt: text.barAlt(altParts.join("; ")),
      low: regional.score === null ? null : (regional.interval?.low ?? regional.score),
      high: regional.score === null ? null : (regional.interval?.high ?? regional.score),
      point: regional.score,
      tone: verdictTone(topic.verdict),
      marks,
      scaleLabels: [0, 0.25, 0.5, 0.75, 1].map(formatScore),
      side: nationalText,
      empty: text.notAssessedBar,
    });
    if (regional.score !== null) {
      blocks.push({
        kind: "paragraph",
        text: `${text.pessimistic}: ${VERDICT_LABELS[lang][topic.verdictRange.pessimistic]} · ${text.optimistic}: ${VERDICT_LABELS[lang][topic.verdictRange.optimistic]}`,
        style: "small",
      });
    }
    if (topic.robust) blocks.push({ kind: "paragraph", text: text.noFlip, style: "small" });
    else
      blocks.push(
        { kind: "paragraph", text: text.flippedBy, style: "small" },
        { kind: "list", items: topic.flips.map((flip) => flipText(flip, lang)), style: "small" },
      );
  }
  return { id: "certainty", title: text.certaintyTitle, blocks };
}

function comparisonSection(ctx: BuildContext): Section {
  const { study, coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const compared = coverage.topics.filter((t) => t.reference !== null && ownValue(study.reference, t.id) !== undefined);
  if (compared.length === 0) return { id: "comparison", title: words.comparison, blocks: [{ kind: "paragraph", text: words.noReferences }] };
  const agreeing = compared.filter((t) => t.reference!.agrees).length;
  const blocks: Block[] = [
    { kind: "paragraph", text: REPORT_TEXT[lang].comparisonIntro(compared.length, agreeing) },
    {
      kind: "table",
      caption: words.comparison,
      columns: [
        { header: WORDS[lang].topic! },
        { header: words.reportConclusion, width: "medium" },
        { header: words.computedVerdict, width: "medium" },
        { header: words.comparisonResult, width: "number" },
      ],
      rows: compared.map((topic) => ({
        cells: [
          { text: topicLabel(topic, lang), href: topicAnchor(topic.id) },
          { text: REFERENCE_LABELS[lang][ownValue(study.reference, topic.id)!.conclusion] },
          { text: verdictText(topic, lang), tone: verdictTone(topic.verdict) },
          { text: topic.reference!.agrees ? `= ${words.agreesLong}` : [{ text: `≠ ${words.differsLong}`, strong: true }] },
        ],
      })),
      rowHeaders: true,
    },
    { kind: "heading", text: words.differences },
  ];
  const differing = compared.filter((t) => !t.reference!.agrees);
  if (differing.length === 0) blocks.push({ kind: "paragraph", text: words.noDifferences });
  for (const topic of differing) {
    const reference = ownValue(study.reference, topic.id)!;
    blocks.push({
      kind: "group",
      group: {
        id: `difference-${topic.id}`,
        title: topicLabel(topic, lang),
        blocks: [
          { kind: "paragraph", text: `${words.reportConclusion}: ${REFERENCE_LABELS[lang][reference.conclusion]}`, style: "strong" },
          { kind: "quote", text: reference.quote },
          { kind: "paragraph", text: `${words.computedVerdict}: ${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_SHORT[lang][topic.verdict]}`, style: "strong" },
          { kind: "list", items: topic.reasons.map((reason) => reasonText(reason, lang, coverage.vocabulary)) },
        ],
      },
    });
  }
  return { id: "comparison", title: words.comparison, blocks };
}

const STATUS_TONES: Record<PlanStatus, Tone> = { concrete: "status-concrete", ambition: "status-ambition", absent: "status-absent", unknown: "status-unknown" };

function regionsSection(ctx: BuildContext): Section | null {
  const { study, coverage, lang } = ctx;
  if (study.regionPlans.length === 0) return null;
  const text = REPORT_TEXT[lang];
  const matrix = regionMatrix(study);
  const statuses = PLAN_STATUSES.map((s) => `${STATUS_SYMBOLS[s]} ${STATUS_LABELS[lang][s]}`).join(", ");
  const statusColumns = PLAN_STATUSES.map((status) => ({
    header: `${STATUS_SYMBOLS[status]} ${STATUS_LABELS[lang][status]}`,
    align: "right" as const,
    width: "number" as const,
  }));
  const countCell = (count: number, status: PlanStatus): Cell => ({
    text: String(count),
    align: "right",
    ...(count > 0 ? { tone: STATUS_TONES[status] } : {}),
  });
  const blocks: Block[] = [
    { kind: "paragraph", text: text.regionsIntro(matrix.plans.length, statuses) },
    {
      kind: "table",
      caption: text.regionsTitle,
      columns: [
        { header: text.regionAndPlan },
        { header: text.participation, width: "medium" },
        { header: text.assessed, align: "right", width: "number" },
        ...statusColumns,
      ],
      rows: matrix.plans.map((plan) => {
        const groups = plan.participationGroups.map((g) => `${g.group}: ${g.level}`).join("; ");
        return {
          cells: [
            {
              text: plan.region,
              note: `${plan.plan.title}${plan.plan.year !== null ? ` (${plan.plan.year})` : ""}${plan.inSample ? "" : ` — ${text.outsideSample}`}`,
            },
            { text: plan.participation ?? "—", ...(groups ? { note: groups } : {}) },
            {
              text: `${plan.assessed}/${plan.indicators} (${Math.round(plan.completeness * 100)}%)`,
              align: "right",
              note: `${plan.assessedBy}, ${plan.assessedOn}`,
            },
            ...planStatusCounts(matrix, plan).map((count, i) => countCell(count, PLAN_STATUSES[i]!)),
          ],
        };
      }),
      rowHeaders: true,
    },
    { kind: "heading", text: text.perIndicator },
    {
      kind: "table",
      caption: text.perIndicator,
      columns: [{ header: text.indicator }, ...statusColumns],
      rows: matrix.rows.map((row) => ({
        cells: [
          { text: lang === "en" && row.labelEn ? row.labelEn : row.label },
          ...PLAN_STATUSES.map((status) => countCell(matrix.plans.filter((plan) => ownValue(plan.cells, row.id)?.status === status).length, status)),
        ],
      })),
      rowHeaders: true,
      compact: true,
    },
  ];
  // A profile per assessed plan, in the region table's order; at scale the first ones, and
  // `dekking region show` for the rest, so a report of 1,000 plans does not hold 1,000 profiles.
  const profiled = matrix.plans.slice(0, MAX_PLANS_LISTED);
  for (const row of profiled) {
    const plan = study.regionPlans.find((p) => p.file === row.file);
    if (plan) blocks.push(...regionProfileBlocks(ctx, regionProfile(plan, coverage)));
  }
  if (matrix.plans.length > profiled.length) blocks.push({ kind: "paragraph", text: text.moreProfiles(matrix.plans.length - profiled.length), style: "small" });
  return { id: "regions", title: text.regionsTitle, blocks };
}

/** Other plans named in a profile's row; beyond this many, their statuses are counted. */
const MAX_OTHER_PLANS_NAMED = 3;

/**
 * The other assessed plans' word on a topic: by name when there are a few, else the count per
 * status, so a report of many plans does not repeat every plan in every row of every profile.
 */
function otherPlansText(others: readonly { region: string; status: Exclude<PlanStatus, "unknown"> }[], lang: Lang): string {
  if (others.length === 0) return "—";
  if (others.length <= MAX_OTHER_PLANS_NAMED) return others.map((o) => `${o.region} ${PLAN_STATUS_LABELS[lang][o.status]}`).join(", ");
  return PLAN_STATUSES.flatMap((status) => {
    const n = others.filter((o) => o.status === status).length;
    return n > 0 ? [`${n} ${PLAN_STATUS_LABELS[lang][status]}`] : [];
  }).join(", ");
}

/** One assessed plan's profile (the report's form of `dekking region show`): per topic with demand, and its plan-gaps. */
function regionProfileBlocks(ctx: BuildContext, profile: ReturnType<typeof regionProfile>): Block[] {
  const { coverage, lang } = ctx;
  const words = REPORT_TEXT[lang];
  const columns = words.profileColumns;
  const gaps = profile.topics.filter((t) => t.flags.includes("plan-gap"));
  const planLine = [profile.plan.title, profile.plan.year !== undefined ? String(profile.plan.year) : "", profile.plan.document ?? ""]
    .filter(Boolean)
    .join(" · ");
  const blocks: Block[] = [
    { kind: "paragraph", text: `${planLine} · ${profile.file} · ${words.asOf.toLowerCase()} ${profile.asOf}`, style: "small" },
    {
      kind: "paragraph",
      text: words.planGaps(
        gaps.map((t) => topicLabel(t, lang)),
        formatScore(coverage.rules.national_threshold),
      ),
    },
  ];
  if (profile.topics.length > 0)
    blocks.push({
      kind: "table",
      caption: `${words.regionProfile}: ${profile.region}`,
      columns: [
        { header: WORDS[lang].topic! },
        { header: columns.askedBy, width: "medium" },
        { header: columns.plan, width: "number" },
        { header: columns.evidence, width: "number" },
        { header: columns.national, align: "right", width: "number" },
        { header: columns.others, width: "medium" },
        { header: columns.flag, width: "number" },
      ],
      rows: orderedProfileTopics(profile).map((topic) => ({
        cells: [
          { text: topicLabel(topic, lang), href: topicAnchor(topic.id) },
          { text: formatGroups(topic.groups, coverage.vocabulary, lang) },
          {
            text: `${PLAN_STATUS_LABELS[lang][topic.status]}${topic.scope === "general" ? `, ${words.allInhabitants}` : ""}`,
            tone: STATUS_TONES[topic.status],
          },
          { text: profilePages(topic, profile.plan.document) || "—" },
          { text: `${formatScore(topic.national.score)}${topic.national.commits ? " ≥ " : " < "}${formatScore(topic.national.threshold)}`, align: "right" },
          { text: otherPlansText(topic.others, lang) },
          topic.flags.length > 0 ? { text: [{ text: topic.flags.join(", "), strong: true }], tone: "verdict-witte-vlek" } : { text: "—" },
        ],
      })),
      rowHeaders: true,
      compact: true,
    });
  if (profile.unassessed.length > 0) {
    blocks.push({
      kind: "paragraph",
      text: `${words.profileUnassessed}: ${profile.unassessed.map((u) => topicLabel(u, lang)).join(", ")}.`,
      style: "small",
    });
  }
  return [
    {
      kind: "group",
      group: {
        id: `region-${profile.region.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
        title: `${words.regionProfile}: ${profile.region}`,
        blocks,
      },
    },
  ];
}

function timelineSection(ctx: BuildContext, timeline: Timeline): Section {
  const { coverage, lang } = ctx;
  const text = REPORT_TEXT[lang];
  const changing = timeline.topics.filter((t) => t.changes);
  const names = new Map(coverage.topics.map((t) => [t.id, topicLabel(t, lang)]));
  const name = (topic: { id: string; label: string }): string => names.get(topic.id) ?? topic.label;
  const blocks: Block[] = [{ kind: "paragraph", text: text.timelineIntro(timeline.from, timeline.until, changing.length, timeline.topics.length) }];
  if (changing.length > 0) {
    blocks.push({
      kind: "table",
      caption: text.heatMapAlt(changing.length, timeline.dates.length, timeline.from, timeline.until),
      columns: [{ header: WORDS[lang].topic! }, ...timeline.dates.map((date) => ({ header: date, align: "center" as const, width: "narrow" as const }))],
      rows: changing.map((topic) => ({
        cells: [
          { text: name(topic) },
          ...topic.points.map((point): Cell => {
            const level = levelOf(point.national, coverage.rules);
            const mark = point.verdict === "witte-vlek" || point.verdict === "mogelijke-witte-vlek" ? ` ${VERDICT_SYMBOLS[point.verdict]}` : "";
            return { text: `${LEVEL_SYMBOLS[level]} ${formatScore(point.national)}${mark}`, tone: `level-${level}`, align: "center" };
          }),
        ],
      })),
      rowHeaders: true,
      compact: true,
    });
    blocks.push({ kind: "paragraph", text: text.timelineCells, style: "small" });
  }
  const unchanged = timeline.topics.filter((t) => !t.changes).map(name);
  if (unchanged.length > 0) blocks.push({ kind: "paragraph", text: `${text.unchanged}: ${unchanged.join(", ")}.`, style: "small" });
  blocks.push({ kind: "heading", text: text.beginsLapses });
  for (const { date, changes } of timelineChanges(timeline)) {
    blocks.push({ kind: "paragraph", text: date, style: "strong" });
    blocks.push({
      kind: "list",
      items: changes.map((change) => `${change.change === "begins" ? "+" : "−"} ${timelineChangeText(change, lang)}`),
      style: "small",
    });
  }
  return { id: "timeline", title: text.timelineTitle, blocks };
}

function sourcesSection(ctx: BuildContext): Section {
  const { study, coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = REPORT_TEXT[lang];
  const blocks: Block[] = [];
  if (study.study.documents.length > 0) {
    blocks.push({
      kind: "table",
      caption: words.sources,
      columns: [{ header: words.document, width: "wide" }, { header: words.title }, { header: words.role, width: "medium" }],
      rows: study.study.documents.map((document) => ({
        cells: [
          { text: [{ text: document.id, code: true }] },
          {
            text: [document.title, document.publisher, document.date ? formatDate(document.date, lang) : undefined].filter(Boolean).join(" · "),
            ...(document.url ? { note: document.url } : {}),
          },
          { text: DOCUMENT_KIND_LABELS[lang][document.kind] },
        ],
        anchor: documentAnchor(document.id),
      })),
      rowHeaders: true,
      compact: true,
    });
  }
  if (study.accords.length > 0) {
    blocks.push({ kind: "heading", text: words.accords });
    for (const accord of study.accords) {
      blocks.push({ kind: "paragraph", text: `${accord.name} — ${accord.full_name} (${formatDate(accord.date, lang)})`, style: "strong" });
      blocks.push({ kind: "paragraph", text: `${words.source}: ${formatSource(accord.source)}${accord.url ? ` · ${accord.url}` : ""}`, style: "small" });
    }
  }
  blocks.push({ kind: "heading", text: words.citing });
  const example = study.accords.flatMap((a) => a.actions)[0]?.source ??
    study.study.source ?? { doc: study.study.documents[0]?.id ?? "bron", section: text.exampleHeading };
  blocks.push({ kind: "paragraph", text: text.citing });
  blocks.push({ kind: "paragraph", text: `${words.source}: ${formatSource(example)}`, style: "small" });
  blocks.push({ kind: "paragraph", text: text.computed(words.method, coverage.study.dataVersion) });
  return { id: "sources", title: words.sources, blocks };
}

/**
 * The report document: the title page's facts, then every section in order — the summary in
 * plain language, method, matrix, a section per persona, the (possible) white spots, the
 * evidence for the other topics, certainty, the comparison with the report, the assessed
 * region plans with a profile per plan, coverage over time (with a timeline) and the sources.
 */
export function buildReport(study: Study, coverage: Coverage, options: ReportOptions): ReportDocument {
  const { lang } = options;
  const ctx: BuildContext = { study, coverage, lang };
  const words = REPORT_WORDS[lang];
  const html = PAGE_WORDS[lang];
  const meta = study.study;
  const counts = new Map<string, number>();
  for (const topic of coverage.topics) counts.set(topic.verdict, (counts.get(topic.verdict) ?? 0) + 1);
  const flagged = byPriority(coverage.topics);
  const top = flagged
    .slice(0, 5)
    .map((t) => `${t.priority!.rank}. ${topicLabel(t, lang)}`)
    .join(", ");
  const sensitive = flagged.filter((t) => !t.robust).length;
  const priorityLine = flagged.length === 0 ? REPORT_TEXT[lang].noneFlagged : REPORT_TEXT[lang].priorityLine(top, sensitive, flagged.length);
  const facts: [string, string][] = [[words.authors, meta.authors.join(", ")]];
  if (meta.organisations && meta.organisations.length > 0) facts.push([words.organisations, meta.organisations.join(", ")]);
  if (meta.commissioned_by) facts.push([words.commissionedBy, meta.commissioned_by]);
  facts.push([words.placeAndDate, [meta.place, formatDate(meta.date, lang)].filter(Boolean).join(", ")]);
  const regions = regionsSection(ctx);
  const topics = topicSections(ctx);
  // The evidence for the topics without a (possible) white spot is an appendix, before the sources.
  const sections: Section[] = [
    plainSummarySection(ctx),
    methodSection(ctx),
    matrixSection(ctx),
    ...personaSections(ctx),
    topics.whiteSpots,
    certaintySection(ctx),
    comparisonSection(ctx),
    ...(regions ? [regions] : []),
    ...(options.timeline ? [timelineSection(ctx, options.timeline)] : []),
    ...(topics.rest ? [topics.rest] : []),
    sourcesSection(ctx),
  ];
  const view = coverage.study.evidence === "report" ? html.evidenceReport : html.evidenceAll;
  return {
    lang,
    ...(lang === "en" ? { quoteLang: "nl" as const } : {}),
    title: meta.title,
    question: meta.question.replace(/\s+/g, " ").trim(),
    facts,
    generatedOn: formatDate(options.generatedOn, lang),
    dataVersion: coverage.study.dataVersion,
    meta: `${html.asOf} ${coverage.study.asOf} · ${html.evidenceView}: ${view}`,
    front: {
      summaryHeading: WORDS[lang].summary!,
      tiles: VERDICTS.map((verdict) => ({
        tone: verdictTone(verdict),
        count: counts.get(verdict) ?? 0,
        text: `${VERDICT_SYMBOLS[verdict]} ${VERDICT_LABELS[lang][verdict]}`,
      })),
      lines: [summaryLine(coverage, lang), priorityLine],
      sourcesHeading: words.sources,
      sources: meta.documents
        .filter((d) => d.kind === "report" || d.kind === "accord")
        .map((d) => [`${d.title} (${DOCUMENT_KIND_LABELS[lang][d.kind]})`, d.url ? `${d.id} — ${d.url}` : d.id]),
    },
    sections,
    words: {
      kicker: words.kicker,
      page: words.page,
      pageOf: words.pageOf,
      contents: words.contents,
      continued: words.continued,
      dataVersion: words.dataVersion,
      generatedOn: words.generatedOn,
      question: words.question,
      skipToMatrix: html.skipToMatrix,
      close: html.close,
      filters: html.filters,
      all: html.all,
      reset: html.reset,
      status: html.status,
      noneShown: html.noneShown,
      matrixHint: html.matrixHint,
      matrixHintNoScript: html.matrixHintNoScript,
      generatedBy: html.generatedBy,
      sourceLabel: words.source,
    },
  };
}
