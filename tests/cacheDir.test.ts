// Where the cache lives (src/cacheDir.ts): the study snapshot and the compiled code share it.

import { describe, expect, it } from "vitest";
import { cacheDirOf } from "../src/cacheDir.js";

describe("cacheDirOf", () => {
  it("takes DEKKING_CACHE_DIR, else $XDG_CACHE_HOME or ~/.cache with /dekking", () => {
    expect(cacheDirOf(undefined, { DEKKING_CACHE_DIR: "/tmp/c", HOME: "/home/a" })).toBe("/tmp/c");
    expect(cacheDirOf(undefined, { XDG_CACHE_HOME: "/x", HOME: "/home/a" })).toBe("/x/dekking");
    expect(cacheDirOf(undefined, { HOME: "/home/a" })).toBe("/home/a/.cache/dekking");
    expect(cacheDirOf(undefined, {})).toBeUndefined();
  });

  it("is off with --no-cache, and with DEKKING_CACHE_DIR off, 0, false, no or none in any case (no folder of that name is made)", () => {
    expect(cacheDirOf(false, { DEKKING_CACHE_DIR: "/tmp/c" })).toBeUndefined();
    for (const value of ["off", "OFF", "0", "false", "No", "none", " off "])
      expect(cacheDirOf(undefined, { DEKKING_CACHE_DIR: value, HOME: "/h" }), value).toBeUndefined();
    expect(cacheDirOf(undefined, { DEKKING_CACHE_DIR: "offline", HOME: "/h" })).toBe("offline");
  });
});
