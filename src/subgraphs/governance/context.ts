import type { RequestContext } from "../../platform/context";
import { createOrganisationLoaders } from "./organisations/organisation.loaders";
import { OrganisationService } from "./organisations/organisation.service";

export interface GovernanceServices {
  organisations: OrganisationService;
}

export function createGovernanceContext(services: GovernanceServices, base: RequestContext) {
  return { ...base, services, loaders: createOrganisationLoaders(services.organisations) };
}
export type GovernanceContext = ReturnType<typeof createGovernanceContext>;
