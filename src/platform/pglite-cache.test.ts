import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger } from "./logger";
import { cachedEmptyDataDir, startsEmpty } from "./pglite-cache";

describe("the kept empty PGlite data directory", () => {
  it("is made once and written whole, then read back instead of made again", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "casebridge-cache-")), "cache");
    const made = await cachedEmptyDataDir(dir, createLogger("silent"));
    const [file, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(file).toMatch(/^pglite-\d+\.\d+\.\d+-empty\.tar$/);
    expect(statSync(join(dir, file!)).size).toBe(made.size);
    // What the next start loads is the file, not a new initdb: replaced, it is what comes back.
    writeFileSync(join(dir, file!), "kept");
    expect(await (await cachedEmptyDataDir(dir, createLogger("silent"))).text()).toBe("kept");
  }, 60_000);

  it("is used for the hub's store only where that store would start empty", () => {
    const dir = mkdtempSync(join(tmpdir(), "casebridge-data-"));
    expect(startsEmpty(undefined)).toBe(true);
    expect(startsEmpty(join(dir, "absent"))).toBe(true);
    expect(startsEmpty(dir)).toBe(true);
    writeFileSync(join(dir, "PG_VERSION"), "17");
    expect(existsSync(join(dir, "PG_VERSION"))).toBe(true);
    expect(startsEmpty(dir)).toBe(false);
  });
});
