import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { NonPersonal } from "../../../policy/sensitive";
import { RefreshStatus } from "./refresh.service";

registerEnumType(RefreshStatus, { name: "RefreshStatus" });

@NonPersonal("RefreshRun", "a log of evidence-base refreshes")
@ObjectType({ description: "One refresh of the pseudonymised evidence base" })
export class RefreshRun {
  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int)
  factsWritten!: number;

  @Field(() => RefreshStatus)
  status!: RefreshStatus;
}
