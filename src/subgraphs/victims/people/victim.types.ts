import { Field, ID, ObjectType } from "type-graphql";
import { AgeBand, Disability, Ethnicity, OrganisationCode, Religion, Sex } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";

/** The person GMVS supports. Every field but the id is guarded by decide() for its category. */
@PersonalData<Victim>("Victim", { subject: (v) => ({ system: SubjectSystem.GMVS_VICTIM, ref: v.id }), holder: OrganisationCode.GMVS, existence: DataCategory.IDENTITY }, ["id"])
@ObjectType({ description: "A person GMVS supports" })
export class Victim {
  @Field(() => ID)
  id!: string;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => String, { nullable: true, description: "GMP's opaque victim reference, where the police referred them" })
  policeVictimRef!: string | null;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => String, { nullable: true })
  givenName!: string | null;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => String, { nullable: true })
  familyName!: string | null;

  @Sensitive(DataCategory.IDENTITY)
  @Field(() => String, { nullable: true, description: "YYYY-MM-DD" })
  dateOfBirth!: string | null;

  @Sensitive(DataCategory.CONTACT)
  @Field(() => String, { nullable: true })
  email!: string | null;

  @Sensitive(DataCategory.CONTACT)
  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Sensitive(DataCategory.ADDRESS)
  @Field(() => String, { nullable: true })
  postcode!: string | null;

  @Sensitive(DataCategory.ADDRESS)
  @Field(() => String, { nullable: true })
  addressLine!: string | null;

  @Sensitive(DataCategory.DEMOGRAPHICS)
  @Field(() => AgeBand, { nullable: true })
  ageBand!: AgeBand | null;

  @Sensitive(DataCategory.PROTECTED_CHARACTERISTICS)
  @Field(() => Sex, { nullable: true })
  sex!: Sex | null;

  @Sensitive(DataCategory.PROTECTED_CHARACTERISTICS)
  @Field(() => Ethnicity, { nullable: true })
  ethnicity!: Ethnicity | null;

  @Sensitive(DataCategory.PROTECTED_CHARACTERISTICS)
  @Field(() => Disability, { nullable: true })
  disability!: Disability | null;

  @Sensitive(DataCategory.PROTECTED_CHARACTERISTICS)
  @Field(() => Religion, { nullable: true })
  religion!: Religion | null;
}
