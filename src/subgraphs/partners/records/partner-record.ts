import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
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

/**
 * Every partner type's @PersonalData declaration: about the GMVS case's
 * victim, held by the partner that provides it. That a partner supports her
 * at all is SUPPORT data (a Challenger section says she survived
 * trafficking); a risk record's existence is RISK (a MARAC referral says she
 * is at high risk of serious harm).
 */
const partnerRecordOf = (existence: DataCategory): PersonalDataDeclaration<PartnerRecordOf> => ({
  subject: (record) => ({ system: SubjectSystem.GMVS_CASE, ref: record.caseId }),
  holder: (record) => record.provider,
  existence,
});
export const partnerRecord = partnerRecordOf(DataCategory.SUPPORT);
export const partnerRiskRecord = partnerRecordOf(DataCategory.RISK);
