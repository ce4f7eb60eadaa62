// Writes the report files atomically: every file is rendered first, then each is written
// to a temporary file beside its target and renamed into place. An error or interrupt
// before the renames leaves the previous reports untouched.

import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { UsageError } from "../errors.js";

export interface ReportFile {
  name: string;
  bytes: Uint8Array;
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

export async function writeReportsAtomically(outDir: string, files: ReportFile[]): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create the output folder ${outDir} (${errnoCode(error) ?? String(error)})`, "choose another folder with --out");
  }
  const temporaries: string[] = [];
  try {
    for (const file of files) {
      const temporary = path.join(outDir, `.${file.name}.${process.pid}.tmp`);
      temporaries.push(temporary);
      await writeFile(temporary, file.bytes);
    }
    for (let i = 0; i < files.length; i++) await rename(temporaries[i]!, path.join(outDir, files[i]!.name));
  } catch (error) {
    await Promise.all(temporaries.map((t) => rm(t, { force: true })));
    const code = errnoCode(error);
    const hint = code === "ENOSPC" ? "free some disk space and run again" : code === "EACCES" || code === "EROFS" ? "make the folder writable or choose another with --out" : "run again; the previous reports are unchanged";
    throw new UsageError(`cannot write the reports to ${outDir} (${code ?? String(error)}); the previous reports are unchanged`, hint);
  }
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
