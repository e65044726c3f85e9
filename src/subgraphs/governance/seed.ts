import type { Database } from "../../platform/database";
import { OrganisationCode } from "../../platform/domain";
import { OrganisationRecord } from "./organisations/organisation.entity";
import { OrganisationKind } from "./organisations/organisation.types";

/** The organisations named in DESIGN.md; these are organisations, not people. */
export const SEED_ORGANISATIONS: OrganisationRecord[] = [
  [OrganisationCode.GMP, "Greater Manchester Police", OrganisationKind.POLICE],
  [OrganisationCode.GMVS, "Greater Manchester Victims' Service", OrganisationKind.VICTIM_SERVICE],
  [OrganisationCode.PANKHURST, "Pankhurst Trust (incorporating Manchester Women's Aid)", OrganisationKind.PARTNER],
  [OrganisationCode.HOURGLASS, "Hourglass", OrganisationKind.PARTNER],
  [OrganisationCode.CHALLENGER, "Challenger", OrganisationKind.PARTNER],
  [OrganisationCode.GMCA, "Greater Manchester Combined Authority", OrganisationKind.COMMISSIONER],
].map(([code, name, kind]) => Object.assign(new OrganisationRecord(), { code, name, kind }));

export async function seedGovernance(db: Database): Promise<void> {
  await db.dataSource.createQueryBuilder().insert().into(OrganisationRecord).values(SEED_ORGANISATIONS).orIgnore().execute();
}
