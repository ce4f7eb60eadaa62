// Maps a score to a coverage level: the symbol and colour of a matrix cell.

import type { Rules } from "../model.js";

/** A coverage level: the symbol and colour of a matrix cell. */
export type Level = "high" | "medium" | "low" | "none" | "unknown";

export const LEVEL_SYMBOLS: Record<Level, string> = {
  high: "●",
  medium: "◐",
  low: "◔",
  none: "○",
  unknown: "?",
};

/**
 * Levels follow the thresholds in force: `high` at or above the national threshold,
 * `medium` from half of it, `low` above zero.
 */
export function levelOf(score: number | null, rules: Rules): Level {
  if (score === null) return "unknown";
  if (score >= rules.national_threshold) return "high";
  if (score >= rules.national_threshold / 2) return "medium";
  if (score > 0) return "low";
  return "none";
}
