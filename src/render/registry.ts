// Output formats of `dekking matrix`, looked up by name.

import type { Renderer } from "./renderer.js";
import { renderMatrixCsv } from "./renderMatrixCsv.js";
import { renderMatrixJson } from "./renderMatrixJson.js";
import { renderMatrixMarkdown } from "./renderMatrixMarkdown.js";
import { renderMatrixTable } from "./renderMatrixTable.js";

export const MATRIX_FORMATS = ["table", "json", "csv", "markdown"] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

export const MATRIX_RENDERERS: Record<MatrixFormat, Renderer> = {
  table: renderMatrixTable,
  json: renderMatrixJson,
  csv: renderMatrixCsv,
  markdown: renderMatrixMarkdown,
};
