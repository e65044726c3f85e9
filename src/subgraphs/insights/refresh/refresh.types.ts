import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "One refresh of the pseudonymised evidence base" })
export class RefreshRun {
  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int)
  factsWritten!: number;
}
