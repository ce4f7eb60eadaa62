// The part of cli-table3 0.6.5's internal text helpers that textTable.ts replaces: its cells
// call them through this module object (`utils.strlen(...)`), so replacing them here changes
// how every cell is measured, padded and cut.
declare module "cli-table3/src/utils.js" {
  interface TableText {
    /** Display width of the widest line, colour codes not counted. */
    strlen: (text: string) => number;
    /** `text` filled with `fill` to `width` columns. */
    pad: (text: string, width: number, fill: string, align: "left" | "right" | "center" | undefined) => string;
    /** `text` cut to `width` columns, ending in `mark` where it was cut. */
    truncate: (text: string, width: number, mark?: string) => string;
  }
  const tableText: TableText;
  export default tableText;
}
