// The identity of the built tool: its version, the digest of the bundle and of the compiled
// validators (generated/fingerprint.json, written by the build). Part of every key that says
// "this result was computed by this tool": the report's --check record and the study snapshot.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { PACKAGE_ROOT } from "./packageRoot.js";
import { TOOL_VERSION } from "./version.js";

let fingerprint: string | undefined;

export function toolFingerprint(): string {
  if (fingerprint === undefined) {
    try {
      const recorded = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "generated", "fingerprint.json"), "utf8")) as { tool?: string; validators?: string };
      fingerprint = `${TOOL_VERSION}:${recorded.tool ?? "unbundled"}:${recorded.validators ?? ""}`;
    } catch {
      fingerprint = `${TOOL_VERSION}:unknown`;
    }
  }
  return fingerprint;
}
