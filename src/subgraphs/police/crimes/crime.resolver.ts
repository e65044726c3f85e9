import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Borough } from "../../../platform/domain";
import { pageSize } from "../../../platform/paging";
import type { PoliceContext } from "../context";
import { InvestigationUpdate, ProtectiveOrder } from "../investigation/investigation.types";
import { Crime } from "./crime.types";

@Resolver(() => Crime)
export class CrimeResolver {
  @Query(() => Crime, { nullable: true, description: "A crime by its police reference" })
  crime(@Arg("crimeReference", () => ID) crimeReference: string, @Ctx() ctx: PoliceContext) {
    return ctx.loaders.crimeByReference.load(crimeReference);
  }

  @Query(() => [Crime], { description: "Most recently recorded crimes, in one borough where given" })
  crimes(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("borough", () => Borough, { nullable: true }) borough: Borough | null,
    @Ctx() ctx: PoliceContext,
  ) {
    return ctx.services.crimes.recent(pageSize(first), borough ?? null);
  }

  @FieldResolver(() => [InvestigationUpdate], { nullable: true })
  updates(@Root() crime: Crime, @Ctx() ctx: PoliceContext) {
    return ctx.loaders.updatesByCrime.load(crime.crimeReference);
  }

  @FieldResolver(() => [ProtectiveOrder], { nullable: true })
  orders(@Root() crime: Crime, @Ctx() ctx: PoliceContext) {
    return ctx.loaders.ordersByCrime.load(crime.crimeReference);
  }
}
