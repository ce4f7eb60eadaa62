// One renderer signature for every output format, and the registry the CLI looks them up in.

import type { Coverage } from "../analyse/coverage.js";
import type { Lang } from "../messages/labels.js";
import type { Paint } from "./paint.js";

export interface RenderOptions {
  lang: Lang;
  paint: Paint;
  /** Terminal width for the table; other formats ignore it. */
  width: number;
  /** CSV for Dutch Excel: UTF-8 BOM, `;` separators, decimal commas. */
  excel: boolean;
  /** `priority`: the topics come in priority order (flagged first); the table drops its category groups and shows the rank. */
  sort?: "category" | "priority";
}

export type Renderer = (coverage: Coverage, options: RenderOptions) => string | Uint8Array;

/** Output formats of `dekking matrix` and `dekking regions`. */
export const MATRIX_FORMATS = ["table", "json", "csv", "markdown"] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];
