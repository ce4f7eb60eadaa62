// Colour for terminal output. Colour is never the only signal: every coloured thing also
// carries a symbol or a word. With colour off, every function returns its input.

import type { Level } from "../analyse/levels.js";
import type { ChalkInstance } from "chalk";

export interface Paint {
  enabled: boolean;
  good: (text: string) => string;
  warn: (text: string) => string;
  bad: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
  /** Coverage level colours: blues from the Okabe–Ito colour-blind-safe palette. */
  level: (level: Level, text: string) => string;
}

export type { Level };

/**
 * Decides on colour the way users expect: an explicit --color/--no-color wins, then
 * FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal. (chalk 5 ignores NO_COLOR.)
 */
export function colorWanted(option: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (option !== undefined) return option;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return isTTY && env.TERM !== "dumb";
}

const plain = (text: string): string => text;

/** Paint without colour: every function returns its input. Needs no colour library. */
export const NO_PAINT: Paint = { enabled: false, good: plain, warn: plain, bad: plain, dim: plain, bold: plain, level: (_level, text) => text };

/**
 * Paint for the given decision. The colour library is loaded only when colour is on, so
 * the common piped and NO_COLOR runs do not pay for it.
 */
export async function loadPaint(enabled: boolean): Promise<Paint> {
  if (!enabled) return NO_PAINT;
  const { Chalk } = await import("chalk");
  return colourPaint(new Chalk({ level: 2 }));
}

function colourPaint(chalk: ChalkInstance): Paint {
  const levelColour: Record<Level, (t: string) => string> = {
    // One blue scale for coverage; the verdict column carries the alarm colours.
    high: chalk.hex("#0072B2"), // blue
    medium: chalk.hex("#56B4E9"), // sky blue
    low: plain,
    none: chalk.dim,
    unknown: chalk.gray,
  };
  return {
    enabled: true,
    good: chalk.hex("#009E73"),
    warn: chalk.hex("#E69F00"),
    bad: chalk.hex("#D55E00"),
    dim: chalk.dim,
    bold: chalk.bold,
    level: (level, text) => levelColour[level](text),
  };
}
