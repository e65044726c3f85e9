import { buildFederatedSchema } from "../../platform/federation";
import type { SubgraphModule } from "../../platform/subgraph";
import { createPoliceContext, PoliceContext, PoliceServices } from "./context";
import { CrimeRecord } from "./crimes/crime.entity";
import { CrimeResolver } from "./crimes/crime.resolver";
import { CrimeService } from "./crimes/crime.service";
import { seedPolice } from "./seed";

export const police: SubgraphModule<PoliceServices, PoliceContext> = {
  name: "police",
  entities: [CrimeRecord],
  buildSchema: () =>
    buildFederatedSchema<PoliceContext>(
      { resolvers: [CrimeResolver] },
      {
        Crime: {
          __resolveReference: (reference, ctx) => ctx.loaders.crimeByReference.load(String(reference.crimeReference)),
        },
      },
    ),
  createServices: (db) => ({ crimes: new CrimeService(db.dataSource) }),
  createContext: createPoliceContext,
  seed: seedPolice,
};
