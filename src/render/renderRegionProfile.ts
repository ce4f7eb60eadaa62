// Output of `dekking region show`: one region's profile as terminal text, JSON or Markdown.
// Text from the data passes the escape step of its output kind once, here at the edge.

import type { ProfileTopic, RegionProfile } from "../analyse/regionProfile.js";
import type { Page } from "../model.js";
import { jsonOutput } from "./escape/json.js";
import { markdownText } from "./escape/markdown.js";
import { terminalLine } from "./escape/terminal.js";
import { formatGroups, formatScore, PLAN_STATUS_LABELS, PREVALENCE_LABELS, VERDICT_LABELS, type Lang } from "../messages/labels.js";
import type { Paint } from "./paint.js";
import { wrapIndented } from "./textColumns.js";

export interface RegionProfileRenderOptions {
  lang: Lang;
  paint: Paint;
  width: number;
}

/** Flagged topics first, then in the coverage's order. */
export function orderedProfileTopics(profile: RegionProfile): ProfileTopic[] {
  return [...profile.topics.filter((t) => t.flags.length > 0), ...profile.topics.filter((t) => t.flags.length === 0)];
}

/** The pages of the evidence, in order; a passage of another document than the plan's own names it. */
export function profilePages(topic: ProfileTopic, planDoc: string | undefined): string {
  const seen = new Set<string>();
  for (const e of topic.evidence) if (e.page !== null) seen.add(`${e.doc !== null && e.doc !== planDoc ? `${e.doc} ` : ""}${String(e.page as Page)}`);
  return [...seen].sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b)).join(", ");
}

function label(topic: { label: string; labelEn: string | undefined }, lang: Lang): string {
  return lang === "en" && topic.labelEn ? topic.labelEn : topic.label;
}

function accords(topic: ProfileTopic): string {
  return Object.entries(topic.national.accords)
    .filter(([, score]) => score > 0)
    .map(([accord, score]) => `${accord} ${formatScore(score)}`)
    .join(", ");
}

function planLine(profile: RegionProfile): string {
  const plan = profile.plan;
  return [plan.title, plan.year !== undefined ? String(plan.year) : "", plan.document ?? ""].filter(Boolean).join(" · ");
}

export function renderRegionProfileTable(profile: RegionProfile, options: RegionProfileRenderOptions): string {
  const { lang, paint } = options;
  const nl = lang === "nl";
  const width = Math.max(40, Math.min(options.width, 160));
  const t = terminalLine;
  const out: string[] = [paint.bold(`${nl ? "Regioprofiel" : "Region profile"}: ${t(profile.region)}`)];
  out.push(...wrapIndented(`${t(planLine(profile))} · ${profile.file} · ${nl ? "peildatum" : "as of"} ${profile.asOf}`, width, "", "  ").map(paint.dim));
  out.push("");
  for (const topic of orderedProfileTopics(profile)) {
    const flag = topic.flags.includes("plan-gap") ? paint.bad("⚑ plan-gap ") : "";
    out.push(
      ...wrapIndented(
        `${flag}${paint.bold(t(label(topic, lang)))} (${topic.id}) · ${nl ? "gevraagd door" : "asked for by"}: ${t(formatGroups(topic.groups, profile.vocabulary, lang))}`,
        width,
        "",
        "    ",
      ),
    );
    const scope = topic.scope === "general" ? (nl ? ", voor alle inwoners" : ", for all inhabitants") : "";
    const indirect = topic.indirect ? (nl ? ", indirect" : ", indirect") : "";
    const evidence = profilePages(topic, profile.plan.document);
    out.push(
      ...wrapIndented(
        `${nl ? "plan" : "plan"}: ${PLAN_STATUS_LABELS[lang][topic.status]}${scope}${indirect}${evidence ? ` (p. ${t(evidence)})` : ""}`,
        width,
        "    ",
        "      ",
      ),
    );
    const commits = topic.national.commits ? (nl ? "akkoorden committeren" : "the accords commit") : nl ? "onder de drempel" : "below the threshold";
    out.push(
      ...wrapIndented(
        `${nl ? "landelijk" : "national"}: ${formatScore(topic.national.score)} (${commits}, ${nl ? "drempel" : "threshold"} ${formatScore(topic.national.threshold)})${accords(topic) ? ` · ${accords(topic)}` : ""}`,
        width,
        "    ",
        "      ",
      ).map(paint.dim),
    );
    const others = topic.others.map((o) => `${t(o.region)} ${PLAN_STATUS_LABELS[lang][o.status]}`).join(", ") || "—";
    const sample = topic.sample ? PREVALENCE_LABELS[lang][topic.sample] : "—";
    out.push(
      ...wrapIndented(
        `${nl ? "andere plannen" : "other plans"}: ${others} · ${nl ? "steekproef" : "sample"}: ${sample} · ${nl ? "oordeel" : "verdict"}: ${VERDICT_LABELS[lang][topic.verdict]}`,
        width,
        "    ",
        "      ",
      ).map(paint.dim),
    );
  }
  if (profile.unassessed.length > 0) {
    out.push(
      "",
      paint.bold(
        `${nl ? "Niet beoordeeld" : "Not assessed"} (${profile.unassessed.length}): ${nl ? "geen oordeel, dus ook geen plan-gap" : "no judgement, so no plan-gap either"}`,
      ),
    );
    out.push(...wrapIndented(profile.unassessed.map((u) => `${t(label(u, lang))} (${u.id})`).join(", "), width, "  ", "  "));
  }
  const gaps = profile.topics.filter((x) => x.flags.includes("plan-gap")).length;
  out.push("");
  out.push(
    ...wrapIndented(
      nl
        ? `${profile.topics.length + profile.unassessed.length} onderwerpen met vraag: ${profile.topics.length} beoordeeld, ${gaps} plan-gap (gevraagd, de akkoorden committeren, het plan is afwezig), ${profile.unassessed.length} niet beoordeeld`
        : `${profile.topics.length + profile.unassessed.length} topics with demand: ${profile.topics.length} assessed, ${gaps} plan-gap (asked for, the accords commit, the plan is absent), ${profile.unassessed.length} not assessed`,
      width,
      "",
      "  ",
    ),
  );
  return out.join("\n") + "\n";
}

export function renderRegionProfileJson(profile: RegionProfile): string {
  return jsonOutput({
    region: profile.region,
    file: profile.file,
    plan: profile.plan,
    as_of: profile.asOf,
    topics: orderedProfileTopics(profile).map((topic) => ({
      id: topic.id,
      label: topic.label,
      groups: topic.groups,
      status: topic.status,
      scope: topic.scope,
      indirect: topic.indirect,
      evidence: topic.evidence,
      national: topic.national,
      others: topic.others,
      sample: topic.sample,
      verdict: topic.verdict,
      flags: topic.flags,
    })),
    unassessed: profile.unassessed.map((u) => ({ id: u.id, label: u.label, groups: u.groups })),
  });
}

export function renderRegionProfileMarkdown(profile: RegionProfile, options: Pick<RegionProfileRenderOptions, "lang">): string {
  const { lang } = options;
  const nl = lang === "nl";
  const m = markdownText;
  const out: string[] = [
    `## ${nl ? "Regioprofiel" : "Region profile"}: ${m(profile.region)}`,
    "",
    `${m(planLine(profile))} · ${m(profile.file)} · ${nl ? "peildatum" : "as of"} ${profile.asOf}`,
    "",
  ];
  out.push(
    nl
      ? "| Onderwerp | Gevraagd door | Plan | Bewijs (p.) | Landelijk | Andere plannen | Steekproef | Vlag |"
      : "| Topic | Asked for by | Plan | Evidence (p.) | National | Other plans | Sample | Flag |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const topic of orderedProfileTopics(profile)) {
    const others = topic.others.map((o) => `${m(o.region)} ${PLAN_STATUS_LABELS[lang][o.status]}`).join(", ") || "—";
    out.push(
      `| ${m(label(topic, lang))} (${topic.id}) | ${m(formatGroups(topic.groups, profile.vocabulary, lang))} | ${PLAN_STATUS_LABELS[lang][topic.status]}${topic.scope === "general" ? (nl ? ", alle inwoners" : ", all inhabitants") : ""} | ${m(profilePages(topic, profile.plan.document)) || "—"} | ${formatScore(topic.national.score)}${topic.national.commits ? " ≥ " : " < "}${formatScore(topic.national.threshold)} | ${others} | ${topic.sample ? PREVALENCE_LABELS[lang][topic.sample] : "—"} | ${topic.flags.join(", ") || "—"} |`,
    );
  }
  if (profile.unassessed.length > 0) {
    out.push(
      "",
      `**${nl ? "Niet beoordeeld" : "Not assessed"}** (${nl ? "geen oordeel, dus ook geen plan-gap" : "no judgement, so no plan-gap either"}): ${profile.unassessed.map((u) => `${m(label(u, lang))} (${u.id})`).join(", ")}`,
    );
  }
  return out.join("\n") + "\n";
}
