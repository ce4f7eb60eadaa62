// The inline stylesheet of coverage.html. Fills come from the PDF's colour-blind-safe
// palette (Okabe–Ito), with black or white text, whichever contrasts more; every filled
// cell also carries a symbol, a number or a word. System fonts only: nothing is fetched.

import { DEMAND_FILL, INK, inkOn, LEVEL_FILLS, MUTED, PANEL, RULE, TONE_FILLS, VERDICT_FILLS } from "../palette.js";

/** Link colour: the palette's blue darkened so text links reach 4.5:1 on white and on the panel. */
const LINK = "#005A8C";
/** The marked part of the evidence in the dialog. */
const CURRENT = "#FFF4D6";

const fills = [...Object.entries(TONE_FILLS).map(([tone, fill]) => `.${tone}{background:${fill};color:${inkOn(fill)}}`)].join("\n");

export const HTML_STYLE = `
:root{color-scheme:light}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;line-height:1.5;color:${INK};background:#fff;-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:76rem;padding:0 1.25rem 3rem}
a{color:${LINK}}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid ${INK};outline-offset:2px}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;font-size:.85em}
h1{font-size:2rem;line-height:1.2;margin:.25rem 0 .5rem}
h2{font-size:1.5rem;line-height:1.25;margin:2.5rem 0 .75rem;padding-top:.5rem;border-top:3px solid ${RULE}}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .35rem}
h5{font-size:.95rem;margin:.75rem 0 .25rem}
.skip{position:absolute;left:-10000px;top:.5rem;background:#fff;color:${INK};padding:.5rem 1rem;border:3px solid ${INK};z-index:10}
.skip:focus{left:.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.masthead{border-bottom:4px solid ${LEVEL_FILLS.high};padding:1.5rem 0 .5rem}
.kicker{text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;font-weight:600;color:${MUTED};margin:0}
.meta{color:${MUTED};margin:.25rem 0}
.toc{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;padding:0;margin:.75rem 0 0}
.counts{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.75rem 0}
.count{padding:.4rem .8rem;border-radius:4px;font-weight:600}
.count .n{font-size:1.25rem}
.small,.source{font-size:.85rem}
.source,.muted{color:${MUTED}}
.hint{max-width:60rem}
.js-only{display:none}
html.js .js-only{display:block}
html.js .no-js{display:none}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(10.5rem,1fr));align-items:end;gap:.75rem 1rem;margin:1rem 0 .5rem;padding:.75rem 1rem;background:${PANEL};border-radius:6px}
.filters[hidden]{display:none}
.filter label{display:block;font-size:.85rem;font-weight:600;margin-bottom:.15rem}
.filters select{width:100%}
.filters select,.filters button,.close{font:inherit;font-size:.95rem;min-height:2.5rem;padding:.3rem .6rem;border:2px solid ${MUTED};border-radius:4px;background:#fff;color:${INK}}
.filters button,.close{cursor:pointer;border-color:${INK}}
.status{font-weight:600;margin:.25rem 0 .5rem}
.table-scroll{overflow-x:auto;max-width:100%}
table{font-variant-numeric:tabular-nums}
table.matrix{border-collapse:separate;border-spacing:2px;width:100%;font-size:.9rem}
.matrix th,.matrix td{padding:0;vertical-align:middle}
.matrix thead th{padding:.4rem .25rem;border-bottom:2px solid ${INK};font-weight:600;text-align:center;white-space:nowrap}
.matrix thead .topic-col{text-align:left;padding-left:.5rem}
.category-row th{text-align:left;font-size:.95rem;padding:1rem .5rem .25rem;border-bottom:1px solid ${RULE}}
a.cell{display:flex;flex-direction:column;justify-content:center;box-sizing:border-box;min-height:2.9rem;padding:.3rem .45rem;color:inherit;text-decoration:none}
a.cell:hover{box-shadow:inset 0 0 0 2px ${INK}}
a.cell:focus-visible{outline:3px solid #000;outline-offset:-3px;box-shadow:inset 0 0 0 6px #fff}
.topic-cell{text-align:left;font-weight:normal;min-width:12rem}
.topic-cell a.cell{color:${LINK};text-decoration:underline;text-underline-offset:2px}
td.level,td.demand,td.report{text-align:center;white-space:nowrap}
.level .word{display:block;font-size:.75rem;line-height:1.2}
td.demand{background:${DEMAND_FILL}}
.letters{letter-spacing:.2em;font-weight:600}
.demand .num{display:block;font-size:.75rem;line-height:1.2}
td.verdict{min-width:8rem;text-align:left}
.matrix thead th[data-col="verdict"]{text-align:left;padding-left:.5rem}
.verdict .gap{font-size:.85rem}
.verdict .decision{display:block;font-size:.75rem;line-height:1.2}
td.report{background:${PANEL}}
abbr[title]{text-decoration:none;cursor:help}
tr[hidden],details[hidden],section[hidden]{display:none}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 2.5rem;margin:1rem 0}
.legend h3{font-size:.95rem;margin:.25rem 0}
.legend ul{list-style:none;padding:0;margin:0}
.legend li{margin:.2rem 0}
.legend-note{flex-basis:100%;margin:0}
.swatch{display:inline-block;min-width:6.5rem;padding:.05rem .5rem;border-radius:3px;font-weight:600}
h4 .swatch,h5 .swatch{min-width:0;margin-right:.35rem}
h4 .swatch .word{display:inline}
.letter{display:inline-block;width:1.5rem;text-align:center;font-weight:600;background:${DEMAND_FILL};border-radius:3px}
details.topic{border:1px solid ${RULE};border-radius:6px;margin:.5rem 0;background:#fff}
details.topic>summary{cursor:pointer;padding:.55rem .75rem;font-weight:600}
details.topic>summary code{font-weight:normal;color:${MUTED}}
details.topic[open]>summary{border-bottom:1px solid ${RULE}}
.badge{display:inline-block;padding:0 .45rem;border-radius:3px;font-size:.85rem;font-weight:600}
.evidence{padding:.25rem 1rem 1rem}
.part{margin:.25rem 0;scroll-margin-top:5.5rem}
.group-heading{margin-bottom:0}
blockquote{margin:.35rem 0;padding:.1rem 0 .1rem .8rem;border-left:4px solid ${LEVEL_FILLS.medium}}
blockquote p{margin:.2rem 0}
.by{color:${MUTED}}
.action-head{margin:.5rem 0 0;font-size:.9rem}
table.plain{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}
.plain th,.plain td{border-bottom:1px solid ${RULE};padding:.3rem .6rem;text-align:left;vertical-align:top}
.plain thead th{border-bottom:2px solid ${INK}}
.numbers td{text-align:right}
.sources li{margin:.35rem 0}
.c-center,.plain .c-center{text-align:center}
.c-right,.plain .c-right{text-align:right}
.note{display:block;font-size:.8rem;line-height:1.25}
.plain .topic-cell{min-width:0;font-weight:normal}
.compact{font-size:.85rem}
.lead{font-size:1.05rem}
.cards{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:.75rem 0}
.card{flex:1 1 11rem;padding:.5rem .75rem;border-radius:4px}
.card .caption,.card .text{display:block;font-size:.8rem}
.card strong{display:block;font-size:1.05rem}
.callout.callout{border-left:6px solid ${VERDICT_FILLS["mogelijke-witte-vlek"]};background:${PANEL};color:${INK};padding:.25rem 1rem;margin:1rem 0}
.chip-line{display:flex;gap:.5rem;align-items:baseline}
.chip{flex:none;display:inline-block;width:.8rem;height:.8rem;border-radius:2px;border:1px solid ${MUTED}}
blockquote.accent{border-left-color:${LEVEL_FILLS.high}}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.75rem 0}
.facts dt{color:${MUTED}}
.facts dd{margin:0}
section.group{margin:1rem 0}
.colophon{margin-top:3rem;border-top:1px solid ${RULE};color:${MUTED};font-size:.85rem}
dialog{width:min(54rem,94vw);max-height:88vh;padding:0;border:0;border-radius:8px;box-shadow:0 10px 40px rgba(0,0,0,.35);color:${INK}}
dialog::backdrop{background:rgba(20,24,28,.55)}
.dialog-head{position:sticky;top:0;z-index:1;display:flex;align-items:flex-start;justify-content:space-between;gap:1rem;padding:.75rem 1rem;background:#fff;border-bottom:1px solid ${RULE}}
.dialog-head h2{margin:0;padding:0;border:0;font-size:1.2rem}
.dialog-body{padding:0 1rem 1rem}
.dialog-body .part.current{background:${CURRENT};outline:3px solid ${VERDICT_FILLS["mogelijke-witte-vlek"]};border-radius:4px;padding:.25rem .6rem;margin:.5rem -.6rem}
${fills}
@media (max-width:52rem){
body{padding:0 .75rem 2rem}
h1{font-size:1.6rem}
table.matrix{font-size:.82rem;border-spacing:1px}
a.cell{padding:.25rem .3rem}
.topic-cell{min-width:8rem}
td.verdict{min-width:6.5rem}
.level .word{font-size:.7rem}
}
@media print{
body{max-width:none;padding:0;font-size:10pt}
.skip,.toc,.filters,.status,.hint,dialog,.js-only{display:none!important}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a,.topic-cell a.cell{color:inherit;text-decoration:none}
h2{break-after:avoid}
.table-scroll{overflow:visible}
tr,blockquote,.part{break-inside:avoid}
details.topic{border:0;border-top:1px solid ${RULE};border-radius:0}
details.topic>summary{list-style:none}
details::details-content{content-visibility:visible;display:block}
a.cell{min-height:0}
}
`.trim();
