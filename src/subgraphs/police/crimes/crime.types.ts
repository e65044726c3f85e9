import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Borough, OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";

export enum InvestigationStatus {
  UNDER_INVESTIGATION = "UNDER_INVESTIGATION",
  SUSPECT_CHARGED = "SUSPECT_CHARGED",
  NO_FURTHER_ACTION = "NO_FURTHER_ACTION",
  CLOSED = "CLOSED",
}
registerEnumType(InvestigationStatus, { name: "InvestigationStatus" });

/** A crime record is about its victim: GMP holds it; others see it only as agreements, consent and relationships allow. */
@PersonalData<Crime>("Crime", { subject: (c) => ({ system: SubjectSystem.POLICE_CRIME, ref: c.crimeReference }), holder: OrganisationCode.GMP }, ["crimeReference"])
@Directive('@key(fields: "crimeReference")')
@ObjectType({ description: "A crime recorded by Greater Manchester Police" })
export class Crime {
  @Field(() => ID, { description: "The police crime reference" })
  crimeReference!: string;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Date, { nullable: true })
  recordedAt!: Date | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => String, { nullable: true, description: "Home Office Counting Rules offence classification code" })
  offenceCode!: string | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => String, { nullable: true })
  offenceDescription!: string | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Borough, { nullable: true, description: "Where the crime happened, to borough level" })
  borough!: Borough | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => InvestigationStatus, { nullable: true })
  status!: InvestigationStatus | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Boolean, { nullable: true, description: "Flagged as domestic abuse (applies across offence types)" })
  domesticAbuse!: boolean | null;

  @Sensitive(DataCategory.OFFENCE_DETAILS)
  @Field(() => Boolean, { nullable: true })
  stalking!: boolean | null;
}
