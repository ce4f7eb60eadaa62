// Where dekking keeps what it may recompute: the study snapshot (load/studySnapshot.ts) and
// the compiled code of the CLI (startCli.ts). One rule for both, so one switch turns both off.

import * as path from "node:path";

/** Values of DEKKING_CACHE_DIR that turn the cache off (in any case), rather than name a folder. */
const OFF = new Set(["off", "0", "false", "no", "none"]);

/**
 * The cache folder: DEKKING_CACHE_DIR, else the user's cache folder ($XDG_CACHE_HOME or
 * ~/.cache) + /dekking; undefined (no cache) with `--no-cache` (`cache` false),
 * DEKKING_CACHE_DIR=off (or 0, false, no, none, in any case), or when there is no home folder.
 */
export function cacheDirOf(cache: boolean | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (cache === false) return undefined;
  const explicit = env.DEKKING_CACHE_DIR;
  if (explicit !== undefined && explicit !== "") return OFF.has(explicit.trim().toLowerCase()) ? undefined : explicit;
  const base = env.XDG_CACHE_HOME || (env.HOME ? path.join(env.HOME, ".cache") : undefined);
  return base ? path.join(base, "dekking") : undefined;
}
