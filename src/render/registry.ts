// Output formats of `dekking matrix`, looked up by name. Each renderer loads only when its
// format is asked for: the table's width measure, for one, costs start-up time JSON never needs.

import type { MatrixFormat, Renderer } from "./renderer.js";

export const MATRIX_RENDERERS: Record<MatrixFormat, () => Promise<Renderer>> = {
  table: async () => (await import("./renderMatrixTable.js")).renderMatrixTable,
  json: async () => (await import("./renderMatrixJson.js")).renderMatrixJson,
  csv: async () => (await import("./renderMatrixCsv.js")).renderMatrixCsv,
  markdown: async () => (await import("./renderMatrixMarkdown.js")).renderMatrixMarkdown,
};
