// `dekking explain <topic>`: everything behind one row of the matrix, with sources.

import type { TopicCoverage } from "../analyse/coverage.js";
import type { Source, Study } from "../model.js";
import { CATEGORY_LABELS, DECISION_LABELS, formatScore, GAP_LABELS, GROUP_LABELS, reasonText, REFERENCE_LABELS, VERDICT_LABELS, VERDICT_SYMBOLS, type Lang } from "./labels.js";
import type { Paint } from "./paint.js";

export function formatSource(source: Source): string {
  return `${source.doc}, “${source.section}”${source.slide !== undefined ? `, dia ${source.slide}` : ""}`;
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

export function renderExplain(study: Study, topic: TopicCoverage, options: { lang: Lang; paint: Paint; width: number }): string {
  const { lang, paint } = options;
  const nl = lang === "nl";
  const width = Math.max(60, Math.min(options.width, 120));
  const out: string[] = [];
  const label = lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
  out.push(paint.bold(`${label} (${topic.id})`));
  out.push(`${CATEGORY_LABELS[lang][topic.category]}${topic.indicator ? (nl ? " — indicator van de regioplananalyse" : " — region-plan indicator") : ""}`);
  const gap = topic.gap ? ` — ${nl ? "tekort" : "gap"}: ${GAP_LABELS[lang][topic.gap]}` : "";
  out.push(paint.bold(`${nl ? "Oordeel" : "Verdict"}: ${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_LABELS[lang][topic.verdict]}${gap}`));
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
      out.push(`    ${formatScore(evidence.score)} ${evidence.strength}${scope} — ${action.id}`);
      out.push(wrap(`“${action.text}”`, width, "      "));
      out.push(paint.dim(`      ${nl ? "bron" : "source"}: ${formatSource(action.source)}${action.attribution === "inferred" ? (nl ? " — kolom afgeleid" : " — column inferred") : ""}`));
    }
  }
  out.push("");

  // Regional
  const regional = topic.regional;
  const regionalScore = regional.score === null ? (nl ? "niet beoordeeld" : "not assessed") : `${regional.estimate ? "~" : ""}${formatScore(regional.score)}`;
  out.push(paint.bold(`${nl ? "Regionaal" : "Regional"}: ${regionalScore} (${regional.counted} ${nl ? "regio's" : "regions"}, ${regional.assessedFindings} ${nl ? "beoordeelde regioplannen" : "assessed region plans"})`));
  const sampleFinding = study.sample?.findings[topic.id];
  if (sampleFinding && regional.sample) {
    const share = regional.sample.share === null ? "—" : formatScore(regional.sample.share);
    out.push(`  ${nl ? "Steekproef" : "Sample"} (${study.sample!.regions.length} ${nl ? "regioplannen" : "region plans"}): ${sampleFinding.prevalence} → ${share}${sampleFinding.evidence === "indirect" ? (nl ? " (indirect, gehalveerd)" : " (indirect, halved)") : ""}`);
    if (sampleFinding.quote) out.push(wrap(`“${sampleFinding.quote}”`, width, "    "));
    for (const other of sampleFinding.conflicting ?? []) {
      out.push(wrap(`${nl ? "Tegenstrijdig" : "Conflicting"} (${other.prevalence}): “${other.quote}”`, width, "    "));
    }
    if (sampleFinding.note) out.push(paint.dim(wrap(sampleFinding.note, width, "    ")));
    out.push(paint.dim(`    ${nl ? "bron" : "source"}: ${formatSource(sampleFinding.source)}`));
  } else {
    out.push(nl ? "  Steekproef: geen bevinding." : "  Sample: no finding.");
  }
  for (const plan of regional.plans) {
    const finding = study.regionPlans.find((p) => p.file === plan.file)?.findings[topic.id];
    out.push(`  ${plan.region}: ${plan.status}${plan.indirect ? " (indirect)" : ""}${plan.score === null ? (nl ? " — niet meegeteld" : " — not counted") : ` → ${formatScore(plan.score)}`}${finding?.page ? `, p. ${finding.page}` : ""}`);
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
