import fc from "fast-check";
import { GraphQLError } from "graphql";
import { ReferralStatus } from "../../../../connectors/partners";
import { applyReferralTransition, FIRST_CONTACT_CLOCK_SKEW_MS, REFERRAL_STATE_MACHINE, ReferralCommand, ReferralState, ReferralTransition, waitingHours } from "./referral.state";

const SENT_AT = new Date("2026-09-05T11:00:00Z");
const NOW = new Date("2026-09-06T12:00:00Z");

function sent(): ReferralState {
  return {
    status: ReferralStatus.SENT,
    sentAt: SENT_AT,
    receivedAt: null,
    acceptedAt: null,
    declinedAt: null,
    declineReason: null,
    withdrawnAt: null,
    withdrawReason: null,
    closedAt: null,
    firstContactAt: null,
  };
}

function inState(status: ReferralStatus): ReferralState {
  const paths: Record<ReferralStatus, ReferralCommand[]> = {
    [ReferralStatus.SENT]: [],
    [ReferralStatus.RECEIVED]: [{ transition: ReferralTransition.RECEIVE }],
    [ReferralStatus.ACCEPTED]: [{ transition: ReferralTransition.RECEIVE }, { transition: ReferralTransition.ACCEPT }],
    [ReferralStatus.DECLINED]: [{ transition: ReferralTransition.RECEIVE }, { transition: ReferralTransition.DECLINE, reason: "Outside our area" }],
    [ReferralStatus.WITHDRAWN]: [{ transition: ReferralTransition.WITHDRAW, reason: "The victim withdrew" }],
    [ReferralStatus.CLOSED]: [{ transition: ReferralTransition.RECEIVE }, { transition: ReferralTransition.ACCEPT }, { transition: ReferralTransition.CLOSE }],
  };
  return paths[status].reduce((r, c) => applyReferralTransition(r, c, NOW).referral, sent());
}

const COMMANDS: Record<ReferralTransition, ReferralCommand> = {
  [ReferralTransition.RECEIVE]: { transition: ReferralTransition.RECEIVE },
  [ReferralTransition.ACCEPT]: { transition: ReferralTransition.ACCEPT },
  [ReferralTransition.DECLINE]: { transition: ReferralTransition.DECLINE, reason: "No capacity" },
  [ReferralTransition.WITHDRAW]: { transition: ReferralTransition.WITHDRAW, reason: "Victim moved away" },
  [ReferralTransition.CLOSE]: { transition: ReferralTransition.CLOSE },
  [ReferralTransition.RECORD_FIRST_CONTACT]: { transition: ReferralTransition.RECORD_FIRST_CONTACT, at: new Date("2026-09-06T09:00:00Z") },
};

/** The whole table, written out from issue 5 and 9 rather than read from REFERRAL_STATE_MACHINE. */
const ALLOWED: [ReferralStatus, ReferralTransition, ReferralStatus][] = [
  [ReferralStatus.SENT, ReferralTransition.RECEIVE, ReferralStatus.RECEIVED],
  [ReferralStatus.SENT, ReferralTransition.WITHDRAW, ReferralStatus.WITHDRAWN],
  [ReferralStatus.RECEIVED, ReferralTransition.ACCEPT, ReferralStatus.ACCEPTED],
  [ReferralStatus.RECEIVED, ReferralTransition.DECLINE, ReferralStatus.DECLINED],
  [ReferralStatus.RECEIVED, ReferralTransition.WITHDRAW, ReferralStatus.WITHDRAWN],
  [ReferralStatus.RECEIVED, ReferralTransition.RECORD_FIRST_CONTACT, ReferralStatus.RECEIVED],
  [ReferralStatus.ACCEPTED, ReferralTransition.WITHDRAW, ReferralStatus.WITHDRAWN],
  [ReferralStatus.ACCEPTED, ReferralTransition.CLOSE, ReferralStatus.CLOSED],
  [ReferralStatus.ACCEPTED, ReferralTransition.RECORD_FIRST_CONTACT, ReferralStatus.ACCEPTED],
  [ReferralStatus.DECLINED, ReferralTransition.CLOSE, ReferralStatus.CLOSED],
  [ReferralStatus.WITHDRAWN, ReferralTransition.CLOSE, ReferralStatus.CLOSED],
];
/** Where the same transition again is a harmless repeat. */
const REPEATS: [ReferralStatus, ReferralTransition][] = [
  [ReferralStatus.RECEIVED, ReferralTransition.RECEIVE],
  [ReferralStatus.ACCEPTED, ReferralTransition.ACCEPT],
  [ReferralStatus.CLOSED, ReferralTransition.CLOSE],
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof GraphQLError ? String(error.extensions.code) : "THREW_SOMETHING_ELSE";
  }
}

describe("the referral state machine", () => {
  const cells = Object.values(ReferralStatus).flatMap((from) => Object.values(ReferralTransition).map((t) => [from, t] as const));

  it.each(cells)("from %s, %s is allowed exactly where the issue's table says, and refused with CONFLICT elsewhere", (from, transition) => {
    const allowed = ALLOWED.find(([f, t]) => f === from && t === transition);
    const repeat = REPEATS.some(([f, t]) => f === from && t === transition);
    const before = inState(from);
    const snapshot = structuredClone(before);
    if (allowed) {
      const { referral, changed } = applyReferralTransition(before, COMMANDS[transition], NOW);
      expect(changed).toBe(true);
      expect(referral.status).toBe(allowed[2]);
    } else if (repeat) {
      const result = applyReferralTransition(before, COMMANDS[transition], NOW);
      expect(result).toEqual({ referral: before, changed: false });
    } else {
      expect(codeOf(() => applyReferralTransition(before, COMMANDS[transition], NOW))).toBe("CONFLICT");
    }
    expect(before).toEqual(snapshot);
  });

  it("names the current state when it refuses", () => {
    const withdrawn = inState(ReferralStatus.WITHDRAWN);
    expect(() => applyReferralTransition(withdrawn, { transition: ReferralTransition.ACCEPT }, NOW)).toThrow("Cannot accept a referral that is WITHDRAWN");
    try {
      applyReferralTransition(withdrawn, { transition: ReferralTransition.ACCEPT }, NOW);
    } catch (error) {
      expect((error as GraphQLError).extensions).toMatchObject({ code: "CONFLICT", currentStatus: "WITHDRAWN", transition: "ACCEPT" });
    }
  });

  it("stamps each state with the time it was reached and keeps the earlier stamps", () => {
    const t1 = new Date("2026-09-05T15:00:00Z");
    const t2 = new Date("2026-09-07T09:00:00Z");
    const received = applyReferralTransition(sent(), { transition: ReferralTransition.RECEIVE }, t1).referral;
    const accepted = applyReferralTransition(received, { transition: ReferralTransition.ACCEPT }, t2).referral;
    expect(accepted).toMatchObject({ status: "ACCEPTED", sentAt: SENT_AT, receivedAt: t1, acceptedAt: t2, declinedAt: null });
  });

  it("needs a reason to decline or withdraw, and refuses blank ones with INVALID_INPUT", () => {
    const received = inState(ReferralStatus.RECEIVED);
    for (const reason of ["", "   "]) {
      expect(codeOf(() => applyReferralTransition(received, { transition: ReferralTransition.DECLINE, reason }, NOW))).toBe("INVALID_INPUT");
      expect(codeOf(() => applyReferralTransition(received, { transition: ReferralTransition.WITHDRAW, reason }, NOW))).toBe("INVALID_INPUT");
    }
    const declined = applyReferralTransition(received, { transition: ReferralTransition.DECLINE, reason: "  Outside our area " }, NOW).referral;
    expect(declined.declineReason).toBe("Outside our area");
  });

  it("treats a repeated decline with the same reason as harmless, and one with another reason as a conflict", () => {
    const declined = inState(ReferralStatus.DECLINED);
    expect(applyReferralTransition(declined, { transition: ReferralTransition.DECLINE, reason: "Outside our area" }, NOW)).toEqual({ referral: declined, changed: false });
    expect(codeOf(() => applyReferralTransition(declined, { transition: ReferralTransition.DECLINE, reason: "No capacity" }, NOW))).toBe("CONFLICT");
  });

  it("records first contact once: the same time again is a repeat, another time a conflict", () => {
    const received = inState(ReferralStatus.RECEIVED);
    const at = new Date("2026-09-06T09:00:00Z");
    const contacted = applyReferralTransition(received, { transition: ReferralTransition.RECORD_FIRST_CONTACT, at }, NOW).referral;
    expect(contacted).toMatchObject({ status: "RECEIVED", firstContactAt: at });
    expect(applyReferralTransition(contacted, { transition: ReferralTransition.RECORD_FIRST_CONTACT, at: new Date(at) }, NOW).changed).toBe(false);
    expect(codeOf(() => applyReferralTransition(contacted, { transition: ReferralTransition.RECORD_FIRST_CONTACT, at: new Date("2026-09-06T10:00:00Z") }, NOW))).toBe("CONFLICT");
  });

  it.each([
    ["one millisecond before it was sent", new Date(SENT_AT.getTime() - 1), "INVALID_INPUT"],
    ["the moment it was sent", SENT_AT, undefined],
    ["at the edge of the allowed clock skew", new Date(NOW.getTime() + FIRST_CONTACT_CLOCK_SKEW_MS), undefined],
    ["just beyond the allowed clock skew", new Date(NOW.getTime() + FIRST_CONTACT_CLOCK_SKEW_MS + 1), "INVALID_INPUT"],
    ["an invalid date", new Date("not a date"), "INVALID_INPUT"],
  ])("refuses or takes a first contact %s", (_name, at, code) => {
    expect(codeOf(() => applyReferralTransition(inState(ReferralStatus.RECEIVED), { transition: ReferralTransition.RECORD_FIRST_CONTACT, at }, NOW))).toBe(code);
  });

  it("never reaches a state outside its table, and every refused action leaves the referral as it was (property)", () => {
    const reachable = new Set<ReferralStatus>([ReferralStatus.SENT, ...Object.values(REFERRAL_STATE_MACHINE).flatMap((t) => (t.to ? [t.to] : []))]);
    const command = fc.oneof(
      fc.constantFrom(ReferralTransition.RECEIVE, ReferralTransition.ACCEPT, ReferralTransition.CLOSE).map((transition): ReferralCommand => ({ transition })),
      fc
        .tuple(fc.constantFrom(ReferralTransition.DECLINE, ReferralTransition.WITHDRAW), fc.constantFrom("", " ", "No capacity", "Victim asked"))
        .map(([transition, reason]): ReferralCommand => ({ transition, reason })),
      fc.integer({ min: -48, max: 72 }).map((h): ReferralCommand => ({ transition: ReferralTransition.RECORD_FIRST_CONTACT, at: new Date(SENT_AT.getTime() + h * 3_600_000) })),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        let referral = sent();
        let clock = SENT_AT.getTime();
        for (const c of commands) {
          clock += 3_600_000;
          const before = structuredClone(referral);
          try {
            const result = applyReferralTransition(referral, c, new Date(clock));
            const rule = REFERRAL_STATE_MACHINE[c.transition];
            if (result.changed) {
              // A change starts where the table allows and ends where it leads.
              expect(rule.from).toContain(before.status);
              expect(result.referral.status).toBe(rule.to ?? before.status);
            } else {
              expect(result.referral).toEqual(before);
            }
            referral = result.referral;
          } catch (error) {
            expect(error).toBeInstanceOf(GraphQLError);
            expect(["CONFLICT", "INVALID_INPUT"]).toContain((error as GraphQLError).extensions.code);
            expect(referral).toEqual(before);
          }
          expect(reachable).toContain(referral.status);
          // The timestamp of every state the referral is in or has passed through is set.
          if (referral.status === ReferralStatus.DECLINED) expect(referral.declineReason).toBeTruthy();
          if (referral.status !== ReferralStatus.SENT && referral.status !== ReferralStatus.CLOSED) {
            const stamp = { RECEIVED: referral.receivedAt, ACCEPTED: referral.acceptedAt, DECLINED: referral.declinedAt, WITHDRAWN: referral.withdrawnAt }[referral.status];
            expect(stamp).not.toBeNull();
          }
          if (referral.status === ReferralStatus.CLOSED) expect(referral.closedAt).not.toBeNull();
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("waiting times", () => {
  it.each([
    [null, null],
    [new Date(SENT_AT.getTime()), 0],
    [new Date(SENT_AT.getTime() + 90 * 60_000), 1.5],
    [new Date(SENT_AT.getTime() + 51 * 3_600_000 + 20 * 60_000), 51.33],
  ])("from sent to %s is %s hours", (to, hours) => {
    expect(waitingHours(SENT_AT, to)).toBe(hours);
  });
});
