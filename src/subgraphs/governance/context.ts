import type { GuardedContext } from "../../policy/access";
import { createOrganisationLoaders } from "./organisations/organisation.loaders";
import { OrganisationService } from "./organisations/organisation.service";
import { AccessService } from "./access/access.service";
import type { DataSource } from "typeorm";
import type { WorklistService } from "./worklist/worklist.service";
import type { WebhookService } from "./webhooks/webhook.service";

export interface GovernanceServices {
  organisations: OrganisationService;
  access: AccessService;
  worklist: WorklistService;
  webhooks: WebhookService;
  /** The store the governance consumers apply events in. */
  dataSource: DataSource;
}

export function createGovernanceContext(services: GovernanceServices, base: GuardedContext) {
  return { ...base, services, loaders: createOrganisationLoaders(services.organisations) };
}
export type GovernanceContext = ReturnType<typeof createGovernanceContext>;
