import { join } from "node:path";
import { Client } from "pg";
import { openTestSqlServer } from "../../test/support/sql-server";
import { SourceUnavailableError } from "../contract";
import { SqlStandInProxy } from "../sql/stand-in-proxy";
import { SYNTHETIC_GMVS_CASE_IDS as CASE } from "../synthetic";
import { HourglassConnector } from "./connector";
import { InMemoryHourglassStore } from "./store";
import { SqlHourglassStore } from "./sql-store";

const FIXTURES = join(__dirname, "fixtures");
const OCTOBER = join(FIXTURES, "2026-10-hourglass-returns.synthetic.csv");

let sql: Awaited<ReturnType<typeof openTestSqlServer>>;

beforeAll(async () => {
  sql = await openTestSqlServer();
});

afterAll(() => sql.close());

beforeEach(() => withClient((client) => client.query("DROP SCHEMA IF EXISTS hourglass_returns CASCADE")));

/**
 * A session of the test's own, opened only while no store is open: PGlite
 * serves one session, and frees it a moment after the last one closes, so
 * the connection is tried a few times.
 */
async function withClient<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  let client: Client | undefined;
  for (let attempt = 1; !client; attempt++) {
    const candidate = new Client({ connectionString: sql.url });
    candidate.on("error", () => undefined);
    try {
      await candidate.connect();
      client = candidate;
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** PGlite serves one session, so one connection there. */
function openStore(databaseUrl = sql.url) {
  return SqlHourglassStore.open("hourglass", { databaseUrl, max: sql.embedded ? 1 : 2, connectTimeoutMs: 1_000 });
}

describe("SqlHourglassStore", () => {
  it("creates its schema and table when missing, loads a return's good rows, and adds nothing on a second import", async () => {
    const hourglass = new HourglassConnector(await openStore());
    try {
      const first = await hourglass.importFile(OCTOBER);
      const again = await hourglass.importFile(OCTOBER);

      expect(first).toMatchObject({ accepted: 3, duplicates: 0 });
      expect(first.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7, 8, 9]);
      expect(again).toMatchObject({ accepted: 0, duplicates: 3 });
    } finally {
      await hourglass.close();
    }
    const { rows } = await withClient((client) => client.query("SELECT source_line FROM hourglass_returns.monthly_return ORDER BY source_line"));
    expect(rows.map((row) => row.source_line)).toEqual([2, 3, 10]);
  });

  it("reads back the same case records as the in-memory store", async () => {
    const overSql = new HourglassConnector(await openStore());
    const inMemory = new HourglassConnector(new InMemoryHourglassStore());
    try {
      await overSql.importDirectory(FIXTURES);
      await inMemory.importDirectory(FIXTURES);
      const keys = [CASE.selfReferral, CASE.clientM, CASE.olderPerson, CASE.olderPersonSupported];

      expect(await overSql.fetchByKeys(keys)).toEqual(await inMemory.fetchByKeys(keys));
      expect((await overSql.search({}, { first: 10 })).items).toEqual((await inMemory.search({}, { first: 10 })).items);
      const changes = await overSql.changesSince(null, 2);
      expect(changes.items).toHaveLength(2);
      expect(changes.hasMore).toBe(true);
    } finally {
      await overSql.close();
    }
  });

  it("reads a batch of cases in one statement, whatever the batch size", async () => {
    const proxy = new SqlStandInProxy(sql.url);
    const running = await proxy.start();
    const hourglass = new HourglassConnector(await openStore(running.url));
    try {
      await hourglass.importFile(OCTOBER);
      const counts: number[] = [];
      for (const size of [1, 50]) {
        const keys = [CASE.olderPerson, ...Array.from({ length: size - 1 }, (_, i) => `5eed0000-0000-4000-8000-${String(800_000_000 + i).padStart(12, "0")}`)];
        const before = proxy.statementCount();
        const records = await hourglass.fetchByKeys(keys);
        counts.push(proxy.statementCount() - before);
        expect(records[0]?.gmvsCaseId).toBe(CASE.olderPerson);
      }

      expect(counts).toEqual([1, 1]);
    } finally {
      await hourglass.close();
      await running.close();
    }
  });

  it("reports the landing database down as SOURCE_UNAVAILABLE naming hourglass, and health DOWN", async () => {
    const proxy = new SqlStandInProxy(sql.url);
    const running = await proxy.start();
    const hourglass = new HourglassConnector(await openStore(running.url));
    try {
      await hourglass.importFile(OCTOBER);
      proxy.setMode("down");

      const error = await hourglass.fetchByKeys([CASE.olderPerson]).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(SourceUnavailableError);
      expect(error).toMatchObject({ source: "hourglass", reason: "NETWORK" });
      expect(await hourglass.health()).toMatchObject({ status: "DOWN" });
    } finally {
      await hourglass.close();
      await running.close();
    }
  });
});
