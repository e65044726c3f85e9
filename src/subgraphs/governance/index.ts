import { OrganisationCode } from "../../platform/domain";
import { buildFederatedSchema } from "../../platform/federation";
import type { SubgraphModule } from "../../platform/subgraph";
import { createGovernanceContext, GovernanceContext, GovernanceServices } from "./context";
import { OrganisationRecord } from "./organisations/organisation.entity";
import { OrganisationResolver } from "./organisations/organisation.resolver";
import { OrganisationService } from "./organisations/organisation.service";
import { seedGovernance } from "./seed";

export const governance: SubgraphModule<GovernanceServices, GovernanceContext> = {
  name: "governance",
  entities: [OrganisationRecord],
  buildSchema: () =>
    buildFederatedSchema<GovernanceContext>(
      { resolvers: [OrganisationResolver] },
      {
        Organisation: {
          __resolveReference: (reference, ctx) => ctx.loaders.organisationByCode.load(reference.code as OrganisationCode),
        },
      },
    ),
  createServices: (db) => ({ organisations: new OrganisationService(db.dataSource) }),
  createContext: createGovernanceContext,
  seed: seedGovernance,
};
