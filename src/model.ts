// The typed shapes of the data files (as the schemas in schemas/ define them) and the
// resolved Study that the analysis works on.

export interface Source {
  doc: string;
  section: string;
  slide?: number;
}

export const CATEGORIES = [
  "cultuur",
  "regionale-samenwerking",
  "wijken",
  "preventie",
  "zorg-thuis",
  "professionals",
  "wonen",
  "digitalisering",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const GROUPS = ["ouderen", "professionals", "experts"] as const;
export type Group = (typeof GROUPS)[number];

export type Strength = "measure" | "agreement" | "mention";
export type Scope = "general" | "specific";
export type Prevalence =
  | "all"
  | "almost-all"
  | "most"
  | "more-than-half"
  | "half"
  | "some"
  | "few"
  | "none"
  | "not-assessed";
export type PlanStatus = "concrete" | "ambition" | "absent" | "unknown";
export type Participation = "toehoorder" | "meedenker" | "adviseur" | "partner" | "regisseur" | "nvt";
export type Decision = "monitor" | "accepted" | "action";
export type ReferenceConclusion = "possible-white-spot" | "covered" | "monitor";

export interface StudyFile {
  id: string;
  title: string;
  question: string;
  authors: string[];
  organisations?: string[];
  commissioned_by?: string;
  place?: string;
  date: string;
  sources: { doc: string; title: string; role: "primary" | "context"; url?: string }[];
  accords: string[];
  regions: string[];
  rules: string;
  source?: Source;
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
  note?: string;
  source: Source;
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
  note?: string;
  source: Source;
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

export interface PlanFinding {
  status: PlanStatus;
  quote?: string;
  page?: number;
  evidence?: "indirect";
  note?: string;
}

export interface RegionPlan {
  region: string;
  fictional?: boolean;
  plan: { title: string; year?: number; url?: string };
  assessed_by: string;
  assessed_on: string;
  participation?: Participation;
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
}

/** A region plan file with the slug it was loaded from (`data/regions/<slug>.yaml`). */
export interface LoadedRegionPlan extends RegionPlan {
  slug: string;
  file: string;
}

export interface Study {
  study: StudyFile;
  topics: Topic[];
  accords: Accord[];
  connections: Connection[];
  interviews: Interviews;
  sample: RegionSample | undefined;
  regionPlans: LoadedRegionPlan[];
  reference: Record<string, ReferenceEntry>;
  dispositions: Record<string, Disposition>;
  rules: Rules;
  /** Short hash of the contents of every data file: the data version printed on reports. */
  dataVersion: string;
}

export function topicLinkId(link: TopicLink): string {
  return typeof link === "string" ? link : link.id;
}

export function topicLinkScope(link: TopicLink): Scope {
  return typeof link === "string" ? "specific" : link.scope;
}
