// The method section: the three layers, the verdict rules, the screening register and the
// reliability of the coding.

import { summariseScreening } from "../../evidence/screeningSummary.js";
import { EXCLUSION_REASONS } from "../../model.js";
import { EXCLUSION_LABELS, EXCLUSION_SHORT, formatDate, groupName, REPORT_WORDS, WORDS } from "../../messages/labels.js";
import { PAGE_WORDS } from "../../messages/pageWords.js";
import { certaintyMethodRows } from "../certaintyText.js";
import type { Block, Cell, Section } from "../blocks.js";
import { topicLabel, verdictTone, type BuildContext } from "../common.js";
import { methodText, REPORT_TEXT } from "../../messages/reportText.js";

function screeningBlocks(ctx: BuildContext): Block[] {
  const { study, coverage, lang } = ctx;
  const text = REPORT_TEXT[lang];
  const blocks: Block[] = [
    { kind: "heading", text: text.screeningHeading },
    { kind: "paragraph", text: `${text.asOf} ${coverage.study.asOf}. ${text.evidenceView(coverage.study.evidence === "report" ? "report" : "all")}` },
  ];
  const { rows, totals } = summariseScreening(study);
  if (rows.length === 0) return [...blocks, { kind: "paragraph", text: text.noRegister }];
  const reasons = EXCLUSION_REASONS.filter((r) => totals.excluded[r] > 0);
  const number = (n: number): Cell => ({ text: String(n), align: "right" });
  const names = new Map(coverage.topics.map((t) => [t.id, topicLabel(t, lang)]));
  blocks.push({ kind: "paragraph", text: text.screeningIntro(totals.documents.join(", "), totals.screened, totals.linked) });
  blocks.push({
    kind: "table",
    caption: PAGE_WORDS[lang].screening,
    columns: [
      { header: WORDS[lang].topic! },
      { header: text.read, align: "right", width: "number" },
      { header: text.linked, align: "right", width: "number" },
      ...reasons.map((r) => ({ header: EXCLUSION_SHORT[lang][r], align: "right" as const, width: "number" as const })),
    ],
    rows: rows.map((row) => ({
      cells: [{ text: names.get(row.topic) ?? row.label }, number(row.screened), number(row.linked), ...reasons.map((r) => number(row.excluded[r]))],
    })),
    footer: [{ text: text.total }, number(totals.screened), number(totals.linked), ...reasons.map((r) => number(totals.excluded[r]))],
    rowHeaders: true,
    compact: true,
  });
  blocks.push({
    kind: "paragraph",
    text: `${text.excludedAs}: ${reasons.map((r) => `${EXCLUSION_SHORT[lang][r]} = ${EXCLUSION_LABELS[lang][r]}`).join(" · ")}.`,
    style: "small",
  });
  return blocks;
}

/** How reliable the coding is: per round of double coding, Cohen's κ per field and what reconciliation changed. */
function reliabilityBlocks(ctx: BuildContext): Block[] {
  const { study, lang } = ctx;
  const reliability = study.study.reliability;
  if (!reliability) return [];
  const text = REPORT_TEXT[lang];
  const columns = text.reliabilityColumns;
  const kappa = (value: number | undefined): string => (value === undefined ? "—" : value.toFixed(2));
  const weighted = (value: number | undefined, weight: number | undefined): string =>
    value === undefined ? "—" : `${kappa(value)}${weight === undefined ? "" : ` (${kappa(weight)})`}`;
  const name = (id: string): string =>
    study.accords.find((a) => a.id === id)?.name ?? study.regionPlans.find((p) => p.file === `regions/${id}.yaml`)?.region ?? id.toUpperCase();
  const target = kappa(reliability.target);
  const blocks: Block[] = [
    { kind: "heading", text: text.reliabilityHeading },
    { kind: "paragraph", text: text.reliabilityIntro(target, reliability.codebook) },
  ];
  for (const round of reliability.rounds) {
    const fields = ["links", "strength", "scope", "period", "status"] as const;
    const below = round.encodings.flatMap((e) =>
      fields.flatMap((field) =>
        e[field] !== undefined && e[field]! < reliability.target ? [`${name(e.encoding)} ${text.reliabilityChanged[field]} ${kappa(e[field])}`] : [],
      ),
    );
    const withChanges = round.encodings.some((e) => e.changed);
    blocks.push({ kind: "paragraph", text: text.reliabilityRound(round.round, formatDate(round.date, lang), round.blind, round.stage), style: "strong" });
    blocks.push({
      kind: "table",
      caption: text.reliabilityRound(round.round, formatDate(round.date, lang), round.blind, round.stage),
      columns: [
        { header: columns.encoding },
        { header: columns.links, align: "right", width: "number" },
        { header: columns.strength, align: "right", width: "number" },
        { header: columns.scope, align: "right", width: "number" },
        { header: columns.period, align: "right", width: "number" },
        { header: columns.status, align: "right", width: "number" },
        ...(withChanges ? [{ header: columns.changed }] : []),
      ],
      rows: round.encodings.map((e) => ({
        cells: [
          { text: name(e.encoding), note: `${e.units} ${columns.units.toLowerCase()}` },
          { text: kappa(e.links), align: "right" as const },
          { text: weighted(e.strength, e.strength_weighted), align: "right" as const },
          { text: kappa(e.scope), align: "right" as const },
          { text: kappa(e.period), align: "right" as const },
          { text: weighted(e.status, e.status_weighted), align: "right" as const },
          ...(withChanges
            ? [
                {
                  text: fields
                    .flatMap((field) => (e.changed?.[field] !== undefined ? [`${e.changed[field]} ${text.reliabilityChanged[field]}`] : []))
                    .join(", "),
                },
              ]
            : []),
        ],
      })),
      rowHeaders: true,
      compact: true,
    });
    blocks.push({ kind: "paragraph", text: below.length > 0 ? text.belowTarget(target, below.join(", ")) : text.allAtTarget(target), style: "small" });
  }
  return blocks;
}

export function methodSection(ctx: BuildContext): Section {
  const { coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = methodText(
    coverage.rules,
    lang,
    coverage.accords.map((a) => a.name),
    coverage.study.regions,
    coverage.regionPlanCount,
    coverage.vocabulary.groups.map((g) => groupName(coverage.vocabulary, g.id, lang)),
  );
  const verdictOrder = ["witte-vlek", "mogelijke-witte-vlek", "gedekt", "geen-signaal"] as const;
  const blocks: Block[] = [
    { kind: "paragraph", text: text.intro },
    { kind: "cards", cards: text.layers.map((layer) => ({ title: layer.title, text: layer.text, tone: "panel" as const })) },
    { kind: "heading", text: text.rulesHeading },
    {
      kind: "table",
      caption: text.rulesHeading,
      columns: [{ header: text.ruleColumns[0], width: "medium" }, { header: text.ruleColumns[1] }],
      rows: [...text.rules, ...certaintyMethodRows(coverage.rules, lang)].map(([rule, value]) => ({
        cells: [{ text: [{ text: rule, strong: true }] }, { text: value }],
      })),
      rowHeaders: true,
      compact: true,
    },
    { kind: "heading", text: text.verdictsHeading },
    ...text.verdicts.map((sentence, index): Block => ({ kind: "paragraph", text: sentence, tone: verdictTone(verdictOrder[index]!) })),
    { kind: "callout", title: text.unknownHeading, text: text.unknown, tone: "verdict-mogelijke-witte-vlek" },
    { kind: "paragraph", text: text.regionsLine, style: "small" },
    ...screeningBlocks(ctx),
    ...reliabilityBlocks(ctx),
  ];
  return { id: "method", title: words.method, blocks };
}
