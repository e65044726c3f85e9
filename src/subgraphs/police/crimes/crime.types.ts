import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { HateCrimeStrand, InvestigationStatus, TriageRisk } from "../../../../connectors/police/types";
import { Borough } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive } from "../../../policy/sensitive";
import { InvestigationUpdate, ProtectiveOrder } from "../investigation/investigation.types";
import { aboutTheVictim } from "../subject";

// The police records API's enumerations (connectors/police/types.ts), registered here once.
export { HateCrimeStrand, InvestigationStatus, TriageRisk };
registerEnumType(InvestigationStatus, { name: "InvestigationStatus" });
registerEnumType(HateCrimeStrand, {
  name: "HateCrimeStrand",
  description: "The five nationally monitored hate crime strands (DOMAIN-REFERENCE.md 3.1)",
});
registerEnumType(TriageRisk, { name: "TriageRisk", description: "Standard, medium or high, as the Stalking Triage Centre grades it" });

/** A Home Office Counting Rules classification. Offence details: what was done, not who did it. */
@PersonalData<OffenceClassification>("OffenceClassification", aboutTheVictim(DataCategory.OFFENCE_DETAILS))
@ObjectType({ description: "A Home Office Counting Rules offence classification" })
export class OffenceClassification {
  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => String, { nullable: true, description: "Home Office Counting Rules class code, e.g. 8Q" })
  code!: string | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => String, { nullable: true })
  description!: string | null;

  /** Not a field: names the subject. */
  crimeReference!: string;
}

/** One classification a crime has carried. Reclassification appends to the history; nothing is overwritten. */
@PersonalData<Classification>("Classification", aboutTheVictim(DataCategory.OFFENCE_DETAILS))
@ObjectType({ description: "A classification the crime carried from `at`, and why it was given" })
export class Classification {
  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Date, { nullable: true })
  at!: Date | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => String, { nullable: true, description: "Home Office Counting Rules class code" })
  code!: string | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => String, { nullable: true })
  description!: string | null;

  // Why police (re)classified it: part of the offence record, e.g. the finding of serious alarm or distress.
  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => String, { nullable: true })
  reason!: string | null;

  crimeReference!: string;
}

/**
 * The Stalking Triage Centre's review. All of it is RISK: the review is a
 * risk assessment, and its lines of enquiry and SPO decision are police
 * operational judgements that must not travel on an agreement for
 * investigation updates alone (gmp-to-pankhurst-support).
 */
@PersonalData<StalkingTriage>("StalkingTriage", aboutTheVictim(DataCategory.RISK))
@ObjectType({ description: "The Stalking Triage Centre's review of a stalking or harassment crime" })
export class StalkingTriage {
  @Sensitive(DataCategory.RISK)
  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => TriageRisk, { nullable: true })
  risk!: TriageRisk | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => [String], { nullable: true })
  linesOfEnquiry!: string[] | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => Boolean, { nullable: true, description: "Whether the centre considered a Stalking Protection Order" })
  spoConsidered!: boolean | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => Boolean, { nullable: true, description: "Reviewed as an older (legacy) case rather than on recording" })
  legacyCase!: boolean | null;

  crimeReference!: string;
}

/**
 * A crime record. Categories: what happened and how it is classed is
 * OFFENCE_DETAILS; how police are dealing with it (status, outcome, updates,
 * orders) is INVESTIGATION_UPDATES, what Victims' Code Right 6 keeps the
 * victim told of; the triage is RISK; the victim's and suspect's references
 * identify people, so IDENTITY; a hate crime strand says which
 * characteristic the victim was targeted for (race, religion, disability,
 * sexual orientation, transgender identity: UK GDPR Art. 9 special
 * category), so PROTECTED_CHARACTERISTICS, not offence details.
 */
@PersonalData<Crime>("Crime", aboutTheVictim(DataCategory.OFFENCE_DETAILS), ["crimeReference"])
@Directive('@key(fields: "crimeReference")')
@ObjectType({ description: "A crime recorded by Greater Manchester Police" })
export class Crime {
  @Field(() => ID, { description: "The police crime reference" })
  crimeReference!: string;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Date, { nullable: true })
  recordedAt!: Date | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => OffenceClassification, { nullable: true, description: "The current classification: the last of classificationHistory" })
  offence!: OffenceClassification | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => String, { nullable: true, description: "Home Office Counting Rules offence classification code (the current one; as offence.code)" })
  offenceCode!: string | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => String, { nullable: true, description: "The current offence (as offence.description)" })
  offenceDescription!: string | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => [Classification], { nullable: true, description: "Every classification the crime has carried, oldest first" })
  classificationHistory!: Classification[] | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Borough, { nullable: true, description: "Where the crime happened, to borough level" })
  borough!: Borough | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => InvestigationStatus, { nullable: true })
  status!: InvestigationStatus | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => String, { nullable: true, description: "The outcome as recorded; null while none is" })
  outcome!: string | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Boolean, { nullable: true, description: "Flagged as domestic abuse (applies across offence types)" })
  domesticAbuse!: boolean | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Boolean, { nullable: true })
  stalking!: boolean | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Boolean, { nullable: true })
  harassment!: boolean | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Boolean, { nullable: true, description: "Controlling or coercive behaviour (s.76 Serious Crime Act 2015)" })
  controllingOrCoercive!: boolean | null;

  @Sensitive(DataCategory.PROTECTED_CHARACTERISTICS)
  @Field(() => HateCrimeStrand, { nullable: true, description: "The hate crime strand, where the crime is flagged as one" })
  hateCrimeStrand!: HateCrimeStrand | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Boolean, { nullable: true })
  modernSlavery!: boolean | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Boolean, { nullable: true })
  fraud!: boolean | null;

  @Sensitive(DataCategory.RISK)
  @Field(() => StalkingTriage, { nullable: true, description: "The Stalking Triage Centre's review, where there is one" })
  stalkingTriage!: StalkingTriage | null;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => String, { nullable: true, description: "The police system's opaque reference for the victim" })
  victimRef!: string | null;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => String, { nullable: true, description: "The police system's opaque reference for the suspect, where one is identified" })
  suspectRef!: string | null;

  // Resolved by CrimeResolver, one connector call per request for all crimes asked.
  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => [InvestigationUpdate], { nullable: true, description: "Investigation and court events, oldest first" })
  updates!: InvestigationUpdate[] | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => [ProtectiveOrder], { nullable: true, description: "Stalking Protection Orders and Domestic Abuse Protection Notices and Orders" })
  orders!: ProtectiveOrder[] | null;
}
