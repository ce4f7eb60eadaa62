// The report document model: what `dekking report` says, once, for every format. One
// builder (`buildReport.ts`) turns the study and its coverage into sections of typed blocks,
// with every join, cap and choice of words made there; the PDF, HTML and Markdown emitters
// (`render/report/`) only lay the blocks out, each with an exhaustive switch over `kind`.
// Text here is raw (not escaped): each emitter escapes it with its own output kind's step.

import type { Level } from "../analyse/levels.js";

/**
 * A colour role, never a colour: each emitter maps it to its palette (PDF fill, CSS class,
 * or nothing in Markdown, where the symbol in the text carries the meaning).
 */
export type Tone =
  | `level-${Level}`
  | "verdict-witte-vlek"
  | "verdict-mogelijke-witte-vlek"
  | "verdict-gedekt"
  | "verdict-geen-signaal"
  | "status-concrete"
  | "status-ambition"
  | "status-absent"
  | "status-unknown"
  | "demand"
  | "panel";

/** A run of inline text: plain, strong, code (an id or a command), or a link to an anchor of the document. */
export interface Run {
  text: string;
  strong?: boolean;
  code?: boolean;
  /** An anchor of this document (`Section.id`, `Group.id`, a heading's or cell's anchor). */
  href?: string;
}

/** Inline text: a plain string, or runs. */
export type Inline = string | readonly Run[];

export interface Cell {
  text: Inline;
  /** A second, smaller line under the text (a gap, a decision, a plan's title). */
  note?: string;
  tone?: Tone;
  align?: "left" | "center" | "right";
  /** The text where a narrow column has no room for `text` (the PDF's narrow accord tiles). */
  short?: string;
  /** HTML: the cell links to this anchor. */
  href?: string;
  /** HTML: the cell's content has these extra words for a screen reader only. */
  hidden?: string;
}

export type Row = { group: string } | { cells: Cell[]; facets?: Readonly<Record<string, string>>; anchor?: string };

export interface Column {
  header: string;
  align?: "left" | "center" | "right";
  /** Relative share of the table's width in the PDF; the first column takes the rest. */
  width?: "narrow" | "number" | "medium" | "wide";
  /** HTML: the column's key (`data-col`), for the matrix's keyboard navigation. */
  key?: string;
}

/** An HTML filter over the facets of a table's rows. */
export interface Filter {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

export interface LegendItem {
  tile?: { tone: Tone; text: string };
  text: string;
}

/** The blocks a section is made of. */
export type Block =
  | { kind: "heading"; text: string; anchor?: string }
  | { kind: "paragraph"; text: Inline; style?: "lead" | "small" | "strong"; tone?: Tone }
  | { kind: "list"; items: Inline[]; ordered?: boolean; style?: "lead" | "small" }
  | { kind: "quote"; text: string; attribution?: string; source?: Inline; accent?: boolean }
  | {
      kind: "table";
      caption: string;
      columns: Column[];
      rows: Row[];
      /** Captions over several columns (PDF and HTML), e.g. "national, per accord". */
      spans?: { from: number; to: number; text: string }[];
      /** The first column names the row. */
      rowHeaders?: boolean;
      /** A last row set apart (totals). */
      footer?: Cell[];
      filters?: Filter[];
      /** PDF: the line under the header on a continued page, and the group heading's continuation. */
      continued?: { caption: string; group: string };
      compact?: boolean;
      id?: string;
    }
  | { kind: "cards"; cards: { caption?: string; title: string; text?: string; tone?: Tone; weight?: number }[] }
  | { kind: "callout"; title: string; text: string; tone: Tone }
  | { kind: "legend"; title: string; lines: { caption: string; items: LegendItem[] }[] }
  | {
      kind: "interval";
      /** The figure in words, for a screen reader and for formats that do not draw it. */
      alt: string;
      low: number | null;
      high: number | null;
      point: number | null;
      tone: Tone;
      marks: { value: number; label: string; tone: "accent" | "verdict-witte-vlek" }[];
      scaleLabels: string[];
      side: string;
      empty: string;
    }
  | { kind: "group"; group: Group }
  /** Where a part of a group starts: the target of a link (the HTML matrix's cells). */
  | { kind: "anchor"; id: string };

/**
 * A titled part inside a section that can stand alone: a topic's evidence, a persona's need.
 * The HTML makes a `collapsible` group a <details> whose summary is its title.
 */
export interface Group {
  id: string;
  title: string;
  /** A short badge before the title (the verdict). */
  badge?: { tone: Tone; text: string };
  /** A line under the title (an id, a category). */
  subtitle?: string;
  blocks: Block[];
  collapsible?: boolean;
  facets?: Readonly<Record<string, string>>;
  /** PDF: start on a fresh page unless this much room (points) is left. */
  keepRoom?: number;
}

export interface Section {
  /** Anchor and PDF destination: stable, `[a-z0-9-]`. */
  id: string;
  title: string;
  blocks: Block[];
}

/** Fixed words the emitters place around the content (page numbers, continuation, HTML controls). */
export interface ChromeWords {
  kicker: string;
  page: string;
  pageOf: string;
  contents: string;
  continued: string;
  dataVersion: string;
  generatedOn: string;
  question: string;
  skipToMatrix: string;
  close: string;
  filters: string;
  all: string;
  reset: string;
  status: string;
  noneShown: string;
  matrixHint: string;
  matrixHintNoScript: string;
  generatedBy: string;
  sourceLabel: string;
}

export interface ReportDocument {
  lang: "nl" | "en";
  /** Language of the verbatim quotes where it differs from the document's (an English report quotes Dutch). */
  quoteLang?: "nl";
  title: string;
  question: string;
  /** The title page's facts: label and value. */
  facts: [string, string][];
  /** The date shown as "generated on", formatted. */
  generatedOn: string;
  dataVersion: string;
  /** One line under the title in HTML and Markdown (as of, evidence view). */
  meta: string;
  /** The title page: verdict tiles, summary lines and the documents it names. */
  front: { tiles: { tone: Tone; count: number; text: string }[]; lines: string[]; summaryHeading: string; sourcesHeading: string; sources: [string, string][] };
  sections: Section[];
  words: ChromeWords;
}

/** Every group in a list of blocks, nested ones included. */
export function groupsIn(blocks: readonly Block[]): Group[] {
  return blocks.flatMap((b) => (b.kind === "group" ? [b.group, ...groupsIn(b.group.blocks)] : []));
}

/** The plain text of inline content. */
export function plainText(text: Inline): string {
  return typeof text === "string" ? text : text.map((r) => r.text).join("");
}
