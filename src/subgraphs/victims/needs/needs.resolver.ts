import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { VictimsContext } from "../context";
import { NeedsAssessment, NeedsAssessmentInput } from "./needs.types";

@Resolver(() => NeedsAssessment)
export class NeedsResolver {
  @Mutation(() => NeedsAssessment, { description: "Record a needs assessment; an awaiting case opens. CONFLICT on a closed case" })
  recordNeedsAssessment(@Arg("caseId", () => ID) caseId: string, @Arg("input", () => NeedsAssessmentInput) input: NeedsAssessmentInput, @Ctx() ctx: VictimsContext) {
    return ctx.services.needs.record(ctx, caseId, input);
  }
}
