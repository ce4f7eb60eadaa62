// The documents the study rests on, the accords it reads, and how the report cites them.

import { formatDate, DOCUMENT_KIND_LABELS } from "../labels.js";
import { formatSource } from "../renderExplain.js";
import { STYLES } from "./layout.js";
import { startSection, type ReportContext } from "./reportContext.js";
import { writeTable, type TableRow } from "./writeTable.js";

export function writeSources(ctx: ReportContext): void {
  const { layout, study, coverage, lang, words } = ctx;
  const nl = lang === "nl";
  startSection(ctx, words.sources, "sources");

  const rows: TableRow[] = study.study.documents.map((document) => ({
    cells: [
      { text: document.id, style: STYLES.cell },
      {
        text: [document.title, document.publisher, document.date ? formatDate(document.date, lang) : undefined].filter(Boolean).join(" · "),
        note: document.url,
        style: STYLES.cell,
      },
      { text: DOCUMENT_KIND_LABELS[lang][document.kind] },
    ],
  }));
  if (rows.length > 0) {
    writeTable(layout, {
      columns: [
        { header: words.document, width: 150 },
        { header: words.title, width: layout.contentWidth - 150 - 90 },
        { header: words.role, width: 90 },
      ],
      rows,
      padding: 4,
    });
    layout.y += 16;
  }

  if (study.accords.length > 0) {
    layout.heading(words.accords, STYLES.h2, { keepWith: 40, spaceAfter: 6 });
    for (const accord of study.accords) {
      // The accord and its source stay on one page.
      layout.writeParagraphs([
        { text: `${accord.name} — ${accord.full_name} (${formatDate(accord.date, lang)})`, style: STYLES.bodyBold, spaceAfter: 1 },
        { text: `${words.source}: ${formatSource(accord.source)}${accord.url ? ` · ${accord.url}` : ""}`, style: STYLES.small, indent: 12, spaceAfter: 6 },
      ]);
    }
    layout.y += 10;
  }

  layout.heading(words.citing, STYLES.h2, { keepWith: 60, spaceAfter: 6 });
  const example = study.accords.flatMap((a) => a.actions)[0]?.source ??
    study.study.source ?? { doc: study.study.documents[0]?.id ?? "bron", section: nl ? "Kop" : "Heading" };
  layout.write(
    nl
      ? "Elk feit in de data heeft een bron: het document uit de lijst hierboven, de kop van de sectie waarin het staat en, waar het document dat toont, de pagina of het dianummer. Citaten zijn letterlijk overgenomen en staan tussen aanhalingstekens achter een verticale streep; daaronder staat de bron, bijvoorbeeld:"
      : "Every fact in the data has a source: the document from the list above, the heading of the section it appears under and, where the document shows one, the page or slide number. Quotes are verbatim, in quotation marks behind a vertical bar, with the source under them, for example:",
    STYLES.body,
    { spaceAfter: 4 },
  );
  layout.write(`${words.source}: ${formatSource(example)}`, STYLES.small, { indent: 12, spaceAfter: 10 });
  layout.write(
    nl
      ? `De getallen en oordelen zijn niet overgenomen maar berekend met de beslisregels uit het hoofdstuk ${words.method} uit data met ${words.dataVersion} ${coverage.study.dataVersion}. Dezelfde data geven hetzelfde rapport, byte voor byte.`
      : `The numbers and verdicts are not copied but computed with the rules of the ${words.method} chapter from data with ${words.dataVersion} ${coverage.study.dataVersion}. The same data give the same report, byte for byte.`,
    STYLES.body,
  );
}
