// Readability of Dutch text: Flesch–Douma (Douma 1960, the Dutch adaptation of Flesch's
// Reading Ease: 206.835 − 0.93 × words per sentence − 77 × syllables per word), the average
// sentence length, and the share of long words (four syllables or more). Syllables are
// counted as groups of vowels (a e i o u y, accented too), with a diaeresis (ë ï ö ü)
// starting a new syllable: coördinatie → co-ör-di-na-tie. That is an approximation (it
// misses hiatus without a diaeresis, as in "beamen"), good enough to compare texts.

const VOWEL = /[aeiouyáàâéèêíìîóòôúùûý]/;
const DIAERESIS = /[ëïöüÿ]/;

export function syllables(word: string): number {
  let count = 0;
  let inGroup = false;
  for (const char of word.toLowerCase().normalize("NFC")) {
    if (DIAERESIS.test(char)) {
      count++;
      inGroup = true;
    } else if (VOWEL.test(char)) {
      if (!inGroup) count++;
      inGroup = true;
    } else {
      inGroup = false;
    }
  }
  return Math.max(1, count);
}

export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Sentences: split after . ? ! : and at line ends (a list item is a sentence of its own). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.?!:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

export interface Readability {
  sentences: number;
  words: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  fleschDouma: number;
  /** Share of words of four syllables or more. */
  longWordShare: number;
}

export function readability(text: string): Readability {
  const sentences = sentencesOf(text);
  const words = sentences.flatMap(wordsOf);
  const syllableCounts = words.map(syllables);
  const totalSyllables = syllableCounts.reduce((a, b) => a + b, 0);
  const wordsPerSentence = words.length / Math.max(1, sentences.length);
  const syllablesPerWord = totalSyllables / Math.max(1, words.length);
  return {
    sentences: sentences.length,
    words: words.length,
    wordsPerSentence,
    syllablesPerWord,
    fleschDouma: 206.835 - 0.93 * wordsPerSentence - 77 * syllablesPerWord,
    longWordShare: syllableCounts.filter((n) => n >= 4).length / Math.max(1, words.length),
  };
}
