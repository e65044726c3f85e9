import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** A database of a stand-in's own, and how to be rid of it: by default an in-process PGlite (startEmbeddedDatabase). */
export type StandInDatabaseMaker = () => Promise<{ url: string; close(): Promise<void> }>;

/**
 * An in-process PGlite served over the PostgreSQL wire protocol on a
 * loopback port, for SQL stand-ins in the embedded hub. PGlite serves one
 * session at a time: pools of 1. With `template` (emptyEmbeddedDataDir's
 * dump) it starts from that data directory instead of running initdb, which
 * takes seconds: tests, which start many stand-ins, make the dump once.
 */
export async function startEmbeddedDatabase(options: { template?: Blob } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const pglite = await PGlite.create(options.template ? { loadDataDir: options.template } : {});
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

/** A freshly initialised, empty PGlite data directory as a tarball: a `template` for startEmbeddedDatabase. */
export async function emptyEmbeddedDataDir(): Promise<Blob> {
  const pglite = await PGlite.create();
  try {
    return await pglite.dumpDataDir("none");
  } finally {
    await pglite.close();
  }
}
