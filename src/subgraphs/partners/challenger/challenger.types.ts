import { Field, ObjectType, registerEnumType } from "type-graphql";
import { AgeGroup, NavigatorContactChannel, NrmDecisionOutcome, NrmSubmissionKind } from "../../../../connectors/partners";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive } from "../../../policy/sensitive";
import { partnerRecord, PartnerRecordOf } from "../records/partner-record";

registerEnumType(NrmSubmissionKind, { name: "NrmSubmissionKind", description: "National Referral Mechanism referral, or the anonymous Duty to Notify (MS1) return" });
registerEnumType(AgeGroup, { name: "AgeGroup" });
registerEnumType(NrmDecisionOutcome, { name: "NrmDecisionOutcome" });
registerEnumType(NavigatorContactChannel, { name: "NavigatorContactChannel" });

/*
 * Categories. An NRM or Duty to Notify submission, and the reasonable- and
 * conclusive-grounds decisions on it, say whether the person is (believed to
 * be) a victim of the modern slavery offence (Modern Slavery Act 2015; the
 * Competent Authority decides on the balance of probabilities): findings
 * about an offence against them, so OFFENCE_DETAILS, which agreements give
 * only where offence details are meant to flow, not the weaker CASE_NOTES.
 * The age group (adult or child) is DEMOGRAPHICS. Place-of-safety stays are
 * support given (SUPPORT: dates only, never where). Navigator contacts are
 * support (when, how) and a free-text note (CASE_NOTES).
 */

@PersonalData<NrmDecision>("NrmDecision", partnerRecord)
@ObjectType({ description: "A Competent Authority decision on an NRM referral" })
export class NrmDecision implements PartnerRecordOf {
  caseId!: string;
  provider!: OrganisationCode;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => NrmDecisionOutcome, { nullable: true })
  decision!: NrmDecisionOutcome | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

@PersonalData<NrmSubmission>("NrmSubmission", partnerRecord, ["id"])
@ObjectType({ description: "A National Referral Mechanism referral or Duty to Notify return made for the survivor" })
export class NrmSubmission implements PartnerRecordOf {
  @Field(() => String)
  id!: string;

  caseId!: string;
  provider!: OrganisationCode;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => NrmSubmissionKind, { nullable: true })
  kind!: NrmSubmissionKind | null;

  @Sensitive(DataCategory.DEMOGRAPHICS)
  @Field(() => AgeGroup, { nullable: true })
  ageGroup!: AgeGroup | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Boolean, { nullable: true, description: "An adult's consent to the NRM referral; false for a child, who needs none" })
  consentGiven!: boolean | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => NrmDecision, { nullable: true, description: "Reasonable grounds to believe the person is a victim; null while pending" })
  reasonableGrounds!: NrmDecision | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => NrmDecision, { nullable: true, description: "Conclusive grounds, after a positive reasonable-grounds decision; null while pending" })
  conclusiveGrounds!: NrmDecision | null;
}

@PersonalData<PlaceOfSafetyStay>("PlaceOfSafetyStay", partnerRecord, ["id"])
@ObjectType({ description: "A stay in Challenger's place of safety for immediate rescue and recovery" })
export class PlaceOfSafetyStay implements PartnerRecordOf {
  @Field(() => String)
  id!: string;

  caseId!: string;
  provider!: OrganisationCode;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  from!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true, description: "Null while the stay lasts" })
  to!: Date | null;
}

@PersonalData<NavigatorContact>("NavigatorContact", partnerRecord, ["id"])
@ObjectType({ description: "A contact by the victim navigator between GMP and the survivor" })
export class NavigatorContact implements PartnerRecordOf {
  @Field(() => String)
  id!: string;

  caseId!: string;
  provider!: OrganisationCode;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  at!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => NavigatorContactChannel, { nullable: true })
  channel!: NavigatorContactChannel | null;

  @Sensitive(DataCategory.CASE_NOTES)
  @Field(() => String, { nullable: true })
  summary!: string | null;
}

@PersonalData<ChallengerCaseDetails>("ChallengerCaseDetails", partnerRecord)
@ObjectType({ description: "What Challenger (modern slavery and human trafficking) holds for a case" })
export class ChallengerCaseDetails implements PartnerRecordOf {
  caseId!: string;
  provider!: OrganisationCode;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => [NrmSubmission], { nullable: true, description: "NRM referrals and Duty to Notify returns, oldest first" })
  nrmSubmissions!: NrmSubmission[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [PlaceOfSafetyStay], { nullable: true })
  placeOfSafetyStays!: PlaceOfSafetyStay[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [NavigatorContact], { nullable: true })
  navigatorContacts!: NavigatorContact[] | null;
}
