// The assessed region plans, only when the data has any: per plan its completeness,
// participation and status counts, then per indicator how the plans assessed it.

import { ownValue } from "../../ownKeys.js";
import { regionMatrix, PLAN_STATUSES, planStatusCounts } from "../regionMatrix.js";
import { STATUS_LABELS, STATUS_SYMBOLS } from "../renderRegions.js";
import { STYLES } from "./layout.js";
import { LEVEL_FILLS } from "../palette.js";
import { startSection, type ReportContext } from "./reportContext.js";
import { writeTable, type TableRow } from "./writeTable.js";
import type { PlanStatus } from "../../model.js";

const STATUS_FILLS: Record<PlanStatus, string> = {
  concrete: LEVEL_FILLS.high,
  ambition: LEVEL_FILLS.medium,
  absent: LEVEL_FILLS.none,
  unknown: LEVEL_FILLS.unknown,
};

export function regionSectionTitle(lang: "nl" | "en"): string {
  return lang === "nl" ? "Beoordeelde regioplannen" : "Assessed region plans";
}

export function writeRegions(ctx: ReportContext): void {
  const { layout, study, lang } = ctx;
  if (study.regionPlans.length === 0) return;
  const nl = lang === "nl";
  const matrix = regionMatrix(study);
  startSection(ctx, regionSectionTitle(lang), "regions");
  layout.write(
    nl
      ? `${matrix.plans.length} regioplan(nen) zijn per indicator beoordeeld. Een regio met een eigen beoordeling telt in de regionale dekking met haar eigen score; de overige steekproefregio's met het aandeel uit de steekproef. ${STATUS_SYMBOLS.concrete} concreet, ${STATUS_SYMBOLS.ambition} ambitie, ${STATUS_SYMBOLS.absent} afwezig, ${STATUS_SYMBOLS.unknown} onbekend (telt niet mee).`
      : `${matrix.plans.length} region plan(s) were assessed per indicator. A region with its own assessment counts with its own score in the regional coverage; the other sample regions at the sample's share. ${STATUS_SYMBOLS.concrete} concrete, ${STATUS_SYMBOLS.ambition} ambition, ${STATUS_SYMBOLS.absent} absent, ${STATUS_SYMBOLS.unknown} unknown (not counted).`,
    STYLES.body,
    { spaceAfter: 10 },
  );

  const width = layout.contentWidth;
  const countWidth = 54;
  const planRows: TableRow[] = matrix.plans.map((plan) => {
    const counts = planStatusCounts(matrix, plan);
    return {
      cells: [
        {
          text: plan.region,
          note: `${plan.plan.title}${plan.plan.year ? ` (${plan.plan.year})` : ""}${plan.inSample ? "" : nl ? " — buiten de steekproef" : " — outside the sample"}`,
        },
        { text: plan.participation ?? "—" },
        { text: `${Math.round(plan.completeness * 100)}%`, align: "right" },
        ...counts.map((count, i) => ({ text: String(count), align: "right" as const, fill: count > 0 ? STATUS_FILLS[PLAN_STATUSES[i]!] : undefined })),
      ],
    };
  });
  writeTable(layout, {
    columns: [
      { header: nl ? "Regio en plan" : "Region and plan", width: width - 70 - 56 - 4 * countWidth },
      { header: nl ? "Participatie" : "Participation", width: 70 },
      { header: nl ? "Beoordeeld" : "Assessed", width: 56, align: "right" },
      ...PLAN_STATUSES.map((status) => ({ header: `${STATUS_SYMBOLS[status]} ${STATUS_LABELS[lang][status]}`, width: countWidth, align: "right" as const })),
    ],
    rows: planRows,
    style: STYLES.tableCell,
    padding: 4,
    gutter: 1.5,
  });
  layout.y += 14;

  layout.heading(nl ? "Per indicator" : "Per indicator", STYLES.h2, { keepWith: 60, spaceAfter: 6 });
  const indicatorRows: TableRow[] = matrix.rows.map((row) => ({
    cells: [
      { text: lang === "en" && row.labelEn ? row.labelEn : row.label },
      ...PLAN_STATUSES.map((status) => {
        const count = matrix.plans.filter((plan) => ownValue(plan.cells, row.id)?.status === status).length;
        return { text: String(count), align: "right" as const, fill: count > 0 ? STATUS_FILLS[status] : undefined };
      }),
    ],
  }));
  writeTable(layout, {
    columns: [
      { header: nl ? "Indicator" : "Indicator", width: width - 4 * countWidth },
      ...PLAN_STATUSES.map((status) => ({ header: `${STATUS_SYMBOLS[status]} ${STATUS_LABELS[lang][status]}`, width: countWidth, align: "right" as const })),
    ],
    rows: indicatorRows,
    style: STYLES.tableCell,
    padding: 4,
    gutter: 1.5,
  });
}
