// The widths the terminal renderers lay out for. Apart from textColumns.ts so that commands
// can clamp a width without loading the width-measuring library at start-up.

/** Narrowest terminal width the renderers lay out for; below it they use this width. */
export const MIN_WIDTH = 40;
/** Widest: beyond this nothing gets wider, so a huge COLUMNS cannot make huge lines. */
export const MAX_WIDTH = 400;

/** A width that is safe to lay out for: a whole number from MIN_WIDTH to MAX_WIDTH. */
export function usableWidth(width: number): number {
  if (!Number.isFinite(width)) return width > 0 ? MAX_WIDTH : MIN_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.floor(width)));
}
