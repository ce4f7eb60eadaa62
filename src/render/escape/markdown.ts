// The one escape step for text in Markdown (coverage.md, matrix and diff as Markdown, the
// job summary CI pipes them into): nothing from the data may become a tag, a link, an
// image, emphasis, code or a table cell border. `& < >` become entities, Markdown
// punctuation is backslash-escaped, bare web and mail addresses are kept from turning into
// links, line breaks become spaces, and unsafe characters become U+FFFD.

import { replaceUnsafe } from "../../unsafeText.js";

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Inline Markdown text, safe in a paragraph, a heading, a list item or a table cell. */
export function markdownText(text: string): string {
  return (
    replaceUnsafe(text, () => "\uFFFD")
      .normalize("NFC")
      .replace(/[\r\n\t]+/g, " ")
      .replace(/\\/g, "\\\\")
      .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
      .replace(/[|`*_[\]~@]/g, (c) => `\\${c}`)
      .replace(/:(?=\/\/)/g, "\\:")
      .replace(/\b(www)\./gi, "$1\\.")
      // A list or heading mark at the start: "\-", "\#", and for a number the punctuation after it
      // ("1\."), since CommonMark escapes punctuation only: "\1." would show the backslash.
      .replace(/^(\s*)([-+#])/, (_, space: string, mark: string) => `${space}\\${mark}`)
      .replace(/^(\s*)(\d+)([.)])/, (_, space: string, digits: string, mark: string) => `${space}${digits}\\${mark}`)
  );
}
