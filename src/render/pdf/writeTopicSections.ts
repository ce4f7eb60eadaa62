// One section per (possible) white spot: the verdict and why, then all evidence behind it
// with sources — the interview quotes, the accord actions, the regional finding, the
// report's own conclusion and the analysts' decision.

import { pdfPlainText } from "../escape/pdf.js";
import { ownValue } from "../../ownKeys.js";
import type { TopicCoverage } from "../../analyse/coverage.js";
import type { ActionFile, Source, Study } from "../../model.js";
import {
  CATEGORY_LABELS,
  DECISION_LABELS,
  formatGroups,
  formatScore,
  GAP_LABELS,
  GROUP_LABELS,
  PLAN_STATUS_LABELS,
  PREVALENCE_LABELS,
  reasonText,
  REFERENCE_LABELS,
  SCOPE_LABELS,
  STRENGTH_LABELS,
  VERDICT_LABELS,
  VERDICT_SYMBOLS,
} from "../labels.js";
import { levelOf } from "../levels.js";
import { formatSource } from "../renderExplain.js";
import { plansToList } from "../regionMatrix.js";
import { STYLES, type Paragraph, type TextStyle } from "./layout.js";
import { ACCENT, inkOn, LEVEL_FILLS, MUTED, PANEL, RULE, VERDICT_FILLS } from "../palette.js";
import { startSection, topicLabel, type ReportContext } from "./reportContext.js";

/** Indent of quotes: the bar sits 8 points left of the text. */
const QUOTE_INDENT = 20;

/** Room a topic needs below its predecessor: heading, figures, reasons and a first quote. */
const TOPIC_START_ROOM = 240;

/** Paragraphs that stay on one page together. */
type Block = Paragraph[];

function sourceLine(ctx: ReportContext, source: Source, extra = ""): Paragraph {
  return { text: `${ctx.words.source}: ${formatSource(source)}${extra}`, style: STYLES.small, indent: QUOTE_INDENT, spaceAfter: 6 };
}

/** A verbatim quote, behind a bar so it reads as the source's words, not ours. */
function quote(text: string, attribution?: string, bar: string = RULE): Paragraph {
  return { text: `“${text.trim()}”${attribution ? ` — ${attribution}` : ""}`, style: STYLES.body, indent: QUOTE_INDENT, spaceAfter: 1, bar };
}

function plain(text: string, style: TextStyle, spaceAfter = 2): Paragraph {
  return { text, style, spaceAfter };
}

/** A subheading that never ends a page: it stays with (the start of) its first block. */
function writeSubsection(ctx: ReportContext, title: string, blocks: Block[]): void {
  const { layout } = ctx;
  // Keep at least a few lines of content under the heading, even when the first block is one short line.
  let keepWith = 0;
  for (const block of blocks) {
    keepWith += layout.paragraphsHeight(block);
    if (keepWith >= 3 * layout.lineHeight(STYLES.body)) break;
  }
  keepWith = Math.min(keepWith, layout.keepLimit);
  layout.heading(title, STYLES.h3, { keepWith, spaceBefore: 10, spaceAfter: 3 });
  for (const block of blocks) layout.writeParagraphs(block);
}

interface FigureBox {
  caption: string;
  value: string;
  detail: string;
  fill: string;
  /** Share of the row's width, relative to the other boxes. */
  weight: number;
}

function writeFigures(ctx: ReportContext, boxes: FigureBox[]): void {
  const { layout } = ctx;
  const gap = 6;
  const padding = 6;
  const totalWeight = boxes.reduce((sum, b) => sum + b.weight, 0);
  const free = layout.contentWidth - gap * (boxes.length - 1);
  const widths = boxes.map((b) => (free * b.weight) / totalWeight);
  const valueStyle: TextStyle = { ...STYLES.h3, size: 11 };
  const heights = boxes.map((box, index) => {
    const inner = widths[index]! - 2 * padding;
    return (
      layout.textHeight(box.caption, STYLES.small, inner) + layout.textHeight(box.value, valueStyle, inner) + layout.textHeight(box.detail, STYLES.small, inner)
    );
  });
  const height = Math.max(...heights) + 2 * padding;
  layout.ensure(height);
  let x = layout.left;
  boxes.forEach((box, index) => {
    const width = widths[index]!;
    const inner = width - 2 * padding;
    const ink = inkOn(box.fill);
    layout.fillRect(x, layout.y, width, height, box.fill);
    let y = layout.y + padding;
    y += layout.drawText(box.caption, { ...STYLES.small, color: ink }, x + padding, y, inner);
    y += layout.drawText(box.value, { ...valueStyle, color: ink }, x + padding, y, inner);
    layout.drawText(box.detail, { ...STYLES.small, color: ink }, x + padding, y, inner);
    x += width + gap;
  });
  layout.y += height + 4;
}

function demandBlocks(ctx: ReportContext, topic: TopicCoverage): Block[] {
  const { study, lang, words } = ctx;
  if (topic.demand.themes.length === 0) return [[plain(words.noTheme, STYLES.body, 4)]];
  const blocks: Block[] = [];
  for (const themeId of topic.demand.themes) {
    const theme = study.interviews.themes.find((t) => t.id === themeId);
    if (!theme) continue;
    const intro: Block = [
      plain(`${theme.title} — ${formatGroups(theme.groups, lang)}`, STYLES.bodyBold, 0),
      plain(theme.summary.trim(), { ...STYLES.body, color: MUTED }, 3),
    ];
    const quotes = theme.quotes ?? [];
    if (quotes.length === 0) {
      blocks.push([...intro, { ...sourceLine(ctx, theme.source), indent: 0 }]);
      continue;
    }
    quotes.forEach((q, index) => {
      const attribution = `${GROUP_LABELS[lang][q.group]}${q.speaker ? ` (${q.speaker})` : ""}`;
      const block: Block = [quote(q.text, attribution, ACCENT), sourceLine(ctx, q.source)];
      // The theme's title stays with its first quote.
      blocks.push(index === 0 ? [...intro, ...block] : block);
    });
  }
  return blocks;
}

function actionBlocks(ctx: ReportContext, topic: TopicCoverage): Block[] {
  const { study, coverage, lang, words } = ctx;
  const national = topic.national;
  if (national.actions.length === 0) return [[plain(words.noAction, STYLES.body, 4)]];
  const blocks: Block[] = [];
  const silent: string[] = [];
  for (const accordRef of coverage.accords) {
    const evidence = national.actions.filter((a) => a.accord === accordRef.id);
    if (evidence.length === 0) {
      silent.push(accordRef.name);
      continue;
    }
    evidence.forEach((item, index) => {
      const action = actionsById(study).get(item.action);
      const block: Block = [
        plain(`${formatScore(item.score)} · ${STRENGTH_LABELS[lang][item.strength]} · ${SCOPE_LABELS[lang][item.scope]} — ${item.action}`, STYLES.smallInk, 1),
      ];
      if (action) {
        block.push(quote(action.text));
        block.push(sourceLine(ctx, action.source, action.attribution === "inferred" ? ` — ${words.columnInferred}` : ""));
      }
      // The accord's name and score stay with its first action.
      if (index === 0) block.unshift(plain(`${accordRef.name} — ${formatScore(ownValue(national.accords, accordRef.id) ?? 0)}`, STYLES.bodyBold, 1));
      blocks.push(block);
    });
  }
  // Accords without a linked action are named first, so the line never trails alone onto a page.
  if (silent.length > 0) blocks.unshift([plain(`${words.noActionIn}: ${silent.join(", ")} (${formatScore(0)})`, STYLES.small, 4)]);
  return blocks;
}

const actionIndexes = new WeakMap<Study, Map<string, ActionFile>>();
/** Every accord action by id, built once per study. */
function actionsById(study: Study): Map<string, ActionFile> {
  let index = actionIndexes.get(study);
  if (!index) {
    index = new Map(study.accords.flatMap((a) => a.actions.map((action) => [action.id, action] as const)));
    actionIndexes.set(study, index);
  }
  return index;
}

function regionalBlocks(ctx: ReportContext, topic: TopicCoverage): Block[] {
  const { study, lang, words } = ctx;
  const regional = topic.regional;
  const blocks: Block[] = [];
  const finding = ownValue(study.sample?.findings, topic.id);
  if (finding && study.sample) {
    const share = regional.sample?.share;
    const shareText = share === null || share === undefined ? "" : ` → ${formatScore(share)}`;
    const indirect = finding.evidence === "indirect" ? ` (${words.indirect})` : "";
    const block: Block = [
      plain(
        `${words.sample} (${study.sample.regions.length} ${words.regionPlans}): ${PREVALENCE_LABELS[lang][finding.prevalence]}${shareText}${indirect}`,
        STYLES.bodyBold,
      ),
    ];
    if (finding.quote) block.push(quote(finding.quote));
    block.push(sourceLine(ctx, finding.source));
    blocks.push(block);
    for (const other of finding.conflicting ?? []) {
      blocks.push([
        { text: `${words.conflicting} (${PREVALENCE_LABELS[lang][other.prevalence]}):`, style: STYLES.smallBold, indent: QUOTE_INDENT - 8, spaceAfter: 1 },
        quote(other.quote),
        sourceLine(ctx, other.source),
      ]);
    }
  } else if (regional.plans.length === 0) {
    blocks.push([plain(words.noRegionalFinding, STYLES.body, 4)]);
  }
  if (regional.plans.length === 0) return blocks;
  // At scale a topic would list every region plan: the counts of all statuses, then the
  // first plans (assessed ones first), and a pointer to explain for the rest.
  const { listed, counts, more, capped } = plansToList(regional.plans);
  if (capped) {
    const summary = counts.map(([status, n]) => `${n} ${PLAN_STATUS_LABELS[lang][status]}`).join(", ");
    blocks.push([plain(`${regional.plans.length} ${words.regionPlans}: ${summary}`, STYLES.bodyBold, 3)]);
  }
  for (const plan of listed) {
    const counted = plan.score === null ? ` — ${words.notCounted}` : ` → ${formatScore(plan.score)}`;
    const general = plan.scope === "general" ? (lang === "nl" ? " (alle leeftijden)" : " (all ages)") : "";
    const block: Block = [
      plain(
        `${words.regionPlan} ${plan.region}: ${PLAN_STATUS_LABELS[lang][plan.status]}${plan.indirect ? ` (${words.indirect})` : ""}${general}${counted}`,
        STYLES.body,
        1,
      ),
    ];
    // At most two passages per plan in the PDF; explain and the JSON have them all.
    for (const passage of plan.passages.slice(0, 2)) {
      block.push(quote(passage.quote));
      block.push({
        text: `${words.source}: ${passage.doc ?? plan.file}${passage.page !== null ? `, p. ${passage.page}` : ""}`,
        style: STYLES.small,
        indent: QUOTE_INDENT,
        spaceAfter: 2,
      });
    }
    if (plan.passages.length === 0) block.push({ text: `${words.source}: ${plan.file}`, style: STYLES.small, indent: QUOTE_INDENT, spaceAfter: 4 });
    blocks.push(block);
  }
  if (more > 0) blocks.push([plain(`… ${more} ${lang === "nl" ? "meer" : "more"}: dekking explain ${topic.id}`, STYLES.small, 4)]);
  return blocks;
}

function writeConclusionAndDecision(ctx: ReportContext, topic: TopicCoverage): void {
  const { study, lang, words } = ctx;
  const reference = ownValue(study.reference, topic.id);
  if (reference && topic.reference) {
    writeSubsection(
      ctx,
      `${words.reportConclusion}: ${REFERENCE_LABELS[lang][reference.conclusion]} — ${topic.reference.agrees ? words.agreesLong : words.differsLong}`,
      [[quote(reference.quote), sourceLine(ctx, reference.source)]],
    );
  } else {
    writeSubsection(ctx, words.reportConclusion, [[plain(words.noReference, STYLES.body, 4)]]);
  }
  const disposition = ownValue(study.dispositions, topic.id);
  if (disposition) {
    const by = disposition.decided_by ? ` (${words.decidedBy} ${disposition.decided_by})` : "";
    writeSubsection(ctx, `${words.decision}: ${DECISION_LABELS[lang][disposition.decision]}${by}`, [
      [plain(disposition.rationale.trim(), STYLES.body, 3)],
      [quote(disposition.quote), sourceLine(ctx, disposition.source)],
    ]);
  }
}

function writeTopic(ctx: ReportContext, topic: TopicCoverage, outline: PDFKit.PDFOutline): void {
  const { layout, coverage, lang, words } = ctx;
  const label = topicLabel(topic, lang);
  // The heading keeps its figures with it, so a topic never starts at the foot of a page.
  layout.heading(label, STYLES.h2, { keepWith: 110, spaceAfter: 1 });
  outline.addItem(pdfPlainText(label));
  const indicator = topic.indicator ? ` · ${words.indicator}` : "";
  layout.write(`${topic.id} · ${CATEGORY_LABELS[lang][topic.category]}${indicator}`, STYLES.small, { spaceAfter: 8 });

  const rules = coverage.rules;
  const gap = topic.gap ? `${words.gap}: ${GAP_LABELS[lang][topic.gap]}` : "";
  writeFigures(ctx, [
    {
      caption: words.verdictHeading,
      value: `${VERDICT_SYMBOLS[topic.verdict]} ${VERDICT_LABELS[lang][topic.verdict]}`,
      detail: gap,
      fill: VERDICT_FILLS[topic.verdict],
      weight: 1.5,
    },
    {
      caption: words.nationalLong,
      value: formatScore(topic.national.score),
      detail: `${words.threshold} ${formatScore(rules.national_threshold)} · ${words.breadth} ${topic.national.breadth}`,
      fill: LEVEL_FILLS[levelOf(topic.national.score, rules)],
      weight: 1,
    },
    {
      caption: words.regionalLong,
      value:
        topic.regional.score === null
          ? `? ${PREVALENCE_LABELS[lang]["not-assessed"]}`
          : `${topic.regional.estimate ? "~" : ""}${formatScore(topic.regional.score)}`,
      detail: topic.required === null ? "" : `${words.required} ${formatScore(topic.required)}`,
      fill: LEVEL_FILLS[levelOf(topic.regional.score, rules)],
      weight: 1,
    },
    {
      caption: words.demandHeading,
      value: `${topic.demand.groups.length} ${topic.demand.groups.length === 1 ? words.group : words.groups}`,
      detail: formatGroups(topic.demand.groups, lang),
      fill: PANEL,
      weight: 1,
    },
  ]);

  writeSubsection(ctx, words.reasons, [
    topic.reasons.map((reason) => ({ text: reasonText(reason, lang), style: STYLES.body, indent: 12, spaceAfter: 2, bullet: true })),
  ]);
  writeSubsection(ctx, words.interviewDemand, demandBlocks(ctx, topic));
  const national = topic.national;
  writeSubsection(
    ctx,
    `${words.accordActions} — ${words.nationalShort} ${formatScore(national.score)}, ${words.breadth} ${national.breadth}`,
    actionBlocks(ctx, topic),
  );
  const regional = topic.regional;
  const score = regional.score === null ? PREVALENCE_LABELS[lang]["not-assessed"] : `${regional.estimate ? "~" : ""}${formatScore(regional.score)}`;
  const required = topic.required === null ? "" : ` (${words.required} ${formatScore(topic.required)})`;
  writeSubsection(ctx, `${words.regionalFinding} — ${score}${required}`, regionalBlocks(ctx, topic));
  writeConclusionAndDecision(ctx, topic);
}

export function writeTopicSections(ctx: ReportContext): void {
  const { layout, coverage, words } = ctx;
  const outline = startSection(ctx, words.whiteSpots, "white-spots");
  const flagged = coverage.topics.filter((t) => t.verdict === "witte-vlek" || t.verdict === "mogelijke-witte-vlek");
  if (flagged.length === 0) {
    layout.write(words.noFlagged, STYLES.body);
    return;
  }
  // One flagged topic reads "1 onderwerp is", not "1 onderwerpen zijn".
  const intro =
    flagged.length === 1
      ? words.whiteSpotsIntro.replace("{n} onderwerpen zijn", "1 onderwerp is").replace("{n} topics are", "1 topic is")
      : words.whiteSpotsIntro.replace("{n}", String(flagged.length));
  layout.write(intro, STYLES.body, { spaceAfter: 14 });
  flagged.forEach((topic, index) => {
    if (index > 0) {
      // A topic starts on a fresh page unless its verdict, figures and reasons fit here.
      if (layout.bottom - layout.y < TOPIC_START_ROOM) {
        layout.addPage();
      } else {
        layout.y += 14;
        layout.rule(layout.y, RULE, layout.left, layout.contentWidth, 1);
        layout.y += 16;
      }
    }
    writeTopic(ctx, topic, outline);
  });
}
