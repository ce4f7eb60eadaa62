// What loading a data folder gives: the study (when the data has no errors), every finding,
// and the files read. Its own module so that the snapshot (src/load/studySnapshot.ts) can
// store it without importing the loader that makes it.

import type { Finding } from "../findings.js";
import type { Study } from "../model.js";

export interface LoadResult {
  /** The study, when the data has no errors. */
  study: Study | undefined;
  findings: Finding[];
  /** Paths of the files read, relative to the data folder. */
  files: string[];
}
