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
import { createLogger } from "../../platform/logger";
import { SqlGovernance } from "./port/sql-governance";
import { serveGovernancePort } from "./port/routes";
import { WebhookDispatcher } from "./webhooks/webhook.dispatcher";
import { webhookConsumer, WEBHOOK_CONSUMER } from "./webhooks/webhook.projection";
import { WebhookResolver } from "./webhooks/webhook.resolver";
import { WebhookService } from "./webhooks/webhook.service";
import { RegisteredWebhookEndpoint, WebhookAttempt, WebhookDelivery, WebhookDeliveryPage, WebhookEndpoint } from "./webhooks/webhook.types";

export const governance: SubgraphModule<GovernanceServices, GovernanceContext> = {
  name: "governance",
  entities: [OrganisationRecord],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<GovernanceContext>(
        { resolvers: [OrganisationResolver, AgreementResolver, AccessResolver, WorklistResolver, WebhookResolver] },
        {
          Organisation: {
            __resolveReference: (reference, ctx) => ctx.loaders.organisationByCode.load(reference.code as OrganisationCode),
          },
        },
      ),
      [
        Organisation,
        DataSharingAgreement,
        Consent,
        ConsentState,
        AccessExplanation,
        AuditEvent,
        WorklistItem,
        WorklistPage,
        WebhookEndpoint,
        RegisteredWebhookEndpoint,
        WebhookDelivery,
        WebhookAttempt,
        WebhookDeliveryPage,
      ],
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
          // An organisation's integration settings and what was sent to them: its administrators', for its own organisation only (decided in the service).
          webhookEndpoints: roleIs(Role.ADMIN),
          webhookDeliveries: roleIs(Role.ADMIN),
          webhookDeadLetters: roleIs(Role.ADMIN),
        },
        Mutation: {
          // GMVS records and withdraws consent with the victim.
          recordConsent: chain(organisationIs(OrganisationCode.GMVS), roleIs(Role.CASEWORKER, Role.SUPERVISOR)),
          withdrawConsent: chain(organisationIs(OrganisationCode.GMVS), roleIs(Role.CASEWORKER, Role.SUPERVISOR)),
          withdrawConsentFor: chain(organisationIs(OrganisationCode.GMVS), roleIs(Role.CASEWORKER, Role.SUPERVISOR)),
          completeWorklistItem: authenticated,
          registerWebhookEndpoint: roleIs(Role.ADMIN),
          disableWebhookEndpoint: roleIs(Role.ADMIN),
          replayWebhookDelivery: roleIs(Role.ADMIN),
        },
      },
    ),
  createServices: (db, _sources, config) => {
    const logger = createLogger(config.logLevel).child({ subgraph: "governance", component: "webhooks" });
    return {
      organisations: new OrganisationService(db.dataSource),
      access: new AccessService(db.dataSource),
      worklist: new WorklistService(db.dataSource),
      webhooks: new WebhookService(db.dataSource, { allowHttpLoopback: config.webhooks.allowHttpLoopback }),
      webhookDispatcher: new WebhookDispatcher(db.dataSource, {
        retryScheduleMs: config.webhooks.retryScheduleMs,
        timeoutMs: config.webhooks.timeoutMs,
        intervalMs: config.webhooks.dispatchIntervalMs,
        logger,
      }),
      webhookLogger: logger,
      dataSource: db.dataSource,
      policy: new SqlGovernance(db.dataSource),
    };
  },
  startBackground: (services) => {
    services.webhookDispatcher.start();
    return () => services.webhookDispatcher.stop();
  },
  outbox: "governance",
  consumers: (services) => [
    { name: WORKLIST_CONSUMER, handler: handledOnce(services.dataSource, WORKLIST_CONSUMER, applyToWorklists) },
    { name: WEBHOOK_CONSUMER, handler: webhookConsumer(services.dataSource, services.webhookLogger) },
  ],
  // The policy's interface, for the subgraphs that run apart from governance.
  routes: (app, services, { serviceKey, logger }) => serveGovernancePort(app, services.policy, serviceKey, logger),
  createContext: createGovernanceContext,
  seed: seedGovernance,
};
