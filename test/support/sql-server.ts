import { emptyEmbeddedDataDir, startEmbeddedDatabase } from "../../connectors/sql/embedded";
import { createTestStore, embeddedTemplate } from "./store";

/**
 * A PostgreSQL URL of one's own for a test that plays an outside SQL system
 * (a partner's case database): a fresh database on the test server when one
 * is named, else PGlite behind the wire protocol on a loopback port, started
 * from the run's empty store. PGlite is one session: keep such a test's pool
 * at one connection.
 */
export async function openTestSqlServer(): Promise<{ url: string; embedded: boolean; close(): Promise<void> }> {
  const store = await createTestStore();
  if (store.databaseUrl) return { url: store.databaseUrl, embedded: false, close: store.close };
  const database = await startEmbeddedDatabase({ template: await embeddedTemplate("empty", emptyEmbeddedDataDir) });
  return { ...database, embedded: true };
}
