import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { AddressInfo } from "node:net";
import { createTestStore } from "./store";

/**
 * A PostgreSQL URL of one's own for a test that plays an outside SQL system
 * (a partner's case database): a fresh database on the test server when one
 * is named, else PGlite behind the wire protocol on a loopback port. PGlite is
 * one session: keep such a test's pool at one connection.
 */
export async function openTestSqlServer(): Promise<{ url: string; embedded: boolean; close(): Promise<void> }> {
  const store = await createTestStore();
  if (store.databaseUrl) return { url: store.databaseUrl, embedded: false, close: store.close };
  const pglite = await PGlite.create();
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0 });
  await server.start();
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    embedded: true,
    async close() {
      await server.stop();
      await pglite.close();
    },
  };
}
