import { OrganisationCode } from "../../platform/domain";
import { buildFederatedSchema } from "../../platform/federation";
import { authenticated, guardSchema, organisationIs } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { createPoliceContext, PoliceContext, PoliceServices } from "./context";
import { CrimeRecord } from "./crimes/crime.entity";
import { CrimeResolver } from "./crimes/crime.resolver";
import { CrimeService } from "./crimes/crime.service";
import { Crime } from "./crimes/crime.types";
import { seedPolice } from "./seed";

export const police: SubgraphModule<PoliceServices, PoliceContext> = {
  name: "police",
  entities: [CrimeRecord],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<PoliceContext>(
        { resolvers: [CrimeResolver] },
        {
          Crime: {
            __resolveReference: (reference, ctx) => ctx.loaders.crimeByReference.load(String(reference.crimeReference)),
          },
        },
      ),
      [Crime],
      { Query: { crime: authenticated, crimes: organisationIs(OrganisationCode.GMP) } },
    ),
  createServices: (db) => ({ crimes: new CrimeService(db.dataSource) }),
  createContext: createPoliceContext,
  seed: seedPolice,
};
