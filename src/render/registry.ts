// Output formats of `dekking matrix`, looked up by name.

import type { MatrixFormat, Renderer } from "./renderer.js";
import { renderMatrixCsv } from "./renderMatrixCsv.js";
import { renderMatrixJson } from "./renderMatrixJson.js";
import { renderMatrixMarkdown } from "./renderMatrixMarkdown.js";
import { renderMatrixTable } from "./renderMatrixTable.js";


export const MATRIX_RENDERERS: Record<MatrixFormat, Renderer> = {
  table: renderMatrixTable,
  json: renderMatrixJson,
  csv: renderMatrixCsv,
  markdown: renderMatrixMarkdown,
};
