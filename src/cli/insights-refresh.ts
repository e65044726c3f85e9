import "reflect-metadata";
import { entitiesOf } from "../hub";
import { loadConfig, SUBGRAPH_NAMES } from "../platform/config";
import { migrate, openDatabase } from "../platform/database";
import { createLogger } from "../platform/logger";
import { feedFactSources } from "../insights-facts/feeds";
import { inProcessFactSources } from "../insights-facts/in-process";
import { startSources, Sources } from "../sources";
import { factSourcesFor } from "../subgraphs/insights/facts/registry";
import { RefreshService } from "../subgraphs/insights/refresh/refresh.service";
import { CommandIo, runCommand } from "./command";

/**
 * `npm run insights:refresh`: brings the evidence base in DATABASE_URL (or
 * PGLITE_DATA_DIR) up to date from every fact source (INSIGHTS_FACT_SOURCES;
 * by default the hub's own: GMVS case files and referrals out, with crimes
 * from the police records API that POLICE_API_URL names, or its stand-in),
 * batch by batch, with progress in the logs. Where VICTIMS_URL and
 * PARTNERS_URL are set (each subgraph on a store of its own), the victims'
 * and partners' facts are read from their subgraphs' feeds, as the insights
 * subgraph reads them; otherwise from the one store's tables, in process.
 * Safe to run twice or beside the hub's own schedule:
 * a refresh already running makes this one say so and stop.
 */
export async function main(_argv: readonly string[], io: CommandIo): Promise<number> {
  const config = loadConfig(io.env);
  if (!config.databaseUrl && !config.pgliteDataDir) {
    io.stderr.write("Set DATABASE_URL (or PGLITE_DATA_DIR) to the store whose evidence base to refresh.\n");
    return 2;
  }
  const logger = createLogger(config.logLevel, { command: "insights:refresh" });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.pgliteDataDir, entities: entitiesOf(SUBGRAPH_NAMES) });
  let sources: Sources | undefined;
  try {
    await migrate(db);
    const fromFeeds = Boolean(config.subgraphUrls.victims && config.subgraphUrls.partners);
    if (config.insights.factSources.startsWith("hub") && !fromFeeds) sources = await startSources(config.sources, logger);
    const hub = sources;
    const hubSources = () => (fromFeeds ? feedFactSources(config) : hub ? inProcessFactSources(db, hub) : []);
    const refresh = new RefreshService(db.dataSource, factSourcesFor(config, hubSources), {
      pseudonymKey: config.insights.pseudonymKey,
      batchSize: config.insights.batchSize,
      logger,
    });
    const outcome = await refresh.refresh();
    if (outcome.status === "SKIPPED") {
      io.stdout.write("another refresh is running; nothing done\n");
      return 0;
    }
    io.stdout.write(`refresh ${outcome.runId} ${outcome.status.toLowerCase()}: ${outcome.factsWritten} facts\n`);
    for (const [source, tally] of Object.entries(outcome.bySource)) {
      io.stdout.write(`  ${source}: ${tally.upserted} upserted, ${tally.deleted} deleted, ${tally.rejected} refused, ${tally.batches} batches\n`);
    }
    return 0;
  } finally {
    await sources?.close();
    await db.close();
  }
}

if (require.main === module) runCommand(main, "insights refresh failed: ");
