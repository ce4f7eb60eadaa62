// The package's root folder (where data/, schemas/ and generated/ live). This file sits
// one level below the root both as dist/packageRoot.js and inside the single-file bundle
// dist/dekking.cjs, so paths resolve the same either way.

import { fileURLToPath } from "node:url";

export const PACKAGE_ROOT = fileURLToPath(new URL("../", import.meta.url));
