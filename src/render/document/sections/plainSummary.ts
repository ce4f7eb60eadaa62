// The report's summary in plain language (B1) as a section.

import { plainSummary } from "../../renderPlainSummary.js";
import type { Block, Section } from "../blocks.js";
import { type BuildContext } from "../common.js";

export function plainSummarySection(ctx: BuildContext): Section {
  const summary = plainSummary(ctx.coverage, ctx.lang);
  const blocks: Block[] = [];
  for (const part of summary.sections) {
    blocks.push({ kind: "heading", text: part.heading });
    for (const block of part.blocks) {
      blocks.push(
        block.kind === "p" ? { kind: "paragraph", text: block.sentences.join(" "), style: "lead" } : { kind: "list", items: block.items, style: "lead" },
      );
    }
  }
  blocks.push({ kind: "paragraph", text: summary.provenance, style: "small" });
  return { id: "plain-summary", title: summary.title, blocks };
}
