// `dekking explain <topic>`: everything behind one row of the matrix, with sources.

import type { Coverage, TopicCoverage } from "../analyse/coverage.js";
import type { OutOfPeriod } from "../analyse/evidenceView.js";
import type { Rules, Study, Vocabulary } from "../model.js";
import { topicLinkId } from "../model.js";
import { formatScore, VERDICT_LABELS, type Lang } from "../messages/labels.js";
import { EXPLAIN_WORDS } from "../messages/commandText.js";
import type { Paint } from "./paint.js";
import { terminalLine } from "./escape/terminal.js";
import { clipLine, usableWidth, visibleWidth, wrapLine } from "./textColumns.js";
import { endAssumptions, flipText, intervalText, isUncertain, priorityReason } from "../document/certaintyText.js";
import { topicEvidence } from "../document/topics.js";
import { formatPeriod, formatSource } from "../messages/formatSource.js";
import { emitTerminal } from "./report/terminal.js";

/** Wraps text from the data to the width, every line indented; the text is escaped for the terminal. */
function wrap(text: string, width: number, indent: string): string {
  const words = terminalLine(text).replace(/\s+/g, " ").trim().split(" ");
  const room = Math.max(10, width - visibleWidth(indent));
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    // A word wider than the line is cut into pieces that fit.
    const pieces = visibleWidth(word) > room ? wrapLine(word, room + 2).map((p) => p.trim()) : [word];
    for (const piece of pieces) {
      if (line && visibleWidth(line) + 1 + visibleWidth(piece) > room) {
        lines.push(indent + line);
        line = piece;
      } else {
        line = line ? `${line} ${piece}` : piece;
      }
    }
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

/**
 * Everything behind one row of the matrix, as terminal text: the topic's evidence group of
 * the report document (render/document/topics.ts) with every region plan and passage, then
 * what is out of period at the date and how sure the verdict is.
 */
export function renderExplain(
  study: Study,
  coverage: Coverage,
  topic: TopicCoverage,
  options: { lang: Lang; paint: Paint; width: number; outOfPeriod?: readonly OutOfPeriod[] },
): string {
  const { lang, paint } = options;
  const words = EXPLAIN_WORDS[lang];
  const width = Math.min(usableWidth(options.width), 120);
  const out: string[] = [];
  const evidence = topicEvidence({ study, coverage, lang }, topic, { complete: true });
  out.push(paint.bold(wrap(evidence.title, width, "")));
  out.push(wrap(evidence.subtitle ?? "", width, ""));
  out.push(paint.dim(wrap(words.viewLine(study.asOf ?? study.study.date, study.evidence === "report" ? "report" : "all"), width, "")));
  out.push("");
  out.push(...emitTerminal(evidence.blocks, { paint, width }));
  const outside = (options.outOfPeriod ?? []).filter((o) => o.action.topics.some((link) => topicLinkId(link) === topic.id));
  if (outside.length > 0) {
    out.push("", paint.bold(wrap(words.notCountedOn(study.asOf ?? study.study.date), width, "")));
    for (const { accord, action, state } of outside) {
      out.push(
        wrap(
          `${accord.toUpperCase()} ${action.id} — ${words.outOfPeriod[state]}, ${words.period} ${action.period ? formatPeriod(action.period) : "—"}`,
          width,
          "  ",
        ),
      );
      out.push(paint.dim(wrap(`${words.source}: ${formatSource(action.source)}`, width, "    ")));
    }
  }
  out.push("", ...certaintyLines(topic, study.rules, options.lang, options.paint, width, study.vocabulary));
  // The last guard of the promise that no line is wider than the terminal.
  return (
    out
      .join("\n")
      .split("\n")
      .map((line) => clipLine(line, width))
      .join("\n") + "\n"
  );
}

/** How sure the verdict is: the interval and what its ends assume, the flipping changes, the priority. */
function certaintyLines(topic: TopicCoverage, rules: Rules, lang: Lang, paint: Paint, width: number, vocabulary: Vocabulary): string[] {
  const words = EXPLAIN_WORDS[lang];
  const out = [paint.bold(words.howSure)];
  if (topic.required === null) {
    out.push(wrap(words.noDemand, width, "  "));
    return out;
  }
  const regional = topic.regional;
  out.push(wrap(`${words.regional}: ${intervalText(topic, lang)}`, width, "  "));
  if (regional.score === null && regional.evidenceRegions > 0) {
    out.push(wrap(words.tooFewRegions(regional.evidenceRegions, regional.minimumRegions), width, "  "));
  } else if (regional.score !== null) {
    const ends = endAssumptions(topic, rules, lang);
    out.push(
      wrap(
        `${words.pessimistic} (${formatScore(regional.interval?.low ?? regional.score)}): ${ends.pessimistic} ⇒ ${VERDICT_LABELS[lang][topic.verdictRange.pessimistic]}`,
        width,
        "  ",
      ),
    );
    out.push(
      wrap(
        `${words.optimistic} (${formatScore(regional.interval?.high ?? regional.score)}): ${ends.optimistic} ⇒ ${VERDICT_LABELS[lang][topic.verdictRange.optimistic]}`,
        width,
        "  ",
      ),
    );
    out.push(wrap(words.evidenceFrom(regional.evidenceRegions, regional.minimumRegions), width, "  "));
  }
  out.push(wrap(isUncertain(topic) ? words.uncertain : words.certain, width, "  "));
  if (topic.robust) {
    out.push(wrap(words.robust, width, "  "));
  } else {
    out.push(wrap(words.sensitive, width, "  "));
    for (const flip of topic.flips) out.push(wrap(`- ${flipText(flip, lang)}`, width, "    "));
  }
  if (topic.priority) out.push(wrap(`${words.priority} ${topic.priority.rank}: ${priorityReason(topic, rules, lang, vocabulary)}`, width, "  "));
  return out;
}
