// The report's fonts, embedded from npm packages so every character renders the same on every
// machine. Noto Sans sets the text; its @fontsource files are split into Unicode subsets, and
// none of them has ≥, ≤, →, ● or the shape symbols, so DejaVu Sans (one file with ~6000
// glyphs) fills in whatever character the Noto subsets lack. pdfkit has no font fallback of
// its own: `FontSet.runsOf` splits a text into runs that each use one font.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { PACKAGE_ROOT } from "../../packageRoot.js";

export type Weight = "regular" | "bold";

interface FontFile {
  /** Name under which the font is registered with pdfkit. */
  name: string;
  weight: Weight;
  /** The @fontsource file it is built from (scripts/build-fonts.mjs → generated/fonts/<name>.ttf). */
  module: string;
}

// Order is the fallback order per weight: the first font that has a glyph sets the character.
const FONT_FILES: readonly FontFile[] = [
  { name: "noto-latin-400", weight: "regular", module: "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff" },
  { name: "noto-latin-ext-400", weight: "regular", module: "@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff" },
  { name: "dejavu-400", weight: "regular", module: "@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff" },
  { name: "noto-latin-700", weight: "bold", module: "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff" },
  { name: "noto-latin-ext-700", weight: "bold", module: "@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff" },
  { name: "dejavu-700", weight: "bold", module: "@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff" },
];

/** The fonts' names, in fallback order (for the test that the build prepares each). */
export const FONT_NAMES: readonly string[] = FONT_FILES.map((f) => f.name);

interface LoadedFont extends FontFile {
  /** The font as a plain TrueType file, prepared at build time. */
  bytes: Buffer;
  hasGlyph: (codePoint: number) => boolean;
}

export interface Run {
  /** pdfkit font name. */
  face: string;
  text: string;
}

export interface FontSet {
  fonts: readonly LoadedFont[];
  /**
   * Splits a text into runs of characters that one font can set, in fallback order. A
   * character no font has is set as U+FFFD (�) and noted in `unsupported`: a missing-glyph
   * box would carry no text for a screen reader, and PDF/A forbids it.
   */
  runsOf(text: string, weight: Weight): Run[];
  /** Characters no embedded font has, as they occurred (shown as �). */
  readonly unsupported: Set<string>;
  /** Right-to-left characters (Hebrew, Arabic, …): set, but left to right and unjoined. */
  readonly rightToLeft: Set<string>;
}

/** Scripts written right to left; pdfkit sets every run left to right and the fonts are not shaped. */
const RIGHT_TO_LEFT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;

const REPLACEMENT = "\uFFFD";

let loaded: Promise<readonly LoadedFont[]> | undefined;

/** Reads and parses the font files once per process; every document embeds its own subset. */
async function loadFontFiles(): Promise<readonly LoadedFont[]> {
  // The CommonJS build, as for pdfkit (see renderPdf.ts).
  const fontkit = createRequire(import.meta.url)("fontkit") as typeof import("fontkit");
  return FONT_FILES.map((file) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(PACKAGE_ROOT, "generated", "fonts", `${file.name}.ttf`));
    } catch {
      throw new Error(`The PDF font ${file.name} is missing: build the package again (npm run build).`);
    }
    const font = fontkit.create(bytes);
    if (!("hasGlyphForCodePoint" in font)) throw new Error(`${file.module} is a font collection, not a single font.`);
    return { ...file, bytes, hasGlyph: (codePoint: number) => font.hasGlyphForCodePoint(codePoint) };
  });
}

export async function loadFontSet(): Promise<FontSet> {
  loaded ??= loadFontFiles();
  let fonts: readonly LoadedFont[];
  try {
    fonts = await loaded;
  } catch (error) {
    // A failed read is not cached, so a later call (after npm install) can succeed.
    loaded = undefined;
    throw error;
  }
  const chains: Record<Weight, LoadedFont[]> = {
    regular: fonts.filter((f) => f.weight === "regular"),
    bold: fonts.filter((f) => f.weight === "bold"),
  };
  const faceCache: Record<Weight, Map<number, string>> = { regular: new Map(), bold: new Map() };

  const unsupported = new Set<string>();
  const rightToLeft = new Set<string>();
  const faceFor = (codePoint: number, weight: Weight, previous: string | undefined): string | undefined => {
    const chain = chains[weight];
    const primary = chain[0]!.name;
    // A space joins the run before it, so a line of words in one font stays one run.
    if (codePoint === 0x20 || codePoint === 0xa0) return previous ?? primary;
    const cache = faceCache[weight];
    const known = cache.get(codePoint);
    if (known !== undefined) return known;
    const face = chain.find((f) => f.hasGlyph(codePoint))?.name;
    if (face !== undefined) cache.set(codePoint, face);
    return face;
  };

  return {
    fonts,
    unsupported,
    rightToLeft,
    runsOf(text: string, weight: Weight): Run[] {
      const runs: Run[] = [];
      let current: Run | undefined;
      // NFC keeps a letter and its accent together, so they are set in one font.
      for (const original of text.normalize("NFC")) {
        let char = original;
        let face = faceFor(char.codePointAt(0)!, weight, current?.face);
        if (face === undefined) {
          unsupported.add(char);
          char = REPLACEMENT;
          face = faceFor(char.codePointAt(0)!, weight, current?.face) ?? chains[weight][0]!.name;
        } else if (RIGHT_TO_LEFT.test(char)) {
          rightToLeft.add(char);
        }
        if (current && current.face === face) {
          current.text += char;
        } else {
          current = { face, text: char };
          runs.push(current);
        }
      }
      return runs;
    },
  };
}
