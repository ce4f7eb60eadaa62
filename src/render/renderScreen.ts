// Output of `dekking screen`: the ranked candidate passages for one topic, as terminal text,
// JSON, or YAML entries ready to paste into data/screening.yaml.

import { NOVELTY, type ScreenCandidate } from "../evidence/screenTopic.js";
import { EXCLUSION_LABELS, topicLabel, type Lang } from "../messages/labels.js";
import { SCREEN_WORDS, SCREEN_YAML_COMMENTS } from "../messages/commandText.js";
import { EXCLUSION_REASONS } from "../model.js";
import type { Paint } from "./paint.js";
import { jsonOutput, jsonScalar } from "./escape/json.js";
import { terminalLine } from "./escape/terminal.js";
import { wrapIndented, wrapLine } from "./textColumns.js";
import { isQuotable, pasteableQuote } from "../evidence/quoteForm.js";

export const SCREEN_FORMATS = ["table", "json", "yaml"] as const;
export type ScreenFormat = (typeof SCREEN_FORMATS)[number];

export interface ScreenResult {
  /** The topic, with its English label where the data has one (for the table; the JSON keeps id and label). */
  topic: { id: string; label: string; labelEn?: string | undefined };
  /** Documents searched (ids), and those of the register that had no text here. */
  documents: string[];
  withoutText: string[];
  terms: string[];
  candidates: ScreenCandidate[];
}

export interface ScreenRenderOptions {
  lang: Lang;
  paint: Paint;
  width: number;
  /** How many candidates to show (0: all). */
  limit: number;
}

// Text from a source or the data reaches the terminal only through the shared escape step.
const clean = terminalLine;

/** The text wrapped to the width with the shared wrapper, indented, at most `maxLines` lines. */
function wrap(text: string, width: number, indent: string, maxLines: number): string[] {
  const lines = wrapLine(text, width - indent.length).map((line) => indent + line.trim());
  if (lines.length > maxLines) return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]!.slice(0, width - 2)} …`];
  return lines;
}

function counts(candidates: readonly ScreenCandidate[]): Record<"linked" | "excluded" | "new", number> {
  const out = { linked: 0, excluded: 0, new: 0 };
  // A passage a region file cites is gekoppeld as one the register links to an action.
  for (const c of candidates) out[c.mark.decision === "cited" ? "linked" : c.mark.decision]++;
  return out;
}

/**
 * What moved a candidate in the order beyond its own score, in words ("" when nothing did):
 * the better candidates with the same terms (each halves the score), and a word list's page.
 */
export function candidateOrderNote(c: Pick<ScreenCandidate, "repeats" | "wordList">, lang: Lang): string {
  const words = SCREEN_WORDS[lang];
  const notes: string[] = [];
  if (c.repeats > 0) notes.push(words.sameTerms(c.repeats, String(NOVELTY ** c.repeats)));
  if (c.wordList !== undefined) notes.push(words.wordList(clean(c.wordList)));
  return notes.join(" · ");
}

export function renderScreenTable(result: ScreenResult, options: ScreenRenderOptions): string {
  const { lang, paint } = options;
  const words = SCREEN_WORDS[lang];
  const width = Math.max(60, Math.min(options.width, 160));
  const shown = options.limit > 0 ? result.candidates.slice(0, options.limit) : result.candidates;
  const out: string[] = [paint.bold(`${words.title}: ${clean(topicLabel(result.topic, lang))} (${result.topic.id})`)];
  out.push(
    ...wrapLine(`${words.searched}: ${result.documents.join(", ") || "—"} · ${words.terms}: ${result.terms.map(clean).join(", ")}`, width).map(paint.dim),
  );
  if (result.withoutText.length > 0) out.push(...wrapLine(`${words.noTextHere}: ${result.withoutText.join(", ")} (--sources DIR)`, width).map(paint.dim));
  out.push("");
  shown.forEach((c, i) => {
    const mark =
      c.mark.decision === "linked"
        ? paint.good(`${words.linked}: ${c.mark.action}`)
        : c.mark.decision === "cited"
          ? paint.good(`${words.linked}: ${c.mark.citations.map((q) => `${clean(q.region)}, ${q.topic}`).join("; ")}`)
          : c.mark.decision === "excluded"
            ? paint.dim(`${words.excluded}: ${EXCLUSION_LABELS[lang][c.mark.reason]}`)
            : paint.warn(words.fresh);
    out.push(...wrapIndented(`${String(i + 1).padStart(3)}  ${c.score.toFixed(2).padStart(5)}  ${c.doc} p. ${c.page}  ${mark}`, width, "", "       "));
    // Soft hyphens and the space the conversion left after them carry no meaning on screen.
    out.push(...wrap(clean(c.text.replace(/\u00AD\s*/g, "")), width, "       ", 4));
    const heading = c.heading.length > 0 ? ` · ${words.inHeading}: ${c.heading.map(clean).join(", ")}` : "";
    const order = candidateOrderNote(c, lang);
    out.push(
      ...wrapIndented(`${words.terms}: ${c.matched.map(clean).join(", ")}${heading}${order && ` · ${order}`}`, width, "       ", "         ").map(paint.dim),
    );
  });
  const n = counts(result.candidates);
  out.push("");
  out.push(
    ...wrapLine(
      words.summary({ total: result.candidates.length, linked: n.linked, excluded: n.excluded, fresh: n.new }) +
        (shown.length < result.candidates.length ? ` · ${words.shown(shown.length)}` : ""),
      width,
    ),
  );
  if (n.new > 0) out.push(...wrapLine(words.yamlHint, width).map(paint.dim));
  return out.join("\n") + "\n";
}

export function renderScreenJson(result: ScreenResult, options: Pick<ScreenRenderOptions, "limit">): string {
  const shown = options.limit > 0 ? result.candidates.slice(0, options.limit) : result.candidates;
  return jsonOutput({ ...result, topic: { id: result.topic.id, label: result.topic.label }, candidates: shown, total: result.candidates.length });
}

/**
 * The new candidates as entries for the topic's `candidates:` list in data/screening.yaml.
 * `decision: undecided` is deliberately invalid: `dekking validate` points at every entry
 * until an analyst has decided it (linked with action:, or excluded with reason:).
 */
export function renderScreenYaml(result: ScreenResult, options: Pick<ScreenRenderOptions, "limit">): string {
  const fresh = result.candidates.filter((c) => c.mark.decision === "new").map((c) => ({ ...c, excerpt: pasteableQuote(c.text) }));
  // A passage that leaves too little to quote once cleaned could never validate: it is counted, not proposed.
  const quotable = fresh.filter((c) => isQuotable(c.excerpt));
  const shown = options.limit > 0 ? quotable.slice(0, options.limit) : quotable;
  const comments = SCREEN_YAML_COMMENTS;
  const out = [
    comments.header(shown.length, result.topic.id),
    ...(fresh.length > quotable.length ? [comments.tooShort(fresh.length - quotable.length, result.topic.id)] : []),
    comments.documents(result.documents.join(", ")),
    comments.decide(EXCLUSION_REASONS),
    comments.shorten,
  ].map((line) => `# ${line}`);
  // JSON strings are YAML double-quoted scalars; the JSON escape step keeps control characters out.
  for (const c of shown) {
    out.push(`- doc: ${c.doc}`, `  page: ${c.page}`, `  excerpt: ${jsonScalar(c.excerpt)}`, `  decision: undecided`);
  }
  return out.join("\n") + "\n";
}
