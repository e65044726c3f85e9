import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Borough, OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { NonPersonal, PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";

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

export enum CaseStatus {
  OPEN = "OPEN",
  AWAITING_ASSESSMENT = "AWAITING_ASSESSMENT",
  CLOSED = "CLOSED",
}
registerEnumType(CaseStatus, { name: "CaseStatus" });

/** The police subgraph resolves the rest of a Crime from its reference, and guards it. */
@NonPersonal("Crime", "only the reference, a key the police subgraph resolves and guards")
@Directive('@key(fields: "crimeReference", resolvable: false)')
@ObjectType("Crime")
export class CrimeReference {
  @Field(() => ID)
  crimeReference!: string;
}

/** A GMVS case file is about its victim; `crime` links to the police record, which police guards. */
@PersonalData<Case>("Case", { subject: (c) => ({ system: SubjectSystem.GMVS_CASE, ref: c.id }), holder: OrganisationCode.GMVS }, ["id", "caseReference", "crime"])
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

  /** Not a GraphQL field: `crime` below resolves from it. */
  crimeReference!: string | null;
}
