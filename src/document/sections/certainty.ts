// How sure each verdict is: the priority of the flagged topics, each one's interval and the
// single changes that flip it; `dekking sensitivity` shows the same for the topics it is asked.

import { sensitivitySteps } from "../../analyse/certaintyRules.js";
import type { TopicCoverage } from "../../analyse/coverage.js";
import { formatScore, VERDICT_LABELS } from "../../messages/labels.js";
import { CERTAINTY_WORDS, flipText, intervalText, isUncertain, priorityReason } from "../certaintyText.js";
import type { Block, Section } from "../blocks.js";
import { byPriority, topicLabel, verdictText, verdictTone, type BuildContext } from "../common.js";
import { REPORT_TEXT } from "../../messages/reportText.js";

export function certaintySection(ctx: BuildContext): Section {
  const { coverage, lang } = ctx;
  const text = REPORT_TEXT[lang];
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
  for (const topic of flagged) blocks.push(...topicCertaintyBlocks(ctx, topic, `${topic.priority!.rank}. ${topicLabel(topic, lang)}`));
  return { id: "certainty", title: text.certaintyTitle, blocks };
}

/**
 * One topic's certainty under `heading`: its verdict and state, the interval against the
 * required coverage, the verdicts at its ends, and every single change that flips it.
 */
function topicCertaintyBlocks(ctx: BuildContext, topic: TopicCoverage, heading: string): Block[] {
  const { coverage, lang } = ctx;
  const text = REPORT_TEXT[lang];
  const words = CERTAINTY_WORDS[lang];
  const rules = coverage.rules;
  const blocks: Block[] = [];
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
  blocks.push({ kind: "heading", text: heading });
  blocks.push({
    kind: "paragraph",
    text: `${verdictText(topic, lang, "long")} — ${state} — ${text.regional} ${intervalText(topic, lang)}, ${text.national} ${formatScore(topic.national.score)}`,
    style: "small",
    tone: verdictTone(topic.verdict),
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
  return blocks;
}

/**
 * `dekking sensitivity`: what a single change is and how many verdicts one flips, then per
 * topic (in the coverage's order) its certainty as the report shows a flagged topic's.
 */
export function sensitivitySection(ctx: BuildContext, topics: readonly TopicCoverage[]): Section {
  const { coverage, lang } = ctx;
  const text = REPORT_TEXT[lang];
  const steps = sensitivitySteps(coverage.rules);
  const robust = topics.filter((t) => t.robust).length;
  const blocks: Block[] = [
    { kind: "paragraph", text: text.sensitivitySteps(formatScore(steps.score), steps.regions) },
    {
      kind: "paragraph",
      text: topics.length === 0 ? text.noTopics : text.sensitivityCounts(topics.length, robust, topics.filter(isUncertain).length),
      style: "strong",
    },
  ];
  for (const topic of topics) blocks.push(...topicCertaintyBlocks(ctx, topic, `${topicLabel(topic, lang)} (${topic.id})`));
  return { id: "sensitivity", title: text.sensitivityTitle, blocks };
}
