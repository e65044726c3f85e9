import { SUBGRAPH_NAMES } from "../src/platform/config";
import { migrate } from "../src/platform/database";
import { SUBGRAPHS } from "../src/subgraphs";
import { startTestHub, TestHub } from "./support/hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

describe("the store", () => {
  it("keeps each subgraph's tables in a PostgreSQL schema of its own", async () => {
    const rows: { table_schema: string; table_name: string }[] = await hub.db.dataSource.query(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = ANY($1) ORDER BY 1, 2`,
      [[...SUBGRAPH_NAMES]],
    );
    // Every subgraph that keeps records has its tables in its own schema; police keeps none (the police API is the record).
    const keeping = SUBGRAPH_NAMES.filter((name) => (SUBGRAPHS[name].entities as unknown[]).length > 0);
    expect(keeping).toEqual(SUBGRAPH_NAMES.filter((name) => name !== "police"));
    expect(new Set(rows.map((r) => r.table_schema))).toEqual(new Set(keeping));
    for (const name of SUBGRAPH_NAMES) {
      for (const entity of SUBGRAPHS[name].entities as (new () => unknown)[]) {
        expect(hub.db.dataSource.getMetadata(entity).schema).toBe(name);
      }
    }
  });

  it("applies no migration twice", async () => {
    expect(await migrate(hub.db)).toEqual([]);
  });

  it("adds nothing when the synthetic seed runs again", async () => {
    const count = () =>
      hub.db.dataSource.query(
        `SELECT (SELECT count(*) FROM victims."case") + (SELECT count(*) FROM partners.referral) + (SELECT count(*) FROM partners.marac_referral)
              + (SELECT count(*) FROM governance.organisation) + (SELECT count(*) FROM insights.refresh_run) AS n`,
      ) as Promise<{ n: string }[]>;
    const before = (await count())[0]?.n;
    for (const name of SUBGRAPH_NAMES) await SUBGRAPHS[name].seed(hub.db);
    expect((await count())[0]?.n).toBe(before);
    expect(Number(before)).toBeGreaterThan(0);
  });
});
