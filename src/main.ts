// Process entry: real stdout/stderr, exit codes, and no stack traces unless DEKKING_DEBUG=1.

import { runCli } from "./cli.js";

function write(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    stream.write(text);
  };
}

async function main(): Promise<void> {
  try {
    const code = await runCli(process.argv.slice(2), {
      stdout: write(process.stdout),
      stderr: write(process.stderr),
      env: process.env,
      isTTY: Boolean(process.stdout.isTTY),
      columns: process.stdout.columns,
      cwd: process.cwd(),
    });
    process.exitCode = code;
  } catch (error) {
    if (process.env.DEKKING_DEBUG === "1") {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`dekking: unexpected error: ${message}\n  (run with DEKKING_DEBUG=1 for details, and please report it)\n`);
    }
    process.exitCode = 2;
  }
}

void main();
