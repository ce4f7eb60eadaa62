// The layers of src/ and which may import which (docs/architecture.md describes them; this
// file enforces them: `npm run deps`, run by .ci/run). From the top:
//
//   main.ts → cli.ts → commands/ → report/, region/, sources/, init/ (orchestration that writes files)
//   → render/ (text and bytes) → document/ (the report document model: sections of typed blocks),
//   loadStudy.ts → load/, validate/
//   → analyse/ (pure verdict rules; scoring.ts is its kernel), evidence/ (source texts, quotes)
//   → the shared leaves: model.ts, findings.ts, errors.ts, ownKeys.ts, didYouMean.ts, …,
//     and messages/ (the message catalogue: the findings' codes with their parameters and
//     words, and every fixed word and sentence of the outputs in Dutch and English)
//
// Type-only imports count too (tsPreCompilationDeps), so a cycle cannot hide in a type.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A cycle makes two modules one; break it by moving what both need to a lower module.",
      from: {},
      to: { circular: true },
    },
    {
      name: "scoring-kernel-stands-alone",
      severity: "error",
      comment: "The scoring kernel is imported by computeCoverage, intervals, priority and sensitivity, and imports none of them.",
      from: { path: "^src/analyse/scoring\\.ts$" },
      to: { path: "^src/analyse/(computeCoverage|intervals|priority|sensitivity|timeline|diffCoverage|personaCoverage|evidenceView)\\.ts$" },
    },
    {
      name: "analysis-is-pure",
      severity: "error",
      comment: "src/analyse computes from data: no reading, validating, rendering, writing, and no Node I/O.",
      from: { path: "^src/analyse/" },
      to: {
        path: "^(src/(commands|load|loadStudy\\.ts|validate|render|document|report|region|sources|cli\\.ts|main\\.ts)|node:(fs|child_process|net|http|https|process))",
      },
    },
    {
      name: "evidence-is-pure",
      severity: "error",
      comment: "src/evidence works on texts it is given (source texts, quotes, screening).",
      from: { path: "^src/evidence/" },
      to: {
        path: "^(src/(commands|load|loadStudy\\.ts|validate|render|document|report|region|sources|analyse|cli\\.ts|main\\.ts)|node:(fs|child_process|net|http|https))",
      },
    },
    {
      name: "renderers-do-not-load-or-write",
      severity: "error",
      comment: "A renderer turns coverage and study values into text or bytes; loading, validating and writing files happen elsewhere.",
      from: { path: "^src/render/" },
      to: { path: "^src/(commands|load|loadStudy\\.ts|validate|report|region|sources|cli\\.ts|main\\.ts)" },
    },
    {
      name: "report-emitters-choose-no-words",
      severity: "error",
      comment:
        "The PDF, HTML, Markdown and terminal emitters lay out the report document's blocks: they read no study, coverage or language, only the blocks, the escape steps, the palette and their own layout code (the terminal's: textColumns and textTable).",
      from: { path: "^src/render/report/" },
      to: {
        path: "^src/(?!analyse/levels\\.ts$|document/blocks\\.ts$|render/(escape/|palette\\.ts|paint\\.ts|textColumns\\.ts|textTable\\.ts|pdf/|html/(script|style)\\.ts|report/))",
      },
    },
    {
      name: "no-import-between-report-formats",
      severity: "error",
      comment: "The PDF, HTML and Markdown emitters share what they share through the document model and lower modules, not through each other.",
      from: { path: "^src/render/(report/pdf\\.ts|pdf/|renderPdf\\.ts)" },
      to: { path: "^src/render/(report/(html|markdown)\\.ts|html/|renderReportHtml\\.ts|renderReportMarkdown\\.ts)" },
    },
    {
      name: "no-import-between-report-formats-html",
      severity: "error",
      from: { path: "^src/render/(report/html\\.ts|html/|renderReportHtml\\.ts)" },
      to: { path: "^src/render/(report/(pdf|markdown)\\.ts|pdf/|renderPdf\\.ts|renderReportMarkdown\\.ts)" },
    },
    {
      name: "no-import-between-report-formats-markdown",
      severity: "error",
      from: { path: "^src/render/(report/markdown\\.ts|renderReportMarkdown\\.ts)" },
      to: { path: "^src/render/(report/(pdf|html)\\.ts|pdf/|renderPdf\\.ts|html/|renderReportHtml\\.ts)" },
    },
    {
      name: "the-document-model-knows-no-format",
      severity: "error",
      comment:
        "The report document is built once for every format and for the terminal: src/document/ sits below src/render/ and imports nothing from it (no emitter, no format's layout code, no renderer); it uses the analysis, the evidence, the catalogue and the leaves.",
      from: { path: "^src/document/" },
      to: { path: "^src/(render|commands|load|loadStudy\\.ts|validate|report|region|sources|init|cli\\.ts|main\\.ts)" },
    },
    {
      name: "loading-does-not-validate-or-analyse",
      severity: "error",
      comment: "src/load reads files; loadStudy.ts puts reading and validating together.",
      from: { path: "^src/load/" },
      to: { path: "^src/(validate|analyse|render|document|report|region|sources|commands|loadStudy\\.ts)" },
    },
    {
      name: "validation-uses-only-the-load-leaves",
      severity: "error",
      comment: "Validation may use the pointer, limit and file-kind leaves of src/load, not the reading itself.",
      from: { path: "^src/validate/" },
      to: { path: "^src/(load/(?!locate\\.ts|limits\\.ts|dataFiles\\.ts)|loadStudy\\.ts|analyse|render|document|report|region|sources|commands)" },
    },
    {
      name: "orchestration-does-not-use-commands",
      severity: "error",
      comment: "report/, region/, sources/ and init/ are used by commands, never the other way round.",
      from: { path: "^src/(report|region|sources|init)/" },
      to: { path: "^src/(commands|cli\\.ts|main\\.ts)" },
    },
    {
      name: "only-the-cli-registers-commands",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(cli\\.ts|commands/)" },
      to: { path: "^src/commands/" },
    },
    {
      name: "shared-leaves-stay-leaves",
      severity: "error",
      comment: "The shared leaves import only each other.",
      from: { path: "^src/((model|findings|errors|ownKeys|didYouMean|unsafeText|packageRoot|version|cacheDir|backUpFile)\\.ts$|messages/findings\\.ts$)" },
      to: { path: "^src/(?!((model|findings|errors|ownKeys|didYouMean|unsafeText|packageRoot|version|cacheDir|backUpFile)\\.ts$|messages/))" },
    },
    {
      name: "the-catalogue-uses-types-and-character-names-only",
      severity: "error",
      comment:
        "src/messages/ turns codes, values and counts into words: it may use model.ts's types, unsafeText.ts's character names and the names of the analysis's values (verdicts, gaps, levels), nothing else (findings.ts and the renderers import it, not the other way round).",
      from: { path: "^src/messages/" },
      to: { path: "^src/(?!((model|unsafeText)\\.ts|analyse/(coverage|levels)\\.ts)$|messages/)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^(dist|generated|node_modules)/" },
  },
};
