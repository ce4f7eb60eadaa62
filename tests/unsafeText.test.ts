// The cheap pre-check in unsafeText.ts (one character class) must never hide an unsafe
// character: firstUnsafeCharacter and replaceUnsafe give what the full pattern gives, for
// every UTF-16 code unit alone, in text, and for surrogates paired and unpaired.

import { describe, expect, it } from "vitest";
import { firstUnsafeCharacter, replaceUnsafe, UNSAFE_CHARACTER } from "../src/unsafeText.js";

const FULL = new RegExp(UNSAFE_CHARACTER.source, "g");

function expected(text: string): { first: number; replaced: string } {
  const match = new RegExp(UNSAFE_CHARACTER.source).exec(text);
  return { first: match ? match.index : -1, replaced: text.replace(FULL, (c) => `<${c.charCodeAt(0).toString(16)}>`) };
}

describe("unsafe characters behind the pre-check", () => {
  it("agrees with the full pattern for every code unit, alone and in text", () => {
    let unsafe = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      for (const text of [char, `plan ${char} tekst`]) {
        const want = expected(text);
        expect(firstUnsafeCharacter(text)).toBe(want.first);
        expect(replaceUnsafe(text, (c) => `<${c.charCodeAt(0).toString(16)}>`)).toBe(want.replaced);
      }
      if (expected(char).first >= 0) unsafe++;
    }
    // The pattern does match something (so the loop above compared both outcomes).
    expect(unsafe).toBeGreaterThan(2000);
  });

  it("lets a surrogate pair through and catches a lone half", () => {
    for (const text of ["zorg 😀 thuis", "\uD83D", "a\uDE00b", "\uDE00\uD83D", "😀\uD83D", "x\u202Ey 😀"]) {
      const want = expected(text);
      expect(firstUnsafeCharacter(text)).toBe(want.first);
      expect(replaceUnsafe(text, (c) => `<${c.charCodeAt(0).toString(16)}>`)).toBe(want.replaced);
    }
    expect(firstUnsafeCharacter("zorg 😀 thuis")).toBe(-1);
  });
});
