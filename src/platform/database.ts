import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { SpanKind } from "@opentelemetry/api";
import { AddressInfo } from "node:net";
import { DataSource, DataSourceOptions } from "typeorm";
import { MIGRATIONS } from "../../migrations";
import type { Logger } from "./logger";
import { sqlLogger } from "./sql-metrics";
import { inSpan, statementText, tracingActive, untraced } from "./tracing";
import { shareUnitsOfWork } from "./unit-of-work";
import { DataDirectoryLock, lockDataDirectory } from "./data-dir-lock";

/** One connection to the store, PostgreSQL server or embedded PGlite, behind TypeORM. */
export interface Database {
  dataSource: DataSource;
  /** Embedded only: the data directory as a tarball (see DatabaseOptions.pgliteTemplate). */
  dump?(): Promise<Blob>;
  /** A libpq-style URL that plain `pg` clients (the bench's bare SQL) can use too. */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  pgliteDataDir?: string;
  /**
   * Embedded only: a store that starts as this dumped data directory
   * (PGlite's dumpDataDir) instead of an empty one, in memory, or with
   * pgliteDataDir written into that directory, which must hold no store yet.
   * Tests start from one migrated and seeded store per run, which saves the
   * initdb, migrations and seed every hub would otherwise repeat.
   */
  pgliteTemplate?: Blob;
  entities: NonNullable<DataSourceOptions["entities"]>;
  /** Pool size against a PostgreSQL server. */
  poolSize?: number;
  /**
   * Against a PostgreSQL server, bounds every statement: the server cancels
   * it (statement_timeout, SQLSTATE 57014), the client stops waiting for an
   * answer a moment later (a store that stopped answering altogether), and
   * no caller waits longer for a pooled connection. Unset or 0: unbounded,
   * as the command-line tools run (a migration or a refresh may take long).
   * PGlite has no such setting: it runs in this process.
   */
  statementTimeoutMs?: number;
  /**
   * Where the pool connects, given the store's own URL: tests put a TCP
   * proxy there (connectors/sql/stand-in-proxy.ts) to take the store down or
   * slow it under a running hub.
   */
  connectVia?: (url: string) => Promise<string>;
  logger?: Logger;
}

/** How much longer the client waits than the server's statement timeout before giving up on an answer. */
const CLIENT_MARGIN_MS = 500;

/** pg pool options that bound every wait on the store (see DatabaseOptions.statementTimeoutMs). */
function boundedWaits(statementTimeoutMs: number | undefined): Record<string, number> {
  if (!statementTimeoutMs) return {};
  return {
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + CLIENT_MARGIN_MS,
    connectionTimeoutMillis: statementTimeoutMs,
  };
}

/**
 * Opens the store. With a URL, a PostgreSQL server. Without, PGlite (PostgreSQL
 * compiled to WASM) served in-process over the PostgreSQL wire protocol on a
 * loopback port, so that TypeORM, migrations and the bench all use the same
 * `pg` driver against either. PGlite is a single session, so its pool holds
 * one connection: transactions never interleave.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const common: Partial<DataSourceOptions> = {
    entities: options.entities,
    migrations: MIGRATIONS,
    migrationsTableName: "migrations",
    migrationsTransactionMode: "each",
    synchronize: false,
    logger: sqlLogger(options.logger),
    maxQueryExecutionTime: 500,
  };
  const connectVia = options.connectVia ?? (async (url: string) => url);
  if (options.databaseUrl) {
    const dataSource = new DataSource({
      ...common,
      type: "postgres",
      url: await connectVia(options.databaseUrl),
      extra: { max: options.poolSize ?? 10, ...boundedWaits(options.statementTimeoutMs) },
    } as DataSourceOptions);
    await dataSource.initialize();
    traceStatements(dataSource);
    shareUnitsOfWork(dataSource);
    return { dataSource, url: options.databaseUrl, embedded: false, close: () => dataSource.destroy() };
  }

  // A data directory serves one process at a time (data-dir-lock.ts); refused before PGlite touches it.
  let lock: DataDirectoryLock | undefined;
  if (options.pgliteDataDir) {
    lock = lockDataDirectory(options.pgliteDataDir);
    if (lock.staleOwnerPid !== undefined) options.logger?.warn({ dataDir: options.pgliteDataDir, stalePid: lock.staleOwnerPid }, "took over the lock of a process that is gone");
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.pgliteDataDir ? { dataDir: options.pgliteDataDir } : {}),
      ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  // The TypeORM pool below is the only client that opens transactions; the
  // spare connections serve read-only tools such as the bench's bare SQL.
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 4 });
  await server.start();
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const dataSource = new DataSource({ ...common, type: "postgres", url: await connectVia(url), extra: { max: 1 } } as DataSourceOptions);
  await dataSource.initialize();
  traceStatements(dataSource);
  shareUnitsOfWork(dataSource);
  return {
    dataSource,
    url,
    embedded: true,
    dump: () => pglite.dumpDataDir("none"),
    async close() {
      await dataSource.destroy();
      await server.stop();
      await pglite.close();
      lock?.release();
    },
  };
}

/**
 * Where tracing is on, one span per statement the hub sends its store, the
 * same for PGlite and a server: every statement goes through a TypeORM query
 * runner, whose `query` is wrapped here (before units of work share runners,
 * so theirs are wrapped too). The span carries the statement text as
 * statementText() leaves it, never its parameters; a failure, its SQLSTATE.
 */
function traceStatements(dataSource: DataSource): void {
  if (!tracingActive()) return;
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const runner = create(mode);
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
      inSpan(
        sql.trimStart().split(/\s/, 1)[0].toUpperCase() || "SQL",
        SpanKind.CLIENT,
        { "db.system.name": "postgresql", "db.query.text": statementText(sql) },
        () => untraced(() => query(sql, parameters, structured)),
        (error) => String((error as { driverError?: { code?: unknown }; code?: unknown }).driverError?.code ?? (error as { code?: unknown }).code ?? "ERROR"),
      )) as typeof runner.query;
    return runner;
  };
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(db: Database): Promise<string[]> {
  const applied = await db.dataSource.runMigrations({ transaction: "each" });
  return applied.map((m) => m.name);
}

/** For readiness probes: can we run a statement now? */
export async function ping(db: Database): Promise<boolean> {
  try {
    await db.dataSource.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
