import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OrganisationCode } from "../src/platform/domain";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { testServerUrl } from "./support/store";

/** `npm run audit:verify` against the hub's own store: a PostgreSQL database, or PGlite files on disk. */
describe("npm run audit:verify", () => {
  let hub: TestHub;
  let storeEnv: Record<string, string>;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "casebridge-pglite-"));
    hub = await startTestHub(testServerUrl() ? {} : { PGLITE_DATA_DIR: dataDir });
    storeEnv = hub.config.databaseUrl ? { DATABASE_URL: hub.config.databaseUrl } : { PGLITE_DATA_DIR: dataDir };
    const restore = await hub.as({ organisation: OrganisationCode.PANKHURST });
    for (const id of [SYNTHETIC_CASE_IDS.clientM, SYNTHETIC_CASE_IDS.harassment, SYNTHETIC_CASE_IDS.coercive]) {
      await graphql(hub.url, `query($id: ID!) { case(id: $id) { borough crime { offenceCode } } }`, { id }, restore);
    }
  });
  afterAll(async () => {
    await hub?.close();
  });

  function verify() {
    const env: NodeJS.ProcessEnv = { ...process.env, ...storeEnv, NODE_ENV: "test", LOG_LEVEL: "silent", AUTH_DEV_KEYS: "true" };
    delete env.TEST_DATABASE_URL;
    if (!storeEnv.DATABASE_URL) delete env.DATABASE_URL;
    return spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "src/cli/audit-verify.ts"], { cwd: join(__dirname, ".."), env, encoding: "utf8" });
  }

  it("passes an intact chain, then fails naming the one event that was changed", async () => {
    const [{ n }] = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM governance.audit_event`);
    expect(n).toBeGreaterThan(3);
    // Tamper, then let go of the store: PGlite's files have one user at a time.
    await hub.db.dataSource.query(`ALTER TABLE governance.audit_event DISABLE TRIGGER audit_event_no_update_or_delete`);
    const stored = await hub.db.dataSource.query(`SELECT seq FROM governance.audit_event ORDER BY seq`);
    const target = Number(stored[2].seq);
    const before = hub.config.databaseUrl ? verify() : undefined;
    await hub.db.dataSource.query(`UPDATE governance.audit_event SET actor = 'someone-else' WHERE seq = $1`, [target]);
    if (!hub.config.databaseUrl) {
      await hub.close();
      hub = undefined as unknown as TestHub;
    }

    if (before) {
      expect(before.status).toBe(0);
      expect(before.stdout).toMatch(/audit chain intact: \d+ events/);
    }
    const after = verify();
    expect(after.status).toBe(1);
    expect(after.stderr).toContain(`audit chain broken at event ${target} (CHANGED)`);
  });
});
