import { buildFederatedSchema } from "../../platform/federation";
import { authenticated, guardSchema } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { createInsightsContext, InsightsContext, InsightsServices } from "./context";
import { RefreshRunRecord } from "./refresh/refresh.entity";
import { RefreshResolver } from "./refresh/refresh.resolver";
import { RefreshService } from "./refresh/refresh.service";
import { RefreshRun } from "./refresh/refresh.types";
import { seedInsights } from "./seed";

export const insights: SubgraphModule<InsightsServices, InsightsContext> = {
  name: "insights",
  entities: [RefreshRunRecord],
  buildSchema: async () =>
    guardSchema(await buildFederatedSchema<InsightsContext>({ resolvers: [RefreshResolver] }), [RefreshRun], {
      Query: { lastRefresh: authenticated },
    }),
  createServices: (db) => ({ refresh: new RefreshService(db.dataSource) }),
  createContext: createInsightsContext,
  seed: seedInsights,
};
