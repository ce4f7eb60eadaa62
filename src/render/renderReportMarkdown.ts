// coverage.md of `dekking report`: the matrix, each (possible) white spot with its
// evidence, and the comparison with the report's conclusions, for a code-hosting site.

import type { Coverage } from "../analyse/coverage.js";
import { timelineChanges, type Timeline } from "../analyse/timeline.js";
import { timelineChangeText } from "./renderTimeline.js";
import { summariseScreening } from "../evidence/screeningSummary.js";
import { MAX_PLANS_LISTED, PLAN_STATUSES, planStatusCounts, regionMatrix } from "./regionMatrix.js";
import type { Study } from "../model.js";
import { EXCLUSION_REASONS } from "../model.js";
import { formatSource } from "./renderExplain.js";
import {
  DECISION_LABELS,
  DOCUMENT_KIND_LABELS,
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
import { markdownCell, renderMatrixMarkdown } from "./renderMatrixMarkdown.js";
import { NO_PAINT } from "./paint.js";
import { certaintyMarkdown, prioritySummaryMarkdown } from "./renderSensitivity.js";
import { ownValue } from "../ownKeys.js";
import { renderPersonaSectionsMarkdown } from "./renderPersona.js";

export function renderReportMarkdown(study: Study, coverage: Coverage, options: { lang: Lang; generatedOn: Date; timeline?: Timeline }): string {
  const { lang } = options;
  const nl = lang === "nl";
  const rules = coverage.rules;
  const out: string[] = [];
  out.push(`# ${markdownCell(study.study.title)}`, "");
  out.push(
    `${nl ? "Dekkingsanalyse" : "Coverage analysis"} — ${nl ? "gegenereerd op" : "generated on"} ${options.generatedOn.toISOString().slice(0, 10)} — ${nl ? "dataversie" : "data version"} \`${coverage.study.dataVersion}\``,
    "",
  );
  out.push(`> ${markdownCell(study.study.question.replace(/\s+/g, " "))}`, "");
  out.push(...prioritySummaryMarkdown(coverage, lang));
  out.push(`## ${nl ? "Methode" : "Method"}`, "");
  out.push(
    nl
      ? `Vraag: de respondentgroepen die een onderwerp in de interviews noemen. Landelijk: per akkoord de sterkste actie (maatregel ${rules.strength_scores.measure}, afspraak ${rules.strength_scores.agreement}, noemen ${rules.strength_scores.mention}; × ${rules.general_scope_factor} als de actie alleen een bredere doelgroep noemt), het maximum over de akkoorden. Regionaal: het aandeel regioplannen (steekproef) of de score per beoordeeld regioplan; indirect bewijs × ${rules.indirect_factor}; onbekend telt als niet gedekt. Vereiste regionale dekking: ${rules.required_coverage.one_group} bij één groep, ${rules.required_coverage.two_or_more_groups} bij twee of meer. Witte vlek: landelijk < ${rules.national_threshold} én regionaal < ${rules.white_spot_regional_threshold}; mogelijke witte vlek: landelijk < ${rules.national_threshold} of regionaal < vereist.`
      : `Demand: the respondent groups that raise a topic in the interviews. National: per accord the strongest action (measure ${rules.strength_scores.measure}, agreement ${rules.strength_scores.agreement}, mention ${rules.strength_scores.mention}; × ${rules.general_scope_factor} when the action reaches only a broader population), the maximum over the accords. Regional: the share of region plans (sample) or the score per assessed plan; indirect evidence × ${rules.indirect_factor}; unknown counts as not covered. Required regional coverage: ${rules.required_coverage.one_group} for one group, ${rules.required_coverage.two_or_more_groups} for two or more. White spot: national < ${rules.national_threshold} and regional < ${rules.white_spot_regional_threshold}; possible white spot: national < ${rules.national_threshold} or regional < required.`,
    "",
  );
  out.push(...certaintyMarkdown(coverage, lang));
  out.push(...screeningMarkdown(study, coverage, lang));
  out.push(`## ${nl ? "Dekkingsmatrix" : "Coverage matrix"}`, "");
  out.push(renderMatrixMarkdown(coverage, { lang, paint: NO_PAINT, width: 120, excel: false }).trimEnd(), "");

  out.push(renderPersonaSectionsMarkdown(study, coverage, lang));

  const accordName = (id: string): string => study.accords.find((a) => a.id === id)?.name ?? id.toUpperCase();
  const flagged = coverage.topics.filter((t) => t.verdict === "witte-vlek" || t.verdict === "mogelijke-witte-vlek");
  out.push(`## ${nl ? "Witte vlekken en mogelijke witte vlekken" : "White spots and possible white spots"}`, "");
  for (const topic of flagged) {
    const label = lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
    out.push(`### ${VERDICT_SYMBOLS[topic.verdict]} ${markdownCell(label)} (\`${topic.id}\`)`, "");
    out.push(`**${VERDICT_LABELS[lang][topic.verdict]}**${topic.gap ? ` — ${nl ? "tekort" : "gap"}: ${GAP_LABELS[lang][topic.gap]}` : ""}`, "");
    for (const reason of topic.reasons) out.push(`- ${reasonText(reason, lang)}`);
    out.push("");
    for (const themeId of topic.demand.themes) {
      const theme = study.interviews.themes.find((t) => t.id === themeId)!;
      for (const quote of theme.quotes ?? [])
        out.push(`> “${markdownCell(quote.text)}” — ${GROUP_LABELS[lang][quote.group]} (${markdownCell(formatSource(quote.source))})`, ">");
    }
    if (out[out.length - 1] === ">") out.pop();
    out.push("");
    for (const evidence of topic.national.actions) {
      const action = study.accords.find((a) => a.id === evidence.accord)!.actions.find((a) => a.id === evidence.action)!;
      out.push(
        `- ${markdownCell(accordName(evidence.accord))} ${formatScore(evidence.score)} (${STRENGTH_LABELS[lang][evidence.strength]}${evidence.scope === "general" ? (nl ? ", algemeen" : ", general") : ""}): “${markdownCell(action.text)}”`,
      );
    }
    const finding = ownValue(study.sample?.findings, topic.id);
    if (finding?.quote)
      out.push(
        `- ${nl ? "Regioplannen" : "Region plans"} (${PREVALENCE_LABELS[lang][finding.prevalence]}): “${markdownCell(finding.quote)}” (${markdownCell(formatSource(finding.source))})`,
      );
    // The assessed plans' findings, capped as in the PDF; `dekking explain` lists them all.
    const assessedPlans = topic.regional.plans.filter((p) => p.status !== "unknown");
    for (const plan of assessedPlans.slice(0, MAX_PLANS_LISTED)) {
      const first = plan.passages[0];
      out.push(
        `- ${nl ? "Regioplan" : "Region plan"} ${markdownCell(plan.region)}: ${PLAN_STATUS_LABELS[lang][plan.status]}${plan.scope === "general" ? (nl ? " (alle leeftijden)" : " (all ages)") : ""}${first ? ` — “${markdownCell(first.quote)}”${first.page !== null ? ` (p. ${first.page})` : ""}` : ""}`,
      );
    }
    if (assessedPlans.length > MAX_PLANS_LISTED)
      out.push(`- … ${assessedPlans.length - MAX_PLANS_LISTED} ${nl ? "meer" : "more"}: dekking explain ${topic.id}`);
    const reference = ownValue(study.reference, topic.id);
    if (reference) out.push(`- ${nl ? "Rapport" : "Report"}: ${REFERENCE_LABELS[lang][reference.conclusion]} — “${markdownCell(reference.quote)}”`);
    const disposition = ownValue(study.dispositions, topic.id);
    if (disposition) out.push(`- ${nl ? "Besluit" : "Decision"}: ${DECISION_LABELS[lang][disposition.decision]} — ${markdownCell(disposition.rationale)}`);
    out.push("");
  }

  out.push(...regionPlansMarkdown(study, lang));
  if (options.timeline) out.push(...timelineMarkdown(options.timeline, lang));
  out.push(`## ${nl ? "Vergelijking met de conclusies van het rapport" : "Comparison with the report's conclusions"}`, "");
  out.push(
    `| ${nl ? "Onderwerp" : "Topic"} | ${nl ? "Rapport" : "Report"} | ${nl ? "Berekend" : "Computed"} | ${nl ? "Oordeel" : "Result"} |`,
    "| --- | --- | --- | --- |",
  );
  for (const topic of coverage.topics.filter((t) => t.reference)) {
    out.push(
      `| ${markdownCell(topic.label)} | ${REFERENCE_LABELS[lang][topic.reference!.conclusion]} | ${VERDICT_LABELS[lang][topic.verdict]} | ${topic.reference!.agrees ? (nl ? "eens" : "agrees") : nl ? "**wijkt af**" : "**differs**"} |`,
    );
  }
  out.push("", `## ${nl ? "Bronnen" : "Sources"}`, "");
  for (const document of study.study.documents) {
    out.push(
      `- ${markdownCell(document.title)} (${markdownCell(document.id)}, ${DOCUMENT_KIND_LABELS[lang][document.kind]}${document.publisher ? `, ${markdownCell(document.publisher)}` : ""}${document.date ? `, ${document.date}` : ""}${document.url ? `, ${markdownCell(document.url)}` : ""})`,
    );
  }
  return out.join("\n") + "\n";
}

/** The method's part on evidence: the date, the evidence view, and the screening per topic. */
function screeningMarkdown(study: Study, coverage: Coverage, lang: Lang): string[] {
  const nl = lang === "nl";
  const out = [`### ${nl ? "Bewijs en screening" : "Evidence and screening"}`, ""];
  out.push(
    `${nl ? "Peildatum" : "As of"} ${coverage.study.asOf}; ${nl ? "bewijs" : "evidence"}: ${coverage.study.evidence === "report" ? (nl ? "alleen het onderzoeksrapport" : "the study report only") : nl ? "het onderzoeksrapport en de eigen teksten van de akkoorden" : "the study report and the accords' own texts"}.`,
    "",
  );
  const { rows, totals } = summariseScreening(study);
  if (rows.length === 0) return out;
  const reasons = EXCLUSION_REASONS.filter((r) => totals.excluded[r] > 0);
  out.push(
    `${nl ? "Doorzocht" : "Searched"}: ${totals.documents.join(", ")}. ${totals.screened} ${nl ? "passages gelezen" : "passages read"}, ${totals.linked} ${nl ? "gekoppeld" : "linked"}.`,
    "",
  );
  out.push(
    `| ${nl ? "Onderwerp" : "Topic"} | ${nl ? "Gelezen" : "Read"} | ${nl ? "Gekoppeld" : "Linked"} | ${reasons.map((r) => EXCLUSION_LABELS[lang][r]).join(" | ")} |`,
  );
  out.push(`| --- | ${["", "", ...reasons].map(() => "---:").join(" | ")} |`);
  for (const row of rows) out.push(`| ${markdownCell(row.label)} | ${row.screened} | ${row.linked} | ${reasons.map((r) => row.excluded[r]).join(" | ")} |`);
  out.push(`| **${nl ? "Totaal" : "Total"}** | ${totals.screened} | ${totals.linked} | ${reasons.map((r) => totals.excluded[r]).join(" | ")} |`, "");
  return out;
}

/** The assessed region plans: per plan its completeness, participation and status counts. */
function regionPlansMarkdown(study: Study, lang: Lang): string[] {
  const nl = lang === "nl";
  const matrix = regionMatrix(study);
  if (matrix.plans.length === 0) return [];
  const out = [`## ${nl ? "Beoordeelde regioplannen" : "Assessed region plans"}`, ""];
  out.push(
    `| ${nl ? "Regio" : "Region"} | ${nl ? "Plan" : "Plan"} | ${nl ? "Beoordeeld" : "Assessed"} | ${nl ? "Participatie (hoogste trede)" : "Participation (highest step)"} | ${PLAN_STATUSES.map((s) => PLAN_STATUS_LABELS[lang][s]).join(" | ")} |`,
  );
  out.push(`| --- | --- | --- | --- | ${PLAN_STATUSES.map(() => "---:").join(" | ")} |`);
  for (const plan of matrix.plans) {
    const counts = planStatusCounts(matrix, plan);
    out.push(
      `| ${markdownCell(plan.region)} | ${markdownCell(plan.plan.title)}${plan.plan.year !== null ? ` (${plan.plan.year})` : ""} | ${markdownCell(plan.assessedBy)}, ${plan.assessedOn}; ${plan.assessed}/${plan.indicators} ${nl ? "indicatoren" : "indicators"} | ${plan.participation ?? "—"}${plan.participationGroups.length > 0 ? ` (${plan.participationGroups.length} ${nl ? "groepen" : "groups"})` : ""} | ${counts.join(" | ")} |`,
    );
  }
  out.push("");
  return out;
}

/** "Dekking in de tijd": the topics whose coverage changes, and what begins and lapses on each date. */
function timelineMarkdown(timeline: Timeline, lang: Lang): string[] {
  const nl = lang === "nl";
  const out = [`## ${nl ? "Dekking in de tijd" : "Coverage over time"}`, "", `${timeline.from} – ${timeline.until}.`, ""];
  const changing = timeline.topics.filter((t) => t.changes);
  if (changing.length > 0) {
    out.push(`| ${nl ? "Onderwerp" : "Topic"} | ${timeline.dates.join(" | ")} |`, `| --- | ${timeline.dates.map(() => "---:").join(" | ")} |`);
    for (const topic of changing)
      out.push(
        `| ${markdownCell(topic.label)} | ${topic.points.map((p) => `${formatScore(p.national)}${p.verdict === "witte-vlek" || p.verdict === "mogelijke-witte-vlek" ? ` ${VERDICT_SYMBOLS[p.verdict]}` : ""}`).join(" | ")} |`,
      );
    out.push("");
  }
  for (const { date, changes } of timelineChanges(timeline)) {
    out.push(`**${date}**`, "");
    for (const change of changes) out.push(`- ${markdownCell(timelineChangeText(change, lang))}`);
    out.push("");
  }
  return out;
}
