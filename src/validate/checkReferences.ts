// Checks what a schema cannot: that ids are unique across files and that every reference
// (topic, accord, action line, respondent group, region) points at something that exists.

import { closestMatch } from "../didYouMean.js";
import { pointerOf } from "../load/locate.js";
import type { Accord, Connection, Disposition, Interviews, ReferenceEntry, RegionPlan, RegionSample, Rules, StudyFile, Topic } from "../model.js";
import { topicLinkId } from "../model.js";
import type { PendingFinding } from "./schemaCheck.js";

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
}

function unknownRef(file: string, path: (string | number)[], what: string, value: string, known: Iterable<string>, at: "key" | "value" = "value"): PendingFinding {
  const match = closestMatch(value, known);
  return {
    code: "unknown-ref",
    severity: "error",
    file,
    path: pointerOf(path),
    at,
    message: `unknown ${what} "${value}"`,
    hint: match ? `did you mean "${match}"?` : `use an id defined in ${what === "topic" ? "topics.yaml" : "the data"}`,
  };
}

/** Reports the second and later occurrences of each id, naming the first. */
function checkUnique<T>(entries: { file: string; path: (string | number)[]; id: string; item: T }[], what: string, findings: PendingFinding[]): void {
  const first = new Map<string, { file: string; path: (string | number)[] }>();
  for (const entry of entries) {
    const earlier = first.get(entry.id);
    if (earlier) {
      findings.push({
        code: "duplicate-id",
        severity: "error",
        file: entry.file,
        path: pointerOf(entry.path),
        message: `${what} id "${entry.id}" is used twice; the first is in ${earlier.file}`,
        hint: "give each one its own id",
      });
    } else {
      first.set(entry.id, { file: entry.file, path: entry.path });
    }
  }
}

export function checkReferences(data: ParsedData): PendingFinding[] {
  const findings: PendingFinding[] = [];
  const topicIds = new Set(data.topics.value.topics.map((t) => t.id));
  const checkTopic = (file: string, path: (string | number)[], id: string, at: "key" | "value" = "value"): void => {
    if (!topicIds.has(id)) findings.push(unknownRef(file, path, "topic", id, topicIds, at));
  };

  checkUnique(
    data.topics.value.topics.map((t, i) => ({ file: data.topics.file, path: ["topics", i, "id"], id: t.id, item: t })),
    "topic",
    findings,
  );

  // Accords: file name = id, unique action ids across all accords, known action lines and topics.
  checkUnique(data.accords.map((a) => ({ file: a.file, path: ["id"], id: a.value.id, item: a })), "accord", findings);
  const actionEntries: { file: string; path: (string | number)[]; id: string; item: unknown }[] = [];
  for (const { file, value: accord } of data.accords) {
    const expectedId = file.replace(/^accords\//, "").replace(/\.ya?ml$/, "");
    if (accord.id !== expectedId) {
      findings.push({ code: "id-mismatch", severity: "error", file, path: "/id", message: `accord id "${accord.id}" does not match the file name ${file}`, hint: `rename the file to accords/${accord.id}.yaml or set id: ${expectedId}` });
    }
    const lineIds = new Set(accord.action_lines.map((l) => l.id));
    checkUnique(accord.action_lines.map((l, i) => ({ file, path: ["action_lines", i, "id"], id: l.id, item: l })), "action line", findings);
    accord.actions.forEach((action, i) => {
      actionEntries.push({ file, path: ["actions", i, "id"], id: action.id, item: action });
      if (action.action_line !== undefined && !lineIds.has(action.action_line)) {
        findings.push(unknownRef(file, ["actions", i, "action_line"], "action line", action.action_line, lineIds));
      }
      const seenTopics = new Set<string>();
      action.topics.forEach((link, j) => {
        const id = topicLinkId(link);
        const path = typeof link === "string" ? ["actions", i, "topics", j] : ["actions", i, "topics", j, "id"];
        checkTopic(file, path, id);
        if (seenTopics.has(id)) findings.push({ code: "duplicate-id", severity: "error", file, path: pointerOf(path), message: `topic "${id}" is linked twice from this action`, hint: "link each topic once" });
        seenTopics.add(id);
      });
    });
  }
  checkUnique(actionEntries, "action", findings);

  const accordIds = new Set(data.accords.map((a) => a.value.id));
  const listed = new Set(data.study.value.accords);
  data.study.value.accords.forEach((id, i) => {
    if (!accordIds.has(id)) findings.push({ ...unknownRef(data.study.file, ["accords", i], "accord", id, accordIds), hint: `add data/accords/${id}.yaml or remove "${id}" from the list` });
  });
  for (const { file, value } of data.accords) {
    if (!listed.has(value.id)) findings.push({ code: "unknown-ref", severity: "error", file, path: "/id", message: `accord "${value.id}" is not listed in study.yaml's accords`, hint: `add ${value.id} to accords: in study.yaml (the list sets the matrix's column order)` });
  }
  if (data.connections) {
    const { file, value } = data.connections;
    checkUnique(value.connections.map((c, i) => ({ file, path: ["connections", i, "id"], id: c.id, item: c })), "connection", findings);
    value.connections.forEach((connection, i) => {
      connection.accords.forEach((id, j) => {
        if (!accordIds.has(id)) findings.push(unknownRef(file, ["connections", i, "accords", j], "accord", id, accordIds));
      });
    });
  }

  if (data.interviews) {
    const { file, value } = data.interviews;
    const groupIds = new Set<string>(value.groups.map((g) => g.id));
    checkUnique(value.groups.map((g, i) => ({ file, path: ["groups", i, "id"], id: g.id, item: g })), "group", findings);
    checkUnique(value.themes.map((t, i) => ({ file, path: ["themes", i, "id"], id: t.id, item: t })), "theme", findings);
    value.themes.forEach((theme, i) => {
      theme.groups.forEach((group, j) => {
        if (!groupIds.has(group)) findings.push(unknownRef(file, ["themes", i, "groups", j], "respondent group", group, groupIds));
      });
      theme.topics.forEach((topic, j) => checkTopic(file, ["themes", i, "topics", j], topic));
      (theme.quotes ?? []).forEach((quote, j) => {
        if (!theme.groups.includes(quote.group)) {
          findings.push({ code: "unknown-ref", severity: "error", file, path: pointerOf(["themes", i, "quotes", j, "group"]), message: `quote by "${quote.group}" in a theme raised by ${theme.groups.join(", ")}`, hint: `add "${quote.group}" to the theme's groups, or correct the quote's group` });
        }
      });
    });
  }

  const studyRegions = data.study.value.regions;
  if (data.sample) {
    const { file, value } = data.sample;
    const inStudy = new Set(studyRegions);
    value.regions.forEach((region, i) => {
      if (!inStudy.has(region)) findings.push(unknownRef(file, ["regions", i], "region (not in study.yaml)", region, inStudy));
    });
    const inSample = new Set(value.regions);
    for (const region of studyRegions) {
      if (!inSample.has(region)) findings.push({ code: "region-mismatch", severity: "error", file, path: "/regions", message: `region "${region}" of study.yaml is missing from the sample`, hint: "the sample lists the same regions as study.yaml" });
    }
    for (const [topic, finding] of Object.entries(value.findings)) {
      checkTopic(file, ["findings", topic], topic, "key");
      if (finding.prevalence !== "not-assessed" && finding.quote === undefined) {
        findings.push({ code: "missing-key", severity: "error", file, path: pointerOf(["findings", topic]), at: "key", message: `finding "${topic}" has a prevalence but no quote`, hint: "add the report's own words as quote:" });
      }
    }
  }

  const regionNames = new Map<string, string>();
  for (const { file, value } of data.plans) {
    const earlier = regionNames.get(value.region);
    if (earlier) {
      findings.push({ code: "duplicate-id", severity: "error", file, path: "/region", message: `region "${value.region}" is assessed in two files; the other is ${earlier}`, hint: "keep one file per region (the newest plan)" });
    } else {
      regionNames.set(value.region, file);
    }
    for (const topic of Object.keys(value.findings)) checkTopic(file, ["findings", topic], topic, "key");
  }

  if (data.reference) {
    for (const topic of Object.keys(data.reference.value.conclusions)) checkTopic(data.reference.file, ["conclusions", topic], topic, "key");
  }
  if (data.dispositions) {
    for (const topic of Object.keys(data.dispositions.value.dispositions)) checkTopic(data.dispositions.file, ["dispositions", topic], topic, "key");
  }

  findings.push(...checkRulesOrder(data.rules.file, data.rules.value));
  return findings;
}

/** The weights must keep their order, or the verdicts would contradict the rules' meaning. */
function checkRulesOrder(file: string, rules: Rules): PendingFinding[] {
  const findings: PendingFinding[] = [];
  const descending = (path: string, entries: [string, number][]): void => {
    for (let i = 1; i < entries.length; i++) {
      const [higherName, higher] = entries[i - 1]!;
      const [lowerName, lower] = entries[i]!;
      if (lower > higher) {
        findings.push({ code: "rules-order", severity: "error", file, path: `${path}/${lowerName}`, message: `${lowerName} (${lower}) scores higher than ${higherName} (${higher})`, hint: `keep ${entries.map(([n]) => n).join(" ≥ ")}` });
      }
    }
  };
  const inOrder = <K extends string>(scores: Record<K, number>, order: readonly K[]): [string, number][] => order.map((key) => [key, scores[key]]);
  descending("/strength_scores", inOrder(rules.strength_scores, ["measure", "agreement", "mention"]));
  descending("/prevalence_shares", inOrder(rules.prevalence_shares, ["all", "almost-all", "most", "more-than-half", "half", "some", "few", "none"]));
  descending("/status_scores", inOrder(rules.status_scores, ["concrete", "ambition", "absent"]));
  if (rules.required_coverage.two_or_more_groups < rules.required_coverage.one_group) {
    findings.push({ code: "rules-order", severity: "error", file, path: "/required_coverage/two_or_more_groups", message: "two or more groups require less coverage than one group", hint: "more demand must never require less coverage: keep two_or_more_groups ≥ one_group" });
  }
  return findings;
}
