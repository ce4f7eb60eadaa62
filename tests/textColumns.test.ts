// The terminal's width measure: the fast path for narrow text must give exactly what the
// kept library (string-width) gives, so it may skip the library only where both agree.

import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { NARROW_TEXT, visibleWidth } from "../src/render/textColumns.js";

const NARROW_CHARACTER = new RegExp(NARROW_TEXT.source.replace(/^\^\[/, "^[").replace(/\]\*\$$/, "]$"));
const narrowCharacters: string[] = [];
for (let code = 0; code <= 0xffff; code++) {
  const char = String.fromCharCode(code);
  if (NARROW_CHARACTER.test(char)) narrowCharacters.push(char);
}
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const segments = (text: string): number => [...segmenter.segment(text)].length;

describe("visibleWidth's fast path for narrow text", () => {
  it("covers the characters of the shipped outputs: Dutch letters, quotes, dashes, ≥, → and the level and verdict symbols", () => {
    expect(NARROW_TEXT.test("Coördinatie — “zorg” ‘thuis’ ≥ 0.60 → ● ◐ ◔ ○ ▲ ■ ✓ · … ± ≠ × • café naïef")).toBe(true);
    // A combining accent, a wide character, an emoji or a soft hyphen goes to the library.
    for (const text of ["e\u0301", "東京", "👍", "zorg\u00adthuis", "\u200b"]) expect(NARROW_TEXT.test(text), JSON.stringify(text)).toBe(false);
  });

  it("holds only characters string-width measures as one column, that join no neighbour and NFC keeps", () => {
    expect(narrowCharacters.length).toBeGreaterThan(1000);
    const wrong = narrowCharacters.filter((c) => stringWidth(c) !== 1 || segments(`a${c}b`) !== 3 || segments(c + c) !== 2 || c.normalize("NFC") !== c);
    expect(wrong.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase()}`)).toEqual([]);
  });

  it("gives string-width's width for any text of those characters, with or without colour codes", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...narrowCharacters), { maxLength: 40 }), fc.boolean(), (chars, coloured) => {
        const text = chars.join("");
        const shown = coloured ? `\u001b[33m${text}\u001b[39m` : text;
        expect(visibleWidth(shown)).toBe(stringWidth(text));
      }),
      { numRuns: Number(process.env.DEKKING_FUZZ_RUNS ?? 300) },
    );
  });

  it("leaves other text to string-width", () => {
    for (const text of ["e\u0301tude", "東京都 Wide", "👍🏽 ok", "\u05e9\u05c1\u05b8", "a\u0903b"])
      expect(visibleWidth(text), JSON.stringify(text)).toBe(stringWidth(text.normalize("NFC")));
  });
});
