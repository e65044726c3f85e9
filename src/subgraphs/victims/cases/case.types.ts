import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Borough } from "../../../platform/domain";

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

/** The police subgraph resolves the rest of a Crime from its reference. */
@Directive('@key(fields: "crimeReference", resolvable: false)')
@ObjectType("Crime")
export class CrimeReference {
  @Field(() => ID)
  crimeReference!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "A GMVS case file for one victim" })
export class Case {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The reference GMVS staff quote" })
  caseReference!: string;

  @Field(() => Borough)
  borough!: Borough;

  @Field(() => ThematicLead)
  thematicLead!: ThematicLead;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field()
  openedAt!: Date;

  /** Not a GraphQL field: `crime` below resolves from it. */
  crimeReference!: string | null;
}
