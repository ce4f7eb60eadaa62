// Precompiles the JSON Schemas in schemas/ into generated/validators.cjs (ajv standalone
// code), so the CLI does not compile schemas at start-up. Also records, per object schema,
// the keys it allows, so an unknown key can be answered with "did you mean …?".
// CommonJS output: ajv's ESM standalone output still contains require() calls.
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import standaloneCode from "ajv/dist/standalone/index.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const schemaDir = path.join(root, "schemas");
const outDir = path.join(root, "generated");

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, code: { source: true, esm: false } });
addFormats.default(ajv, ["date", "uri"]);
const schemas = {};
for (const name of readdirSync(schemaDir).filter((n) => n.endsWith(".schema.json")).sort()) {
  const schema = JSON.parse(readFileSync(path.join(schemaDir, name), "utf8"));
  schemas[name] = schema;
  ajv.addSchema(schema);
}

const kinds = Object.keys(schemas)
  .filter((name) => name !== "common.schema.json")
  .map((name) => name.replace(/\.schema\.json$/, ""));
const mapping = Object.fromEntries(kinds.map((kind) => [kind, `${kind}.schema.json`]));
const code = standaloneCode.default(ajv, mapping);

// "<file>#/json/pointer" of every object schema with `properties` → its keys.
const allowedKeys = {};
function collect(file, node, pointer) {
  if (Array.isArray(node)) {
    node.forEach((child, i) => collect(file, child, `${pointer}/${i}`));
    return;
  }
  if (node === null || typeof node !== "object") return;
  if (node.properties && typeof node.properties === "object") {
    allowedKeys[`${file}#${pointer}`] = Object.keys(node.properties);
  }
  for (const [key, child] of Object.entries(node)) collect(file, child, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`);
}
for (const [file, schema] of Object.entries(schemas)) collect(file, schema, "");

mkdirSync(outDir, { recursive: true });
const target = path.join(outDir, "validators.cjs");
const temporary = `${target}.${process.pid}.tmp`;
writeFileSync(temporary, `${code}\nmodule.exports.allowedKeys = ${JSON.stringify(allowedKeys)};\n`);
renameSync(temporary, target);
console.log(`validators: ${kinds.length} schemas → ${path.relative(root, target)}`);
