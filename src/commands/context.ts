// What every command shares: the I/O it may use, the common options (declared once, in
// cli.ts), and the steps from options to a loaded study. Commands return an Outcome; the
// entry point maps outcomes and errors to exit codes.

import * as path from "node:path";
import { cacheDirOf } from "../cacheDir.js";
import { UsageError } from "../errors.js";
import { PACKAGE_ROOT } from "../packageRoot.js";
import { hasErrors } from "../findings.js";
import { loadStudy, type LoadOptions, type LoadResult } from "../loadStudy.js";
import type { Study } from "../model.js";
import type { Section } from "../document/blocks.js";
import { colorWanted, loadPaint, type Paint } from "../render/paint.js";
import { renderFindingsStylish } from "../render/renderFindings.js";
import { terminalLine } from "../render/escape/terminal.js";
import { usableWidth } from "../render/widthLimits.js";

/** The package's own data folder: the shipped study. */
export const DEFAULT_DATA_DIR = path.join(PACKAGE_ROOT, "data");

/** Everything a command may touch outside its arguments: streams, environment, terminal. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** True when stderr is a terminal (progress lines go there). */
  stderrIsTTY?: boolean;
  /** Columns of the terminal stdout is, if it is one. */
  columns: number | undefined;
  cwd: string;
}

/** Options every command accepts, before or after the command name. */
export interface CommonOptions {
  data?: string;
  lang: "nl" | "en";
  color?: boolean;
  /** False with --no-cache. */
  cache?: boolean;
}

/**
 * What a command reports back: `ok` (exit 0), `check-failed` (exit 1: a check the user
 * asked for found something; its explanation has been printed), `invalid` (exit 2: invalid
 * data, its findings printed). Usage errors are thrown as UsageError.
 */
export type Outcome = "ok" | "check-failed" | "invalid";

/** Thrown where a command cannot go on because the data is invalid (findings printed). */
export class InvalidData extends Error {
  constructor() {
    super("invalid data");
    this.name = "InvalidData";
  }
}

/** Where the study snapshot is kept (src/load/studySnapshot.ts): see cacheDirOf. */
export function cacheDirFor(options: CommonOptions, env: NodeJS.ProcessEnv): string | undefined {
  return cacheDirOf(options.cache, env);
}

/** The data folder the options name (relative to the working folder), or the shipped study. */
export function dataDirOf(options: CommonOptions, io: Io): string {
  if (options.data === undefined) return DEFAULT_DATA_DIR;
  if (options.data.trim() === "") throw new UsageError("--data needs a folder, got an empty value", "leave --data out to use the shipped study");
  return path.resolve(io.cwd, options.data);
}

/** Turns a data-relative file name into what the user should see: relative to cwd where short. */
export function displayPathFor(dataDir: string, io: Io): (file: string) => string {
  return (file) => {
    const absolute = path.join(dataDir, file);
    const relative = path.relative(io.cwd, absolute);
    return relative.startsWith(`..${path.sep}..`) || path.isAbsolute(relative) ? absolute : relative || ".";
  };
}

/** Shows a folder relative to the working folder where it lies inside it. */
export function displayDir(dir: string, io: Io): string {
  const relative = path.relative(io.cwd, dir);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? dir : relative;
}

/** Colour for stdout as the options, the environment and the terminal decide (see colorWanted). */
export function paintFor(options: CommonOptions, io: Io): Promise<Paint> {
  return loadPaint(colorWanted(options.color, io.env, io.isTTY));
}

/**
 * Width for terminal output: COLUMNS, else the terminal's, else 120; never below
 * MIN_WIDTH or above MAX_WIDTH, so COLUMNS=0, 2 or a huge number still give a sane table.
 */
export function terminalWidth(io: Io): number {
  const raw = io.env.COLUMNS?.trim();
  const fromEnv = raw && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (fromEnv > 0) return usableWidth(fromEnv);
  return usableWidth(io.columns && io.columns > 0 ? io.columns : 120);
}

/** Loads and validates the data named by the options (no printing). */
export async function loadFor(options: CommonOptions, io: Io, extra: Omit<LoadOptions, "cacheDir"> = {}): Promise<{ load: LoadResult; dataDir: string }> {
  const dataDir = dataDirOf(options, io);
  const cacheDir = cacheDirFor(options, io.env);
  const load = await loadStudy(dataDir, { ...extra, ...(cacheDir ? { cacheDir } : {}) });
  return { load, dataDir };
}

/** Loads the study, or prints its findings to stderr and throws InvalidData (exit 2). */
export async function requireStudy(
  options: CommonOptions,
  io: Io,
  displayPath?: (file: string) => string,
): Promise<{ study: Study; load: LoadResult; dataDir: string }> {
  const { load, dataDir } = await loadFor(options, io);
  if (!load.study || hasErrors(load.findings)) {
    const problems = load.findings.filter((f) => f.severity !== "info");
    const paint = await loadPaint(colorWanted(options.color, io.env, false));
    io.stderr(renderFindingsStylish({ findings: problems, fileCount: load.files.length, displayPath: displayPath ?? displayPathFor(dataDir, io) }, paint));
    throw new InvalidData();
  }
  // Warnings do not stop an analysis, but one can mean a file was left out (a plan named
  // x.YAML): one line on stderr says so, and where to read them.
  const warnings = load.findings.filter((f) => f.severity === "warning").length;
  if (warnings > 0) {
    const data = dataDir === DEFAULT_DATA_DIR ? "" : ` --data ${terminalLine(displayPathFor(dataDir, io)("."))}`;
    io.stderr(`dekking: ${warnings === 1 ? "1 warning" : `${warnings} warnings`} about the data (dekking validate${data} lists them)\n`);
  }
  return { study: load.study, load, dataDir };
}

/**
 * Prints sections of the report document in the format asked for: Markdown (each section's
 * title a heading of `markdownLevel`) or terminal text to the terminal's width.
 */
export async function printSections(sections: readonly Section[], options: CommonOptions & { format: string }, io: Io, markdownLevel = 2): Promise<void> {
  if (options.format === "markdown") {
    const { emitMarkdownSections } = await import("../render/report/markdown.js");
    io.stdout(emitMarkdownSections(sections, markdownLevel));
    return;
  }
  const [{ emitTerminalSections }, paint] = await Promise.all([import("../render/report/terminal.js"), paintFor(options, io)]);
  io.stdout(emitTerminalSections(sections, { paint, width: terminalWidth(io) }));
}
