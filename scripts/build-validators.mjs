// Precompiles the JSON Schemas in schemas/ into generated/validators.cjs (ajv standalone
// code), so the CLI does not compile schemas at start-up. Built with `verbose` so each
// error carries its schema: an unknown key can then be answered with the keys allowed.
// CommonJS output: ajv's ESM standalone output still contains require() calls.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const schemaDir = path.join(root, "schemas");
const outDir = path.join(root, "generated");

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true, code: { source: true, esm: false } });
const schemas = {};
for (const name of readdirSync(schemaDir)
  .filter((n) => n.endsWith(".schema.json"))
  .sort()) {
  const schema = JSON.parse(readFileSync(path.join(schemaDir, name), "utf8"));
  schemas[name] = schema;
  ajv.addSchema(schema);
}

const kinds = Object.keys(schemas)
  .filter((name) => name !== "common.schema.json")
  .map((name) => name.replace(/\.schema\.json$/, ""));
const mapping = Object.fromEntries(kinds.map((kind) => [kind, `${kind}.schema.json`]));
const code = standaloneCode.default(ajv, mapping);

mkdirSync(outDir, { recursive: true });
const target = path.join(outDir, "validators.cjs");
const temporary = `${target}.${process.pid}.tmp`;
writeFileSync(temporary, code);
renameSync(temporary, target);
console.log(`validators: ${kinds.length} schemas → ${path.relative(root, target)}`);

// The study snapshot and the report's --check record key on this digest (via the tool's
// fingerprint); computing it here keeps the hashing out of every run.
const fingerprint = createHash("sha256").update(code).digest("hex").slice(0, 16);
writeFileSync(path.join(outDir, "fingerprint.json"), `${JSON.stringify({ validators: fingerprint })}\n`);
