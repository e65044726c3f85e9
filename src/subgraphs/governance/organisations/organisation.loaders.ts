import DataLoader from "dataloader";
import { OrganisationCode } from "../../../platform/domain";
import { OrganisationRecord } from "./organisation.entity";
import { OrganisationService } from "./organisation.service";

export function createOrganisationLoaders(organisations: OrganisationService) {
  return {
    organisationByCode: new DataLoader<OrganisationCode, OrganisationRecord | null>((codes) => organisations.findByCodes(codes)),
  };
}
