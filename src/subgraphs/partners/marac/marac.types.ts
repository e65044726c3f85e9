import { Field, ID, ObjectType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive } from "../../../policy/sensitive";
import { RiskReason } from "../risk/dash";
import { partnerRiskRecord, PartnerRecordOf } from "../records/partner-record";

/**
 * A MARAC referral raised by the hub from a high-risk assessment. RISK,
 * held by the partner whose assessment raised it; the police and GMVS see it
 * under the MARAC safeguarding agreement (DPA 2018 Sch. 1 para. 18), which
 * does not rest on consent.
 */
@PersonalData<MaracReferral>("MaracReferral", partnerRiskRecord, ["id"])
@ObjectType({ description: "A referral to the multi-agency risk assessment conference, raised from a high-risk assessment" })
export class MaracReferral implements PartnerRecordOf {
  @Field(() => ID)
  id!: string;

  caseId!: string;

  @Sensitive(DataCategory.RISK)
  @Field(() => OrganisationCode, { nullable: true, description: "The partner whose assessment raised it" })
  provider!: OrganisationCode;

  @Sensitive(DataCategory.RISK)
  @Field(() => String, { nullable: true, description: "The assessment that raised it (a Casebridge id, or the partner system's own)" })
  assessmentId!: string | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => Date, { nullable: true })
  raisedAt!: Date | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => [RiskReason], { nullable: true, description: "The MARAC criteria the assessment met" })
  reasons!: RiskReason[] | null;
}
