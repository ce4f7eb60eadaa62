// `dekking init`: writes a new, empty study into a folder. Never overwrites a file: a
// non-empty folder is refused unless forced, and even then no file that exists is replaced
// (every target is checked before the first is written).

import { mkdir, open, readdir, readFile, stat } from "node:fs/promises";
import * as path from "node:path";
import { errnoCode, UsageError } from "../errors.js";
import { PACKAGE_ROOT } from "../packageRoot.js";
import { fillRules, fillTemplate, studyIdOf, TEMPLATE_FILES, type StudyFileText } from "./studyTemplate.js";

export interface CreateStudyOptions {
  /** The folder to create the study in (absolute). */
  dir: string;
  title: string;
  /** Language of the comments and the README. */
  lang: "nl" | "en";
  /** The study's date (YYYY-MM-DD). */
  date: string;
  /** Write into a folder that already holds files (never over one of them). */
  force: boolean;
}

/** A path relative to `from`, with forward slashes (as the yaml-language-server line wants it). */
function relativePath(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join("/") || ".";
}

/**
 * The files of the new study, from the package's templates and its default rules.
 * @throws UsageError when the package's templates cannot be read (a damaged install)
 */
export async function studyFiles(options: Omit<CreateStudyOptions, "force">): Promise<StudyFileText[]> {
  const schemas = path.join(PACKAGE_ROOT, "schemas");
  const values = {
    title: options.title,
    id: studyIdOf(options.title),
    date: options.date,
    schemas: relativePath(options.dir, schemas),
    schemasUp: relativePath(path.join(options.dir, "accords"), schemas),
  };
  const read = async (file: string): Promise<string> => {
    try {
      return await readFile(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file} of the installed dekking (${errnoCode(error) ?? "error"})`, "reinstall dekking");
    }
  };
  const files: StudyFileText[] = [];
  for (const file of TEMPLATE_FILES) {
    const template = await read(path.join(PACKAGE_ROOT, "templates", "init", options.lang, ...file.split("/")));
    files.push({ path: file, text: fillTemplate(file, template, values) });
  }
  files.push({ path: "rules.yaml", text: fillRules(await read(path.join(PACKAGE_ROOT, "data", "rules.yaml")), values) });
  return files;
}

/**
 * Creates the study's folder (and its parents) and writes its files, each created exclusively.
 * @returns the files written, relative to the folder
 * @throws UsageError when the folder is a file, is not empty (without force), holds one of the
 *   files (with force), or cannot be written; nothing is written then
 */
export async function createStudy(options: CreateStudyOptions): Promise<string[]> {
  const files = await studyFiles(options);
  const info = await stat(options.dir).catch((error: unknown) => {
    if (errnoCode(error) === "ENOENT") return undefined;
    throw new UsageError(`cannot look at ${options.dir} (${errnoCode(error) ?? "error"})`, "check the path and its permissions");
  });
  if (info && !info.isDirectory())
    throw new UsageError(`${options.dir} is a file, not a folder; nothing was written`, "give the path of a new or empty folder");
  if (info) {
    const entries = await readdir(options.dir);
    if (entries.length > 0 && !options.force)
      throw new UsageError(
        `${options.dir} is not empty (${entries.length} ${entries.length === 1 ? "entry" : "entries"}); nothing was written`,
        "give a new or empty folder, or add --force to add the study's files beside what is there (no file is ever replaced)",
      );
    const present: string[] = [];
    for (const file of files) {
      const exists = await stat(path.join(options.dir, ...file.path.split("/"))).then(
        () => true,
        () => false,
      );
      if (exists) present.push(file.path);
    }
    if (present.length > 0)
      throw new UsageError(`${options.dir} already holds ${present.join(", ")}; nothing was written`, "init never replaces a file: give a new or empty folder");
  }
  const written: string[] = [];
  for (const file of files) {
    const target = path.join(options.dir, ...file.path.split("/"));
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // "wx": fails rather than replace a file that appeared meanwhile.
      const handle = await open(target, "wx");
      try {
        await handle.writeFile(file.text, "utf8");
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw new UsageError(
        `cannot write ${target} (${errnoCode(error) ?? "error"})${written.length > 0 ? `; already written: ${written.join(", ")}` : ""}`,
        "check that you may write in the folder",
      );
    }
    written.push(file.path);
  }
  return written;
}
