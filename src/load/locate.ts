// Maps a JSON pointer (as ajv's instancePath) back to a line and column in the YAML source.

import type { Node, Pair } from "yaml";
import type { Position } from "../findings.js";
import type { PositionedDocument } from "./parseYaml.js";

export function pointerSegments(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

function keyText(pair: Pair, isScalar: PositionedDocument["nodeTests"]["isScalar"]): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/**
 * The position of the node at `pointer`; `at: "key"` points at the key of the last
 * segment instead of its value. Where no node matches, the nearest parent is used.
 */
export function locatePointer(positioned: PositionedDocument, pointer: string, at: "key" | "value" = "value"): Position {
  const { doc, lineCounter } = positioned;
  const { isMap, isScalar, isSeq } = positioned.nodeTests;
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line - 1, col: col - 1 };
  };
  let node: unknown = doc.contents;
  let best = (node as Node | null)?.range?.[0] ?? 0;
  const segments = pointerSegments(pointer);
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p, isScalar) === segment);
      if (!pair) break;
      const keyStart = (pair.key as Node | null)?.range?.[0];
      if (keyStart !== undefined) best = keyStart;
      if (last && at === "key") return toPosition(best);
      node = pair.value;
      const valueStart = (node as Node | null)?.range?.[0];
      if (valueStart !== undefined) best = valueStart;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      node = item;
      if (item.range) best = item.range[0];
    } else {
      break;
    }
  }
  return toPosition(best);
}
