import { Pool } from "pg";
import { SourceUnavailableError } from "../contract";
import { BackoffOptions, backoffDelay } from "../http/json-client";

/**
 * A source's PostgreSQL database, as a connector reads and writes it: a pg
 * Pool whose every statement is bounded by a server-side statement_timeout
 * (the server stops the work) and by a client-side query timeout a little
 * longer (for a server or network that stops answering altogether); bounded
 * retries with jittered backoff when the connection fails, as the REST
 * clients do (connectors/http/json-client.ts), never after a timeout; and
 * every failure mapped to a SourceUnavailableError naming the source,
 * carrying neither SQL text nor a server message, which may quote data.
 */

export interface SqlSourceOptions {
  databaseUrl: string;
  /** PGlite serves one session: 1 there. */
  max?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Further attempts after the first, when the connection fails (NETWORK) only. */
  retries?: number;
  backoff?: BackoffOptions;
  /** Injected by tests. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); default Math.random. */
  random?: () => number;
}

/** Runs one statement in a transaction; rows as the caller declares them. */
export type Statement = <R extends object>(text: string, values?: unknown[]) => Promise<R[]>;

const DEFAULTS = { max: 4, statementTimeoutMs: 2_000, connectTimeoutMs: 2_000, retries: 2, backoff: { baseMs: 20, maxMs: 200 } };

/** How much longer the client waits than the server's own statement timeout before giving up. */
const CLIENT_MARGIN_MS = 500;

export class SqlSource {
  private readonly pool: Pool;
  private readonly retries: number;
  private readonly backoff: BackoffOptions;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    readonly source: string,
    options: SqlSourceOptions,
  ) {
    const statementTimeoutMs = Math.floor(options.statementTimeoutMs ?? DEFAULTS.statementTimeoutMs);
    this.pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.max ?? DEFAULTS.max,
      connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
      query_timeout: statementTimeoutMs + CLIENT_MARGIN_MS,
    });
    // Set per session rather than as a startup parameter, which PGlite's socket server ignores.
    this.pool.on("connect", (client) => {
      // A session whose socket dies after it was handed back (or while released with an error) emits
      // "error" with nobody listening; the failure itself reaches the caller through its statement.
      client.on("error", () => undefined);
      client.query(`SET statement_timeout = ${statementTimeoutMs}`).catch(() => undefined); // a broken session fails its next statement, which is mapped there
    });
    // An idle session dropped by the server: the pool discards it; the next statement opens another or fails, and is mapped there.
    this.pool.on("error", () => undefined);
    this.retries = options.retries ?? DEFAULTS.retries;
    this.backoff = options.backoff ?? DEFAULTS.backoff;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  /** One statement. `operation` names it in errors, e.g. "reading NRM submissions". */
  query<R extends object>(operation: string, text: string, values: unknown[] = []): Promise<R[]> {
    return this.withRetries(() => this.mapped(operation, async () => (await this.pool.query<R>(text, values)).rows));
  }

  /**
   * Statements on one connection in one transaction: READ ONLY REPEATABLE
   * READ for reads, so every kind of record in a batch comes from the same
   * snapshot; READ WRITE otherwise. Retried whole on a connection failure,
   * so `work` must be safe to repeat. An error `work` throws itself (a
   * refused state transition) rolls the transaction back and passes through.
   */
  transaction<T>(operation: string, mode: "READ ONLY" | "READ WRITE", work: (statement: Statement) => Promise<T>): Promise<T> {
    return this.withRetries(async () => {
      const client = await this.mapped(operation, () => this.pool.connect());
      const statement: Statement = (text, values = []) => this.mapped(operation, async () => (await client.query(text, values)).rows);
      try {
        await statement(mode === "READ ONLY" ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
        const result = await work(statement);
        await statement("COMMIT");
        client.release();
        return result;
      } catch (error) {
        if (error instanceof SourceUnavailableError) {
          client.release(error); // a session that failed mid-transaction is not reused
        } else {
          await client.query("ROLLBACK").then(
            () => client.release(),
            (rollbackError: Error) => client.release(rollbackError),
          );
        }
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async mapped<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw sqlUnavailable(this.source, operation, error);
    }
  }

  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        return await attempt();
      } catch (error) {
        if (retry >= this.retries || !(error instanceof SourceUnavailableError) || error.reason !== "NETWORK") throw error;
        await this.sleep(backoffDelay(retry, this.backoff, this.random));
      }
    }
  }
}

/** SQLSTATE classes that mean the database or the path to it failed (PostgreSQL manual, Appendix A). */
const CONNECTION_FAILURES = [/^08/, /^57P0[1-3]$/, /^53/];
/** query_canceled: what statement_timeout raises. */
const STATEMENT_TIMEOUT = "57014";

export function sqlUnavailable(source: string, operation: string, error: unknown): SourceUnavailableError {
  if (error instanceof SourceUnavailableError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : "";
  if (code === STATEMENT_TIMEOUT) return new SourceUnavailableError(source, "TIMEOUT", `${operation}: the database cancelled the statement at its timeout`);
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code)) {
    return CONNECTION_FAILURES.some((pattern) => pattern.test(code))
      ? new SourceUnavailableError(source, "NETWORK", `${operation}: the database failed (SQLSTATE ${code})`)
      : new SourceUnavailableError(source, "INVALID_RESPONSE", `${operation}: the database refused the statement (SQLSTATE ${code})`);
  }
  // pg's own: "Query read timeout" (query_timeout), "timeout exceeded when trying to connect" (connectionTimeoutMillis).
  if (/timeout/i.test(message)) return new SourceUnavailableError(source, "TIMEOUT", `${operation}: no answer in time`);
  return new SourceUnavailableError(source, "NETWORK", `${operation}: ${code ?? "the connection failed"}`);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}
