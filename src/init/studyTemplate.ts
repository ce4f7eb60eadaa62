// The files of a new, empty study (`dekking init`), filled in from the templates the package
// ships in templates/init/<lang>/: a study.yaml with an empty document register and an empty
// vocabulary, empty topics and interviews, one commented template for an accord and one for
// a region plan, a README that says what to fill in first, and the shipped default rules.
// Every example in them is a comment, so the new study validates and runs as it is and holds
// no fact that nobody wrote down. Pure: createStudy.ts reads the templates and writes.

/** The template files, relative to templates/init/<lang>/ and to the new study's folder. */
export const TEMPLATE_FILES = ["study.yaml", "topics.yaml", "interviews.yaml", "accords/TEMPLATE.yaml.txt", "regions/TEMPLATE.yaml.txt", "README.md"] as const;

/** One file of the new study: its path relative to the study's folder (forward slashes) and its text. */
export interface StudyFileText {
  path: string;
  text: string;
}

export interface StudyTemplateValues {
  /** The study's title, as given with --title. */
  title: string;
  /** The study's id: lowercase kebab-case. */
  id: string;
  /** The study's date (YYYY-MM-DD). */
  date: string;
  /** Path from the study's folder to the package's schemas/ folder, forward slashes. */
  schemas: string;
  /** The same from a folder one level down (accords/, regions/). */
  schemasUp: string;
}

/** A study id from a title: lowercase kebab-case of its letters and digits, at most 60 characters. */
export function studyIdOf(title: string): string {
  const id = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return id === "" ? "nieuwe-studie" : id;
}

/**
 * One template with its placeholders filled in: `{{id}}`, `{{date}}`, `{{schemas}}`,
 * `{{schemas-up}}` and `{{title}}` (a YAML double-quoted string in a .yaml file, one line
 * elsewhere).
 */
export function fillTemplate(file: string, template: string, values: StudyTemplateValues): string {
  const title = values.title.replace(/\s+/g, " ").trim();
  const fills: Record<string, string> = {
    "id": values.id,
    "date": values.date,
    "schemas": values.schemas,
    "schemas-up": values.schemasUp,
    // JSON's string escapes are YAML's double-quoted ones.
    "title": file.endsWith(".yaml") ? JSON.stringify(title) : title,
  };
  return template.replace(/\{\{([a-z-]+)\}\}/g, (whole, name: string) => fills[name] ?? whole);
}

/** The default rules file with its schema line pointing at the package's schemas from the new folder. */
export function fillRules(rules: string, values: StudyTemplateValues): string {
  const text = rules.replace(/^# yaml-language-server: \$schema=\S*$/m, `# yaml-language-server: $schema=${values.schemas}/rules.schema.json`);
  return text.endsWith("\n") ? text : `${text}\n`;
}
