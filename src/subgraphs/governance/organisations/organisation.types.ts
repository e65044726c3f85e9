import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { NonPersonal } from "../../../policy/sensitive";

export enum OrganisationKind {
  POLICE = "POLICE",
  VICTIM_SERVICE = "VICTIM_SERVICE",
  PARTNER = "PARTNER",
  COMMISSIONER = "COMMISSIONER",
}
registerEnumType(OrganisationKind, { name: "OrganisationKind" });

@NonPersonal("Organisation", "organisations, not people")
@Directive('@key(fields: "code")')
@ObjectType({ description: "An organisation taking part in Casebridge" })
export class Organisation {
  @Field(() => OrganisationCode)
  code!: OrganisationCode;

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;
}
