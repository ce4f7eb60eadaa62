// The evidence behind one topic's verdict, as a group of blocks: the figures, the reasons,
// the interview demand with its quotes, every accord's actions with their texts, the
// screening, the regional finding with the plans' passages, the report's conclusion and the
// analysts' decision. The report shows it for every topic; `explain` shows the same parts.

import type { TopicCoverage } from "../analyse/coverage.js";
import { EXCLUSION_REASONS, type ActionFile, type Study } from "../model.js";
import { ownValue } from "../ownKeys.js";
import {
  categoryName,
  DECISION_LABELS,
  EXCLUSION_LABELS,
  formatGroups,
  formatScore,
  GAP_LABELS,
  groupName,
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
} from "../messages/labels.js";
import { PAGE_WORDS } from "../messages/pageWords.js";
import { formatPeriod, formatSource } from "../messages/formatSource.js";
import { plansToList } from "../analyse/regionMatrix.js";
import type { Block, Group } from "./blocks.js";
import { levelTone, regionalScoreText, sourceRuns, topicAnchor, topicLabel, verdictTone, type BuildContext } from "./common.js";
import { REPORT_TEXT } from "../messages/reportText.js";

/** Passages shown per region plan and topic; `dekking explain` and the JSON have them all. */
export const MAX_PASSAGES_PER_PLAN = 2;

const actionIndexes = new WeakMap<Study, Map<string, ActionFile>>();
/** Every accord action by id, built once per study. */
function actionsById(study: Study): Map<string, ActionFile> {
  let index = actionIndexes.get(study);
  if (!index) {
    index = new Map(study.accords.flatMap((a) => a.actions.map((action) => [action.id, action] as const)));
    actionIndexes.set(study, index);
  }
  return index;
}

/** The filterable facts of a topic (HTML filters): category, verdict, the accords that score, the groups. */
export function topicFacets(topic: TopicCoverage): Record<string, string> {
  const accords = Object.keys(topic.national.accords)
    .filter((id) => (ownValue(topic.national.accords, id) ?? 0) > 0)
    .map((id) => `a-${id}`)
    .sort();
  return { topic: topic.id, category: topic.category, verdict: topic.verdict, accords: accords.join(" "), groups: topic.demand.groups.join(" ") };
}

function demandBlocks(ctx: BuildContext, topic: TopicCoverage): Block[] {
  const { study, lang } = ctx;
  const vocabulary = ctx.coverage.vocabulary;
  const words = REPORT_WORDS[lang];
  const blocks: Block[] = [{ kind: "heading", text: words.interviewDemand }];
  if (topic.demand.themes.length === 0) blocks.push({ kind: "paragraph", text: words.noTheme });
  for (const themeId of topic.demand.themes) {
    const theme = study.interviews.themes.find((t) => t.id === themeId);
    if (!theme) continue;
    blocks.push({ kind: "paragraph", text: `${theme.title} — ${formatGroups(theme.groups, vocabulary, lang)}`, style: "strong" });
    blocks.push({ kind: "paragraph", text: theme.summary.trim(), style: "small" });
    const quotes = theme.quotes ?? [];
    for (const quote of quotes) {
      blocks.push({
        kind: "quote",
        text: quote.text,
        attribution: `${groupName(vocabulary, quote.group, lang)}${quote.speaker ? ` (${quote.speaker})` : ""}`,
        source: sourceRuns(ctx, words.source, quote.source),
        accent: true,
      });
    }
    if (quotes.length === 0) blocks.push({ kind: "paragraph", text: sourceRuns(ctx, words.source, theme.source), style: "small" });
  }
  return blocks;
}

function accordBlocks(ctx: BuildContext, topic: TopicCoverage): Block[] {
  const { study, coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = REPORT_TEXT[lang];
  const national = topic.national;
  const blocks: Block[] = [
    { kind: "heading", text: `${words.accordActions} — ${words.nationalShort} ${formatScore(national.score)}, ${words.breadth} ${national.breadth}` },
  ];
  for (const accord of coverage.accords) {
    const evidence = national.actions.filter((a) => a.accord === accord.id);
    blocks.push({ kind: "anchor", id: topicAnchor(topic.id, `a-${accord.id}`) });
    if (evidence.length === 0) {
      blocks.push({ kind: "paragraph", text: `${words.noActionIn} ${accord.name} (${formatScore(0)})`, style: "small" });
      continue;
    }
    blocks.push({ kind: "paragraph", text: `${accord.name} — ${formatScore(ownValue(national.accords, accord.id) ?? 0)}`, style: "strong" });
    for (const item of evidence) {
      blocks.push({
        kind: "paragraph",
        text: [
          { text: `${formatScore(item.score)} · ${STRENGTH_LABELS[lang][item.strength]} · ${SCOPE_LABELS[lang][item.scope]} — ` },
          { text: item.action, code: true },
        ],
        style: "small",
      });
      const action = actionsById(study).get(item.action);
      if (!action) continue;
      blocks.push({
        kind: "quote",
        text: action.text,
        source: sourceRuns(ctx, words.source, action.source, action.attribution === "inferred" ? ` — ${words.columnInferred}` : ""),
      });
      if (action.period) {
        blocks.push({
          kind: "paragraph",
          text: `${text.period}: ${formatPeriod(action.period)} (“${action.period.quote}”, ${formatSource(action.period.source)})`,
          style: "small",
        });
      }
      if (action.note) blocks.push({ kind: "paragraph", text: `${text.note}: ${action.note}`, style: "small" });
    }
  }
  return blocks;
}

function screeningBlocks(ctx: BuildContext, topic: TopicCoverage): Block[] {
  const { study, lang } = ctx;
  const screening = ownValue(study.screening, topic.id);
  if (!screening) return [];
  const text = REPORT_TEXT[lang];
  const linked = screening.candidates.filter((c) => c.decision === "linked").length;
  const reasons = EXCLUSION_REASONS.map((r) => [r, screening.candidates.filter((c) => c.reason === r).length] as const).filter(([, n]) => n > 0);
  const excluded = reasons.length > 0 ? `; ${text.excluded}: ${reasons.map(([r, n]) => `${n} ${EXCLUSION_LABELS[lang][r]}`).join(", ")}` : "";
  return [
    { kind: "anchor", id: topicAnchor(topic.id, "screening") },
    { kind: "heading", text: PAGE_WORDS[lang].screening },
    { kind: "paragraph", text: `${text.screeningLine(screening.documents.join(", "), screening.candidates.length, linked)}${excluded}.` },
  ];
}

function regionalBlocks(ctx: BuildContext, topic: TopicCoverage, complete: boolean): Block[] {
  const { study, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = REPORT_TEXT[lang];
  const regional = topic.regional;
  const required = topic.required === null ? "" : ` (${words.required} ${formatScore(topic.required)})`;
  const blocks: Block[] = [
    { kind: "anchor", id: topicAnchor(topic.id, "regional") },
    { kind: "heading", text: `${words.regionalFinding} — ${regionalScoreText(topic, PREVALENCE_LABELS[lang]["not-assessed"])}${required}` },
  ];
  const finding = ownValue(study.sample?.findings, topic.id);
  if (finding && study.sample) {
    const share = regional.sample?.share;
    const shareText = share === null || share === undefined ? "" : ` → ${formatScore(share)}`;
    const indirect = finding.evidence === "indirect" ? ` (${words.indirect})` : "";
    blocks.push({
      kind: "paragraph",
      text: `${words.sample} (${study.sample.regions.length} ${words.regionPlans}): ${PREVALENCE_LABELS[lang][finding.prevalence]}${shareText}${indirect}`,
      style: "strong",
    });
    if (finding.quote) blocks.push({ kind: "quote", text: finding.quote, source: sourceRuns(ctx, words.source, finding.source) });
    else blocks.push({ kind: "paragraph", text: sourceRuns(ctx, words.source, finding.source), style: "small" });
    for (const other of finding.conflicting ?? []) {
      blocks.push({ kind: "paragraph", text: `${words.conflicting} (${PREVALENCE_LABELS[lang][other.prevalence]}):`, style: "small" });
      blocks.push({ kind: "quote", text: other.quote, source: sourceRuns(ctx, words.source, other.source) });
    }
    if (finding.note) blocks.push({ kind: "paragraph", text: `${text.note}: ${finding.note}`, style: "small" });
  } else if (regional.plans.length === 0) {
    blocks.push({ kind: "paragraph", text: words.noRegionalFinding });
  } else {
    blocks.push({ kind: "paragraph", text: PAGE_WORDS[lang].noSampleFinding });
  }
  // At scale a topic would list every region plan: the counts of all statuses, then the
  // first plans (assessed ones first), and a pointer to explain for the rest.
  const { listed, counts, more, capped } = complete ? { listed: regional.plans, counts: [], more: 0, capped: false } : plansToList(regional.plans);
  const passageCap = complete ? Infinity : MAX_PASSAGES_PER_PLAN;
  if (capped) {
    blocks.push({
      kind: "paragraph",
      text: `${regional.plans.length} ${words.regionPlans}: ${counts.map(([status, n]) => `${n} ${PLAN_STATUS_LABELS[lang][status]}`).join(", ")}`,
      style: "strong",
    });
  }
  for (const plan of listed) {
    const counted = plan.score === null ? ` — ${words.notCounted}` : ` → ${formatScore(plan.score)}`;
    const general = plan.scope === "general" ? ` (${text.allAges})` : "";
    blocks.push({
      kind: "paragraph",
      text: `${words.regionPlan} ${plan.region}: ${PLAN_STATUS_LABELS[lang][plan.status]}${plan.indirect ? ` (${words.indirect})` : ""}${general}${counted}`,
    });
    for (const passage of plan.passages.slice(0, passageCap)) {
      blocks.push({
        kind: "quote",
        text: passage.quote,
        source: `${words.source}: ${passage.doc ?? plan.file}${passage.page !== null ? `, p. ${passage.page}` : ""}`,
      });
    }
    if (plan.passages.length > passageCap)
      blocks.push({ kind: "paragraph", text: text.morePassages(plan.passages.length - passageCap, topic.id), style: "small" });
    if (plan.passages.length === 0) blocks.push({ kind: "paragraph", text: `${words.source}: ${plan.file}`, style: "small" });
    if (plan.note) blocks.push({ kind: "paragraph", text: `${text.note}: ${plan.note}`, style: "small" });
  }
  if (more > 0) blocks.push({ kind: "paragraph", text: text.morePlans(more, topic.id), style: "small" });
  return blocks;
}

function conclusionBlocks(ctx: BuildContext, topic: TopicCoverage): Block[] {
  const { study, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = REPORT_TEXT[lang];
  const blocks: Block[] = [{ kind: "anchor", id: topicAnchor(topic.id, "report") }];
  const reference = ownValue(study.reference, topic.id);
  if (reference && topic.reference) {
    blocks.push({
      kind: "heading",
      text: `${words.reportConclusion}: ${REFERENCE_LABELS[lang][reference.conclusion]} — ${topic.reference.agrees ? words.agreesLong : words.differsLong}`,
    });
    blocks.push({ kind: "quote", text: reference.quote, source: sourceRuns(ctx, words.source, reference.source) });
    if (reference.note) blocks.push({ kind: "paragraph", text: `${text.note}: ${reference.note}`, style: "small" });
  } else {
    blocks.push({ kind: "heading", text: words.reportConclusion }, { kind: "paragraph", text: words.noReference });
  }
  const disposition = ownValue(study.dispositions, topic.id);
  if (disposition) {
    const by = disposition.decided_by ? ` (${words.decidedBy} ${disposition.decided_by})` : "";
    blocks.push({ kind: "heading", text: `${words.decision}: ${DECISION_LABELS[lang][disposition.decision]}${by}` });
    blocks.push({ kind: "paragraph", text: disposition.rationale.trim() });
    blocks.push({ kind: "quote", text: disposition.quote, source: sourceRuns(ctx, words.source, disposition.source) });
  }
  return blocks;
}

/**
 * One topic's evidence as a group (anchor `t-<topic>`); its parts carry the anchors the
 * matrix's cells link to. The report caps the region plans per topic and the passages per
 * plan (pointing to `dekking explain` for the rest); `complete` lists them all, for explain.
 */
export function topicEvidence(ctx: BuildContext, topic: TopicCoverage, options: { complete?: boolean } = {}): Group {
  const { coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const rules = coverage.rules;
  const indicator = topic.indicator ? ` · ${words.indicator}` : "";
  const blocks: Block[] = [
    { kind: "anchor", id: topicAnchor(topic.id, "topic") },
    {
      kind: "cards",
      cards: [
        {
          caption: words.verdictHeading,
          title: `${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_LABELS[lang][topic.verdict]}`,
          text: topic.gap ? `${words.gap}: ${GAP_LABELS[lang][topic.gap]}` : "",
          tone: verdictTone(topic.verdict),
          weight: 1.5,
        },
        {
          caption: words.nationalLong,
          title: formatScore(topic.national.score),
          text: `${words.threshold} ${formatScore(rules.national_threshold)} · ${words.breadth} ${topic.national.breadth}`,
          tone: levelTone(topic.national.score, coverage),
        },
        {
          caption: words.regionalLong,
          title: topic.regional.score === null ? `? ${PREVALENCE_LABELS[lang]["not-assessed"]}` : regionalScoreText(topic, ""),
          text: topic.required === null ? "" : `${words.required} ${formatScore(topic.required)}`,
          tone: levelTone(topic.regional.score, coverage),
        },
        {
          caption: words.demandHeading,
          title: `${topic.demand.groups.length} ${topic.demand.groups.length === 1 ? words.group : words.groups}`,
          text: formatGroups(topic.demand.groups, coverage.vocabulary, lang),
          tone: "panel",
        },
      ],
    },
    { kind: "anchor", id: topicAnchor(topic.id, "verdict") },
    { kind: "heading", text: words.reasons },
    { kind: "list", items: topic.reasons.map((reason) => reasonText(reason, lang, coverage.vocabulary)) },
    { kind: "anchor", id: topicAnchor(topic.id, "demand") },
    ...demandBlocks(ctx, topic),
    ...accordBlocks(ctx, topic),
    ...screeningBlocks(ctx, topic),
    ...regionalBlocks(ctx, topic, options.complete === true),
    ...conclusionBlocks(ctx, topic),
  ];
  return {
    id: topicAnchor(topic.id),
    title: topicLabel(topic, lang),
    badge: { tone: verdictTone(topic.verdict), text: `${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_SHORT[lang][topic.verdict]}` },
    subtitle: `${topic.id} · ${categoryName(coverage.vocabulary, topic.category, lang)}${indicator}`,
    blocks,
    collapsible: true,
    facets: topicFacets(topic),
    keepRoom: 240,
  };
}
