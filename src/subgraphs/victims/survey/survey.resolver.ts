import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { VictimsContext } from "../context";
import { SurveyResponse, SurveyResponseInput } from "./survey.types";

@Resolver(() => SurveyResponse)
export class SurveyResolver {
  @Mutation(() => SurveyResponse, { description: "Record a victim's satisfaction survey answers (Victims' Code rights 1 to 7)" })
  async recordSurveyResponse(@Arg("caseId", () => ID) caseId: string, @Arg("input", () => SurveyResponseInput) input: SurveyResponseInput, @Ctx() ctx: VictimsContext) {
    const saved = await ctx.services.surveys.record(ctx, caseId, input);
    return { ...saved, rightScores: saved.rightScores.map((s) => ({ ...s, caseId: saved.caseId })) };
  }
}
