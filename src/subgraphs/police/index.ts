import { OrganisationCode } from "../../platform/domain";
import { buildFederatedSchema } from "../../platform/federation";
import { authenticated, guardSchema, organisationIs } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { createPoliceContext, PoliceContext, PoliceServices } from "./context";
import { CrimeResolver } from "./crimes/crime.resolver";
import { CrimeService } from "./crimes/crime.service";
import { Classification, Crime, OffenceClassification, StalkingTriage } from "./crimes/crime.types";
import { InvestigationUpdate, ProtectiveOrder } from "./investigation/investigation.types";

/**
 * The police subgraph reads GMP's records API through connectors/police (a
 * stand-in where config names no real API): it owns no tables and seeds
 * nothing, because the police system is the record.
 */
export const police: SubgraphModule<PoliceServices, PoliceContext> = {
  name: "police",
  entities: [],
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
      [Crime, OffenceClassification, Classification, StalkingTriage, InvestigationUpdate, ProtectiveOrder],
      { Query: { crime: authenticated, crimes: organisationIs(OrganisationCode.GMP) } },
    ),
  createServices: (_db, sources) => ({ crimes: new CrimeService(sources.police) }),
  createContext: createPoliceContext,
  seed: async () => {},
};
