// The comparison of the computed verdicts with the study report's own conclusions.

import { ownValue } from "../../ownKeys.js";
import { reasonText, REFERENCE_LABELS, REPORT_WORDS, VERDICT_SHORT, VERDICT_SYMBOLS, WORDS } from "../../messages/labels.js";
import type { Block, Section } from "../blocks.js";
import { topicAnchor, topicLabel, verdictText, verdictTone, type BuildContext } from "../common.js";
import { REPORT_TEXT } from "../../messages/reportText.js";

export function comparisonSection(ctx: BuildContext): Section {
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
