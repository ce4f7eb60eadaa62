/** Display width of `text` in terminal columns (string-width's measure), loading string-width on first use. */
declare function measureWidth(text: string): number;
export = measureWidth;
