import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { Purpose } from "../../../platform/principal";
import { DataCategory } from "../../../policy/categories";
import { NonPersonal } from "../../../policy/sensitive";

@NonPersonal("Consent", "the scope of a consent; returned only to GMVS, who records it")
@ObjectType({ description: "A victim's consent to share categories of their data with one organisation for given purposes" })
export class Consent {
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

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID, { description: "The GMVS case of the victim giving consent" })
  caseId!: string;

  @Field(() => OrganisationCode)
  recipient!: OrganisationCode;

  @Field(() => [DataCategory])
  categories!: DataCategory[];

  @Field(() => [Purpose])
  purposes!: Purpose[];
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

@NonPersonal("AuditEvent", "who saw or was refused which category of a pseudonymous subject; shown only to data owners' supervisors")
@ObjectType({ description: "One release or refusal of a category of a subject's data" })
export class AuditEvent {
  @Field(() => Int)
  seq!: number;

  @Field()
  at!: Date;

  @Field()
  requestId!: string;

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

  @Field(() => String, { nullable: true })
  agreementId!: string | null;

  @Field(() => String, { nullable: true })
  consentId!: string | null;

  @Field(() => String, { nullable: true, description: "Set when a supervisor overrode a refusal; flagged to the data owner" })
  breakGlassReason!: string | null;
}
