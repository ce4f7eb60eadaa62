// Characters that text from the data must never carry to a screen, a spreadsheet or a
// page: they can move the cursor, clear the screen, reorder what is shown (bidi overrides)
// or hide text (zero-width characters). The validator refuses them in data files, and
// every output kind's escape step neutralises whatever still reaches it.

/**
 * C0 and C1 controls except tab and newline, DEL, zero-width and invisible formatting
 * characters, line/paragraph separators, bidi embeddings, overrides and isolates, the
 * byte-order mark inside text, and lone surrogates.
 */
export const UNSAFE_CHARACTER =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const UNSAFE_GLOBAL = new RegExp(UNSAFE_CHARACTER.source, "g");

/**
 * Every character UNSAFE_CHARACTER can match, and every surrogate (paired or not): one
 * character class, much cheaper to search than the full pattern with its look-arounds. Text
 * without any of these has no unsafe character, so the full pattern runs only on text with one.
 */
const MAYBE_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB\uD800-\uDFFF]/;

/** Index of the first unsafe character (UTF-16 offset), or -1. */
export function firstUnsafeCharacter(text: string): number {
  if (!MAYBE_UNSAFE.test(text)) return -1;
  const match = UNSAFE_CHARACTER.exec(text);
  return match ? match.index : -1;
}

/** `\u001B` for an unsafe character: visible, and harmless everywhere. */
export function codePointName(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Replaces every unsafe character with `replace(char)`. */
export function replaceUnsafe(text: string, replace: (char: string) => string): string {
  return MAYBE_UNSAFE.test(text) ? text.replace(UNSAFE_GLOBAL, replace) : text;
}

/** What a person can read of an unsafe character: its name, or the name of a well-known one. */
export function describeCharacter(char: string): string {
  const code = char.charCodeAt(0);
  const names: Record<number, string> = {
    0x00: "a NUL byte",
    0x08: "a backspace",
    0x0d: "a carriage return",
    0x1b: "an escape character (ESC, used for terminal colour and cursor codes)",
    0x7f: "a DEL character",
    0xad: "a soft hyphen",
    0x200b: "a zero-width space",
    0x200c: "a zero-width non-joiner",
    0x200d: "a zero-width joiner",
    0x2028: "a line separator",
    0x2029: "a paragraph separator",
    0x202e: "a right-to-left override",
    0x202d: "a left-to-right override",
    0xfeff: "a zero-width no-break space (byte-order mark)",
  };
  const named = names[code];
  if (named) return `${named} (${codePointName(char)})`;
  if (code >= 0xd800 && code <= 0xdfff) return `half of a surrogate pair without its other half (${codePointName(char)})`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c) {
    return `a text-direction control (${codePointName(char)})`;
  }
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `a control character (${codePointName(char)})`;
  return `an invisible character (${codePointName(char)})`;
}

/**
 * The text without soft hyphens (U+00AD). A soft hyphen is a permitted break for the PDF's
 * line breaking; every other output (terminal, CSV, the PDF's title and bookmarks) drops it.
 */
export function withoutSoftHyphens(text: string): string {
  return text.replace(/\u00ad/g, "");
}
