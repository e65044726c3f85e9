import { OrganisationCode } from "../../../platform/domain";
import { PersonalDataDeclaration, SubjectSystem } from "../../../policy/sensitive";

/**
 * What every partner record the subgraph serves carries besides its fields:
 * the GMVS case it belongs to (whose victim is the subject) and the partner
 * that holds it. Not GraphQL fields.
 */
export interface PartnerRecordOf {
  caseId: string;
  provider: OrganisationCode;
}

/** Every partner type's @PersonalData declaration: about the GMVS case's victim, held by the partner that provides it. */
export const partnerRecord: PersonalDataDeclaration<PartnerRecordOf> = {
  subject: (record) => ({ system: SubjectSystem.GMVS_CASE, ref: record.caseId }),
  holder: (record) => record.provider,
};
