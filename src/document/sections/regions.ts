// The assessed region plans: the plans and indicators, and a profile per plan (the section
// `dekking region show` shows for one).

import { regionProfile, type ProfileTopic, type RegionProfile } from "../../analyse/regionProfile.js";
import { type PlanStatus } from "../../model.js";
import { ownValue } from "../../ownKeys.js";
import {
  formatGroups,
  formatScore,
  PLAN_STATUS_LABELS,
  PLAN_STATUS_SYMBOLS,
  PREVALENCE_LABELS,
  VERDICT_LABELS,
  VERDICT_SYMBOLS,
  WORDS,
  type Lang,
} from "../../messages/labels.js";
import { MAX_PLANS_LISTED, PLAN_STATUSES, planStatusCounts, regionMatrix } from "../../analyse/regionMatrix.js";
import type { Block, Cell, Section, Tone } from "../blocks.js";
import { topicAnchor, topicLabel, type BuildContext } from "../common.js";
import { REPORT_TEXT } from "../../messages/reportText.js";

const STATUS_TONES: Record<PlanStatus, Tone> = { concrete: "status-concrete", ambition: "status-ambition", absent: "status-absent", unknown: "status-unknown" };

export function regionsSection(ctx: BuildContext): Section | null {
  const { study, coverage, lang } = ctx;
  if (study.regionPlans.length === 0) return null;
  const text = REPORT_TEXT[lang];
  const matrix = regionMatrix(study);
  const statuses = PLAN_STATUSES.map((s) => `${PLAN_STATUS_SYMBOLS[s]} ${PLAN_STATUS_LABELS[lang][s]}`).join(", ");
  const statusColumns = PLAN_STATUSES.map((status) => ({
    header: `${PLAN_STATUS_SYMBOLS[status]} ${PLAN_STATUS_LABELS[lang][status]}`,
    align: "right" as const,
    width: "number" as const,
  }));
  const countCell = (count: number, status: PlanStatus): Cell => ({
    text: String(count),
    align: "right",
    ...(count > 0 ? { tone: STATUS_TONES[status] } : {}),
  });
  const blocks: Block[] = [
    { kind: "paragraph", text: text.regionsIntro(matrix.plans.length, statuses) },
    {
      kind: "table",
      caption: text.regionsTitle,
      columns: [
        { header: text.regionAndPlan },
        { header: text.participation, width: "medium" },
        { header: text.assessed, align: "right", width: "number" },
        ...statusColumns,
      ],
      rows: matrix.plans.map((plan) => {
        const groups = plan.participationGroups.map((g) => `${g.group}: ${g.level}`).join("; ");
        return {
          cells: [
            {
              text: plan.region,
              note: `${plan.plan.title}${plan.plan.year !== null ? ` (${plan.plan.year})` : ""}${plan.inSample ? "" : ` — ${text.outsideSample}`}`,
            },
            { text: plan.participation ?? "—", ...(groups ? { note: groups } : {}) },
            {
              text: `${plan.assessed}/${plan.indicators} (${Math.round(plan.completeness * 100)}%)`,
              align: "right",
              note: `${plan.assessedBy}, ${plan.assessedOn}`,
            },
            ...planStatusCounts(matrix, plan).map((count, i) => countCell(count, PLAN_STATUSES[i]!)),
          ],
        };
      }),
      rowHeaders: true,
    },
    { kind: "heading", text: text.perIndicator },
    {
      kind: "table",
      caption: text.perIndicator,
      columns: [{ header: text.indicator }, ...statusColumns],
      rows: matrix.rows.map((row) => ({
        cells: [
          { text: lang === "en" && row.labelEn ? row.labelEn : row.label },
          ...PLAN_STATUSES.map((status) => countCell(matrix.plans.filter((plan) => ownValue(plan.cells, row.id)?.status === status).length, status)),
        ],
      })),
      rowHeaders: true,
      compact: true,
    },
  ];
  // A profile per assessed plan, in the region table's order; at scale the first ones, and
  // `dekking region show` for the rest, so a report of 1,000 plans does not hold 1,000 profiles.
  const profiled = matrix.plans.slice(0, MAX_PLANS_LISTED);
  for (const row of profiled) {
    const plan = study.regionPlans.find((p) => p.file === row.file);
    if (plan) blocks.push(...regionProfileBlocks(ctx, regionProfile(plan, coverage)));
  }
  if (matrix.plans.length > profiled.length) blocks.push({ kind: "paragraph", text: text.moreProfiles(matrix.plans.length - profiled.length), style: "small" });
  return { id: "regions", title: text.regionsTitle, blocks };
}

/** Other plans named in a profile's row; beyond this many, their statuses are counted (unless `complete`). */
const MAX_OTHER_PLANS_NAMED = 3;

/**
 * The other assessed plans' word on a topic: by name when there are a few, else the count per
 * status, so a report of many plans does not repeat every plan in every row of every profile.
 */
function otherPlansText(others: readonly { region: string; status: Exclude<PlanStatus, "unknown"> }[], lang: Lang, complete: boolean): string {
  if (others.length === 0) return "—";
  if (complete || others.length <= MAX_OTHER_PLANS_NAMED) return others.map((o) => `${o.region} ${PLAN_STATUS_LABELS[lang][o.status]}`).join(", ");
  return PLAN_STATUSES.flatMap((status) => {
    const n = others.filter((o) => o.status === status).length;
    return n > 0 ? [`${n} ${PLAN_STATUS_LABELS[lang][status]}`] : [];
  }).join(", ");
}

/** Flagged topics first, then in the coverage's order. */
export function orderedProfileTopics(profile: RegionProfile): ProfileTopic[] {
  return [...profile.topics.filter((t) => t.flags.length > 0), ...profile.topics.filter((t) => t.flags.length === 0)];
}

/** The pages of the evidence, in order; a passage of another document than the plan's own names it. */
function profilePages(topic: ProfileTopic, planDoc: string | undefined): string {
  const seen = new Set<string>();
  for (const e of topic.evidence) if (e.page !== null) seen.add(`${e.doc !== null && e.doc !== planDoc ? `${e.doc} ` : ""}${String(e.page)}`);
  // A page inside a range of the same document already listed ("64-65, 65") is said once.
  const ranges = [...seen].flatMap((entry) => {
    const range = /^(.*?)(\d+)-(\d+)$/.exec(entry);
    return range ? [{ doc: range[1]!, from: Number(range[2]), to: Number(range[3]) }] : [];
  });
  const covered = (entry: string): boolean => {
    const single = /^(.*?)(\d+)$/.exec(entry);
    return single !== null && ranges.some((r) => r.doc === single[1] && r.from <= Number(single[2]) && Number(single[2]) <= r.to);
  };
  return [...seen]
    .filter((entry) => !covered(entry))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b))
    .join(", ");
}

/**
 * One assessed plan's profile (what `dekking region show` shows; the report has one per plan):
 * per topic with demand its verdict, this plan's status and pages, the national coverage against
 * the threshold, the other plans and the sample, and plan-gap; then the topics the plan leaves
 * unassessed. `complete` (the command) adds each topic's id and the national score per accord,
 * and names every other plan in a row, however many.
 */
export function regionProfileSection(ctx: BuildContext, profile: RegionProfile, options: { complete?: boolean } = {}): Section {
  const { coverage, lang } = ctx;
  const words = REPORT_TEXT[lang];
  const columns = words.profileColumns;
  const gaps = profile.topics.filter((t) => t.flags.includes("plan-gap"));
  const planLine = [profile.plan.title, profile.plan.year !== undefined ? String(profile.plan.year) : "", profile.plan.document ?? ""]
    .filter(Boolean)
    .join(" · ");
  const accordNames = new Map(coverage.accords.map((a) => [a.id, a.name]));
  const complete = options.complete === true;
  const blocks: Block[] = [
    { kind: "paragraph", text: `${planLine} · ${profile.file} · ${words.asOf.toLowerCase()} ${profile.asOf}`, style: "small" },
    { kind: "paragraph", text: words.profileCounts(profile.topics.length + profile.unassessed.length, profile.topics.length, profile.unassessed.length) },
    {
      kind: "paragraph",
      text: words.planGaps(
        gaps.map((t) => topicLabel(t, lang)),
        formatScore(coverage.rules.national_threshold),
      ),
    },
  ];
  if (profile.topics.length > 0)
    blocks.push({
      kind: "table",
      caption: `${words.regionProfile}: ${profile.region}`,
      columns: [
        { header: WORDS[lang].topic! },
        { header: columns.askedBy, width: "medium" },
        { header: columns.plan, width: "number" },
        { header: columns.evidence, width: "number" },
        { header: columns.national, align: "right", width: "number" },
        { header: columns.others, width: "medium" },
        { header: columns.flag, width: "number" },
      ],
      rows: orderedProfileTopics(profile).map((topic) => {
        const verdict = `${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_LABELS[lang][topic.verdict]}`;
        const accords = Object.entries(topic.national.accords)
          .filter(([, score]) => score > 0)
          .map(([accord, score]) => `${accordNames.get(accord) ?? accord} ${formatScore(score)}`)
          .join(", ");
        const plan = [PLAN_STATUS_LABELS[lang][topic.status], topic.scope === "general" ? words.allInhabitants : "", topic.indirect ? words.indirect : ""];
        return {
          cells: [
            { text: topicLabel(topic, lang), note: complete ? `${topic.id} · ${verdict}` : verdict, href: topicAnchor(topic.id) },
            { text: formatGroups(topic.groups, coverage.vocabulary, lang) },
            { text: plan.filter(Boolean).join(", "), tone: STATUS_TONES[topic.status] },
            { text: profilePages(topic, profile.plan.document) || "—" },
            {
              // The score, and under it its side of the threshold (and, for the command, the accords' scores).
              text: formatScore(topic.national.score),
              align: "right",
              note: [`${topic.national.commits ? "≥" : "<"} ${formatScore(topic.national.threshold)}`, ...(complete && accords ? [accords] : [])].join(" · "),
            },
            {
              text: otherPlansText(topic.others, lang, complete),
              note: `${columns.sample.toLowerCase()}: ${topic.sample ? PREVALENCE_LABELS[lang][topic.sample] : "—"}`,
            },
            topic.flags.length > 0 ? { text: [{ text: topic.flags.join(", "), strong: true }], tone: "verdict-witte-vlek" } : { text: "—" },
          ],
        };
      }),
      rowHeaders: true,
      compact: true,
    });
  if (profile.unassessed.length > 0) {
    blocks.push({
      kind: "paragraph",
      text: `${words.profileUnassessed}: ${profile.unassessed.map((u) => `${topicLabel(u, lang)} (${u.id})`).join(", ")}.`,
      style: "small",
    });
  }
  return { id: `region-${profile.region.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`, title: `${words.regionProfile}: ${profile.region}`, blocks };
}

/** The report's profile of one plan: its section as a group inside the regions section. */
function regionProfileBlocks(ctx: BuildContext, profile: RegionProfile): Block[] {
  const section = regionProfileSection(ctx, profile);
  return [{ kind: "group", group: { id: section.id, title: section.title, blocks: section.blocks } }];
}
