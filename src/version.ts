/** The tool's version, as in package.json (checked by a test). */
export const TOOL_VERSION = "0.1.0";
