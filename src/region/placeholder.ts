/** What `region add` writes for `assessed_by` when no name is given; validate warns about it. */
export const ASSESSED_BY_PLACEHOLDER = "nog invullen";
