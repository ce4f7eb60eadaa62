// coverage.md of `dekking report`: the report document (render/document) as Markdown (render/report/markdown.ts).

import type { Coverage } from "../analyse/coverage.js";
import type { Timeline } from "../analyse/timeline.js";
import type { Study } from "../model.js";
import { buildReport } from "../document/buildReport.js";
import type { Lang } from "../messages/labels.js";
import { emitMarkdown } from "./report/markdown.js";

export function renderReportMarkdown(study: Study, coverage: Coverage, options: { lang: Lang; generatedOn: Date; timeline?: Timeline | undefined }): string {
  return emitMarkdown(buildReport(study, coverage, options));
}
