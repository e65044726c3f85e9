import { Args, Ctx, Mutation, Resolver } from "type-graphql";
import type { PartnersContext } from "../context";
import { RecordRiskAssessmentArgs, RiskAssessment } from "./risk-assessment.types";

@Resolver(() => RiskAssessment)
export class RiskAssessmentResolver {
  @Mutation(() => RiskAssessment, {
    description:
      "Partner staff record a DASH RIC or S-DASH assessment for a case whose victim their organisation supports; Casebridge scores it and, when high, raises a MARAC referral",
  })
  recordRiskAssessment(@Args() args: RecordRiskAssessmentArgs, @Ctx() ctx: PartnersContext) {
    return ctx.services.risk.record(ctx.principal, ctx.requestId, args);
  }
}
