import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * An in-process PGlite served over the PostgreSQL wire protocol on a
 * loopback port, for SQL stand-ins in the embedded hub. PGlite serves one
 * session at a time: pools of 1.
 */
export async function startEmbeddedDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const pglite = await PGlite.create();
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0 });
  await server.start();
  return {
    // getServerConn() is "host:port", the port being the one bound.
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async close() {
      await server.stop();
      await pglite.close();
    },
  };
}
