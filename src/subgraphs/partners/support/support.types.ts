import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { OutcomeMeasureKind, SupportActionKind, SupportActionStatus } from "../../../../connectors/partners";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive } from "../../../policy/sensitive";
import { partnerRecord, PartnerRecordOf } from "../records/partner-record";

registerEnumType(SupportActionKind, { name: "SupportActionKind", description: "Practical help a partner gives: personal alarm, target hardening, counselling referral, court support, online safety" });
registerEnumType(SupportActionStatus, { name: "SupportActionStatus" });
registerEnumType(OutcomeMeasureKind, { name: "OutcomeMeasureKind", description: "Ministry of Justice cope-and-recover outcomes for funded victim services" });

/** One dated review of a safety plan. */
@PersonalData<SafetyPlanReview>("SafetyPlanReview", partnerRecord)
@ObjectType({ description: "A dated review of a safety plan" })
export class SafetyPlanReview implements PartnerRecordOf {
  caseId!: string;
  provider!: OrganisationCode;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true })
  summary!: string | null;
}

/** Restore reviews its safety and support plans weekly (DOMAIN.md, Pankhurst Trust). */
@PersonalData<SafetyPlan>("SafetyPlan", partnerRecord, ["id"])
@ObjectType({ description: "A partner's safety plan for the victim, with its dated reviews (Restore reviews weekly)" })
export class SafetyPlan implements PartnerRecordOf {
  @Field(() => String)
  id!: string;

  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => OrganisationCode, { nullable: true, description: "The partner that holds the plan" })
  provider!: OrganisationCode;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [SafetyPlanReview], { nullable: true, description: "Oldest first" })
  reviews!: SafetyPlanReview[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD; null once the plan is closed" })
  nextReviewDue!: string | null;
}

@PersonalData<SupportAction>("SupportAction", partnerRecord, ["id"])
@ObjectType({ description: "Practical help a partner gave or planned for the victim" })
export class SupportAction implements PartnerRecordOf {
  @Field(() => String)
  id!: string;

  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => OrganisationCode, { nullable: true })
  provider!: OrganisationCode;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => SupportActionKind, { nullable: true })
  kind!: SupportActionKind | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: when it was done, or is planned for" })
  date!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => SupportActionStatus, { nullable: true })
  status!: SupportActionStatus | null;
}

@PersonalData<OutcomeMeasure>("OutcomeMeasure", partnerRecord, ["id"])
@ObjectType({ description: "An outcome measure, 1 (worst) to 5 (best), taken at intake and again later" })
export class OutcomeMeasure implements PartnerRecordOf {
  @Field(() => String)
  id!: string;

  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => OrganisationCode, { nullable: true })
  provider!: OrganisationCode;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => OutcomeMeasureKind, { nullable: true })
  measure!: OutcomeMeasureKind | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true })
  value!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  recordedAt!: Date | null;
}
