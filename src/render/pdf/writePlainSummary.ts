// The summary in plain language (B1) as a page of the PDF, from the same text as samenvatting.md.

import { plainSummary } from "../renderPlainSummary.js";
import { STYLES } from "./layout.js";
import { startSection, type ReportContext } from "./reportContext.js";

export function writePlainSummary(ctx: ReportContext): void {
  const { layout, coverage, lang } = ctx;
  const summary = plainSummary(coverage, lang);
  startSection(ctx, summary.title, "plain-summary");
  for (const section of summary.sections) {
    layout.heading(section.heading, STYLES.h2, { keepWith: 60, spaceBefore: 8, spaceAfter: 4 });
    for (const block of section.blocks) {
      if (block.kind === "p") {
        layout.write(block.sentences.join(" "), STYLES.lead, { spaceAfter: 6 });
      } else {
        for (const item of block.items) layout.write(item, STYLES.lead, { indent: 14, spaceAfter: 1, marker: "•" });
        layout.y += 5;
      }
    }
  }
  layout.write(summary.provenance, STYLES.small, { spaceAfter: 0 });
}
