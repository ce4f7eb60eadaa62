// Errors the CLI maps to exit codes at the top level. Deeper code throws these; nothing
// below the CLI calls process.exit.

/** Bad command-line use or data that cannot be used: exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_INVALID = 2;

/** The `code` of a Node system error (`ENOENT`, `EEXIST`, …), or undefined for any other value. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}
