// Colours of the reports (PDF and HTML). Level and verdict fills use the Okabe–Ito colour-blind-safe
// palette of the terminal (src/render/paint.ts); every filled cell also carries a symbol and
// a number or word, so colour is never the only signal.

import type { Verdict } from "../analyse/coverage.js";
import type { Level } from "../analyse/levels.js";
import type { Tone } from "../document/blocks.js";

export const INK = "#1B1F24";
export const MUTED = "#59616B";
export const RULE = "#C5CBD3";
export const PANEL = "#F3F5F7";
export const ACCENT = "#0072B2";

// Coverage is one sequential blue scale: a 0 for one accord is normal (each accord covers
// other things), so it must not shout. The alarm colours belong to the verdict column.
export const LEVEL_FILLS: Record<Level, string> = {
  high: "#0072B2", // blue
  medium: "#56B4E9", // sky blue
  low: "#CFE7F5", // pale blue
  none: "#F7F7F7", // near white
  unknown: "#BDBDBD", // grey, with "?"
};

export const VERDICT_FILLS: Record<Verdict, string> = {
  "witte-vlek": "#D55E00",
  "mogelijke-witte-vlek": "#E69F00",
  "gedekt": "#0072B2",
  "geen-signaal": "#E4E7EB",
};

/** Neutral fill of the demand column: it shows who asks, not a coverage level. */
export const DEMAND_FILL = "#EEF0F3";

function relativeLuminance(hex: string): number {
  const channel = (offset: number): number => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with the fill (WCAG contrast ratio). */
export function inkOn(fill: string): string {
  const luminance = relativeLuminance(fill);
  const withWhite = 1.05 / (luminance + 0.05);
  const withBlack = (luminance + 0.05) / 0.05;
  return withWhite > withBlack ? "#FFFFFF" : "#000000";
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The fill of every colour role of the report document (render/document/blocks.ts). */
export const TONE_FILLS: Record<Tone, string> = {
  "level-high": LEVEL_FILLS.high,
  "level-medium": LEVEL_FILLS.medium,
  "level-low": LEVEL_FILLS.low,
  "level-none": LEVEL_FILLS.none,
  "level-unknown": LEVEL_FILLS.unknown,
  "verdict-witte-vlek": VERDICT_FILLS["witte-vlek"],
  "verdict-mogelijke-witte-vlek": VERDICT_FILLS["mogelijke-witte-vlek"],
  "verdict-gedekt": VERDICT_FILLS.gedekt,
  "verdict-geen-signaal": VERDICT_FILLS["geen-signaal"],
  "status-concrete": LEVEL_FILLS.high,
  "status-ambition": LEVEL_FILLS.medium,
  "status-absent": LEVEL_FILLS.none,
  "status-unknown": LEVEL_FILLS.unknown,
  "demand": DEMAND_FILL,
  "panel": PANEL,
};
