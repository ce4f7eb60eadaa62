// coverage.html of `dekking report`: the report document (render/document) as one page (render/report/html.ts).

import type { Coverage } from "../analyse/coverage.js";
import type { Timeline } from "../analyse/timeline.js";
import type { Study } from "../model.js";
import { buildReport } from "../document/buildReport.js";
import type { Lang } from "../messages/labels.js";
import { emitHtml } from "./report/html.js";

export function renderReportHtml(study: Study, coverage: Coverage, options: { lang: Lang; generatedOn: Date; timeline?: Timeline | undefined }): string {
  return emitHtml(buildReport(study, coverage, options));
}
