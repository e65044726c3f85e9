import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";

/** How much support an area of need calls for. */
export enum NeedLevel {
  NONE = "NONE",
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
}
registerEnumType(NeedLevel, { name: "NeedLevel" });

export enum NeedsOutcome {
  SUPPORT_PLAN_AGREED = "SUPPORT_PLAN_AGREED",
  REFER_TO_SPECIALIST_SERVICE = "REFER_TO_SPECIALIST_SERVICE",
  INFORMATION_ONLY = "INFORMATION_ONLY",
  NO_SUPPORT_NEEDED = "NO_SUPPORT_NEEDED",
  VICTIM_DECLINED = "VICTIM_DECLINED",
}
registerEnumType(NeedsOutcome, { name: "NeedsOutcome" });

/** One assessment of the victim's needs. Health needs are special category data (HEALTH); the rest is SUPPORT. */
@PersonalData<NeedsAssessment>("NeedsAssessment", { subject: (n) => ({ system: SubjectSystem.GMVS_CASE, ref: n.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT }, ["id"])
@ObjectType({ description: "An assessment of a victim's practical, emotional, safety, health, financial and communication needs" })
export class NeedsAssessment {
  @Field(() => ID)
  id!: string;

  /** Not a GraphQL field: names the subject. */
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  assessedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The worker's label" })
  assessedBy!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => NeedLevel, { nullable: true })
  practical!: NeedLevel | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => NeedLevel, { nullable: true })
  emotional!: NeedLevel | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => NeedLevel, { nullable: true })
  safety!: NeedLevel | null;

  @Sensitive(DataCategory.HEALTH)
  @Field(() => NeedLevel, { nullable: true })
  health!: NeedLevel | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => NeedLevel, { nullable: true })
  financial!: NeedLevel | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => NeedLevel, { nullable: true, description: "Interpreting, accessible formats: Victims' Code Right 1" })
  communication!: NeedLevel | null;

  @Sensitive(DataCategory.CASE_NOTES)
  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => NeedsOutcome, { nullable: true })
  outcome!: NeedsOutcome | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  reviewOn!: string | null;
}

@InputType()
export class NeedsAssessmentInput {
  @Field(() => NeedLevel)
  practical!: NeedLevel;

  @Field(() => NeedLevel)
  emotional!: NeedLevel;

  @Field(() => NeedLevel)
  safety!: NeedLevel;

  @Field(() => NeedLevel)
  health!: NeedLevel;

  @Field(() => NeedLevel)
  financial!: NeedLevel;

  @Field(() => NeedLevel)
  communication!: NeedLevel;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => NeedsOutcome)
  outcome!: NeedsOutcome;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD, after today" })
  reviewOn?: string | null;

  @Field(() => Date, { nullable: true, description: "Defaults to now" })
  assessedAt?: Date | null;
}
