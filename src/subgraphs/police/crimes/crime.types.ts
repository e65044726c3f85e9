import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Borough } from "../../../platform/domain";

export enum InvestigationStatus {
  UNDER_INVESTIGATION = "UNDER_INVESTIGATION",
  SUSPECT_CHARGED = "SUSPECT_CHARGED",
  NO_FURTHER_ACTION = "NO_FURTHER_ACTION",
  CLOSED = "CLOSED",
}
registerEnumType(InvestigationStatus, { name: "InvestigationStatus" });

@Directive('@key(fields: "crimeReference")')
@ObjectType({ description: "A crime recorded by Greater Manchester Police" })
export class Crime {
  @Field(() => ID, { description: "The police crime reference" })
  crimeReference!: string;

  @Field()
  recordedAt!: Date;

  @Field({ description: "Home Office Counting Rules offence classification code" })
  offenceCode!: string;

  @Field()
  offenceDescription!: string;

  @Field(() => Borough)
  borough!: Borough;

  @Field(() => InvestigationStatus)
  status!: InvestigationStatus;

  @Field({ description: "Flagged as domestic abuse (applies across offence types)" })
  domesticAbuse!: boolean;

  @Field()
  stalking!: boolean;
}
