// The fixed words and sentences of the command outputs (`matrix`, `explain`, `regions`, `diff`,
// `screen`, `agreement`, `init`) in Dutch and English: per command one typed interface and one
// object per language, so a renderer picks `X_WORDS[lang]` once and never chooses words by
// language itself. Sentences that carry counts are functions that choose the plural by count.
// Words the report already has (labels.ts, reportText.ts, pageWords.ts) are referred to, not
// repeated. Numbers arrive formatted; data text (labels, names, quotes) arrives as it is, and
// each renderer escapes the result for its output kind.

import type { ExclusionReason } from "../model.js";
import type { Gap, Verdict } from "../analyse/coverage.js";
import { GAP_LABELS, PLAN_STATUS_LABELS, REPORT_WORDS, STRENGTH_LABELS, VERDICT_COUNTED, VERDICT_LABELS, WORDS, type Lang } from "./labels.js";
import { PAGE_WORDS } from "./pageWords.js";
import { count, REPORT_TEXT } from "./reportText.js";

/** Small words several outputs share. */
interface CommonWords {
  yes: string;
  no: string;
  /** An empty list or value. */
  none: string;
}

const COMMON: Record<Lang, CommonWords> = {
  nl: { yes: "ja", no: "nee", none: "geen" },
  en: { yes: "yes", no: "no", none: "none" },
};

// ── matrix ───────────────────────────────────────────────────────────────────

/** The parts of a study the matrix needs before it can give verdicts. */
export type StudyPart = "groups" | "categories" | "topics" | "accords" | "demand" | "regions";

/** Words of `dekking matrix` (table and Markdown) beyond the column headers of `WORDS`. */
export interface MatrixWords {
  /** The level legend's entry for a regional score that is not there. */
  notAssessed: string;
  /** What `~` before a regional score means. */
  estimate: string;
  /** After the verdicts in the legend: what the brackets behind a verdict say. */
  gapNote: string;
  /** The report column's legend: what `=` and `≠` mean. */
  agreesWithReport: string;
  differsFromReport: string;
  /** The one heading over all rows when they come in priority order. */
  byPriority: string;
  /** The letter before the national score where a topic takes two lines (the regional one is `R` in both languages). */
  nationalLetter: string;
  /** The gaps as letters, for the verdict column of a narrow table. */
  gapLetters: Record<Gap, string>;
  /** Under a narrow table, in place of the report column's legend: the gap letters and the decision marker. */
  narrowNote: string;
  /** The letter before the regional score on a topic's second line when the rows stack. */
  regionalLetter: string;
  /** Under stacked rows: what the letters before the scores mean. */
  stackedNote: string;
  /**
   * The summary line: topics, then per verdict its count (in the order of `verdicts`), then how
   * many of the topics the report concludes on agree with it.
   */
  summary: (topics: number, verdicts: readonly [Verdict, number][], agreeing: number, compared: number) => string;
  /** Each part of a study the matrix still lacks, with the file it goes in. */
  parts: Record<StudyPart, string>;
  /** The sentence under an empty matrix, naming the parts (already in words) it lacks. */
  missing: (parts: readonly string[]) => string;
}

export const MATRIX_WORDS: Record<Lang, MatrixWords> = {
  nl: {
    notAssessed: "niet beoordeeld",
    estimate: "schatting uit de steekproef",
    gapNote: `tussen haakjes waar het tekort zit (${GAP_LABELS.nl.beleid} = ${REPORT_WORDS.nl.nationalShort}, ${GAP_LABELS.nl.uitvoering} = ${REPORT_TEXT.nl.regional})`,
    agreesWithReport: "eens met de conclusie van het rapport",
    differsFromReport: "wijkt af (dekking explain <onderwerp>)",
    byPriority: "Op prioriteit (gemarkeerde onderwerpen eerst)",
    nationalLetter: "L",
    regionalLetter: "R",
    stackedNote: "Per onderwerp een tweede regel: L = landelijke dekking (het hoogste akkoord), R = regionale dekking.",
    gapLetters: { beleid: "B", uitvoering: "U", beide: "B+U" },
    narrowNote:
      "Smal scherm: B = beleid, U = uitvoering, B+U = beide; * = besluit van de analisten (dekking explain <onderwerp>). Breder dan 110 kolommen toont alles.",
    summary: (topics, verdicts, agreeing, compared) =>
      `${count(topics, "onderwerp", "onderwerpen")}: ${verdicts.map(([v, n]) => count(n, ...VERDICT_COUNTED.nl[v])).join(", ")}. Eens met het rapport: ${agreeing}/${compared}.`,
    parts: {
      groups: "respondentgroepen (vocabulary.groups in study.yaml)",
      categories: "categorieën (vocabulary.categories in study.yaml)",
      topics: "onderwerpen (topics.yaml)",
      accords: "akkoorden (accords/ en accords: in study.yaml)",
      demand: "interviewthema's die een onderwerp noemen (interviews.yaml)",
      regions: "regio's (regions: in study.yaml) of beoordeelde regioplannen (regions/)",
    },
    missing: (parts) =>
      `De matrix is nog leeg of zonder oordelen: de data hebben nog geen ${parts.join(", ")}. README.md in de map van de studie zegt wat eerst.`,
  },
  en: {
    notAssessed: "not assessed",
    estimate: "estimate from the sample",
    gapNote: `in brackets where it falls short (${GAP_LABELS.en.beleid} = ${REPORT_WORDS.en.nationalShort}, ${GAP_LABELS.en.uitvoering} = ${REPORT_TEXT.en.regional})`,
    agreesWithReport: "agrees with the report's conclusion",
    differsFromReport: "differs (dekking explain <topic>)",
    byPriority: "By priority (flagged topics first)",
    nationalLetter: "N",
    regionalLetter: "R",
    stackedNote: "Each topic has a second line: N = national coverage (the highest accord), R = regional coverage.",
    gapLetters: { beleid: "P", uitvoering: "I", beide: "P+I" },
    narrowNote:
      "Narrow screen: P = policy, I = implementation, P+I = both; * = analysts' decision (dekking explain <topic>). Wider than 110 columns shows everything.",
    summary: (topics, verdicts, agreeing, compared) =>
      `${count(topics, "topic", "topics")}: ${verdicts.map(([v, n]) => count(n, ...VERDICT_COUNTED.en[v])).join(", ")}. Agrees with the report: ${agreeing}/${compared}.`,
    parts: {
      groups: "respondent groups (vocabulary.groups in study.yaml)",
      categories: "categories (vocabulary.categories in study.yaml)",
      topics: "topics (topics.yaml)",
      accords: "accords (accords/ and accords: in study.yaml)",
      demand: "interview themes that name a topic (interviews.yaml)",
      regions: "regions (regions: in study.yaml) or assessed region plans (regions/)",
    },
    missing: (parts) =>
      `The matrix is still empty or without verdicts: the data have no ${parts.join(", ")} yet. README.md in the study's folder says what comes first.`,
  },
};

// ── explain ──────────────────────────────────────────────────────────────────

/** Words of `dekking explain` around the topic's evidence (which the report document gives). */
export interface ExplainWords {
  /** The line under the title: the date the evidence stands at and which evidence counts. */
  viewLine: (date: string, view: "report" | "all") => string;
  /** Heading over the actions left out at the date. */
  notCountedOn: (date: string) => string;
  /** Why an action is left out at the date. */
  outOfPeriod: Record<"lapsed" | "not-yet", string>;
  period: string;
  source: string;
  /** Heading of the part on how sure the verdict is. */
  howSure: string;
  /** A topic no group raises: nothing to be sure of. */
  noDemand: string;
  regional: string;
  /** Evidence from too few regions for a regional score. */
  tooFewRegions: (regions: number, minimum: number) => string;
  pessimistic: string;
  optimistic: string;
  /** Evidence from enough regions. */
  evidenceFrom: (regions: number, minimum: number) => string;
  uncertain: string;
  certain: string;
  robust: string;
  /** Heading over the single changes that flip the verdict. */
  sensitive: string;
  priority: string;
}

export const EXPLAIN_WORDS: Record<Lang, ExplainWords> = {
  nl: {
    viewLine: (date, view) =>
      `${REPORT_TEXT.nl.asOf} ${date} · ${PAGE_WORDS.nl.evidenceView}: ${view === "report" ? PAGE_WORDS.nl.evidenceReport : "alle bronnen"}`,
    notCountedOn: (date) => `Niet meegeteld op ${date}:`,
    outOfPeriod: { "lapsed": "verlopen", "not-yet": "nog niet begonnen" },
    period: REPORT_TEXT.nl.period,
    source: REPORT_WORDS.nl.source,
    howSure: "Hoe zeker",
    noDemand: "Geen vraag: het oordeel hangt van geen regel of codering af (robuust).",
    regional: "Regionaal",
    tooFewRegions: (regions, minimum) =>
      `Bewijs uit ${count(regions, "regio", "regio's")}; er ${minimum === 1 ? "is" : "zijn"} er minimaal ${minimum} nodig voordat een regionale score telt.`,
    pessimistic: REPORT_TEXT.nl.pessimistic,
    optimistic: "Optimistisch",
    evidenceFrom: (regions, minimum) => `Bewijs uit ${count(regions, "regio", "regio's")} (minimaal ${minimum}).`,
    uncertain: "Onzeker: het oordeel verschilt tussen de twee kanten van het interval.",
    certain: "Zeker binnen het interval.",
    robust: "Robuust: geen enkele wijziging van één regel of één codering kantelt het oordeel.",
    sensitive: "Gevoelig: deze enkele wijzigingen kantelen het oordeel:",
    priority: "Prioriteit",
  },
  en: {
    viewLine: (date, view) =>
      `${REPORT_TEXT.en.asOf} ${date} · ${PAGE_WORDS.en.evidenceView}: ${view === "report" ? PAGE_WORDS.en.evidenceReport : "all sources"}`,
    notCountedOn: (date) => `Not counted on ${date}:`,
    outOfPeriod: { "lapsed": "lapsed", "not-yet": "not yet begun" },
    period: REPORT_TEXT.en.period,
    source: REPORT_WORDS.en.source,
    howSure: "How sure",
    noDemand: "No demand: the verdict depends on no rule or encoding (robust).",
    regional: "Regional",
    tooFewRegions: (regions, minimum) =>
      `Evidence from ${count(regions, "region", "regions")}; at least ${minimum} ${minimum === 1 ? "is" : "are"} needed before a regional score counts.`,
    pessimistic: REPORT_TEXT.en.pessimistic,
    optimistic: "Optimistic",
    evidenceFrom: (regions, minimum) => `Evidence from ${count(regions, "region", "regions")} (at least ${minimum}).`,
    uncertain: "Uncertain: the verdict differs between the two ends of the interval.",
    certain: "Certain within the interval.",
    robust: "Robust: no single change of a rule or an encoding flips the verdict.",
    sensitive: "Sensitive: these single changes flip the verdict:",
    priority: "Priority",
  },
};

// ── regions ──────────────────────────────────────────────────────────────────

/** Words of `dekking regions` (table and Markdown). */
export interface RegionsWords {
  /** Header of the label column. */
  indicator: string;
  /** Row labels under the statuses: how much of a plan is assessed, the participation, whether the region is in the sample. */
  assessed: string;
  participation: string;
  inSample: string;
  /** Values of the in-sample row. */
  yes: string;
  extra: string;
  /** Heading over the topics that are no indicator. */
  other: string;
  /** Lead of the key that names abbreviated column headers. */
  columns: string;
  legend: string;
  /** The legend's entry for the `i` mark. */
  indirect: string;
  /** Behind the statuses in the legend. */
  unknownNote: string;
  /** Behind a status of indirect evidence in a Markdown cell. */
  indirectMark: string;
  noPlans: string;
  /** Where regional coverage comes from without assessed plans. */
  sampleOnly: (sampleRegions: number) => string;
  /** How to add a plan; `code` marks the command (Markdown: backticks). */
  addOne: (code: (command: string) => string) => string;
  /** What the counting rule does with the plans: assessed plans, those of sample regions, the sample's size, extra regions. */
  summary: (plans: number, inSample: number, sampleRegions: number, extra: number) => string;
}

export const REGIONS_WORDS: Record<Lang, RegionsWords> = {
  nl: {
    indicator: REPORT_TEXT.nl.indicator,
    assessed: REPORT_TEXT.nl.assessed,
    participation: "Participatie",
    inSample: "In steekproef",
    yes: COMMON.nl.yes,
    extra: "extra",
    other: "Overige onderwerpen (geen indicator)",
    columns: "Kolommen",
    legend: WORDS.nl.legend!,
    indirect: "i = indirect (alleen via andere structuren; score gehalveerd)",
    unknownNote: "onbekend telt als niet gedekt",
    indirectMark: "(indirect)",
    noPlans: "Nog geen beoordeelde regioplannen.",
    sampleOnly: (sampleRegions) =>
      `De regionale dekking komt nu alleen uit de geaggregeerde bevindingen over de ${count(sampleRegions, "steekproefregio", "steekproefregio's")} (regions/sample.yaml).`,
    addOne: (code) => `Voeg er een toe met: ${code('dekking region add "<naam van de regio>"')}  (zie docs/adding-a-region-plan.md)`,
    summary: (plans, inSample, sampleRegions, extra) =>
      `${count(plans, "regioplan", "regioplannen")} beoordeeld: ${inSample} van de ${count(sampleRegions, "steekproefregio", "steekproefregio's")} met een eigen bestand, ${count(extra, "extra regio", "extra regio's")}. ` +
      `Steekproefregio's zonder eigen bestand tellen mee met het aandeel uit regions/sample.yaml.`,
  },
  en: {
    indicator: REPORT_TEXT.en.indicator,
    assessed: REPORT_TEXT.en.assessed,
    participation: "Participation",
    inSample: "In sample",
    yes: COMMON.en.yes,
    extra: "extra",
    other: "Other topics (no indicator)",
    columns: "Columns",
    legend: WORDS.en.legend!,
    indirect: "i = indirect (only through other structures; score halved)",
    unknownNote: "unknown counts as not covered",
    indirectMark: "(indirect)",
    noPlans: "No assessed region plans yet.",
    sampleOnly: (sampleRegions) =>
      `Regional coverage now comes only from the aggregate findings over the ${count(sampleRegions, "sample region", "sample regions")} (regions/sample.yaml).`,
    addOne: (code) => `Add one with: ${code('dekking region add "<name of the region>"')}  (see docs/adding-a-region-plan.md)`,
    summary: (plans, inSample, sampleRegions, extra) =>
      `${count(plans, "region plan", "region plans")} assessed: ${inSample} of the ${count(sampleRegions, "sample region", "sample regions")} ${inSample === 1 ? "has its" : "have their"} own file, ${count(extra, "extra region", "extra regions")}. ` +
      `Sample regions without a file count at the share of regions/sample.yaml.`,
  },
};

// ── diff ─────────────────────────────────────────────────────────────────────

/** The counts of `dekking diff`'s summary sentence. */
export interface DiffCounts {
  /** Topics on both sides with any difference, and of those the ones whose verdict or gap changed. */
  changed: number;
  verdicts: number;
  /** Topics that became a white spot. */
  newWhiteSpots: number;
  added: number;
  removed: number;
  unchanged: number;
}

/** Words of `dekking diff` (text and Markdown). */
export interface DiffWords {
  title: string;
  /** The Markdown heading of a pull-request comment. */
  markdownHeading: string;
  /** Leads of the context line: data versions, changed rules, region plans, accords added and removed. */
  data: string;
  /** The date each side is taken at, and the evidence view when either side is not `all`, with the views' names. */
  asOf: string;
  evidence: string;
  views: Readonly<Record<string, string>>;
  rules: string;
  plans: string;
  accordsAdded: string;
  accordsRemoved: string;
  /** Headings of the verdict table and of the details. */
  verdicts: string;
  details: string;
  /** Columns of the Markdown verdict table. */
  topic: string;
  was: string;
  becomes: string;
  /** In place of a verdict on the side where a topic is missing. */
  added: string;
  removed: string;
  /** Leads of the detail lines. */
  national: string;
  breadth: string;
  actions: string;
  regional: string;
  estimate: string;
  counted: string;
  demand: string;
  disposition: string;
  reasons: string;
  none: string;
  notAssessed: string;
  yes: string;
  no: string;
  /** When nothing changed. */
  nothing: string;
  /** One sentence with every count. */
  summary: (counts: DiffCounts) => string;
}

export const DIFF_WORDS: Record<Lang, DiffWords> = {
  nl: {
    title: "Verschil in de oordelen",
    markdownHeading: "dekking: verschil in de oordelen",
    data: "data",
    asOf: "peildatum",
    evidence: "bewijs",
    views: { all: "alle bronnen", report: "alleen het onderzoeksrapport" },
    rules: "regels gewijzigd",
    plans: REPORT_WORDS.nl.regionPlans,
    accordsAdded: "akkoorden erbij",
    accordsRemoved: "akkoorden eraf",
    verdicts: "Oordelen",
    details: "Details",
    topic: WORDS.nl.topic!,
    was: "Was",
    becomes: "Wordt",
    added: "nieuw",
    removed: "verwijderd",
    national: REPORT_WORDS.nl.nationalShort,
    breadth: REPORT_WORDS.nl.breadth,
    actions: "acties",
    regional: REPORT_TEXT.nl.regional,
    estimate: WORDS.nl.estimate!,
    counted: "regio's geteld",
    demand: "vraag",
    disposition: "besluit",
    reasons: "redenen",
    none: COMMON.nl.none,
    notAssessed: MATRIX_WORDS.nl.notAssessed,
    yes: COMMON.nl.yes,
    no: COMMON.nl.no,
    nothing: "Geen verschil: elk onderwerp heeft hetzelfde oordeel, dezelfde getallen en dezelfde redenen.",
    summary: (c) =>
      `${count(c.changed, "onderwerp", "onderwerpen")} gewijzigd, waarvan ${c.verdicts} met een ander oordeel of tekort; ` +
      `${count(c.newWhiteSpots, "nieuwe witte vlek", "nieuwe witte vlekken")}; ${c.added} toegevoegd, ${c.removed} verwijderd; ${c.unchanged} ongewijzigd.`,
  },
  en: {
    title: "Change in the verdicts",
    markdownHeading: "dekking: change in the verdicts",
    data: "data",
    asOf: "as of",
    evidence: "evidence",
    views: { all: "all sources", report: "the study report only" },
    rules: "rules changed",
    plans: REPORT_WORDS.en.regionPlans,
    accordsAdded: "accords added",
    accordsRemoved: "accords removed",
    verdicts: "Verdicts",
    details: "Details",
    topic: WORDS.en.topic!,
    was: "Was",
    becomes: "Becomes",
    added: "new",
    removed: "removed",
    national: REPORT_WORDS.en.nationalShort,
    breadth: REPORT_WORDS.en.breadth,
    actions: "actions",
    regional: REPORT_TEXT.en.regional,
    estimate: WORDS.en.estimate!,
    counted: "regions counted",
    demand: "demand",
    disposition: "decision",
    reasons: "reasons",
    none: COMMON.en.none,
    notAssessed: MATRIX_WORDS.en.notAssessed,
    yes: COMMON.en.yes,
    no: COMMON.en.no,
    nothing: "No change: every topic has the same verdict, the same numbers and the same reasons.",
    summary: (c) =>
      `${count(c.changed, "topic", "topics")} changed, ${c.verdicts} with another verdict or gap; ` +
      `${count(c.newWhiteSpots, "new white spot", "new white spots")}; ${c.added} added, ${c.removed} removed; ${c.unchanged} unchanged.`,
  },
};

// ── screen ───────────────────────────────────────────────────────────────────

/** How many candidates `dekking screen` found, per mark. */
export interface ScreenCounts {
  total: number;
  linked: number;
  excluded: number;
  fresh: number;
}

/** Words of `dekking screen` (table). */
export interface ScreenWords {
  title: string;
  /** Leads of the header lines: documents searched, search terms, documents without a text. */
  searched: string;
  terms: string;
  noTextHere: string;
  /** A candidate's mark. */
  linked: string;
  excluded: string;
  fresh: string;
  /** Before the terms found in a heading of the candidate's page. */
  inHeading: string;
  /** The count line, and the number shown where `--limit` left some out. */
  summary: (counts: ScreenCounts) => string;
  shown: (shown: number) => string;
  /** How to get the new passages as register entries. */
  yamlHint: string;
  /** A candidate after better ones with the same terms: how many, and the factor on its score (formatted). */
  sameTerms: (better: number, factor: string) => string;
  /** A candidate on a word list's page (the list's heading as found). */
  wordList: (heading: string) => string;
}

export const SCREEN_WORDS: Record<Lang, ScreenWords> = {
  nl: {
    title: "Screening",
    searched: "gezocht in",
    terms: "termen",
    noTextHere: "geen tekst hier",
    linked: REPORT_TEXT.nl.linked,
    excluded: REPORT_TEXT.nl.excluded,
    fresh: "nieuw",
    inHeading: "in kop van de pagina",
    summary: (c) =>
      `${count(c.total, "kandidaat", "kandidaten")}: ${c.linked} ${REPORT_TEXT.nl.linked}, ${c.excluded} ${REPORT_TEXT.nl.excluded}, ${c.fresh} nieuw`,
    shown: (shown) => `getoond: ${shown} (--limit 0 toont alles)`,
    yamlHint: "Nieuwe passages als registerregels: dekking screen <onderwerp> --format yaml",
    sameTerms: (better, factor) => `zelfde termen als ${better} betere: score ×${factor}`,
    wordList: (heading) => `woordenlijst ("${heading}"): achteraan`,
  },
  en: {
    title: "Screening",
    searched: "searched",
    terms: "terms",
    noTextHere: "no text here",
    linked: REPORT_TEXT.en.linked,
    excluded: REPORT_TEXT.en.excluded,
    fresh: "new",
    inHeading: "in a heading of the page",
    summary: (c) =>
      `${count(c.total, "candidate", "candidates")}: ${c.linked} ${REPORT_TEXT.en.linked}, ${c.excluded} ${REPORT_TEXT.en.excluded}, ${c.fresh} new`,
    shown: (shown) => `shown: ${shown} (--limit 0 shows all)`,
    yamlHint: "New passages as register entries: dekking screen <topic> --format yaml",
    sameTerms: (better, factor) => `same terms as ${count(better, "better candidate", "better candidates")}: score ×${factor}`,
    wordList: (heading) => `word list ("${heading}"): ranked last`,
  },
};

/**
 * The comment lines of `dekking screen --format yaml`, in English only: they go into
 * data/screening.yaml, whose keys and comments are English whatever the language of the output.
 */
export const SCREEN_YAML_COMMENTS = {
  /** The new candidates proposed, for which topic and where they go. */
  header: (shown: number, topic: string): string =>
    `${count(shown, "new candidate passage", "new candidate passages")} for ${topic}, best first: paste under topics.${topic}.candidates in data/screening.yaml.`,
  /** New candidates left out because too little of them can be quoted. */
  tooShort: (n: number, topic: string): string =>
    `${n} more too short to quote once invisible and control characters are left out: see dekking screen ${topic}.`,
  documents: (searched: string): string => `Each document must be listed under the topic's documents: (searched: ${searched}).`,
  decide: (reasons: readonly ExclusionReason[]): string =>
    `Decide each: decision: linked (with action: <id of the action that encodes it>) or excluded (with reason: ${reasons.join(" | ")}).`,
  shorten: `Shorten an excerpt with " […] " where it runs on; every word left must stay verbatim.`,
} as const;

// ── agreement ────────────────────────────────────────────────────────────────

/** Words of `dekking agreement` for two assessments of one region plan. */
export interface PlanAgreementWords {
  title: string;
  topic: string;
  /** What the marks of the last column mean. */
  marks: string;
  /** Topics both assessed, those agreeing, and the percentage (formatted, "—" when none). */
  compared: (compared: number, agreeing: number, percentage: string) => string;
  /** Before the weighted kappa. */
  weighted: string;
  /** Before the cross table's counts. */
  crossTable: string;
  /** Why unknown is not counted. */
  unknownNote: string;
}

/** Words of `dekking agreement` for two codings of one accord. */
export interface AccordAgreementWords {
  title: (accord: string) => string;
  /** Actions compared and topics per action. */
  compared: (actions: number, topics: number) => string;
  columns: { field: string; decisions: string; agree: string; weighted: string };
  fields: { links: string; strength: string; scope: string; period: string };
  /** A link decision's two values, and an action without a period (strengths and scopes are labels.ts's). */
  values: { linked: string; notLinked: string; noPeriod: string };
  /** How strength is ordered and weighted. */
  strengthNote: string;
  /** Headings of the disagreement lists. */
  lists: { linksOnlyInA: string; linksOnlyInB: string; strength: string; scope: string; period: string };
  none: string;
  /** Heading over the action ids of one file only, and the leads of its two lines. */
  oneFileOnly: string;
  onlyInA: string;
  onlyInB: string;
}

export const PLAN_AGREEMENT_WORDS: Record<Lang, PlanAgreementWords> = {
  nl: {
    title: "Overeenstemming tussen twee beoordelingen",
    topic: WORDS.nl.topic!,
    marks: "= eens, ≠ oneens, ? niet vergeleken (een van beiden onbekend)",
    compared: (compared, agreeing, percentage) =>
      `Vergeleken: ${compared === 1 ? "1 onderwerp dat" : `${compared} onderwerpen die`} beide beoordeelden; eens: ${agreeing} (${percentage})`,
    weighted: `gewogen (lineair, ${PLAN_STATUS_LABELS.nl.absent} < ${PLAN_STATUS_LABELS.nl.ambition} < ${PLAN_STATUS_LABELS.nl.concrete})`,
    crossTable: "Kruistabel (rijen A, kolommen B)",
    unknownNote: "Onbekend is geen oordeel: een onderwerp dat een van beiden onbekend liet, telt niet mee in het percentage en de kappa's.",
  },
  en: {
    title: "Agreement between two assessments",
    topic: WORDS.en.topic!,
    marks: "= agree, ≠ disagree, ? not compared (either left it unknown)",
    compared: (compared, agreeing, percentage) => `Compared: ${count(compared, "topic", "topics")} both assessed; agreeing: ${agreeing} (${percentage})`,
    weighted: `weighted (linear, ${PLAN_STATUS_LABELS.en.absent} < ${PLAN_STATUS_LABELS.en.ambition} < ${PLAN_STATUS_LABELS.en.concrete})`,
    crossTable: "Cross table (rows A, columns B)",
    unknownNote: "Unknown is no judgement: a topic either left unknown is left out of the percentage and both kappas.",
  },
};

export const ACCORD_AGREEMENT_WORDS: Record<Lang, AccordAgreementWords> = {
  nl: {
    title: (accord) => `Overeenstemming tussen twee coderingen van akkoord ${accord}`,
    compared: (actions, topics) => `Vergeleken acties: ${actions} · onderwerpen per actie: ${topics}`,
    columns: { field: "Veld", decisions: "Beslissingen", agree: "Eens", weighted: "κ gewogen" },
    fields: { links: "onderwerpkoppelingen (actie × onderwerp)", strength: "sterkte", scope: "reikwijdte (koppelingen van beiden)", period: "periode" },
    values: { linked: "gekoppeld", notLinked: "niet gekoppeld", noPeriod: "geen" },
    strengthNote: `Sterkte: ${STRENGTH_LABELS.nl.mention} < ${STRENGTH_LABELS.nl.agreement} < ${STRENGTH_LABELS.nl.measure}; gewogen κ met lineaire gewichten (één stap verschil telt half).`,
    lists: {
      linksOnlyInA: "Koppelingen alleen in A",
      linksOnlyInB: "Koppelingen alleen in B",
      strength: "Sterkte verschilt",
      scope: "Reikwijdte verschilt",
      period: "Periode verschilt",
    },
    none: COMMON.nl.none,
    oneFileOnly: "Acties in één van beide bestanden (niet vergeleken)",
    onlyInA: "alleen in A",
    onlyInB: "alleen in B",
  },
  en: {
    title: (accord) => `Agreement between two codings of accord ${accord}`,
    compared: (actions, topics) => `Actions compared: ${actions} · topics per action: ${topics}`,
    columns: { field: "Field", decisions: "Decisions", agree: "Agree", weighted: "κ weighted" },
    fields: { links: "topic links (action × topic)", strength: "strength", scope: "scope (links both made)", period: "period" },
    values: { linked: "linked", notLinked: "not linked", noPeriod: "none" },
    strengthNote: `Strength: ${STRENGTH_LABELS.en.mention} < ${STRENGTH_LABELS.en.agreement} < ${STRENGTH_LABELS.en.measure}; weighted κ with linear weights (one step apart counts half).`,
    lists: {
      linksOnlyInA: "Links only in A",
      linksOnlyInB: "Links only in B",
      strength: "Strength differs",
      scope: "Scope differs",
      period: "Period differs",
    },
    none: COMMON.en.none,
    oneFileOnly: "Actions in one file only (not compared)",
    onlyInA: "only in A",
    onlyInB: "only in B",
  },
};

// ── init ─────────────────────────────────────────────────────────────────────

/** Words of `dekking init`. */
export interface InitWords {
  /** The study's title when `--title` is not given. */
  defaultTitle: string;
  /** Over the list of files written (the folder as shown). */
  created: (dir: string) => string;
  /** Over the commands to run next. */
  next: string;
}

export const INIT_WORDS: Record<Lang, InitWords> = {
  nl: {
    defaultTitle: "Nieuwe studie",
    created: (dir) => `Nieuwe studie in ${dir}:`,
    next: "Vul eerst in wat README.md noemt (de vocabulary in study.yaml), dan:",
  },
  en: {
    defaultTitle: "New study",
    created: (dir) => `New study in ${dir}:`,
    next: "Fill in first what README.md names (the vocabulary in study.yaml), then:",
  },
};
