// The report's sentences in Dutch and English: one typed catalogue, so no part of the
// report document chooses words by language inline. Labels of the data's values (verdicts,
// strengths, statuses…) are in `./labels.ts`; this file holds what is said about them.
// Plurals are chosen here, by count, never by replacing text.

import type { Rules } from "../model.js";
import {
  count,
  formatScore,
  GAP_LABELS,
  PLAN_STATUS_LABELS,
  PREVALENCE_LABELS,
  STRENGTH_LABELS,
  VERDICT_LABELS,
  VERDICT_SYMBOLS,
  type Lang,
} from "./labels.js";

export interface MethodText {
  intro: string;
  layers: { title: string; text: string }[];
  rulesHeading: string;
  ruleColumns: [string, string];
  rules: [string, string][];
  verdictsHeading: string;
  verdicts: string[];
  unknownHeading: string;
  unknown: string;
  regionsLine: string;
}

/** "label 1.00 · label 0.60 …" in the order of the labels, which is the model's order. */
function scoreList(scores: Readonly<Record<string, number>>, labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .flatMap(([key, label]) => {
      const score = scores[key];
      return score === undefined ? [] : [`${label} ${formatScore(score)}`];
    })
    .join(" · ");
}

/**
 * The method section's words for the study's rules, accord names, regions and plan count.
 * @param groups the names of the study's respondent groups in the report's language, in its order
 */
export function methodText(rules: Rules, lang: Lang, accords: string[], regions: string[], planCount: number, groups: readonly string[]): MethodText {
  const f = formatScore;
  const accordList = accords.join(", ");
  const v = (verdict: keyof typeof VERDICT_SYMBOLS): string => `${VERDICT_SYMBOLS[verdict]} ${VERDICT_LABELS[lang][verdict]}`;
  const gaps = GAP_LABELS[lang];
  if (lang === "nl") {
    return {
      intro:
        "De analyse legt drie lagen bewijs naast elkaar, gekoppeld via één lijst onderwerpen: de rijen van de dekkingsmatrix. Elk getal is terug te voeren op een citaat of een actie met bron; de onderwerpen met een (mogelijke) witte vlek tonen dat bewijs verderop volledig.",
      layers: [
        {
          title: "Interviews → vraag",
          text:
            groups.length === 0
              ? "Welke respondentgroepen een onderwerp in een interviewthema noemen; de studie noemt nog geen groepen. Kolom ‘Vraag’."
              : `Welke respondentgroepen (${groups.join(", ")}) een onderwerp in een interviewthema noemen: 0 tot ${groups.length} ${groups.length === 1 ? "groep" : "groepen"}. Kolom ‘Vraag’.`,
        },
        {
          title: "Akkoorden → landelijke dekking",
          text: `Per akkoord (${accordList}) telt de sterkste actie die het onderwerp noemt; de landelijke dekking is de hoogste score over de akkoorden. Een kolom per akkoord.`,
        },
        {
          title: "Regioplannen → regionale dekking",
          text: `Welk deel van de ${regions.length} geanalyseerde regioplannen het onderwerp uitwerkt${planCount > 0 ? `, aangevuld met ${count(planCount, "afzonderlijk beoordeeld regioplan", "afzonderlijk beoordeelde regioplannen")}` : ""}. Kolom ‘Regio's’.`,
        },
      ],
      rulesHeading: "Beslisregels",
      ruleColumns: ["Regel", "Waarde en werking"],
      rules: [
        ["Sterkte van een actie", `${scoreList(rules.strength_scores, STRENGTH_LABELS.nl)}; per akkoord telt de sterkste gekoppelde actie`],
        ["Algemene reikwijdte", `× ${f(rules.general_scope_factor)} wanneer een actie het onderwerp alleen voor een bredere groep dan ouderen regelt`],
        ["Breedte", `aantal akkoorden met een score van ten minste ${f(rules.breadth_minimum)}`],
        ["Aandeel regioplannen", scoreList(rules.prevalence_shares, PREVALENCE_LABELS.nl)],
        ["Status in een beoordeeld regioplan", `${scoreList(rules.status_scores, PLAN_STATUS_LABELS.nl)} · ${PLAN_STATUS_LABELS.nl.unknown} telt niet mee`],
        ["Indirect bewijs", `× ${f(rules.indirect_factor)} wanneer de plannen het onderwerp alleen via andere structuren regelen`],
        [
          "Regionale dekking",
          "gemiddelde over de getelde regio's; een regio zonder eigen beoordeling telt mee met het aandeel uit de steekproef (een schatting, ~)",
        ],
        [
          "Vereiste regionale dekking",
          `${f(rules.required_coverage.one_group)} bij vraag van één groep · ${f(rules.required_coverage.two_or_more_groups)} bij vraag van twee of meer groepen`,
        ],
        ["Landelijke drempel", `${f(rules.national_threshold)}: daaronder schiet het beleid tekort`],
        ["Regionale drempel voor een witte vlek", `${f(rules.white_spot_regional_threshold)}`],
      ],
      verdictsHeading: "Oordeel per onderwerp met vraag",
      verdicts: [
        `${v("witte-vlek")}: landelijk < ${f(rules.national_threshold)} én regionaal < ${f(rules.white_spot_regional_threshold)} (tekort: ${gaps.beide}).`,
        `${v("mogelijke-witte-vlek")}: landelijk < ${f(rules.national_threshold)} of regionaal onder de vereiste dekking. Het tekort zegt waar: ${gaps.beleid} (landelijk), ${gaps.uitvoering} (regionaal) of ${gaps.beide}.`,
        `${v("gedekt")}: landelijk ≥ ${f(rules.national_threshold)} en regionaal ≥ de vereiste dekking.`,
        `${v("geen-signaal")}: geen respondentgroep noemt het onderwerp; getoond, niet beoordeeld.`,
      ],
      unknownHeading: "Onbekend telt als niet gedekt",
      unknown:
        "Een onderwerp zonder regionale bevinding, met alleen ‘niet beoordeeld’ of alleen ‘onbekend’ in de regioplannen, heeft een onbekende regionale dekking. Het haalt de regionale toets niet (‘regionaal niet beoordeeld’): het ontbreken van bewijs wordt gemeld en nooit als dekking aangenomen. Voor een zekere witte vlek is wel bewijs van lage regionale dekking nodig; zonder dat bewijs blijft het een mogelijke witte vlek.",
      regionsLine: `Regio's in de steekproef (${regions.length}): ${regions.join(", ")}.`,
    };
  }
  return {
    intro:
      "The analysis sets three layers of evidence side by side, joined on one list of topics: the rows of the coverage matrix. Every number traces back to a quote or an action with its source; the topics with a (possible) white spot show that evidence in full further on.",
    layers: [
      {
        title: "Interviews → demand",
        text:
          groups.length === 0
            ? "Which respondent groups raise a topic in an interview theme; the study names no groups yet. Column ‘Demand’."
            : `Which respondent groups (${groups.join(", ")}) raise a topic in an interview theme: 0 to ${groups.length} ${groups.length === 1 ? "group" : "groups"}. Column ‘Demand’.`,
      },
      {
        title: "Accords → national coverage",
        text: `Per accord (${accordList}) the strongest action that addresses the topic counts; national coverage is the highest score over the accords. One column per accord.`,
      },
      {
        title: "Region plans → regional coverage",
        text: `Which share of the ${regions.length} analysed region plans works the topic out${planCount > 0 ? `, completed with ${count(planCount, "separately assessed region plan", "separately assessed region plans")}` : ""}. Column ‘Regions’.`,
      },
    ],
    rulesHeading: "Verdict rules",
    ruleColumns: ["Rule", "Value and effect"],
    rules: [
      ["Strength of an action", `${scoreList(rules.strength_scores, STRENGTH_LABELS.en)}; per accord the strongest linked action counts`],
      ["General scope", `× ${f(rules.general_scope_factor)} where an action addresses the topic only for a wider population than older people`],
      ["Breadth", `number of accords scoring at least ${f(rules.breadth_minimum)}`],
      ["Share of region plans", scoreList(rules.prevalence_shares, PREVALENCE_LABELS.en)],
      ["Status in an assessed region plan", `${scoreList(rules.status_scores, PLAN_STATUS_LABELS.en)} · ${PLAN_STATUS_LABELS.en.unknown} is not counted`],
      ["Indirect evidence", `× ${f(rules.indirect_factor)} where the plans address the topic only through other structures`],
      ["Regional coverage", "mean over the counted regions; a region without its own assessment counts at the sample's share (an estimate, ~)"],
      [
        "Required regional coverage",
        `${f(rules.required_coverage.one_group)} when one group raises the topic · ${f(rules.required_coverage.two_or_more_groups)} for two or more groups`,
      ],
      ["National threshold", `${f(rules.national_threshold)}: below it, policy falls short`],
      ["Regional threshold for a white spot", `${f(rules.white_spot_regional_threshold)}`],
    ],
    verdictsHeading: "Verdict per topic with demand",
    verdicts: [
      `${v("witte-vlek")}: national < ${f(rules.national_threshold)} and regional < ${f(rules.white_spot_regional_threshold)} (gap: ${gaps.beide}).`,
      `${v("mogelijke-witte-vlek")}: national < ${f(rules.national_threshold)} or regional below the required coverage. The gap says where: ${gaps.beleid} (national), ${gaps.uitvoering} (regional) or ${gaps.beide}.`,
      `${v("gedekt")}: national ≥ ${f(rules.national_threshold)} and regional ≥ the required coverage.`,
      `${v("geen-signaal")}: no respondent group raises the topic; shown, not judged.`,
    ],
    unknownHeading: "Unknown counts as not covered",
    unknown:
      "A topic with no regional finding, only ‘not assessed’ or only ‘unknown’ in the region plans has unknown regional coverage. It fails the regional test (‘not assessed regionally’): absence of evidence is reported, never assumed to be coverage. A definite white spot does need evidence of low regional coverage; without it the topic stays a possible white spot.",
    regionsLine: `Regions in the sample (${regions.length}): ${regions.join(", ")}.`,
  };
}

export { count };

/** How many of the timeline's topics change: the others are listed under the heat map of the ones that do. */
function timelineChanging(changing: number, total: number, lang: Lang): string {
  if (lang === "nl") {
    if (changing === 0) return total === 1 ? "Het onderwerp verandert niet." : `Geen van de ${total} onderwerpen verandert.`;
    if (changing === total) return total === 1 ? "Het onderwerp verandert." : `Alle ${total} onderwerpen veranderen.`;
    return `${changing} van de ${count(total, "onderwerp", "onderwerpen")} ${changing === 1 ? "verandert" : "veranderen"}; de andere staan onder de kaart.`;
  }
  if (changing === 0) return total === 1 ? "The topic does not change." : `None of the ${total} topics changes.`;
  if (changing === total) return total === 1 ? "The topic changes." : `All ${total} topics change.`;
  return `${changing} of the ${count(total, "topic", "topics")} ${changing === 1 ? "changes" : "change"}; the others are listed below the map.`;
}

export interface ReportText {
  period: string;
  note: string;
  excluded: string;
  allAges: string;
  screeningLine: (documents: string, judged: number, linked: number) => string;
  morePassages: (n: number, topic: string) => string;
  morePlans: (n: number, topic: string) => string;
  whiteSpotsIntro: (n: number) => string;
  otherTopics: string;
  otherTopicsIntro: (n: number) => string;
  evidenceView: (view: "report" | "all") => string;
  asOf: string;
  screeningHeading: string;
  noRegister: string;
  screeningIntro: (documents: string, screened: number, linked: number) => string;
  read: string;
  linked: string;
  total: string;
  excludedAs: string;
  legendRanges: (low: string, high: string) => { medium: string; low: string; unknown: string };
  numbersNote: string;
  gapNote: (decisionNote: string) => string;
  certaintyTitle: string;
  certaintyIntro: string;
  priorityHeading: string;
  noneFlagged: string;
  regional: string;
  national: string;
  pessimistic: string;
  optimistic: string;
  noFlip: string;
  flippedBy: string;
  notAssessedBar: string;
  requiredMark: string;
  whiteSpotMark: string;
  thresholdWord: string;
  barAlt: (parts: string) => string;
  regionalCoverage: string;
  whiteSpotBelow: string;
  comparisonIntro: (n: number, agreeing: number) => string;
  regionsTitle: string;
  regionsIntro: (n: number, statuses: string) => string;
  regionAndPlan: string;
  participation: string;
  assessed: string;
  perIndicator: string;
  indicator: string;
  outsideSample: string;
  timelineTitle: string;
  timelineIntro: (from: string, until: string, changing: number, total: number) => string;
  timelineCells: string;
  unchanged: string;
  beginsLapses: string;
  /** The topic's own changes (`dekking timeline`): its points and what begins or lapses at each. */
  timelineUnchanged: string;
  timelinePoint: (date: string, national: string, verdict: string) => string;
  /** A whole accord's own period: all its actions begin or lapse together. */
  timelineAccordChange: (accord: string, change: "begins" | "lapses", actions: number, where: string) => string;
  /** One action's period, with the topics it links. */
  timelineActionChange: (accord: string, action: string, change: "begins" | "lapses", topics: string, where: string) => string;
  /** What begins or lapses for one topic on a date. */
  timelineTopicEvent: (accord: string, action: string, change: "begins" | "lapses", where: string) => string;
  heatMapAlt: (changing: number, dates: number, from: string, until: string) => string;
  citing: string;
  computed: (method: string, dataVersion: string) => string;
  personaIntro: string;
  matrixCaption: string;
  reliabilityHeading: string;
  reliabilityIntro: (target: string, codebook: string) => string;
  reliabilityRound: (round: number, date: string, blind: boolean, stage: "before-reconciliation" | "after-reconciliation") => string;
  reliabilityColumns: { encoding: string; units: string; links: string; strength: string; scope: string; period: string; status: string; changed: string };
  reliabilityChanged: { links: string; strength: string; scope: string; period: string; status: string };
  belowTarget: (target: string, fields: string) => string;
  allAtTarget: (target: string) => string;
  regionProfile: string;
  profileColumns: { askedBy: string; plan: string; evidence: string; national: string; others: string; sample: string; flag: string };
  allInhabitants: string;
  /** A plan's status that rests on indirect evidence (other structures). */
  indirect: string;
  profileUnassessed: string;
  profileCounts: (total: number, assessed: number, unassessed: number) => string;
  planGaps: (topics: string[], threshold: string) => string;
  exampleHeading: string;
  priorityLine: (top: string, sensitive: number, flagged: number) => string;
  moreProfiles: (n: number) => string;
  sensitivityTitle: string;
  sensitivitySteps: (score: string, regions: number) => string;
  sensitivityCounts: (topics: number, robust: number, uncertain: number) => string;
  noTopics: string;
}

export const REPORT_TEXT: Record<Lang, ReportText> = {
  nl: {
    period: "periode",
    note: "noot",
    excluded: "uitgesloten",
    allAges: "alle leeftijden",
    screeningLine: (documents, judged, linked) => `${documents} doorzocht; ${judged} passages beoordeeld, ${linked} gekoppeld`,
    morePassages: (n, topic) => `… ${count(n, "passage", "passages")} meer: dekking explain ${topic}`,
    morePlans: (n, topic) => `… ${n} meer: dekking explain ${topic}`,
    whiteSpotsIntro: (n) =>
      `${n === 1 ? "1 onderwerp is" : `${n} onderwerpen zijn`} een witte vlek of een mogelijke witte vlek. Per onderwerp: het oordeel en waarom, de vraag uit de interviews, de acties in de akkoorden, de regionale bevinding, de conclusie van het rapport en, waar vastgelegd, het besluit van de werkorganisatie.`,
    otherTopics: "Bewijs bij de overige onderwerpen",
    otherTopicsIntro: (n) =>
      `${n === 1 ? "Het onderwerp" : `De ${n} onderwerpen`} zonder (mogelijke) witte vlek, met hetzelfde bewijs: zo is ook een oordeel ‘gedekt’ of ‘geen signaal’ na te gaan.`,
    evidenceView: (view) =>
      view === "report"
        ? "Dit rapport gebruikt alleen het bewijs uit het onderzoeksrapport zelf (de reproductie van 2024): acties uit de eigen teksten van de akkoorden en beoordeelde regioplannen tellen niet mee."
        : "Acties uit de eigen teksten van de akkoorden tellen mee naast de samenvatting in het onderzoeksrapport; dekking diff --evidence-old report toont wat ze veranderen.",
    asOf: "Peildatum",
    screeningHeading: "Bewijs en screening",
    noRegister: "Er is geen screeningsregister (data/screening.yaml).",
    screeningIntro: (documents, screened, linked) =>
      `Per onderwerp met vraag zijn ${documents} doorzocht met de zoektermen uit het register; elke gelezen passage is gekoppeld aan een actie of uitgesloten met een reden. Totaal ${screened} passages: ${linked} gekoppeld, ${screened - linked} uitgesloten.`,
    read: "gelezen",
    linked: "gekoppeld",
    total: "Totaal",
    excludedAs: "Uitgesloten wegens",
    legendRanges: (low, high) => ({ medium: `${low} tot ${high}`, low: `> 0 en < ${low}`, unknown: "niet beoordeeld: telt als niet gedekt" }),
    numbersNote: "Getallen: dekking van 0 (geen) tot 1 (volledig).",
    gapNote: (decisionNote) =>
      `Tussen haakjes waar het tekort zit: ${GAP_LABELS.nl.beleid} = landelijk, ${GAP_LABELS.nl.uitvoering} = regionaal. Tweede regel: ${decisionNote}.`,
    certaintyTitle: "Hoe zeker is het oordeel",
    certaintyIntro:
      "Elk woord voor een aandeel regioplannen staat voor een bereik (zie Methode); de balk toont waar de regionale dekking kan liggen, met de puntschatting als streep, tegen de vereiste dekking en de drempel voor een witte vlek. Verschilt het oordeel tussen de twee uiteinden, dan is het onzeker (±). Een oordeel dat één wijziging van een regel of een codering kantelt, is gevoelig (!); anders robuust.",
    priorityHeading: "Prioriteit van de gemarkeerde onderwerpen",
    noneFlagged: "Geen onderwerp is gemarkeerd.",
    regional: "regionaal",
    national: "landelijk",
    pessimistic: "Pessimistisch",
    optimistic: "optimistisch",
    noFlip: "Geen enkele wijziging van één regel of één codering kantelt dit oordeel.",
    flippedBy: "Kantelt bij:",
    notAssessedBar: "niet beoordeeld: geen regionale score",
    requiredMark: "vereist",
    whiteSpotMark: "witte vlek <",
    thresholdWord: "drempel",
    barAlt: (parts) => `Balk op een schaal van 0 tot 1: ${parts}.`,
    regionalCoverage: "Regionale dekking",
    whiteSpotBelow: "witte vlek onder",
    comparisonIntro: (n, agreeing) =>
      `Het rapport trekt over ${count(n, "onderwerp", "onderwerpen")} een eigen conclusie. Het berekende oordeel is het daarmee eens bij ${agreeing} van de ${n}. ‘Eens’ betekent: het rapport noemt het onderwerp een (mogelijke) witte vlek of aandachtspunt en de rekenregel ook, of het rapport noemt het gedekt en de rekenregel ook.`,
    regionsTitle: "Beoordeelde regioplannen",
    regionsIntro: (n, statuses) =>
      `${n === 1 ? "1 regioplan is" : `${n} regioplannen zijn`} per indicator beoordeeld. Een regio met een eigen beoordeling telt in de regionale dekking met haar eigen score; de overige steekproefregio's met het aandeel uit de steekproef. ${statuses}.`,
    regionAndPlan: "Regio en plan",
    participation: "Participatie (hoogste trede)",
    assessed: "Beoordeeld",
    perIndicator: "Per indicator",
    indicator: "Indicator",
    outsideSample: "buiten de steekproef",
    timelineTitle: "Dekking in de tijd",
    timelineIntro: (from, until, changing, total) =>
      `Landelijke dekking per onderwerp met vraag op elke datum waarop een periode begint of eindigt, van ${from} tot ${until}. Een actie telt alleen binnen haar periode; een akkoord dat nog niet of niet meer geldt, telt niet mee. ${timelineChanging(changing, total, "nl")}`,
    timelineCells: "Cellen: landelijke dekking met het symbool van haar niveau (zoals in de matrix); ■ witte vlek en ▲ mogelijke witte vlek op die datum.",
    unchanged: "Ongewijzigd",
    beginsLapses: "Wat begint en wat vervalt",
    timelineUnchanged: "ongewijzigd",
    timelinePoint: (date, national, verdict) => `${date} · landelijk ${national} · ${verdict}`,
    timelineAccordChange: (accord, change, actions, where) =>
      `${accord} als geheel ${change === "begins" ? "begint" : "vervalt"} (${count(actions, "actie", "acties")}) — ${where}`,
    timelineActionChange: (accord, action, change, topics, where) =>
      `${accord} ${action} ${change === "begins" ? "begint" : "vervalt"}${topics ? ` (${topics})` : ""} — ${where}`,
    timelineTopicEvent: (accord, action, change, where) => `${change === "begins" ? "begint" : "vervalt"}: ${accord} ${action} — ${where}`,
    heatMapAlt: (changing, dates, from, until) =>
      `Heatmap van de landelijke dekking (0 tot 1) van ${count(changing, "onderwerp", "onderwerpen")} op ${dates} data van ${from} tot ${until}; per onderwerp de dekking vanaf elke datum waarop zij verandert.`,
    citing:
      "Elk feit in de data heeft een bron: het document uit de lijst hierboven, de kop van de sectie waarin het staat en, waar het document dat toont, de pagina of het dianummer. Citaten zijn letterlijk overgenomen en staan tussen aanhalingstekens achter een verticale streep; daaronder staat de bron, bijvoorbeeld:",
    computed: (method, dataVersion) =>
      `De getallen en oordelen zijn niet overgenomen maar berekend met de beslisregels uit het hoofdstuk ${method} uit data met dataversie ${dataVersion}. Dezelfde data geven hetzelfde rapport, byte voor byte.`,
    personaIntro:
      "Hieronder haar behoeften, elk met de woorden uit haar beschrijving waar ze op rust, en de onderwerpen van het onderzoek die daarbij horen, met hun dekking en oordeel. Welke behoeften en welke onderwerpen is een lezing van de codeur, geen uitspraak van de bron.",
    matrixCaption: "Dekking per onderwerp: per akkoord, regionaal, de vraag uit de interviews, het oordeel en de vergelijking met het rapport",
    reliabilityHeading: "Betrouwbaarheid van de codering",
    reliabilityIntro: (target, codebook) =>
      `Elke actie met een bron in de eigen tekst van een akkoord en elke bevinding van een beoordeeld regioplan is een tweede keer gecodeerd, door een codeur die de passage en het codeboek (${codebook}) zag maar niet de eerste codering. Per veld de overeenstemming als Cohens κ (sterkte en status ook gewogen: één stap verschil telt half); een codering geldt als betrouwbaar vanaf κ ${target}. Na ronde 1 is elk verschil beslist en het codeboek aangescherpt; de laatste kolom telt wat daardoor in de codering veranderde.`,
    reliabilityRound: (round, date, blind, stage) =>
      `Ronde ${round} (${date}${blind ? ", blind" : ""}): ${stage === "before-reconciliation" ? "vergeleken met de eerste codering, vóór de afstemming" : "vergeleken met de codering na de afstemming, met het aangescherpte codeboek"}`,
    reliabilityColumns: {
      encoding: "Codering",
      units: "Eenheden",
      links: "Koppelingen κ",
      strength: "Sterkte κ (gewogen)",
      scope: "Reikwijdte κ",
      period: "Periode κ",
      status: "Status κ (gewogen)",
      changed: "Veranderd door de afstemming",
    },
    reliabilityChanged: { links: "koppelingen", strength: "sterkte", scope: "reikwijdte", period: "periode", status: "status" },
    belowTarget: (target, fields) => `Onder ${target}: ${fields}.`,
    allAtTarget: (target) => `Elk veld haalt ${target}.`,
    regionProfile: "Regioprofiel",
    profileColumns: {
      askedBy: "Gevraagd door",
      plan: "Plan",
      evidence: "Bewijs (p.)",
      national: "Landelijk",
      others: "Andere plannen",
      sample: "Steekproef",
      flag: "Vlag",
    },
    allInhabitants: "alle inwoners",
    indirect: "indirect",
    profileUnassessed: "Niet beoordeeld (geen oordeel, dus ook geen plan-gap)",
    profileCounts: (total, assessed, unassessed) =>
      `${count(total, "onderwerp", "onderwerpen")} met vraag: ${assessed} beoordeeld in dit plan, ${unassessed} niet.`,
    planGaps: (topics, threshold) =>
      topics.length === 0
        ? "Geen plan-gap: bij geen onderwerp waar mensen om vroegen en de akkoorden zich aan binden, is dit plan afwezig."
        : `Plan-gap bij ${count(topics.length, "onderwerp", "onderwerpen")}: mensen vroegen erom, de akkoorden binden zich eraan (landelijk ≥ ${threshold}) en dit plan is afwezig: ${topics.join(", ")}.`,
    exampleHeading: "Kop",
    moreProfiles: (n) => `… en ${count(n, "regioplan", "regioplannen")} meer: dekking region show <regio> toont het profiel van elk plan.`,
    sensitivityTitle: "Gevoeligheid van de oordelen",
    sensitivitySteps: (score, regions) =>
      `Elke enkele wijziging: elk getal van rules.yaml ± ${score} (minimum regio's ± ${regions}), en per onderwerp elke codering één stap (sterkte, reikwijdte, woord van de steekproef, indirect bewijs, status van een regioplan).`,
    sensitivityCounts: (topics, robust, uncertain) =>
      `${count(topics, "onderwerp", "onderwerpen")}: ${robust} robuust, ${topics - robust} gevoelig; ${uncertain} onzeker binnen het interval.`,
    noTopics: "Geen onderwerpen.",
    priorityLine: (top, sensitive, flagged) =>
      `Hoogste prioriteit: ${top}. ${sensitive} van de ${flagged} gemarkeerde oordelen ${sensitive === 1 ? "is" : "zijn"} gevoelig; de volledige volgorde met redenen staat in ‘Hoe zeker is het oordeel’.`,
  },
  en: {
    period: "period",
    note: "note",
    excluded: "excluded",
    allAges: "all ages",
    screeningLine: (documents, judged, linked) => `${documents} searched; ${judged} passages judged, ${linked} linked`,
    morePassages: (n, topic) => `… ${count(n, "more passage", "more passages")}: dekking explain ${topic}`,
    morePlans: (n, topic) => `… ${n} more: dekking explain ${topic}`,
    whiteSpotsIntro: (n) =>
      `${n === 1 ? "1 topic is" : `${n} topics are`} a white spot or a possible white spot. For each: the verdict and why, the demand from the interviews, the actions in the accords, the regional finding, the report's conclusion and, where recorded, the working organisation's decision.`,
    otherTopics: "Evidence for the other topics",
    otherTopicsIntro: (n) =>
      `${n === 1 ? "The topic" : `The ${n} topics`} without a (possible) white spot, with the same evidence, so that a verdict ‘covered’ or ‘no signal’ can be checked too.`,
    evidenceView: (view) =>
      view === "report"
        ? "This report uses only the evidence of the study report itself (the 2024 reproduction): actions from the accords' own texts and assessed region plans do not count."
        : "Actions from the accords' own texts count beside the study report's summary; dekking diff --evidence-old report shows what they change.",
    asOf: "As of",
    screeningHeading: "Evidence and screening",
    noRegister: "There is no screening register (data/screening.yaml).",
    screeningIntro: (documents, screened, linked) =>
      `For each topic with demand, ${documents} were searched with the register's terms; every passage read was linked to an action or excluded with a reason. In all ${screened} passages: ${linked} linked, ${screened - linked} excluded.`,
    read: "read",
    linked: "linked",
    total: "Total",
    excludedAs: "Excluded as",
    legendRanges: (low, high) => ({ medium: `${low} to ${high}`, low: `> 0 and < ${low}`, unknown: "not assessed: counts as not covered" }),
    numbersNote: "Numbers: coverage from 0 (none) to 1 (full).",
    gapNote: (decisionNote) =>
      `In brackets where it falls short: ${GAP_LABELS.en.beleid} = national, ${GAP_LABELS.en.uitvoering} = regional. Second line: ${decisionNote}.`,
    certaintyTitle: "How sure is the verdict",
    certaintyIntro:
      "Each word for a share of region plans stands for a range (see Method); the bar shows where the regional coverage may lie, with the point estimate as a stroke, against the required coverage and the threshold for a white spot. Where the verdict differs between the two ends it is uncertain (±). A verdict that one change of a rule or an encoding flips is sensitive (!); otherwise robust.",
    priorityHeading: "Priority of the flagged topics",
    noneFlagged: "No topic is flagged.",
    regional: "regional",
    national: "national",
    pessimistic: "Pessimistic",
    optimistic: "optimistic",
    noFlip: "No single change of a rule or an encoding flips this verdict.",
    flippedBy: "Flipped by:",
    notAssessedBar: "not assessed: no regional score",
    requiredMark: "required",
    whiteSpotMark: "white spot <",
    thresholdWord: "threshold",
    barAlt: (parts) => `Bar on a scale from 0 to 1: ${parts}.`,
    regionalCoverage: "Regional coverage",
    whiteSpotBelow: "white spot below",
    comparisonIntro: (n, agreeing) =>
      `The report draws its own conclusion on ${count(n, "topic", "topics")}. The computed verdict agrees with it on ${agreeing} of ${n}. ‘Agrees’ means: the report calls the topic a (possible) white spot or point of attention and so do the rules, or the report calls it covered and so do the rules.`,
    regionsTitle: "Assessed region plans",
    regionsIntro: (n, statuses) =>
      `${n === 1 ? "1 region plan was" : `${n} region plans were`} assessed per indicator. A region with its own assessment counts with its own score in the regional coverage; the other sample regions at the sample's share. ${statuses}.`,
    regionAndPlan: "Region and plan",
    participation: "Participation (highest step)",
    assessed: "Assessed",
    perIndicator: "Per indicator",
    indicator: "Indicator",
    outsideSample: "outside the sample",
    timelineTitle: "Coverage over time",
    timelineIntro: (from, until, changing, total) =>
      `National coverage of each topic with demand at every date where a period starts or ends, from ${from} to ${until}. An action counts only within its period; an accord not (yet) in force does not count. ${timelineChanging(changing, total, "en")}`,
    timelineCells: "Cells: national coverage with the symbol of its level (as in the matrix); ■ white spot and ▲ possible white spot on that date.",
    unchanged: "Unchanged",
    beginsLapses: "What begins and what lapses",
    timelineUnchanged: "unchanged",
    timelinePoint: (date, national, verdict) => `${date} · national ${national} · ${verdict}`,
    timelineAccordChange: (accord, change, actions, where) =>
      `${accord} as a whole ${change === "begins" ? "begins" : "lapses"} (${count(actions, "action", "actions")}) — ${where}`,
    timelineActionChange: (accord, action, change, topics, where) =>
      `${accord} ${action} ${change === "begins" ? "begins" : "lapses"}${topics ? ` (${topics})` : ""} — ${where}`,
    timelineTopicEvent: (accord, action, change, where) => `${change === "begins" ? "begins" : "lapses"}: ${accord} ${action} — ${where}`,
    heatMapAlt: (changing, dates, from, until) =>
      `Heat map of the national coverage (0 to 1) of ${count(changing, "topic", "topics")} at ${dates} dates from ${from} to ${until}; per topic the coverage from each date where it changes.`,
    citing:
      "Every fact in the data has a source: the document from the list above, the heading of the section it appears under and, where the document shows one, the page or slide number. Quotes are verbatim, in quotation marks behind a vertical bar, with the source under them, for example:",
    computed: (method, dataVersion) =>
      `The numbers and verdicts are not copied but computed with the rules of the ${method} chapter from data with data version ${dataVersion}. The same data give the same report, byte for byte.`,
    personaIntro:
      "Below are her needs, each with the words of her description it rests on, and the study's topics that belong to it, with their coverage and verdict. Which needs and which topics is the encoder's reading, not a statement of the source.",
    matrixCaption: "Coverage per topic: per accord, regionally, the demand from the interviews, the verdict and the comparison with the report",
    reliabilityHeading: "Reliability of the coding",
    reliabilityIntro: (target, codebook) =>
      `Every accord action with a source in the accord's own text and every finding of an assessed region plan was coded a second time, by a coder who saw the passage and the codebook (${codebook}) but not the first coding. Per field the agreement as Cohen's κ (strength and status also weighted: a one-step difference counts half); a coding counts as reliable from κ ${target}. After round 1 every difference was decided and the codebook sharpened; the last column counts what that changed in the coding.`,
    reliabilityRound: (round, date, blind, stage) =>
      `Round ${round} (${date}${blind ? ", blind" : ""}): ${stage === "before-reconciliation" ? "compared with the first coding, before reconciliation" : "compared with the coding after reconciliation, with the sharpened codebook"}`,
    reliabilityColumns: {
      encoding: "Coding",
      units: "Units",
      links: "Links κ",
      strength: "Strength κ (weighted)",
      scope: "Scope κ",
      period: "Period κ",
      status: "Status κ (weighted)",
      changed: "Changed by reconciliation",
    },
    reliabilityChanged: { links: "links", strength: "strength", scope: "scope", period: "period", status: "status" },
    belowTarget: (target, fields) => `Below ${target}: ${fields}.`,
    allAtTarget: (target) => `Every field reaches ${target}.`,
    regionProfile: "Region profile",
    profileColumns: {
      askedBy: "Asked for by",
      plan: "Plan",
      evidence: "Evidence (p.)",
      national: "National",
      others: "Other plans",
      sample: "Sample",
      flag: "Flag",
    },
    allInhabitants: "all inhabitants",
    indirect: "indirect",
    profileUnassessed: "Not assessed (no judgement, so no plan-gap either)",
    profileCounts: (total, assessed, unassessed) => `${count(total, "topic", "topics")} with demand: ${assessed} assessed in this plan, ${unassessed} not.`,
    planGaps: (topics, threshold) =>
      topics.length === 0
        ? "No plan-gap: for no topic that people asked for and the accords commit to is this plan absent."
        : `Plan-gap for ${count(topics.length, "topic", "topics")}: people asked for it, the accords commit to it (national ≥ ${threshold}) and this plan is absent: ${topics.join(", ")}.`,
    exampleHeading: "Heading",
    moreProfiles: (n) => `… and ${count(n, "more region plan", "more region plans")}: dekking region show <region> shows the profile of each plan.`,
    sensitivityTitle: "Sensitivity of the verdicts",
    sensitivitySteps: (score, regions) =>
      `Every single change: each number of rules.yaml ± ${score} (minimum regions ± ${regions}), and per topic each encoding one step (strength, scope, the sample's word, indirect evidence, a plan's status).`,
    sensitivityCounts: (topics, robust, uncertain) =>
      `${count(topics, "topic", "topics")}: ${robust} robust, ${topics - robust} sensitive; ${uncertain} uncertain within the interval.`,
    noTopics: "No topics.",
    priorityLine: (top, sensitive, flagged) =>
      `Highest priority: ${top}. ${sensitive} of the ${flagged} flagged verdicts ${sensitive === 1 ? "is" : "are"} sensitive; the full order with reasons is in ‘How sure is the verdict’.`,
  },
};

/** "a, b en c" / "a, b and c". */
export function joinWords(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "nl" ? "en" : "and"} ${items.at(-1)}`;
}

/** The words of a persona's section (the report's and `dekking persona`'s). */
export interface PersonaText {
  eyesOf: (name: string) => string;
  inScope: string;
  outOfScope: string;
  judgement: string;
  restsOn: (phrase: string) => string;
  note: string;
  source: string;
  decision: string;
  /** "Gedekt: a en b." */
  covered: (topics: string) => string;
  noneCovered: string;
  /** "Niet gedekt: a (mogelijke witte vlek, tekort: uitvoering) en b (witte vlek)." */
  notCovered: (topics: string) => string;
  flaggedTopic: (name: string, verdict: string, gap: string | null) => string;
  noneFlagged: string;
  /** "Niet beoordeeld, want geen interviewthema noemt het: a (landelijk 0.60, regionaal ~0.70)." */
  unjudged: (topics: string) => string;
  unjudgedTopic: (name: string, national: string, regional: string) => string;
  notAssessed: string;
  bottlenecks: string;
  bottleneck: string;
  themes: string;
  flaggedTopics: string;
  untagged: string;
  bottleneckIntro: (flagged: number, raised: number, themes: number) => string;
}

export const PERSONA_TEXT: Record<Lang, PersonaText> = {
  nl: {
    eyesOf: (name) => `Door de ogen van ${name}`,
    inScope: "Binnen de onderzoekspopulatie",
    outOfScope: "Buiten de onderzoekspopulatie",
    judgement: "lezing van de codeur",
    restsOn: (phrase) => `rust op: “${phrase}”`,
    note: "noot",
    source: "bron",
    decision: "besluit",
    covered: (topics) => `Gedekt: ${topics}.`,
    noneCovered: "Niets hiervan is volgens de rekenregels gedekt.",
    notCovered: (topics) => `Niet gedekt: ${topics}.`,
    flaggedTopic: (name, verdict, gap) => `${name} (${verdict}${gap ? `, tekort: ${gap}` : ""})`,
    noneFlagged: "Geen witte vlek of mogelijke witte vlek.",
    unjudged: (topics) => `Niet beoordeeld, want geen interviewthema noemt het: ${topics}.`,
    unjudgedTopic: (name, national, regional) => `${name} (landelijk ${national}, regionaal ${regional})`,
    notAssessed: "niet beoordeeld",
    bottlenecks: "OPaZ-knelpunten bij de gemarkeerde onderwerpen",
    bottleneck: "Knelpunt (OPaZ)",
    themes: "Thema's",
    flaggedTopics: "Gemarkeerde onderwerpen",
    untagged: "Zonder knelpunt",
    bottleneckIntro: (flagged, raised, themes) =>
      `Van de ${flagged} gemarkeerde onderwerpen (witte vlek of mogelijke witte vlek) ${raised === 1 ? "is er 1" : `zijn er ${raised}`} genoemd in een interviewthema dat een van de vijf OPaZ-knelpunten uitdrukt (${count(themes, "thema", "thema's")} getagd). Het taggen van een thema is een lezing van de codeur; een onderwerp kan onder meer dan één knelpunt vallen.`,
  },
  en: {
    eyesOf: (name) => `Through the eyes of ${name}`,
    inScope: "Within the study's population",
    outOfScope: "Outside the study's population",
    judgement: "the encoder's reading",
    restsOn: (phrase) => `rests on: “${phrase}”`,
    note: "note",
    source: "source",
    decision: "decision",
    covered: (topics) => `Covered: ${topics}.`,
    noneCovered: "None of this is covered by the rules.",
    notCovered: (topics) => `Not covered: ${topics}.`,
    flaggedTopic: (name, verdict, gap) => `${name} (${verdict}${gap ? `, gap: ${gap}` : ""})`,
    noneFlagged: "No white spot or possible white spot.",
    unjudged: (topics) => `Not judged, as no interview theme raises it: ${topics}.`,
    unjudgedTopic: (name, national, regional) => `${name} (national ${national}, regional ${regional})`,
    notAssessed: "not assessed",
    bottlenecks: "OPaZ bottlenecks among the flagged topics",
    bottleneck: "Bottleneck (OPaZ)",
    themes: "Themes",
    flaggedTopics: "Flagged topics",
    untagged: "Without a bottleneck",
    bottleneckIntro: (flagged, raised, themes) =>
      `Of the ${flagged} flagged topics (white spot or possible white spot), ${raised} ${raised === 1 ? "is" : "are"} raised by an interview theme that expresses one of the five OPaZ bottlenecks (${count(themes, "theme", "themes")} tagged). Tagging a theme is the encoder's reading; a topic can fall under more than one bottleneck.`,
  },
};
