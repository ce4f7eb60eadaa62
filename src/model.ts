// The typed shapes of the data files (as the schemas in schemas/ define them) and the
// resolved Study that the analysis works on.

/** A page number, or a range `"64-65"` for a passage that runs over a page break. */
export type Page = number | string;

export interface Source {
  /** Id of a document of the register in study.yaml. */
  doc: string;
  /** The heading the text stands under; a source has a section, a page, or both. */
  section?: string;
  page?: Page;
  slide?: number;
}

/** A place in a document: its id and page. */
export interface PageRef {
  doc: string;
  page: Page;
}

export const DOCUMENT_KINDS = ["report", "accord", "programme", "region-plan", "letter", "web", "context"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** An entry of the document register (study.yaml `documents`). */
export interface DocumentEntry {
  id: string;
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
  kind: DocumentKind;
  /** File name of the plain text (in data/sources/ or a --sources folder). */
  text?: string;
  note?: string;
}

/** When something is in force, as a source states it (dates YYYY-MM-DD, ends inclusive). */
export interface Period {
  from?: string;
  to?: string;
  quote: string;
  source: Source;
  note?: string;
}

export const EXCLUSION_REASONS = ["other-population", "no-commitment", "duplicate", "off-topic", "background", "other-setting"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** One passage read while screening a topic, with the decision taken. */
export interface ScreeningCandidate {
  doc: string;
  page: Page;
  excerpt: string;
  decision: "linked" | "excluded";
  action?: string;
  reason?: ExclusionReason;
  note?: string;
}

/** The screening of one topic: documents searched, terms, every candidate judged. */
export interface TopicScreening {
  documents: string[];
  terms: string[];
  candidates: ScreeningCandidate[];
  note?: string;
}

/** Id of an indicator category of the study's vocabulary (study.yaml `vocabulary.categories`). */
export type Category = string;

/** Id of a respondent group of the study's vocabulary (study.yaml `vocabulary.groups`). */
export type Group = string;

/** One term of a study's vocabulary: its id and its Dutch and English names. */
export interface VocabularyTerm {
  id: string;
  /** Dutch name, as the study writes it. */
  name: string;
  /** English name, shown with --lang en. */
  name_en: string;
}

/** A respondent group: a term with the one-letter code of the matrix's demand column. */
export interface GroupTerm extends VocabularyTerm {
  /** One capital letter or digit, unique in the study: the group in the matrix's demand column. */
  letter: string;
}

/**
 * The words a study declares for itself (study.yaml `vocabulary`): its respondent groups,
 * its indicator categories and the policy domains of accord actions. Each list's order is
 * the order of the matrix, the legends and the filters. Validation checks every use of an
 * id against these lists.
 */
export interface Vocabulary {
  groups: GroupTerm[];
  categories: VocabularyTerm[];
  domains: VocabularyTerm[];
}

export type Strength = "measure" | "agreement" | "mention";
export type Scope = "general" | "specific";
export type Prevalence = "all" | "almost-all" | "most" | "more-than-half" | "half" | "some" | "few" | "none" | "not-assessed";
export type PlanStatus = "concrete" | "ambition" | "absent" | "unknown";
export type Participation = "toehoorder" | "meedenker" | "adviseur" | "partner" | "regisseur" | "nvt";
export type Decision = "monitor" | "accepted" | "action";
export type ReferenceConclusion = "possible-white-spot" | "covered" | "monitor";

export interface StudyFile {
  id: string;
  title: string;
  question: string;
  /** The question in plain language (B1) for the summary in plain language; the encoder's rendering, not a quote. */
  question_plain?: string;
  authors: string[];
  organisations?: string[];
  commissioned_by?: string;
  place?: string;
  date: string;
  documents: DocumentEntry[];
  accords: string[];
  regions: string[];
  rules: string;
  /** The study's own groups, categories and action domains. */
  vocabulary: Vocabulary;
  source?: Source;
  reliability?: Reliability;
}

/** Cohen's κ per field of one encoding in a round of double coding (`dekking agreement`). */
export interface ReliabilityEncoding {
  encoding: string;
  units: number;
  links?: number;
  strength?: number;
  strength_weighted?: number;
  scope?: number;
  period?: number;
  status?: number;
  status_weighted?: number;
  changed?: { links?: number; strength?: number; scope?: number; period?: number; status?: number };
}

/** How reliable the encoding is: rounds of double coding by the codebook (study.yaml `reliability`). */
export interface Reliability {
  codebook: string;
  target: number;
  rounds: {
    round: number;
    date: string;
    blind: boolean;
    stage: "before-reconciliation" | "after-reconciliation";
    first: string;
    second: string;
    reconciled?: string;
    encodings: ReliabilityEncoding[];
  }[];
}

export interface Topic {
  id: string;
  label: string;
  label_en?: string;
  category: Category;
  indicator: boolean;
  questions?: string[];
  keywords?: string[];
  note?: string;
  source?: Source;
}

export type TopicLink = string | { id: string; scope: Scope };

export interface ActionFile {
  id: string;
  domain: string;
  text: string;
  action_line?: string;
  topics: TopicLink[];
  strength: Strength;
  attribution?: "inferred";
  attribution_check?: { result: "confirmed" | "elsewhere" | "not-found"; doc?: string; page?: Page; excerpt?: string; note: string };
  note?: string;
  source: Source;
  period?: Period;
}

export interface Accord {
  id: string;
  name: string;
  full_name: string;
  date: string;
  url?: string;
  goal: string;
  essence: string;
  principles: string[];
  action_lines: { id: string; title: string }[];
  legal_frameworks: string[];
  legal_frameworks_note?: string;
  initiators: string[];
  levels: string[];
  instruments: string[];
  financing: string[];
  application_routes: { text: string; url?: string }[];
  actions: ActionFile[];
  source: Source;
  period?: Period;
}

export interface Connection {
  id: string;
  accords: [string, string];
  title: string;
  summary: string;
  source: Source;
}

export interface Quote {
  text: string;
  group: Group;
  speaker?: string;
  source: Source;
}

export interface Theme {
  id: string;
  title: string;
  summary: string;
  groups: Group[];
  quotes?: Quote[];
  topics: string[];
  /** The OPaZ bottleneck the theme expresses: an encoding judgement. */
  bottleneck?: { id: BottleneckId; encoding: "judgement"; note: string };
  note?: string;
  source: Source;
}

/** The five ways OPaZ says the search for fitting care gets stuck (seed 000), in its order. */
export const BOTTLENECKS = ["knellende-regels", "onduidelijke-financiering", "geen-plekken", "niet-gehoord", "opgelegde-doelen-en-normen"] as const;
export type BottleneckId = (typeof BOTTLENECKS)[number];

export interface Bottleneck {
  id: BottleneckId;
  /** The source's words, verbatim. */
  label: string;
  label_en: string;
  source: Source;
}

/** A need of a persona: an encoding judgement resting on a verbatim phrase of her description. */
export interface PersonaNeed {
  id: string;
  need: string;
  need_en: string;
  phrase: string;
  topics: string[];
  encoding: "judgement";
  note: string;
}

export interface Persona {
  id: string;
  name: string;
  heading: string;
  description: string;
  source: Source;
  in_scope: boolean;
  reason: string;
  needs?: PersonaNeed[];
  note?: string;
}

/** data/personas.yaml: the OPaZ life-world lens. */
export interface Personas {
  bottlenecks: Bottleneck[];
  personas: Persona[];
}

export interface Interviews {
  groups: { id: Group; label: string; roles: string[]; source?: Source }[];
  themes: Theme[];
}

export interface SampleFinding {
  prevalence: Prevalence;
  quote?: string;
  evidence?: "indirect";
  note?: string;
  conflicting?: { prevalence: Prevalence; quote: string; source: Source }[];
  source: Source;
}

export interface RegionSample {
  regions: string[];
  findings: Record<string, SampleFinding>;
  source: Source;
}

/** A passage of a region plan (or of a document it points to), verbatim with its page. */
export interface PlanPassage {
  quote: string;
  page: Page;
  /** Document id when the passage is not from the plan itself. */
  doc?: string;
}

export interface PlanFinding {
  status: PlanStatus;
  /** `general` when the plan addresses the topic for all ages, not older people specifically. */
  scope?: Scope;
  quote?: string;
  page?: Page;
  /** Further passages the finding rests on. */
  quotes?: PlanPassage[];
  evidence?: "indirect";
  note?: string;
}

/** Participation of one group in making a plan, on the OPCZ ladder, with its evidence. */
export interface GroupParticipation {
  group: string;
  level: Participation;
  evidence?: PlanPassage[];
  note?: string;
}

export interface RegionPlan {
  region: string;
  fictional?: boolean;
  plan: { title: string; year?: number; url?: string; document?: string; version?: string };
  assessed_by: string;
  assessed_on: string;
  participation?: Participation | GroupParticipation[];
  findings: Record<string, PlanFinding>;
}

export interface ReferenceEntry {
  conclusion: ReferenceConclusion;
  quote: string;
  note?: string;
  source: Source;
}

export interface Disposition {
  decision: Decision;
  rationale: string;
  quote: string;
  decided_by?: string;
  source: Source;
}

export interface Rules {
  strength_scores: Record<Strength, number>;
  general_scope_factor: number;
  breadth_minimum: number;
  prevalence_shares: Record<Exclude<Prevalence, "not-assessed">, number>;
  status_scores: Record<Exclude<PlanStatus, "unknown">, number>;
  indirect_factor: number;
  required_coverage: { one_group: number; two_or_more_groups: number };
  national_threshold: number;
  white_spot_regional_threshold: number;
  /** The range each prevalence word may stand for; absent: each word is exact at its share. */
  prevalence_ranges?: Record<Exclude<Prevalence, "not-assessed">, { low: number; high: number }>;
  /** Regions with evidence needed before a regional score counts; absent: 1. */
  minimum_evidence_regions?: number;
  /** How far the sensitivity analysis moves each number; absent: the defaults in analyse/certaintyRules.ts. */
  sensitivity_steps?: { score: number; regions: number };
  /** Weights of the priority score of a flagged topic; absent: the defaults in analyse/certaintyRules.ts. */
  priority_weights?: { per_group: number; shortfall: number; robust: number };
}

/** A region plan file with the slug it was loaded from (`data/regions/<slug>.yaml`). */
export interface LoadedRegionPlan extends RegionPlan {
  slug: string;
  file: string;
}

export interface Study {
  study: StudyFile;
  /** The study's vocabulary (study.yaml `vocabulary`), every id of which the data uses. */
  vocabulary: Vocabulary;
  topics: Topic[];
  accords: Accord[];
  connections: Connection[];
  interviews: Interviews;
  sample: RegionSample | undefined;
  regionPlans: LoadedRegionPlan[];
  reference: Record<string, ReferenceEntry>;
  dispositions: Record<string, Disposition>;
  /** The OPaZ bottlenecks and personas (data/personas.yaml), when the data has that file. */
  personas?: Personas;
  /** The screening register per topic id (data/screening.yaml); empty without that file. */
  screening: Record<string, TopicScreening>;
  rules: Rules;
  /** Short hash of the contents of every data file: the data version printed on reports. */
  dataVersion: string;
  /** The date the evidence is taken at (YYYY-MM-DD), once selectEvidence has applied it. */
  asOf?: string;
  /** `report` when only the study report's own evidence is kept (see reportEvidenceOnly). */
  evidence?: "all" | "report";
}

export function topicLinkId(link: TopicLink): string {
  return typeof link === "string" ? link : link.id;
}

export function topicLinkScope(link: TopicLink): Scope {
  return typeof link === "string" ? "specific" : link.scope;
}

/** The first and last page of a page or range (`"64-65"` → [64, 65]). */
export function pageRange(page: Page): [number, number] {
  if (typeof page === "number") return [page, page];
  const [from, to] = page.split("-").map(Number) as [number, number];
  return [from, to ?? from];
}

/** What `region add` writes for `assessed_by` when no name is given; validate warns about it. */
export const ASSESSED_BY_PLACEHOLDER = "nog invullen";
