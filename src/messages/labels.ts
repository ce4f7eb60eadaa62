// Fixed labels in Dutch (default) and English. Data content (topic labels, quotes) stays
// as encoded; only the tool's own words are translated. The names of respondent groups,
// categories and action domains are the study's own (study.yaml `vocabulary`): the
// functions below look them up there.

import type {
  Category,
  Decision,
  Group,
  PlanStatus,
  Prevalence,
  ReferenceConclusion,
  Scope,
  Strength,
  DocumentKind,
  ExclusionReason,
  Vocabulary,
  VocabularyTerm,
} from "../model.js";
import type { Level } from "../analyse/levels.js";
import type { Gap, Reason, Verdict } from "../analyse/coverage.js";

export type Lang = "nl" | "en";

export const VERDICT_LABELS: Record<Lang, Record<Verdict, string>> = {
  nl: { "witte-vlek": "witte vlek", "mogelijke-witte-vlek": "mogelijke witte vlek", "gedekt": "gedekt", "geen-signaal": "geen signaal" },
  en: { "witte-vlek": "white spot", "mogelijke-witte-vlek": "possible white spot", "gedekt": "covered", "geen-signaal": "no signal" },
};

export const VERDICT_SHORT: Record<Lang, Record<Verdict, string>> = {
  nl: { "witte-vlek": "witte vlek", "mogelijke-witte-vlek": "mogelijk", "gedekt": "gedekt", "geen-signaal": "geen signaal" },
  en: { "witte-vlek": "white spot", "mogelijke-witte-vlek": "possible", "gedekt": "covered", "geen-signaal": "no signal" },
};

/** A number with its noun, the plural chosen by the number: "1 onderwerp", "3 onderwerpen". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A verdict after a count, singular and plural: "1 witte vlek", "2 witte vlekken". */
export const VERDICT_COUNTED: Record<Lang, Record<Verdict, [string, string]>> = {
  nl: {
    "witte-vlek": ["witte vlek", "witte vlekken"],
    "mogelijke-witte-vlek": ["mogelijke witte vlek", "mogelijke witte vlekken"],
    "gedekt": ["gedekt", "gedekt"],
    "geen-signaal": ["geen signaal", "geen signaal"],
  },
  en: {
    "witte-vlek": ["white spot", "white spots"],
    "mogelijke-witte-vlek": ["possible white spot", "possible white spots"],
    "gedekt": ["covered", "covered"],
    "geen-signaal": ["no signal", "no signal"],
  },
};

/** Shape symbols of a plan's status, so it reads without colour. */
export const PLAN_STATUS_SYMBOLS: Record<PlanStatus, string> = { concrete: "●", ambition: "◐", absent: "○", unknown: "?" };

/** Shape symbols, so the verdict reads without colour. */
export const VERDICT_SYMBOLS: Record<Verdict, string> = {
  "witte-vlek": "■",
  "mogelijke-witte-vlek": "▲",
  "gedekt": "✓",
  "geen-signaal": "·",
};

export const GAP_LABELS: Record<Lang, Record<Gap, string>> = {
  nl: { beleid: "beleid", uitvoering: "uitvoering", beide: "beide" },
  en: { beleid: "policy", uitvoering: "implementation", beide: "both" },
};

export const DECISION_LABELS: Record<Lang, Record<Decision, string>> = {
  nl: { monitor: "monitoren", accepted: "geaccepteerd", action: "actie" },
  en: { monitor: "monitor", accepted: "accepted", action: "action" },
};

export const REFERENCE_LABELS: Record<Lang, Record<ReferenceConclusion, string>> = {
  nl: { "possible-white-spot": "mogelijke witte vlek", "covered": "gedekt", "monitor": "aandachtspunt" },
  en: { "possible-white-spot": "possible white spot", "covered": "covered", "monitor": "point of attention" },
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

/** A term's name in the language; the id itself for a term the list lacks (data that was not validated). */
function termName(terms: readonly VocabularyTerm[], id: string, lang: Lang): string {
  const term = terms.find((t) => t.id === id);
  return term === undefined ? id : lang === "nl" ? term.name : term.name_en;
}

/** A topic's label in the language: `label_en` in English where the data has one, else the (Dutch) label as encoded. */
export function topicLabel(topic: { label: string; labelEn?: string | undefined }, lang: Lang): string {
  return lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
}

/** The name of a respondent group of the study's vocabulary, in the language. */
export function groupName(vocabulary: Vocabulary, group: Group, lang: Lang): string {
  return termName(vocabulary.groups, group, lang);
}

/** The one-letter code of a group for the demand column; the id's first letter for a group the vocabulary lacks. */
export function groupLetter(vocabulary: Vocabulary, group: Group): string {
  return vocabulary.groups.find((g) => g.id === group)?.letter ?? group.slice(0, 1).toUpperCase();
}

/** The name of a category of the study's vocabulary, in the language. */
export function categoryName(vocabulary: Vocabulary, category: Category, lang: Lang): string {
  return termName(vocabulary.categories, category, lang);
}

/** The name of a policy domain of accord actions of the study's vocabulary. */
export function domainName(vocabulary: Vocabulary, domain: string, lang: Lang): string {
  return termName(vocabulary.domains, domain, lang);
}

/** The demand legend: each group of the vocabulary as `<letter> = <name>`, in the study's order. */
export function groupLegend(vocabulary: Vocabulary, lang: Lang): string[] {
  return vocabulary.groups.map((g) => `${g.letter} = ${lang === "nl" ? g.name : g.name_en}`);
}

/** A topic's demand as letters: one place per group of the vocabulary, `·` where it does not ask. */
export function demandLetters(vocabulary: Vocabulary, groups: readonly Group[], separator: string): string {
  return vocabulary.groups.map((g) => (groups.includes(g.id) ? g.letter : "·")).join(separator);
}

/** Group names joined by commas, in the order given. */
export function formatGroups(groups: readonly Group[], vocabulary: Vocabulary, lang: Lang): string {
  return groups.map((g) => groupName(vocabulary, g, lang)).join(", ");
}

/** A reason as one sentence; group names from the study's vocabulary. */
export function reasonText(reason: Reason, lang: Lang, vocabulary: Vocabulary): string {
  const nl = lang === "nl";
  const f = formatScore;
  switch (reason.code) {
    case "no-demand":
      return nl ? "geen respondentgroep noemt dit onderwerp: getoond, niet beoordeeld" : "no respondent group raises this topic: shown, not judged";
    case "demand":
      return nl
        ? `vraag van ${count(reason.groups.length, "groep", "groepen")} (${formatGroups(reason.groups, vocabulary, lang)}) in ${count(reason.themes.length, "thema", "thema's")}: vereiste regionale dekking ${f(reason.required)}`
        : `raised by ${count(reason.groups.length, "group", "groups")} (${formatGroups(reason.groups, vocabulary, lang)}) in ${count(reason.themes.length, "theme", "themes")}: required regional coverage ${f(reason.required)}`;
    case "national-short":
      return nl
        ? `landelijke dekking ${f(reason.score)} < ${f(reason.threshold)}${reason.best ? ` (sterkste actie: ${reason.best.action}, ${STRENGTH_LABELS.nl[reason.best.strength]}${reason.best.scope === "general" ? ", algemeen" : ""})` : " (geen actie in de akkoorden)"}`
        : `national coverage ${f(reason.score)} < ${f(reason.threshold)}${reason.best ? ` (strongest action: ${reason.best.action}, ${reason.best.strength}${reason.best.scope === "general" ? ", general" : ""})` : " (no action in the accords)"}`;
    case "national-ok":
      return nl
        ? `landelijke dekking ${f(reason.score)} ≥ ${f(reason.threshold)} in ${count(reason.breadth, "akkoord", "akkoorden")} ${reason.best ? `(sterkste actie: ${reason.best.action}, ${STRENGTH_LABELS.nl[reason.best.strength]})` : "(geen actie in de akkoorden; de drempel is 0)"}`
        : `national coverage ${f(reason.score)} ≥ ${f(reason.threshold)} in ${count(reason.breadth, "accord", "accords")} ${reason.best ? `(strongest action: ${reason.best.action}, ${reason.best.strength})` : "(no action in the accords; the threshold is 0)"}`;
    case "regional-unknown":
      return nl ? "regionaal niet beoordeeld: onbekend telt als niet gedekt" : "not assessed regionally: unknown counts as not covered";
    case "regional-insufficient":
      return nl
        ? `regionaal niet beoordeeld: bewijs uit ${count(reason.regions, "regio", "regio's")}, minimaal ${reason.minimum} nodig; onbekend telt als niet gedekt`
        : `not assessed regionally: evidence from ${count(reason.regions, "region", "regions")}, at least ${reason.minimum} needed; unknown counts as not covered`;
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

// Labels of the PDF report. The report shows the data's enum values in words, so these
// mirror the model's unions.

export const PREVALENCE_LABELS: Record<Lang, Record<Prevalence, string>> = {
  nl: {
    "all": "alle plannen",
    "almost-all": "vrijwel alle plannen",
    "most": "de meeste plannen",
    "more-than-half": "meer dan de helft",
    "half": "de helft",
    "some": "een deel van de plannen",
    "few": "weinig plannen",
    "none": "geen plan",
    "not-assessed": "niet beoordeeld",
  },
  en: {
    "all": "all plans",
    "almost-all": "almost all plans",
    "most": "most plans",
    "more-than-half": "more than half",
    "half": "half",
    "some": "some plans",
    "few": "few plans",
    "none": "no plan",
    "not-assessed": "not assessed",
  },
};

export const STRENGTH_LABELS: Record<Lang, Record<Strength, string>> = {
  nl: { measure: "maatregel", agreement: "afspraak", mention: "genoemd" },
  en: { measure: "measure", agreement: "agreement", mention: "mention" },
};

export const SCOPE_LABELS: Record<Lang, Record<Scope, string>> = {
  nl: { specific: "specifiek voor ouderen", general: "algemeen (niet specifiek voor ouderen)" },
  en: { specific: "specific to older people", general: "general (not specific to older people)" },
};

/** One-word forms of the scopes, where a scope stands as a value in a change or a comparison ("algemeen → specifiek"). */
export const SCOPE_SHORT: Record<Lang, Record<Scope, string>> = {
  nl: { specific: "specifiek", general: "algemeen" },
  en: { specific: "specific", general: "general" },
};

export const PLAN_STATUS_LABELS: Record<Lang, Record<PlanStatus, string>> = {
  nl: { concrete: "concreet", ambition: "ambitie", absent: "afwezig", unknown: "onbekend" },
  en: { concrete: "concrete", ambition: "ambition", absent: "absent", unknown: "unknown" },
};

export const LEVEL_LABELS: Record<Lang, Record<Level, string>> = {
  nl: { high: "hoog", medium: "midden", low: "laag", none: "geen", unknown: "onbekend" },
  en: { high: "high", medium: "medium", low: "low", none: "none", unknown: "unknown" },
};

/** Reasons for leaving a screened passage out (data/screening.yaml). */
export const EXCLUSION_LABELS: Record<Lang, Record<ExclusionReason, string>> = {
  nl: {
    "other-population": "andere doelgroep",
    "no-commitment": "geen toezegging",
    "duplicate": "dubbel",
    "off-topic": "ander onderwerp",
    "background": "achtergrond",
    "other-setting": "andere setting",
  },
  en: {
    "other-population": "other population",
    "no-commitment": "no commitment",
    "duplicate": "duplicate",
    "off-topic": "off topic",
    "background": "background",
    "other-setting": "other setting",
  },
};

/** One-word forms of the exclusion reasons, for narrow table headers (the legend gives EXCLUSION_LABELS). */
export const EXCLUSION_SHORT: Record<Lang, Record<ExclusionReason, string>> = {
  nl: {
    "other-population": "doelgroep",
    "no-commitment": "toezegging",
    "duplicate": "dubbel",
    "off-topic": "onderwerp",
    "background": "context",
    "other-setting": "setting",
  },
  en: {
    "other-population": "population",
    "no-commitment": "commitment",
    "duplicate": "duplicate",
    "off-topic": "off topic",
    "background": "background",
    "other-setting": "setting",
  },
};

export const DOCUMENT_KIND_LABELS: Record<Lang, Record<DocumentKind, string>> = {
  nl: {
    "report": "onderzoeksrapport",
    "accord": "akkoord",
    "programme": "programma",
    "region-plan": "regioplan",
    "letter": "brief",
    "web": "webpagina",
    "context": "context",
  },
  en: {
    "report": "study report",
    "accord": "accord",
    "programme": "programme",
    "region-plan": "region plan",
    "letter": "letter",
    "web": "web page",
    "context": "context",
  },
};

/** Fixed words and headings of the PDF report. */
export interface ReportWords {
  kicker: string;
  question: string;
  authors: string;
  organisations: string;
  commissionedBy: string;
  placeAndDate: string;
  generatedOn: string;
  /** In place of generatedOn when the date is the study's own (no SOURCE_DATE_EPOCH). */
  studyDate: string;
  dataVersion: string;
  contents: string;
  page: string;
  pageOf: string;
  method: string;
  matrix: string;
  matrixContinued: string;
  /** Put after a heading repeated where its part goes on over a page. */
  continued: string;
  whiteSpots: string;
  comparison: string;
  sources: string;
  nationalPerAccord: string;
  levelsHeading: string;
  verdictHeading: string;
  demandHeading: string;
  notMentioned: string;
  estimateNote: string;
  decisionNote: string;
  gap: string;
  reasons: string;
  interviewDemand: string;
  accordActions: string;
  regionalFinding: string;
  reportConclusion: string;
  decision: string;
  source: string;
  noTheme: string;
  noAction: string;
  noRegionalFinding: string;
  noReference: string;
  sample: string;
  conflicting: string;
  indirect: string;
  notCounted: string;
  regionPlan: string;
  required: string;
  breadth: string;
  computedVerdict: string;
  comparisonResult: string;
  differences: string;
  noDifferences: string;
  noFlagged: string;
  document: string;
  title: string;
  role: string;
  citing: string;
  accords: string;
  decidedBy: string;
  agreesLong: string;
  differsLong: string;
  nationalShort: string;
  nationalLong: string;
  regionalLong: string;
  threshold: string;
  group: string;
  groups: string;
  indicator: string;
  regionPlans: string;
  columnInferred: string;
  noActionIn: string;
  whiteSpotsIntro: string;
  noReferences: string;
}

export const REPORT_WORDS: Record<Lang, ReportWords> = {
  nl: {
    kicker: "Dekkingsanalyse van beleidsakkoorden",
    question: "Onderzoeksvraag",
    authors: "Auteurs",
    organisations: "Organisaties",
    commissionedBy: "In opdracht van",
    placeAndDate: "Plaats en datum",
    generatedOn: "Gegenereerd op",
    studyDate: "Datum van de studie",
    dataVersion: "dataversie",
    contents: "Inhoud",
    page: "pagina",
    pageOf: "van",
    method: "Methode",
    matrix: "Dekkingsmatrix",
    matrixContinued: "Dekkingsmatrix (vervolg)",
    continued: "vervolg",
    whiteSpots: "Witte vlekken en mogelijke witte vlekken",
    comparison: "Vergelijking met de gepubliceerde analyse",
    sources: "Bronnen",
    nationalPerAccord: "Landelijke dekking per akkoord",
    levelsHeading: "Dekkingsniveau",
    verdictHeading: "Oordeel",
    demandHeading: "Vraag",
    notMentioned: "groep noemt het onderwerp niet",
    estimateNote: "schatting uit de steekproef van regioplannen",
    decisionNote: "besluit van de werkorganisatie",
    gap: "tekort",
    reasons: "Waarom dit oordeel",
    interviewDemand: "Vraag uit de interviews",
    accordActions: "Acties in de akkoorden",
    regionalFinding: "Regionale bevinding",
    reportConclusion: "Conclusie van het rapport",
    decision: "Besluit",
    source: "bron",
    noTheme: "Geen interviewthema noemt dit onderwerp.",
    noAction: "Geen actie in de akkoorden noemt dit onderwerp.",
    noRegionalFinding: "Geen bevinding in de regioplannen: regionaal niet beoordeeld.",
    noReference: "Het rapport trekt over dit onderwerp geen conclusie.",
    sample: "Steekproef",
    conflicting: "Tegenstrijdige uitspraak",
    indirect: "indirect, gehalveerd",
    notCounted: "niet meegeteld",
    regionPlan: "Regioplan",
    required: "vereist",
    breadth: "breedte",
    computedVerdict: "Berekend oordeel",
    comparisonResult: "Vergelijking",
    differences: "Waar het berekende oordeel afwijkt",
    noDifferences: "Het berekende oordeel stemt bij elk onderwerp overeen met het rapport.",
    noFlagged: "Geen onderwerp is een (mogelijke) witte vlek.",
    document: "Document",
    title: "Titel",
    role: "Rol",
    citing: "Zo worden bronnen aangehaald",
    accords: "Akkoorden",
    decidedBy: "door",
    agreesLong: "eens",
    differsLong: "wijkt af",
    nationalShort: "landelijk",
    nationalLong: "Landelijke dekking",
    regionalLong: "Regionale dekking",
    threshold: "drempel",
    group: "groep",
    groups: "groepen",
    indicator: "indicator van de regioplananalyse",
    regionPlans: "regioplannen",
    columnInferred: "akkoord afgeleid uit de opmaak van de bron",
    noActionIn: "Geen actie in",
    noReferences: "De data bevatten geen conclusies van het rapport om mee te vergelijken.",
    whiteSpotsIntro:
      "{n} onderwerpen zijn een witte vlek of een mogelijke witte vlek. Per onderwerp: het oordeel en waarom, de vraag uit de interviews, de acties in de akkoorden, de regionale bevinding, de conclusie van het rapport en het besluit van de werkorganisatie — elk met de bron.",
  },
  en: {
    kicker: "Coverage analysis of policy accords",
    question: "Research question",
    authors: "Authors",
    organisations: "Organisations",
    commissionedBy: "Commissioned by",
    placeAndDate: "Place and date",
    generatedOn: "Generated on",
    studyDate: "Date of the study",
    dataVersion: "data version",
    contents: "Contents",
    page: "page",
    pageOf: "of",
    method: "Method",
    matrix: "Coverage matrix",
    matrixContinued: "Coverage matrix (continued)",
    continued: "continued",
    whiteSpots: "White spots and possible white spots",
    comparison: "Comparison with the published analysis",
    sources: "Sources",
    nationalPerAccord: "National coverage per accord",
    levelsHeading: "Coverage level",
    verdictHeading: "Verdict",
    demandHeading: "Demand",
    notMentioned: "group does not raise the topic",
    estimateNote: "estimate from the sample of region plans",
    decisionNote: "decision of the working organisation",
    gap: "gap",
    reasons: "Why this verdict",
    interviewDemand: "Demand from the interviews",
    accordActions: "Actions in the accords",
    regionalFinding: "Regional finding",
    reportConclusion: "The report's conclusion",
    decision: "Decision",
    source: "source",
    noTheme: "No interview theme raises this topic.",
    noAction: "No action in the accords addresses this topic.",
    noRegionalFinding: "No finding in the region plans: not assessed regionally.",
    noReference: "The report draws no conclusion on this topic.",
    sample: "Sample",
    conflicting: "Conflicting statement",
    indirect: "indirect, halved",
    notCounted: "not counted",
    regionPlan: "Region plan",
    required: "required",
    breadth: "breadth",
    computedVerdict: "Computed verdict",
    comparisonResult: "Comparison",
    differences: "Where the computed verdict differs",
    noDifferences: "The computed verdict matches the report for every topic.",
    noFlagged: "No topic is a (possible) white spot.",
    document: "Document",
    title: "Title",
    role: "Role",
    citing: "How sources are cited",
    accords: "Accords",
    decidedBy: "by",
    agreesLong: "agrees",
    differsLong: "differs",
    nationalShort: "national",
    nationalLong: "National coverage",
    regionalLong: "Regional coverage",
    threshold: "threshold",
    group: "group",
    groups: "groups",
    indicator: "region-plan indicator",
    regionPlans: "region plans",
    columnInferred: "accord inferred from the source's layout",
    noActionIn: "No action in",
    noReferences: "The data hold no conclusions of the report to compare with.",
    whiteSpotsIntro:
      "{n} topics are a white spot or a possible white spot. For each: the verdict and why, the demand from the interviews, the actions in the accords, the regional finding, the report's conclusion and the working organisation's decision — each with its source.",
  },
};

const MONTHS: Record<Lang, readonly string[]> = {
  nl: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/**
 * A calendar date in words ("2 augustus 2024"). A Date is read in UTC and an ISO date string
 * as written, so the result never depends on the machine's time zone or ICU data.
 */
export function formatDate(date: Date | string, lang: Lang): string {
  let year: number;
  let month: number;
  let day: number;
  if (typeof date === "string") {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!match) return date;
    year = Number(match[1]);
    month = Number(match[2]) - 1;
    day = Number(match[3]);
  } else {
    year = date.getUTCFullYear();
    month = date.getUTCMonth();
    day = date.getUTCDate();
  }
  const name = MONTHS[lang][month];
  if (name === undefined) return typeof date === "string" ? date : date.toISOString().slice(0, 10);
  return `${day} ${name} ${year}`;
}

/** "▲ mogelijk (uitvoering)": the verdict's symbol and word, with the gap where it is not a white spot. */
export function verdictText(topic: { verdict: Verdict; gap: Gap | null }, lang: Lang, form: "short" | "long" = "short"): string {
  const words = form === "short" ? VERDICT_SHORT : VERDICT_LABELS;
  const gap = topic.gap && topic.verdict !== "witte-vlek" ? ` (${GAP_LABELS[lang][topic.gap]})` : "";
  return `${VERDICT_SYMBOLS[topic.verdict]} ${words[lang][topic.verdict]}${gap}`;
}
