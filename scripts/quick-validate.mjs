// Temporary schema check for the data encoders until `dekking validate` exists.
// Usage: node scripts/quick-validate.mjs data/accords/iza.yaml accord
import { readFileSync, readdirSync } from "node:fs";
import { parseDocument } from "yaml";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
const [file, kind] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
for (const f of readdirSync("schemas")) ajv.addSchema(JSON.parse(readFileSync("schemas/" + f, "utf8")));
const doc = parseDocument(readFileSync(file, "utf8"), { uniqueKeys: true });
if (doc.errors.length) { console.log(doc.errors.map(String).join("\n")); process.exit(2); }
const validate = ajv.getSchema(kind + ".schema.json");
if (!validate(doc.toJS())) { console.log(JSON.stringify(validate.errors, null, 1)); process.exit(2); }
console.log("valid");
