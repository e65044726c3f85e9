import "reflect-metadata";
import { entitiesOf } from "../hub";
import { loadConfig, SUBGRAPH_NAMES } from "../platform/config";
import { openDatabase } from "../platform/database";
import { verifyChain } from "../policy/audit";
import { readAuditChain } from "../subgraphs/governance/audit/chain";

/**
 * `npm run audit:verify`: walks the audit chain in DATABASE_URL; exits 1
 * naming the first event that was changed, removed or reordered.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl && !config.pgliteDataDir) {
    process.stderr.write("Set DATABASE_URL (or PGLITE_DATA_DIR) to the store whose audit to verify.\n");
    process.exit(2);
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.pgliteDataDir, entities: entitiesOf(SUBGRAPH_NAMES) });
  try {
    const events = await readAuditChain(db.dataSource);
    const problem = verifyChain(events);
    if (problem) {
      process.stderr.write(`audit chain broken at event ${problem.seq} (${problem.problem}): ${problem.detail}\n`);
      process.exitCode = 1;
    } else {
      process.stdout.write(`audit chain intact: ${events.length} events\n`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
