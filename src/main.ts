// Process entry: real stdout/stderr, exit codes, and no stack traces unless DEKKING_DEBUG=1.
// This is also the one place that turns errors of the output streams into exit codes: a
// reader that goes away (`| head`) ends the output quietly; a disk that is full or fails
// (`> /dev/full`) is a one-line error and exit 2.

import { runCli } from "./cli.js";

/** Errors of writing stdout that mean "the reader has gone": stop writing, quietly. */
const READER_GONE = new Set(["EPIPE", "ERR_STREAM_DESTROYED", "ERR_STREAM_WRITE_AFTER_END"]);

const WRITE_FAILURES: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EIO: "an input/output error of the device",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file grew too large",
  EBADF: "the output is closed",
  EACCES: "no permission to write",
};

interface OutputState {
  /** Set once stdout cannot take more text; later writes are dropped. */
  stopped: boolean;
  /** A write failure to report, with exit 2. */
  failure?: string;
}

function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
}

function outputFailed(state: OutputState, error: unknown): void {
  if (state.stopped) return;
  state.stopped = true;
  const code = errorCode(error);
  if (READER_GONE.has(code)) return;
  state.failure = `cannot write the output: ${WRITE_FAILURES[code] ?? "the write failed"}${code ? ` (${code})` : ""}`;
  process.stderr.write(`dekking: ${state.failure}\n  (free space or write the output elsewhere, e.g. > another-folder/file)\n`);
  process.exitCode = 2;
}

function writer(stream: NodeJS.WriteStream, state: OutputState): (text: string) => void {
  return (text) => {
    if (state.stopped) return;
    try {
      stream.write(text);
    } catch (error) {
      outputFailed(state, error);
    }
  };
}

async function main(): Promise<void> {
  const stdout: OutputState = { stopped: false };
  const stderr: OutputState = { stopped: false };
  process.stdout.on("error", (error) => outputFailed(stdout, error));
  // Nothing can be said about an error of stderr itself: stop writing to it.
  process.stderr.on("error", () => {
    stderr.stopped = true;
  });
  try {
    const code = await runCli(process.argv.slice(2), {
      stdout: writer(process.stdout, stdout),
      stderr: writer(process.stderr, stderr),
      env: process.env,
      isTTY: Boolean(process.stdout.isTTY),
      stderrIsTTY: Boolean(process.stderr.isTTY),
      columns: process.stdout.columns,
      cwd: process.cwd(),
    });
    process.exitCode = stdout.failure ? 2 : code;
  } catch (error) {
    if (stdout.failure) {
      process.exitCode = 2;
      return;
    }
    if (process.env.DEKKING_DEBUG === "1") {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    } else {
      const message = (error instanceof Error ? error.message : String(error)).replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "\uFFFD");
      process.stderr.write(`dekking: unexpected error: ${message}\n  (run with DEKKING_DEBUG=1 for details, and please report it)\n`);
    }
    process.exitCode = 2;
  }
}

void main();
