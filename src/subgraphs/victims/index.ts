import { buildFederatedSchema } from "../../platform/federation";
import type { SubgraphModule } from "../../platform/subgraph";
import { CaseRecord } from "./cases/case.entity";
import { CaseResolver } from "./cases/case.resolver";
import { CaseService } from "./cases/case.service";
import { createVictimsContext, VictimsContext, VictimsServices } from "./context";
import { seedVictims } from "./seed";

export const victims: SubgraphModule<VictimsServices, VictimsContext> = {
  name: "victims",
  entities: [CaseRecord],
  buildSchema: () =>
    buildFederatedSchema<VictimsContext>(
      { resolvers: [CaseResolver] },
      {
        Case: { __resolveReference: (reference, ctx) => ctx.loaders.caseById.load(String(reference.id)) },
      },
    ),
  createServices: (db) => ({ cases: new CaseService(db.dataSource) }),
  createContext: createVictimsContext,
  seed: seedVictims,
};
