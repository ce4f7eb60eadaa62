// What a study still lacks before its matrix can say anything, as one sentence: a new study
// (`dekking init`) runs from the start, and its empty matrix says what to fill in.

import type { Coverage } from "../analyse/coverage.js";
import type { Lang } from "../messages/labels.js";
import { MATRIX_WORDS, type StudyPart } from "../messages/commandText.js";

/**
 * One sentence naming what the study lacks for a matrix with verdicts (no groups, categories,
 * topics, accords, demand or regions), with the file each goes in; undefined when nothing is.
 */
export function missingDataSentence(coverage: Coverage, lang: Lang): string | undefined {
  const words = MATRIX_WORDS[lang];
  const missing: StudyPart[] = [];
  if (coverage.vocabulary.groups.length === 0) missing.push("groups");
  if (coverage.vocabulary.categories.length === 0) missing.push("categories");
  if (coverage.topics.length === 0) missing.push("topics");
  if (coverage.accords.length === 0) missing.push("accords");
  if (coverage.topics.length > 0 && !coverage.topics.some((t) => t.demand.groups.length > 0)) missing.push("demand");
  if (coverage.study.regions.length === 0 && coverage.regionPlanCount === 0) missing.push("regions");
  if (missing.length === 0) return undefined;
  return words.missing(missing.map((part) => words.parts[part]));
}
