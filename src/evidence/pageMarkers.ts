// The page markers of a source text: `## Page N`, or `## Page N (printed page L)`, and the
// check every text gets before its pages are trusted (present, well formed, unique, in order).

import type { PageLayoutProblem } from "../messages/findings.js";

/**
 * A page marker: `## Page 7`, or `## Page 7 (printed page v)` where the PDF labels the
 * page differently. Group 1 is the index, group 2 the label.
 */
export const PAGE_MARKER_LINE = /^## Page (\d+)(?: \(printed page ([^()\n]{1,40})\))?[ \t]*$/;

/** Splits a text at its page markers (multiline): the one group is the page index. */
export const PAGE_MARKER_SPLIT = /^## Page (\d+)(?: \(printed page [^()\n]{1,40}\))?[ \t]*$/m;

/** A line that looks like a page marker but is not one (a typo the check should name). */
const NEAR_MARKER_LINE = /^\s*#{1,3}\s*(page|pagina|p\.)\s*\S*/i;

/** What is wrong with a text's page layout, at a 0-based line (its words: messages/findings.ts, pageLayoutText). */
export type { PageLayoutProblem };

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
        problems.push({ line, kind: "malformed-page-marker", variant: "near-marker", content: content.slice(0, 60) });
      } else if (/^## Page \d+/.test(content)) {
        problems.push({ line, kind: "malformed-page-marker", variant: "extra-text", content: content.slice(0, 60) });
      }
      return;
    }
    const page = Number(marker[1]);
    if (page < 1) {
      problems.push({ line, kind: "malformed-page-marker", variant: "page-below-one", page });
      return;
    }
    const earlier = seen.get(page);
    if (earlier !== undefined) {
      problems.push({ line, kind: "duplicate-page", page, firstLine: earlier });
    } else if (last && page < last.page) {
      problems.push({ line, kind: "page-out-of-order", page, previous: last.page, previousLine: last.line });
    }
    if (earlier === undefined) seen.set(page, line);
    if (!last || page > last.page) last = { page, line };
  });
  if (requireMarkers && seen.size === 0) {
    problems.push({ line: 0, kind: "no-page-markers" });
  }
  return problems;
}
