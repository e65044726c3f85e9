import { DEV_PSEUDONYM_KEY, type Config } from "../../platform/config";
import type { Database } from "../../platform/database";
import { factSourcesFor } from "./facts/registry";
import { RefreshRunRecord } from "./refresh/refresh.entity";
import { RefreshService } from "./refresh/refresh.service";

/**
 * Where the synthetic generator is the fact source, builds the evidence base
 * once from it, so a fresh hub has something to show. The hub's own sources
 * (the default) need the source systems, which a seed does not have: the
 * schedule's first refresh, at start, builds it from the seeded case files
 * instead; after that, refreshes (scheduled or `npm run insights:refresh`)
 * keep it up. Idempotent: it does nothing once any refresh has run.
 */
export async function seedInsights(db: Database, config?: Config): Promise<void> {
  // Without config, the defaults (loadConfig): the hub's own sources, so nothing to seed here.
  const settings = config?.insights ?? { factSources: "hub" as const, syntheticReferrals: 2_000, pseudonymKey: DEV_PSEUDONYM_KEY, batchSize: 5_000 };
  if (settings.factSources !== "synthetic") return;
  if ((await db.dataSource.getRepository(RefreshRunRecord).count()) > 0) return;
  const refresh = new RefreshService(db.dataSource, factSourcesFor({ insights: { ...settings, refreshMs: 0 } }), {
    pseudonymKey: settings.pseudonymKey,
    batchSize: settings.batchSize,
  });
  await refresh.refresh();
}
