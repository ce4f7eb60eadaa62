// Smoke tests through the real, built bin (bin/dekking.cjs → dist/dekking.cjs): what only a
// process shows — exit codes set by src/main.ts, no stack trace on an error, colour decided
// by NO_COLOR and --color, stdout piped to another process, and `npx dekking` from the
// package. Everything else runs the CLI in-process (runInProcess in tests/helpers.ts); the
// reader that goes away (| head) and the full disk (> /dev/full) are in
// tests/hostileInput.test.ts, the report's time zones in tests/report.e2e.test.ts.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, copyFixture, MINIMAL, ROOT, runBin, tempDir } from "./helpers.js";

const ANSI = /\u001b\[/;

describe("the built bin", () => {
  it("exits 0, 1 (a check found something) and 2 (invalid data) through main.ts", () => {
    const ok = runBin(["matrix", "--data", MINIMAL]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("5 onderwerpen: 1 witte vlek, 2 mogelijke witte vlekken, 1 gedekt, 1 geen signaal.");
    const failing = runBin(["matrix", "--data", MINIMAL, "--fail-on", "white-spot"]);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain("1 topic(s) fail --fail-on white-spot: witte-plek");
    const dir = copyFixture();
    writeFileSync(path.join(dir, "rules.yaml"), "national_threshold: 2\n");
    const invalid = runBin(["matrix", "--data", dir]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain("rules.yaml:1:1  error  missing key");
  });

  it("a usage error and no command at all: exit 2, one message, no stack trace", () => {
    const unknown = runBin(["validate", "--formaat", "json"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--formaat'");
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    const none = runBin([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe("dekking: no command given\n  (try dekking matrix, or dekking --help for all commands)\n");
  });

  it("--version and --help end with exit 0 on stdout", () => {
    const version = runBin(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const help = runBin(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("matrix");
  });

  it("colour: none when piped, even without NO_COLOR; --color (over NO_COLOR) and FORCE_COLOR give it", () => {
    const piped = runBin(["matrix", "--data", MINIMAL], { env: { NO_COLOR: "" } });
    expect(piped.status).toBe(0);
    expect(piped.stdout).not.toMatch(ANSI);
    const forced = runBin(["matrix", "--data", MINIMAL, "--color"], { env: { NO_COLOR: "1" } });
    expect(forced.stdout).toMatch(ANSI);
    const fromEnv = runBin(["matrix", "--data", MINIMAL], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(fromEnv.stdout).toMatch(ANSI);
    // The text is the same once the colour is taken out.
    expect(forced.stdout.replace(/\u001b\[[0-9;]*m/g, "")).toBe(piped.stdout);
  });

  it("stdout piped into another process: the JSON arrives whole", () => {
    const node = process.execPath;
    const script = `const { spawn } = require("node:child_process");
const child = spawn(${JSON.stringify(node)}, [${JSON.stringify(BIN)}, "matrix", "--format", "json", "--data", ${JSON.stringify(MINIMAL)}], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NO_COLOR: "1", DEKKING_CACHE_DIR: "off" } });
let text = "";
child.stdout.on("data", (chunk) => (text += chunk));
child.on("close", (code) => { process.stdout.write(JSON.stringify({ code, topics: JSON.parse(text).topics.length })); });`;
    const result = spawnSync(node, ["-e", script], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ code: 0, topics: 5 });
  });

  it("npx dekking matrix runs the package's own bin", () => {
    const result = spawnSync("npx", ["--no-install", "dekking", "matrix", "--data", MINIMAL, "--format", "json"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NO_COLOR: "1", DEKKING_CACHE_DIR: "off" },
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).topics.map((t: { id: string }) => t.id)).toContain("witte-plek");
  });

  it("keeps the compiled code per command in the cache folder; a damaged or foreign file changes nothing but the time", () => {
    const cache = tempDir();
    const codeFiles = (): string[] => readdirSync(cache).filter((name) => name.startsWith("code-"));
    const run = (env: Record<string, string> = {}, extra: string[] = []): ReturnType<typeof runBin> =>
      runBin(["matrix", "--data", MINIMAL, ...extra], { env: { DEKKING_CACHE_DIR: cache, ...env } });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(codeFiles()).toEqual([expect.stringMatching(/^code-[0-9a-f]{16}-v8-.+-matrix\.cache$/)]);
    const file = path.join(cache, codeFiles()[0]!);
    const written = readFileSync(file);
    expect(written.length).toBeGreaterThan(10_000);
    // From the cache: the same output, and the file is not rewritten.
    expect(run()).toEqual(first);
    expect(readFileSync(file).equals(written)).toBe(true);
    // A flipped byte breaks the digest: the code is compiled as usual and the file written anew.
    const damaged = Buffer.from(written);
    damaged[damaged.length - 100]! ^= 0xff;
    writeFileSync(file, damaged);
    expect(run()).toEqual(first);
    expect(readFileSync(file).equals(written)).toBe(false);
    expect(readFileSync(file).subarray(0, 32).length).toBe(32);
    expect(run()).toEqual(first);
    // V8's code with bytes changed and our digest recomputed (someone or something that wrote
    // the file on purpose): V8's own checksum, which the CLI asks it to verify, rejects it
    // (without that check V8 crashes on such a file); the file is written anew.
    const payload = Buffer.from(readFileSync(file).subarray(32));
    for (let i = 100; i < payload.length; i += 997) payload[i]! ^= 0xff;
    writeFileSync(file, Buffer.concat([createHash("sha256").update(payload).digest(), payload]));
    expect(run()).toEqual(first);
    expect(readFileSync(file).subarray(32).equals(payload)).toBe(false);
    // Bytes with a right digest that V8 does not accept (not its format): rejected, rewritten.
    const junk = Buffer.alloc(4096, 7);
    writeFileSync(file, Buffer.concat([createHash("sha256").update(junk).digest(), junk]));
    expect(run()).toEqual(first);
    expect(readFileSync(file).length).toBeGreaterThan(10_000);
    // A folder where the file should be: the output is the same, and no temporary file stays.
    rmSync(file);
    mkdirSync(file);
    expect(run()).toEqual(first);
    expect(readdirSync(cache).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    // A failed run (a usage error) writes no compiled code: the next good run does.
    rmSync(file, { recursive: true });
    expect(run({}, ["--format", "nonsense"]).status).toBe(2);
    expect(codeFiles()).toEqual([]);
    // The name is the command's, also after the common options that take a value.
    expect(runBin(["--lang", "en", "--data", MINIMAL, "matrix"], { env: { DEKKING_CACHE_DIR: cache } }).status).toBe(0);
    expect(codeFiles()).toEqual([expect.stringMatching(/-matrix\.cache$/)]);
    // Off: --no-cache and DEKKING_CACHE_DIR=off write no compiled code.
    const off = tempDir();
    expect(runBin(["validate", "--data", MINIMAL, "--no-cache"], { env: { DEKKING_CACHE_DIR: off } }).status).toBe(0);
    expect(readdirSync(off)).toEqual([]);
    const offEnv = runBin(["validate", "--data", MINIMAL], { env: { DEKKING_CACHE_DIR: "off", HOME: off, XDG_CACHE_HOME: "" } });
    expect(offEnv.status, offEnv.stderr).toBe(0);
    expect(readdirSync(off)).toEqual([]);
  });
});
