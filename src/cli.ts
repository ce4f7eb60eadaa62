// The command line: registers the commands of src/commands/ and maps their outcomes and
// errors to exit codes. No orchestration, analysis or formatting happens here.

import { Command, CommanderError, Option } from "commander";
import { declareAgreement, runAgreement } from "./commands/agreement.js";
import { declareDiff, runDiff } from "./commands/diff.js";
import { declareExplain, runExplain } from "./commands/explain.js";
import { declareInit, runInit } from "./commands/init.js";
import { declareMatrix, runMatrix } from "./commands/matrix.js";
import { declarePersona, runPersona } from "./commands/persona.js";
import { declareRegionAdd, runRegionAdd } from "./commands/regionAdd.js";
import { declareRegionShow, runRegionShow } from "./commands/regionShow.js";
import { declareRegions, runRegions } from "./commands/regions.js";
import { declareReport, runReport } from "./commands/report.js";
import { declareScreen, runScreen } from "./commands/screen.js";
import { declareSummary, runSummary } from "./commands/summary.js";
import { declareSensitivity, runSensitivity } from "./commands/sensitivity.js";
import { declareSourceAdd, runSourceAdd } from "./commands/sourceAdd.js";
import { declareTimeline, runTimeline } from "./commands/timeline.js";
import { declareValidate, runValidate } from "./commands/validate.js";
import { InvalidData, type Io, type Outcome } from "./commands/context.js";
import { EXIT_CHECK_FAILED, EXIT_INVALID, EXIT_OK, UsageError } from "./errors.js";
import { TOOL_VERSION } from "./version.js";
import { terminalLine, terminalText } from "./render/escape/terminal.js";

export type { Io } from "./commands/context.js";

interface CommandEntry {
  /** The command's words: ["matrix"], ["region", "add"]. */
  name: string[];
  declare: (command: Command) => Command;
  /** Names under which the positional arguments reach `run`, in order. */
  positional: string[];
  // Each run function takes its own options type; the entry point only passes what commander parsed.
  run: (options: never, io: Io) => Promise<Outcome>;
}

const COMMANDS: CommandEntry[] = [
  { name: ["init"], declare: declareInit, positional: ["dir"], run: runInit },
  { name: ["validate"], declare: declareValidate, positional: [], run: runValidate },
  { name: ["matrix"], declare: declareMatrix, positional: [], run: runMatrix },
  { name: ["explain"], declare: declareExplain, positional: ["topic"], run: runExplain },
  { name: ["report"], declare: declareReport, positional: [], run: runReport },
  { name: ["region", "add"], declare: declareRegionAdd, positional: ["name"], run: runRegionAdd },
  { name: ["region", "show"], declare: declareRegionShow, positional: ["region"], run: runRegionShow },
  { name: ["source", "add"], declare: declareSourceAdd, positional: ["file"], run: runSourceAdd },
  { name: ["regions"], declare: declareRegions, positional: [], run: runRegions },
  { name: ["diff"], declare: declareDiff, positional: ["oldData", "newData"], run: runDiff },
  { name: ["screen"], declare: declareScreen, positional: ["topic"], run: runScreen },
  { name: ["timeline"], declare: declareTimeline, positional: ["topics"], run: runTimeline },
  { name: ["agreement"], declare: declareAgreement, positional: ["a", "b"], run: runAgreement },
  { name: ["persona"], declare: declarePersona, positional: ["persona"], run: runPersona },
  { name: ["summary"], declare: declareSummary, positional: [], run: runSummary },
  { name: ["sensitivity"], declare: declareSensitivity, positional: ["topics"], run: runSensitivity },
];

const EXIT_CODES: Record<Outcome, number> = { "ok": EXIT_OK, "check-failed": EXIT_CHECK_FAILED, "invalid": EXIT_INVALID };

/** The options every command accepts; declared on the program, so they work before and after the command name. */
function declareCommonOptions(program: Command): Command {
  return program
    .option("--data <dir>", "data folder (default: the shipped study)")
    .addOption(new Option("--lang <lang>", "language of fixed labels").choices(["nl", "en"]).default("nl"))
    .option("--color", "force colour")
    .option("--no-color", "no colour (NO_COLOR is honoured too)")
    .option("--no-cache", "parse and validate every file again instead of using the study snapshot of unchanged data");
}

function buildProgram(io: Io, outcome: { value: Outcome }): Command {
  const program = declareCommonOptions(new Command("dekking"))
    .description(
      "Coverage of Dutch care-policy accords, region plans and interview themes: where do needs of older people living at home go uncovered (witte vlekken)?",
    )
    .version(TOOL_VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // commander's own messages (an unknown option, a value not among the choices) echo the
      // argument as given: escaped like data text, and said the way the tool says its errors.
      outputError: (message, write) => write(`dekking: ${terminalText(message.replace(/^error: /, ""))}`),
    });
  const groups = new Map<string, Command>();
  for (const entry of COMMANDS) {
    let parent = program;
    for (const word of entry.name.slice(0, -1)) {
      let group = groups.get(word);
      if (!group) {
        group = program.command(word).description(`work with ${word} files`);
        groups.set(word, group);
      }
      parent = group;
    }
    entry.declare(parent.command(entry.name.at(-1)!)).action(async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const options: Record<string, unknown> = { ...command.optsWithGlobals() };
      entry.positional.forEach((name, i) => {
        if (args[i] !== undefined) options[name] = args[i];
      });
      outcome.value = await entry.run(options as never, io);
    });
  }
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  if (argv.length === 0) {
    io.stderr(`dekking: no command given\n  (try dekking matrix, or dekking --help for all commands)\n`);
    return EXIT_INVALID;
  }
  const outcome: { value: Outcome } = { value: "ok" };
  const program = buildProgram(io, outcome);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT_CODES[outcome.value];
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help the user asked for, and the version, end well; help shown because a command is missing does not.
      return error.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
    }
    if (error instanceof InvalidData) return EXIT_INVALID;
    if (error instanceof UsageError) {
      // A usage message may echo an argument or a file name: escaped like data text.
      io.stderr(`dekking: ${terminalLine(error.message)}${error.hint ? `\n  (${terminalLine(error.hint)})` : ""}\n`);
      return EXIT_INVALID;
    }
    throw error;
  }
}
