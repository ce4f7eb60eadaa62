// Text layout on pdfkit pages. pdfkit's own wrapper can neither fall back between fonts nor
// tell a block's height before drawing it, so lines are wrapped and measured here and every
// run is drawn at an explicit position without pdfkit's line breaking. That also means pdfkit
// never adds a page on its own: pages break only where `ensure` decides, so a table row or a
// heading with its first paragraph is never split.

// Brings @types/pdfkit's global `PDFKit` namespace into scope; a type import, so pdfkit
// itself still loads only inside renderPdf.
import type {} from "pdfkit";
import type { FontSet, Weight } from "./fonts.js";
import { INK, MUTED } from "../palette.js";
import { pdfText } from "../escape/pdf.js";
import { withoutSoftHyphens } from "../../unsafeText.js";
import { PdfStructure, type StructureTag } from "./structure.js";

export type Doc = PDFKit.PDFDocument;

export interface TextStyle {
  weight: Weight;
  size: number;
  color: string;
  /** Line height as a multiple of the font size. */
  leading: number;
}

export type Align = "left" | "center" | "right";

export interface Line {
  text: string;
  width: number;
  /** The line ends in the hyphen of a break at a soft hyphen (not a hyphen of the text). */
  softHyphen?: boolean;
}

/** A paragraph of a block kept together; `bar` draws a quote bar left of it, `bullet` a bullet. */
export interface Paragraph {
  text: string;
  style: TextStyle;
  indent?: number;
  spaceAfter?: number;
  bar?: string;
  bullet?: boolean;
  /** Structure element of the paragraph; by default from its style (see `tagOf`). */
  tag?: StructureTag;
}

export const STYLES = {
  title: { weight: "bold", size: 24, color: INK, leading: 1.2 },
  h1: { weight: "bold", size: 17, color: INK, leading: 1.25 },
  h2: { weight: "bold", size: 13, color: INK, leading: 1.3 },
  h3: { weight: "bold", size: 10, color: INK, leading: 1.35 },
  lead: { weight: "regular", size: 11, color: INK, leading: 1.45 },
  body: { weight: "regular", size: 9.5, color: INK, leading: 1.45 },
  bodyBold: { weight: "bold", size: 9.5, color: INK, leading: 1.45 },
  small: { weight: "regular", size: 8, color: MUTED, leading: 1.4 },
  smallInk: { weight: "regular", size: 8, color: INK, leading: 1.4 },
  smallBold: { weight: "bold", size: 8, color: INK, leading: 1.4 },
  cell: { weight: "regular", size: 7.5, color: INK, leading: 1.3 },
  tableCell: { weight: "regular", size: 8, color: INK, leading: 1.3 },
  cellBold: { weight: "bold", size: 7.5, color: INK, leading: 1.3 },
  footer: { weight: "regular", size: 7.5, color: MUTED, leading: 1.3 },
} as const satisfies Record<string, TextStyle>;

export interface WriteOptions {
  /** Distance from the left margin. */
  indent?: number;
  /** Line width; the rest of the line after the indent by default. */
  width?: number;
  spaceAfter?: number;
  align?: Align;
  /** Called once per page with the vertical extent drawn there (a quote bar). */
  decorate?: (top: number, bottom: number) => void;
  /** A mark (a bullet) drawn left of the first line, on the page where that line lands; makes the text a list item. */
  marker?: string;
  /** Structure element of the text; by default from its style (see `tagOf`). */
  tag?: StructureTag;
}

/** The structure element for text in `style`: the heading styles are headings, the rest paragraphs. */
export function tagOf(style: TextStyle): StructureTag {
  if (style === STYLES.title || style === STYLES.h1) return "H1";
  if (style === STYLES.h2) return "H2";
  if (style === STYLES.h3) return "H3";
  return "P";
}

/** A soft hyphen (U+00AD): a permitted break that shows a hyphen only where the line breaks. */
const SOFT_HYPHEN = "\u00ad";

export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A4 in points, with room below the text for the running footer. */
export const A4: PageGeometry = { width: 595.28, height: 841.89, top: 54, bottom: 66, left: 54, right: 54 };

export class PdfLayout {
  /** Top of the next block on the current page. */
  y: number;
  /** The tagged PDF's structure tree; every text drawn here lands in it. */
  readonly structure: PdfStructure;
  private readonly widths = new Map<string, number>();
  private readonly wrapped = new Map<string, readonly Line[]>();

  /** @param quoteLang language of quotations where it differs from the document's (see PdfStructure) */
  constructor(
    readonly doc: Doc,
    readonly fonts: FontSet,
    readonly geometry: PageGeometry,
    quoteLang?: string,
  ) {
    this.y = geometry.top;
    this.structure = new PdfStructure(doc, quoteLang);
  }

  get left(): number {
    return this.geometry.left;
  }

  get contentWidth(): number {
    return this.geometry.width - this.geometry.left - this.geometry.right;
  }

  /** Lowest y a block may reach on a page. */
  get bottom(): number {
    return this.geometry.height - this.geometry.bottom;
  }

  get atPageTop(): boolean {
    return this.y <= this.geometry.top + 0.01;
  }

  /** 0-based index of the current page; pages are only ever appended. */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** A new page; marked content open on the old page (a paragraph that flows on) continues there. */
  addPage(): void {
    this.doc.continueOnNewPage();
    this.y = this.geometry.top;
  }

  /** Starts a new page unless `height` fits below the cursor; returns whether it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom + 0.01 || this.atPageTop) return false;
    this.addPage();
    return true;
  }

  lineHeight(style: TextStyle): number {
    return style.size * style.leading;
  }

  /** Width of `raw` in points, after the PDF escape step. */
  widthOf(raw: string, style: TextStyle): number {
    return this.measure(withoutSoftHyphens(pdfText(raw)), style);
  }

  /** Width of text already through the escape step (a word or line of `wrap`). */
  private measure(clean: string, style: TextStyle): number {
    const key = `${style.weight}|${style.size}|${clean}`;
    const cached = this.widths.get(key);
    if (cached !== undefined) return cached;
    let width = 0;
    for (const run of this.fonts.runsOf(clean, style.weight)) {
      this.doc.font(run.face).fontSize(style.size);
      width += this.doc.widthOfString(run.text);
    }
    // Words and short labels repeat (every matrix cell, every "bron:"), long lines do not.
    if (clean.length <= 48) this.widths.set(key, width);
    return width;
  }

  /**
   * Wraps at spaces; a word that does not fit breaks at a soft hyphen, where a hyphen is
   * shown, and a word wider than the line with no such place is broken between characters.
   * `\n` breaks a line. Soft hyphens where no line breaks are dropped.
   */
  wrap(text: string, style: TextStyle, width: number): readonly Line[] {
    // A block is wrapped to measure it, then again to draw it: the second time is a lookup.
    const key = `${style.weight}|${style.size}|${width}|${text}`;
    const known = this.wrapped.get(key);
    if (known) return known;
    if (this.wrapped.size >= 4096) this.wrapped.clear();
    const lines = this.wrapText(text, style, width);
    this.wrapped.set(key, lines);
    return lines;
  }

  private wrapText(text: string, style: TextStyle, width: number): Line[] {
    const lines: Line[] = [];
    const space = this.measure(" ", style);
    // Every text reaches the page through here: the one PDF escape step.
    for (const paragraph of pdfText(text).split("\n")) {
      // A page or slide reference ("p. 80", "dia 7") never breaks between the word and its number.
      const joined = paragraph.replace(/(^|\s)(p\.|dia) (?=\d)/g, "$1$2\u00a0");
      const words = joined.split(/[^\S\n\u00a0\u00ad]+/).filter((w) => withoutSoftHyphens(w).length > 0);
      if (words.length === 0) {
        lines.push({ text: "", width: 0 });
        continue;
      }
      let current = "";
      let currentWidth = 0;
      const append = (shown: string, shownWidth: number): void => {
        if (current) {
          current += ` ${shown}`;
          currentWidth += space + shownWidth;
        } else {
          current = shown;
          currentWidth = shownWidth;
        }
      };
      const endLine = (softHyphen = false): void => {
        lines.push(softHyphen ? { text: current, width: currentWidth, softHyphen } : { text: current, width: currentWidth });
        current = "";
        currentWidth = 0;
      };
      for (const word of words) {
        let rest = word;
        for (;;) {
          const visible = withoutSoftHyphens(rest);
          const restWidth = this.measure(visible, style);
          const room = current ? width - currentWidth - space : width;
          if (restWidth <= room + 0.01) {
            append(visible, restWidth);
            break;
          }
          const head = this.softBreak(rest, style, room);
          if (head !== null) {
            const shown = `${withoutSoftHyphens(head)}-`;
            append(shown, this.measure(shown, style));
            endLine(true);
            rest = rest.slice(head.length + 1);
            continue;
          }
          if (current) {
            endLine();
            continue;
          }
          const pieces = this.breakWord(visible, style, width);
          for (const piece of pieces.slice(0, -1)) lines.push(piece);
          const last = pieces[pieces.length - 1]!;
          current = last.text;
          currentWidth = last.width;
          break;
        }
      }
      if (current) endLine();
    }
    return lines;
  }

  /** The longest part of `word` before a soft hyphen that fits `room` with its hyphen, or null. */
  private softBreak(word: string, style: TextStyle, room: number): string | null {
    let best: string | null = null;
    for (let at = word.indexOf(SOFT_HYPHEN); at > 0; at = word.indexOf(SOFT_HYPHEN, at + 1)) {
      const head = word.slice(0, at);
      if (withoutSoftHyphens(head).length === 0) continue;
      if (this.measure(`${withoutSoftHyphens(head)}-`, style) > room + 0.01) break;
      if (withoutSoftHyphens(word.slice(at + 1)).length > 0) best = head;
    }
    return best;
  }

  private breakWord(word: string, style: TextStyle, width: number): Line[] {
    const pieces: Line[] = [];
    let current = "";
    // Widths add up character by character (the embedded fonts carry no kerning), so a long
    // word is measured once per character, not once per character per piece.
    let currentWidth = 0;
    for (const char of word) {
      const charWidth = this.measure(char, style);
      if (current && currentWidth + charWidth > width) {
        pieces.push({ text: current, width: this.measure(current, style) });
        current = char;
        currentWidth = charWidth;
      } else {
        current += char;
        currentWidth += charWidth;
      }
    }
    pieces.push({ text: current, width: this.measure(current, style) });
    return pieces;
  }

  textHeight(text: string, style: TextStyle, width: number): number {
    return this.wrap(text, style, width).length * this.lineHeight(style);
  }

  /**
   * Draws a line already through the escape step (a line of `wrap`). The hyphen of a break at
   * a soft hyphen carries the soft hyphen as its actual text (ISO 32000-1 §14.9.4), so a
   * screen reader or a copy reads the word whole.
   */
  private drawClean(clean: string, style: TextStyle, x: number, baseline: number, softHyphen = false): void {
    let cursor = x;
    const text = softHyphen ? clean.slice(0, -1) : clean;
    for (const run of this.fonts.runsOf(text, style.weight)) {
      this.doc.font(run.face).fontSize(style.size).fillColor(style.color);
      this.doc.text(run.text, cursor, baseline, { lineBreak: false, baseline: "alphabetic" });
      cursor += this.doc.widthOfString(run.text);
    }
    if (softHyphen) {
      this.doc.markContent("Span", { actual: SOFT_HYPHEN });
      this.drawClean("-", style, cursor, baseline);
      this.doc.endMarkedContent();
    }
  }

  /** Baseline of a line whose box starts at `top`: capitals sit centred in the line box. */
  baselineOf(top: number, style: TextStyle): number {
    return top + this.lineHeight(style) / 2 + style.size * 0.36;
  }

  /**
   * Draws lines at a fixed place; returns their height. Text drawn outside any structure
   * element becomes a paragraph of its own (or the element `tag`).
   */
  drawLines(lines: readonly Line[], style: TextStyle, x: number, top: number, width: number, align: Align = "left", tag: StructureTag = tagOf(style)): number {
    const lineHeight = this.lineHeight(style);
    if (lines.length > 0) {
      this.structure.content(tag, () => {
        lines.forEach((line, index) => {
          const offset = align === "center" ? (width - line.width) / 2 : align === "right" ? width - line.width : 0;
          this.drawClean(line.text, style, x + offset, this.baselineOf(top + index * lineHeight, style), line.softHyphen === true);
        });
      });
    }
    return lines.length * lineHeight;
  }

  /** `text` on one line of at most `width` points: shortened with "…" when it is wider. */
  fitLine(text: string, style: TextStyle, width: number): string {
    if (this.widthOf(text, style) <= width) return text;
    const chars = [...text];
    const shortened = (n: number): string => `${chars.slice(0, n).join("").trimEnd()}…`;
    // The longest start that fits, found by halving: dropping one character at a time and
    // measuring the whole rest each time made a 5,000-character title take minutes.
    let fits = 1;
    let tooWide = chars.length;
    while (tooWide - fits > 1) {
      const middle = (fits + tooWide) >> 1;
      if (this.widthOf(shortened(middle), style) <= width) fits = middle;
      else tooWide = middle;
    }
    return shortened(fits);
  }

  /** Draws wrapped text at a fixed place, without page breaks; returns its height. */
  drawText(text: string, style: TextStyle, x: number, top: number, width: number, align: Align = "left"): number {
    return this.drawLines(this.wrap(text, style, width), style, x, top, width, align);
  }

  /**
   * Flows a paragraph from the cursor, breaking pages between lines. Short paragraphs move
   * whole to the next page; a long one leaves at least two lines on either side of a break.
   */
  write(text: string, style: TextStyle, options: WriteOptions = {}): void {
    const indent = options.indent ?? 0;
    const width = options.width ?? this.contentWidth - indent;
    const lines = this.wrap(text, style, width);
    const lineHeight = this.lineHeight(style);
    this.ensure((lines.length <= 4 ? lines.length : 2) * lineHeight);
    const flow = (): void => {
      let index = 0;
      while (index < lines.length) {
        const fit = Math.max(Math.floor((this.bottom - this.y + 0.01) / lineHeight), this.atPageTop ? 1 : 0);
        if (fit === 0) {
          this.addPage();
          continue;
        }
        let take = Math.min(fit, lines.length - index);
        if (lines.length - index - take === 1 && take > 2) take -= 1;
        const top = this.y;
        this.drawLines(lines.slice(index, index + take), style, this.left + indent, top, width, options.align);
        this.y += take * lineHeight;
        options.decorate?.(top, this.y);
        index += take;
        if (index < lines.length) this.addPage();
      }
    };
    const marker = options.marker;
    if (marker !== undefined) {
      // After `ensure` the first line fits here, so the marker lands on the first line's page.
      this.structure.listItem(() => this.drawText(marker, style, this.left + indent - 10, this.y, 8), flow);
    } else {
      this.structure.content(options.tag ?? tagOf(style), flow);
    }
    this.y += options.spaceAfter ?? 0;
  }

  /**
   * A heading kept on one page with `keepWith` points of what follows, so it never ends a
   * page. The space before it is dropped at the top of a page. Its level in the structure
   * follows its style unless `tag` says otherwise (a small heading directly under a part's
   * title is still its H2).
   */
  heading(text: string, style: TextStyle, options: { keepWith?: number; spaceBefore?: number; spaceAfter?: number; tag?: StructureTag } = {}): void {
    const lines = this.wrap(text, style, this.contentWidth);
    const height = lines.length * this.lineHeight(style);
    const spaceBefore = this.atPageTop ? 0 : (options.spaceBefore ?? 0);
    if (this.y + spaceBefore + height + (options.keepWith ?? 0) > this.bottom && !this.atPageTop) {
      this.addPage();
    } else {
      this.y += spaceBefore;
    }
    this.y += this.drawLines(lines, style, this.left, this.y, this.contentWidth, "left", options.tag ?? tagOf(style));
    this.y += options.spaceAfter ?? 0;
  }

  /** Height of a run of paragraphs written with `writeParagraphs`. */
  paragraphsHeight(paragraphs: readonly Paragraph[]): number {
    return paragraphs.reduce((sum, p) => sum + this.textHeight(p.text, p.style, this.contentWidth - (p.indent ?? 0)) + (p.spaceAfter ?? 0), 0);
  }

  /**
   * Writes paragraphs that belong together (a quote and its source, an action and its text)
   * on one page when they fit in `keepLimit` points; longer runs flow over pages.
   */
  writeParagraphs(paragraphs: readonly Paragraph[], keepLimit = this.keepLimit): void {
    if (paragraphs.length === 0) return;
    this.ensure(Math.min(this.paragraphsHeight(paragraphs), keepLimit));
    for (const paragraph of paragraphs) {
      const options: WriteOptions = { spaceAfter: paragraph.spaceAfter ?? 0 };
      if (paragraph.indent !== undefined) options.indent = paragraph.indent;
      if (paragraph.bar !== undefined) {
        const bar = paragraph.bar;
        const x = this.left + (paragraph.indent ?? 0) - 8;
        options.decorate = (top, bottom) => this.fillRect(x, top + 2, 2, bottom - top - 4, bar);
      }
      if (paragraph.bullet) options.marker = "•";
      // A paragraph with a bar beside it is a quotation.
      const tag = paragraph.tag ?? (paragraph.bar !== undefined ? "BlockQuote" : undefined);
      if (tag !== undefined) options.tag = tag;
      this.write(paragraph.text, paragraph.style, options);
    }
  }

  /** Blocks up to this tall are moved whole to the next page rather than split. */
  get keepLimit(): number {
    return (this.bottom - this.geometry.top) * 0.4;
  }

  /** A horizontal rule: an artefact, unless drawn as part of an element's content. */
  rule(y: number, color: string, x = this.left, width = this.contentWidth, thickness = 0.6): void {
    this.structure.artifact(() =>
      this.doc
        .save()
        .moveTo(x, y)
        .lineTo(x + width, y)
        .lineWidth(thickness)
        .strokeColor(color)
        .stroke()
        .restore(),
    );
  }

  /** A filled rectangle (a tile, a panel): an artefact, unless drawn as part of an element's content. */
  fillRect(x: number, y: number, width: number, height: number, color: string): void {
    this.structure.artifact(() => this.doc.save().rect(x, y, width, height).fillColor(color).fill().restore());
  }

  /** A rectangle's outline: an artefact, unless drawn as part of an element's content. */
  strokeRect(x: number, y: number, width: number, height: number, color: string, thickness = 0.4): void {
    this.structure.artifact(() => this.doc.save().rect(x, y, width, height).lineWidth(thickness).strokeColor(color).stroke().restore());
  }
}
