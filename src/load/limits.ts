// Limits on what the loader accepts. Documented in the README ("Limits"); each limit turns
// hostile or runaway input into a finding instead of a hang or an out-of-memory crash.

/** Largest data file read (1 MiB). Parsing with source positions costs ~1 s per MB. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Most YAML files in one data folder (region plans included). */
export const MAX_FILES = 5000;
/** Most alias expansions per file; the data never needs aliases, a billion-laughs file needs millions. */
export const MAX_ALIAS_COUNT = 64;
/** Deepest nesting of maps and lists; the deepest schema needs 6 levels. */
export const MAX_NESTING = 32;
/** Most findings reported per file, so a garbage file does not bury the others. */
export const MAX_FINDINGS_PER_FILE = 50;
/** Most entries a data folder's part (the top, accords/, regions/) names one by one as not read; the rest are counted. */
export const MAX_UNREAD_NAMED = 50;
