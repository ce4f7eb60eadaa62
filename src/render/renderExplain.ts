// `dekking explain <topic>`: everything behind one row of the matrix, with sources.

import type { TopicCoverage } from "../analyse/coverage.js";
import type { OutOfPeriod } from "../analyse/evidenceView.js";
import type { Period, Source, Study } from "../model.js";
import { topicLinkId } from "../model.js";
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  EXCLUSION_LABELS,
  formatScore,
  GAP_LABELS,
  GROUP_LABELS,
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

/** A source as one line: document id, section heading, and page or slide where given. */
export function formatSource(source: Source): string {
  return `${source.doc}, “${source.section}”${source.page !== undefined ? `, p. ${source.page}` : ""}${source.slide !== undefined ? `, dia ${source.slide}` : ""}`;
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
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
export function renderExplain(study: Study, topic: TopicCoverage, options: { lang: Lang; paint: Paint; width: number; outOfPeriod?: readonly OutOfPeriod[] }): string {
  const { lang, paint } = options;
  const nl = lang === "nl";
  const width = Math.max(60, Math.min(options.width, 120));
  const out: string[] = [];
  const label = lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
  out.push(paint.bold(`${label} (${topic.id})`));
  out.push(`${CATEGORY_LABELS[lang][topic.category]}${topic.indicator ? (nl ? " — indicator van de regioplananalyse" : " — region-plan indicator") : ""}`);
  const gap = topic.gap ? ` — ${nl ? "tekort" : "gap"}: ${GAP_LABELS[lang][topic.gap]}` : "";
  out.push(paint.bold(`${nl ? "Oordeel" : "Verdict"}: ${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_LABELS[lang][topic.verdict]}${gap}`));
  const view = study.evidence === "report" ? (nl ? "alleen het onderzoeksrapport" : "the study report only") : nl ? "alle bronnen" : "all sources";
  out.push(paint.dim(`${nl ? "Peildatum" : "As of"} ${study.asOf ?? study.study.date} · ${nl ? "bewijs" : "evidence"}: ${view}`));
  out.push("");

  // Demand
  out.push(paint.bold(nl ? "Vraag (interviews)" : "Demand (interviews)"));
  if (topic.demand.themes.length === 0) out.push(nl ? "  Geen thema uit de interviews noemt dit onderwerp." : "  No interview theme raises this topic.");
  for (const themeId of topic.demand.themes) {
    const theme = study.interviews.themes.find((t) => t.id === themeId)!;
    out.push(`  ${theme.title} (${theme.id}) — ${theme.groups.map((g) => GROUP_LABELS[lang][g]).join(", ")}`);
    out.push(paint.dim(wrap(theme.summary, width, "    ")));
    for (const quote of theme.quotes ?? []) {
      out.push(wrap(`“${quote.text}” — ${GROUP_LABELS[lang][quote.group]}${quote.speaker ? ` (${quote.speaker})` : ""}`, width, "    "));
    }
    out.push(paint.dim(`    ${nl ? "bron" : "source"}: ${formatSource(theme.source)}`));
  }
  out.push("");

  // National
  out.push(paint.bold(`${nl ? "Landelijk" : "National"}: ${formatScore(topic.national.score)} (${nl ? "breedte" : "breadth"} ${topic.national.breadth})`));
  for (const accord of study.accords) {
    const score = topic.national.accords[accord.id] ?? 0;
    out.push(`  ${accord.name}: ${formatScore(score)}`);
    for (const evidence of topic.national.actions.filter((a) => a.accord === accord.id)) {
      const action = accord.actions.find((a) => a.id === evidence.action)!;
      const scope = evidence.scope === "general" ? (nl ? ", algemeen (× factor)" : ", general (× factor)") : "";
      out.push(`    ${formatScore(evidence.score)} ${STRENGTH_LABELS[lang][evidence.strength]}${scope} — ${action.id}`);
      out.push(wrap(`“${action.text}”`, width, "      "));
      out.push(paint.dim(`      ${nl ? "bron" : "source"}: ${formatSource(action.source)}${action.attribution === "inferred" ? (nl ? " — kolom afgeleid" : " — column inferred") : ""}`));
      if (action.period) out.push(paint.dim(wrap(`${nl ? "periode" : "period"}: ${formatPeriod(action.period)} (“${action.period.quote}”, ${action.period.source.doc} p. ${action.period.source.page})`, width, "      ")));
      if (action.note) out.push(paint.dim(wrap(`${nl ? "noot" : "note"}: ${action.note}`, width, "      ")));
    }
  }
  const outside = (options.outOfPeriod ?? []).filter((o) => o.action.topics.some((link) => topicLinkId(link) === topic.id));
  if (outside.length > 0) {
    out.push(paint.bold(`  ${nl ? "Niet meegeteld op" : "Not counted on"} ${study.asOf ?? study.study.date}:`));
    for (const { accord, action, state } of outside) {
      const why = state === "lapsed" ? (nl ? "verlopen" : "lapsed") : nl ? "nog niet begonnen" : "not yet begun";
      out.push(`    ${accord.toUpperCase()} ${action.id} — ${why}, ${nl ? "periode" : "period"} ${action.period ? formatPeriod(action.period) : "—"}`);
      out.push(paint.dim(`      ${nl ? "bron" : "source"}: ${formatSource(action.source)}`));
    }
  }
  const screening = study.screening[topic.id];
  if (screening) {
    const linked = screening.candidates.filter((c) => c.decision === "linked").length;
    const reasons = new Map<string, number>();
    for (const c of screening.candidates) if (c.reason) reasons.set(c.reason, (reasons.get(c.reason) ?? 0) + 1);
    const excluded = [...reasons].sort(([a], [b]) => a.localeCompare(b)).map(([reason, n]) => `${n} ${EXCLUSION_LABELS[lang][reason as keyof (typeof EXCLUSION_LABELS)["nl"]]}`).join(", ");
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
  out.push(paint.bold(`${nl ? "Regionaal" : "Regional"}: ${regionalScore} (${regional.counted} ${nl ? "regio's" : "regions"}, ${regional.assessedFindings} ${nl ? "beoordeelde regioplannen" : "assessed region plans"})`));
  const sampleFinding = study.sample?.findings[topic.id];
  if (sampleFinding && regional.sample) {
    const share = regional.sample.share === null ? "—" : formatScore(regional.sample.share);
    out.push(`  ${nl ? "Steekproef" : "Sample"} (${study.sample!.regions.length} ${nl ? "regioplannen" : "region plans"}): ${PREVALENCE_LABELS[lang][sampleFinding.prevalence]} → ${share}${sampleFinding.evidence === "indirect" ? (nl ? " (indirect, gehalveerd)" : " (indirect, halved)") : ""}`);
    if (sampleFinding.quote) out.push(wrap(`“${sampleFinding.quote}”`, width, "    "));
    for (const other of sampleFinding.conflicting ?? []) {
      out.push(wrap(`${nl ? "Tegenstrijdig" : "Conflicting"} (${PREVALENCE_LABELS[lang][other.prevalence]}): “${other.quote}”`, width, "    "));
    }
    if (sampleFinding.note) out.push(paint.dim(wrap(sampleFinding.note, width, "    ")));
    out.push(paint.dim(`    ${nl ? "bron" : "source"}: ${formatSource(sampleFinding.source)}`));
  } else {
    out.push(nl ? "  Steekproef: geen bevinding." : "  Sample: no finding.");
  }
  for (const plan of regional.plans) {
    const finding = study.regionPlans.find((p) => p.file === plan.file)?.findings[topic.id];
    out.push(`  ${plan.region}: ${PLAN_STATUS_LABELS[lang][plan.status]}${plan.indirect ? " (indirect)" : ""}${plan.score === null ? (nl ? " — niet meegeteld" : " — not counted") : ` → ${formatScore(plan.score)}`}${finding?.page ? `, p. ${finding.page}` : ""}`);
    if (finding?.quote) out.push(wrap(`“${finding.quote}”`, width, "    "));
  }
  out.push("");

  // Rule
  out.push(paint.bold(nl ? "Regel" : "Rule"));
  for (const reason of topic.reasons) out.push(wrap(`- ${reasonText(reason, lang)}`, width, "  "));
  out.push("");

  // Published analysis and disposition
  const reference = study.reference[topic.id];
  if (reference && topic.reference) {
    out.push(paint.bold(`${nl ? "Conclusie van het rapport" : "Report's conclusion"}: ${REFERENCE_LABELS[lang][reference.conclusion]} — ${topic.reference.agrees ? (nl ? "eens" : "agrees") : nl ? "wijkt af" : "differs"}`));
    out.push(wrap(`“${reference.quote}”`, width, "  "));
    out.push(paint.dim(`  ${nl ? "bron" : "source"}: ${formatSource(reference.source)}`));
  } else {
    out.push(nl ? "Conclusie van het rapport: geen." : "Report's conclusion: none.");
  }
  const disposition = study.dispositions[topic.id];
  if (disposition) {
    out.push(paint.bold(`${nl ? "Besluit" : "Decision"}: ${DECISION_LABELS[lang][disposition.decision]}${disposition.decided_by ? ` (${disposition.decided_by})` : ""}`));
    out.push(wrap(disposition.rationale, width, "  "));
    out.push(wrap(`“${disposition.quote}”`, width, "  "));
    out.push(paint.dim(`  ${nl ? "bron" : "source"}: ${formatSource(disposition.source)}`));
  }
  return out.join("\n") + "\n";
}
