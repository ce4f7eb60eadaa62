// Fixed labels in Dutch (default) and English. Data content (topic labels, quotes) stays
// as encoded; only the tool's own words are translated.

import type { Category, Decision, Group, ReferenceConclusion } from "../model.js";
import type { Gap, Reason, Verdict } from "../analyse/coverage.js";

export type Lang = "nl" | "en";

export const CATEGORY_LABELS: Record<Lang, Record<Category, string>> = {
  nl: {
    cultuur: "Cultuur",
    "regionale-samenwerking": "Samenwerkingen in de regio",
    wijken: "Ontwikkeling in wijken/kernen",
    preventie: "Preventie",
    "zorg-thuis": "Zorg en ondersteuning thuis",
    professionals: "Professionals",
    wonen: "Wonen",
    digitalisering: "Digitalisering",
  },
  en: {
    cultuur: "Culture",
    "regionale-samenwerking": "Regional cooperation",
    wijken: "Neighbourhoods",
    preventie: "Prevention",
    "zorg-thuis": "Care and support at home",
    professionals: "Professionals",
    wonen: "Housing",
    digitalisering: "Digitalisation",
  },
};

export const VERDICT_LABELS: Record<Lang, Record<Verdict, string>> = {
  nl: { "witte-vlek": "witte vlek", "mogelijke-witte-vlek": "mogelijke witte vlek", gedekt: "gedekt", "geen-signaal": "geen signaal" },
  en: { "witte-vlek": "white spot", "mogelijke-witte-vlek": "possible white spot", gedekt: "covered", "geen-signaal": "no signal" },
};

export const VERDICT_SHORT: Record<Lang, Record<Verdict, string>> = {
  nl: { "witte-vlek": "witte vlek", "mogelijke-witte-vlek": "mogelijk", gedekt: "gedekt", "geen-signaal": "geen signaal" },
  en: { "witte-vlek": "white spot", "mogelijke-witte-vlek": "possible", gedekt: "covered", "geen-signaal": "no signal" },
};

/** Shape symbols, so the verdict reads without colour. */
export const VERDICT_SYMBOLS: Record<Verdict, string> = {
  "witte-vlek": "■",
  "mogelijke-witte-vlek": "▲",
  gedekt: "✓",
  "geen-signaal": "·",
};

export const GAP_LABELS: Record<Lang, Record<Gap, string>> = {
  nl: { beleid: "beleid", uitvoering: "uitvoering", beide: "beide" },
  en: { beleid: "policy", uitvoering: "implementation", beide: "both" },
};

export const GROUP_LABELS: Record<Lang, Record<Group, string>> = {
  nl: { ouderen: "ouderen", professionals: "professionals", experts: "experts en bestuurders" },
  en: { ouderen: "older people", professionals: "professionals", experts: "experts and board members" },
};

/** One-letter codes for the Vraag (demand) column. */
export const GROUP_LETTERS: Record<Group, string> = { ouderen: "O", professionals: "P", experts: "E" };

export const DECISION_LABELS: Record<Lang, Record<Decision, string>> = {
  nl: { monitor: "monitoren", accepted: "geaccepteerd", action: "actie" },
  en: { monitor: "monitor", accepted: "accepted", action: "action" },
};

export const REFERENCE_LABELS: Record<Lang, Record<ReferenceConclusion, string>> = {
  nl: { "possible-white-spot": "mogelijke witte vlek", covered: "gedekt", monitor: "aandachtspunt" },
  en: { "possible-white-spot": "possible white spot", covered: "covered", monitor: "point of attention" },
};

export const WORDS: Record<Lang, Record<string, string>> = {
  nl: {
    topic: "Onderwerp",
    regions: "Regio's",
    demand: "Vraag",
    verdict: "Oordeel",
    report: "Rapport",
    decision: "Besluit",
    national: "Landelijk",
    agrees: "eens",
    differs: "anders",
    legend: "Legenda",
    summary: "Samenvatting",
    estimate: "schatting",
  },
  en: {
    topic: "Topic",
    regions: "Regions",
    demand: "Demand",
    verdict: "Verdict",
    report: "Report",
    decision: "Decision",
    national: "National",
    agrees: "agrees",
    differs: "differs",
    legend: "Legend",
    summary: "Summary",
    estimate: "estimate",
  },
};

export function formatScore(score: number): string {
  return score.toFixed(2);
}

export function formatGroups(groups: readonly Group[], lang: Lang): string {
  return groups.map((g) => GROUP_LABELS[lang][g]).join(", ");
}

/** A reason as one sentence. */
export function reasonText(reason: Reason, lang: Lang): string {
  const nl = lang === "nl";
  const f = formatScore;
  switch (reason.code) {
    case "no-demand":
      return nl ? "geen respondentgroep noemt dit onderwerp: getoond, niet beoordeeld" : "no respondent group raises this topic: shown, not judged";
    case "demand":
      return nl
        ? `vraag van ${reason.groups.length} groep(en) (${formatGroups(reason.groups, lang)}) in ${reason.themes.length} thema('s): vereiste regionale dekking ${f(reason.required)}`
        : `raised by ${reason.groups.length} group(s) (${formatGroups(reason.groups, lang)}) in ${reason.themes.length} theme(s): required regional coverage ${f(reason.required)}`;
    case "national-short":
      return nl
        ? `landelijke dekking ${f(reason.score)} < ${f(reason.threshold)}${reason.best ? ` (sterkste actie: ${reason.best.action}, ${reason.best.strength}${reason.best.scope === "general" ? ", algemeen" : ""})` : " (geen actie in de akkoorden)"}`
        : `national coverage ${f(reason.score)} < ${f(reason.threshold)}${reason.best ? ` (strongest action: ${reason.best.action}, ${reason.best.strength}${reason.best.scope === "general" ? ", general" : ""})` : " (no action in the accords)"}`;
    case "national-ok":
      return nl
        ? `landelijke dekking ${f(reason.score)} ≥ ${f(reason.threshold)} in ${reason.breadth} akkoord(en) (sterkste actie: ${reason.best.action}, ${reason.best.strength})`
        : `national coverage ${f(reason.score)} ≥ ${f(reason.threshold)} in ${reason.breadth} accord(s) (strongest action: ${reason.best.action}, ${reason.best.strength})`;
    case "regional-unknown":
      return nl ? "regionaal niet beoordeeld: onbekend telt als niet gedekt" : "not assessed regionally: unknown counts as not covered";
    case "regional-short":
    case "regional-ok": {
      const cmp = reason.code === "regional-short" ? "<" : "≥";
      const basis = nl
        ? `${reason.counted} regio's${reason.estimate ? ", schatting uit de steekproef" : ""}`
        : `${reason.counted} regions${reason.estimate ? ", estimated from the sample" : ""}`;
      return nl
        ? `regionale dekking ${f(reason.score)} ${cmp} vereist ${f(reason.required)} (${basis})`
        : `regional coverage ${f(reason.score)} ${cmp} required ${f(reason.required)} (${basis})`;
    }
    case "white-spot":
      return nl
        ? `witte vlek: landelijk ${f(reason.national)} < ${f(reason.nationalThreshold)} én regionaal ${f(reason.regional)} < ${f(reason.regionalThreshold)}`
        : `white spot: national ${f(reason.national)} < ${f(reason.nationalThreshold)} and regional ${f(reason.regional)} < ${f(reason.regionalThreshold)}`;
  }
}
