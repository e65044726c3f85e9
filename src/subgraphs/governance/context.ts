import type { GuardedContext } from "../../policy/access";
import { createOrganisationLoaders } from "./organisations/organisation.loaders";
import { OrganisationService } from "./organisations/organisation.service";
import { AccessService } from "./access/access.service";
import type { DataSource } from "typeorm";
import type { Logger } from "../../platform/logger";
import type { WorklistService } from "./worklist/worklist.service";
import type { WebhookDispatcher } from "./webhooks/webhook.dispatcher";
import type { WebhookService } from "./webhooks/webhook.service";
import type { SqlGovernance } from "./port/sql-governance";

export interface GovernanceServices {
  organisations: OrganisationService;
  access: AccessService;
  worklist: WorklistService;
  webhooks: WebhookService;
  /** Sends the queued webhook deliveries: on its own schedule, or when a test or tool asks (dispatchDue). */
  webhookDispatcher: WebhookDispatcher;
  webhookLogger: Logger;
  /** The store the governance consumers apply events in. */
  dataSource: DataSource;
  /** The policy's interface on governance's tables, also served to the subgraphs that run apart (./port/routes.ts). */
  policy: SqlGovernance;
}

export function createGovernanceContext(services: GovernanceServices, base: GuardedContext) {
  return { ...base, services, loaders: createOrganisationLoaders(services.organisations) };
}
export type GovernanceContext = ReturnType<typeof createGovernanceContext>;
