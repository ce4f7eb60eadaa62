// `dekking explain <topic>`: everything behind one row of the matrix, with sources.

import type { Coverage, TopicCoverage } from "../analyse/coverage.js";
import type { OutOfPeriod } from "../analyse/evidenceView.js";
import type { Rules, Study, Vocabulary } from "../model.js";
import { topicLinkId } from "../model.js";
import { formatScore, VERDICT_LABELS, type Lang } from "../messages/labels.js";
import type { Paint } from "./paint.js";
import { terminalLine } from "./escape/terminal.js";
import { clipLine, usableWidth, visibleWidth, wrapLine } from "./textColumns.js";
import { endAssumptions, flipText, intervalText, isUncertain, priorityReason } from "./certaintyText.js";
import { topicEvidence } from "./document/topics.js";
import { formatPeriod, formatSource } from "./formatSource.js";
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
  const nl = lang === "nl";
  const width = Math.min(usableWidth(options.width), 120);
  const out: string[] = [];
  const evidence = topicEvidence({ study, coverage, lang }, topic, { complete: true });
  out.push(paint.bold(wrap(evidence.title, width, "")));
  out.push(wrap(evidence.subtitle ?? "", width, ""));
  const view = study.evidence === "report" ? (nl ? "alleen het onderzoeksrapport" : "the study report only") : nl ? "alle bronnen" : "all sources";
  out.push(paint.dim(wrap(`${nl ? "Peildatum" : "As of"} ${study.asOf ?? study.study.date} · ${nl ? "bewijs" : "evidence"}: ${view}`, width, "")));
  out.push("");
  out.push(...emitTerminal(evidence.blocks, { paint, width }));
  const outside = (options.outOfPeriod ?? []).filter((o) => o.action.topics.some((link) => topicLinkId(link) === topic.id));
  if (outside.length > 0) {
    out.push("", paint.bold(wrap(`${nl ? "Niet meegeteld op" : "Not counted on"} ${study.asOf ?? study.study.date}:`, width, "")));
    for (const { accord, action, state } of outside) {
      const why = state === "lapsed" ? (nl ? "verlopen" : "lapsed") : nl ? "nog niet begonnen" : "not yet begun";
      out.push(
        wrap(`${accord.toUpperCase()} ${action.id} — ${why}, ${nl ? "periode" : "period"} ${action.period ? formatPeriod(action.period) : "—"}`, width, "  "),
      );
      out.push(paint.dim(wrap(`${nl ? "bron" : "source"}: ${formatSource(action.source)}`, width, "    ")));
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
  const nl = lang === "nl";
  const out = [paint.bold(nl ? "Hoe zeker" : "How sure")];
  if (topic.required === null) {
    out.push(
      wrap(
        nl ? "Geen vraag: het oordeel hangt van geen regel of codering af (robuust)." : "No demand: the verdict depends on no rule or encoding (robust).",
        width,
        "  ",
      ),
    );
    return out;
  }
  const regional = topic.regional;
  out.push(wrap(`${nl ? "Regionaal" : "Regional"}: ${intervalText(topic, lang)}`, width, "  "));
  if (regional.score === null && regional.evidenceRegions > 0) {
    out.push(
      wrap(
        nl
          ? `Bewijs uit ${regional.evidenceRegions} regio('s); er zijn er minimaal ${regional.minimumRegions} nodig voordat een regionale score telt.`
          : `Evidence from ${regional.evidenceRegions} region(s); at least ${regional.minimumRegions} are needed before a regional score counts.`,
        width,
        "  ",
      ),
    );
  } else if (regional.score !== null) {
    const ends = endAssumptions(topic, rules, lang);
    out.push(
      wrap(
        `${nl ? "Pessimistisch" : "Pessimistic"} (${formatScore(regional.interval?.low ?? regional.score)}): ${ends.pessimistic} ⇒ ${VERDICT_LABELS[lang][topic.verdictRange.pessimistic]}`,
        width,
        "  ",
      ),
    );
    out.push(
      wrap(
        `${nl ? "Optimistisch" : "Optimistic"} (${formatScore(regional.interval?.high ?? regional.score)}): ${ends.optimistic} ⇒ ${VERDICT_LABELS[lang][topic.verdictRange.optimistic]}`,
        width,
        "  ",
      ),
    );
    out.push(
      wrap(
        nl
          ? `Bewijs uit ${regional.evidenceRegions} regio's (minimaal ${regional.minimumRegions}).`
          : `Evidence from ${regional.evidenceRegions} regions (at least ${regional.minimumRegions}).`,
        width,
        "  ",
      ),
    );
  }
  out.push(
    wrap(
      isUncertain(topic)
        ? nl
          ? "Onzeker: het oordeel verschilt tussen de twee kanten van het interval."
          : "Uncertain: the verdict differs between the two ends of the interval."
        : nl
          ? "Zeker binnen het interval."
          : "Certain within the interval.",
      width,
      "  ",
    ),
  );
  if (topic.robust) {
    out.push(
      wrap(
        nl
          ? `Robuust: geen enkele wijziging van één regel of één codering kantelt het oordeel.`
          : `Robust: no single change of a rule or an encoding flips the verdict.`,
        width,
        "  ",
      ),
    );
  } else {
    out.push(wrap(nl ? `Gevoelig: deze enkele wijzigingen kantelen het oordeel:` : `Sensitive: these single changes flip the verdict:`, width, "  "));
    for (const flip of topic.flips) out.push(wrap(`- ${flipText(flip, lang)}`, width, "    "));
  }
  if (topic.priority)
    out.push(wrap(`${nl ? "Prioriteit" : "Priority"} ${topic.priority.rank}: ${priorityReason(topic, rules, lang, vocabulary)}`, width, "  "));
  return out;
}
