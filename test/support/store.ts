import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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

/** Set by the run's global setup (global-setup.ts): where this run keeps its PGlite templates. */
export const TEMPLATES_ENV = "CASEBRIDGE_TEST_PGLITE_TEMPLATES";

/**
 * A PGlite data directory a test starts from: within a jest run, built once,
 * dumped to the run's templates directory, and loaded by every test after;
 * undefined outside jest. The hub's store is "migrated" (and "seeded" with
 * the default synthetic data): migrations and seeds still run over it when
 * the hub opens it (they are idempotent), so a test's own seed settings apply
 * on top. "empty" is a bare initdb (emptyEmbeddedDataDir), for the stand-ins
 * that are databases, and the ground the others are built on.
 * Built by whichever worker asks first; two workers racing each write a
 * whole file and rename it into place.
 */
export async function embeddedTemplate(name: "seeded" | "migrated" | "empty", build: () => Promise<Blob>): Promise<Blob | undefined> {
  const dir = process.env[TEMPLATES_ENV];
  if (!dir) return undefined;
  const file = join(dir, `${name}.tar`);
  if (!existsSync(file)) {
    const dump = await build();
    const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  let template = loaded.get(file);
  if (!template) loaded.set(file, (template = new TemplateBlob(new Uint8Array(readFileSync(file)).buffer)));
  return template;
}

/** The templates this test file has read (jest gives each file modules of its own). */
const loaded = new Map<string, Blob>();

/**
 * A template's bytes, read once, handed to every store started from it.
 * Node 20's Blob assembles arrayBuffer() chunk by chunk, about 0.4 s for a
 * template on every start; PGlite asks for it once a start and only reads it
 * (it copies each file of the tarball into its own memory), so here every
 * start gets the one buffer at once. The Blob's other methods are Node's own.
 */
class TemplateBlob extends Blob {
  constructor(private readonly whole: ArrayBuffer) {
    super([whole]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.whole);
  }
}
