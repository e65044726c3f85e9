import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive } from "../../../policy/sensitive";
import { partnerRiskRecord, PartnerRecordOf } from "../records/partner-record";
import { RiskReason } from "./dash";
import { RiskAnswer, RiskLevel, RiskTool } from "./question-sets";

registerEnumType(RiskLevel, { name: "RiskLevel", description: "Standard, medium or high risk (DASH RIC)" });
registerEnumType(RiskAnswer, { name: "RiskAnswer" });
registerEnumType(RiskTool, { name: "RiskTool", description: "The risk checklist used; DASH_SAFELIVES and S_DASH have question sets in the hub" });
registerEnumType(RiskReason, {
  name: "RiskReason",
  description: "Why an assessment reached its level: the MARAC referral criteria",
  valuesConfig: {
    VISIBLE_HIGH_RISK: { description: "14 or more yes answers (SafeLives Marac referral form)" },
    PROFESSIONAL_JUDGEMENT: { description: "The assessor's professional judgement" },
    ESCALATION: { description: "Potential escalation: 3 or more police call-outs in 12 months" },
    MEDIUM_SCORE_BAND: { description: "Yes answers at or above a local medium cut-off, where the question set carries one" },
  },
});

export enum RiskAssessmentOrigin {
  /** Read from the partner's own case system through its connector. */
  PARTNER_SYSTEM = "PARTNER_SYSTEM",
  /** Recorded through Casebridge (recordRiskAssessment) and kept in the hub. */
  CASEBRIDGE = "CASEBRIDGE",
}
registerEnumType(RiskAssessmentOrigin, { name: "RiskAssessmentOrigin" });

@PersonalData<RiskAnswerGiven>("RiskAnswerGiven", partnerRiskRecord)
@ObjectType({ description: "One checklist answer, as given" })
export class RiskAnswerGiven implements PartnerRecordOf {
  caseId!: string;
  provider!: OrganisationCode;

  @Sensitive(DataCategory.RISK)
  @Field(() => String, { nullable: true, description: "The question set's question id, e.g. dash.q08" })
  questionId!: string | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => RiskAnswer, { nullable: true })
  answer!: RiskAnswer | null;
}

/**
 * A DASH RIC or S-DASH assessment, scored by the hub against the versioned
 * question set it names, with every answer kept. DASH yields a level and the
 * reasons for it; S-DASH yields no level, only the answers that indicate
 * heightened stalking risk.
 */
@PersonalData<RiskAssessment>("RiskAssessment", partnerRiskRecord, ["id"])
@ObjectType({ description: "A risk assessment (DASH RIC or S-DASH), scored by Casebridge against its versioned question set" })
export class RiskAssessment implements PartnerRecordOf {
  @Field(() => ID)
  id!: string;

  caseId!: string;

  @Sensitive(DataCategory.RISK)
  @Field(() => OrganisationCode, { nullable: true, description: "The partner whose assessment it is" })
  provider!: OrganisationCode;

  @Sensitive(DataCategory.RISK)
  @Field(() => RiskAssessmentOrigin, { nullable: true })
  origin!: RiskAssessmentOrigin | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => RiskTool, { nullable: true })
  tool!: RiskTool | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => String, { nullable: true, description: "The question set it was answered and scored against, e.g. safelives-dash-ric@2009" })
  questionSetVersion!: string | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => Date, { nullable: true })
  assessedAt!: Date | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => String, { nullable: true, description: "Who assessed, as a role label or the hub user" })
  assessor!: string | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => [RiskAnswerGiven], { nullable: true, description: "Every answer given, in the question set's order" })
  answers!: RiskAnswerGiven[] | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => Int, { nullable: true, description: "Yes answers; null where the question set is not one the hub holds" })
  score!: number | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => RiskLevel, { nullable: true, description: "DASH only; null for S-DASH and for a question set the hub does not hold" })
  level!: RiskLevel | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => [RiskReason], { nullable: true, description: "Every ground that on its own supports the level; empty when STANDARD" })
  reasons!: RiskReason[] | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => Boolean, { nullable: true, description: "High risk: a MARAC referral is required" })
  maracReferralRequired!: boolean | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => RiskLevel, { nullable: true, description: "The assessor's own judgement of the level; it can raise the level, never lower it" })
  professionalJudgement!: RiskLevel | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => Int, { nullable: true, description: "Police call-outs in the last 12 months, for the potential-escalation criterion" })
  policeCallOutsLast12Months!: number | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => [String], { nullable: true, description: "S-DASH: the questions answered yes, each an indicator of heightened stalking risk" })
  heightenedRiskIndicators!: string[] | null;
}

@InputType({ description: "One checklist answer" })
export class RiskAnswerInput {
  @Field(() => String)
  questionId!: string;

  @Field(() => RiskAnswer)
  answer!: RiskAnswer;
}

@ArgsType()
export class RecordRiskAssessmentArgs {
  @Field(() => ID)
  caseId!: string;

  @Field(() => RiskTool)
  tool!: RiskTool;

  @Field(() => String, { description: "The question set answered, e.g. safelives-dash-ric@2009 or s-dash@2009" })
  questionSetVersion!: string;

  @Field(() => [RiskAnswerInput])
  answers!: RiskAnswerInput[];

  @Field(() => RiskLevel, { nullable: true })
  professionalJudgement?: RiskLevel | null;

  @Field(() => Int, { nullable: true })
  policeCallOutsLast12Months?: number | null;
}
