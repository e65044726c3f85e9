import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { emptyEmbeddedDataDir } from "../../connectors/sql/embedded";
import type { Logger } from "./logger";

/**
 * An initialised, empty PGlite data directory, kept between starts in
 * `cacheDir`. Every embedded store starts by running initdb, which takes
 * seconds of WebAssembly (most of `npm start` on a warm machine, twice: the
 * hub's store and the Challenger stand-in's); started from this dump
 * instead, each takes a fraction of that. Keyed by PGlite's version, whose
 * data directory format is what the dump holds. A cache that cannot be read
 * or written costs only the time: the dump is made afresh and used. Its
 * settings are emptyEmbeddedDataDir's (16 MB of shared buffers, 1 MB WAL
 * segments), sized for the synthetic data set; a store of real size belongs
 * on a PostgreSQL server (DATABASE_URL).
 */
export async function cachedEmptyDataDir(cacheDir: string, logger: Logger): Promise<Blob> {
  const file = join(cacheDir, `pglite-${pgliteVersion()}-empty.tar`);
  if (existsSync(file)) {
    try {
      return new Blob([readFileSync(file)]);
    } catch (error) {
      logger.debug({ err: error, file }, "PGlite cache unreadable; initialising afresh");
    }
  }
  const dump = await emptyEmbeddedDataDir();
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written whole under another name, then renamed: a start that stops half-way leaves no half a dump to load.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } catch (error) {
    logger.debug({ err: error, file }, "PGlite cache not written; the next start initialises afresh");
  }
  return dump;
}

/** Whether an embedded store in `dataDir` would start empty (none configured: in memory), and so may start from a dump. */
export function startsEmpty(dataDir: string | undefined): boolean {
  return dataDir === undefined || !existsSync(dataDir) || readdirSync(dataDir).length === 0;
}

function pgliteVersion(): string {
  const entry = require.resolve("@electric-sql/pglite");
  return (JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version;
}
