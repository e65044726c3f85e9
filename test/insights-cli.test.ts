import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandMain } from "../src/cli/command";
import { main as importPoliceUk } from "../src/cli/import-policeuk";
import { main as insightsRefresh } from "../src/cli/insights-refresh";
import { createTestStore, TestStore } from "./support/store";

/**
 * `npm run insights:refresh` and `npm run import:policeuk` against a store of
 * their own: each command's main in this process, with the environment and
 * arguments a user's run would have; one run as a process of its own, for
 * what only a process shows (the exit code of a usage error).
 */
describe("the insights commands", () => {
  let store: TestStore;
  let storeEnv: Record<string, string>;
  beforeAll(async () => {
    store = await createTestStore();
    storeEnv = store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : { PGLITE_DATA_DIR: mkdtempSync(join(tmpdir(), "casebridge-pglite-")) };
  });
  afterAll(async () => {
    await store?.close();
  });

  function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, ...storeEnv, NODE_ENV: "test", LOG_LEVEL: "silent", INSIGHTS_SYNTHETIC_REFERRALS: "60", ...extra };
    delete env.TEST_DATABASE_URL;
    if (!storeEnv.DATABASE_URL) delete env.DATABASE_URL;
    return env;
  }

  async function run(main: CommandMain, args: string[] = [], extra: Record<string, string> = {}) {
    let stdout = "";
    let stderr = "";
    const status = await main(args, { env: env(extra), stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } });
    return { status, stdout, stderr };
  }

  it("refreshes from the fact sources, then finds nothing new the second time", async () => {
    const synthetic = { INSIGHTS_FACT_SOURCES: "synthetic" };
    const first = await run(insightsRefresh, [], synthetic);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/refresh \d+ finished: [1-9]\d* facts/);
    expect(first.stdout).toMatch(/synthetic: [1-9]\d* upserted, 0 deleted, 0 refused/);
    const second = await run(insightsRefresh, [], synthetic);
    expect(second.stdout).toMatch(/finished: 0 facts/);
  });

  it("refreshes from the hub's own sources (GMVS case files and referrals out) by default", async () => {
    // This store holds no case yet: both real sources are read, and find nothing. test/stories/commissioner.test.ts refreshes them over data.
    const { stdout, stderr, status } = await run(insightsRefresh);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(/victims: 0 upserted, 0 deleted, 0 refused, 1 batches/);
    expect(stdout).toMatch(/partners: 0 upserted, 0 deleted, 0 refused, 1 batches/);
  });

  it("imports a police.uk file, naming each rejected line, and adds nothing on a second import", async () => {
    const fixture = join(__dirname, "..", "connectors", "police", "policeuk", "fixtures", "2026-09-greater-manchester-street.synthetic.csv");
    const first = await run(importPoliceUk, [fixture]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(": 10 accepted, 0 duplicates, 7 rejected");
    expect(first.stdout).toContain("line 6: expected 12 columns, found 10");
    expect(first.stdout).toContain('line 9: unknown crime type "Stalking"');
    const second = await run(importPoliceUk, [fixture]);
    expect(second.stdout).toContain(": 0 accepted, 10 duplicates, 7 rejected");
    expect((await run(importPoliceUk, [])).status).toBe(2);
  });

  it("exits 2 with the usage as a process of its own when given no file", () => {
    const { status, stderr } = spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "src/cli/import-policeuk.ts"], {
      cwd: join(__dirname, ".."),
      env: env(),
      encoding: "utf8",
    });
    expect(stderr).toContain("usage: npm run import:policeuk");
    expect(status).toBe(2);
  });
});
