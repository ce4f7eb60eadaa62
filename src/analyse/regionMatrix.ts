// The regions × indicators matrix of `dekking regions`: per assessed region plan, the
// status of every indicator, how much of the plan has been assessed, and how far client
// organisations took part. Pure data; renderRegions*.ts turn it into text.

import { emptyRecord, ownValue } from "../ownKeys.js";
import { type Category, type GroupParticipation, type Page, type Participation, type PlanStatus, type Study, type Vocabulary } from "../model.js";

export interface RegionMatrixRow {
  id: string;
  label: string;
  labelEn: string | undefined;
  category: Category;
  /** False for a topic outside the indicator list that a plan has a finding for. */
  indicator: boolean;
}

export interface RegionMatrixCell {
  status: PlanStatus;
  indirect: boolean;
  page: Page | null;
  quote: string | null;
}

export interface RegionMatrixPlan {
  region: string;
  slug: string;
  file: string;
  fictional: boolean;
  /** The region is one of the sample's regions, so its file replaces the sample share for it. */
  inSample: boolean;
  plan: { title: string; year: number | null; url: string | null };
  assessedBy: string;
  assessedOn: string;
  /** The highest step of the OPCZ ladder any group reached (the plan's single level in the older form). */
  participation: Participation | null;
  /** Participation per group, with evidence, where the file gives it per group. */
  participationGroups: GroupParticipation[];
  /** Indicators with a status other than `unknown`. */
  assessed: number;
  /** All indicators of the study. */
  indicators: number;
  /** assessed / indicators (0 when the study has no indicators). */
  completeness: number;
  /** Per row id; a topic the file does not mention is `unknown`. */
  cells: Record<string, RegionMatrixCell>;
}

export interface RegionMatrix {
  study: { id: string; title: string; dataVersion: string };
  /** The study's vocabulary, for the names of the categories the rows fall under. */
  vocabulary: Vocabulary;
  sampleRegions: string[];
  /** Indicator topics in matrix order, then other topics some plan has assessed. */
  rows: RegionMatrixRow[];
  /** Sorted by region name (Dutch collation). */
  plans: RegionMatrixPlan[];
}

/** Dutch alphabetical order ("Één" under E), the way a reader looks a region up. */
const REGION_ORDER = new Intl.Collator("nl");

/** Region plans listed per topic in the reports (PDF, Markdown); `dekking explain` lists them all. */
export const MAX_PLANS_LISTED = 12;

export const PLAN_STATUSES: readonly PlanStatus[] = ["concrete", "ambition", "absent", "unknown"];

/** How many rows of the matrix a plan gives each status, in PLAN_STATUSES order. */
export function planStatusCounts(matrix: RegionMatrix, plan: RegionMatrixPlan): number[] {
  return PLAN_STATUSES.map((status) => matrix.rows.filter((row) => ownValue(plan.cells, row.id)?.status === status).length);
}

/**
 * The region plans a report lists for one topic: at most MAX_PLANS_LISTED, assessed ones
 * first, with the count of every status present (for a line above the list) and how many
 * are left out (for a pointer to `dekking explain`).
 */
export function plansToList<T extends { status: PlanStatus }>(
  plans: readonly T[],
): { listed: T[]; counts: [PlanStatus, number][]; more: number; capped: boolean } {
  const counts = PLAN_STATUSES.map((status) => [status, plans.filter((p) => p.status === status).length] as [PlanStatus, number]).filter(([, n]) => n > 0);
  const listed = [...plans].sort((a, b) => PLAN_STATUSES.indexOf(a.status) - PLAN_STATUSES.indexOf(b.status)).slice(0, MAX_PLANS_LISTED);
  return { listed, counts, more: plans.length - listed.length, capped: plans.length > MAX_PLANS_LISTED };
}

function byCategoryThenOrder<T extends { category: Category }>(items: T[], vocabulary: Vocabulary): T[] {
  const rank = new Map<string, number>(vocabulary.categories.map((c, i) => [c.id, i]));
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (rank.get(a.item.category) ?? Infinity) - (rank.get(b.item.category) ?? Infinity) || a.index - b.index)
    .map(({ item }) => item);
}

const LADDER: readonly Participation[] = ["nvt", "toehoorder", "meedenker", "adviseur", "partner", "regisseur"];

/** The highest step of the ladder among the groups; null without participation. */
export function highestParticipation(participation: Participation | GroupParticipation[] | undefined): Participation | null {
  if (participation === undefined) return null;
  if (typeof participation === "string") return participation;
  return participation.reduce<Participation | null>((best, g) => (best === null || LADDER.indexOf(g.level) > LADDER.indexOf(best) ? g.level : best), null);
}

export function regionMatrix(study: Study): RegionMatrix {
  const sampleRegions = study.sample?.regions ?? study.study.regions;
  const indicatorIds = new Set(study.topics.filter((t) => t.indicator).map((t) => t.id));
  // A plan may also judge a topic that is no indicator; it counts in the coverage, so it is shown.
  const assessedElsewhere = new Set<string>();
  for (const plan of study.regionPlans) {
    for (const [id, finding] of Object.entries(plan.findings)) {
      if (!indicatorIds.has(id) && finding.status !== "unknown") assessedElsewhere.add(id);
    }
  }
  const rows: RegionMatrixRow[] = [
    ...byCategoryThenOrder(
      study.topics.filter((t) => t.indicator),
      study.vocabulary,
    ),
    ...byCategoryThenOrder(
      study.topics.filter((t) => !t.indicator && assessedElsewhere.has(t.id)),
      study.vocabulary,
    ),
  ].map((t) => ({ id: t.id, label: t.label, labelEn: t.label_en, category: t.category, indicator: t.indicator }));

  const plans = study.regionPlans
    .map((plan): RegionMatrixPlan => {
      const cells: Record<string, RegionMatrixCell> = emptyRecord();
      for (const row of rows) {
        const finding = ownValue(plan.findings, row.id);
        cells[row.id] = {
          status: finding?.status ?? "unknown",
          indirect: finding?.evidence === "indirect",
          page: finding?.page ?? null,
          quote: finding?.quote ?? null,
        };
      }
      const assessed = [...indicatorIds].filter((id) => {
        const status = ownValue(plan.findings, id)?.status;
        return status !== undefined && status !== "unknown";
      }).length;
      return {
        region: plan.region,
        slug: plan.slug,
        file: plan.file,
        fictional: plan.fictional === true,
        inSample: sampleRegions.includes(plan.region),
        plan: { title: plan.plan.title, year: plan.plan.year ?? null, url: plan.plan.url ?? null },
        assessedBy: plan.assessed_by,
        assessedOn: plan.assessed_on,
        participation: highestParticipation(plan.participation),
        participationGroups: Array.isArray(plan.participation) ? plan.participation : [],
        assessed,
        indicators: indicatorIds.size,
        completeness: indicatorIds.size === 0 ? 0 : Math.round((assessed / indicatorIds.size) * 1e4) / 1e4,
        cells,
      };
    })
    .sort((a, b) => REGION_ORDER.compare(a.region, b.region) || (a.region < b.region ? -1 : a.region > b.region ? 1 : a.file < b.file ? -1 : 1));
  return { study: { id: study.study.id, title: study.study.title, dataVersion: study.dataVersion }, vocabulary: study.vocabulary, sampleRegions, rows, plans };
}
