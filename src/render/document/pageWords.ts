// Fixed words of the report pages (the HTML controls, the evidence parts) in Dutch and English.
// The rest comes from labels.ts (REPORT_WORDS and the enum labels) and text.ts (the sentences).

import type { Lang } from "../labels.js";

export interface PageWords {
  skipToMatrix: string;
  contents: string;
  summary: string;
  evidence: string;
  evidenceIntro: string;
  matrixHint: string;
  matrixHintNoScript: string;
  matrixCaption: string;
  filters: string;
  category: string;
  verdict: string;
  accord: string;
  group: string;
  all: string;
  accordFilterOption: string;
  groupFilterOption: string;
  reset: string;
  status: string;
  noneShown: string;
  close: string;
  openEvidence: string;
  demandInterviews: string;
  nationalPerAccord: string;
  screening: string;
  screeningLine: string;
  regional: string;
  rule: string;
  period: string;
  note: string;
  notAssessed: string;
  noSampleFinding: string;
  noDecision: string;
  noConclusion: string;
  estimate: string;
  generatedBy: string;
  asOf: string;
  evidenceView: string;
  evidenceAll: string;
  evidenceReport: string;
  screeningTotals: string;
  read: string;
  linked: string;
  total: string;
  excluded: string;
  speaker: string;
  pageAbbrev: string;
  slide: string;
  indicatorLabel: string;
  column: string;
  notesOnReading: string;
}

export const PAGE_WORDS: Record<Lang, PageWords> = {
  nl: {
    skipToMatrix: "Naar de dekkingsmatrix",
    contents: "Inhoud",
    summary: "Samenvatting",
    evidence: "Bewijs per onderwerp",
    evidenceIntro:
      "Per onderwerp alles wat achter het oordeel zit: de vraag uit de interviews met citaten, de acties per akkoord met document en pagina, de screening van de bronteksten, de regionale bevindingen, de regel die besliste, de conclusie van het rapport en het besluit van de werkorganisatie.",
    matrixHint:
      "Klik op een cel om het bewijs erachter te openen. Met het toetsenbord: Tab naar de matrix, pijltjestoetsen om tussen cellen te gaan, Enter om te openen, Escape om te sluiten. De filters en de geopende cel staan in het adres van de pagina, zodat een link dezelfde weergave opent.",
    matrixHintNoScript: "Elke cel linkt naar het bewijs van het onderwerp verderop in deze pagina.",
    matrixCaption: "Dekking per onderwerp: per akkoord, regionaal, de vraag uit de interviews, het oordeel en de vergelijking met het rapport",
    filters: "Filters",
    category: "Categorie",
    verdict: "Oordeel",
    accord: "Akkoord",
    group: "Groep",
    all: "alle",
    accordFilterOption: "met een actie in {name}",
    groupFilterOption: "gevraagd door {name}",
    reset: "Alle filters wissen",
    status: "{shown} van {total} onderwerpen getoond.",
    noneShown: "Geen onderwerp past bij deze filters.",
    close: "Sluiten",
    openEvidence: "bewijs",
    demandInterviews: "Vraag uit de interviews",
    nationalPerAccord: "Acties in de akkoorden",
    screening: "Screening van de bronteksten",
    screeningLine: "{documents} doorzocht; {judged} passages beoordeeld, {linked} gekoppeld",
    regional: "Regionale dekking",
    rule: "Regel: waarom dit oordeel",
    period: "periode",
    note: "noot",
    notAssessed: "niet beoordeeld",
    noSampleFinding: "Geen bevinding in de steekproef van regioplannen.",
    noDecision: "Geen besluit van de werkorganisatie.",
    noConclusion: "geen conclusie in het rapport",
    estimate: "schatting",
    generatedBy: "Gemaakt met dekking",
    asOf: "peildatum",
    evidenceView: "bewijs",
    evidenceAll: "het onderzoeksrapport en de eigen teksten van de akkoorden",
    evidenceReport: "alleen het onderzoeksrapport",
    screeningTotals: "Doorzocht: {documents}. {screened} passages gelezen, {linked} gekoppeld.",
    read: "Gelezen",
    linked: "Gekoppeld",
    total: "Totaal",
    excluded: "uitgesloten",
    speaker: "spreker",
    pageAbbrev: "p.",
    slide: "dia",
    indicatorLabel: "indicator van de regioplananalyse",
    column: "kolom",
    notesOnReading: "Lezen zonder kleur: elk niveau heeft een eigen symbool, een getal en een woord.",
  },
  en: {
    skipToMatrix: "Skip to the coverage matrix",
    contents: "Contents",
    summary: "Summary",
    evidence: "Evidence per topic",
    evidenceIntro:
      "For each topic everything behind the verdict: the demand from the interviews with quotes, the actions per accord with document and page, the screening of the source texts, the regional findings, the rule that decided, the report's conclusion and the working organisation's decision.",
    matrixHint:
      "Click a cell to open the evidence behind it. With the keyboard: Tab to the matrix, arrow keys to move between cells, Enter to open, Escape to close. The filters and the open cell are kept in the page's address, so a link opens the same view.",
    matrixHintNoScript: "Every cell links to the topic's evidence further down this page.",
    matrixCaption: "Coverage per topic: per accord, regionally, the demand from the interviews, the verdict and the comparison with the report",
    filters: "Filters",
    category: "Category",
    verdict: "Verdict",
    accord: "Accord",
    group: "Group",
    all: "all",
    accordFilterOption: "with an action in {name}",
    groupFilterOption: "raised by {name}",
    reset: "Clear all filters",
    status: "{shown} of {total} topics shown.",
    noneShown: "No topic matches these filters.",
    close: "Close",
    openEvidence: "evidence",
    demandInterviews: "Demand from the interviews",
    nationalPerAccord: "Actions in the accords",
    screening: "Screening of the source texts",
    screeningLine: "{documents} searched; {judged} passages judged, {linked} linked",
    regional: "Regional coverage",
    rule: "Rule: why this verdict",
    period: "period",
    note: "note",
    notAssessed: "not assessed",
    noSampleFinding: "No finding in the sample of region plans.",
    noDecision: "No decision of the working organisation.",
    noConclusion: "no conclusion in the report",
    estimate: "estimate",
    generatedBy: "Made with dekking",
    asOf: "as of",
    evidenceView: "evidence",
    evidenceAll: "the study report and the accords' own texts",
    evidenceReport: "the study report only",
    screeningTotals: "Searched: {documents}. {screened} passages read, {linked} linked.",
    read: "Read",
    linked: "Linked",
    total: "Total",
    excluded: "excluded",
    speaker: "speaker",
    pageAbbrev: "p.",
    slide: "slide",
    indicatorLabel: "region-plan indicator",
    column: "column",
    notesOnReading: "Reading without colour: every level has its own symbol, a number and a word.",
  },
};
