import type { Pool, PoolClient } from "pg";
import type { DataSource } from "typeorm";

/**
 * Failures of the hub's own store, raised by PostgreSQL itself (PGlite or a
 * server) in place of one statement, with the SQLSTATE the server gives each
 * (PostgreSQL manual, Appendix A). The transaction is then aborted as the
 * real failure would abort it.
 */
export const STORE_FAILURES = {
  /** admin_shutdown: the server went away under the statement. */
  CONNECTION_LOST: "57P01",
  /** query_canceled: what statement_timeout raises. */
  STATEMENT_TIMEOUT: "57014",
  serialization_failure: "40001",
  deadlock_detected: "40P01",
} as const;
export type StoreFailure = keyof typeof STORE_FAILURES;

/** A statement to fail: its index among those sent while armed, or the nth (1-based) matching a pattern. */
export type StatementToFail = number | { matching: RegExp; nth: number } | null;

interface Armed {
  failAt: StatementToFail;
  matched: number;
  sqlstate: string;
  statements: string[];
  fired: boolean;
}

/**
 * Records every statement the hub's connection pool sends while armed, and
 * fails the one at `failAt`: the pg client of the DataSource is wrapped (the
 * driver's query function), nothing of the hub's own code. Disarmed, the
 * test's own statements (snapshots) pass untouched.
 */
export class StoreFaults {
  private armed: Armed | null = null;
  private readonly wrapped = new WeakSet<PoolClient>();

  constructor(dataSource: DataSource) {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    pool.on("connect", (client) => this.wrap(client));
    // The pool's clients already open (PGlite's only one, opened at start).
    for (const client of (pool as unknown as { _clients: PoolClient[] })._clients) this.wrap(client);
  }

  /** From now on, records statements and fails the one `failAt` names (null: none). */
  arm(failAt: StatementToFail, failure: StoreFailure): void {
    this.armed = { failAt, matched: 0, sqlstate: STORE_FAILURES[failure], statements: [], fired: false };
  }

  /** Stops; returns what was sent while armed and whether the failure was raised. */
  disarm(): { statements: string[]; fired: boolean } {
    const armed = this.armed;
    this.armed = null;
    return { statements: armed?.statements ?? [], fired: armed?.fired ?? false };
  }

  private wrap(client: PoolClient): void {
    if (this.wrapped.has(client)) return;
    this.wrapped.add(client);
    const query = client.query as (...args: unknown[]) => unknown;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the client's own `this` is needed below
    const faults = this;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: PoolClient, ...args: unknown[]) {
      const armed = faults.armed;
      if (armed && typeof args[0] === "string") {
        const index = armed.statements.push(args[0]) - 1;
        const target = armed.failAt;
        const hit = typeof target === "number" ? index === target : target !== null && target.matching.test(args[0]) && ++armed.matched === target.nth;
        if (hit) {
          armed.fired = true;
          return query.call(this, `DO $$ BEGIN RAISE EXCEPTION 'injected store failure' USING ERRCODE = '${armed.sqlstate}'; END $$`);
        }
      }
      return query.apply(this, args);
    };
  }
}

/**
 * Every row of every table of the store, as one digest per table (one
 * statement): two snapshots are equal exactly when no table gained, lost or
 * changed a row.
 */
export async function snapshotTables(dataSource: DataSource): Promise<Record<string, string>> {
  const tables: { schema: string; name: string }[] = await dataSource.query(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const digests = tables.map(
    ({ schema, name }) =>
      `SELECT '${schema}.${name}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '') AS d FROM "${schema}"."${name}" x`,
  );
  const rows: { t: string; d: string }[] = await dataSource.query(digests.join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.t, r.d]));
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]).sort();
}
