// The method section: the three layers of evidence and the verdict rules, with every
// threshold read from the rules in force (data/rules.yaml), never restated from memory.

import { summariseScreening } from "../../evidence/screeningSummary.js";
import type { Rules } from "../../model.js";
import { EXCLUSION_REASONS } from "../../model.js";
import {
  EXCLUSION_LABELS,
  EXCLUSION_SHORT,
  formatScore,
  GAP_LABELS,
  PLAN_STATUS_LABELS,
  PREVALENCE_LABELS,
  STRENGTH_LABELS,
  VERDICT_LABELS,
  VERDICT_SYMBOLS,
  type Lang,
} from "../labels.js";
import { STYLES } from "./layout.js";
import { ACCENT, inkOn, PANEL, VERDICT_FILLS } from "../palette.js";
import { startSection, type ReportContext } from "./reportContext.js";
import { writeTable, type TableRow } from "./writeTable.js";
import { certaintyMethodRows } from "./writeCertainty.js";

interface MethodText {
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

function methodText(rules: Rules, lang: Lang, accords: string[], regions: string[], planCount: number): MethodText {
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
          text: "Welke respondentgroepen (ouderen, professionals, experts en bestuurders) een onderwerp in een interviewthema noemen: 0 tot 3 groepen. Kolom ‘Vraag’.",
        },
        {
          title: "Akkoorden → landelijke dekking",
          text: `Per akkoord (${accordList}) telt de sterkste actie die het onderwerp noemt; de landelijke dekking is de hoogste score over de akkoorden. Een kolom per akkoord.`,
        },
        {
          title: "Regioplannen → regionale dekking",
          text: `Welk deel van de ${regions.length} geanalyseerde regioplannen het onderwerp uitwerkt${planCount > 0 ? `, aangevuld met ${planCount} afzonderlijk beoordeelde regioplan(nen)` : ""}. Kolom ‘Regio's’.`,
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
        text: "Which respondent groups (older people, professionals, experts and board members) raise a topic in an interview theme: 0 to 3 groups. Column ‘Demand’.",
      },
      {
        title: "Accords → national coverage",
        text: `Per accord (${accordList}) the strongest action that addresses the topic counts; national coverage is the highest score over the accords. One column per accord.`,
      },
      {
        title: "Region plans → regional coverage",
        text: `Which share of the ${regions.length} analysed region plans works the topic out${planCount > 0 ? `, completed with ${planCount} separately assessed region plan(s)` : ""}. Column ‘Regions’.`,
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

function writeLayerCards(ctx: ReportContext, layers: { title: string; text: string }[]): void {
  const { layout } = ctx;
  const gap = 10;
  const padding = 8;
  const width = (layout.contentWidth - gap * (layers.length - 1)) / layers.length;
  const inner = width - 2 * padding;
  const heights = layers.map((l) => layout.textHeight(l.title, STYLES.bodyBold, inner) + 4 + layout.textHeight(l.text, STYLES.smallInk, inner));
  const height = Math.max(...heights) + 2 * padding + 3;
  layout.ensure(height);
  layers.forEach((layer, index) => {
    const x = layout.left + index * (width + gap);
    layout.fillRect(x, layout.y, width, height, PANEL);
    layout.fillRect(x, layout.y, width, 3, ACCENT);
    const titleHeight = layout.drawText(layer.title, STYLES.bodyBold, x + padding, layout.y + padding + 3, inner);
    layout.drawText(layer.text, STYLES.smallInk, x + padding, layout.y + padding + 3 + titleHeight + 4, inner);
  });
  layout.y += height + 10;
}

export function writeMethod(ctx: ReportContext): void {
  const { layout, coverage, lang, words } = ctx;
  const text = methodText(
    coverage.rules,
    lang,
    coverage.accords.map((a) => a.name),
    coverage.study.regions,
    coverage.regionPlanCount,
  );
  startSection(ctx, words.method, "method");
  layout.write(text.intro, STYLES.body, { spaceAfter: 10 });
  writeLayerCards(ctx, text.layers);

  layout.heading(text.rulesHeading, STYLES.h2, { keepWith: 60, spaceAfter: 6 });
  const rows: TableRow[] = [...text.rules, ...certaintyMethodRows(coverage.rules, lang)].map(([rule, value]) => ({
    cells: [
      { text: rule, style: STYLES.smallBold },
      { text: value, style: STYLES.smallInk },
    ],
  }));
  writeTable(layout, {
    columns: [
      { header: text.ruleColumns[0], width: 150 },
      { header: text.ruleColumns[1], width: layout.contentWidth - 150 },
    ],
    rows,
    padding: 2.5,
  });
  layout.y += 8;

  layout.heading(text.verdictsHeading, STYLES.h3, { keepWith: 40, spaceAfter: 6 });
  const verdictOrder = ["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"] as const;
  text.verdicts.forEach((sentence, index) => {
    const fill = VERDICT_FILLS[verdictOrder[index]!];
    const lineHeight = layout.lineHeight(STYLES.body);
    layout.ensure(lineHeight);
    // A colour chip in front of each rule, matching the verdict column of the matrix.
    layout.fillRect(layout.left, layout.y + lineHeight / 2 - 4, 8, 8, fill);
    layout.strokeRect(layout.left, layout.y + lineHeight / 2 - 4, 8, 8, inkOn(fill) === "#000000" ? "#9AA1AA" : fill);
    layout.write(sentence, STYLES.body, { indent: 14, spaceAfter: 2 });
  });
  layout.y += 8;

  // The rule users most often get wrong is set apart, in a panel.
  const padding = 9;
  const inner = layout.contentWidth - 2 * padding - 4;
  const titleHeight = layout.textHeight(text.unknownHeading, STYLES.bodyBold, inner);
  const bodyHeight = layout.textHeight(text.unknown, STYLES.body, inner);
  const panelHeight = titleHeight + 3 + bodyHeight + 2 * padding;
  layout.ensure(panelHeight);
  layout.fillRect(layout.left, layout.y, layout.contentWidth, panelHeight, PANEL);
  layout.fillRect(layout.left, layout.y, 4, panelHeight, VERDICT_FILLS["mogelijke-witte-vlek"]);
  layout.drawText(text.unknownHeading, STYLES.bodyBold, layout.left + 4 + padding, layout.y + padding, inner);
  layout.drawText(text.unknown, STYLES.body, layout.left + 4 + padding, layout.y + padding + titleHeight + 3, inner);
  layout.y += panelHeight + 12;

  layout.write(text.regionsLine, STYLES.small, { spaceAfter: 4 });
  writeScreening(ctx);
}

/** How the accords' own texts were searched: per topic the passages screened, linked and excluded by reason. */
function writeScreening(ctx: ReportContext): void {
  const { layout, study, coverage, lang } = ctx;
  const nl = lang === "nl";
  const { rows, totals } = summariseScreening(study);
  const view =
    coverage.study.evidence === "report"
      ? nl
        ? "Dit rapport gebruikt alleen het bewijs uit het onderzoeksrapport zelf (de reproductie van 2024): acties uit de eigen teksten van de akkoorden en beoordeelde regioplannen tellen niet mee."
        : "This report uses only the evidence of the study report itself (the 2024 reproduction): actions from the accords' own texts and assessed region plans do not count."
      : nl
        ? "Acties uit de eigen teksten van de akkoorden tellen mee naast de samenvatting in het onderzoeksrapport; dekking diff --evidence-old report toont wat ze veranderen."
        : "Actions from the accords' own texts count beside the study report's summary; dekking diff --evidence-old report shows what they change.";
  layout.heading(nl ? "Bewijs en screening" : "Evidence and screening", STYLES.h2, { keepWith: 80, spaceAfter: 6 });
  layout.write(`${nl ? "Peildatum" : "As of"} ${coverage.study.asOf}. ${view}`, STYLES.body, { spaceAfter: 6 });
  if (rows.length === 0) {
    layout.write(nl ? "Er is geen screeningsregister (data/screening.yaml)." : "There is no screening register (data/screening.yaml).", STYLES.body);
    return;
  }
  const labels = EXCLUSION_LABELS[lang];
  const reasons = EXCLUSION_REASONS.filter((r) => totals.excluded[r] > 0);
  layout.write(
    nl
      ? `Per onderwerp met vraag zijn ${totals.documents.join(", ")} doorzocht met de zoektermen uit het register; elke gelezen passage is gekoppeld aan een actie of uitgesloten met een reden. Totaal ${totals.screened} passages: ${totals.linked} gekoppeld, ${totals.screened - totals.linked} uitgesloten.`
      : `For each topic with demand, ${totals.documents.join(", ")} were searched with the register's terms; every passage read was linked to an action or excluded with a reason. In all ${totals.screened} passages: ${totals.linked} linked, ${totals.screened - totals.linked} excluded.`,
    STYLES.body,
    { spaceAfter: 6 },
  );
  const numberWidth = 46;
  const labelWidth = layout.contentWidth - numberWidth * (2 + reasons.length);
  const cell = (n: number) => ({ text: String(n), style: STYLES.smallInk });
  writeTable(layout, {
    columns: [
      { header: nl ? "Onderwerp" : "Topic", width: labelWidth },
      { header: nl ? "gelezen" : "read", width: numberWidth },
      { header: nl ? "gekoppeld" : "linked", width: numberWidth },
      ...reasons.map((r) => ({ header: EXCLUSION_SHORT[lang][r], width: numberWidth })),
    ],
    rows: [
      ...rows.map((row) => ({
        cells: [{ text: row.label, style: STYLES.smallInk }, cell(row.screened), cell(row.linked), ...reasons.map((r) => cell(row.excluded[r]))],
      })),
      {
        cells: [
          { text: nl ? "Totaal" : "Total", style: STYLES.smallBold },
          cell(totals.screened),
          cell(totals.linked),
          ...reasons.map((r) => cell(totals.excluded[r])),
        ],
      },
    ],
    padding: 2,
  });
  layout.y += 4;
  layout.write(`${nl ? "Uitgesloten wegens" : "Excluded as"}: ${reasons.map((r) => `${EXCLUSION_SHORT[lang][r]} = ${labels[r]}`).join(" · ")}.`, STYLES.small, {
    spaceAfter: 8,
  });
}
