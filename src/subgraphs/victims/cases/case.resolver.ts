import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { Borough } from "../../../platform/domain";
import { pageSize } from "../../../platform/paging";
import type { VictimsContext } from "../context";
import { Case, CrimeReference } from "./case.types";

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true })
  case(@Arg("id", () => ID) id: string, @Ctx() ctx: VictimsContext) {
    return ctx.loaders.caseById.load(id);
  }

  @Query(() => [Case], { description: "Most recently opened cases" })
  cases(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("borough", () => Borough, { nullable: true }) borough: Borough | undefined,
    @Ctx() ctx: VictimsContext,
  ) {
    return ctx.services.cases.recent(pageSize(first), borough ?? undefined);
  }

  @FieldResolver(() => CrimeReference, { nullable: true, description: "The crime reported to police, if any" })
  crime(@Root() c: Case): CrimeReference | null {
    return c.crimeReference ? { crimeReference: c.crimeReference } : null;
  }
}
