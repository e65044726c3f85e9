import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Client } from "pg";
import { StandInDatabaseMaker, startEmbeddedDatabase } from "../sql/embedded";
import { SqlStandInMode, SqlStandInProxy } from "../sql/stand-in-proxy";

/**
 * The local stand-in for Challenger's case database: the `challenger`
 * schema (schema.sql) with synthetic data (seed.sql), in a PostgreSQL
 * database you name, or else in an in-process PGlite served on a loopback
 * port. Connections go through a SqlStandInProxy, so tests can take it down,
 * slow it, and count the statements sent.
 */

export interface RunningChallengerStandIn {
  /** Where the connector connects: the proxy in front of the database. */
  url: string;
  setMode(mode: SqlStandInMode, options?: { delayMs?: number }): void;
  statementCount(): number;
  /** Installs the schema and seed afresh. Close every connector's pool first where the database serves one session. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The DDL and the synthetic seed, the schema dropped first so every install starts alike. */
export async function challengerStandInSql(): Promise<string> {
  const [schema, seed] = await Promise.all(["schema.sql", "seed.sql"].map((file) => readFile(join(__dirname, file), "utf8")));
  return `DROP SCHEMA IF EXISTS challenger CASCADE;\n${schema}\n${seed}`;
}

/**
 * Replaces the `challenger` schema in the database at `databaseUrl` with
 * the stand-in's. PGlite frees its one session a moment after the last one
 * closed, so a refused connection is tried again a few times.
 */
export async function installChallengerStandIn(databaseUrl: string): Promise<void> {
  const sql = await challengerStandInSql();
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString: databaseUrl });
    client.on("error", () => undefined); // a refused session also rejects connect(), which is handled below
    try {
      await client.connect();
    } catch (error) {
      if (attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    try {
      await client.query(sql);
      return;
    } finally {
      await client.end();
    }
  }
}

/**
 * With `databaseUrl`, installs into that database (a test's, or a
 * PostgreSQL server run for the purpose); with `database`, into one it
 * makes (and closes with the stand-in); without either, into an in-process
 * PGlite, for the embedded hub, started from `emptyDataDir` where given
 * (startEmbeddedDatabase). Either way behind a proxy on loopback.
 */
export async function startChallengerStandIn(options: { databaseUrl?: string; emptyDataDir?: Blob; database?: StandInDatabaseMaker } = {}): Promise<RunningChallengerStandIn> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, close: async () => undefined }
    : options.database
      ? await options.database()
      : await startEmbeddedDatabase({ template: options.emptyDataDir });
  await installChallengerStandIn(database.url);
  const proxy = new SqlStandInProxy(database.url);
  const running = await proxy.start();
  return {
    url: running.url,
    setMode: (mode, modeOptions) => proxy.setMode(mode, modeOptions),
    statementCount: () => proxy.statementCount(),
    reset: () => installChallengerStandIn(database.url),
    async close() {
      await running.close();
      await database.close();
    },
  };
}
