import { OrganisationCode } from "../../platform/domain";
import { buildFederatedSchema } from "../../platform/federation";
import { authenticated, guardSchema, organisationIs } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { CaseRecord } from "./cases/case.entity";
import { CaseResolver } from "./cases/case.resolver";
import { CaseService } from "./cases/case.service";
import { Case, CrimeReference } from "./cases/case.types";
import { createVictimsContext, VictimsContext, VictimsServices } from "./context";
import { seedVictims } from "./seed";

export const victims: SubgraphModule<VictimsServices, VictimsContext> = {
  name: "victims",
  entities: [CaseRecord],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<VictimsContext>(
        { resolvers: [CaseResolver] },
        {
          Case: { __resolveReference: (reference, ctx) => ctx.loaders.caseById.load(String(reference.id)) },
        },
      ),
      [Case, CrimeReference],
      { Query: { case: authenticated, cases: organisationIs(OrganisationCode.GMVS) } },
    ),
  createServices: (db) => ({ cases: new CaseService(db.dataSource) }),
  createContext: createVictimsContext,
  seed: seedVictims,
};
