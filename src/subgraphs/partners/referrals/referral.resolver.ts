import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { pageSize } from "../../../platform/paging";
import { DataCategory } from "../../../policy/categories";
import type { PartnersContext } from "../context";
import { CaseEpisodes } from "../episodes/episode.types";
import { isPartyTo } from "./referral.service";
import { ReferralTransition } from "./referral.state";
import { Referral, ReferralStatus } from "./referral.types";

@Resolver(() => Referral)
export class ReferralResolver {
  /** A referral by id if the caller's organisation is party to it (also what federation references resolve to). */
  static async visible(id: string, ctx: PartnersContext) {
    const referral = await ctx.loaders.referralById.load(id);
    return referral && isPartyTo(ctx.principal.organisation, referral) ? referral : null;
  }

  @Query(() => Referral, { nullable: true, description: "One referral out; null unless it is yours (GMVS's, or addressed to your organisation)" })
  referral(@Arg("id", () => ID) id: string, @Ctx() ctx: PartnersContext) {
    return ReferralResolver.visible(id, ctx);
  }

  @Query(() => [Referral], { description: "Referrals addressed to your organisation, newest first" })
  referralsForMe(
    @Arg("status", () => ReferralStatus, { nullable: true }) status: ReferralStatus | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: PartnersContext,
  ) {
    return ctx.services.referrals.addressedTo(ctx.principal.organisation, status ?? null, pageSize(first));
  }

  @Mutation(() => Referral, { description: "Refer a GMVS case's victim to a partner service, under an agreement and (where it needs one) her consent" })
  referToService(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("partner", () => OrganisationCode) partner: OrganisationCode,
    @Arg("service") service: string,
    @Arg("categories", () => [DataCategory]) categories: DataCategory[],
    @Arg("consentId", () => ID, { nullable: true }) consentId: string | null,
    @Arg("reason") reason: string,
    @Ctx() ctx: PartnersContext,
  ) {
    return ctx.services.referrals.referToService(ctx, { caseId, partner, service, categories, consentId: consentId ?? null, reason });
  }

  @Mutation(() => Referral, { description: "GMVS withdraws a referral (e.g. the victim no longer wants the service)" })
  withdrawReferral(@Arg("id", () => ID) id: string, @Arg("reason") reason: string, @Ctx() ctx: PartnersContext) {
    return ctx.services.referrals.transition(ctx, id, { transition: ReferralTransition.WITHDRAW, reason }, null);
  }

  @Mutation(() => Referral, { description: "GMVS closes a referral that was accepted (support ended), declined or withdrawn" })
  closeReferral(@Arg("id", () => ID) id: string, @Ctx() ctx: PartnersContext) {
    return ctx.services.referrals.transition(ctx, id, { transition: ReferralTransition.CLOSE }, null);
  }

  @Mutation(() => Referral, { description: "The partner confirms it received the referral; GMVS sees when" })
  receiveReferral(@Arg("id", () => ID) id: string, @Ctx() ctx: PartnersContext) {
    return ctx.services.referrals.transition(ctx, id, { transition: ReferralTransition.RECEIVE }, ctx.principal.organisation);
  }

  @Mutation(() => Referral, { description: "The partner accepts a referral it received" })
  acceptReferral(@Arg("id", () => ID) id: string, @Ctx() ctx: PartnersContext) {
    return ctx.services.referrals.transition(ctx, id, { transition: ReferralTransition.ACCEPT }, ctx.principal.organisation);
  }

  @Mutation(() => Referral, {
    description: "The partner declines a referral it received, giving the reason. Its relationship with the victim ends, so the answer's fields are withheld from it",
  })
  declineReferral(@Arg("id", () => ID) id: string, @Arg("reason") reason: string, @Ctx() ctx: PartnersContext) {
    return ctx.services.referrals.transition(ctx, id, { transition: ReferralTransition.DECLINE, reason }, ctx.principal.organisation);
  }

  @Mutation(() => Referral, { description: "The partner records when it first made contact with the victim (for the waiting time)" })
  recordFirstContact(@Arg("id", () => ID) id: string, @Arg("at") at: Date, @Ctx() ctx: PartnersContext) {
    return ctx.services.referrals.transition(ctx, id, { transition: ReferralTransition.RECORD_FIRST_CONTACT, at }, ctx.principal.organisation);
  }
}

/** Partners add the referrals out to the GMVS case they were made under (CaseEpisodes is partners' view of Case). */
@Resolver(() => CaseEpisodes)
export class CaseReferralsResolver {
  @FieldResolver(() => [Referral], { description: "Referrals out from GMVS for this case: all of them for GMVS, those addressed to you for a partner" })
  async referrals(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext) {
    const referrals = await ctx.loaders.referralsByCaseId.load(c.id);
    return referrals.filter((r) => isPartyTo(ctx.principal.organisation, r));
  }
}
