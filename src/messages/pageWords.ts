// Fixed words of the report pages (the HTML controls, the evidence parts) in Dutch and English.
// The rest comes from labels.ts (REPORT_WORDS and the enum labels) and reportText.ts (the sentences).

import type { Lang } from "./labels.js";

export interface PageWords {
  skipToMatrix: string;
  matrixHint: string;
  matrixHintNoScript: string;
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
  screening: string;
  noSampleFinding: string;
  noConclusion: string;
  generatedBy: string;
  asOf: string;
  evidenceView: string;
  evidenceAll: string;
  evidenceReport: string;
}

export const PAGE_WORDS: Record<Lang, PageWords> = {
  nl: {
    skipToMatrix: "Naar de dekkingsmatrix",
    matrixHint:
      "Klik op een cel om het bewijs erachter te openen. Met het toetsenbord: Tab naar de matrix, pijltjestoetsen om tussen cellen te gaan, Enter om te openen, Escape om te sluiten. De filters en de geopende cel staan in het adres van de pagina, zodat een link dezelfde weergave opent.",
    matrixHintNoScript: "Elke cel linkt naar het bewijs van het onderwerp verderop in deze pagina.",
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
    screening: "Screening van de bronteksten",
    noSampleFinding: "Geen bevinding in de steekproef van regioplannen.",
    noConclusion: "geen conclusie in het rapport",
    generatedBy: "Gemaakt met dekking",
    asOf: "peildatum",
    evidenceView: "bewijs",
    evidenceAll: "het onderzoeksrapport en de eigen teksten van de akkoorden",
    evidenceReport: "alleen het onderzoeksrapport",
  },
  en: {
    skipToMatrix: "Skip to the coverage matrix",
    matrixHint:
      "Click a cell to open the evidence behind it. With the keyboard: Tab to the matrix, arrow keys to move between cells, Enter to open, Escape to close. The filters and the open cell are kept in the page's address, so a link opens the same view.",
    matrixHintNoScript: "Every cell links to the topic's evidence further down this page.",
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
    screening: "Screening of the source texts",
    noSampleFinding: "No finding in the sample of region plans.",
    noConclusion: "no conclusion in the report",
    generatedBy: "Made with dekking",
    asOf: "as of",
    evidenceView: "evidence",
    evidenceAll: "the study report and the accords' own texts",
    evidenceReport: "the study report only",
  },
};
