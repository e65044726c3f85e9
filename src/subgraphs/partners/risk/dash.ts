import {
  DashQuestionSet,
  RISK_LEVEL_ORDER,
  RiskAnswer,
  RiskLevel,
  RiskQuestion,
  SdashQuestionSet,
} from "./question-sets";

/**
 * Scoring for the SafeLives DASH RIC and the S-DASH stalking screen. Pure:
 * the question set, with its thresholds, is passed in (question-sets.ts).
 *
 * DASH level (DOMAIN.md "Risk"; DOMAIN-REFERENCE.md §2.3, the SafeLives Marac
 * referral criteria):
 * - HIGH when yes answers reach the set's visible-high-risk count (14),
 *   or police call-outs in the window reach the escalation count (3 in 12
 *   months), or the assessor's professional judgement is HIGH;
 * - MEDIUM when professional judgement is MEDIUM, or, only if the set carries
 *   a medium cut-off, when yes answers reach it (the SafeLives set carries none);
 * - STANDARD otherwise.
 * Professional judgement can raise the level, never lower it: a score of 14
 * stays HIGH whatever the assessor records. A MARAC referral is required
 * whenever the level is HIGH.
 *
 * Not modelled here: the MARAC "repeat" criterion (a further incident within
 * 12 months of the last referral must be re-referred whatever the score,
 * DOMAIN-REFERENCE.md §2.3); it needs the referral history, not the checklist.
 */

/** Why a DASH assessment reached its level. Maps to the MARAC criteria (DOMAIN-REFERENCE.md §8.2). */
export enum RiskReason {
  /** Yes answers at or above the visible-high-risk count (MARAC criterion VISIBLE_HIGH_RISK). */
  VISIBLE_HIGH_RISK = "VISIBLE_HIGH_RISK",
  /** The assessor's professional judgement set the level (MARAC criterion PROFESSIONAL_JUDGEMENT). */
  PROFESSIONAL_JUDGEMENT = "PROFESSIONAL_JUDGEMENT",
  /** Police call-outs at or above the escalation count (MARAC criterion POTENTIAL_ESCALATION). */
  ESCALATION = "ESCALATION",
  /** Yes answers at or above a local medium cut-off, where the set carries one. */
  MEDIUM_SCORE_BAND = "MEDIUM_SCORE_BAND",
}

export interface RiskInputIssue {
  readonly questionId?: string;
  readonly field?: string;
  readonly problem: string;
}

export class RiskAssessmentInputError extends Error {
  /** Matches ErrorCode.INVALID_INPUT in src/platform/errors.ts, which a resolver can pass to appError. */
  readonly code = "INVALID_INPUT";
  constructor(readonly issues: readonly RiskInputIssue[]) {
    super(`Invalid risk assessment input: ${issues.map((i) => `${i.questionId ?? i.field ?? "answers"}: ${i.problem}`).join("; ")}`);
    this.name = "RiskAssessmentInputError";
  }
}

/**
 * Answers keyed by question id. Values are typed as strings, not RiskAnswer,
 * because they may arrive from a connector or a form as raw text; each is
 * checked, and anything but YES / NO / NOT_KNOWN is refused.
 */
export type RiskAnswers = Readonly<Record<string, string>>;

export interface RecordedAnswer {
  readonly questionId: string;
  readonly answer: RiskAnswer;
}

export interface ChecklistTally {
  readonly questionSetId: string;
  readonly yesCount: number;
  readonly noCount: number;
  readonly notKnownCount: number;
  readonly answeredCount: number;
  readonly unansweredCount: number;
  readonly unansweredQuestionIds: readonly string[];
  /** Every answer given, "not known" included, in the set's question order. */
  readonly answers: readonly RecordedAnswer[];
}

export interface DashOptions {
  readonly professionalJudgement?: RiskLevel;
  /** Police call-outs in the set's escalation window (12 months for SafeLives); the caller counts them. */
  readonly policeCallOutsLast12Months?: number;
}

export interface DashScore extends ChecklistTally {
  readonly level: RiskLevel;
  /** Every ground that on its own supports the level; empty when STANDARD. */
  readonly reasons: readonly RiskReason[];
  readonly maracReferralRequired: boolean;
  /** A question flagged to prompt S-DASH (stalking, dash.q08) was answered yes. */
  readonly sdashRecommended: boolean;
}

export interface SdashScore extends ChecklistTally {
  /** Questions answered yes, in order: each is an indicator of heightened stalking risk. */
  readonly heightenedRiskIndicators: readonly string[];
}

const ANSWERS = new Set<string>(Object.values(RiskAnswer));
const LEVELS = new Set<string>(Object.values(RiskLevel));

function rank(level: RiskLevel): number {
  return RISK_LEVEL_ORDER.indexOf(level);
}

/** Checks every answer (collecting all problems, not just the first) and counts them. */
function tally(questionSetId: string, questions: readonly RiskQuestion[], answers: RiskAnswers): ChecklistTally {
  if (typeof answers !== "object" || answers === null || Array.isArray(answers)) {
    throw new RiskAssessmentInputError([{ field: "answers", problem: "must be an object keyed by question id" }]);
  }
  const known = new Set(questions.map((q) => q.id));
  const issues: RiskInputIssue[] = [];
  for (const [questionId, answer] of Object.entries(answers)) {
    if (!known.has(questionId)) issues.push({ questionId, problem: `is not a question in ${questionSetId}` });
    else if (!ANSWERS.has(answer)) issues.push({ questionId, problem: `answer ${JSON.stringify(answer)} is not YES, NO or NOT_KNOWN` });
  }
  if (issues.length) throw new RiskAssessmentInputError(issues);

  const recorded: RecordedAnswer[] = [];
  const unanswered: string[] = [];
  for (const question of questions) {
    // Own properties only: a question id must never be answered through the prototype chain.
    const answer = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : undefined;
    if (answer === undefined) unanswered.push(question.id);
    else recorded.push({ questionId: question.id, answer: answer as RiskAnswer }); // checked against RiskAnswer above
  }
  const count = (value: RiskAnswer): number => recorded.filter((a) => a.answer === value).length;
  return {
    questionSetId,
    yesCount: count(RiskAnswer.YES),
    noCount: count(RiskAnswer.NO),
    notKnownCount: count(RiskAnswer.NOT_KNOWN),
    answeredCount: recorded.length,
    unansweredCount: unanswered.length,
    unansweredQuestionIds: unanswered,
    answers: recorded,
  };
}

function checkOptions(options: DashOptions): void {
  const issues: RiskInputIssue[] = [];
  if (options.professionalJudgement !== undefined && !LEVELS.has(options.professionalJudgement)) {
    issues.push({ field: "professionalJudgement", problem: `${JSON.stringify(options.professionalJudgement)} is not a risk level` });
  }
  const callOuts = options.policeCallOutsLast12Months;
  if (callOuts !== undefined && !(Number.isInteger(callOuts) && callOuts >= 0)) {
    issues.push({ field: "policeCallOutsLast12Months", problem: `${callOuts} is not a whole number of call-outs` });
  }
  if (issues.length) throw new RiskAssessmentInputError(issues);
}

export function scoreDash(questionSet: DashQuestionSet, answers: RiskAnswers, options: DashOptions = {}): DashScore {
  checkOptions(options);
  const counted = tally(questionSet.id, questionSet.questions, answers);
  const { visibleHighRiskYesCount, mediumFromYesCount, escalationPoliceCallOuts } = questionSet.thresholds;

  // Each ground proposes a level; the assessment takes the highest.
  const grounds: { reason: RiskReason; level: RiskLevel }[] = [];
  if (counted.yesCount >= visibleHighRiskYesCount.value) {
    grounds.push({ reason: RiskReason.VISIBLE_HIGH_RISK, level: RiskLevel.HIGH });
  } else if (mediumFromYesCount && counted.yesCount >= mediumFromYesCount.value) {
    grounds.push({ reason: RiskReason.MEDIUM_SCORE_BAND, level: RiskLevel.MEDIUM });
  }
  if ((options.policeCallOutsLast12Months ?? 0) >= escalationPoliceCallOuts.value) {
    grounds.push({ reason: RiskReason.ESCALATION, level: RiskLevel.HIGH });
  }
  if (options.professionalJudgement !== undefined && options.professionalJudgement !== RiskLevel.STANDARD) {
    grounds.push({ reason: RiskReason.PROFESSIONAL_JUDGEMENT, level: options.professionalJudgement });
  }

  const level = grounds.reduce((highest, g) => (rank(g.level) > rank(highest) ? g.level : highest), RiskLevel.STANDARD);
  const questionsPromptingSdash = new Set(questionSet.questions.filter((q) => q.triggersSdash).map((q) => q.id));
  return {
    ...counted,
    level,
    // Only grounds that reach the final level explain it: a MEDIUM judgement does not explain a HIGH score.
    reasons: grounds.filter((g) => g.level === level).map((g) => g.reason),
    maracReferralRequired: level === RiskLevel.HIGH,
    sdashRecommended: counted.answers.some((a) => a.answer === RiskAnswer.YES && questionsPromptingSdash.has(a.questionId)),
  };
}

/**
 * S-DASH yields no level. Our sources give it no numeric threshold
 * (DOMAIN-REFERENCE.md §2.4 gives only when to use it), so none is invented:
 * each question is phrased so that yes is a risk factor, and the outcome is
 * the list of those yes answers, for the assessor. Stalking is itself a
 * professional-judgement flag for DASH (DOMAIN-REFERENCE.md §2.2 [S]), so a
 * concerning S-DASH feeds `professionalJudgement` in scoreDash by a person's
 * decision, not by this function.
 */
export function scoreSdash(questionSet: SdashQuestionSet, answers: RiskAnswers): SdashScore {
  const counted = tally(questionSet.id, questionSet.questions, answers);
  return {
    ...counted,
    heightenedRiskIndicators: counted.answers.filter((a) => a.answer === RiskAnswer.YES).map((a) => a.questionId),
  };
}
