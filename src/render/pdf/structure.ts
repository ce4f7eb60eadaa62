// The structure tree of the tagged PDF (ISO 32000-1 §14.7–14.8, as PDF/UA and WCAG ask for
// it): every text and chart drawn through `PdfLayout` belongs to a structure element, in
// reading order, and every ornament drawn outside one (a rule, a panel, a running footer) is
// marked as an artefact, so assistive technology reads the report and skips the decoration.
// Elements are made in drawing order, which is the reading order of the report; the one
// part drawn later (the contents on the title page) gets its place reserved in advance.

import type {} from "pdfkit";
import { pdfText } from "../escape/pdf.js";

type Doc = PDFKit.PDFDocument;
type Element = PDFKit.PDFStructureElement;

/** Standard structure types (ISO 32000-1 table 333–340) this report uses. */
export type StructureTag =
  | "Document"
  | "Sect"
  | "Div"
  | "H1"
  | "H2"
  | "H3"
  | "P"
  | "BlockQuote"
  | "Caption"
  | "L"
  | "LI"
  | "Lbl"
  | "LBody"
  | "Table"
  | "THead"
  | "TBody"
  | "TR"
  | "TH"
  | "TD"
  | "Figure"
  | "TOC"
  | "TOCI"
  | "Reference"
  | "Link";

/** Attributes of a table cell (ISO 32000-1 §14.8.5.7): header scope and spans. */
export interface CellAttributes {
  scope?: "Row" | "Column" | "Both";
  colSpan?: number;
}

export interface ElementOptions {
  /** Alternative text: required for a Figure, read instead of its content. */
  alt?: string;
  table?: CellAttributes;
}

/** pdfkit keeps an element's dictionary on the element; its type declarations do not say so. */
interface ElementDictionary {
  dictionary: { data: Record<string, unknown> };
}

export class PdfStructure {
  private readonly parents: Element[];
  /** The open top-level section, ended when the next one starts. */
  private section: Element | null = null;
  /** A list opened by a list item, closed by whatever comes next that is not an item. */
  private list: { element: Element; parent: Element } | null = null;
  /** Inside a marked-content sequence (an element's content or an artefact). */
  private marked = false;

  /**
   * @param quoteLang language of quotations (BlockQuote) where it differs from the
   *   document's: the quotes are verbatim Dutch in an English report.
   */
  constructor(
    private readonly doc: Doc,
    private readonly quoteLang?: string,
  ) {
    const root = doc.struct("Document");
    doc.addStructure(root);
    this.parents = [root];
  }

  /** True while content being drawn already belongs to an element or an artefact. */
  get inContent(): boolean {
    return this.marked;
  }

  private get parent(): Element {
    return this.parents[this.parents.length - 1]!;
  }

  private make(tag: StructureTag, options: ElementOptions = {}): Element {
    const element = this.doc.struct(tag, {
      ...(options.alt === undefined ? {} : { alt: pdfText(options.alt) }),
      ...(tag === "BlockQuote" && this.quoteLang !== undefined ? { lang: this.quoteLang } : {}),
    });
    if (options.table) {
      const attributes: Record<string, unknown> = { O: "Table" };
      if (options.table.scope) attributes.Scope = options.table.scope;
      if (options.table.colSpan !== undefined && options.table.colSpan > 1) attributes.ColSpan = options.table.colSpan;
      (element as unknown as ElementDictionary).dictionary.data.A = attributes;
    }
    return element;
  }

  private attach(element: Element): void {
    this.closeList();
    this.parent.add(element);
  }

  private closeList(): void {
    if (!this.list) return;
    this.list.element.end();
    this.list = null;
  }

  /**
   * Starts a top-level section (`Sect`) under the document, ending the one before: the
   * report's parts follow each other, so a part ends where the next begins.
   */
  startSection(): void {
    this.closeList();
    if (this.section) this.section.end();
    this.parents.length = 1;
    this.section = this.make("Sect");
    this.attach(this.section);
    this.parents.push(this.section);
  }

  /** Draws `draw` inside a new grouping element (a table, a row, a list item). */
  group<T>(tag: StructureTag, draw: (element: Element) => T, options: ElementOptions = {}): T {
    if (this.marked) return draw(this.parent);
    const element = this.reserve(tag, options);
    return this.within(element, () => draw(element));
  }

  /** An element attached here now and filled later with `within` (the contents list). */
  reserve(tag: StructureTag, options: ElementOptions = {}): Element {
    const element = this.make(tag, options);
    this.attach(element);
    return element;
  }

  /** Draws `draw` with `element` (from `reserve`) as the parent, then ends it. */
  within<T>(element: Element, draw: () => T): T {
    this.parents.push(element);
    try {
      return draw();
    } finally {
      this.closeList();
      this.parents.pop();
      element.end();
    }
  }

  /**
   * Draws `draw` as the content of a new element (a paragraph, a heading, a cell, a figure).
   * Inside other content it adds to that content instead: marked content does not nest.
   * Page breaks inside are fine: `PdfLayout.addPage` carries the marking over.
   */
  content<T>(tag: StructureTag, draw: (element: Element) => T, options: ElementOptions = {}): T {
    if (this.marked) return draw(this.parent);
    const element = this.make(tag, options);
    this.attach(element);
    return this.mark(element, tag, draw);
  }

  private mark<T>(element: Element, tag: StructureTag, draw: (element: Element) => T): T {
    const content = this.doc.markStructureContent(tag);
    this.marked = true;
    try {
      return draw(element);
    } finally {
      this.doc.endMarkedContent();
      this.marked = false;
      element.add(content);
      element.end();
    }
  }

  /** One item of a list; consecutive items share one `L`. */
  listItem(drawLabel: () => void, drawBody: () => void): void {
    if (this.marked) {
      drawLabel();
      drawBody();
      return;
    }
    if (!this.list || this.list.parent !== this.parent) {
      this.closeList();
      const element = this.make("L");
      this.parent.add(element);
      this.list = { element, parent: this.parent };
    }
    const item = this.make("LI");
    this.list.element.add(item);
    const label = this.make("Lbl");
    item.add(label);
    this.mark(label, "Lbl", drawLabel);
    const body = this.make("LBody");
    item.add(body);
    this.mark(body, "LBody", drawBody);
    item.end();
  }

  /**
   * Draws `draw` as an artefact: decoration, or a running header or footer (`Pagination`).
   * Inside an element's content it stays part of that content.
   */
  artifact(draw: () => void, type: "Pagination" | "Layout" = "Layout"): void {
    if (this.marked) {
      draw();
      return;
    }
    this.doc.markContent("Artifact", { type });
    this.marked = true;
    try {
      draw();
    } finally {
      this.doc.endMarkedContent();
      this.marked = false;
    }
  }

  /** Ends every open element; call once, after the last content is drawn. */
  finish(): void {
    this.closeList();
    this.section?.end();
    this.section = null;
    this.parents.length = 1;
    this.parents[0]!.end();
  }
}
