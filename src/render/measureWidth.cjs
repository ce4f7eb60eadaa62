// string-width, initialised on first use. Its module code costs about 50 ms at start-up (a
// grapheme segmenter and an emoji regular expression) that most runs never need: text of
// narrow characters is measured without it (textColumns.ts). esbuild bundles a module that
// is reached through require() behind an initialiser that runs when that require() runs.
"use strict";

let stringWidth;

/** Display width of `text` in terminal columns (string-width's measure). */
module.exports = function measureWidth(text) {
  stringWidth ??= require("string-width").default;
  return stringWidth(text);
};
