// The kinds `source add --kind` accepts, in the order its help lists them. Apart from
// addSource.ts so that declaring the command does not load the PDF reader or the YAML library.
export const DOCUMENT_KINDS = ["accord", "region-plan", "report", "context", "programme", "letter", "web"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
