// Builds small fictional Study values in code, for tests of the pure analysis.

import type { Accord, ActionFile, Group, PlanStatus, Prevalence, Rules, Study, Theme, Topic, TopicLink, Vocabulary } from "../src/model.js";

/** The vocabulary of the fictional test studies: the 2024 study's groups and categories, and the domain `overig`. */
export const TEST_VOCABULARY: Vocabulary = {
  groups: [
    { id: "ouderen", name: "ouderen", name_en: "older people", letter: "O" },
    { id: "professionals", name: "professionals", name_en: "professionals", letter: "P" },
    { id: "experts", name: "experts en bestuurders", name_en: "experts and board members", letter: "E" },
  ],
  categories: [
    { id: "cultuur", name: "Cultuur", name_en: "Culture" },
    { id: "regionale-samenwerking", name: "Samenwerkingen in de regio", name_en: "Regional cooperation" },
    { id: "wijken", name: "Ontwikkeling in wijken/kernen", name_en: "Neighbourhoods" },
    { id: "preventie", name: "Preventie", name_en: "Prevention" },
    { id: "zorg-thuis", name: "Zorg en ondersteuning thuis", name_en: "Care and support at home" },
    { id: "professionals", name: "Professionals", name_en: "Professionals" },
    { id: "wonen", name: "Wonen", name_en: "Housing" },
    { id: "digitalisering", name: "Digitalisering", name_en: "Digitalisation" },
  ],
  domains: [{ id: "overig", name: "Overig", name_en: "Other" }],
};

export const DEFAULT_RULES: Rules = {
  strength_scores: { measure: 1.0, agreement: 0.6, mention: 0.3 },
  general_scope_factor: 0.5,
  breadth_minimum: 0.6,
  prevalence_shares: { "all": 1.0, "almost-all": 0.9, "most": 0.75, "more-than-half": 0.6, "half": 0.5, "some": 0.3, "few": 0.15, "none": 0 },
  status_scores: { concrete: 1.0, ambition: 0.5, absent: 0 },
  indirect_factor: 0.5,
  required_coverage: { one_group: 0.5, two_or_more_groups: 0.75 },
  national_threshold: 0.6,
  white_spot_regional_threshold: 0.3,
};

const SOURCE = { doc: "fictief", section: "Fictief" };

export function topic(id: string, category: Topic["category"] = "cultuur"): Topic {
  return { id, label: `Label ${id}`, category, indicator: true };
}

export function action(id: string, strength: ActionFile["strength"], topics: TopicLink[]): ActionFile {
  return { id, domain: "overig", text: `Tekst ${id}`, topics, strength, source: SOURCE };
}

export function accord(id: string, actions: ActionFile[]): Accord {
  return {
    id,
    name: id.toUpperCase(),
    full_name: `Akkoord ${id}`,
    date: "2023-01-01",
    goal: "Doel",
    essence: "Essentie",
    principles: [],
    action_lines: [],
    legal_frameworks: [],
    initiators: [],
    levels: [],
    instruments: [],
    financing: [],
    application_routes: [],
    actions,
    source: SOURCE,
  };
}

export function theme(id: string, groups: Group[], topics: string[]): Theme {
  return { id, title: id, summary: "Samenvatting", groups, topics, source: SOURCE };
}

export interface StudyParts {
  topics?: Topic[];
  accords?: Accord[];
  themes?: Theme[];
  sample?: Record<string, { prevalence: Prevalence; indirect?: boolean }>;
  sampleRegions?: string[];
  plans?: { region: string; findings: Record<string, { status: PlanStatus; indirect?: boolean }> }[];
  reference?: Study["reference"];
  dispositions?: Study["dispositions"];
  rules?: Rules;
}

export function makeStudy(parts: StudyParts = {}): Study {
  const regions = parts.sampleRegions ?? ["Regio A", "Regio B"];
  return {
    study: {
      id: "fictief",
      title: "Fictief",
      question: "Vraag?",
      authors: ["Test"],
      date: "2024-01-01",
      documents: [{ id: "fictief", title: "Fictief brondocument", kind: "report" }],
      accords: (parts.accords ?? []).map((a) => a.id),
      regions,
      rules: "rules.yaml",
      vocabulary: TEST_VOCABULARY,
    },
    vocabulary: TEST_VOCABULARY,
    topics: parts.topics ?? [topic("t")],
    accords: parts.accords ?? [],
    connections: [],
    interviews: { groups: [], themes: parts.themes ?? [] },
    sample: parts.sample
      ? {
          regions,
          source: SOURCE,
          findings: Object.fromEntries(
            Object.entries(parts.sample).map(([id, f]) => [
              id,
              { prevalence: f.prevalence, quote: "Citaat", source: SOURCE, ...(f.indirect ? { evidence: "indirect" as const } : {}) },
            ]),
          ),
        }
      : undefined,
    regionPlans: (parts.plans ?? []).map((plan, i) => ({
      region: plan.region,
      plan: { title: `Plan ${plan.region}` },
      assessed_by: "Test",
      assessed_on: "2024-01-01",
      fictional: true,
      slug: `plan-${i}`,
      file: `regions/plan-${i}.yaml`,
      findings: Object.fromEntries(
        Object.entries(plan.findings).map(([id, f]) => [id, { status: f.status, ...(f.indirect ? { evidence: "indirect" as const } : {}) }]),
      ),
    })),
    reference: parts.reference ?? {},
    dispositions: parts.dispositions ?? {},
    screening: {},
    rules: parts.rules ?? DEFAULT_RULES,
    dataVersion: "000000000000",
  };
}
