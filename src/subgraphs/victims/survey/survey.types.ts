import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";

/**
 * The local victim satisfaction survey measures Victims' Code rights 1 to 7
 * (DOMAIN.md); each answer is a score from 1 (very dissatisfied) to 5 (very
 * satisfied). The bounds are data here, beside their source.
 */
export const SURVEY_RIGHTS = { first: 1, last: 7 } as const;
export const SURVEY_SCALE = { min: 1, max: 5 } as const;

@PersonalData<SurveyRightScore>("SurveyRightScore", { subject: (s) => ({ system: SubjectSystem.GMVS_CASE, ref: s.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT })
@ObjectType({ description: "Satisfaction with one Victims' Code right" })
export class SurveyRightScore {
  /** Not a GraphQL field: names the subject. */
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true, description: "The right's number, 1 to 7" })
  right!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true, description: "1 (very dissatisfied) to 5 (very satisfied)" })
  score!: number | null;
}

@PersonalData<SurveyResponse>("SurveyResponse", { subject: (s) => ({ system: SubjectSystem.GMVS_CASE, ref: s.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT }, ["id"])
@ObjectType({ description: "A victim's answers to the satisfaction survey" })
export class SurveyResponse {
  @Field(() => ID)
  id!: string;

  /** Not a GraphQL field: names the subject. */
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  respondedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true, description: "Overall satisfaction, 1 to 5" })
  overall!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [SurveyRightScore], { nullable: true })
  rightScores!: SurveyRightScore[] | null;
}

@InputType()
export class SurveyRightScoreInput {
  @Field(() => Int)
  right!: number;

  @Field(() => Int)
  score!: number;
}

@InputType()
export class SurveyResponseInput {
  @Field(() => Date, { nullable: true, description: "Defaults to now" })
  respondedAt?: Date | null;

  @Field(() => Int, { nullable: true })
  overall?: number | null;

  @Field(() => [SurveyRightScoreInput])
  rightScores!: SurveyRightScoreInput[];
}
