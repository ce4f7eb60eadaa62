// What a study still lacks before its matrix can say anything, as one sentence: a new study
// (`dekking init`) runs from the start, and its empty matrix says what to fill in.

import type { Coverage } from "../analyse/coverage.js";
import type { Lang } from "../messages/labels.js";

/** The parts of a study the matrix needs, each as the sentence names it and where it goes. */
const PARTS = {
  nl: {
    groups: "respondentgroepen (vocabulary.groups in study.yaml)",
    categories: "categorieën (vocabulary.categories in study.yaml)",
    topics: "onderwerpen (topics.yaml)",
    accords: "akkoorden (accords/ en accords: in study.yaml)",
    demand: "interviewthema's die een onderwerp noemen (interviews.yaml)",
    regions: "regio's (regions: in study.yaml) of beoordeelde regioplannen (regions/)",
  },
  en: {
    groups: "respondent groups (vocabulary.groups in study.yaml)",
    categories: "categories (vocabulary.categories in study.yaml)",
    topics: "topics (topics.yaml)",
    accords: "accords (accords/ and accords: in study.yaml)",
    demand: "interview themes that name a topic (interviews.yaml)",
    regions: "regions (regions: in study.yaml) or assessed region plans (regions/)",
  },
} as const;

/**
 * One sentence naming what the study lacks for a matrix with verdicts (no groups, categories,
 * topics, accords, demand or regions), with the file each goes in; undefined when nothing is.
 */
export function missingDataSentence(coverage: Coverage, lang: Lang): string | undefined {
  const words = PARTS[lang];
  const missing: string[] = [];
  if (coverage.vocabulary.groups.length === 0) missing.push(words.groups);
  if (coverage.vocabulary.categories.length === 0) missing.push(words.categories);
  if (coverage.topics.length === 0) missing.push(words.topics);
  if (coverage.accords.length === 0) missing.push(words.accords);
  if (coverage.topics.length > 0 && !coverage.topics.some((t) => t.demand.groups.length > 0)) missing.push(words.demand);
  if (coverage.study.regions.length === 0 && coverage.regionPlanCount === 0) missing.push(words.regions);
  if (missing.length === 0) return undefined;
  return lang === "nl"
    ? `De matrix is nog leeg of zonder oordelen: de data hebben nog geen ${missing.join(", ")}. README.md in de map van de studie zegt wat eerst.`
    : `The matrix is still empty or without verdicts: the data have no ${missing.join(", ")} yet. README.md in the study's folder says what comes first.`;
}
