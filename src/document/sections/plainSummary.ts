// The summary in plain language (B1) for the people who were interviewed: what was studied,
// what is covered, where gaps may be, what happens next. Every sentence is a fixed pattern of
// the catalogue (messages/plainSummary.ts) filled in from the Coverage (verdicts, gaps,
// dispositions, the comparison with the report); nothing else, but for the study's own
// question, quoted from study.yaml in its own words. The report's first section,
// samenvatting.md and `dekking summary`.

import type { Coverage, TopicCoverage } from "../../analyse/coverage.js";
import { groupName, type Lang } from "../../messages/labels.js";
import { PLAIN_TEXT } from "../../messages/plainSummary.js";
import { joinWords } from "../../messages/reportText.js";
import { ASSESSED_BY_PLACEHOLDER } from "../../model.js";
import type { Block, Section } from "../blocks.js";
import { topicLabel, type BuildContext } from "../common.js";

/** A paragraph, a list, or the study's own words (its question), quoted as they are. */
export type PlainBlock = { kind: "p"; sentences: string[] } | { kind: "list"; items: string[] } | { kind: "quote"; text: string };

export interface PlainSection {
  heading: string;
  blocks: PlainBlock[];
}

export interface PlainSummary {
  title: string;
  sections: PlainSection[];
  /** Where the figures come from (not part of the readable text). */
  provenance: string;
}

function names(topics: readonly TopicCoverage[], lang: Lang): string[] {
  return topics.map((t) => topicLabel(t, lang));
}

/** Why a flagged topic may be a gap; where no plan assessed it, the regional part is not known. */
function gapReason(topic: TopicCoverage, lang: Lang): string {
  const w = PLAIN_TEXT[lang];
  const gap = topic.gap ?? "uitvoering";
  return gap !== "beleid" && topic.regional.score === null ? w.gapReasonsRegionalUnknown[gap] : w.gapReasons[gap];
}

/**
 * The summary's text, computed from the coverage.
 * @param question the study's question: its plain rendering (study.yaml `question_plain`, `plain` true), said as part of the text,
 *   else the research question in the report's words (`question`), quoted
 */
export function plainSummary(coverage: Coverage, lang: Lang, question: { text: string; plain: boolean }): PlainSummary {
  const w = PLAIN_TEXT[lang];
  const topics = coverage.topics;
  const raised = topics.filter((t) => t.verdict !== "geen-signaal");
  const covered = topics.filter((t) => t.verdict === "gedekt");
  const flagged = topics.filter((t) => t.verdict === "witte-vlek" || t.verdict === "mogelijke-witte-vlek");
  const clear = flagged.filter((t) => t.verdict === "witte-vlek");
  const policyShort = flagged.filter((t) => t.gap === "beleid" || t.gap === "beide");
  const regionsShort = flagged.filter((t) => t.gap === "uitvoering" || t.gap === "beide");
  const regionsUnknown = regionsShort.filter((t) => t.regional.score === null);
  const groups = coverage.vocabulary.groups.map((g) => g.id).filter((g) => topics.some((t) => t.demand.groups.includes(g)));
  const decided = flagged.filter((t) => t.disposition !== null);
  const byDecision = (d: "monitor" | "accepted" | "action"): number => decided.filter((t) => t.disposition!.decision === d).length;
  const compared = topics.filter((t) => t.reference !== null);
  const agreeing = compared.filter((t) => t.reference!.agrees).length;
  const accords = coverage.accords.map((a) => a.name);
  const regionCount = coverage.study.regions.length;

  const sections: PlainSection[] = [];

  const asked = question.text.replace(/\s+/g, " ").trim();
  const questionBlocks: PlainBlock[] =
    asked === "" || asked === ASSESSED_BY_PLACEHOLDER
      ? [{ kind: "p", sentences: [w.questionMissing] }]
      : question.plain
        ? // The study's own plain rendering reads as part of the text.
          [{ kind: "p", sentences: [asked, w.questionOutro] }]
        : [
            { kind: "p", sentences: [w.questionIntro] },
            { kind: "quote", text: asked },
          ];
  const studied: string[] = [];
  if (accords.length > 0) studied.push(w.accords(accords.length, joinWords(accords, lang)));
  if (regionCount > 0) studied.push(w.regions(regionCount));
  // A group named "x en y" is one group but reads as two words in a list.
  const people = groups.flatMap((g) => groupName(coverage.vocabulary, g, lang).split(w.and));
  if (groups.length > 0) studied.push(w.interviews(joinWords(people, lang)));
  studied.push(w.total(topics.length), w.raised(raised.length));
  sections.push({ heading: w.studiedHeading, blocks: [...questionBlocks, { kind: "p", sentences: studied }] });

  sections.push({
    heading: w.coveredHeading,
    blocks:
      covered.length > 0
        ? [
            { kind: "p", sentences: w.covered(covered.length) },
            { kind: "list", items: names(covered, lang) },
          ]
        : [{ kind: "p", sentences: [w.noneCovered] }],
  });

  const gapBlocks: PlainBlock[] = [];
  if (flagged.length === 0) {
    gapBlocks.push({ kind: "p", sentences: [w.noGaps] });
  } else {
    const sentences = [w.mayGap(flagged.length)];
    if (clear.length > 0) sentences.push(w.clear(clear.length, joinWords(names(clear, lang), lang)));
    if (policyShort.length > 0) sentences.push(...w.policyShort(policyShort.length));
    if (regionsShort.length > 0) sentences.push(...w.regionsShort(regionsShort.length));
    if (regionsUnknown.length > 0) sentences.push(w.unknown(regionsUnknown.length));
    sentences.push(w.theseTopics);
    gapBlocks.push(
      { kind: "p", sentences },
      { kind: "list", items: flagged.map((t) => `${topicLabel(t, lang)}: ${gapReason(t, lang)}`) },
      { kind: "p", sentences: w.calculation },
    );
  }
  sections.push({ heading: w.gapsHeading, blocks: gapBlocks });

  const next: string[] = [];
  if (flagged.length > 0) {
    if (decided.length > 0) {
      next.push(w.decided(decided.length));
      const [monitor, accepted, action] = [byDecision("monitor"), byDecision("accepted"), byDecision("action")];
      if (monitor > 0) next.push(w.monitor(monitor));
      if (accepted > 0) next.push(w.accepted(accepted));
      if (action > 0) next.push(w.action(action));
    }
    const open = flagged.length - decided.length;
    if (open > 0) next.push(w.open(open));
  }
  if (compared.length > 0) next.push(w.reportOwn, w.agreeing(agreeing, compared.length));
  if (next.length === 0) next.push(w.nothingDecided);
  sections.push({ heading: w.nextHeading, blocks: [{ kind: "p", sentences: next }] });

  return { title: w.title, sections, provenance: w.provenance(coverage.study.dataVersion, coverage.study.asOf) };
}

/** The readable text only: every sentence and list item, one per line (for readability measures). */
export function plainSummaryText(summary: PlainSummary): string {
  const lines: string[] = [];
  for (const section of summary.sections) {
    lines.push(section.heading);
    for (const block of section.blocks) lines.push(...(block.kind === "p" ? block.sentences : block.kind === "list" ? block.items : [block.text]));
  }
  return lines.join("\n");
}

export function plainSummarySection(ctx: BuildContext): Section {
  const { question, question_plain: plain } = ctx.study.study;
  const summary = plainSummary(ctx.coverage, ctx.lang, plain !== undefined ? { text: plain, plain: true } : { text: question, plain: false });
  const blocks: Block[] = [];
  for (const part of summary.sections) {
    blocks.push({ kind: "heading", text: part.heading });
    for (const block of part.blocks) {
      blocks.push(
        block.kind === "p"
          ? { kind: "paragraph", text: block.sentences.join(" "), style: "lead" }
          : block.kind === "list"
            ? { kind: "list", items: block.items, style: "lead" }
            : { kind: "quote", text: block.text },
      );
    }
  }
  blocks.push({ kind: "paragraph", text: summary.provenance, style: "small" });
  return { id: "plain-summary", title: summary.title, blocks };
}
