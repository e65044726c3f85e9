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

/**
 * A freshly initialised, empty PGlite data directory as a tarball: a
 * `template` for startEmbeddedDatabase. Sized for a stand-in's few hundred
 * rows rather than PostgreSQL's defaults, because every start from it pays
 * for its size: the server zeroes its shared memory (128 MB of shared
 * buffers by default, about 0.6 s a start) and the tarball is unpacked into
 * memory (a 16 MB WAL segment of 40 MB). 16 MB of buffers and 1 MB WAL
 * segments keep a start near half that; the settings travel in the data
 * directory (postgresql.auto.conf), so every store made from it has them.
 */
export async function emptyEmbeddedDataDir(): Promise<Blob> {
  const pglite = await PGlite.create({ initDbStartParams: ["--wal-segsize=1"] });
  try {
    // One statement a call: ALTER SYSTEM refuses to run inside the transaction a batch of statements makes.
    await pglite.exec("ALTER SYSTEM SET shared_buffers = '16MB'");
    await pglite.exec("ALTER SYSTEM SET max_connections = 10");
    // So a store made from it has little WAL to replay when it starts.
    await pglite.exec("CHECKPOINT");
    return await pglite.dumpDataDir("none");
  } finally {
    await pglite.close();
  }
}
