// Builds the report document (see blocks.ts) from the study, its coverage, the timeline and
// the language: every section of the report, in order, for every format. Each section has its
// own builder under sections/, which the commands that show one part (persona, timeline,
// region show, sensitivity, summary) call too. Pure: no I/O, no escaping, no layout.

import { VERDICTS, type Coverage } from "../analyse/coverage.js";
import type { Timeline } from "../analyse/timeline.js";
import type { Study } from "../model.js";
import { DOCUMENT_KIND_LABELS, formatDate, REPORT_WORDS, VERDICT_LABELS, VERDICT_SYMBOLS, WORDS, type Lang } from "../messages/labels.js";
import { PAGE_WORDS } from "../messages/pageWords.js";
import { REPORT_TEXT } from "../messages/reportText.js";
import { summaryLine } from "./common.js";
import type { ReportDocument, Section } from "./blocks.js";
import { byPriority, topicLabel, verdictTone, type BuildContext } from "./common.js";
import { certaintySection } from "./sections/certainty.js";
import { comparisonSection } from "./sections/comparison.js";
import { matrixSection } from "./sections/matrix.js";
import { methodSection } from "./sections/method.js";
import { personaSections } from "./sections/personas.js";
import { plainSummarySection } from "./sections/plainSummary.js";
import { regionsSection } from "./sections/regions.js";
import { sourcesSection } from "./sections/sources.js";
import { timelineSection } from "./sections/timeline.js";
import { topicSections } from "./sections/whiteSpots.js";

export interface ReportOptions {
  lang: Lang;
  /** The date printed as "generated on", or as the study's date when `studyDate`. */
  generatedOn: Date;
  /** True when `generatedOn` is the study's own date (reproducible bytes), not the day the report was made. */
  studyDate?: boolean | undefined;
  /** Coverage over time, for the section "Dekking in de tijd" (left out when absent). */
  timeline?: Timeline | undefined;
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
      generatedOn: options.studyDate ? words.studyDate : words.generatedOn,
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
