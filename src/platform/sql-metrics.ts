import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger as TypeOrmLogger } from "typeorm";
import type { Logger } from "./logger";

/**
 * Counts SQL statements per request id, so tests and the bench can prove that
 * the statements a request makes do not grow with the rows it returns. The
 * request id is the one the gateway forwards to every subgraph, so in the
 * embedded hub the count covers the whole federated request.
 */
const current = new AsyncLocalStorage<string>();
const counts = new Map<string, number>();
/** Bounded: an id nobody reads is dropped oldest first. */
const MAX_TRACKED = 10_000;

/** Runs `fn` with statements attributed to `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return current.run(requestId, fn);
}

/** The hub's id of the request this code runs for; undefined outside one (a background job). */
export function currentRequestId(): string | undefined {
  return current.getStore();
}

/** Statements counted so far for a request id (0 if none). */
export function sqlStatementsFor(requestId: string): number {
  return counts.get(requestId) ?? 0;
}

function count(): void {
  const requestId = current.getStore();
  if (requestId === undefined) return;
  counts.set(requestId, (counts.get(requestId) ?? 0) + 1);
  if (counts.size > MAX_TRACKED) counts.delete(counts.keys().next().value as string);
}

/** TypeORM logger: counts every statement; logs failures and slow statements without their parameters. */
export function sqlLogger(logger?: Logger): TypeOrmLogger {
  return {
    logQuery: () => count(),
    logQueryError: (error) => logger?.warn({ err: typeof error === "string" ? error : error.message }, "SQL statement failed"),
    logQuerySlow: (ms, query) => logger?.warn({ ms, statement: query.slice(0, 200) }, "slow SQL statement"),
    logSchemaBuild: () => undefined,
    logMigration: (message) => logger?.info({ migration: message }, "migration"),
    log: () => undefined,
  };
}
