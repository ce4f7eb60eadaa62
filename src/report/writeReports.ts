// Writes the report files atomically: every file is rendered first, then each is written
// to a temporary file beside its target and renamed into place. An error or interrupt
// before the renames leaves the previous reports untouched.

import { lstat, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { backUpFile } from "../backUpFile.js";
import { errnoCode, UsageError } from "../errors.js";

export interface ReportFile {
  name: string;
  bytes: Uint8Array;
  /** What the user should know about this file (text the PDF cannot show as written). */
  notes?: string[];
}

/** What writeReportsAtomically keeps of the files it replaces. */
export interface KeepOptions {
  /** Names of files whose present version is copied to `<name>.bak-<time>` before it is replaced. */
  backUp?: readonly string[];
  /** The time in the backups' names. */
  now?: Date;
}

/**
 * Writes every file into `outDir`, replacing all or none: each file is written to a
 * temporary name first; every target must be a regular file or absent; the files named in
 * `keep.backUp` that exist are copied to a backup first; the previous files are moved aside
 * before the new ones are renamed in, and moved back if any step fails.
 * @returns the backups made: each file's name and its backup's path
 * @throws UsageError (exit 2) saying what failed; the previous reports are then unchanged
 */
export async function writeReportsAtomically(
  outDir: string,
  files: ReportFile[],
  keep: KeepOptions = {},
): Promise<{ backups: { name: string; backup: string }[] }> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create the output folder ${outDir} (${errnoCode(error) ?? String(error)})`, "choose another folder with --out");
  }
  for (const file of files) {
    const target = path.join(outDir, file.name);
    const existing = await lstat(target).catch(() => undefined);
    if (existing && !existing.isFile()) {
      throw new UsageError(
        `cannot write ${target}: it is ${existing.isDirectory() ? "a folder" : "not a regular file"}; nothing was written`,
        "remove or rename it, or choose another folder with --out",
      );
    }
  }
  // A backup is a copy, made before anything is replaced: should the writing fail, the
  // original is back in its place and the copy is merely one file more.
  const backups: { name: string; backup: string }[] = [];
  for (const name of keep.backUp ?? []) {
    const target = path.join(outDir, name);
    if ((await lstat(target).catch(() => undefined))?.isFile()) backups.push({ name, backup: await backUpFile(target, keep.now ?? new Date()) });
  }
  const temporaries = files.map((file) => path.join(outDir, `.${file.name}.${process.pid}.tmp`));
  const asides = files.map((file) => path.join(outDir, `.${file.name}.${process.pid}.old`));
  const movedAside: number[] = [];
  const renamedIn: number[] = [];
  try {
    for (let i = 0; i < files.length; i++) await writeFile(temporaries[i]!, files[i]!.bytes);
    for (let i = 0; i < files.length; i++) {
      const target = path.join(outDir, files[i]!.name);
      try {
        await rename(target, asides[i]!);
        movedAside.push(i);
      } catch (error) {
        if (errnoCode(error) !== "ENOENT") throw error;
      }
    }
    for (let i = 0; i < files.length; i++) {
      await rename(temporaries[i]!, path.join(outDir, files[i]!.name));
      renamedIn.push(i);
    }
  } catch (error) {
    for (const i of renamedIn) await rm(path.join(outDir, files[i]!.name), { force: true }).catch(() => undefined);
    for (const i of movedAside) await rename(asides[i]!, path.join(outDir, files[i]!.name)).catch(() => undefined);
    await Promise.all(temporaries.map((t) => rm(t, { force: true })));
    const code = errnoCode(error);
    const hint =
      code === "ENOSPC"
        ? "free some disk space and run again"
        : code === "EACCES" || code === "EROFS"
          ? "make the folder writable or choose another with --out"
          : "run again; the previous reports are unchanged";
    throw new UsageError(`cannot write the reports to ${outDir} (${code ?? String(error)}); the previous reports are unchanged`, hint);
  }
  await Promise.all(movedAside.map((i) => rm(asides[i]!, { force: true })));
  return { backups };
}

/** Names of the files in `outDir` that differ from what the data gives (missing files count). */
export async function staleReports(outDir: string, files: ReportFile[]): Promise<string[]> {
  const stale: string[] = [];
  for (const file of files) {
    try {
      const onDisk = await readFile(path.join(outDir, file.name));
      if (Buffer.compare(onDisk, Buffer.from(file.bytes)) !== 0) stale.push(file.name);
    } catch {
      stale.push(file.name);
    }
  }
  return stale;
}
