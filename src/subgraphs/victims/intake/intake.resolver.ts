import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { pageSize } from "../../../platform/paging";
import type { VictimsContext } from "../context";
import { MatchCandidateRecord } from "./match-candidate.entity";
import { PoliceReferralInput, PoliceReferralReceipt, SelfReferralInput, SelfReferralResult, VictimMatchCandidate } from "./intake.types";

@Resolver(() => VictimMatchCandidate)
export class IntakeResolver {
  @Mutation(() => PoliceReferralReceipt, { description: "GMP refers a victim to GMVS (Victims' Code Right 4): opens a case, matching or creating the victim" })
  receivePoliceReferral(@Arg("input", () => PoliceReferralInput) input: PoliceReferralInput, @Ctx() ctx: VictimsContext) {
    return ctx.services.intake.receivePoliceReferral(ctx, input);
  }

  @Mutation(() => SelfReferralResult, { description: "A victim asks GMVS for support (GMVS staff acting for them through the portal); no police report needed" })
  async selfRefer(@Arg("input", () => SelfReferralInput) input: SelfReferralInput, @Ctx() ctx: VictimsContext) {
    const outcome = await ctx.services.intake.selfRefer(ctx, input);
    return { case: outcome.kase, matchedExistingVictim: outcome.matchedExistingVictim, matchCandidates: outcome.candidates };
  }

  @Mutation(() => VictimMatchCandidate, { description: "The referred person is the one already known: their records become one. CONFLICT if already decided" })
  confirmVictimMatch(@Arg("candidateId", () => ID) candidateId: string, @Ctx() ctx: VictimsContext) {
    return ctx.services.intake.confirmMatch(ctx, candidateId);
  }

  @Mutation(() => VictimMatchCandidate, { description: "They are different people: nothing merges. CONFLICT if already decided" })
  rejectVictimMatch(@Arg("candidateId", () => ID) candidateId: string, @Ctx() ctx: VictimsContext) {
    return ctx.services.intake.rejectMatch(ctx, candidateId);
  }

  @Query(() => [VictimMatchCandidate], { description: "Possible matches waiting for a caseworker, oldest first" })
  victimMatchCandidates(@Arg("first", () => Int, { defaultValue: 20 }) first: number, @Ctx() ctx: VictimsContext) {
    return ctx.services.intake.pending(pageSize(first));
  }

  @FieldResolver()
  referred(@Root() c: MatchCandidateRecord, @Ctx() ctx: VictimsContext) {
    return ctx.loaders.victimById.load(c.victimId);
  }

  @FieldResolver()
  candidate(@Root() c: MatchCandidateRecord, @Ctx() ctx: VictimsContext) {
    return ctx.loaders.victimById.load(c.candidateVictimId);
  }
}
