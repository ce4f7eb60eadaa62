// The summary in plain language (B1) for the people who were interviewed: what was studied,
// what is covered, where gaps may be, what happens next. Every sentence is a fixed pattern
// filled in from the Coverage (verdicts, gaps, dispositions, the comparison with the
// report); nothing else. Short sentences, common words, numbers as digits. The text is
// built once as plain data and escaped by each output kind (Markdown here, the PDF writer).

import type { Coverage, TopicCoverage } from "../analyse/coverage.js";
import { markdownText } from "./escape/markdown.js";
import { groupName, type Lang } from "../messages/labels.js";

export type PlainBlock = { kind: "p"; sentences: string[] } | { kind: "list"; items: string[] };

export interface PlainSection {
  heading: string;
  blocks: PlainBlock[];
}

export interface PlainSummary {
  title: string;
  sections: PlainSection[];
  /** Where the figures come from (not part of the readable text). */
  provenance: string;
}

function names(topics: readonly TopicCoverage[], lang: Lang): string[] {
  return topics.map((t) => (lang === "en" && t.labelEn ? t.labelEn : t.label));
}

function joinAnd(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "nl" ? "en" : "and"} ${items.at(-1)}`;
}

/** "1 onderwerp" / "3 onderwerpen". */
function topicsWord(n: number, lang: Lang): string {
  return lang === "nl" ? `${n} ${n === 1 ? "onderwerp" : "onderwerpen"}` : `${n} ${n === 1 ? "topic" : "topics"}`;
}

/** The summary's text, computed from the coverage. */
export function plainSummary(coverage: Coverage, lang: Lang): PlainSummary {
  const nl = lang === "nl";
  const topics = coverage.topics;
  const raised = topics.filter((t) => t.verdict !== "geen-signaal");
  const covered = topics.filter((t) => t.verdict === "gedekt");
  const flagged = topics.filter((t) => t.verdict === "witte-vlek" || t.verdict === "mogelijke-witte-vlek");
  const clear = flagged.filter((t) => t.verdict === "witte-vlek");
  const policyShort = flagged.filter((t) => t.gap === "beleid" || t.gap === "beide");
  const regionsShort = flagged.filter((t) => t.gap === "uitvoering" || t.gap === "beide");
  const regionsUnknown = regionsShort.filter((t) => t.regional.score === null);
  const groups = coverage.vocabulary.groups.map((g) => g.id).filter((g) => topics.some((t) => t.demand.groups.includes(g)));
  const decided = flagged.filter((t) => t.disposition !== null);
  const byDecision = (d: "monitor" | "accepted" | "action"): number => decided.filter((t) => t.disposition!.decision === d).length;
  const compared = topics.filter((t) => t.reference !== null);
  const agreeing = compared.filter((t) => t.reference!.agrees).length;
  const accords = coverage.accords.map((a) => a.name);
  const regionCount = coverage.study.regions.length;

  const sections: PlainSection[] = [];

  // What was studied
  const studied: string[] = nl
    ? ["Kunnen ouderen langer thuis blijven wonen?", "En is daar genoeg voor geregeld?", "Dat is de vraag van dit onderzoek."]
    : ["Can older people live at home for longer?", "And is enough arranged for that?", "That is the question of this study."];
  if (accords.length > 0)
    studied.push(
      nl
        ? `Het onderzoek keek naar ${accords.length} landelijke afspraken: ${joinAnd(accords, lang)}.`
        : `The study looked at ${accords.length} national agreements: ${joinAnd(accords, lang)}.`,
    );
  if (regionCount > 0) studied.push(nl ? `Ook keek het naar de plannen van ${regionCount} regio's.` : `It also looked at the plans of ${regionCount} regions.`);
  // A group named "x en y" is one group but reads as two words in a list.
  const people = groups.flatMap((g) => groupName(coverage.vocabulary, g, lang).split(nl ? " en " : " and "));
  if (groups.length > 0) studied.push(nl ? `En er waren gesprekken met ${joinAnd(people, lang)}.` : `And there were interviews with ${joinAnd(people, lang)}.`);
  studied.push(nl ? `In totaal gaat het om ${topicsWord(topics.length, lang)}.` : `In all, there are ${topicsWord(topics.length, lang)}.`);
  studied.push(nl ? `Over ${raised.length} daarvan vertelden mensen in de gesprekken.` : `People spoke about ${raised.length} of them in the interviews.`);
  sections.push({ heading: nl ? "Wat is onderzocht?" : "What was studied?", blocks: [{ kind: "p", sentences: studied }] });

  // What is covered
  const coveredBlocks: PlainBlock[] = [];
  if (covered.length > 0) {
    coveredBlocks.push({
      kind: "p",
      sentences: nl
        ? [
            `Bij ${topicsWord(covered.length, lang)} lijkt het goed geregeld.`,
            "Er zijn landelijke afspraken over.",
            "En de regio's hebben er plannen voor.",
            covered.length === 1 ? "Het gaat om dit onderwerp:" : "Het gaat om deze onderwerpen:",
          ]
        : [
            `For ${topicsWord(covered.length, lang)}, things seem well arranged.`,
            "There are national agreements about them.",
            "And the regions have plans for them.",
            covered.length === 1 ? "This is the topic:" : "These are the topics:",
          ],
    });
    coveredBlocks.push({ kind: "list", items: names(covered, lang) });
  } else {
    coveredBlocks.push({
      kind: "p",
      sentences: [nl ? "Bij geen enkel onderwerp lijkt alles goed geregeld." : "For no topic does everything seem well arranged."],
    });
  }
  sections.push({ heading: nl ? "Wat is goed geregeld?" : "What is well arranged?", blocks: coveredBlocks });

  // Where gaps may be
  const gapBlocks: PlainBlock[] = [];
  if (flagged.length === 0) {
    gapBlocks.push({ kind: "p", sentences: [nl ? "De berekening vindt geen gaten." : "The calculation finds no gaps."] });
  } else {
    const gapSentences = [
      nl ? `Bij ${topicsWord(flagged.length, lang)} is er misschien een gat.` : `For ${topicsWord(flagged.length, lang)}, there may be a gap.`,
    ];
    if (clear.length > 0)
      gapSentences.push(
        nl
          ? `Bij ${clear.length} daarvan is het gat duidelijk: ${joinAnd(names(clear, lang), lang)}.`
          : `For ${clear.length} of them the gap is clear: ${joinAnd(names(clear, lang), lang)}.`,
      );
    if (policyShort.length > 0)
      gapSentences.push(
        nl ? "Soms zijn er te weinig landelijke afspraken." : "Sometimes there are too few national agreements.",
        nl ? `Dat geldt voor ${topicsWord(policyShort.length, lang)}.` : `That is true for ${topicsWord(policyShort.length, lang)}.`,
      );
    if (regionsShort.length > 0)
      gapSentences.push(
        nl ? "Soms staat er te weinig over in de plannen van de regio's." : "Sometimes the plans of the regions say too little about it.",
        nl ? `Dat geldt voor ${topicsWord(regionsShort.length, lang)}.` : `That is true for ${topicsWord(regionsShort.length, lang)}.`,
      );
    if (regionsUnknown.length > 0)
      gapSentences.push(nl ? `Bij ${regionsUnknown.length} daarvan is het niet bekend.` : `For ${regionsUnknown.length} of them it is not known.`);
    gapSentences.push(nl ? "Dit zijn de onderwerpen:" : "These are the topics:");
    gapBlocks.push({ kind: "p", sentences: gapSentences });
    gapBlocks.push({
      kind: "list",
      items: flagged.map((t) => {
        const name = nl ? t.label : (t.labelEn ?? t.label);
        const why =
          t.gap === "beide"
            ? nl
              ? "te weinig afspraken en te weinig in de regio's"
              : "too few agreements and too little in the regions"
            : t.gap === "beleid"
              ? nl
                ? "te weinig afspraken"
                : "too few agreements"
              : nl
                ? "te weinig in de regio's"
                : "too little in the regions";
        return `${name}: ${why}`;
      }),
    });
    gapBlocks.push({
      kind: "p",
      sentences: nl
        ? ["Let op: dit is een berekening.", "Die komt uit de teksten van de afspraken en de plannen.", "Daarom staat er ‘misschien’."]
        : ["Please note: this is a calculation.", "It comes from the texts of the agreements and the plans.", "That is why it says ‘may’."],
    });
  }
  sections.push({ heading: nl ? "Waar zijn misschien gaten?" : "Where may there be gaps?", blocks: gapBlocks });

  // What happens next
  const next: string[] = [];
  if (flagged.length > 0) {
    if (decided.length > 0) {
      next.push(nl ? `Over ${decided.length} van deze onderwerpen is al een besluit.` : `For ${decided.length} of these topics there is a decision.`);
      const monitor = byDecision("monitor");
      const accepted = byDecision("accepted");
      const action = byDecision("action");
      if (monitor > 0)
        next.push(
          nl ? `Bij ${topicsWord(monitor, lang)} blijft men volgen hoe het gaat.` : `For ${topicsWord(monitor, lang)}, people will keep watching how it goes.`,
        );
      if (accepted > 0)
        next.push(
          nl
            ? `Bij ${topicsWord(accepted, lang)} is het volgens het besluit al op een andere plek geregeld.`
            : `For ${topicsWord(accepted, lang)}, the decision says it is arranged elsewhere.`,
        );
      if (action > 0) next.push(nl ? `Voor ${topicsWord(action, lang)} komt er een actie.` : `For ${topicsWord(action, lang)}, there will be an action.`);
    }
    const open = flagged.length - decided.length;
    if (open > 0) next.push(nl ? `Over ${topicsWord(open, lang)} is nog geen besluit.` : `For ${topicsWord(open, lang)}, there is no decision yet.`);
  }
  if (compared.length > 0) {
    next.push(nl ? "Het rapport van het onderzoek trekt ook zelf conclusies." : "The study report also draws its own conclusions.");
    next.push(
      nl
        ? `Bij ${agreeing} van de ${compared.length} onderwerpen komt de berekening daarmee overeen.`
        : `For ${agreeing} of the ${compared.length} topics, the calculation agrees with them.`,
    );
  }
  if (next.length === 0) next.push(nl ? "Er is nog niets besloten." : "Nothing has been decided yet.");
  sections.push({ heading: nl ? "Wat gebeurt er nu?" : "What happens next?", blocks: [{ kind: "p", sentences: next }] });

  return {
    title: nl ? "Samenvatting in gewone taal" : "Summary in plain language",
    sections,
    provenance: nl
      ? `Berekend uit de data met dataversie ${coverage.study.dataVersion}, peildatum ${coverage.study.asOf}.`
      : `Computed from the data with data version ${coverage.study.dataVersion}, as of ${coverage.study.asOf}.`,
  };
}

/** The readable text only: every sentence and list item, one per line (for readability measures). */
export function plainSummaryText(summary: PlainSummary): string {
  const lines: string[] = [];
  for (const section of summary.sections) {
    lines.push(section.heading);
    for (const block of section.blocks) lines.push(...(block.kind === "p" ? block.sentences : block.items));
  }
  return lines.join("\n");
}

/** samenvatting.md */
export function renderPlainSummaryMarkdown(coverage: Coverage, options: { lang: Lang }): string {
  const summary = plainSummary(coverage, options.lang);
  const out = [`# ${markdownText(summary.title)}`, ""];
  for (const section of summary.sections) {
    out.push(`## ${markdownText(section.heading)}`, "");
    for (const block of section.blocks) {
      if (block.kind === "p") out.push(block.sentences.map(markdownText).join(" "), "");
      else out.push(...block.items.map((item) => `- ${markdownText(item)}`), "");
    }
  }
  out.push(`*${markdownText(summary.provenance)}*`, "");
  return out.join("\n");
}
