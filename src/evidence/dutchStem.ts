// Dutch stemming for the screening search, from the Snowball project's Dutch algorithm
// (snowball-stemmers): "eenzaamheid", "eenzaam" and "eenzame" all become "eenzam", so a
// search term finds its inflections. Loaded only by `dekking screen`.

import { createRequire } from "node:module";

interface SnowballStemmer {
  stem(word: string): string;
}

let stemmer: SnowballStemmer | undefined;
// A text of 100,000 words has perhaps 15,000 distinct ones: stem each once.
const stems = new Map<string, string>();

/** The Snowball Dutch stem of a lowercase word. */
export function stemDutch(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  stemmer ??= (createRequire(import.meta.url)("snowball-stemmers") as { newStemmer(language: string): SnowballStemmer }).newStemmer("dutch");
  const stem = stemmer.stem(word);
  stems.set(word, stem);
  return stem;
}
