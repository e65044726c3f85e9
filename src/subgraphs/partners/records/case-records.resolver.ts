import type { GraphQLResolveInfo } from "graphql";
import { responsePathAsArray } from "graphql";
import { Ctx, FieldResolver, Info, Resolver, Root } from "type-graphql";
import type { PartnerCaseRecord } from "../../../../connectors/partners";
import { sourceUnavailableError } from "../../../platform/errors";
import { ChallengerCaseDetails } from "../challenger/challenger.types";
import type { PartnersContext } from "../context";
import { CaseEpisodes, ServiceEpisode } from "../episodes/episode.types";
import { HourglassCaseDetails } from "../hourglass/hourglass.types";
import { MaracReferral } from "../marac/marac.types";
import { RiskAssessment } from "../risk/risk-assessment.types";
import { OutcomeMeasure, SafetyPlan, SupportAction } from "../support/support.types";
import {
  fromPartnerAssessment,
  toChallengerDetails,
  toEpisode,
  toHourglassDetails,
  toOutcome,
  toRiskAssessment,
  toSafetyPlan,
  toSupportAction,
} from "./partner-records.mapping";

/**
 * What the partners hold for a GMVS case, read through the connectors once
 * per request for every case in it. A partner that does not answer leaves
 * the others' records in the list and an error naming it
 * (SOURCE_UNAVAILABLE) on the field.
 */
@Resolver(() => CaseEpisodes)
export class CaseRecordsResolver {
  @FieldResolver(() => [ServiceEpisode], { description: "Partner service episodes for this case" })
  episodes(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext, @Info() info: GraphQLResolveInfo) {
    return fromEveryPartner(c, ctx, info, (r) => r.episodes.map(toEpisode));
  }

  @FieldResolver(() => [RiskAssessment], {
    description: "DASH RIC and S-DASH assessments, from the partners' systems and recorded through Casebridge, each scored by Casebridge; oldest first",
  })
  async riskAssessments(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext, @Info() info: GraphQLResolveInfo) {
    const [fromPartners, recorded] = await Promise.all([
      fromEveryPartner(c, ctx, info, (r) => r.riskAssessments.map((a) => fromPartnerAssessment(a, r.partner))),
      ctx.loaders.recordedRiskByCaseId.load(c.id),
    ]);
    return [...fromPartners, ...recorded].sort((a, b) => a.assessedAt.getTime() - b.assessedAt.getTime()).map(toRiskAssessment);
  }

  @FieldResolver(() => [SafetyPlan], { description: "Safety plans with their dated reviews" })
  safetyPlans(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext, @Info() info: GraphQLResolveInfo) {
    return fromEveryPartner(c, ctx, info, (r) => r.safetyPlans.map((p) => toSafetyPlan(p, r.partner)));
  }

  @FieldResolver(() => [SupportAction], { description: "Practical support given or planned: alarms, target hardening, counselling, court support, online safety" })
  supportActions(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext, @Info() info: GraphQLResolveInfo) {
    return fromEveryPartner(c, ctx, info, (r) => r.supportActions.map((a) => toSupportAction(a, r.partner)));
  }

  @FieldResolver(() => [OutcomeMeasure], { description: "Outcome measures recorded by partners" })
  outcomes(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext, @Info() info: GraphQLResolveInfo) {
    return fromEveryPartner(c, ctx, info, (r) => r.outcomes.map((o) => toOutcome(o, r.partner)));
  }

  @FieldResolver(() => HourglassCaseDetails, { nullable: true, description: "Hourglass's details where it supports the victim: older victim, age band, economic abuse, specialist worker" })
  async hourglass(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext) {
    const record = await fromOnePartner(c, ctx, "hourglass", (r) => r.hourglass !== null);
    return record?.hourglass ? toHourglassDetails(record.hourglass, c.id, record.partner) : null;
  }

  @FieldResolver(() => ChallengerCaseDetails, {
    nullable: true,
    description: "Challenger's details where it supports the survivor: NRM and Duty to Notify submissions, place-of-safety stays, navigator contacts",
  })
  async challenger(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext) {
    const record = await fromOnePartner(c, ctx, "challenger", (r) => r.challenger !== null);
    return record?.challenger ? toChallengerDetails(record.challenger, c.id, record.partner) : null;
  }

  @FieldResolver(() => [MaracReferral], { description: "MARAC referrals raised by Casebridge from high-risk assessments; oldest first" })
  maracReferrals(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext) {
    return ctx.loaders.maracReferralsByCaseId.load(c.id);
  }
}

/** Every answering partner's part for the case; an error on this field for each partner that did not answer. */
async function fromEveryPartner<T>(c: CaseEpisodes, ctx: PartnersContext, info: GraphQLResolveInfo, part: (record: PartnerCaseRecord) => T[]): Promise<T[]> {
  const { records, unavailable } = await ctx.loaders.partnerRecordsByCaseId.load(c.id);
  const path = responsePathAsArray(info.path);
  for (const error of unavailable) ctx.partialErrors.add(sourceUnavailableError(error, path));
  return records.flatMap(part);
}

/** One partner's record for the case; SOURCE_UNAVAILABLE (and null) when that partner did not answer. */
async function fromOnePartner(c: CaseEpisodes, ctx: PartnersContext, source: string, has: (record: PartnerCaseRecord) => boolean): Promise<PartnerCaseRecord | null> {
  const { records, unavailable } = await ctx.loaders.partnerRecordsByCaseId.load(c.id);
  const down = unavailable.find((error) => error.source === source);
  if (down) throw sourceUnavailableError(down);
  return records.find(has) ?? null;
}
