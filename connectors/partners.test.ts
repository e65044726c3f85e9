import {
  AgeGroup,
  applyReferralAction,
  NrmDecisionOutcome,
  NrmSubmission,
  NrmSubmissionKind,
  nrmSubmissionProblems,
  PartnerCode,
  PartnerReferral,
  ReferralAction,
  ReferralStatus,
  ReferralTransitionError,
} from "./partners";

const AT = "2026-10-17T09:00:00.000Z";

function referral(status: ReferralStatus, declineReason: string | null = null): PartnerReferral {
  return {
    id: "REF-1",
    gmvsCaseId: "5eed0000-0000-4000-8000-000000000002",
    partner: PartnerCode.PANKHURST,
    service: "Restore",
    status,
    sentAt: "2026-10-16T16:30:00.000Z",
    receivedAt: null,
    acceptedAt: null,
    declinedAt: null,
    declineReason,
    withdrawnAt: null,
    closedAt: null,
  };
}

describe("referral state machine", () => {
  it.each([
    [ReferralStatus.SENT, ReferralAction.RECEIVE, ReferralStatus.RECEIVED, "receivedAt"],
    [ReferralStatus.RECEIVED, ReferralAction.ACCEPT, ReferralStatus.ACCEPTED, "acceptedAt"],
    [ReferralStatus.RECEIVED, ReferralAction.DECLINE, ReferralStatus.DECLINED, "declinedAt"],
  ] as const)("moves %s on %s to %s, stamping %s", (from, action, to, stamp) => {
    const next = applyReferralAction("test", referral(from), action, AT, "No capacity");

    expect(next.status).toBe(to);
    expect(next[stamp]).toBe(AT);
  });

  it.each([
    [ReferralStatus.SENT, ReferralAction.ACCEPT],
    [ReferralStatus.SENT, ReferralAction.DECLINE],
    [ReferralStatus.ACCEPTED, ReferralAction.RECEIVE],
    [ReferralStatus.ACCEPTED, ReferralAction.DECLINE],
    [ReferralStatus.DECLINED, ReferralAction.ACCEPT],
    [ReferralStatus.WITHDRAWN, ReferralAction.RECEIVE],
    [ReferralStatus.WITHDRAWN, ReferralAction.ACCEPT],
    [ReferralStatus.CLOSED, ReferralAction.ACCEPT],
  ])("refuses to move %s on %s", (from, action) => {
    expect(() => applyReferralAction("test", referral(from), action, AT, "No capacity")).toThrow(ReferralTransitionError);
  });

  it("returns the same referral when it is already where the action leads", () => {
    const received = referral(ReferralStatus.RECEIVED);
    const declined = referral(ReferralStatus.DECLINED, "No capacity");

    expect(applyReferralAction("test", received, ReferralAction.RECEIVE, AT)).toBe(received);
    expect(applyReferralAction("test", declined, ReferralAction.DECLINE, AT, "No capacity")).toBe(declined);
  });

  it("refuses a decline without a reason, and a repeated decline with another reason", () => {
    expect(() => applyReferralAction("test", referral(ReferralStatus.RECEIVED), ReferralAction.DECLINE, AT, " ")).toThrow(RangeError);
    expect(() => applyReferralAction("test", referral(ReferralStatus.DECLINED, "No capacity"), ReferralAction.DECLINE, AT, "Out of area")).toThrow(
      ReferralTransitionError,
    );
  });
});

describe("NRM and Duty to Notify rules", () => {
  const rg = { decision: NrmDecisionOutcome.POSITIVE, decidedAt: "2026-10-27T10:00:00Z" };
  const cg = { decision: NrmDecisionOutcome.POSITIVE, decidedAt: "2027-03-02T10:00:00Z" };

  function submission(overrides: Partial<NrmSubmission>): NrmSubmission {
    return {
      id: "NRM-1",
      gmvsCaseId: "5eed0000-0000-4000-8000-000000000005",
      kind: NrmSubmissionKind.NRM,
      ageGroup: AgeGroup.ADULT,
      consentGiven: true,
      submittedAt: "2026-10-21T14:00:00Z",
      reasonableGrounds: null,
      conclusiveGrounds: null,
      ...overrides,
    };
  }

  it.each([
    ["an adult NRM referral with consent", {}],
    ["an adult Duty to Notify return without consent", { kind: NrmSubmissionKind.DUTY_TO_NOTIFY, consentGiven: false }],
    ["a child's NRM referral without consent", { ageGroup: AgeGroup.CHILD, consentGiven: false }],
    ["conclusive grounds after positive reasonable grounds", { reasonableGrounds: rg, conclusiveGrounds: cg }],
  ])("accepts %s", (_name, overrides: Partial<NrmSubmission>) => {
    expect(nrmSubmissionProblems(submission(overrides))).toEqual([]);
  });

  it.each([
    [{ consentGiven: false }, "an adult is referred to the NRM only with consent"],
    [{ kind: NrmSubmissionKind.DUTY_TO_NOTIFY }, "an adult who consents is referred to the NRM, not by Duty to Notify"],
    [{ ageGroup: AgeGroup.CHILD, kind: NrmSubmissionKind.DUTY_TO_NOTIFY, consentGiven: false }, "a child is always referred to the NRM, never by Duty to Notify"],
    [{ ageGroup: AgeGroup.CHILD }, "a child's NRM referral needs no consent and records none"],
    [{ kind: NrmSubmissionKind.DUTY_TO_NOTIFY, consentGiven: false, reasonableGrounds: rg }, "a Duty to Notify return has no grounds decisions"],
    [{ conclusiveGrounds: cg }, "a conclusive grounds decision follows a positive reasonable grounds decision"],
    [{ reasonableGrounds: { ...rg, decision: NrmDecisionOutcome.NEGATIVE }, conclusiveGrounds: cg }, "a conclusive grounds decision follows a positive reasonable grounds decision"],
    [{ reasonableGrounds: cg, conclusiveGrounds: rg }, "the conclusive grounds decision predates the reasonable grounds decision"],
  ])("refuses %j: %s", (overrides: Partial<NrmSubmission>, problem) => {
    expect(nrmSubmissionProblems(submission(overrides))).toEqual([problem]);
  });
});
