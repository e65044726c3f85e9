import fc from "fast-check";
import { RiskAssessmentInputError, RiskAnswers, RiskReason, scoreDash, scoreSdash } from "./dash";
import {
  DASH_QUESTION_SETS,
  DashQuestionSet,
  RISK_LEVEL_ORDER,
  RiskAnswer,
  RiskLevel,
  SAFELIVES_DASH_RIC_2009,
  SDASH_2009,
  questionSetInForce,
} from "./question-sets";

const DASH = SAFELIVES_DASH_RIC_2009;
const ids = DASH.questions.map((q) => q.id);

/** The first `yes` questions answered YES, the rest NO. */
function withYes(yes: number, rest: RiskAnswer = RiskAnswer.NO): Record<string, string> {
  return Object.fromEntries(ids.map((id, i) => [id, i < yes ? RiskAnswer.YES : rest]));
}

/** A local variant carrying the Plymouth-style medium band, to show a cut-off is data, not code. */
const LOCAL_WITH_MEDIUM: DashQuestionSet = {
  ...DASH,
  id: "local-dash-with-medium-band@test",
  thresholds: {
    ...DASH.thresholds,
    mediumFromYesCount: { value: 10, confirmation: "S", source: "https://plymouthscb.co.uk/safe-lives-dash-ric-checklist" },
  },
};

function inputErrorOf(fn: () => unknown): RiskAssessmentInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RiskAssessmentInputError) return error;
    throw error;
  }
  throw new Error("expected a RiskAssessmentInputError");
}

describe("scoreDash: visible high risk at 14 yes", () => {
  it.each([
    [0, RiskLevel.STANDARD, [], false],
    [13, RiskLevel.STANDARD, [], false],
    [14, RiskLevel.HIGH, [RiskReason.VISIBLE_HIGH_RISK], true],
    [15, RiskLevel.HIGH, [RiskReason.VISIBLE_HIGH_RISK], true],
    [24, RiskLevel.HIGH, [RiskReason.VISIBLE_HIGH_RISK], true],
  ])("%i yes answers → %s, reasons %j, MARAC referral %s", (yes, level, reasons, marac) => {
    const score = scoreDash(DASH, withYes(yes));
    expect(score.yesCount).toBe(yes);
    expect(score.level).toBe(level);
    expect(score.reasons).toEqual(reasons);
    expect(score.maracReferralRequired).toBe(marac);
  });

  it("does not make 13 yes MEDIUM on the SafeLives set: it has no numeric medium cut-off", () => {
    expect(scoreDash(DASH, withYes(13)).level).toBe(RiskLevel.STANDARD);
    expect(DASH.thresholds.mediumFromYesCount).toBeNull();
  });

  it("does not count NOT_KNOWN as yes, so 13 yes and one not known stays below the threshold", () => {
    const answers = { ...withYes(13), [ids[13]!]: RiskAnswer.NOT_KNOWN };
    const score = scoreDash(DASH, answers);
    expect(score).toMatchObject({ yesCount: 13, notKnownCount: 1, noCount: 10, level: RiskLevel.STANDARD });
  });
});

describe("scoreDash: potential escalation at 3 police call-outs in 12 months", () => {
  it.each([
    [undefined, RiskLevel.STANDARD, []],
    [0, RiskLevel.STANDARD, []],
    [2, RiskLevel.STANDARD, []],
    [3, RiskLevel.HIGH, [RiskReason.ESCALATION]],
    [4, RiskLevel.HIGH, [RiskReason.ESCALATION]],
  ])("%s call-outs with no yes answers → %s, reasons %j", (callOuts, level, reasons) => {
    const score = scoreDash(DASH, withYes(0), { policeCallOutsLast12Months: callOuts });
    expect(score.level).toBe(level);
    expect(score.reasons).toEqual(reasons);
    expect(score.maracReferralRequired).toBe(level === RiskLevel.HIGH);
  });

  it("reports every ground when several reach HIGH", () => {
    const score = scoreDash(DASH, withYes(14), { policeCallOutsLast12Months: 3, professionalJudgement: RiskLevel.HIGH });
    expect(score.reasons).toEqual([RiskReason.VISIBLE_HIGH_RISK, RiskReason.ESCALATION, RiskReason.PROFESSIONAL_JUDGEMENT]);
  });
});

describe("scoreDash: professional judgement raises, never lowers", () => {
  it.each([
    [0, RiskLevel.STANDARD, RiskLevel.STANDARD, []],
    [0, RiskLevel.MEDIUM, RiskLevel.MEDIUM, [RiskReason.PROFESSIONAL_JUDGEMENT]],
    [5, RiskLevel.HIGH, RiskLevel.HIGH, [RiskReason.PROFESSIONAL_JUDGEMENT]],
    [13, RiskLevel.HIGH, RiskLevel.HIGH, [RiskReason.PROFESSIONAL_JUDGEMENT]],
    [15, RiskLevel.STANDARD, RiskLevel.HIGH, [RiskReason.VISIBLE_HIGH_RISK]],
    [15, RiskLevel.MEDIUM, RiskLevel.HIGH, [RiskReason.VISIBLE_HIGH_RISK]],
  ])("%i yes with judgement %s → %s, reasons %j", (yes, judgement, level, reasons) => {
    const score = scoreDash(DASH, withYes(yes), { professionalJudgement: judgement });
    expect(score.level).toBe(level);
    expect(score.reasons).toEqual(reasons);
    expect(score.maracReferralRequired).toBe(level === RiskLevel.HIGH);
  });

  it("does not let a STANDARD judgement undo escalation", () => {
    const score = scoreDash(DASH, withYes(0), { policeCallOutsLast12Months: 5, professionalJudgement: RiskLevel.STANDARD });
    expect(score.level).toBe(RiskLevel.HIGH);
  });
});

describe("scoreDash: a local set with a medium band (data only)", () => {
  it.each([
    [9, RiskLevel.STANDARD, []],
    [10, RiskLevel.MEDIUM, [RiskReason.MEDIUM_SCORE_BAND]],
    [13, RiskLevel.MEDIUM, [RiskReason.MEDIUM_SCORE_BAND]],
    [14, RiskLevel.HIGH, [RiskReason.VISIBLE_HIGH_RISK]],
  ])("%i yes → %s, reasons %j", (yes, level, reasons) => {
    const score = scoreDash(LOCAL_WITH_MEDIUM, withYes(yes));
    expect(score.level).toBe(level);
    expect(score.reasons).toEqual(reasons);
  });

  it("reports both the band and a MEDIUM judgement when they agree", () => {
    const score = scoreDash(LOCAL_WITH_MEDIUM, withYes(11), { professionalJudgement: RiskLevel.MEDIUM });
    expect(score.reasons).toEqual([RiskReason.MEDIUM_SCORE_BAND, RiskReason.PROFESSIONAL_JUDGEMENT]);
  });
});

describe("scoreDash: answers are kept and counted", () => {
  it("keeps every answer, not known included, in question order, and lists the unanswered", () => {
    const answers = { "dash.q03": RiskAnswer.YES, "dash.q01": RiskAnswer.NOT_KNOWN, "dash.q24": RiskAnswer.NO };
    const score = scoreDash(DASH, answers);
    expect(score.answers).toEqual([
      { questionId: "dash.q01", answer: RiskAnswer.NOT_KNOWN },
      { questionId: "dash.q03", answer: RiskAnswer.YES },
      { questionId: "dash.q24", answer: RiskAnswer.NO },
    ]);
    expect(score).toMatchObject({ yesCount: 1, noCount: 1, notKnownCount: 1, answeredCount: 3, unansweredCount: 21 });
    expect(score.unansweredQuestionIds).toHaveLength(21);
    expect(score.unansweredQuestionIds).not.toContain("dash.q03");
    expect(score.questionSetId).toBe("safelives-dash-ric@2009");
  });

  it("treats an empty checklist as 24 unanswered and STANDARD", () => {
    expect(scoreDash(DASH, {})).toMatchObject({ answeredCount: 0, unansweredCount: 24, level: RiskLevel.STANDARD });
  });

  it.each([
    [RiskAnswer.YES, true],
    [RiskAnswer.NOT_KNOWN, false],
    [RiskAnswer.NO, false],
  ])("recommends S-DASH when the stalking question dash.q08 is %s: %s", (answer, expected) => {
    expect(scoreDash(DASH, { "dash.q08": answer }).sdashRecommended).toBe(expected);
  });
});

describe("scoreDash: input it refuses, with INVALID_INPUT", () => {
  it("rejects an unknown question id, naming it", () => {
    const error = inputErrorOf(() => scoreDash(DASH, { ...withYes(3), "dash.q25": RiskAnswer.YES }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.issues).toEqual([{ questionId: "dash.q25", problem: "is not a question in safelives-dash-ric@2009" }]);
  });

  it("rejects an S-DASH question id given to DASH", () => {
    expect(inputErrorOf(() => scoreDash(DASH, { "sdash.q01": RiskAnswer.YES })).issues[0]?.questionId).toBe("sdash.q01");
  });

  it.each(["yes", "MAYBE", "", "true"])("rejects the answer %j", (bad) => {
    const error = inputErrorOf(() => scoreDash(DASH, { "dash.q01": bad }));
    expect(error.issues).toEqual([{ questionId: "dash.q01", problem: `answer ${JSON.stringify(bad)} is not YES, NO or NOT_KNOWN` }]);
  });

  it("reports every problem at once, not only the first", () => {
    const error = inputErrorOf(() => scoreDash(DASH, { "dash.q01": "Y", nonsense: RiskAnswer.YES, "dash.q02": RiskAnswer.YES }));
    expect(error.issues.map((i) => i.questionId)).toEqual(["dash.q01", "nonsense"]);
  });

  it("rejects answers that are not an object", () => {
    expect(inputErrorOf(() => scoreDash(DASH, null as unknown as RiskAnswers)).issues[0]?.field).toBe("answers");
    expect(inputErrorOf(() => scoreDash(DASH, [] as unknown as RiskAnswers)).issues[0]?.field).toBe("answers");
  });

  it.each([-1, 2.5, Number.NaN])("rejects %s police call-outs", (callOuts) => {
    expect(inputErrorOf(() => scoreDash(DASH, {}, { policeCallOutsLast12Months: callOuts })).issues[0]?.field).toBe(
      "policeCallOutsLast12Months",
    );
  });

  it("rejects a professional judgement that is not a risk level", () => {
    const error = inputErrorOf(() => scoreDash(DASH, {}, { professionalJudgement: "VERY_HIGH" as RiskLevel }));
    expect(error.issues[0]?.field).toBe("professionalJudgement");
  });
});

describe("scoreSdash", () => {
  const sIds = SDASH_2009.questions.map((q) => q.id);

  it("counts yes answers and lists them, in order, as heightened-risk indicators", () => {
    const score = scoreSdash(SDASH_2009, {
      "sdash.q06": RiskAnswer.YES,
      "sdash.q01": RiskAnswer.YES,
      "sdash.q02": RiskAnswer.NOT_KNOWN,
      "sdash.q03": RiskAnswer.NO,
    });
    expect(score).toMatchObject({ yesCount: 2, notKnownCount: 1, noCount: 1, answeredCount: 4, unansweredCount: 7 });
    expect(score.heightenedRiskIndicators).toEqual(["sdash.q01", "sdash.q06"]);
  });

  it("gives no indicators when every answer is no or not known", () => {
    const answers = Object.fromEntries(sIds.map((id, i) => [id, i % 2 ? RiskAnswer.NO : RiskAnswer.NOT_KNOWN]));
    expect(scoreSdash(SDASH_2009, answers).heightenedRiskIndicators).toEqual([]);
  });

  it("counts all 11 when all are yes", () => {
    const score = scoreSdash(SDASH_2009, Object.fromEntries(sIds.map((id) => [id, RiskAnswer.YES])));
    expect(score.yesCount).toBe(11);
    expect(score.heightenedRiskIndicators).toEqual(sIds);
  });

  it("rejects a DASH question id and an invalid answer", () => {
    const error = inputErrorOf(() => scoreSdash(SDASH_2009, { "dash.q08": RiskAnswer.YES, "sdash.q01": "no" }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.issues.map((i) => i.questionId)).toEqual(["dash.q08", "sdash.q01"]);
  });
});

describe("property: DASH levels", () => {
  const answerOrBlank = fc.constantFrom<RiskAnswer | undefined>(RiskAnswer.YES, RiskAnswer.NO, RiskAnswer.NOT_KNOWN, undefined);
  const scenario = fc.record({
    set: fc.constantFrom(DASH, LOCAL_WITH_MEDIUM),
    answers: fc.array(answerOrBlank, { minLength: 24, maxLength: 24 }),
    callOuts: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    judgement: fc.option(fc.constantFrom(RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH), { nil: undefined }),
    flip: fc.nat(),
  });
  const toAnswers = (values: readonly (RiskAnswer | undefined)[]): Record<string, string> =>
    Object.fromEntries(ids.flatMap((id, i) => (values[i] === undefined ? [] : [[id, values[i]]])));

  it("adding a yes answer never lowers the level", () => {
    fc.assert(
      fc.property(scenario, ({ set, answers, callOuts, judgement, flip }) => {
        const candidates = answers.flatMap((a, i) => (a === RiskAnswer.YES ? [] : [i]));
        fc.pre(candidates.length > 0);
        const changed = [...answers];
        changed[candidates[flip % candidates.length]!] = RiskAnswer.YES;
        const options = { policeCallOutsLast12Months: callOuts, professionalJudgement: judgement };
        const before = scoreDash(set, toAnswers(answers), options);
        const after = scoreDash(set, toAnswers(changed), options);
        expect(after.yesCount).toBe(before.yesCount + 1);
        expect(RISK_LEVEL_ORDER.indexOf(after.level)).toBeGreaterThanOrEqual(RISK_LEVEL_ORDER.indexOf(before.level));
      }),
      { numRuns: 500 },
    );
  });

  it("requires a MARAC referral exactly when the level is HIGH, and gives a reason for every raised level", () => {
    fc.assert(
      fc.property(scenario, ({ set, answers, callOuts, judgement }) => {
        const score = scoreDash(set, toAnswers(answers), { policeCallOutsLast12Months: callOuts, professionalJudgement: judgement });
        expect(score.maracReferralRequired).toBe(score.level === RiskLevel.HIGH);
        expect(score.reasons.length > 0).toBe(score.level !== RiskLevel.STANDARD);
      }),
      { numRuns: 300 },
    );
  });
});

describe("question-set data", () => {
  it("holds the 24 SafeLives DASH questions with stable ids dash.q01 to dash.q24", () => {
    expect(DASH.questions.map((q) => q.id)).toEqual(Array.from({ length: 24 }, (_, i) => `dash.q${String(i + 1).padStart(2, "0")}`));
  });

  it("holds the 11 S-DASH questions with stable ids sdash.q01 to sdash.q11", () => {
    expect(SDASH_2009.questions.map((q) => q.id)).toEqual(Array.from({ length: 11 }, (_, i) => `sdash.q${String(i + 1).padStart(2, "0")}`));
  });

  it("keeps paraphrases short, so no checklist's own long wording is reproduced", () => {
    for (const q of [...DASH.questions, ...SDASH_2009.questions]) expect(q.paraphrase.length).toBeLessThanOrEqual(100);
  });

  it("carries the thresholds as data with a source beside each: 14 yes, 3 call-outs in 12 months, no medium cut-off", () => {
    const t = DASH.thresholds;
    expect([t.visibleHighRiskYesCount.value, t.escalationPoliceCallOuts.value, t.escalationWindowMonths.value]).toEqual([14, 3, 12]);
    for (const threshold of [t.visibleHighRiskYesCount, t.escalationPoliceCallOuts, t.escalationWindowMonths]) {
      expect(threshold.source).toMatch(/https?:\/\//);
    }
    expect(t.mediumFromYesCount).toBeNull();
  });

  it("marks only the stalking question as prompting S-DASH", () => {
    expect(DASH.questions.filter((q) => q.triggersSdash).map((q) => q.id)).toEqual(["dash.q08"]);
  });

  it("chooses the set in force on a date and refuses a date before any", () => {
    const later = { ...DASH, id: "later", effectiveFrom: "2027-01-01" };
    expect(questionSetInForce([later, ...DASH_QUESTION_SETS], "2026-12-31").id).toBe(DASH.id);
    expect(questionSetInForce([later, ...DASH_QUESTION_SETS], "2027-01-01").id).toBe("later");
    expect(() => questionSetInForce(DASH_QUESTION_SETS, "2008-12-31")).toThrow(/No question set/);
  });
});
