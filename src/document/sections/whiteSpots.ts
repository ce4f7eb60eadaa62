// The evidence sections: the (possible) white spots, and the appendix with the other topics.

import { REPORT_WORDS } from "../../messages/labels.js";
import type { Block, Section } from "../blocks.js";
import { flaggedTopics, type BuildContext } from "../common.js";
import { REPORT_TEXT } from "../../messages/reportText.js";
import { topicEvidence } from "../topics.js";

export function topicSections(ctx: BuildContext): { whiteSpots: Section; rest: Section | null } {
  const { coverage, lang } = ctx;
  const words = REPORT_WORDS[lang];
  const text = REPORT_TEXT[lang];
  const flagged = flaggedTopics(coverage);
  const others = coverage.topics.filter((t) => !flagged.includes(t));
  const whiteSpots: Section = {
    id: "white-spots",
    title: words.whiteSpots,
    blocks:
      flagged.length === 0
        ? [{ kind: "paragraph", text: words.noFlagged }]
        : [{ kind: "paragraph", text: text.whiteSpotsIntro(flagged.length) }, ...flagged.map((t): Block => ({ kind: "group", group: topicEvidence(ctx, t) }))],
  };
  const rest: Section = {
    id: "evidence",
    title: text.otherTopics,
    blocks: [{ kind: "paragraph", text: text.otherTopicsIntro(others.length) }, ...others.map((t): Block => ({ kind: "group", group: topicEvidence(ctx, t) }))],
  };
  return others.length > 0 ? { whiteSpots, rest } : { whiteSpots, rest: null };
}
