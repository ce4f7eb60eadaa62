// The report's section "Hoe zeker is het oordeel": the flagged topics in priority order with
// the reason for each, then per flagged topic its regional interval drawn as a bar against
// the thresholds (pdfkit's vector API), the verdict at both ends, and the single changes
// that flip it. Text goes through the layout, which applies the PDF escape step.

import type { TopicCoverage } from "../../analyse/coverage.js";
import type { Rules } from "../../model.js";
import { CERTAINTY_WORDS, flipText, intervalText, isUncertain, priorityReason } from "../certaintyText.js";
import { formatScore, GAP_LABELS, VERDICT_LABELS, VERDICT_SYMBOLS, type Lang } from "../labels.js";
import { STYLES } from "./layout.js";
import { ACCENT, INK, MUTED, PANEL, RULE, VERDICT_FILLS } from "../palette.js";
import { startSection, topicLabel, type ReportContext } from "./reportContext.js";

const BAR_HEIGHT = 10;
/** Room under the bar for the scale and the threshold labels. */
const BAR_BLOCK = 46;

export function certaintyTitle(lang: Lang): string {
  return lang === "nl" ? "Hoe zeker is het oordeel" : "How sure is the verdict";
}

/** The flagged topics, rank 1 first. */
export function byPriority(topics: readonly TopicCoverage[]): TopicCoverage[] {
  return topics.filter((t) => t.priority).sort((a, b) => a.priority!.rank - b.priority!.rank);
}

function verdictText(verdict: TopicCoverage["verdict"], gap: TopicCoverage["gap"], lang: Lang): string {
  return `${VERDICT_SYMBOLS[verdict]} ${VERDICT_LABELS[lang][verdict]}${gap && verdict !== "witte-vlek" ? ` (${GAP_LABELS[lang][gap]})` : ""}`;
}

export function writeCertainty(ctx: ReportContext): void {
  const { layout, coverage, lang } = ctx;
  const nl = lang === "nl";
  const flagged = byPriority(coverage.topics);
  startSection(ctx, certaintyTitle(lang), "certainty");
  layout.write(
    nl
      ? "Elk woord voor een aandeel regioplannen staat voor een bereik (zie Methode); de balk toont waar de regionale dekking kan liggen, met de puntschatting als streep, tegen de vereiste dekking en de drempel voor een witte vlek. Verschilt het oordeel tussen de twee uiteinden, dan is het onzeker (±). Een oordeel dat één wijziging van een regel of een codering kantelt, is gevoelig (!); anders robuust."
      : "Each word for a share of region plans stands for a range (see Method); the bar shows where the regional coverage may lie, with the point estimate as a stroke, against the required coverage and the threshold for a white spot. Where the verdict differs between the two ends it is uncertain (±). A verdict that one change of a rule or an encoding flips is sensitive (!); otherwise robust.",
    STYLES.body,
    { spaceAfter: 10 },
  );

  layout.heading(nl ? "Prioriteit van de gemarkeerde onderwerpen" : "Priority of the flagged topics", STYLES.h2, { keepWith: 40, spaceAfter: 6 });
  for (const topic of flagged) {
    layout.write(
      `${topic.priority!.rank}. ${topicLabel(topic, lang)} — ${verdictText(topic.verdict, topic.gap, lang)}. ${priorityReason(topic, coverage.rules, lang)}`,
      STYLES.body,
      { indent: 4, spaceAfter: 3 },
    );
  }
  if (flagged.length === 0) layout.write(nl ? "Geen onderwerp is gemarkeerd." : "No topic is flagged.", STYLES.body);
  layout.y += 8;

  for (const topic of flagged) writeTopicCertainty(ctx, topic);
}

function writeTopicCertainty(ctx: ReportContext, topic: TopicCoverage): void {
  const { layout, lang } = ctx;
  const nl = lang === "nl";
  const words = CERTAINTY_WORDS[lang];
  const flipLines = Math.min(topic.flips.length, 4);
  layout.heading(`${topic.priority!.rank}. ${topicLabel(topic, lang)}`, STYLES.h3, {
    keepWith: BAR_BLOCK + (flipLines + 2) * layout.lineHeight(STYLES.small),
    spaceBefore: 6,
    spaceAfter: 4,
  });
  const state = `${topic.robust ? words.robust : `${words.sensitive} (!)`} · ${isUncertain(topic) ? `${words.uncertain} (±)` : words.certain}`;
  layout.write(
    `${verdictText(topic.verdict, topic.gap, lang)} — ${state} — ${nl ? "regionaal" : "regional"} ${intervalText(topic, lang)}, ${nl ? "landelijk" : "national"} ${formatScore(topic.national.score)}`,
    STYLES.small,
    { spaceAfter: 4 },
  );
  drawIntervalBar(ctx, topic);
  if (topic.regional.score !== null) {
    layout.write(
      `${nl ? "Pessimistisch" : "Pessimistic"}: ${VERDICT_LABELS[lang][topic.verdictRange.pessimistic]} · ${nl ? "optimistisch" : "optimistic"}: ${VERDICT_LABELS[lang][topic.verdictRange.optimistic]}`,
      STYLES.small,
      { spaceAfter: 3 },
    );
  }
  if (topic.robust) {
    layout.write(
      nl ? "Geen enkele wijziging van één regel of één codering kantelt dit oordeel." : "No single change of a rule or an encoding flips this verdict.",
      STYLES.small,
      { spaceAfter: 6 },
    );
  } else {
    layout.write(nl ? "Kantelt bij:" : "Flipped by:", STYLES.smallBold, { spaceAfter: 1 });
    for (const flip of topic.flips) layout.write(flipText(flip, lang), STYLES.smallInk, { indent: 10, spaceAfter: 1, marker: "•" });
    layout.y += 5;
  }
}

/** The interval bar: a 0–1 scale, the interval filled, the point as a stroke, the thresholds as ticks. */
function drawIntervalBar(ctx: ReportContext, topic: TopicCoverage): void {
  const { layout, coverage, lang } = ctx;
  const nl = lang === "nl";
  const doc = layout.doc;
  layout.ensure(BAR_BLOCK);
  const drawBar = (): void => {
    const x0 = layout.left + 4;
    const width = Math.min(360, layout.contentWidth - 8);
    const top = layout.y + 4;
    const at = (value: number): number => x0 + value * width;
    // Track and scale.
    layout.fillRect(x0, top, width, BAR_HEIGHT, PANEL);
    doc.save().rect(x0, top, width, BAR_HEIGHT).lineWidth(0.4).strokeColor(RULE).stroke().restore();
    for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
      doc
        .save()
        .moveTo(at(tick), top + BAR_HEIGHT)
        .lineTo(at(tick), top + BAR_HEIGHT + 3)
        .lineWidth(0.4)
        .strokeColor(MUTED)
        .stroke()
        .restore();
      layout.drawText(formatScore(tick), { ...STYLES.footer, size: 6.5 }, at(tick) - 12, top + BAR_HEIGHT + 3, 24, "center");
    }
    const regional = topic.regional;
    if (regional.score === null) {
      layout.drawText(nl ? "niet beoordeeld: geen regionale score" : "not assessed: no regional score", STYLES.small, x0 + 6, top + 0.5, width - 12);
    } else {
      const low = regional.interval?.low ?? regional.score;
      const high = regional.interval?.high ?? regional.score;
      const fill = VERDICT_FILLS[topic.verdict];
      // A zero-width interval still shows as a sliver, so the point is never hidden.
      layout.fillRect(at(low), top + 2, Math.max(at(high) - at(low), 1.5), BAR_HEIGHT - 4, fill);
      doc
        .save()
        .moveTo(at(regional.score), top - 2)
        .lineTo(at(regional.score), top + BAR_HEIGHT + 2)
        .lineWidth(1.6)
        .strokeColor(INK)
        .stroke()
        .restore();
    }
    // Threshold ticks, labelled under the scale.
    const marks: { value: number; label: string; color: string }[] = [];
    if (topic.required !== null) marks.push({ value: topic.required, label: `${nl ? "vereist" : "required"} ${formatScore(topic.required)}`, color: ACCENT });
    marks.push({
      value: coverage.rules.white_spot_regional_threshold,
      label: `${nl ? "witte vlek <" : "white spot <"} ${formatScore(coverage.rules.white_spot_regional_threshold)}`,
      color: VERDICT_FILLS["witte-vlek"],
    });
    marks.forEach((mark, i) => {
      const x = at(mark.value);
      doc
        .save()
        .moveTo(x, top - 4)
        .lineTo(x, top + BAR_HEIGHT + 4)
        .dash(2, { space: 1.5 })
        .lineWidth(1)
        .strokeColor(mark.color)
        .stroke()
        .undash()
        .restore();
      layout.drawText(mark.label, { ...STYLES.footer, size: 6.5, color: mark.color }, x - 40, top + BAR_HEIGHT + 12 + i * 8, 80, "center");
    });
    layout.drawText(
      `${nl ? "landelijk" : "national"} ${formatScore(topic.national.score)} (${nl ? "drempel" : "threshold"} ${formatScore(coverage.rules.national_threshold)})`,
      STYLES.small,
      x0 + width + 10,
      top,
      layout.contentWidth - width - 14,
    );
    layout.y = top + BAR_BLOCK - 4;
  };
  // Drawn as one figure, with what it shows in words as its alternative text.
  layout.structure.content("Figure", drawBar, { alt: intervalBarAlt(topic, coverage.rules, lang) });
}

/** The interval bar in words: the interval and point estimate against the thresholds, and the national score. */
export function intervalBarAlt(topic: TopicCoverage, rules: Rules, lang: Lang): string {
  const nl = lang === "nl";
  const parts = [`${nl ? "Regionale dekking" : "Regional coverage"} ${intervalText(topic, lang)}`];
  if (topic.required !== null) parts.push(`${nl ? "vereist" : "required"} ${formatScore(topic.required)}`);
  parts.push(`${nl ? "witte vlek onder" : "white spot below"} ${formatScore(rules.white_spot_regional_threshold)}`);
  parts.push(
    `${nl ? "landelijk" : "national"} ${formatScore(topic.national.score)} (${nl ? "drempel" : "threshold"} ${formatScore(rules.national_threshold)})`,
  );
  return `${nl ? "Balk op een schaal van 0 tot 1" : "Bar on a scale from 0 to 1"}: ${parts.join("; ")}.`;
}

/** One line for the title page's summary: the flagged topics with the highest priority, and where the rest is. */
export function prioritySummary(topics: readonly TopicCoverage[], lang: Lang): string {
  const nl = lang === "nl";
  const flagged = byPriority(topics);
  if (flagged.length === 0) return nl ? "Geen onderwerp is gemarkeerd." : "No topic is flagged.";
  const top = flagged
    .slice(0, 5)
    .map((t) => `${t.priority!.rank}. ${topicLabel(t, lang)}`)
    .join(", ");
  const sensitive = flagged.filter((t) => !t.robust).length;
  return nl
    ? `Hoogste prioriteit: ${top}. ${sensitive} van de ${flagged.length} gemarkeerde oordelen zijn gevoelig; de volledige volgorde met redenen staat in ‘${certaintyTitle(lang)}’.`
    : `Highest priority: ${top}. ${sensitive} of the ${flagged.length} flagged verdicts are sensitive; the full order with reasons is in ‘${certaintyTitle(lang)}’.`;
}

export { certaintyMethodRows } from "../certaintyText.js";
