// The one escape step for text in HTML (coverage.html): nothing from the data may become a
// tag, an attribute, an entity or a script. `& < > " '` become character references, so the
// same text is safe between tags and inside a quoted attribute value; unsafe characters
// (controls, bidi overrides, zero-width characters, lone surrogates) become U+FFFD; text is
// NFC-normalised. Addresses become links only when they are http(s) addresses.

import { replaceUnsafe } from "../../unsafeText.js";

const REFERENCES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text between tags or in a double- or single-quoted attribute value. */
export function htmlText(text: string): string {
  return replaceUnsafe(text, () => "\uFFFD")
    .normalize("NFC")
    .replace(/[&<>"']/g, (c) => REFERENCES[c]!);
}

/**
 * A token for an `id`, a `data-` value or a URL fragment: ids in the data are slugs
 * (`[a-z0-9-]`), which pass unchanged; anything else is spelt out as `_xxxx` code units, so
 * distinct ids stay distinct and the token never needs quoting or escaping in a fragment.
 */
export function htmlToken(id: string): string {
  return id.replace(/[^a-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The value of an href for an address from the data, or null when it is not an http(s) address. */
export function htmlHref(url: string): string | null {
  if (!/^https?:\/\/[^\s"'<>`\\]+$/i.test(url)) return null;
  if (replaceUnsafe(url, () => "\uFFFD") !== url) return null;
  return htmlText(url);
}
