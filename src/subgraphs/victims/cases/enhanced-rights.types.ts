import { Field, ID, InputType, ObjectType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";
import "../compliance/compliance.types"; // registers VictimsCodeEnhancedRightsReason
import { EnhancedRightsCategory, EnhancedRightsReason } from "../victims-code/rules";

/** One dated judgement of a victim's Enhanced Rights, with why. */
@PersonalData<EnhancedRightsJudgement>("EnhancedRightsJudgement", { subject: (j) => ({ system: SubjectSystem.GMVS_CASE, ref: j.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.RISK }, ["id"])
@ObjectType({ description: "What was recorded of the victim's Enhanced Rights, from a date on, and why" })
export class EnhancedRightsJudgement {
  @Field(() => ID)
  id!: string;

  /** Not a GraphQL field: names the subject. */
  caseId!: string;

  @Sensitive(DataCategory.RISK)
  @Field(() => [EnhancedRightsCategory], { nullable: true, description: "The categories that apply from `appliesFrom`; empty for none" })
  categories!: EnhancedRightsCategory[] | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => [EnhancedRightsReason], { nullable: true, description: "Reasons worked out from the crime that do not apply from `appliesFrom`" })
  withheld!: EnhancedRightsReason[] | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => Date, { nullable: true })
  appliesFrom!: Date | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => String, { nullable: true, description: "The worker's label, never a name" })
  recordedBy!: string | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => Date, { nullable: true })
  recordedAt!: Date | null;
}

@InputType({ description: "A caseworker's judgement of the victim's Enhanced Rights, from a date on" })
export class EnhancedRightsInput {
  @Field(() => [EnhancedRightsCategory], { description: "Every category that applies from `appliesFrom` (it replaces the last judgement); [] for none" })
  categories!: EnhancedRightsCategory[];

  @Field(() => [EnhancedRightsReason], { defaultValue: [], description: "Reasons worked out from the crime's record that do not apply (a flag set in error, say)" })
  withhold!: EnhancedRightsReason[];

  @Field(() => Date, { nullable: true, description: "From when it applies; now when left out. Not in the future" })
  appliesFrom?: Date | null;

  @Field(() => String, { description: "Why: what the caseworker saw or was told" })
  reason!: string;
}
