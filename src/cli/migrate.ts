import "reflect-metadata";
import { entitiesOf } from "../hub";
import { loadConfig, SUBGRAPH_NAMES } from "../platform/config";
import { devKeyPair } from "../platform/auth";
import { migrate, openDatabase } from "../platform/database";

/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL. Without one
 * the embedded store is migrated at every start anyway; this then only checks
 * that the migrations apply cleanly (to PGLITE_DATA_DIR where set).
 */
async function main(): Promise<void> {
  const config = loadConfig();
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
