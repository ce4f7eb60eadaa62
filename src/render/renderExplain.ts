// `dekking explain <topic>`: everything behind one row of the matrix, with sources.

import type { TopicCoverage } from "../analyse/coverage.js";
import type { OutOfPeriod } from "../analyse/evidenceView.js";
import type { Period, Source, Study } from "../model.js";
import { topicLinkId } from "../model.js";
import {
  categoryName,
  DECISION_LABELS,
  EXCLUSION_LABELS,
  formatScore,
  GAP_LABELS,
  formatGroups,
  groupName,
  PLAN_STATUS_LABELS,
  PREVALENCE_LABELS,
  reasonText,
  REFERENCE_LABELS,
  STRENGTH_LABELS,
  VERDICT_LABELS,
  VERDICT_SYMBOLS,
  type Lang,
} from "./labels.js";
import type { Paint } from "./paint.js";
import { terminalLine } from "./escape/terminal.js";
import { clipLine, usableWidth, visibleWidth, wrapLine } from "./textColumns.js";
import { ownValue } from "../ownKeys.js";
import { endAssumptions, flipText, intervalText, isUncertain, priorityReason } from "./certaintyText.js";
import type { Rules, Vocabulary } from "../model.js";

/** A source as one line of plain text (each output kind escapes it itself): document id, section heading, and page or slide where given. */
export function formatSource(source: Source): string {
  return `${source.doc}${source.section !== undefined ? `, “${source.section}”` : ""}${source.page !== undefined ? `, p. ${source.page}` : ""}${source.slide !== undefined ? `, dia ${source.slide}` : ""}`;
}

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

/** A period as "2023-01-01 – 2025-12-31" (an open end as "…"). */
export function formatPeriod(period: Period): string {
  return `${period.from ?? "…"} – ${period.to ?? "…"}`;
}

/**
 * Everything behind one row of the matrix, as terminal text: demand with quotes, actions
 * per accord (with document, page, period and the encoder's note), what is out of period at
 * the date, the screening of the primary texts, regional findings, the rule, the report's
 * conclusion and the analysts' decision.
 */
export function renderExplain(
  study: Study,
  topic: TopicCoverage,
  options: { lang: Lang; paint: Paint; width: number; outOfPeriod?: readonly OutOfPeriod[] },
): string {
  const { lang, paint } = options;
  const nl = lang === "nl";
  const width = Math.min(usableWidth(options.width), 120);
  const out: string[] = [];
  const label = lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
  out.push(paint.bold(wrap(`${label} (${topic.id})`, width, "")));
  out.push(
    wrap(
      `${categoryName(study.vocabulary, topic.category, lang)}${topic.indicator ? (nl ? " — indicator van de regioplananalyse" : " — region-plan indicator") : ""}`,
      width,
      "",
    ),
  );
  const gap = topic.gap ? ` — ${nl ? "tekort" : "gap"}: ${GAP_LABELS[lang][topic.gap]}` : "";
  out.push(paint.bold(wrap(`${nl ? "Oordeel" : "Verdict"}: ${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_LABELS[lang][topic.verdict]}${gap}`, width, "")));
  const view = study.evidence === "report" ? (nl ? "alleen het onderzoeksrapport" : "the study report only") : nl ? "alle bronnen" : "all sources";
  out.push(paint.dim(wrap(`${nl ? "Peildatum" : "As of"} ${study.asOf ?? study.study.date} · ${nl ? "bewijs" : "evidence"}: ${view}`, width, "")));
  out.push("");

  // Demand
  out.push(paint.bold(nl ? "Vraag (interviews)" : "Demand (interviews)"));
  if (topic.demand.themes.length === 0)
    out.push(wrap(nl ? "Geen thema uit de interviews noemt dit onderwerp." : "No interview theme raises this topic.", width, "  "));
  for (const themeId of topic.demand.themes) {
    const theme = study.interviews.themes.find((t) => t.id === themeId)!;
    out.push(wrap(`${theme.title} (${theme.id}) — ${formatGroups(theme.groups, study.vocabulary, lang)}`, width, "  "));
    out.push(paint.dim(wrap(theme.summary, width, "    ")));
    for (const quote of theme.quotes ?? []) {
      out.push(wrap(`“${quote.text}” — ${groupName(study.vocabulary, quote.group, lang)}${quote.speaker ? ` (${quote.speaker})` : ""}`, width, "    "));
    }
    out.push(paint.dim(wrap(`${nl ? "bron" : "source"}: ${formatSource(theme.source)}`, width, "    ")));
  }
  out.push("");

  // National
  out.push(
    paint.bold(
      wrap(`${nl ? "Landelijk" : "National"}: ${formatScore(topic.national.score)} (${nl ? "breedte" : "breadth"} ${topic.national.breadth})`, width, ""),
    ),
  );
  for (const accord of study.accords) {
    const score = ownValue(topic.national.accords, accord.id) ?? 0;
    out.push(wrap(`${accord.name}: ${formatScore(score)}`, width, "  "));
    for (const evidence of topic.national.actions.filter((a) => a.accord === accord.id)) {
      const action = accord.actions.find((a) => a.id === evidence.action)!;
      const scope = evidence.scope === "general" ? (nl ? ", algemeen (× factor)" : ", general (× factor)") : "";
      out.push(wrap(`${formatScore(evidence.score)} ${STRENGTH_LABELS[lang][evidence.strength]}${scope} — ${action.id}`, width, "    "));
      out.push(wrap(`“${action.text}”`, width, "      "));
      out.push(
        paint.dim(
          wrap(
            `${nl ? "bron" : "source"}: ${formatSource(action.source)}${action.attribution === "inferred" ? (nl ? " — kolom afgeleid" : " — column inferred") : ""}`,
            width,
            "      ",
          ),
        ),
      );
      if (action.period)
        out.push(
          paint.dim(
            wrap(
              `${nl ? "periode" : "period"}: ${formatPeriod(action.period)} (“${action.period.quote}”, ${formatSource(action.period.source)})`,
              width,
              "      ",
            ),
          ),
        );
      if (action.note) out.push(paint.dim(wrap(`${nl ? "noot" : "note"}: ${action.note}`, width, "      ")));
    }
  }
  const outside = (options.outOfPeriod ?? []).filter((o) => o.action.topics.some((link) => topicLinkId(link) === topic.id));
  if (outside.length > 0) {
    out.push(paint.bold(wrap(`${nl ? "Niet meegeteld op" : "Not counted on"} ${study.asOf ?? study.study.date}:`, width, "  ")));
    for (const { accord, action, state } of outside) {
      const why = state === "lapsed" ? (nl ? "verlopen" : "lapsed") : nl ? "nog niet begonnen" : "not yet begun";
      out.push(
        wrap(`${accord.toUpperCase()} ${action.id} — ${why}, ${nl ? "periode" : "period"} ${action.period ? formatPeriod(action.period) : "—"}`, width, "    "),
      );
      out.push(paint.dim(wrap(`${nl ? "bron" : "source"}: ${formatSource(action.source)}`, width, "      ")));
    }
  }
  const screening = ownValue(study.screening, topic.id);
  if (screening) {
    const linked = screening.candidates.filter((c) => c.decision === "linked").length;
    const reasons = new Map<string, number>();
    for (const c of screening.candidates) if (c.reason) reasons.set(c.reason, (reasons.get(c.reason) ?? 0) + 1);
    const excluded = [...reasons]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([reason, n]) => `${n} ${EXCLUSION_LABELS[lang][reason as keyof (typeof EXCLUSION_LABELS)["nl"]]}`)
      .join(", ");
    out.push(
      wrap(
        `${nl ? "Screening" : "Screening"}: ${screening.documents.join(", ")} ${nl ? "doorzocht" : "searched"}; ${screening.candidates.length} ${nl ? "passages beoordeeld" : "passages judged"}, ${linked} ${nl ? "gekoppeld" : "linked"}${excluded ? `, ${nl ? "uitgesloten" : "excluded"}: ${excluded}` : ""} (dekking screen ${topic.id})`,
        width,
        "  ",
      ),
    );
  }
  out.push("");

  // Regional
  const regional = topic.regional;
  const regionalScore = regional.score === null ? (nl ? "niet beoordeeld" : "not assessed") : `${regional.estimate ? "~" : ""}${formatScore(regional.score)}`;
  const regionWord = nl ? (regional.counted === 1 ? "regio" : "regio's") : regional.counted === 1 ? "region" : "regions";
  const planWord = nl
    ? regional.assessedFindings === 1
      ? "beoordeeld regioplan"
      : "beoordeelde regioplannen"
    : regional.assessedFindings === 1
      ? "assessed region plan"
      : "assessed region plans";
  out.push(
    paint.bold(
      wrap(`${nl ? "Regionaal" : "Regional"}: ${regionalScore} (${regional.counted} ${regionWord}, ${regional.assessedFindings} ${planWord})`, width, ""),
    ),
  );
  const sampleFinding = ownValue(study.sample?.findings, topic.id);
  if (sampleFinding && regional.sample) {
    const share = regional.sample.share === null ? "—" : formatScore(regional.sample.share);
    const sampleCount = study.sample!.regions.length;
    out.push(
      wrap(
        `${nl ? "Steekproef" : "Sample"} (${sampleCount} ${nl ? (sampleCount === 1 ? "regioplan" : "regioplannen") : sampleCount === 1 ? "region plan" : "region plans"}): ${PREVALENCE_LABELS[lang][sampleFinding.prevalence]} → ${share}${sampleFinding.evidence === "indirect" ? (nl ? " (indirect, gehalveerd)" : " (indirect, halved)") : ""}`,
        width,
        "  ",
      ),
    );
    if (sampleFinding.quote) out.push(wrap(`“${sampleFinding.quote}”`, width, "    "));
    for (const other of sampleFinding.conflicting ?? []) {
      out.push(wrap(`${nl ? "Tegenstrijdig" : "Conflicting"} (${PREVALENCE_LABELS[lang][other.prevalence]}): “${other.quote}”`, width, "    "));
    }
    if (sampleFinding.note) out.push(paint.dim(wrap(sampleFinding.note, width, "    ")));
    out.push(paint.dim(wrap(`${nl ? "bron" : "source"}: ${formatSource(sampleFinding.source)}`, width, "    ")));
  } else {
    out.push(nl ? "  Steekproef: geen bevinding." : "  Sample: no finding.");
  }
  for (const plan of regional.plans) {
    const finding = ownValue(study.regionPlans.find((p) => p.file === plan.file)?.findings, topic.id);
    const general = plan.scope === "general" ? (nl ? ", voor alle leeftijden (× factor)" : ", for all ages (× factor)") : "";
    out.push(
      wrap(
        `${plan.region}: ${PLAN_STATUS_LABELS[lang][plan.status]}${plan.indirect ? " (indirect)" : ""}${general}${plan.score === null ? (nl ? " — niet meegeteld" : " — not counted") : ` → ${formatScore(plan.score)}`}${finding?.page ? `, p. ${finding.page}` : ""}`,
        width,
        "  ",
      ),
    );
    if (finding?.quote) out.push(wrap(`“${finding.quote}”`, width, "    "));
    for (const passage of finding?.quotes ?? []) {
      out.push(wrap(`“${passage.quote}”`, width, "    "));
      out.push(
        paint.dim(
          wrap(
            `${nl ? "bron" : "source"}: ${passage.doc ?? study.regionPlans.find((p) => p.file === plan.file)?.plan.document ?? plan.file}, p. ${passage.page}`,
            width,
            "      ",
          ),
        ),
      );
    }
    if (finding?.note) out.push(paint.dim(wrap(`${nl ? "noot" : "note"}: ${finding.note}`, width, "    ")));
  }
  out.push("");

  // Rule
  out.push(paint.bold(nl ? "Regel" : "Rule"));
  for (const reason of topic.reasons) out.push(wrap(`- ${reasonText(reason, lang, study.vocabulary)}`, width, "  "));
  out.push("");
  out.push(...certaintyLines(topic, study.rules, options.lang, options.paint, width, study.vocabulary), "");

  // Published analysis and disposition
  const reference = ownValue(study.reference, topic.id);
  if (reference && topic.reference) {
    out.push(
      paint.bold(
        wrap(
          `${nl ? "Conclusie van het rapport" : "Report's conclusion"}: ${REFERENCE_LABELS[lang][reference.conclusion]} — ${topic.reference.agrees ? (nl ? "eens" : "agrees") : nl ? "wijkt af" : "differs"}`,
          width,
          "",
        ),
      ),
    );
    out.push(wrap(`“${reference.quote}”`, width, "  "));
    out.push(paint.dim(wrap(`${nl ? "bron" : "source"}: ${formatSource(reference.source)}`, width, "  ")));
  } else {
    out.push(nl ? "Conclusie van het rapport: geen." : "Report's conclusion: none.");
  }
  const disposition = ownValue(study.dispositions, topic.id);
  if (disposition) {
    out.push(
      paint.bold(
        wrap(
          `${nl ? "Besluit" : "Decision"}: ${DECISION_LABELS[lang][disposition.decision]}${disposition.decided_by ? ` (${disposition.decided_by})` : ""}`,
          width,
          "",
        ),
      ),
    );
    out.push(wrap(disposition.rationale, width, "  "));
    out.push(wrap(`“${disposition.quote}”`, width, "  "));
    out.push(paint.dim(wrap(`${nl ? "bron" : "source"}: ${formatSource(disposition.source)}`, width, "  ")));
  }
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
