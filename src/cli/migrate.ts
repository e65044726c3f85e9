import "reflect-metadata";
import { entitiesOf } from "../hub";
import { loadConfig, SUBGRAPH_NAMES } from "../platform/config";
import { devKeyPair } from "../platform/auth";
import { migrate, openDatabase } from "../platform/database";

/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL, or to the
 * embedded store in PGLITE_DATA_DIR. With neither it refuses (exit 2): it
 * would migrate an in-memory store that vanishes as it exits, and say it had
 * succeeded, while the store the operator meant was left as it was.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl && !config.pgliteDataDir) {
    process.stderr.write(
      "npm run migrate: nothing to migrate: set DATABASE_URL (a PostgreSQL server) or PGLITE_DATA_DIR (an embedded store's data directory).\n" +
        "Without either the hub keeps its store in memory and migrates it at every start.\n",
    );
    process.exit(2);
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.pgliteDataDir, entities: entitiesOf(SUBGRAPH_NAMES) });
  try {
    const applied = await migrate(db);
    // Where services share the dev key pair (docker compose), make it once here, before any of them starts.
    if (!config.auth.jwksUrl) await devKeyPair(config.auth.devKeyFile);
    process.stdout.write(applied.length ? `applied:\n${applied.map((m) => `  - ${m}`).join("\n")}\n` : "no pending migrations\n");
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
