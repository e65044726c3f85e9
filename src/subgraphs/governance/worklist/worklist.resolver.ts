import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { pageSize } from "../../../platform/paging";
import { knownRecordsOf } from "../../../policy/shield";
import type { GovernanceContext } from "../context";
import { WorklistKind } from "./worklist.projection";
import { pageOfItems } from "./worklist.service";
import { WorklistItem, WorklistPage } from "./worklist.types";

@Resolver()
export class WorklistResolver {
  /**
   * The caller's organisation's worklist. Which items the caller may know
   * of is decided (and audited) before paging, so a page's length and
   * `hasNextPage` tell nothing of one left out.
   */
  @Query(() => WorklistPage, { description: "What your organisation has to do, earliest due first, paged by cursor" })
  async worklist(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("kinds", () => [WorklistKind], { defaultValue: [], description: "Only these kinds; every kind when empty" }) kinds: WorklistKind[],
    @Arg("dueBefore", () => Date, { nullable: true, description: "Only items due before this time" }) dueBefore: Date | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<WorklistPage> {
    const size = pageSize(first);
    const open = await ctx.services.worklist.openFor(ctx.principal.organisation, { kinds: kinds ?? [], dueBefore: dueBefore ?? null });
    const known = await knownRecordsOf(WorklistItem, open, ctx);
    return pageOfItems(known, size, after ?? null);
  }

  @Mutation(() => WorklistItem, {
    description: "Mark done an item your organisation acknowledges (a withdrawn consent or referral acted on, a MARAC referral taken up); other items close as the work is recorded",
  })
  completeWorklistItem(@Arg("id", () => ID) id: string, @Ctx() ctx: GovernanceContext): Promise<WorklistItem> {
    return ctx.services.worklist.complete(ctx.principal, id);
  }
}
