import { Ctx, Query, Resolver } from "type-graphql";
import type { InsightsContext } from "../context";
import { RefreshRun } from "./refresh.types";

@Resolver(() => RefreshRun)
export class RefreshResolver {
  @Query(() => RefreshRun, { nullable: true, description: "When the evidence base was last refreshed" })
  lastRefresh(@Ctx() ctx: InsightsContext) {
    return ctx.services.refresh.latest();
  }
}
