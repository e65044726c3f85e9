import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { Borough, OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";
import { Contact } from "../contacts/contact.types";
import { VictimsCodeCompliance } from "../compliance/compliance.types";
import { NeedsAssessment } from "../needs/needs.types";
import { Victim } from "../people/victim.types";
import { SurveyResponse } from "../survey/survey.types";
import { JusticeTimelineEntry } from "../timeline/timeline.types";
import { EnhancedRightsCategory } from "../victims-code/rules";
import { EnhancedRightsJudgement } from "./enhanced-rights.types";

/** GMVS thematic leads (DOMAIN.md, GMVS). */
export enum ThematicLead {
  STALKING = "STALKING",
  DOMESTIC_ABUSE = "DOMESTIC_ABUSE",
  CHILDREN_AND_YOUNG_PEOPLE = "CHILDREN_AND_YOUNG_PEOPLE",
  HATE_CRIME = "HATE_CRIME",
  FRAUD = "FRAUD",
  MODERN_SLAVERY = "MODERN_SLAVERY",
  OLDER_PEOPLE = "OLDER_PEOPLE",
  GENERAL = "GENERAL",
}
registerEnumType(ThematicLead, { name: "ThematicLead" });

/** Where a case is; changed only through transitionCase (case-status.ts). */
export enum CaseStatus {
  AWAITING_ASSESSMENT = "AWAITING_ASSESSMENT",
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(CaseStatus, { name: "CaseStatus" });

/** How the victim came to GMVS. */
export enum ReferralRoute {
  POLICE = "POLICE",
  SELF = "SELF",
}
registerEnumType(ReferralRoute, { name: "ReferralRoute" });

export enum CaseClosureReason {
  SUPPORT_COMPLETED = "SUPPORT_COMPLETED",
  VICTIM_DECLINED_SUPPORT = "VICTIM_DECLINED_SUPPORT",
  UNABLE_TO_CONTACT = "UNABLE_TO_CONTACT",
  REFERRED_ON = "REFERRED_ON",
}
registerEnumType(CaseClosureReason, { name: "CaseClosureReason" });

registerEnumType(EnhancedRightsCategory, {
  name: "EnhancedRightsCategory",
  description: "Why a victim is entitled to Enhanced Rights under the Victims' Code (vulnerable or intimidated, most serious crime, persistently targeted)",
});

/**
 * The police subgraph resolves the rest of a Crime from its reference, and
 * guards it; the reference itself says a crime was reported, so it is GMP's
 * record and reaches only those who may know the crime exists.
 */
@PersonalData<CrimeReference>(
  "Crime",
  { subject: (c) => ({ system: SubjectSystem.POLICE_CRIME, ref: c.crimeReference }), holder: OrganisationCode.GMP, existence: DataCategory.OFFENCE_DETAILS },
  ["crimeReference"],
)
@Directive('@key(fields: "crimeReference", resolvable: false)')
@ObjectType("Crime")
export class CrimeReference {
  @Field(() => ID)
  crimeReference!: string;
}

/** A GMVS case file is about its victim; `crime` links to the police record, which police guards. */
@PersonalData<Case>("Case", { subject: (c) => ({ system: SubjectSystem.GMVS_CASE, ref: c.id }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT }, ["id", "caseReference", "crime"])
@Directive('@key(fields: "id")')
@ObjectType({ description: "A GMVS case file for one victim" })
export class Case {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The reference GMVS staff quote" })
  caseReference!: string;

  @Sensitive(DataCategory.ADDRESS)
  @Field(() => Borough, { nullable: true, description: "The borough the victim lives in" })
  borough!: Borough | null;

  @Sensitive(DataCategory.CASE_NOTES)
  @Field(() => ThematicLead, { nullable: true })
  thematicLead!: ThematicLead | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => CaseStatus, { nullable: true })
  status!: CaseStatus | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  openedAt!: Date | null;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => Victim, { nullable: true, description: "The person this case is about" })
  victim?: Victim | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => ReferralRoute, { nullable: true })
  referralRoute!: ReferralRoute | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The worker's label, never a name" })
  assignedWorker!: string | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => [EnhancedRightsCategory], { nullable: true, description: "Enhanced Rights categories recorded as applying now; empty for none (the dated record is `enhancedRightsRecord`)" })
  enhancedRights!: EnhancedRightsCategory[] | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => [EnhancedRightsJudgement], { nullable: true, description: "Every judgement of the victim's Enhanced Rights, by the date it applies from, with why" })
  enhancedRightsRecord?: EnhancedRightsJudgement[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true, description: "When the victim reported the crime to the police (police referrals)" })
  crimeReportedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true, description: "When GMVS received the referral" })
  referralReceivedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Boolean, { nullable: true, description: "The victim declined referral to support services" })
  referralDeclined!: boolean | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => CaseClosureReason, { nullable: true })
  closureReason!: CaseClosureReason | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [NeedsAssessment], { nullable: true, description: "Oldest first" })
  needsAssessments?: NeedsAssessment[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [Contact], { nullable: true, description: "Every update given to the victim, oldest first" })
  contacts?: Contact[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [SurveyResponse], { nullable: true })
  surveyResponses?: SurveyResponse[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => VictimsCodeCompliance, {
    nullable: true,
    description: "Victims' Code timeliness, from the police updates for the case's crime; null with SOURCE_UNAVAILABLE when the police cannot answer",
  })
  victimsCodeCompliance?: VictimsCodeCompliance | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [JusticeTimelineEntry], {
    nullable: true,
    description: "From report to court outcome, oldest first: police updates and GMVS contacts, each with what happens next",
  })
  justiceTimeline?: JusticeTimelineEntry[] | null;

  /** Not a GraphQL field: `crime` below resolves from it. */
  crimeReference!: string | null;

  /** Not GraphQL fields: the resolvers read them. */
  victimId?: string | null;
  updatedAt?: Date;
}

@InputType({ description: "Changes to a case file; fields left out stay as they are" })
export class CaseFileInput {
  @Field(() => Borough, { nullable: true })
  borough?: Borough | null;

  @Field(() => ThematicLead, { nullable: true })
  thematicLead?: ThematicLead | null;

  @Field(() => String, { nullable: true, description: "A worker label; null unassigns" })
  assignedWorker?: string | null;

}
