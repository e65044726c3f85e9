import { buildFederatedSchema } from "../../platform/federation";
import { createLogger } from "../../platform/logger";
import { authenticated, guardSchema } from "../../policy/shield";
import { PolicyStore } from "../../policy/store";
import type { SubgraphModule } from "../module";
import { aggregatesUnderAgreement } from "./access/aggregates-access";
import { createInsightsContext, InsightsContext, InsightsServices } from "./context";
import { EvidenceResolver } from "./evidence/evidence.resolver";
import { EvidenceService } from "./evidence/evidence.service";
import { CellCoordinate, DisclosureRuleInfo, EvidenceCell, EvidenceTable, Statistic } from "./evidence/evidence.types";
import type { Database } from "../../platform/database";
import type { Sources } from "../../sources";
import type { FactSource } from "./facts/facts";
import { factSourcesFor } from "./facts/registry";
import { RefreshRunRecord } from "./refresh/refresh.entity";
import { RefreshResolver } from "./refresh/refresh.resolver";
import { RefreshService } from "./refresh/refresh.service";
import { RefreshRun } from "./refresh/refresh.types";
import { scheduleRefresh } from "./refresh/schedule";
import { seedInsights } from "./seed";

const aggregatesOnly = aggregatesUnderAgreement((ctx) => (ctx as InsightsContext).services.policy);

/**
 * The insights subgraph. `hubFactSources`: the victims' and partners' fact
 * sources, which only the hub can build (src/insights-facts; subgraphs never
 * import each other), used where INSIGHTS_FACT_SOURCES is "hub" or "hub+synthetic".
 */
export const insightsSubgraph = (hubFactSources: (db: Database, sources: Sources) => FactSource[]): SubgraphModule<InsightsServices, InsightsContext> => ({
  name: "insights",
  entities: [RefreshRunRecord],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<InsightsContext>({ resolvers: [RefreshResolver, EvidenceResolver] }),
      [RefreshRun, EvidenceTable, EvidenceCell, CellCoordinate, Statistic, DisclosureRuleInfo],
      {
        Query: {
          lastRefresh: authenticated,
          // Aggregates, not personal data, so decide() is not the guard: role, purpose and an aggregates-only agreement are.
          evidenceBase: aggregatesOnly,
          evidenceBaseCsv: aggregatesOnly,
          areaDemand: aggregatesOnly,
          victimsCodeReturn: aggregatesOnly,
        },
      },
    ),
  createServices: (db, sources, config) => ({
    refresh: new RefreshService(db.dataSource, factSourcesFor(config, () => hubFactSources(db, sources)), {
      pseudonymKey: config.insights.pseudonymKey,
      batchSize: config.insights.batchSize,
      logger: createLogger(config.logLevel, { subgraph: "insights" }),
    }),
    evidence: new EvidenceService(db.dataSource),
    policy: new PolicyStore(db.dataSource),
    refreshMs: config.insights.refreshMs,
  }),
  createContext: createInsightsContext,
  seed: seedInsights,
  startBackground: (services, logger) => scheduleRefresh(services.refresh, services.refreshMs, logger),
  observe: (services, metrics) => metrics.watchRefreshLag(() => services.refresh.lagBySource()),
});
