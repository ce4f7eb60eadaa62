// `dekking diff --base <git-ref>`: writes the data folder as it was at a git ref into a
// folder of its own, so the loader can read it like any other data folder. git runs
// through execFile/spawn with argument lists (never a shell string), and the blobs are
// read straight from the object store, so no checkout or work-tree state is touched.

import { execFile, spawn } from "node:child_process";
import { mkdir, mkdtemp, realpath, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { UsageError } from "../errors.js";

interface GitResult {
  stdout: string;
  stderr: string;
}

class GitFailed extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly code: string | number | undefined,
  ) {
    super(`git ${args.join(" ")} failed${stderr ? `: ${stderr.trim().split("\n")[0]}` : ""}`);
    this.name = "GitFailed";
  }
}

/** Literal pathspecs: a data folder named like `:(glob)x` is a folder name, not pathspec magic. */
const GIT_PREFIX = ["--literal-pathspecs"];

function runGit(args: string[], env: NodeJS.ProcessEnv): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      [...GIT_PREFIX, ...args],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...env, GIT_TERMINAL_PROMPT: "0" } },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "ENOENT") {
            reject(
              new UsageError(
                "git is not installed (or not on the PATH)",
                "install git, or compare two data folders instead: dekking diff <old-data-dir> [new-data-dir]",
              ),
            );
            return;
          }
          reject(new GitFailed(args, stderr, code));
          return;
        }
        resolve({ stdout, stderr });
      },
    );
  });
}

function gitMessage(error: unknown): string {
  return error instanceof GitFailed && error.stderr.trim() !== "" ? error.stderr.trim().split("\n")[0]! : "";
}

/**
 * git refuses a repository another user owns ("dubious ownership") and says how to allow
 * it; that fix is the useful part, so it is kept whole.
 */
function dubiousOwnership(error: unknown): UsageError | undefined {
  if (!(error instanceof GitFailed) || !/dubious ownership/i.test(error.stderr)) return undefined;
  const fix = /git config --global --add safe\.directory \S+/.exec(error.stderr)?.[0];
  const where = /dubious ownership in repository at '([^']*)'/.exec(error.stderr)?.[1];
  return new UsageError(
    `git refuses to read the repository${where ? ` at ${where}` : ""}: it belongs to another user ("dubious ownership")`,
    `if you trust it, allow it with: ${fix ?? "git config --global --add safe.directory <the repository folder>"} (in a container, or run dekking as the repository's owner)`,
  );
}

/** True when the clone has only part of the history (a CI checkout with depth 1). */
async function isShallow(top: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    const { stdout } = await runGit(["-C", top, "rev-parse", "--is-shallow-repository"], env);
    return stdout.trim() === "true";
  } catch {
    return false;
  }
}

/**
 * The top folder of the repository `dir` is in (real path, as git reports it). git runs with
 * `env` (the command's environment: HOME and GIT_CONFIG_* decide which configuration it reads).
 */
export async function gitTopLevel(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new UsageError(`${dir} is not a folder`, "pass the folder of the data or of the repository");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${dir} does not exist`, "pass the folder of the data or of the repository");
  }
  try {
    const { stdout } = await runGit(["-C", dir, "rev-parse", "--show-toplevel"], env);
    const top = stdout.trim();
    if (top === "") throw new GitFailed(["rev-parse", "--show-toplevel"], "not in a work tree", undefined);
    return top;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const dubious = dubiousOwnership(error);
    if (dubious) throw dubious;
    const detail = gitMessage(error);
    throw new UsageError(
      `${dir} is not in a git repository${detail ? ` (git: ${detail})` : ""}`,
      "run dekking diff --base inside a clone of the repository, or compare two data folders: dekking diff <old-data-dir> [new-data-dir]",
    );
  }
}

/** The commit a ref names; refuses refs that git would read as options. */
async function resolveCommit(top: string, ref: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (ref === "" || ref.startsWith("-") || /[\p{Cc}\s]/u.test(ref)) {
    throw new UsageError(`"${ref}" is not a git ref`, "give a branch, tag or commit, e.g. --base HEAD or --base main");
  }
  try {
    const { stdout } = await runGit(["-C", top, "rev-parse", "--verify", "--quiet", `${ref}^{commit}`], env);
    const commit = stdout.trim();
    if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new GitFailed(["rev-parse"], "", undefined);
    return commit;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const dubious = dubiousOwnership(error);
    if (dubious) throw dubious;
    if (await isShallow(top, env)) {
      throw new UsageError(
        `the git ref "${ref}" is not in this clone: its history is shallow (only the latest commits were fetched, as CI checkouts do)`,
        `fetch the history first: git fetch --depth=50 (or git fetch --unshallow for all of it); in GitHub Actions, set fetch-depth: 0 on actions/checkout`,
      );
    }
    throw new UsageError(
      `the git ref "${ref}" does not exist in ${top}`,
      "give a branch, tag or commit that exists (git log --oneline lists commits; a fresh repository has no HEAD until the first commit)",
    );
  }
}

/** The data folder as a path relative to the repository's top, with forward slashes ("" for the top itself). */
async function pathInRepo(top: string, dataDirInRepo: string): Promise<string> {
  let relative = dataDirInRepo;
  if (path.isAbsolute(dataDirInRepo)) {
    // git reports the real path of the top; compare real paths so a link in the path (/tmp → /private/tmp) does not matter.
    const real = await realpath(dataDirInRepo).catch(() => path.resolve(dataDirInRepo));
    relative = path.relative(top, real);
  }
  const posix = relative
    .split(path.sep)
    .join("/")
    .replace(/^\.\/+/, "")
    .replace(/\/+$/, "");
  const normal = posix === "" || posix === "." ? "" : path.posix.normalize(posix);
  if (normal === ".." || normal.startsWith("../") || path.posix.isAbsolute(normal)) {
    throw new UsageError(
      `the data folder ${dataDirInRepo} is outside the repository ${top}`,
      "pass a data folder inside the repository, or compare two data folders: dekking diff <old-data-dir> [new-data-dir]",
    );
  }
  return normal === "." ? "" : normal;
}

interface TreeEntry {
  mode: string;
  type: string;
  oid: string;
  file: string;
}

async function listTree(top: string, commit: string, folder: string, env: NodeJS.ProcessEnv): Promise<TreeEntry[]> {
  const args = ["-C", top, "ls-tree", "-r", "-z", "--full-tree", commit];
  if (folder !== "") args.push("--", folder);
  const { stdout } = await runGit(args, env);
  const entries: TreeEntry[] = [];
  for (const record of stdout.split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("\t");
    const [mode, type, oid] = record.slice(0, tab).split(" ");
    const file = record.slice(tab + 1);
    if (!mode || !type || !oid) continue;
    if (folder === "" || file.startsWith(`${folder}/`)) entries.push({ mode, type, oid, file });
  }
  return entries;
}

/** Reads blobs through one `git cat-file --batch` process, in the order asked. */
function readBlobs(top: string, oids: string[], env: NodeJS.ProcessEnv): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", [...GIT_PREFIX, "-C", top, "cat-file", "--batch"], { stdio: ["pipe", "pipe", "pipe"], env });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new GitFailed(["cat-file", "--batch"], stderr, code ?? undefined));
        return;
      }
      const output = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let position = 0;
      for (const oid of oids) {
        const end = output.indexOf(0x0a, position);
        const header = output.subarray(position, end).toString("utf8");
        const [gotOid, type, size] = header.split(" ");
        if (end < 0 || gotOid !== oid || type !== "blob" || size === undefined) {
          reject(new GitFailed(["cat-file", "--batch"], `unexpected answer for ${oid}: ${header}`, undefined));
          return;
        }
        const start = end + 1;
        blobs.push(output.subarray(start, start + Number(size)));
        position = start + Number(size) + 1;
      }
      resolve(blobs);
    });
    child.stdin.on("error", reject);
    child.stdin.end(oids.map((oid) => `${oid}\n`).join(""));
  });
}

/**
 * Writes the files of `dataDirInRepo` as they were at `ref` into `targetDir` (created if
 * missing), keeping the folder structure below the data folder. `dataDirInRepo` is relative
 * to the repository's top folder, or absolute. git runs with `env` (see gitTopLevel).
 */
export async function exportDataAtRef(
  repoDir: string,
  ref: string,
  dataDirInRepo: string,
  targetDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ folder: string }> {
  const top = await gitTopLevel(repoDir, env);
  const commit = await resolveCommit(top, ref, env);
  const folder = await pathInRepo(top, dataDirInRepo);
  const shown = folder === "" ? "the repository's top folder" : `${folder}/`;

  try {
    const { stdout } = await runGit(["-C", top, "cat-file", "-t", folder === "" ? `${commit}^{tree}` : `${commit}:${folder}`], env);
    if (stdout.trim() !== "tree") throw new GitFailed(["cat-file"], "not a tree", undefined);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `the data folder ${shown} did not exist at ${ref}`,
      `pick a ref where it exists (git log --oneline -- ${folder || "."} lists the commits that touched it)`,
    );
  }

  let entries: TreeEntry[];
  try {
    entries = await listTree(top, commit, folder, env);
  } catch (error) {
    throw new UsageError(
      `cannot list ${shown} at ${ref}${gitMessage(error) ? ` (git: ${gitMessage(error)})` : ""}`,
      "check that the repository is not damaged (git fsck)",
    );
  }
  const unusual = entries.find((e) => e.type !== "blob" || e.mode === "120000");
  if (unusual) {
    throw new UsageError(
      `${unusual.file} is a ${unusual.mode === "120000" ? "symbolic link" : unusual.type} at ${ref}; only regular files can be compared`,
      "compare two data folders instead: dekking diff <old-data-dir> [new-data-dir]",
    );
  }

  let blobs: Buffer[];
  try {
    blobs = await readBlobs(
      top,
      entries.map((e) => e.oid),
      env,
    );
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot read ${shown} at ${ref}${gitMessage(error) ? ` (git: ${gitMessage(error)})` : ""}`,
      "check that the repository is not damaged (git fsck)",
    );
  }

  const root = path.resolve(targetDir);
  await mkdir(root, { recursive: true });
  for (const [i, entry] of entries.entries()) {
    const inside = folder === "" ? entry.file : entry.file.slice(folder.length + 1);
    const target = path.resolve(root, ...inside.split("/"));
    const relative = path.relative(root, target);
    // git refuses `..` in tree entries; this guard keeps the promise even for a crafted repository.
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
      throw new UsageError(`${entry.file} at ${ref} would be written outside ${root}`, "the repository holds a path that cannot be exported");
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, blobs[i]!);
  }
  return { folder };
}

/**
 * Runs `use` on a temporary copy of the data folder as it was at `ref`, and removes the
 * copy afterwards, whatever happens. git runs with `env` (the command's environment, see gitTopLevel).
 * @throws UsageError when git, the ref or the folder cannot be used (see exportDataAtRef)
 */
export async function withDataAtRef<T>(
  dataDir: string,
  ref: string,
  use: (exportedDir: string, displayPath: (file: string) => string) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const scratch = await mkdtemp(path.join(tmpdir(), "dekking-diff-"));
  try {
    const exported = path.join(scratch, "data");
    const { folder } = await exportDataAtRef(dataDir, ref, dataDir, exported, env);
    // The copy is deleted afterwards: findings name the file as git does, REF:folder/file.
    return await use(exported, (file) => `${ref}:${folder === "" ? "" : `${folder}/`}${file === "." ? "" : file}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
