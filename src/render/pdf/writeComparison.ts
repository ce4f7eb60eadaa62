// The computed verdicts beside the published report's own conclusions: where they agree,
// where they differ, and for each difference what the report says and why the rules decided
// otherwise.

import { ownValue } from "../../ownKeys.js";
import { GAP_LABELS, reasonText, REFERENCE_LABELS, VERDICT_SHORT, VERDICT_SYMBOLS, WORDS } from "../labels.js";
import { STYLES } from "./layout.js";
import { MUTED, RULE, VERDICT_FILLS } from "../palette.js";
import { startSection, topicLabel, type ReportContext } from "./reportContext.js";
import { writeTable, type TableRow } from "./writeTable.js";

export function writeComparison(ctx: ReportContext): void {
  const { layout, study, coverage, lang, words } = ctx;
  startSection(ctx, words.comparison, "comparison");
  const compared = coverage.topics.filter((t) => t.reference !== null && ownValue(study.reference, t.id) !== undefined);
  if (compared.length === 0) {
    layout.write(words.noReferences, STYLES.body);
    return;
  }
  const agreeing = compared.filter((t) => t.reference!.agrees).length;
  layout.write(
    lang === "nl"
      ? `Het rapport trekt over ${compared.length} onderwerpen een eigen conclusie. Het berekende oordeel is het daarmee eens bij ${agreeing} van de ${compared.length}. ‘Eens’ betekent: het rapport noemt het onderwerp een (mogelijke) witte vlek of aandachtspunt en de rekenregel ook, of het rapport noemt het gedekt en de rekenregel ook.`
      : `The report draws its own conclusion on ${compared.length} topics. The computed verdict agrees with it on ${agreeing} of ${compared.length}. ‘Agrees’ means: the report calls the topic a (possible) white spot or point of attention and so do the rules, or the report calls it covered and so do the rules.`,
    STYLES.body,
    { spaceAfter: 12 },
  );

  const rows: TableRow[] = compared.map((topic) => {
    const reference = ownValue(study.reference, topic.id)!;
    const agrees = topic.reference!.agrees;
    const gap = topic.gap && topic.verdict !== "witte-vlek" ? ` (${GAP_LABELS[lang][topic.gap]})` : "";
    return {
      cells: [
        { text: topicLabel(topic, lang) },
        { text: REFERENCE_LABELS[lang][reference.conclusion] },
        { text: `${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_SHORT[lang][topic.verdict]}${gap}`, fill: VERDICT_FILLS[topic.verdict] },
        { text: agrees ? `= ${words.agreesLong}` : `≠ ${words.differsLong}`, style: agrees ? STYLES.tableCell : { ...STYLES.tableCell, weight: "bold" } },
      ],
    };
  });
  const width = layout.contentWidth;
  writeTable(layout, {
    columns: [
      { header: WORDS[lang].topic!, width: width - 120 - 130 - 72 },
      { header: words.reportConclusion, width: 120 },
      { header: words.computedVerdict, width: 130 },
      { header: words.comparisonResult, width: 72 },
    ],
    rows,
    style: STYLES.tableCell,
    padding: 4,
    gutter: 1.5,
  });
  layout.y += 16;

  layout.heading(words.differences, STYLES.h2, { keepWith: 60, spaceAfter: 6 });
  const differing = compared.filter((t) => !t.reference!.agrees);
  if (differing.length === 0) {
    layout.write(words.noDifferences, STYLES.body);
    return;
  }
  differing.forEach((topic, index) => {
    const reference = ownValue(study.reference, topic.id)!;
    if (index > 0) {
      layout.y += 6;
      layout.rule(layout.y, RULE);
      layout.y += 8;
    }
    layout.heading(topicLabel(topic, lang), STYLES.h3, { keepWith: 3 * layout.lineHeight(STYLES.body), spaceAfter: 2 });
    layout.write(`${words.reportConclusion}: ${REFERENCE_LABELS[lang][reference.conclusion]}`, STYLES.bodyBold, { spaceAfter: 1 });
    layout.write(`“${reference.quote.trim()}”`, { ...STYLES.body, color: MUTED }, { indent: 12, spaceAfter: 4 });
    layout.write(`${words.computedVerdict}: ${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_SHORT[lang][topic.verdict]}`, STYLES.bodyBold, { spaceAfter: 1 });
    for (const reason of topic.reasons) layout.write(reasonText(reason, lang), STYLES.body, { indent: 12, spaceAfter: 1, marker: "•" });
  });
}
