// Small pieces every part of the report document uses: a topic's name in the report's
// language, a verdict in words, a source as inline text, a score's colour role.

import type { Coverage, TopicCoverage, Verdict } from "../analyse/coverage.js";
import { isFlagged } from "../analyse/priority.js";
import type { Source, Study } from "../model.js";
import { formatScore, type Lang } from "../messages/labels.js";
import { MATRIX_WORDS } from "../messages/commandText.js";

export { verdictText } from "../messages/labels.js";
import { levelOf } from "../analyse/levels.js";
import type { Run, Tone } from "./blocks.js";

/** What every section builder reads. */
export interface BuildContext {
  study: Study;
  coverage: Coverage;
  lang: Lang;
}

/** The topic's label in the report's language: `label_en` in English where the data has one. */
export function topicLabel(topic: Pick<TopicCoverage, "label" | "labelEn">, lang: Lang): string {
  return lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
}

export function verdictTone(verdict: Verdict): Tone {
  return `verdict-${verdict}`;
}

export function levelTone(score: number | null, coverage: Coverage): Tone {
  return `level-${levelOf(score, coverage.rules)}`;
}

/** A regional score as shown: "~0.40" for an estimate, or the given word when unknown. */
export function regionalScoreText(topic: TopicCoverage, unknown: string): string {
  return topic.regional.score === null ? unknown : `${topic.regional.estimate ? "~" : ""}${formatScore(topic.regional.score)}`;
}

/** The anchor of a document under Sources. */
export function documentAnchor(id: string): string {
  return `doc-${id}`;
}

/**
 * "bron: iza-2022, “Kop”, p. 12" as runs: the document links to its entry under Sources when
 * the study lists it. `extra` is appended as plain text.
 */
export function sourceRuns(ctx: BuildContext, label: string, source: Source, extra = ""): Run[] {
  const known = ctx.study.study.documents.some((d) => d.id === source.doc);
  const runs: Run[] = [{ text: `${label}: ` }, known ? { text: source.doc, href: documentAnchor(source.doc) } : { text: source.doc }];
  const rest = `${source.section !== undefined ? `, “${source.section}”` : ""}${source.page !== undefined ? `, p. ${source.page}` : ""}${source.slide !== undefined ? `, dia ${source.slide}` : ""}${extra}`;
  if (rest) runs.push({ text: rest });
  return runs;
}

/** The anchor of a topic's evidence, or of one part of it (`topic`, `demand`, `a-<accord>`, `regional`, `verdict`, `report`). */
export function topicAnchor(topicId: string, part?: string): string {
  return part === undefined ? `t-${topicId}` : `t-${topicId}--${part}`;
}

/** The flagged topics: white spots and possible white spots, in the coverage's order. */
export function flaggedTopics(coverage: Coverage): TopicCoverage[] {
  return coverage.topics.filter(isFlagged);
}

/** The flagged topics by priority, rank 1 first. */
export function byPriority(topics: readonly TopicCoverage[]): TopicCoverage[] {
  return topics.filter((t) => t.priority).sort((a, b) => a.priority!.rank - b.priority!.rank);
}

/** The line under the matrix: the topics counted per verdict, and the agreement with the study's own report. */
export function summaryLine(coverage: Coverage, lang: Lang): string {
  const counts = new Map<Verdict, number>();
  for (const topic of coverage.topics) counts.set(topic.verdict, (counts.get(topic.verdict) ?? 0) + 1);
  const verdicts = (["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"] as const).map((v): [Verdict, number] => [v, counts.get(v) ?? 0]);
  const compared = coverage.topics.filter((t) => t.reference);
  const agree = compared.filter((t) => t.reference!.agrees).length;
  return MATRIX_WORDS[lang].summary(coverage.topics.length, verdicts, agree, compared.length);
}
