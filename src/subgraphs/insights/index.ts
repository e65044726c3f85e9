import { buildFederatedSchema } from "../../platform/federation";
import { createLogger } from "../../platform/logger";
import { authenticated, guardSchema } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { aggregatesUnderAgreement } from "./access/aggregates-access";
import { createInsightsContext, InsightsContext, InsightsServices } from "./context";
import { EvidenceResolver } from "./evidence/evidence.resolver";
import { EvidenceService } from "./evidence/evidence.service";
import { CellCoordinate, DisclosureRuleInfo, EvidenceCell, EvidenceTable, Statistic } from "./evidence/evidence.types";
import type { Config } from "../../platform/config";
import type { FactSource } from "./facts/facts";
import { factSourcesFor } from "./facts/registry";
import { RefreshRunRecord } from "./refresh/refresh.entity";
import { RefreshResolver } from "./refresh/refresh.resolver";
import { RefreshService } from "./refresh/refresh.service";
import { RefreshRun } from "./refresh/refresh.types";
import { RefreshSchedule } from "./refresh/schedule";
import { seedInsights } from "./seed";

/** The insights subgraph's durable consumer on the event bus. */
export const INSIGHTS_REFRESH_CONSUMER = "insights-refresh";

const aggregatesOnly = aggregatesUnderAgreement();

/**
 * The insights subgraph. `hubFactSources`: the victims' and partners' fact
 * sources, which only the hub can compose (src/insights-facts; subgraphs never
 * import each other), used where INSIGHTS_FACT_SOURCES is "hub" or
 * "hub+synthetic". They read their owners' feeds, so insights needs no
 * store but its own.
 */
export const insightsSubgraph = (hubFactSources: (config: Config) => FactSource[]): SubgraphModule<InsightsServices, InsightsContext> => ({
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
  createServices: (db, _sources, config) => {
    const refresh = new RefreshService(db.dataSource, factSourcesFor(config, () => hubFactSources(config)), {
      pseudonymKey: config.insights.pseudonymKey,
      batchSize: config.insights.batchSize,
      logger: createLogger(config.logLevel, { subgraph: "insights" }),
    });
    return { refresh, evidence: new EvidenceService(db.dataSource), schedule: new RefreshSchedule(refresh, config.insights.refreshMs) };
  },
  createContext: createInsightsContext,
  seed: seedInsights,
  startBackground: (services, logger) => services.schedule.start(logger),
  // The victims' and partners' events say their facts changed (governance's do not touch a fact source); the event
  // itself carries nothing insights counts, so the refresh reads the feeds. Idempotent: a second nudge is the same one.
  consumers: (services) => [{ name: INSIGHTS_REFRESH_CONSUMER, handler: async (event) => (event.source === "governance" ? undefined : services.schedule.changed()) }],
  observe: (services, metrics) => metrics.watchRefreshLag(() => services.refresh.lagBySource()),
});
