import "reflect-metadata";
import { entitiesOf, governancePortFor } from "../hub";
import { GovernanceCommandRelay, GovernanceWrites } from "../policy/governance-commands";
import { loadConfig, SUBGRAPH_NAMES } from "../platform/config";
import { migrate, openDatabase } from "../platform/database";
import { createLogger } from "../platform/logger";
import { startSources } from "../sources";
import { PartnerRiskSync } from "../subgraphs/partners/marac/marac.sync";

/**
 * `npm run partners:sync`: reads every partner's change feed from where the
 * last run stopped and raises the MARAC referrals their high-risk
 * assessments call for (src/subgraphs/partners/marac/marac.sync.ts). The hub
 * does the same at start-up; run this on a schedule in between. Exits 1 if
 * a partner did not answer (its cursor stays, so the next run catches up).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl && !config.pgliteDataDir) {
    process.stderr.write("Set DATABASE_URL (or PGLITE_DATA_DIR) to the hub's store.\n");
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.pgliteDataDir, entities: entitiesOf(SUBGRAPH_NAMES) });
  try {
    await migrate(db);
    const sources = await startSources(config.sources, logger);
    try {
      const governance = governancePortFor("partners", db, config);
      const reports = await new PartnerRiskSync(db.dataSource, sources.partners, new GovernanceWrites(governance, "partners")).syncAll();
      // The referrals' audit reaches governance's chain before the run reports them.
      await new GovernanceCommandRelay(db.dataSource, "partners", governance, { idleMs: 0, logger }).settle(60_000);
      for (const r of reports) {
        process.stdout.write(
          r.unavailable
            ? `${r.partner}: unavailable (${r.unavailable}); will catch up next run\n`
            : `${r.partner}: ${r.records} records read, ${r.raised} MARAC referrals raised, ${r.unscored} assessments not scorable\n`,
        );
      }
      if (reports.some((r) => r.unavailable)) process.exitCode = 1;
    } finally {
      await sources.close();
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
