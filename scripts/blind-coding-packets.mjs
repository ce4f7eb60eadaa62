#!/usr/bin/env node
// Writes the blind-coding packets of issue 26: for every accord action whose source is the
// accord's own text (a `source.doc` of kind `accord` with a page) and for every finding of the
// Flevoland region plan, the passage a second coder reads — id, document, page, the verbatim
// words the first coder cited, and the paragraph around them on that page — WITHOUT the first
// coding (no topics, strength, scope, period, status, evidence or note). Each packet ends with
// the topic list (id, label, definition) from data/topics.yaml.
//
// Usage: node scripts/blind-coding-packets.mjs [--data data] [--sources ../shared/sources] [--out docs/encoding/second-coding/packets]
// Source texts are looked up by the register's `text` file name in data/sources/ first, then in --sources.
//
// Output: <out>/<accord>.md (one per accord that has such actions) and <out>/flevoland.md.
// Deterministic: the same data gives byte-identical packets.

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const dataDir = option("--data", "data");
const extraSources = option("--sources", "../shared/sources");
const outDir = option("--out", "docs/encoding/second-coding/packets");
const regionFile = option("--region", path.join(dataDir, "regions", "flevoland.yaml"));

const readYaml = (file) => parse(readFileSync(file, "utf8"));
const study = readYaml(path.join(dataDir, "study.yaml"));
const documents = new Map(study.documents.map((d) => [d.id, d]));
const topics = readYaml(path.join(dataDir, "topics.yaml")).topics;

/** Same normalisation as src/evidence/sourceText.ts normaliseForComparison (kept in step by hand). */
function normalise(text) {
  return text
    .normalize("NFC")
    .replace(/\u00AD\s*/g, "")
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/(\p{L})-\s+(\p{Ll})/gu, "$1$2")
    .split(/[\s\u200B\uFEFF]+/)
    .join("");
}

const pageCache = new Map();
/** The pages of a document: Map page number → array of paragraphs (blank-line separated, whitespace collapsed). */
function pagesOf(docId) {
  if (pageCache.has(docId)) return pageCache.get(docId);
  const doc = documents.get(docId);
  if (!doc?.text) throw new Error(`document ${docId} has no text in the register`);
  const candidates = [path.join(dataDir, "sources", doc.text), path.join(extraSources, doc.text)];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`text of ${docId} not found (looked in ${candidates.join(", ")})`);
  const parts = readFileSync(file, "utf8").split(/^## Page (\d+)\s*$/m);
  const pages = new Map();
  for (let i = 1; i < parts.length; i += 2) {
    const paragraphs = (parts[i + 1] ?? "")
      .split(/\n\s*\n/)
      .map((p) => p.replace(/\s+/g, " ").trim())
      .filter((p) => p.length > 0);
    pages.set(Number(parts[i]), paragraphs);
  }
  pageCache.set(docId, pages);
  return pages;
}

/** Page numbers of a page field: 12, "27-28". */
function pageNumbers(page) {
  const [from, to] = String(page).split("-").map(Number);
  const out = [];
  for (let p = from; p <= (to ?? from); p++) out.push(p);
  return out;
}

/**
 * The paragraphs of the cited page(s) that hold the pieces of a quote (split at ` […] `), in page
 * order and without repeats. A piece that crosses a paragraph break is found by its first 40
 * normalised characters. Returns [] when nothing is found (then the packet says so).
 */
function surroundingParagraphs(docId, page, quote) {
  const pages = pagesOf(docId);
  const pieces = quote
    .split(/\[(?:…|\.\.\.)\]/)
    .map(normalise)
    .filter((p) => p.length > 0);
  const found = [];
  for (const p of pageNumbers(page)) {
    for (const paragraph of pages.get(p) ?? []) {
      const n = normalise(paragraph);
      if (pieces.some((piece) => n.includes(piece) || n.includes(piece.slice(0, 40)) || (piece.length > 40 && piece.includes(n) && n.length > 30))) {
        const entry = `p. ${p}: ${paragraph}`;
        if (!found.includes(entry)) found.push(entry);
      }
    }
  }
  return found;
}

const quoteBlock = (text) =>
  text
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");

function topicList() {
  const lines = [
    "## Topics",
    "",
    'Link an item to a topic only where the passage commits to (or, for a plan, addresses) that need; see the codebook, "Topic link". A topic\'s definition is its analysis question from the study report, or, where it has none, the remark in data/topics.yaml.',
    "",
  ];
  for (const t of topics) {
    const definition = t.questions?.length ? t.questions.join(" ") : (t.note ?? "").replace(/\s+/g, " ").trim();
    lines.push(`- \`${t.id}\` — **${t.label}**${t.label_en ? ` (${t.label_en})` : ""}${definition ? `: ${definition}` : ""}`);
  }
  return lines.join("\n") + "\n";
}

function accordPackets() {
  const written = [];
  const accordDir = path.join(dataDir, "accords");
  for (const file of readdirSync(accordDir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const accord = readYaml(path.join(accordDir, file));
    const items = accord.actions.filter((a) => a.source?.page !== undefined && documents.get(a.source.doc)?.kind === "accord");
    if (items.length === 0) continue;
    const docs = [...new Set(items.map((a) => a.source.doc))];
    const out = [
      `# Blind-coding packet: ${accord.name} (${accord.id})`,
      "",
      `${items.length} actions of \`data/accords/${file}\` whose source is the accord's own text (${docs.map((d) => `\`${d}\``).join(", ")}). For each: the action id, the document and page, the words the first coder took as the action (verbatim; \` […] \` marks an elision), and the paragraph(s) of that page that hold them, for context. The first coding is left out on purpose. Code each action with the codebook (\`docs/encoding/codebook.md\`) into \`docs/encoding/second-coding/${accord.id}.yaml\`; see \`docs/encoding/second-coding/README.md\`.`,
      "",
      `Generated by \`node scripts/blind-coding-packets.mjs\`; do not edit by hand.`,
      "",
    ];
    items.forEach((a, i) => {
      out.push(`## ${i + 1}. \`${a.id}\``, "");
      out.push(
        `- accord: ${accord.name} · document: \`${a.source.doc}\` (${documents.get(a.source.doc).title}) · page ${a.source.page}${a.source.section ? ` · section: ${a.source.section}` : ""}`,
        "",
      );
      out.push("Action text (verbatim):", "", quoteBlock(a.text), "");
      const context = surroundingParagraphs(a.source.doc, a.source.page, a.text);
      out.push("Surrounding paragraph(s) on the page:", "");
      out.push(
        context.length ? context.map(quoteBlock).join("\n\n") : "> (the paragraph could not be located automatically; read the page in the source text)",
        "",
      );
    });
    out.push(topicList());
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, `${accord.id}.md`), out.join("\n"));
    written.push(`${accord.id}: ${items.length} actions`);
  }
  return written;
}

function regionPacket() {
  const plan = readYaml(regionFile);
  const docId = plan.plan.document;
  const name = path.basename(regionFile, ".yaml");
  const entries = Object.entries(plan.findings);
  const out = [
    `# Blind-coding packet: region plan ${plan.region} (${name})`,
    "",
    `${entries.length} findings of \`${regionFile}\` (document \`${docId}\`, ${plan.plan.title}). For each topic: the passages the first assessor cited (verbatim, with page) and the paragraph(s) around them. A topic the first assessor found \`absent\` has no passage: search the plan yourself with the topic's question. The first coding (status, scope, evidence, note) is left out on purpose. Code each topic with the codebook into \`docs/encoding/second-coding/${name}.yaml\` (a region-plan file), and the participation of the groups named below on the ladder.`,
    "",
    `Generated by \`node scripts/blind-coding-packets.mjs\`; do not edit by hand.`,
    "",
  ];
  const byId = new Map(topics.map((t) => [t.id, t]));
  entries.forEach(([topic, finding], i) => {
    const t = byId.get(topic);
    out.push(`## ${i + 1}. \`${topic}\` — ${t?.label ?? topic}`, "");
    if (t?.questions?.length) out.push(`Question: ${t.questions.join(" ")}`, "");
    const quotes = [...(finding.quote ? [{ page: finding.page, quote: finding.quote, doc: finding.doc }] : []), ...(finding.quotes ?? [])];
    if (quotes.length === 0) out.push("No passage cited: search the plan for this topic.", "");
    for (const q of quotes) {
      const doc = q.doc ?? docId;
      out.push(`Passage (\`${doc}\`, p. ${q.page}):`, "", quoteBlock(q.quote), "");
      const context = q.page !== undefined ? surroundingParagraphs(doc, q.page, q.quote) : [];
      out.push("Surrounding paragraph(s):", "", context.length ? context.map(quoteBlock).join("\n\n") : "> (not located automatically; read the page)", "");
    }
  });
  const groups = Array.isArray(plan.participation) ? plan.participation : [];
  if (groups.length) {
    out.push(
      "## Participation",
      "",
      "The groups the first assessor found named as taking part (code each on the ladder toehoorder < meedenker < adviseur < partner < regisseur, or nvt):",
      "",
    );
    for (const g of groups) {
      out.push(`### ${g.group}`, "");
      for (const e of g.evidence ?? []) out.push(`- p. ${e.page}: “${e.quote}”`);
      out.push("");
    }
  }
  out.push(topicList());
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, `${name}.md`), out.join("\n"));
  return `${name}: ${entries.length} findings`;
}

const report = [...accordPackets(), regionPacket()];
process.stdout.write(report.join("\n") + "\n");
