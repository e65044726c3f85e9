import { randomBytes } from "node:crypto";
import { Client } from "pg";

/**
 * A store of one's own for a test file. With TEST_DATABASE_URL (or
 * DATABASE_URL) naming a PostgreSQL server, a fresh database on it, dropped at
 * the end; without, nothing: the hub then opens its own in-memory PGlite.
 */
export interface TestStore {
  /** undefined means embedded PGlite. */
  databaseUrl?: string;
  close(): Promise<void>;
}

export function testServerUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export async function createTestStore(): Promise<TestStore> {
  const server = testServerUrl();
  if (!server) return { databaseUrl: undefined, close: async () => undefined };
  const name = `casebridge_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withClient(server, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    close: () => withClient(server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
