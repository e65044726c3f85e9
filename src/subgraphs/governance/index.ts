import { OrganisationCode } from "../../platform/domain";
import { buildFederatedSchema } from "../../platform/federation";
import { Role } from "../../platform/principal";
import { authenticated, guardSchema, organisationIs, roleIs } from "../../policy/shield";
import { chain } from "graphql-shield";
import { AccessService } from "./access/access.service";
import { AccessResolver } from "./access/access.resolver";
import { AccessExplanation, AuditEvent, Consent, ConsentState } from "./access/access.types";
import { AgreementResolver } from "./agreements/agreement.resolver";
import { DataSharingAgreement } from "./agreements/agreement.types";
import { Organisation } from "./organisations/organisation.types";
import type { SubgraphModule } from "../module";
import { createGovernanceContext, GovernanceContext, GovernanceServices } from "./context";
import { OrganisationRecord } from "./organisations/organisation.entity";
import { OrganisationResolver } from "./organisations/organisation.resolver";
import { OrganisationService } from "./organisations/organisation.service";
import { seedGovernance } from "./seed";
import { WorklistResolver } from "./worklist/worklist.resolver";
import { WorklistService } from "./worklist/worklist.service";
import { WorklistItem, WorklistPage } from "./worklist/worklist.types";
import { applyToWorklists, WORKLIST_CONSUMER } from "./worklist/worklist.projection";
import { handledOnce } from "../../platform/events/consumer";

export const governance: SubgraphModule<GovernanceServices, GovernanceContext> = {
  name: "governance",
  entities: [OrganisationRecord],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<GovernanceContext>(
        { resolvers: [OrganisationResolver, AgreementResolver, AccessResolver, WorklistResolver] },
        {
          Organisation: {
            __resolveReference: (reference, ctx) => ctx.loaders.organisationByCode.load(reference.code as OrganisationCode),
          },
        },
      ),
      [Organisation, DataSharingAgreement, Consent, ConsentState, AccessExplanation, AuditEvent, WorklistItem, WorklistPage],
      {
        Query: {
          organisations: authenticated,
          organisation: authenticated,
          agreements: authenticated,
          explainAccess: authenticated,
          // GMVS only, decided in the resolver: anyone else gets the empty list an unknown case gets, not a refusal.
          consents: authenticated,
          // Data owners read their own audit; supervisors only.
          auditEvents: roleIs(Role.SUPERVISOR),
          // GMVS answers subject access requests for the victims it serves.
          subjectAccessExport: chain(organisationIs(OrganisationCode.GMVS), roleIs(Role.SUPERVISOR)),
          // Each organisation's own list; which items the caller may know of is decided per item.
          worklist: authenticated,
        },
        Mutation: {
          // GMVS records and withdraws consent with the victim.
          recordConsent: chain(organisationIs(OrganisationCode.GMVS), roleIs(Role.CASEWORKER, Role.SUPERVISOR)),
          withdrawConsent: chain(organisationIs(OrganisationCode.GMVS), roleIs(Role.CASEWORKER, Role.SUPERVISOR)),
          withdrawConsentFor: chain(organisationIs(OrganisationCode.GMVS), roleIs(Role.CASEWORKER, Role.SUPERVISOR)),
          completeWorklistItem: authenticated,
        },
      },
    ),
  createServices: (db) => ({
    organisations: new OrganisationService(db.dataSource),
    access: new AccessService(db.dataSource),
    worklist: new WorklistService(db.dataSource),
    dataSource: db.dataSource,
  }),
  outbox: "governance",
  consumers: (services) => [{ name: WORKLIST_CONSUMER, handler: handledOnce(services.dataSource, WORKLIST_CONSUMER, applyToWorklists) }],
  createContext: createGovernanceContext,
  seed: seedGovernance,
};
