import { buildFederatedSchema } from "../../platform/federation";
import type { SubgraphModule } from "../../platform/subgraph";
import { createInsightsContext, InsightsContext, InsightsServices } from "./context";
import { RefreshRunRecord } from "./refresh/refresh.entity";
import { RefreshResolver } from "./refresh/refresh.resolver";
import { RefreshService } from "./refresh/refresh.service";
import { seedInsights } from "./seed";

export const insights: SubgraphModule<InsightsServices, InsightsContext> = {
  name: "insights",
  entities: [RefreshRunRecord],
  buildSchema: () => buildFederatedSchema<InsightsContext>({ resolvers: [RefreshResolver] }),
  createServices: (db) => ({ refresh: new RefreshService(db.dataSource) }),
  createContext: createInsightsContext,
  seed: seedInsights,
};
