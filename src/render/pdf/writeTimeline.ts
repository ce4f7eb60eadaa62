// "Dekking in de tijd": the national coverage of the topics with demand at every date where a
// period starts or ends, as a heat map drawn with pdfkit's vector API, and what begins and
// lapses on each date with the page that says so.

import { timelineChanges, type Timeline } from "../../analyse/timeline.js";
import { formatScore, VERDICT_SYMBOLS } from "../labels.js";
import { timelineChangeText } from "../renderTimeline.js";
import { LEVEL_SYMBOLS, levelOf } from "../levels.js";
import { STYLES } from "./layout.js";
import { inkOn, LEVEL_FILLS, MUTED, RULE } from "../palette.js";
import { startSection, type ReportContext } from "./reportContext.js";

/**
 * The heat map in words, for a screen reader: what it shows, then per changing topic its
 * national coverage at the first and the last date and the dates where that changes.
 */
export function heatMapAlt(timeline: Timeline, lang: "nl" | "en"): string {
  const nl = lang === "nl";
  const changing = timeline.topics.filter((t) => t.changes);
  const rows = changing.map((topic) => {
    const steps = topic.points
      .map((p, i) => (i === 0 || p.national !== topic.points[i - 1]!.national ? `${p.date} ${formatScore(p.national)}` : null))
      .filter((x) => x !== null);
    return `${topic.label}: ${steps.join(", ")}`;
  });
  const intro = nl
    ? `Heatmap van de landelijke dekking (0 tot 1) van ${changing.length} onderwerpen op ${timeline.dates.length} data van ${timeline.from} tot ${timeline.until}; per onderwerp de dekking vanaf elke datum waarop zij verandert.`
    : `Heat map of the national coverage (0 to 1) of ${changing.length} topics at ${timeline.dates.length} dates from ${timeline.from} to ${timeline.until}; per topic the coverage from each date where it changes.`;
  return [intro, ...rows].join(" ");
}

export function writeTimeline(ctx: ReportContext, timeline: Timeline): void {
  const { layout, coverage, lang } = ctx;
  const nl = lang === "nl";
  startSection(ctx, nl ? "Dekking in de tijd" : "Coverage over time", "timeline");
  const changing = timeline.topics.filter((t) => t.changes);
  layout.write(
    nl
      ? `Landelijke dekking per onderwerp met vraag op elke datum waarop een periode begint of eindigt, van ${timeline.from} tot ${timeline.until}. Een actie telt alleen binnen haar periode; een akkoord dat nog niet of niet meer geldt, telt niet mee. ${changing.length} van de ${timeline.topics.length} onderwerpen veranderen; de andere staan onder de kaart.`
      : `National coverage of each topic with demand at every date where a period starts or ends, from ${timeline.from} to ${timeline.until}. An action counts only within its period; an accord not (yet) in force does not count. ${changing.length} of the ${timeline.topics.length} topics change; the others are listed below the map.`,
    STYLES.body,
    { spaceAfter: 8 },
  );

  // The heat map: a row per changing topic, a column per date; cell = score with its level symbol.
  const labelWidth = 150;
  const dates = timeline.dates;
  const cellWidth = Math.min(48, (layout.contentWidth - labelWidth) / Math.max(1, dates.length));
  const rowHeight = 15;
  const header = 22;
  layout.ensure(header + rowHeight * Math.min(changing.length, 5));
  const drawHeader = (): void => {
    const y = layout.y;
    dates.forEach((date, i) => {
      const x = layout.left + labelWidth + i * cellWidth;
      layout.drawText(date.slice(0, 7), STYLES.smallBold, x, y + 2, cellWidth, "center");
      layout.drawText(date.slice(8), { ...STYLES.small, color: MUTED }, x, y + 11, cellWidth, "center");
    });
    layout.y += header;
  };
  const drawRows = (): void => {
    drawHeader();
    for (const topic of changing) {
      if (layout.y + rowHeight > layout.bottom) {
        layout.addPage();
        drawHeader();
      }
      const y = layout.y;
      // A row is one line high: a long label is shortened with "…" (the full label is in the matrix).
      layout.drawText(layout.fitLine(topic.label, STYLES.small, labelWidth - 6), STYLES.small, layout.left, y + 3, labelWidth - 6);
      topic.points.forEach((point, i) => {
        const x = layout.left + labelWidth + i * cellWidth;
        const level = levelOf(point.national, coverage.rules);
        const fill = LEVEL_FILLS[level];
        layout.fillRect(x + 1, y + 1, cellWidth - 2, rowHeight - 2, fill);
        const verdictMark = point.verdict === "witte-vlek" || point.verdict === "mogelijke-witte-vlek" ? ` ${VERDICT_SYMBOLS[point.verdict]}` : "";
        layout.drawText(
          `${LEVEL_SYMBOLS[level]} ${formatScore(point.national)}${verdictMark}`,
          { ...STYLES.small, color: inkOn(fill) },
          x + 1,
          y + 3.5,
          cellWidth - 2,
          "center",
        );
      });
      layout.rule(y + rowHeight, RULE);
      layout.y += rowHeight;
    }
  };
  // One figure in the structure tree, with its data in words as the alternative text.
  layout.structure.content("Figure", drawRows, { alt: heatMapAlt(timeline, lang) });
  layout.y += 6;
  layout.write(
    nl
      ? "Cellen: landelijke dekking met het symbool van haar niveau (zoals in de matrix); ■ witte vlek en ▲ mogelijke witte vlek op die datum."
      : "Cells: national coverage with the symbol of its level (as in the matrix); ■ white spot and ▲ possible white spot on that date.",
    STYLES.small,
    { spaceAfter: 8 },
  );
  const unchanged = timeline.topics.filter((t) => !t.changes).map((t) => t.label);
  if (unchanged.length > 0) layout.write(`${nl ? "Ongewijzigd" : "Unchanged"}: ${unchanged.join(", ")}.`, STYLES.small, { spaceAfter: 10 });

  layout.heading(nl ? "Wat begint en wat vervalt" : "What begins and what lapses", STYLES.h3, { keepWith: 40, spaceAfter: 6, tag: "H2" });
  for (const { date, changes } of timelineChanges(timeline)) {
    // A date is the heading of its changes and never ends a page without them.
    layout.heading(date, STYLES.bodyBold, { keepWith: Math.min(changes.length, 2) * layout.lineHeight(STYLES.small), spaceAfter: 1, tag: "H3" });
    for (const change of changes)
      layout.write(`${change.change === "begins" ? "+" : "−"} ${timelineChangeText(change, lang)}`, STYLES.small, { indent: 10, spaceAfter: 1 });
    layout.y += 4;
  }
}
