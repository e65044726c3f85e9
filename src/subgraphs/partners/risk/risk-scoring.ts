import { RiskAssessmentInputError, RiskReason, scoreDash, scoreSdash } from "./dash";
import { DASH_QUESTION_SETS, RiskAnswer, RiskLevel, RiskTool, SDASH_QUESTION_SETS } from "./question-sets";

/**
 * Scores one assessment, whoever recorded it (a partner system or the hub),
 * against the versioned question set it names: the one place the hub turns
 * answers into a level and a MARAC decision. Thresholds live with the set
 * (question-sets.ts), so a partner never needs to resend anything when they
 * change.
 */

export interface RiskAssessmentInput {
  /** When given, must be the named set's tool. */
  tool?: RiskTool;
  questionSetVersion: string;
  answers: Readonly<Record<string, string>>;
  professionalJudgement: RiskLevel | null;
  policeCallOutsLast12Months: number | null;
}

export interface ScoredRiskAssessment {
  tool: RiskTool;
  /** Yes answers. */
  score: number;
  /** DASH only; null for S-DASH, which yields no level. */
  level: RiskLevel | null;
  reasons: RiskReason[];
  maracReferralRequired: boolean;
  /** S-DASH: the questions answered yes. */
  heightenedRiskIndicators: string[];
  /** Every answer given, in the set's question order. */
  answers: { questionId: string; answer: RiskAnswer }[];
}

/** Refuses (RiskAssessmentInputError, INVALID_INPUT) a set the hub does not hold, a tool that is not the set's, and any answer the set does not ask. */
export function scoreRiskAssessment(input: RiskAssessmentInput): ScoredRiskAssessment {
  const dash = DASH_QUESTION_SETS.find((set) => set.id === input.questionSetVersion);
  const sdash = SDASH_QUESTION_SETS.find((set) => set.id === input.questionSetVersion);
  const set = dash ?? sdash;
  if (!set) {
    const known = [...DASH_QUESTION_SETS, ...SDASH_QUESTION_SETS].map((s) => s.id).join(", ");
    throw new RiskAssessmentInputError([{ field: "questionSetVersion", problem: `is not a question set the hub holds (${known})` }]);
  }
  if (input.tool !== undefined && input.tool !== set.tool) {
    throw new RiskAssessmentInputError([{ field: "tool", problem: `${input.questionSetVersion} is a ${set.tool} question set, not ${input.tool}` }]);
  }
  if (dash) {
    const scored = scoreDash(dash, input.answers, {
      professionalJudgement: input.professionalJudgement ?? undefined,
      policeCallOutsLast12Months: input.policeCallOutsLast12Months ?? undefined,
    });
    return {
      tool: dash.tool,
      score: scored.yesCount,
      level: scored.level,
      reasons: [...scored.reasons],
      maracReferralRequired: scored.maracReferralRequired,
      heightenedRiskIndicators: [],
      answers: scored.answers.map((a) => ({ ...a })),
    };
  }
  const scored = scoreSdash(sdash!, input.answers);
  return {
    tool: sdash!.tool,
    score: scored.yesCount,
    level: null,
    reasons: [],
    maracReferralRequired: false,
    heightenedRiskIndicators: [...scored.heightenedRiskIndicators],
    answers: scored.answers.map((a) => ({ ...a })),
  };
}
