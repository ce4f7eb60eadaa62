// `dekking region show <region> --format json`: one region's profile.

import type { RegionProfile } from "../analyse/regionProfile.js";
import { orderedProfileTopics } from "../document/sections/regions.js";
import { jsonOutput } from "./escape/json.js";

export function renderRegionProfileJson(profile: RegionProfile): string {
  return jsonOutput({
    region: profile.region,
    file: profile.file,
    plan: profile.plan,
    as_of: profile.asOf,
    topics: orderedProfileTopics(profile).map((topic) => ({
      id: topic.id,
      label: topic.label,
      groups: topic.groups,
      status: topic.status,
      scope: topic.scope,
      indirect: topic.indirect,
      evidence: topic.evidence,
      national: topic.national,
      others: topic.others,
      sample: topic.sample,
      verdict: topic.verdict,
      flags: topic.flags,
    })),
    unassessed: profile.unassessed.map((u) => ({ id: u.id, label: u.label, groups: u.groups })),
  });
}
