// `dekking timeline --format json`: the timeline as computed.

import type { Timeline } from "../analyse/timeline.js";
import { jsonOutput } from "./escape/json.js";

export function renderTimelineJson(timeline: Timeline): string {
  return jsonOutput(timeline);
}
