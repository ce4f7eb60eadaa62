// The page markers of a source text: `## Page N`, or `## Page N (printed page L)`, and the
// check every text gets before its pages are trusted (present, well formed, unique, in order).

/**
 * A page marker: `## Page 7`, or `## Page 7 (printed page v)` where the PDF labels the
 * page differently. Group 1 is the index, group 2 the label.
 */
export const PAGE_MARKER_LINE = /^## Page (\d+)(?: \(printed page ([^()\n]{1,40})\))?[ \t]*$/;

/** Splits a text at its page markers (multiline): the one group is the page index. */
export const PAGE_MARKER_SPLIT = /^## Page (\d+)(?: \(printed page [^()\n]{1,40}\))?[ \t]*$/m;

/** A line that looks like a page marker but is not one (a typo the check should name). */
const NEAR_MARKER_LINE = /^\s*#{1,3}\s*(page|pagina|p\.)\s*\S*/i;

/** What is wrong with a text's page layout, at a 0-based line. */
export interface PageLayoutProblem {
  line: number;
  kind: "duplicate-page" | "page-out-of-order" | "malformed-page-marker" | "no-page-markers";
  message: string;
  hint: string;
}

/**
 * Checks the `## Page N` markers of a text: present (when `requireMarkers`), well formed,
 * unique and in increasing order.
 * @returns the problems, each at the 0-based line of the marker concerned
 */
export function checkPageLayout(text: string, requireMarkers: boolean): PageLayoutProblem[] {
  const problems: PageLayoutProblem[] = [];
  const seen = new Map<number, number>();
  let last: { page: number; line: number } | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((content, line) => {
    const marker = PAGE_MARKER_LINE.exec(content);
    if (!marker) {
      if (NEAR_MARKER_LINE.test(content) && !/^## Page \d+/.test(content)) {
        problems.push({
          line,
          kind: "malformed-page-marker",
          message: `"${content.slice(0, 60)}" looks like a page marker but is not one`,
          hint: 'a page starts with a line "## Page N" (N the page number, nothing else on the line)',
        });
      } else if (/^## Page \d+/.test(content)) {
        problems.push({
          line,
          kind: "malformed-page-marker",
          message: `"${content.slice(0, 60)}" has more after the page number than a printed page label`,
          hint: 'write "## Page N" or "## Page N (printed page L)"',
        });
      }
      return;
    }
    const page = Number(marker[1]);
    if (page < 1) {
      problems.push({
        line,
        kind: "malformed-page-marker",
        message: `page ${page}: page numbers start at 1`,
        hint: "number the pages as the PDF does, from 1",
      });
      return;
    }
    const earlier = seen.get(page);
    if (earlier !== undefined) {
      problems.push({
        line,
        kind: "duplicate-page",
        message: `page ${page} starts a second time (first at line ${earlier + 1})`,
        hint: "each page has one marker: merge the two parts or correct the number",
      });
    } else if (last && page < last.page) {
      problems.push({
        line,
        kind: "page-out-of-order",
        message: `page ${page} follows page ${last.page} (line ${last.line + 1})`,
        hint: "pages must be in increasing order, as in the document",
      });
    }
    if (earlier === undefined) seen.set(page, line);
    if (!last || page > last.page) last = { page, line };
  });
  if (requireMarkers && seen.size === 0) {
    problems.push({
      line: 0,
      kind: "no-page-markers",
      message: "the text has no page markers",
      hint: 'mark each page with a line "## Page N", or give the PDF itself',
    });
  }
  return problems;
}
