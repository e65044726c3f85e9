import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { pageSize } from "../../../platform/paging";
import type { PoliceContext } from "../context";
import { Crime } from "./crime.types";

@Resolver(() => Crime)
export class CrimeResolver {
  @Query(() => Crime, { nullable: true, description: "A crime by its police reference" })
  crime(@Arg("crimeReference", () => ID) crimeReference: string, @Ctx() ctx: PoliceContext) {
    return ctx.loaders.crimeByReference.load(crimeReference);
  }

  @Query(() => [Crime], { description: "Most recently recorded crimes" })
  crimes(@Arg("first", () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: PoliceContext) {
    return ctx.services.crimes.recent(pageSize(first));
  }
}
