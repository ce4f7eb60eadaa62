// The words of the summary in plain language (B1) for the people who were interviewed: short
// sentences, common words, numbers as digits. Which sentences are said, and with which
// numbers, the summary's section decides (document/sections/plainSummary.ts); plurals
// are chosen here, by count.

import type { Gap } from "../analyse/coverage.js";
import type { Lang } from "./labels.js";

export interface PlainText {
  title: string;
  studiedHeading: string;
  /** Before the study's own question (study.yaml `question`, quoted in its own words). */
  questionIntro: string;
  /** In place of the question while study.yaml still has its placeholder. */
  questionMissing: string;
  /** After the study's question in plain language (study.yaml `question_plain`). */
  questionOutro: string;
  accords: (n: number, names: string) => string;
  regions: (n: number) => string;
  interviews: (people: string) => string;
  /** The word between two people in a group's name ("ouderen en mantelzorgers" reads as two). */
  and: string;
  total: (n: number) => string;
  raised: (n: number) => string;
  coveredHeading: string;
  covered: (n: number) => string[];
  noneCovered: string;
  gapsHeading: string;
  noGaps: string;
  mayGap: (n: number) => string;
  clear: (n: number, names: string) => string;
  policyShort: (n: number) => string[];
  regionsShort: (n: number) => string[];
  unknown: (n: number) => string;
  theseTopics: string;
  gapReasons: Record<Gap, string>;
  /** The reason where the regional part of the gap is not known (the regions were not assessed for the topic). */
  gapReasonsRegionalUnknown: Record<Exclude<Gap, "beleid">, string>;
  calculation: string[];
  nextHeading: string;
  decided: (n: number) => string;
  monitor: (n: number) => string;
  accepted: (n: number) => string;
  action: (n: number) => string;
  open: (n: number) => string;
  reportOwn: string;
  agreeing: (agreeing: number, compared: number) => string;
  nothingDecided: string;
  provenance: (dataVersion: string, asOf: string) => string;
}

/** "1 onderwerp" / "3 onderwerpen". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const PLAIN_TEXT: Record<Lang, PlainText> = {
  nl: {
    title: "Samenvatting in gewone taal",
    studiedHeading: "Wat is onderzocht?",
    questionIntro: "Dit is de vraag van het onderzoek:",
    questionMissing: "De vraag van het onderzoek is nog niet ingevuld.",
    questionOutro: "Dat is de vraag van dit onderzoek.",
    accords: (n, names) => `Het onderzoek keek naar ${count(n, "landelijke afspraak", "landelijke afspraken")}: ${names}.`,
    regions: (n) => `Ook keek het naar de plannen van ${count(n, "regio", "regio's")}.`,
    interviews: (people) => `En er waren gesprekken met ${people}.`,
    and: " en ",
    total: (n) => `In totaal gaat het om ${count(n, "onderwerp", "onderwerpen")}.`,
    raised: (n) => `Over ${n} daarvan vertelden mensen in de gesprekken.`,
    coveredHeading: "Wat is goed geregeld?",
    covered: (n) => [
      `Bij ${count(n, "onderwerp", "onderwerpen")} lijkt het goed geregeld.`,
      "Er zijn landelijke afspraken over.",
      "En de regio's hebben er plannen voor.",
      n === 1 ? "Het gaat om dit onderwerp:" : "Het gaat om deze onderwerpen:",
    ],
    noneCovered: "Bij geen enkel onderwerp lijkt alles goed geregeld.",
    gapsHeading: "Waar zijn misschien gaten?",
    noGaps: "De berekening vindt geen gaten.",
    mayGap: (n) => `Bij ${count(n, "onderwerp", "onderwerpen")} is er misschien een gat.`,
    clear: (n, names) => `Bij ${n} daarvan is het gat duidelijk: ${names}.`,
    policyShort: (n) => ["Soms zijn er te weinig landelijke afspraken.", `Dat geldt voor ${count(n, "onderwerp", "onderwerpen")}.`],
    regionsShort: (n) => ["Soms staat er te weinig over in de plannen van de regio's.", `Dat geldt voor ${count(n, "onderwerp", "onderwerpen")}.`],
    unknown: (n) => `Bij ${n} daarvan is het niet bekend.`,
    theseTopics: "Dit zijn de onderwerpen:",
    gapReasons: { beide: "te weinig afspraken en te weinig in de regio's", beleid: "te weinig afspraken", uitvoering: "te weinig in de regio's" },
    gapReasonsRegionalUnknown: { beide: "te weinig afspraken; over de regio's is het niet bekend", uitvoering: "over de regio's is het niet bekend" },
    calculation: ["Let op: dit is een berekening.", "Die komt uit de teksten van de afspraken en de plannen.", "Daarom staat er ‘misschien’."],
    nextHeading: "Wat gebeurt er nu?",
    decided: (n) => `Over ${n} van deze onderwerpen is al een besluit.`,
    monitor: (n) => `Bij ${count(n, "onderwerp", "onderwerpen")} blijft men volgen hoe het gaat.`,
    accepted: (n) => `Bij ${count(n, "onderwerp", "onderwerpen")} is het volgens het besluit al op een andere plek geregeld.`,
    action: (n) => `Voor ${count(n, "onderwerp", "onderwerpen")} komt er een actie.`,
    open: (n) => `Over ${count(n, "onderwerp", "onderwerpen")} is nog geen besluit.`,
    reportOwn: "Het rapport van het onderzoek trekt ook zelf conclusies.",
    agreeing: (agreeing, compared) => `Bij ${agreeing} van de ${compared} onderwerpen komt de berekening daarmee overeen.`,
    nothingDecided: "Er is nog niets besloten.",
    provenance: (dataVersion, asOf) => `Berekend uit de data met dataversie ${dataVersion}, peildatum ${asOf}.`,
  },
  en: {
    title: "Summary in plain language",
    studiedHeading: "What was studied?",
    questionIntro: "This is the question of the study:",
    questionMissing: "The question of the study has not been filled in yet.",
    questionOutro: "That is the question of this study.",
    accords: (n, names) => `The study looked at ${count(n, "national agreement", "national agreements")}: ${names}.`,
    regions: (n) => `It also looked at the plans of ${count(n, "region", "regions")}.`,
    interviews: (people) => `And there were interviews with ${people}.`,
    and: " and ",
    total: (n) => `In all, there are ${count(n, "topic", "topics")}.`,
    raised: (n) => `People spoke about ${n} of them in the interviews.`,
    coveredHeading: "What is well arranged?",
    covered: (n) => [
      `For ${count(n, "topic", "topics")}, things seem well arranged.`,
      "There are national agreements about them.",
      "And the regions have plans for them.",
      n === 1 ? "This is the topic:" : "These are the topics:",
    ],
    noneCovered: "For no topic does everything seem well arranged.",
    gapsHeading: "Where may there be gaps?",
    noGaps: "The calculation finds no gaps.",
    mayGap: (n) => `For ${count(n, "topic", "topics")}, there may be a gap.`,
    clear: (n, names) => `For ${n} of them the gap is clear: ${names}.`,
    policyShort: (n) => ["Sometimes there are too few national agreements.", `That is true for ${count(n, "topic", "topics")}.`],
    regionsShort: (n) => ["Sometimes the plans of the regions say too little about it.", `That is true for ${count(n, "topic", "topics")}.`],
    unknown: (n) => `For ${n} of them it is not known.`,
    theseTopics: "These are the topics:",
    gapReasons: { beide: "too few agreements and too little in the regions", beleid: "too few agreements", uitvoering: "too little in the regions" },
    gapReasonsRegionalUnknown: { beide: "too few agreements; for the regions it is not known", uitvoering: "for the regions it is not known" },
    calculation: ["Please note: this is a calculation.", "It comes from the texts of the agreements and the plans.", "That is why it says ‘may’."],
    nextHeading: "What happens next?",
    decided: (n) => `For ${n} of these topics there is a decision.`,
    monitor: (n) => `For ${count(n, "topic", "topics")}, people will keep watching how it goes.`,
    accepted: (n) => `For ${count(n, "topic", "topics")}, the decision says it is arranged elsewhere.`,
    action: (n) => `For ${count(n, "topic", "topics")}, there will be an action.`,
    open: (n) => `For ${count(n, "topic", "topics")}, there is no decision yet.`,
    reportOwn: "The study report also draws its own conclusions.",
    agreeing: (agreeing, compared) => `For ${agreeing} of the ${compared} topics, the calculation agrees with them.`,
    nothingDecided: "Nothing has been decided yet.",
    provenance: (dataVersion, asOf) => `Computed from the data with data version ${dataVersion}, as of ${asOf}.`,
  },
};
