// A copy of a file about to be replaced, beside it: what `region add --force`, `source add
// --force` and `report --force` keep of the user's file.

import { constants } from "node:fs";
import { copyFile } from "node:fs/promises";
import { errnoCode, UsageError } from "./errors.js";

function timestamp(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/**
 * Copies `target` to the first free `<target>.bak-<timestamp>[-n]` (local time, to the
 * second); never replaces an earlier backup.
 * @throws UsageError when the copy cannot be made
 */
export async function backUpFile(target: string, now: Date): Promise<string> {
  const base = `${target}.bak-${timestamp(now)}`;
  for (let n = 0; n < 1000; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`;
    try {
      await copyFile(target, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if (errnoCode(error) !== "EEXIST") {
        const code = errnoCode(error) ?? (error instanceof Error ? error.message : String(error));
        throw new UsageError(`cannot back up ${target} (${code})`, "check that the folder exists and that you may write in it");
      }
    }
  }
  throw new UsageError(`cannot back up ${target}: 1000 backups from the same second exist`, "remove old .bak files");
}
