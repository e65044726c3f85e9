import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { Purpose } from "../../../platform/principal";
import { DataCategory } from "../../../policy/categories";
import { NonPersonal, PersonalData, SubjectSystem } from "../../../policy/sensitive";

/**
 * One state of a victim's consent: to one recipient, for one category and
 * purpose, from when it was given until it was withdrawn. At most one is in
 * force at a time for each (victim, recipient, category, purpose).
 */
@PersonalData<ConsentState>(
  "ConsentState",
  {
    subject: (s) => ({ system: SubjectSystem.SUBJECT, ref: s.subjectId }),
    holder: OrganisationCode.GMVS,
    existence: DataCategory.SUPPORT,
    reference: (s) => `${s.consentId}/${s.category}/${s.purpose}`,
  },
  ["category", "purpose", "givenAt", "withdrawnAt", "withdrawnBy"],
)
@ObjectType({ description: "A consent in force, or once in force, for one category and purpose" })
export class ConsentState {
  /** Not GraphQL fields: the governance subject, and the consent that put the state in force. */
  subjectId!: string;
  consentId!: string;

  @Field(() => DataCategory)
  category!: DataCategory;

  @Field(() => Purpose)
  purpose!: Purpose;

  @Field()
  givenAt!: Date;

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who recorded the withdrawal" })
  withdrawnBy!: string | null;
}

/**
 * A consent is about its victim and GMVS holds it (it records it with her).
 * Its fields are the record itself and are released with it: that the
 * victim consented to share with a partner is what its existence tells.
 * A consent is a recording: what the victim agreed to, when, recorded by
 * whom. What is in force is its states: a category she had already
 * consented to stays with the consent that first put it in force.
 */
@PersonalData<Consent>(
  "Consent",
  { subject: (c) => ({ system: SubjectSystem.SUBJECT, ref: c.subjectId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT },
  ["id", "recipient", "categories", "purposes", "givenAt", "recordedBy", "withdrawnAt", "withdrawnBy", "states"],
)
@ObjectType({ description: "A victim's consent to share categories of their data with one organisation for given purposes" })
export class Consent {
  /** Not a GraphQL field: the governance subject the consent is about. */
  subjectId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationCode)
  recipient!: OrganisationCode;

  @Field(() => [DataCategory])
  categories!: DataCategory[];

  @Field(() => [Purpose])
  purposes!: Purpose[];

  @Field()
  givenAt!: Date;

  @Field(() => String, { description: "Who recorded it" })
  recordedBy!: string;

  @Field(() => Date, { nullable: true, description: "When the last of its categories stopped being in force; null while any is" })
  withdrawnAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Who recorded that withdrawal" })
  withdrawnBy!: string | null;

  @Field(() => [ConsentState], { description: "The states this consent put in force, each with its own withdrawal" })
  states!: ConsentState[];
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID, { description: "The GMVS case of the victim giving consent" })
  caseId!: string;

  @Field(() => OrganisationCode, { description: "Who may receive her data; never GMVS, which holds it" })
  recipient!: OrganisationCode;

  @Field(() => [DataCategory])
  categories!: DataCategory[];

  @Field(() => [Purpose])
  purposes!: Purpose[];
}

@InputType()
export class WithdrawConsentInput {
  @Field(() => ID, { description: "The GMVS case of the victim withdrawing consent" })
  caseId!: string;

  @Field(() => OrganisationCode)
  recipient!: OrganisationCode;

  @Field(() => [DataCategory], { description: "Every consent to the recipient covering these categories ends, for every purpose" })
  categories!: DataCategory[];
}

@NonPersonal("AccessExplanation", "what the caller may see and why; releases no data")
@ObjectType({ description: "Whether the caller may see one category of one holder's data about a case, and why" })
export class AccessExplanation {
  @Field(() => OrganisationCode)
  holder!: OrganisationCode;

  @Field(() => DataCategory)
  category!: DataCategory;

  @Field({ description: "ALLOW or DENY" })
  decision!: string;

  @Field({ description: "OWN_RECORD or AGREEMENT when allowed; the refusal reason otherwise" })
  reason!: string;

  @Field(() => String, { nullable: true })
  agreementId!: string | null;

  @Field(() => String, { nullable: true })
  consentId!: string | null;
}

/**
 * An audit event is about its subject; the organisation answering for it
 * holds it: the data owner reading its own log, GMVS answering a subject
 * access request. Its fields are the record itself and are released with it.
 */
@PersonalData<AuditEvent>(
  "AuditEvent",
  {
    subject: (e) => (e.subjectId ? { system: SubjectSystem.SUBJECT, ref: e.subjectId } : null),
    holder: (e) => e.answeredBy,
    existence: DataCategory.CASE_NOTES,
    reference: (e) => String(e.seq),
  },
  ["seq", "at", "requestId", "callerRequestId", "actor", "organisation", "purpose", "subjectId", "category", "holder", "decision", "reason", "records", "agreementId", "consentId", "breakGlassReason"],
)
@ObjectType({ description: "One release or refusal of a category of a subject's data" })
export class AuditEvent {
  /** Not a GraphQL field: the organisation answering for this copy of the event (see the declaration above). */
  answeredBy!: OrganisationCode;

  @Field(() => Int)
  seq!: number;

  @Field()
  at!: Date;

  @Field({ description: "The hub's own id for the request, the same in every subgraph it reached" })
  requestId!: string;

  @Field(() => String, { nullable: true, description: "The x-request-id the caller sent, kept as given; never used to correlate" })
  callerRequestId!: string | null;

  @Field(() => String, { nullable: true })
  actor!: string | null;

  @Field(() => String, { nullable: true })
  organisation!: string | null;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => String, { nullable: true, description: "Pseudonymous subject id" })
  subjectId!: string | null;

  @Field()
  category!: string;

  @Field()
  holder!: string;

  @Field()
  decision!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => [String], { description: "The records consulted, disclosed or withheld, as Type:reference (e.g. MaracReferral:…); empty for a refused operation" })
  records!: string[];

  @Field(() => String, { nullable: true })
  agreementId!: string | null;

  @Field(() => String, { nullable: true })
  consentId!: string | null;

  @Field(() => String, { nullable: true, description: "Set when a supervisor overrode a refusal; flagged to the data owner" })
  breakGlassReason!: string | null;
}
