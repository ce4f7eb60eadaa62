// Prepares the report's fonts at build time: unpacks each WOFF 1.0 font of the @fontsource
// packages into a plain TrueType file (node:zlib, once, instead of fontkit's JavaScript
// inflater on every report) and leaves out the OpenType layout tables GSUB, GPOS and GDEF.
// Without them fontkit maps characters to glyphs directly instead of running the OpenType
// shaper for every string it measures — most of the report's time — at the cost of
// kerning and ligatures, which Dutch prose set in Noto Sans does not need. Glyphs, metrics
// and the cmap stay as they are, so every character the fonts had still renders.
// Output: generated/fonts/<name>.ttf, read by src/render/pdf/fonts.ts.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inflateSync } from "node:zlib";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const outDir = path.join(root, "generated", "fonts");

// Keep in step with FONT_FILES in src/render/pdf/fonts.ts (a test checks both lists agree).
export const FONTS = {
  "noto-latin-400": "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff",
  "noto-latin-ext-400": "@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff",
  "dejavu-400": "@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff",
  "noto-latin-700": "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff",
  "noto-latin-ext-700": "@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff",
  "dejavu-700": "@fontsource/dejavu-sans/files/dejavu-sans-latin-700-normal.woff",
};
const DROPPED = new Set(["GSUB", "GPOS", "GDEF"]);

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"
const WOFF_HEADER_SIZE = 44;
const WOFF_ENTRY_SIZE = 20;
const SFNT_HEADER_SIZE = 12;
const SFNT_ENTRY_SIZE = 16;

/** WOFF 1.0 (https://www.w3.org/TR/WOFF/) → sfnt, without the tables in `dropped`. */
export function woffToSfnt(woff, dropped = new Set()) {
  if (woff.length < WOFF_HEADER_SIZE || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error("not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const tables = [];
  for (let i = 0; i < woff.readUInt16BE(12); i++) {
    const entry = WOFF_HEADER_SIZE + i * WOFF_ENTRY_SIZE;
    const tag = woff.readUInt32BE(entry);
    if (dropped.has(Buffer.from(woff.subarray(entry, entry + 4)).toString("latin1"))) continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error("WOFF table has the wrong length after inflating");
    tables.push({ tag, checksum: woff.readUInt32BE(entry + 16), data });
  }
  // Tables stay in tag order (as in the WOFF), which the sfnt directory requires.
  const numTables = tables.length;
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const padded = (length) => (length + 3) & ~3;
  let offset = SFNT_HEADER_SIZE + numTables * SFNT_ENTRY_SIZE;
  const sfnt = Buffer.alloc(tables.reduce((sum, t) => sum + padded(t.data.length), offset));
  sfnt.writeUInt32BE(flavor, 0);
  sfnt.writeUInt16BE(numTables, 4);
  sfnt.writeUInt16BE(searchRange, 6);
  sfnt.writeUInt16BE(entrySelector, 8);
  sfnt.writeUInt16BE(numTables * 16 - searchRange, 10);
  tables.forEach((table, index) => {
    const entry = SFNT_HEADER_SIZE + index * SFNT_ENTRY_SIZE;
    sfnt.writeUInt32BE(table.tag, entry);
    sfnt.writeUInt32BE(table.checksum, entry + 4);
    sfnt.writeUInt32BE(offset, entry + 8);
    sfnt.writeUInt32BE(table.data.length, entry + 12);
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(outDir, { recursive: true });
  let bytes = 0;
  for (const [name, module] of Object.entries(FONTS)) {
    const sfnt = woffToSfnt(readFileSync(require.resolve(module)), DROPPED);
    const target = path.join(outDir, `${name}.ttf`);
    writeFileSync(`${target}.tmp`, sfnt);
    renameSync(`${target}.tmp`, target);
    bytes += sfnt.length;
  }
  console.log(`fonts: ${Object.keys(FONTS).length} → ${path.relative(root, outDir)} (${(bytes / 1024).toFixed(0)} KB, without ${[...DROPPED].join(", ")})`);
}
