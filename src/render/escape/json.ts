// The one escape step for JSON output: JSON.stringify already escapes C0 controls and lone
// surrogates; C1 controls, bidi and zero-width characters it leaves raw, so they are
// written as \uXXXX escapes too. The value a reader parses is unchanged.

import { codePointName, replaceUnsafe } from "../../unsafeText.js";

/** Pretty-printed JSON with a final newline, with no invisible or control character raw. */
export function jsonOutput(value: unknown): string {
  return replaceUnsafe(JSON.stringify(value, null, 2), codePointName) + "\n";
}

/** One string as a JSON string on one line — also a YAML double-quoted scalar — with no invisible or control character raw. */
export function jsonScalar(text: string): string {
  return replaceUnsafe(JSON.stringify(text), codePointName);
}
