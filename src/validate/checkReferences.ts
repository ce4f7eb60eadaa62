// Checks what a schema cannot: that ids are unique across files and that every reference
// (topic, accord, action line, respondent group, region) points at something that exists.

import { closestMatch } from "../didYouMean.js";
import { pointerOf } from "../load/locate.js";
import type {
  Accord,
  Connection,
  Disposition,
  Interviews,
  Page,
  Personas,
  ReferenceEntry,
  RegionPlan,
  RegionSample,
  Rules,
  StudyFile,
  Topic,
  TopicScreening,
} from "../model.js";
import { pageRange, topicLinkId } from "../model.js";
import type { FindingParams, PendingFinding } from "../findings.js";
import type { Entity, VocabularyList } from "../messages/findings.js";

export interface ParsedData {
  study: { file: string; value: StudyFile };
  topics: { file: string; value: { topics: Topic[] } };
  rules: { file: string; value: Rules };
  accords: { file: string; value: Accord }[];
  connections?: { file: string; value: { connections: Connection[] } };
  interviews?: { file: string; value: Interviews };
  sample?: { file: string; value: RegionSample };
  plans: { file: string; value: RegionPlan }[];
  reference?: { file: string; value: { conclusions: Record<string, ReferenceEntry> } };
  dispositions?: { file: string; value: { dispositions: Record<string, Disposition> } };
  screening?: { file: string; value: { topics: Record<string, TopicScreening> } };
  personas?: { file: string; value: Personas };
}

/**
 * An unknown-ref finding: `value` names no `what` among `known` (with the closest one as a suggestion).
 * @param context where the reference stands, when the hint depends on it
 */
export function unknownRef(
  file: string,
  path: (string | number)[],
  what: Entity,
  value: string,
  known: Iterable<string>,
  at: "key" | "value" = "value",
  context?: FindingParams["unknown-ref"]["context"],
): PendingFinding {
  const match = closestMatch(value, known);
  return {
    code: "unknown-ref",
    severity: "error",
    file,
    path: pointerOf(path),
    at,
    params: { what, id: value, ...(match !== undefined ? { suggestion: match } : {}), ...(context ? { context } : {}) },
  };
}

/** Reports the second and later occurrences of each id, naming the first. */
function checkUnique<T>(entries: { file: string; path: (string | number)[]; id: string; item: T }[], what: Entity, findings: PendingFinding[]): void {
  const first = new Map<string, { file: string; path: (string | number)[] }>();
  for (const entry of entries) {
    const earlier = first.get(entry.id);
    if (earlier) {
      findings.push({
        code: "duplicate-id",
        severity: "error",
        file: entry.file,
        path: pointerOf(entry.path),
        params: { what, id: entry.id, firstFile: earlier.file },
      });
    } else {
      first.set(entry.id, { file: entry.file, path: entry.path });
    }
  }
}

/** The lists of study.yaml `vocabulary`, by the entity their terms are. */
const VOCABULARY_LISTS: Record<VocabularyList, Entity> = { groups: "group", categories: "category", domains: "domain" };

/**
 * A use of an id that the study's vocabulary does not declare: at the use, with the closest
 * declared id as "did you mean", or the way to declare it.
 */
export function unknownTerm(file: string, path: (string | number)[], list: VocabularyList, value: string, known: ReadonlySet<string>): PendingFinding {
  const match = closestMatch(value, known);
  const shown = [...known].slice(0, 12);
  return {
    code: "unknown-vocabulary",
    severity: "error",
    file,
    path: pointerOf(path),
    params: { list, id: value, known: shown, more: known.size - shown.length, ...(match !== undefined ? { suggestion: match } : {}) },
  };
}

/** The vocabulary itself: ids unique per list, group letters unique. */
function checkVocabulary(data: ParsedData, findings: PendingFinding[]): void {
  const { file, value } = data.study;
  for (const list of Object.keys(VOCABULARY_LISTS) as VocabularyList[]) {
    checkUnique(
      value.vocabulary[list].map((term, i) => ({ file, path: ["vocabulary", list, i, "id"], id: term.id, item: term })),
      VOCABULARY_LISTS[list],
      findings,
    );
  }
  const letters = new Map<string, string>();
  value.vocabulary.groups.forEach((group, i) => {
    const earlier = letters.get(group.letter);
    if (earlier !== undefined)
      findings.push({
        code: "duplicate-letter",
        severity: "error",
        file,
        path: pointerOf(["vocabulary", "groups", i, "letter"]),
        params: { letter: group.letter, group: group.id, earlier },
      });
    else letters.set(group.letter, group.id);
  });
}

export function checkReferences(data: ParsedData): PendingFinding[] {
  const findings: PendingFinding[] = [];
  const topicIds = new Set(data.topics.value.topics.map((t) => t.id));
  const checkTopic = (file: string, path: (string | number)[], id: string, at: "key" | "value" = "value"): void => {
    if (!topicIds.has(id)) findings.push(unknownRef(file, path, "topic", id, topicIds, at));
  };
  checkVocabulary(data, findings);
  const vocabulary = data.study.value.vocabulary;
  const declared = {
    groups: new Set(vocabulary.groups.map((g) => g.id)),
    categories: new Set(vocabulary.categories.map((c) => c.id)),
    domains: new Set(vocabulary.domains.map((d) => d.id)),
  };
  const checkTerm = (file: string, path: (string | number)[], list: VocabularyList, id: string): boolean => {
    if (declared[list].has(id)) return true;
    findings.push(unknownTerm(file, path, list, id, declared[list]));
    return false;
  };
  data.topics.value.topics.forEach((topic, i) => checkTerm(data.topics.file, ["topics", i, "category"], "categories", topic.category));

  checkUnique(
    data.topics.value.topics.map((t, i) => ({ file: data.topics.file, path: ["topics", i, "id"], id: t.id, item: t })),
    "topic",
    findings,
  );

  // Accords: file name = id, unique action ids across all accords, known action lines and topics.
  checkUnique(
    data.accords.map((a) => ({ file: a.file, path: ["id"], id: a.value.id, item: a })),
    "accord",
    findings,
  );
  const actionEntries: { file: string; path: (string | number)[]; id: string; item: unknown }[] = [];
  for (const { file, value: accord } of data.accords) {
    const expectedId = file.replace(/^accords\//, "").replace(/\.ya?ml$/, "");
    if (accord.id !== expectedId) {
      findings.push({
        code: "id-mismatch",
        severity: "error",
        file,
        path: "/id",
        params: { id: accord.id, file, expected: expectedId },
      });
    }
    const lineIds = new Set(accord.action_lines.map((l) => l.id));
    checkUnique(
      accord.action_lines.map((l, i) => ({ file, path: ["action_lines", i, "id"], id: l.id, item: l })),
      "action-line",
      findings,
    );
    accord.actions.forEach((action, i) => {
      actionEntries.push({ file, path: ["actions", i, "id"], id: action.id, item: action });
      checkTerm(file, ["actions", i, "domain"], "domains", action.domain);
      if (action.action_line !== undefined && !lineIds.has(action.action_line)) {
        findings.push(unknownRef(file, ["actions", i, "action_line"], "action-line", action.action_line, lineIds));
      }
      const seenTopics = new Set<string>();
      action.topics.forEach((link, j) => {
        const id = topicLinkId(link);
        const path = typeof link === "string" ? ["actions", i, "topics", j] : ["actions", i, "topics", j, "id"];
        checkTopic(file, path, id);
        if (seenTopics.has(id)) findings.push({ code: "duplicate-link", severity: "error", file, path: pointerOf(path), params: { topic: id } });
        seenTopics.add(id);
      });
    });
  }
  checkUnique(actionEntries, "action", findings);

  const accordIds = new Set(data.accords.map((a) => a.value.id));
  const listed = new Set(data.study.value.accords);
  data.study.value.accords.forEach((id, i) => {
    if (!accordIds.has(id)) findings.push(unknownRef(data.study.file, ["accords", i], "accord", id, accordIds, "value", { kind: "study-accords" }));
  });
  for (const { file, value } of data.accords) {
    if (!listed.has(value.id)) findings.push({ code: "unlisted-accord", severity: "error", file, path: "/id", params: { id: value.id } });
  }
  if (data.connections) {
    const { file, value } = data.connections;
    checkUnique(
      value.connections.map((c, i) => ({ file, path: ["connections", i, "id"], id: c.id, item: c })),
      "connection",
      findings,
    );
    value.connections.forEach((connection, i) => {
      connection.accords.forEach((id, j) => {
        if (!accordIds.has(id)) findings.push(unknownRef(file, ["connections", i, "accords", j], "accord", id, accordIds));
      });
    });
  }

  if (data.interviews) {
    const { file, value } = data.interviews;
    const groupIds = new Set<string>(value.groups.map((g) => g.id));
    value.groups.forEach((group, i) => checkTerm(file, ["groups", i, "id"], "groups", group.id));
    checkUnique(
      value.groups.map((g, i) => ({ file, path: ["groups", i, "id"], id: g.id, item: g })),
      "group",
      findings,
    );
    checkUnique(
      value.themes.map((t, i) => ({ file, path: ["themes", i, "id"], id: t.id, item: t })),
      "theme",
      findings,
    );
    value.themes.forEach((theme, i) => {
      theme.groups.forEach((group, j) => {
        // A group the vocabulary lacks is reported as such; one it has must also be among the interviewed groups.
        if (checkTerm(file, ["themes", i, "groups", j], "groups", group) && !groupIds.has(group))
          findings.push(unknownRef(file, ["themes", i, "groups", j], "group", group, groupIds));
      });
      theme.topics.forEach((topic, j) => checkTopic(file, ["themes", i, "topics", j], topic));
      (theme.quotes ?? []).forEach((quote, j) => {
        if (checkTerm(file, ["themes", i, "quotes", j, "group"], "groups", quote.group) && !theme.groups.includes(quote.group)) {
          findings.push({
            code: "group-not-in-theme",
            severity: "error",
            file,
            path: pointerOf(["themes", i, "quotes", j, "group"]),
            params: { group: quote.group, themeGroups: theme.groups },
          });
        }
      });
    });
  }

  const studyRegions = data.study.value.regions;
  if (data.sample) {
    const { file, value } = data.sample;
    const inStudy = new Set(studyRegions);
    value.regions.forEach((region, i) => {
      if (!inStudy.has(region)) findings.push(unknownRef(file, ["regions", i], "region", region, inStudy));
    });
    const inSample = new Set(value.regions);
    for (const region of studyRegions) {
      if (!inSample.has(region))
        findings.push({
          code: "region-mismatch",
          severity: "error",
          file,
          path: "/regions",
          params: { region },
        });
    }
    for (const [topic, finding] of Object.entries(value.findings)) {
      checkTopic(file, ["findings", topic], topic, "key");
      if (finding.prevalence !== "not-assessed" && finding.quote === undefined) {
        findings.push({
          code: "missing-key",
          severity: "error",
          file,
          path: pointerOf(["findings", topic]),
          at: "key",
          params: { variant: "sample-quote", topic },
        });
      }
    }
  }

  const regionNames = new Map<string, string>();
  const sampleByKey = new Map(studyRegions.map((r) => [regionKey(r), r]));
  for (const { file, value } of data.plans) {
    if (!studyRegions.includes(value.region)) {
      const near = sampleByKey.get(regionKey(value.region));
      if (near !== undefined) {
        findings.push({ code: "look-alike-region", severity: "warning", file, path: "/region", params: { region: value.region, near } });
      }
    }
    const earlier = regionNames.get(value.region);
    if (earlier) {
      findings.push({ code: "duplicate-region", severity: "error", file, path: "/region", params: { region: value.region, otherFile: earlier } });
    } else {
      regionNames.set(value.region, file);
    }
    for (const topic of Object.keys(value.findings)) checkTopic(file, ["findings", topic], topic, "key");
    findings.push(...unquotedFindings(file, value));
  }

  if (data.reference) {
    for (const topic of Object.keys(data.reference.value.conclusions)) checkTopic(data.reference.file, ["conclusions", topic], topic, "key");
  }
  if (data.dispositions) {
    for (const topic of Object.keys(data.dispositions.value.dispositions)) checkTopic(data.dispositions.file, ["dispositions", topic], topic, "key");
  }

  findings.push(...checkDocuments(data));
  if (data.screening) findings.push(...checkScreening(data.screening, data.accords, topicIds));
  if (data.personas) findings.push(...checkPersonas(data.personas, topicIds));
  findings.push(...checkRulesOrder(data.rules.file, data.rules.value));
  return findings;
}

// Letters of other scripts that look like Latin ones, as text pasted from elsewhere carries them.
const LOOK_ALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
};

/** A region name reduced to what a reader sees: compatibility-normalised, lowercase, Latin look-alikes, no invisible characters or spacing. */
export function regionKey(name: string): string {
  return [
    ...name
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\u00AD\u200B-\u200F\u2060\uFEFF\s]/g, ""),
  ]
    .map((c) => LOOK_ALIKES[c] ?? c)
    .join("");
}

/** Every file's values, for the checks that look at every `doc` wherever it stands. */
function everyFile(data: ParsedData): { file: string; value: unknown }[] {
  return [
    data.study,
    data.topics,
    data.rules,
    ...data.accords,
    ...data.plans,
    ...[data.connections, data.interviews, data.sample, data.reference, data.dispositions, data.screening, data.personas].filter((f) => f !== undefined),
  ];
}

/**
 * The document register: ids are unique, and every `doc` in any file (a source, a page
 * reference, a screening candidate) names a registered document.
 */
function checkDocuments(data: ParsedData): PendingFinding[] {
  const findings: PendingFinding[] = [];
  const documents = data.study.value.documents;
  checkUnique(
    documents.map((d, i) => ({ file: data.study.file, path: ["documents", i, "id"], id: d.id, item: d })),
    "document",
    findings,
  );
  const known = new Set(documents.map((d) => d.id));
  for (const { file, value } of data.plans) {
    const doc = value.plan.document;
    if (doc !== undefined && !known.has(doc)) findings.push(unknownRef(file, ["plan", "document"], "document", doc, known, "value", { kind: "plan-document" }));
  }
  for (const { file, value } of everyFile(data)) {
    walkStringProperties(value, (name, text, path, parent) => {
      if (name === "doc" && !known.has(text)) findings.push(unknownRef(file, path, "document", text, known));
      // A page range must run forward: "4-3" cites no page at all.
      if (name === "page") {
        const [from, to] = pageRange(text);
        if (to < from)
          findings.push({
            code: "bad-page",
            severity: "error",
            file,
            path: pointerOf(path),
            params: { variant: "backwards", text, from, to },
          });
      }
      // A period that ends before it begins is never in force (dates are YYYY-MM-DD, so they compare as text).
      if (name === "to" && path[path.length - 2] === "period" && typeof parent.from === "string" && parent.from > text) {
        findings.push({ code: "period-backwards", severity: "error", file, path: pointerOf(path), params: { from: parent.from, to: text } });
      }
    });
  }
  return findings;
}

/** Every `{ doc, page }` of any file (a source, a page reference, a screening candidate), with the path of its page. */
export function pageReferences(data: ParsedData): { file: string; path: (string | number)[]; doc: string; page: Page }[] {
  const out: { file: string; path: (string | number)[]; doc: string; page: Page }[] = [];
  // A region plan's passages cite the plan's own document unless they name another.
  const plans = new Map(data.plans.map((p) => [p.file, p.value.plan.document]));
  const walk = (file: string, node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(file, child, [...path, i]));
    else if (typeof node === "object" && node !== null) {
      const record = node as Record<string, unknown>;
      const doc = typeof record.doc === "string" ? record.doc : plans.get(file);
      if (doc !== undefined && (typeof record.page === "number" || typeof record.page === "string"))
        out.push({ file, path: [...path, "page"], doc, page: record.page });
      for (const key of Object.keys(record)) if (typeof record[key] === "object") walk(file, record[key], [...path, key]);
    }
  };
  for (const { file, value } of everyFile(data)) walk(file, value, []);
  return out;
}

const WALKED = new Set(["doc", "page", "to"]);

/** Calls `visit` for every string `doc`, `page` or `to` property in a parsed value, with its path and the object it is in. */
function walkStringProperties(value: unknown, visit: (name: string, text: string, path: (string | number)[], parent: Record<string, unknown>) => void): void {
  const path: (string | number)[] = [];
  // One shared path, extended and shortened in place: the walk visits every node of every
  // file on each load, and copying the path per node was most of its cost.
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
    } else if (typeof node === "object" && node !== null) {
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        const child = (node as Record<string, unknown>)[key];
        const wanted = typeof child === "string" && WALKED.has(key);
        if (typeof child !== "object" && !wanted) continue;
        path.push(key);
        if (wanted) visit(key, child as string, [...path], node as Record<string, unknown>);
        else walk(child);
        path.pop();
      }
    }
  };
  walk(value);
}

/** True when the action's source, or the source of its period, is that document at that page. */
function citesPlace(action: Accord["actions"][number], doc: string, page: Page): boolean {
  return [action.source, action.period?.source].some(
    (place) => place !== undefined && place.doc === doc && place.page !== undefined && pagesOverlap(place.page, page),
  );
}

function pagesOverlap(a: Page, b: Page): boolean {
  const [a1, a2] = pageRange(a);
  const [b1, b2] = pageRange(b);
  return a1 <= b2 && b1 <= a2;
}

/**
 * The screening register: topics exist; a searched document listed for each candidate; a
 * `linked` candidate names an existing action sourced from the same document and page.
 */
function checkScreening(screening: NonNullable<ParsedData["screening"]>, accords: ParsedData["accords"], topicIds: Set<string>): PendingFinding[] {
  const findings: PendingFinding[] = [];
  const { file, value } = screening;
  const actions = new Map(accords.flatMap((a) => a.value.actions.map((action) => [action.id, action] as const)));
  for (const [topic, entry] of Object.entries(value.topics)) {
    if (!topicIds.has(topic)) findings.push(unknownRef(file, ["topics", topic], "topic", topic, topicIds, "key"));
    const searched = new Set(entry.documents);
    entry.candidates.forEach((candidate, i) => {
      const at = ["topics", topic, "candidates", i];
      if (!searched.has(candidate.doc)) {
        findings.push({ code: "candidate-not-searched", severity: "error", file, path: pointerOf([...at, "doc"]), params: { doc: candidate.doc, topic } });
      }
      if (candidate.decision !== "linked" || candidate.action === undefined) return;
      const action = actions.get(candidate.action);
      if (!action) {
        findings.push(unknownRef(file, [...at, "action"], "action", candidate.action, actions.keys()));
      } else if (!citesPlace(action, candidate.doc, candidate.page)) {
        findings.push({
          code: "candidate-source-mismatch",
          severity: "error",
          file,
          path: pointerOf([...at, "action"]),
          params: {
            action: candidate.action,
            sourceDoc: action.source.doc,
            ...(action.source.page !== undefined ? { sourcePage: action.source.page } : {}),
            doc: candidate.doc,
            page: candidate.page,
          },
        });
      } else if (!action.topics.some((link) => topicLinkId(link) === topic)) {
        findings.push({
          code: "candidate-topic-mismatch",
          severity: "error",
          file,
          path: pointerOf([...at, "action"]),
          params: { action: candidate.action, topic },
        });
      }
    });
  }
  return findings;
}

/** Spaces and line breaks as one space, so a phrase folded over lines in YAML still matches. */
function foldSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * personas.yaml: each bottleneck once (the schema allows exactly five, all from the closed
 * list), unique persona and need ids, known topics, and every need's phrase standing in the
 * persona's own heading or description.
 */
function checkPersonas(personas: NonNullable<ParsedData["personas"]>, topicIds: Set<string>): PendingFinding[] {
  const findings: PendingFinding[] = [];
  const { file, value } = personas;
  checkUnique(
    value.bottlenecks.map((b, i) => ({ file, path: ["bottlenecks", i, "id"], id: b.id, item: b })),
    "bottleneck",
    findings,
  );
  checkUnique(
    value.personas.map((p, i) => ({ file, path: ["personas", i, "id"], id: p.id, item: p })),
    "persona",
    findings,
  );
  value.personas.forEach((persona, i) => {
    checkUnique(
      (persona.needs ?? []).map((n, j) => ({ file, path: ["personas", i, "needs", j, "id"], id: n.id, item: n })),
      "need",
      findings,
    );
    const own = `${foldSpaces(persona.heading)}\n${foldSpaces(persona.description)}`;
    (persona.needs ?? []).forEach((need, j) => {
      need.topics.forEach((topic, k) => {
        if (!topicIds.has(topic)) findings.push(unknownRef(file, ["personas", i, "needs", j, "topics", k], "topic", topic, topicIds));
      });
      if (!own.includes(foldSpaces(need.phrase))) {
        findings.push({
          code: "not-in-description",
          severity: "error",
          file,
          path: pointerOf(["personas", i, "needs", j, "phrase"]),
          params: { need: need.id, persona: persona.name },
        });
      }
    });
  });
  return findings;
}

/** The weights must keep their order, or the verdicts would contradict the rules' meaning. */
export function checkRulesOrder(file: string, rules: Rules): PendingFinding[] {
  const findings: PendingFinding[] = [];
  const descending = (path: string, entries: [string, number][]): void => {
    for (let i = 1; i < entries.length; i++) {
      const [higherName, higher] = entries[i - 1]!;
      const [lowerName, lower] = entries[i]!;
      if (lower > higher) {
        findings.push({
          code: "rules-order",
          severity: "error",
          file,
          path: `${path}/${lowerName}`,
          params: { variant: "descending", lower: lowerName, lowerValue: lower, higher: higherName, higherValue: higher, order: entries.map(([n]) => n) },
        });
      }
    }
  };
  const inOrder = <K extends string>(scores: Record<K, number>, order: readonly K[]): [string, number][] => order.map((key) => [key, scores[key]]);
  descending("/strength_scores", inOrder(rules.strength_scores, ["measure", "agreement", "mention"]));
  descending("/prevalence_shares", inOrder(rules.prevalence_shares, ["all", "almost-all", "most", "more-than-half", "half", "some", "few", "none"]));
  descending("/status_scores", inOrder(rules.status_scores, ["concrete", "ambition", "absent"]));
  if (rules.required_coverage.two_or_more_groups < rules.required_coverage.one_group) {
    findings.push({
      code: "rules-order",
      severity: "error",
      file,
      path: "/required_coverage/two_or_more_groups",
      params: { variant: "required-coverage" },
    });
  }
  // A word's range must hold its point share, or the point estimate would lie outside its interval.
  for (const [word, range] of Object.entries(rules.prevalence_ranges ?? {})) {
    const share = rules.prevalence_shares[word as keyof Rules["prevalence_shares"]];
    if (!(range.low <= share && share <= range.high)) {
      findings.push({
        code: "share-outside-range",
        severity: "error",
        file,
        path: `/prevalence_ranges/${word}`,
        params: { word, low: range.low, high: range.high, share },
      });
    }
  }
  return findings;
}

/**
 * A plan's findings that claim something (concrete, ambition) without the plan's words, and
 * quotes without their page: the evidence must carry its address (docs/adding-a-region-plan.md).
 * Warnings, so a plan being filled in still runs.
 */
function unquotedFindings(file: string, plan: RegionPlan): PendingFinding[] {
  const out: PendingFinding[] = [];
  for (const [topic, finding] of Object.entries(plan.findings)) {
    const claims = finding.status === "concrete" || finding.status === "ambition";
    if (claims && finding.quote === undefined && (finding.quotes ?? []).length === 0) {
      out.push({ code: "missing-quote", severity: "warning", file, path: pointerOf(["findings", topic, "status"]), params: { topic, status: finding.status } });
    } else if (finding.quote !== undefined && finding.page === undefined) {
      out.push({ code: "quote-without-page", severity: "warning", file, path: pointerOf(["findings", topic, "quote"]), params: { topic } });
    }
  }
  return out;
}
