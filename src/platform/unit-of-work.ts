import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, QueryRunner } from "typeorm";

/**
 * A mutation's unit of work. Everything a mutation request does to the
 * store (its writes, the reads that answer it, the audit of what the answer
 * released) runs on one connection in one transaction, committed once the
 * response's audit is written and rolled back whole otherwise: the caller
 * is told a mutation failed exactly when nothing of it was written.
 *
 * Services need not know: inside a unit, `dataSource.transaction()` is a
 * savepoint of it (a refused step undoes only itself and the request goes
 * on to audit the refusal), and every other statement runs on the unit's
 * connection, so the answer reads what the mutation wrote. A statement that
 * fails outside a savepoint has aborted the transaction: the unit then
 * rolls back, whatever the rest of the request did. Requests that change
 * nothing (queries) are left as they were.
 */

/** What one HTTP request carries: the unit, once its operation turns out to be a mutation. */
interface Scope {
  unit?: UnitOfWork;
  /** A begin still under way: the request can be answered (a plugin refusing it) before the transaction has started. */
  beginning?: Promise<void>;
}

const scopes = new AsyncLocalStorage<Scope>();

/** Runs a request's work where a unit of work can be begun (src/platform/http.ts wraps every /graphql request). */
export function withUnitOfWorkScope<T>(fn: () => T): T {
  return scopes.run({}, fn);
}

/** Whether the current request's statements to `dataSource` run in a unit of work. */
export function inUnitOfWork(dataSource: DataSource): boolean {
  return scopes.getStore()?.unit?.dataSource === dataSource;
}

const shared = new WeakSet<DataSource>();

/** Makes the DataSource hand a request's unit its own connection (called once, as the store opens). */
export function shareUnitsOfWork(dataSource: DataSource): void {
  if (shared.has(dataSource)) return;
  shared.add(dataSource);
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const unit = scopes.getStore()?.unit;
    return unit?.dataSource === dataSource && unit.open ? unit.lease : create(mode);
  };
}

/** Begins the current request's unit of work on `dataSource`; throws what the store threw if it cannot. */
export async function beginUnitOfWork(dataSource: DataSource): Promise<void> {
  const scope = scopes.getStore();
  if (!scope) throw new Error("beginUnitOfWork outside withUnitOfWorkScope");
  if (scope.unit) return;
  if (scope.beginning) return scope.beginning;
  scope.beginning = (async () => {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
    } catch (error) {
      await runner.release();
      throw error;
    }
    scope.unit = new UnitOfWork(dataSource, runner);
  })();
  try {
    await scope.beginning;
  } finally {
    scope.beginning = undefined;
  }
}

/**
 * Ends the current request's unit of work, if it has one: commits it where
 * `commit` and no statement failed outside a savepoint, else rolls it back.
 * Throws the store's error where it could not commit (the first statement
 * that aborted the transaction, or the COMMIT's own), having rolled back.
 */
export async function endUnitOfWork(commit: boolean): Promise<void> {
  const scope = scopes.getStore();
  // Another plugin may refuse the request while the unit is still beginning: wait for it, so it is ended, not left holding its connection.
  if (scope?.beginning) await scope.beginning.catch(() => undefined);
  const unit = scope?.unit;
  if (!scope || !unit) return;
  unit.open = false;
  scope.unit = undefined;
  await unit.end(commit);
}

/**
 * Runs work that is not a request (an event consumer, a background job) as
 * one unit of work on `dataSource`: every statement on one connection in one
 * transaction, committed when `work` resolves and rolled back whole when it
 * throws. For work whose helpers read through the DataSource rather than a
 * transaction's manager (the access policy, the audit), so that on a store
 * with one connection (PGlite) they neither wait for the transaction nor
 * commit apart from it.
 */
export function inOwnUnitOfWork<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  return withUnitOfWorkScope(async () => {
    await beginUnitOfWork(dataSource);
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await endUnitOfWork(false).catch(() => undefined);
      throw error;
    }
    await endUnitOfWork(true);
    return result;
  });
}

/** Back to the pool; a connection whose ROLLBACK failed is closed instead, never handed on mid-transaction. */
async function release(runner: QueryRunner, broken: unknown): Promise<void> {
  const postgres = runner as QueryRunner & { releasePostgresConnection?(error?: unknown): Promise<void> };
  if (broken !== undefined && postgres.releasePostgresConnection) return postgres.releasePostgresConnection(broken);
  await runner.release();
}

class UnitOfWork {
  /** False once ending: statements after that (none should come) take a connection of their own. */
  open = true;
  /** The first statement that failed outside a savepoint: the transaction is aborted. */
  private failure: { error: unknown } | null = null;
  /** Savepoints open, innermost last; null where SAVEPOINT itself failed (its rollback is then nothing to do). */
  private readonly savepoints: (string | null)[] = [];
  private count = 0;
  readonly lease: QueryRunner;

  constructor(
    readonly dataSource: DataSource,
    private readonly runner: QueryRunner,
  ) {
    this.lease = this.leaseOf(runner);
  }

  async end(commit: boolean): Promise<void> {
    let broken: unknown;
    try {
      if (commit && !this.failure) {
        // COMMIT of a transaction the store has aborted ends it as a ROLLBACK, and says so only in its command tag.
        const connection = (await this.runner.connect()) as { query(sql: string): Promise<{ command?: string }> };
        const { command } = await connection.query("COMMIT");
        if (command !== "COMMIT") throw new Error(`the store ended the unit of work with ${command}`);
        return;
      }
      await this.runner.query("ROLLBACK").catch((error: unknown) => {
        broken = error;
      });
      if (this.failure) throw this.failure.error;
    } catch (error) {
      await this.runner.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      await release(this.runner, broken);
    }
  }

  private fail(error: unknown): void {
    this.failure ??= { error };
  }

  /** The connection as services and loaders see it: transactions are savepoints, release is the unit's to do. */
  private leaseOf(runner: QueryRunner): QueryRunner {
    const unit = this;
    const overrides: Partial<QueryRunner> = {
      async release() {},
      async startTransaction() {
        const name = `unit_of_work_${++unit.count}`;
        try {
          await runner.query(`SAVEPOINT ${name}`);
          unit.savepoints.push(name);
        } catch (error) {
          unit.savepoints.push(null);
          unit.fail(error);
          throw error;
        }
      },
      async commitTransaction() {
        const name = unit.savepoints.pop();
        if (!name) return;
        try {
          await runner.query(`RELEASE SAVEPOINT ${name}`);
        } catch (error) {
          unit.fail(error);
          throw error;
        }
      },
      async rollbackTransaction() {
        const name = unit.savepoints.pop();
        if (!name) return;
        try {
          await runner.query(`ROLLBACK TO SAVEPOINT ${name}`);
        } catch (error) {
          unit.fail(error);
          throw error;
        }
      },
      async query(...args: Parameters<QueryRunner["query"]>) {
        const outside = unit.savepoints.length === 0;
        try {
          return await runner.query(...args);
        } catch (error) {
          if (outside) unit.fail(error);
          throw error;
        }
      },
    };
    return new Proxy(runner, {
      get(target, property, receiver) {
        if (Object.prototype.hasOwnProperty.call(overrides, property)) return overrides[property as keyof QueryRunner];
        if (property === "isTransactionActive") return true;
        return Reflect.get(target, property, receiver);
      },
    });
  }
}
