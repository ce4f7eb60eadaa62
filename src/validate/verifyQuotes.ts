// Checks every verbatim field of the data against the text of the document it cites,
// wherever that text is available: a quote that is not there is an error with the closest
// passage as a hint; one found on another page than cited is a warning naming the page.

import { closestPassage, locateQuote, type SourceText } from "../evidence/sourceText.js";
import type { Page, Source, Study } from "../model.js";
import { pointerOf } from "../load/locate.js";
import type { PendingFinding } from "../findings.js";
import { pasteableQuote } from "../evidence/quoteForm.js";
import { checkQuoteForm } from "./checkQuoteForm.js";
import { pageRange } from "../model.js";

/** A text the data claims is verbatim, where it stands, and what it cites. */
export interface VerbatimField {
  /** Data file, relative to the data folder. */
  file: string;
  path: (string | number)[];
  text: string;
  doc: string;
  page?: Page;
}

/** Every verbatim field of the study, with the document and page it cites. */
export function verbatimFields(study: Study): VerbatimField[] {
  const out: VerbatimField[] = [];
  const add = (file: string, path: (string | number)[], text: string, source: { doc: string; page?: Page }): void => {
    out.push({ file, path, text, doc: source.doc, ...(source.page !== undefined ? { page: source.page } : {}) });
  };
  for (const accord of study.accords) {
    const file = `accords/${accord.id}.yaml`;
    add(file, ["goal"], accord.goal, accord.source);
    add(file, ["essence"], accord.essence, accord.source);
    accord.principles.forEach((principle, i) => add(file, ["principles", i], principle, accord.source));
    if (accord.period) add(file, ["period", "quote"], accord.period.quote, accord.period.source);
    accord.actions.forEach((action, i) => {
      add(file, ["actions", i, "text"], action.text, action.source);
      if (action.period) add(file, ["actions", i, "period", "quote"], action.period.quote, action.period.source);
      const check = action.attribution_check;
      if (check?.excerpt !== undefined && check.doc !== undefined)
        add(file, ["actions", i, "attribution_check", "excerpt"], check.excerpt, { doc: check.doc, ...(check.page !== undefined ? { page: check.page } : {}) });
    });
  }
  study.connections.forEach((c, i) => {
    add("connections.yaml", ["connections", i, "title"], c.title, c.source);
    add("connections.yaml", ["connections", i, "summary"], c.summary, c.source);
  });
  study.interviews.themes.forEach((theme, i) => {
    add("interviews.yaml", ["themes", i, "summary"], theme.summary, theme.source);
    (theme.quotes ?? []).forEach((quote, j) => add("interviews.yaml", ["themes", i, "quotes", j, "text"], quote.text, quote.source));
  });
  for (const [topic, finding] of Object.entries(study.sample?.findings ?? {})) {
    if (finding.quote !== undefined) add("regions/sample.yaml", ["findings", topic, "quote"], finding.quote, finding.source);
    (finding.conflicting ?? []).forEach((c, i) => add("regions/sample.yaml", ["findings", topic, "conflicting", i, "quote"], c.quote, c.source));
  }
  for (const [topic, entry] of Object.entries(study.reference)) add("reference.yaml", ["conclusions", topic, "quote"], entry.quote, entry.source);
  for (const [topic, entry] of Object.entries(study.dispositions)) add("dispositions.yaml", ["dispositions", topic, "quote"], entry.quote, entry.source);
  study.topics.forEach((topic, i) => {
    if (topic.source) (topic.questions ?? []).forEach((q, j) => add("topics.yaml", ["topics", i, "questions", j], q, topic.source as Source));
  });
  for (const plan of study.regionPlans) {
    // A plan's passages cite the plan's own document unless they name another.
    const planDoc = plan.plan.document;
    const passage = (path: (string | number)[], p: { quote: string; page: Page; doc?: string }): void => {
      const doc = p.doc ?? planDoc;
      if (doc !== undefined) add(plan.file, path, p.quote, { doc, page: p.page });
    };
    for (const [topic, finding] of Object.entries(plan.findings)) {
      if (finding.quote !== undefined && planDoc !== undefined)
        add(plan.file, ["findings", topic, "quote"], finding.quote, { doc: planDoc, ...(finding.page !== undefined ? { page: finding.page } : {}) });
      (finding.quotes ?? []).forEach((q, i) => passage(["findings", topic, "quotes", i, "quote"], q));
    }
    if (Array.isArray(plan.participation)) {
      plan.participation.forEach((group, i) => (group.evidence ?? []).forEach((q, j) => passage(["participation", i, "evidence", j, "quote"], q)));
    }
  }
  study.personas?.bottlenecks.forEach((b, i) => add("personas.yaml", ["bottlenecks", i, "label"], b.label, b.source));
  study.personas?.personas.forEach((persona, i) => {
    add("personas.yaml", ["personas", i, "heading"], persona.heading, persona.source);
    add("personas.yaml", ["personas", i, "description"], persona.description, persona.source);
    (persona.needs ?? []).forEach((need, j) => add("personas.yaml", ["personas", i, "needs", j, "phrase"], need.phrase, persona.source));
  });
  for (const [topic, screening] of Object.entries(study.screening)) {
    screening.candidates.forEach((c, i) => add("screening.yaml", ["topics", topic, "candidates", i, "excerpt"], c.excerpt, c));
  }
  return out;
}

export interface QuoteCheck {
  findings: PendingFinding[];
  /** Fields checked against an available text. */
  checked: number;
  /** Fields whose document has no text here, per document id. */
  unchecked: Map<string, number>;
}

/** A page cited in some file, with the path of the page itself. */
export interface PageReference {
  file: string;
  path: (string | number)[];
  doc: string;
  page: Page;
}

/** The last page of a text with page markers. */
function lastPageOf(text: SourceText): number {
  return text.pages.reduce((last, p) => Math.max(last, p.page), 0);
}

/**
 * Checks every field whose document has a text in `texts`, and every page cited of a
 * document whose text has page markers (it must exist); counts the fields not checked.
 */
export function verifyQuotes(fields: readonly VerbatimField[], texts: ReadonlyMap<string, SourceText>, pages: readonly PageReference[] = []): QuoteCheck {
  const findings: PendingFinding[] = [];
  const unchecked = new Map<string, number>();
  const beyond = new Set<string>();
  for (const ref of pages) {
    const text = texts.get(ref.doc);
    if (!text?.paged) continue;
    const last = lastPageOf(text);
    const [, to] = pageRange(ref.page);
    if (to <= last) continue;
    beyond.add(`${ref.doc}\u0000${ref.page}`);
    findings.push({
      code: "bad-page",
      severity: "error",
      file: ref.file,
      path: pointerOf(ref.path),
      params: { variant: "beyond-text", page: ref.page, doc: ref.doc, last, textPath: text.path },
    });
  }
  let checked = 0;
  for (const field of fields) {
    // A degenerate text has its own finding (checkQuoteForm) and proves nothing when found.
    if (checkQuoteForm(field)) continue;
    const text = texts.get(field.doc);
    if (!text) {
      unchecked.set(field.doc, (unchecked.get(field.doc) ?? 0) + 1);
      continue;
    }
    checked++;
    // A page that does not exist is already an error; the quote is not looked for elsewhere.
    if (field.page !== undefined && beyond.has(`${field.doc}\u0000${field.page}`)) continue;
    const location = locateQuote(text, field.text, field.page);
    if (location.found === "other-page" && field.page !== undefined) {
      findings.push({
        code: "quote-other-page",
        severity: "warning",
        file: field.file,
        path: pointerOf(field.path),
        params: { doc: field.doc, page: location.page, cited: field.page },
      });
    } else if (location.found === "no") {
      const closest = closestPassage(text, field.text);
      findings.push({
        code: "quote-not-in-source",
        severity: "error",
        file: field.file,
        path: pointerOf(field.path),
        params: {
          doc: field.doc,
          ...(text.paged && field.page !== undefined ? { citedPage: field.page } : {}),
          ...(closest
            ? { closest: { ...(text.paged ? { page: closest.page } : {}), passage: pasteableQuote(closest.passage), cut: closest.cut === true } }
            : {}),
        },
      });
    }
  }
  return { findings, checked, unchecked };
}
