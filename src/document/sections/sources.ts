// The sources section: the documents, the accords and how to cite.

import { DOCUMENT_KIND_LABELS, formatDate, REPORT_WORDS } from "../../messages/labels.js";
import { formatSource } from "../../messages/formatSource.js";
import type { Block, Section } from "../blocks.js";
import { documentAnchor, type BuildContext } from "../common.js";
import { REPORT_TEXT } from "../../messages/reportText.js";

export function sourcesSection(ctx: BuildContext): Section {
  const { study, coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = REPORT_TEXT[lang];
  const blocks: Block[] = [];
  if (study.study.documents.length > 0) {
    blocks.push({
      kind: "table",
      caption: words.sources,
      columns: [{ header: words.document, width: "wide" }, { header: words.title }, { header: words.role, width: "medium" }],
      rows: study.study.documents.map((document) => ({
        cells: [
          { text: [{ text: document.id, code: true }] },
          {
            text: [document.title, document.publisher, document.date ? formatDate(document.date, lang) : undefined].filter(Boolean).join(" · "),
            ...(document.url ? { note: document.url } : {}),
          },
          { text: DOCUMENT_KIND_LABELS[lang][document.kind] },
        ],
        anchor: documentAnchor(document.id),
      })),
      rowHeaders: true,
      compact: true,
    });
  }
  if (study.accords.length > 0) {
    blocks.push({ kind: "heading", text: words.accords });
    for (const accord of study.accords) {
      blocks.push({ kind: "paragraph", text: `${accord.name} — ${accord.full_name} (${formatDate(accord.date, lang)})`, style: "strong" });
      blocks.push({ kind: "paragraph", text: `${words.source}: ${formatSource(accord.source)}${accord.url ? ` · ${accord.url}` : ""}`, style: "small" });
    }
  }
  blocks.push({ kind: "heading", text: words.citing });
  const example = study.accords.flatMap((a) => a.actions)[0]?.source ??
    study.study.source ?? { doc: study.study.documents[0]?.id ?? "bron", section: text.exampleHeading };
  blocks.push({ kind: "paragraph", text: text.citing });
  blocks.push({ kind: "paragraph", text: `${words.source}: ${formatSource(example)}`, style: "small" });
  blocks.push({ kind: "paragraph", text: text.computed(words.method, coverage.study.dataVersion) });
  return { id: "sources", title: words.sources, blocks };
}
