import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { NonPersonal, PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";

export enum ContactChannel {
  PHONE = "PHONE",
  EMAIL = "EMAIL",
  SMS = "SMS",
  LETTER = "LETTER",
  IN_PERSON = "IN_PERSON",
  PORTAL = "PORTAL",
}
registerEnumType(ContactChannel, { name: "ContactChannel" });

/**
 * What a contact was for. The three that name a police update are what the
 * Victims' Code clocks count: TOLD_OF_DECISION (Rights 6, 8 and 9),
 * VPS_OFFERED (Right 7, naming the charge) and VICTIM_CONTACT_SCHEME_REFERRAL
 * (Right 11, naming the sentence).
 */
export enum ContactPurpose {
  FIRST_CONTACT = "FIRST_CONTACT",
  NEEDS_ASSESSMENT = "NEEDS_ASSESSMENT",
  TOLD_OF_DECISION = "TOLD_OF_DECISION",
  VPS_OFFERED = "VPS_OFFERED",
  VICTIM_CONTACT_SCHEME_REFERRAL = "VICTIM_CONTACT_SCHEME_REFERRAL",
  PROGRESS_UPDATE = "PROGRESS_UPDATE",
  SUPPORT_SESSION = "SUPPORT_SESSION",
  CLOSURE = "CLOSURE",
}
registerEnumType(ContactPurpose, { name: "ContactPurpose" });

/** One update given to the victim: what was said, how, by whom. */
@PersonalData<Contact>("Contact", { subject: (c) => ({ system: SubjectSystem.GMVS_CASE, ref: c.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT }, ["id"])
@ObjectType({ description: "An update GMVS gave the victim" })
export class Contact {
  @Field(() => ID)
  id!: string;

  /** Not a GraphQL field: names the subject. */
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  occurredAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => ContactChannel, { nullable: true })
  channel!: ContactChannel | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => ContactPurpose, { nullable: true })
  purpose!: ContactPurpose | null;

  @Sensitive(DataCategory.CASE_NOTES)
  @Field(() => String, { nullable: true, description: "What was said" })
  summary!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The worker's label" })
  madeBy!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The police investigation update the victim was told of" })
  policeUpdateId!: string | null;
}

@InputType()
export class ContactInput {
  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => ContactChannel)
  channel!: ContactChannel;

  @Field(() => ContactPurpose)
  purpose!: ContactPurpose;

  @Field(() => String, { description: "What was said" })
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The police update the contact answers, required for TOLD_OF_DECISION (any update), VPS_OFFERED (the charge) and VICTIM_CONTACT_SCHEME_REFERRAL (the sentence), refused for any other purpose",
  })
  policeUpdateId?: string | null;
}

@InputType({ description: "GMP, or a partner with a basis to see it, told the victim of one of GMP's investigation updates, or of the crime report" })
export class VictimInformedInput {
  @Field(() => ID)
  crimeReference!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The investigation update the victim was told of; left out for the crime report itself: the written confirmation and information on reporting (Victims' Code Right 3)",
  })
  policeUpdateId?: string | null;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => ContactChannel)
  channel!: ContactChannel;
}

/** What GMP learns back: that its record was kept. Nothing about whether GMVS has a case for the crime. */
@NonPersonal("VictimInformedReceipt", "an acknowledgement of GMP's own record: its id and when it was kept, nothing GMP did not send")
@ObjectType({ description: "The hub kept GMP's record that it told the victim" })
export class VictimInformedReceipt {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  recordedAt!: Date;
}
