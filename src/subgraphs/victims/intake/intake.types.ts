import { Field, Float, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { AgeBand, Borough, Disability, Ethnicity, OrganisationCode, Religion, Sex } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { NonPersonal, PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";
import { Case, ReferralRoute, ThematicLead } from "../cases/case.types";
import { Victim } from "../people/victim.types";
import { EntitlementStatus } from "../victims-code/engine";
import { EnhancedRightsCategory } from "../victims-code/rules";
import { MatchReason } from "./matching";

export enum MatchCandidateStatus {
  PENDING = "PENDING",
  CONFIRMED = "CONFIRMED",
  REJECTED = "REJECTED",
}
registerEnumType(MatchCandidateStatus, { name: "VictimMatchStatus" });
registerEnumType(MatchReason, { name: "VictimMatchReason" });

/** The person's details as a referral gives them. */
@InputType()
export class VictimDetailsInput {
  @Field(() => String, { nullable: true })
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  familyName?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;

  @Field(() => String, { nullable: true })
  addressLine?: string | null;

  @Field(() => AgeBand, { nullable: true, description: "Worked out from the date of birth where that is given" })
  ageBand?: AgeBand | null;

  @Field(() => Sex, { nullable: true })
  sex?: Sex | null;

  @Field(() => Ethnicity, { nullable: true })
  ethnicity?: Ethnicity | null;

  @Field(() => Disability, { nullable: true })
  disability?: Disability | null;

  @Field(() => Religion, { nullable: true })
  religion?: Religion | null;
}

@InputType({ description: "GMP passes a victim's details to GMVS (Victims' Code Right 4)" })
export class PoliceReferralInput {
  @Field(() => String)
  crimeReference!: string;

  @Field(() => Date, { description: "When the victim reported the crime to the police: starts the 2-working-day clock" })
  crimeReportedAt!: Date;

  @Field(() => Boolean, { description: "The victim declined referral to support services" })
  victimOptedOut!: boolean;

  @Field(() => String, { description: "GMP's opaque victim reference" })
  policeVictimRef!: string;

  @Field(() => VictimDetailsInput)
  victim!: VictimDetailsInput;

  @Field(() => Borough)
  borough!: Borough;

  @Field(() => ThematicLead, { defaultValue: ThematicLead.GENERAL })
  thematicLead!: ThematicLead;

  @Field(() => [EnhancedRightsCategory], { defaultValue: [] })
  enhancedRights!: EnhancedRightsCategory[];
}

@InputType({ description: "A victim asks GMVS for support; no police report is needed" })
export class SelfReferralInput {
  @Field(() => VictimDetailsInput)
  victim!: VictimDetailsInput;

  @Field(() => Borough)
  borough!: Borough;

  @Field(() => ThematicLead, { defaultValue: ThematicLead.GENERAL })
  thematicLead!: ThematicLead;

  @Field(() => [EnhancedRightsCategory], { defaultValue: [] })
  enhancedRights!: EnhancedRightsCategory[];
}

/** What GMP learns back from a referral: that GMVS has it, and whether it arrived in time. Nothing about the person. */
@NonPersonal("PoliceReferralReceipt", "an acknowledgement: the case's ids and the timeliness of GMP's own referral")
@ObjectType({ description: "GMVS's acknowledgement of a police referral" })
export class PoliceReferralReceipt {
  @Field(() => ID)
  caseId!: string;

  @Field()
  caseReference!: string;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => EntitlementStatus, { description: "Right 4: whether the details reached GMVS within 2 working days of the report (NOT_APPLICABLE where the victim declined)" })
  right4Status!: EntitlementStatus;

  @Field(() => Date, { nullable: true })
  right4DueAt!: Date | null;
}

@PersonalData<VictimMatchCandidate>(
  "VictimMatchCandidate",
  { subject: (c) => ({ system: SubjectSystem.GMVS_VICTIM, ref: c.victimId }), holder: OrganisationCode.GMVS, existence: DataCategory.IDENTITY },
  ["id", "caseId"],
)
@ObjectType({ description: "A person already known who may be the person just referred: a caseworker confirms or rejects" })
export class VictimMatchCandidate {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: "The case the referral opened" })
  caseId!: string;

  /** Not GraphQL fields: the resolver loads the people. */
  victimId!: string;
  candidateVictimId!: string;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => Victim, { nullable: true, description: "The person as referred" })
  referred?: Victim | null;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => Victim, { nullable: true, description: "The person already known" })
  candidate?: Victim | null;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => Float, { nullable: true, description: "0 to 1; a score never merges anyone by itself" })
  score!: number | null;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => [MatchReason], { nullable: true })
  reasons!: MatchReason[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => MatchCandidateStatus, { nullable: true })
  status!: MatchCandidateStatus | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  createdAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true })
  decidedBy!: string | null;
}

@NonPersonal("SelfReferralResult", "a wrapper: the case and candidates inside are guarded themselves")
@ObjectType()
export class SelfReferralResult {
  @Field(() => Case)
  case!: Case;

  @Field(() => Boolean, { description: "An exact identifier matched a person GMVS already knows" })
  matchedExistingVictim!: boolean;

  @Field(() => [VictimMatchCandidate], { description: "People a caseworker should check; empty when matched exactly" })
  matchCandidates!: VictimMatchCandidate[];
}

export { ReferralRoute };
