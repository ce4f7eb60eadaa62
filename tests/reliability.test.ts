// The reliability figures the report shows (study.yaml `reliability`) are recorded
// measurements: each is recomputed here with `dekking agreement` from the files its round
// names, so a figure that no longer matches its files fails, as a quote that is not in its
// source does.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { Reliability, ReliabilityEncoding } from "../src/model.js";
import { ROOT, runInProcess } from "./helpers.js";

const reliability = (parse(readFileSync(path.join(ROOT, "data", "study.yaml"), "utf8")) as { reliability: Reliability }).reliability;

interface AgreementJson {
  kind?: string;
  links?: { kappa: number; compared: number; agreeing: number };
  strength?: { kappa: number; weightedKappa: number; compared: number; agreeing: number };
  scope?: { kappa: number; compared: number; agreeing: number };
  period?: { kappa: number; compared: number; agreeing: number };
  kappa?: number;
  weightedKappa?: number;
  compared?: number;
  agreeing?: number;
}

async function agreement(first: string, second: string): Promise<AgreementJson> {
  const result = await runInProcess(["agreement", first, second, "--format", "json"]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as AgreementJson;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** The figures `dekking agreement` gives for one encoding, in the record's shape. */
function figures(json: AgreementJson, encoding: string): ReliabilityEncoding {
  if (json.kind === "accord")
    return {
      encoding,
      units: json.strength!.compared,
      links: round2(json.links!.kappa),
      strength: round2(json.strength!.kappa),
      strength_weighted: round2(json.strength!.weightedKappa),
      scope: round2(json.scope!.kappa),
      period: round2(json.period!.kappa),
    };
  return { encoding, units: json.compared!, status: round2(json.kappa!), status_weighted: round2(json.weightedKappa!) };
}

function changes(json: AgreementJson): NonNullable<ReliabilityEncoding["changed"]> {
  if (json.kind === "accord") {
    const differ = (field: { compared: number; agreeing: number }): number => field.compared - field.agreeing;
    return { links: differ(json.links!), strength: differ(json.strength!), scope: differ(json.scope!), period: differ(json.period!) };
  }
  return { status: json.compared! - json.agreeing! };
}

describe("the reliability figures of study.yaml", () => {
  it("names rounds and encodings", () => {
    expect(reliability.rounds.length).toBeGreaterThanOrEqual(1);
    expect(reliability.rounds.flatMap((r) => r.encodings).length).toBeGreaterThanOrEqual(4);
  });

  for (const round of reliability.rounds) {
    for (const recorded of round.encodings) {
      it(`round ${round.round}, ${recorded.encoding}: κ per field as dekking agreement computes it from ${round.first} and ${round.second}`, async () => {
        const file = (folder: string): string => path.join(ROOT, folder, `${recorded.encoding}.yaml`);
        const measured = figures(await agreement(file(round.first), file(round.second)), recorded.encoding);
        const { changed, ...kappas } = recorded;
        expect(kappas).toEqual(measured);
        if (round.reconciled) expect(changed).toEqual(changes(await agreement(file(round.first), file(round.reconciled))));
        else expect(changed).toBeUndefined();
      }, 60_000);
    }
  }
});
