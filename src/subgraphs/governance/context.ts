import type { GuardedContext } from "../../policy/access";
import { createOrganisationLoaders } from "./organisations/organisation.loaders";
import { OrganisationService } from "./organisations/organisation.service";
import { AccessService } from "./access/access.service";

export interface GovernanceServices {
  organisations: OrganisationService;
  access: AccessService;
}

export function createGovernanceContext(services: GovernanceServices, base: GuardedContext) {
  return { ...base, services, loaders: createOrganisationLoaders(services.organisations) };
}
export type GovernanceContext = ReturnType<typeof createGovernanceContext>;
