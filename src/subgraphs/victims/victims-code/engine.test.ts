import fc from "fast-check";
import {
  EntitlementAssessment,
  EntitlementException,
  EntitlementInput,
  EntitlementStatus,
  PoliceEvent,
  VictimContact,
  VictimsCodeInputError,
  assessEntitlements,
  complianceSummary,
} from "./engine";
import {
  ContactKind,
  EnhancedRightsCategory,
  EnhancedRightsReason,
  EntitlementCode,
  NoRuleVersionInForceError,
  PoliceEventKind,
  VICTIMS_CODE_2021,
  VictimsCodeRight,
  VictimsCodeRuleVersion,
} from "./rules";
import { isWorkingDay, londonDateOf } from "./working-days";

const at = (iso: string): Date => new Date(iso);
const LATER = at("2028-12-31T12:00:00Z"); // a `now` after every deadline in these tests

function event(kind: PoliceEventKind, occurredAt: string, id = "e1"): PoliceEvent {
  return { id, kind, occurredAt: at(occurredAt) };
}

function input(overrides: Partial<EntitlementInput>): EntitlementInput {
  return { enhancedRights: [], referralDeclined: false, policeEvents: [], contacts: [], ...overrides };
}

function only(results: EntitlementAssessment[], entitlement: EntitlementCode): EntitlementAssessment {
  const matching = results.filter((r) => r.entitlement === entitlement);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

describe("Right 6: told of a key decision within 5 working days, 1 under Enhanced Rights", () => {
  it.each([
    // [kind, occurredAt, enhanced categories, expected working days, expected dueAt, why]
    [PoliceEventKind.SUSPECT_ARRESTED, "2025-06-04T09:00:00Z", [], 5, "2025-06-11T22:59:59.999Z", "standard: Wednesday + 5 spans the weekend"],
    [
      PoliceEventKind.SUSPECT_ARRESTED,
      "2025-06-04T09:00:00Z",
      [EnhancedRightsCategory.MOST_SERIOUS_CRIME],
      1,
      "2025-06-05T22:59:59.999Z",
      "enhanced: Wednesday + 1 is Thursday",
    ],
    [
      PoliceEventKind.SUSPECT_INTERVIEWED_UNDER_CAUTION,
      "2025-06-06T15:00:00Z",
      [EnhancedRightsCategory.PERSISTENTLY_TARGETED],
      1,
      "2025-06-09T22:59:59.999Z",
      "enhanced: a Friday event is due end of Monday",
    ],
    [PoliceEventKind.SUSPECT_RELEASED_ON_BAIL, "2025-06-06T15:00:00Z", [], 5, "2025-06-13T22:59:59.999Z", "standard: Friday + 5 is the next Friday"],
    [
      PoliceEventKind.BAIL_CONDITIONS_CHANGED,
      "2025-04-17T10:00:00Z",
      [EnhancedRightsCategory.VULNERABLE],
      1,
      "2025-04-22T22:59:59.999Z",
      "enhanced: Maundy Thursday skips Good Friday and Easter Monday",
    ],
    [
      PoliceEventKind.SUSPECT_RELEASED_UNDER_INVESTIGATION,
      "2025-04-17T10:00:00Z",
      [],
      5,
      "2025-04-28T22:59:59.999Z",
      "standard: Maundy Thursday + 5 lands on the Monday after next",
    ],
    [
      PoliceEventKind.SUSPECT_CHARGED,
      "2027-12-24T11:00:00Z",
      [EnhancedRightsCategory.INTIMIDATED],
      1,
      "2027-12-29T23:59:59.999Z",
      "enhanced: Christmas Eve 2027 skips the two substitute days",
    ],
    [
      PoliceEventKind.NO_FURTHER_ACTION,
      "2022-12-23T11:00:00Z",
      [],
      5,
      "2023-01-04T23:59:59.999Z",
      "standard: Friday 23 December 2022 + 5 skips Boxing Day, the Christmas substitute and the New Year substitute",
    ],
    [
      PoliceEventKind.SUSPECT_RELEASED_WITHOUT_CHARGE,
      "2026-12-24T11:00:00Z",
      [EnhancedRightsCategory.MOST_SERIOUS_CRIME],
      1,
      "2026-12-29T23:59:59.999Z",
      "enhanced: Christmas Eve 2026 skips the Boxing Day substitute",
    ],
    [
      PoliceEventKind.DECISION_NOT_TO_INVESTIGATE,
      "2025-06-12T23:30:00Z",
      [EnhancedRightsCategory.VULNERABLE],
      1,
      "2025-06-16T22:59:59.999Z",
      "enhanced: 23:30 UTC Thursday in BST is Friday in London, so due end of Monday",
    ],
  ])("%s at %s with %j gets %i working days, due %s (%s)", (kind, occurredAt, categories, days, dueAt) => {
    const results = assessEntitlements(
      input({ enhancedRights: categories as EnhancedRightsCategory[], policeEvents: [event(kind, occurredAt)] }),
      { now: LATER },
    );
    const r6 = only(results, EntitlementCode.R6_TOLD_OF_KEY_DECISION);
    expect(r6.right).toBe(VictimsCodeRight.R6);
    expect(r6.rightNumber).toBe(6);
    expect(r6.workingDaysAllowed).toBe(days);
    expect(r6.enhancedRights).toBe(days === 1);
    expect(r6.dueAt?.toISOString()).toBe(dueAt);
    expect(r6.ruleVersion).toBe("victims-code-2021");
  });

  it("gives the enhanced time to a victim in several categories once, not less", () => {
    const [r6] = assessEntitlements(
      input({
        enhancedRights: [EnhancedRightsCategory.MOST_SERIOUS_CRIME, EnhancedRightsCategory.PERSISTENTLY_TARGETED],
        policeEvents: [event(PoliceEventKind.SUSPECT_ARRESTED, "2025-06-04T09:00:00Z")],
      }),
      { now: LATER },
    );
    expect(r6?.workingDaysAllowed).toBe(1);
  });

  it("raises no Right 6 entitlement from the crime report itself, only Right 4's referral and Right 3's information", () => {
    const results = assessEntitlements(input({ policeEvents: [event(PoliceEventKind.CRIME_REPORTED, "2025-06-02T09:00:00Z")] }), {
      now: LATER,
    });
    expect(results.map((r) => r.entitlement)).toEqual([EntitlementCode.R4_REFERRAL_TO_SUPPORT_SERVICES, EntitlementCode.R3_INFORMATION_ON_REPORTING]);
  });
});

describe("status against the deadline and `now`", () => {
  // Arrested Wednesday 4 June 2025, enhanced: due by the end of Thursday 5 June, 23:59:59.999 BST.
  const arrest = event(PoliceEventKind.SUSPECT_ARRESTED, "2025-06-04T09:00:00Z");
  const dueAt = at("2025-06-05T22:59:59.999Z");
  const told = (occurredAt: Date): VictimContact => ({ kind: ContactKind.TOLD_OF_DECISION, occurredAt, eventId: arrest.id });

  it.each([
    ["told exactly at the deadline", [told(dueAt)], LATER, EntitlementStatus.MET, dueAt],
    ["told well before the deadline", [told(at("2025-06-04T10:00:00Z"))], LATER, EntitlementStatus.MET, at("2025-06-04T10:00:00Z")],
    ["told one minute after the deadline", [told(new Date(dueAt.getTime() + 60_000))], LATER, EntitlementStatus.LATE, new Date(dueAt.getTime() + 60_000)],
    ["told one millisecond after the deadline", [told(new Date(dueAt.getTime() + 1))], LATER, EntitlementStatus.LATE, new Date(dueAt.getTime() + 1)],
    ["never told, now past the deadline", [], new Date(dueAt.getTime() + 1), EntitlementStatus.MISSED, null],
    ["never told, now exactly at the deadline", [], dueAt, EntitlementStatus.PENDING, null],
    ["never told, deadline not reached", [], at("2025-06-04T12:00:00Z"), EntitlementStatus.PENDING, null],
  ])("is %s → %s", (_label, contacts, now, status, fulfilledAt) => {
    const [r6] = assessEntitlements(
      input({ enhancedRights: [EnhancedRightsCategory.MOST_SERIOUS_CRIME], policeEvents: [arrest], contacts }),
      { now },
    );
    expect(r6?.dueAt).toEqual(dueAt);
    expect(r6?.status).toBe(status);
    expect(r6?.fulfilledAt).toEqual(fulfilledAt);
  });

  it("counts the earliest contact, so a later repeat does not turn MET into LATE", () => {
    const [r6] = assessEntitlements(
      input({
        enhancedRights: [EnhancedRightsCategory.VULNERABLE],
        policeEvents: [arrest],
        contacts: [told(at("2025-06-09T09:00:00Z")), told(at("2025-06-05T09:00:00Z"))],
      }),
      { now: LATER },
    );
    expect(r6?.status).toBe(EntitlementStatus.MET);
    expect(r6?.fulfilledAt).toEqual(at("2025-06-05T09:00:00Z"));
  });

  it("does not let a contact about one decision fulfil another", () => {
    const bail = event(PoliceEventKind.SUSPECT_RELEASED_ON_BAIL, "2025-06-04T15:00:00Z", "e2");
    const results = assessEntitlements(
      input({
        policeEvents: [arrest, bail],
        contacts: [{ kind: ContactKind.TOLD_OF_DECISION, occurredAt: at("2025-06-04T16:00:00Z"), eventId: bail.id }],
      }),
      { now: LATER },
    );
    expect(results.map((r) => [r.triggeringEvent.id, r.status])).toEqual([
      ["e1", EntitlementStatus.MISSED],
      ["e2", EntitlementStatus.MET],
    ]);
  });

  it("does not let a referral contact fulfil a Right 6 decision", () => {
    const [r6] = assessEntitlements(
      input({
        policeEvents: [arrest],
        contacts: [{ kind: ContactKind.REFERRAL_PASSED_ON, occurredAt: at("2025-06-04T10:00:00Z"), eventId: arrest.id }],
      }),
      { now: LATER },
    );
    expect(r6?.status).toBe(EntitlementStatus.MISSED);
  });
});

describe("Right 4: details passed to support services within 2 working days of reporting", () => {
  // Reported Monday 2 June 2025: due by the end of Wednesday 4 June.
  const report = event(PoliceEventKind.CRIME_REPORTED, "2025-06-02T09:00:00Z", "report");
  const passedOn = (iso: string): VictimContact => ({ kind: ContactKind.REFERRAL_PASSED_ON, occurredAt: at(iso), eventId: "report" });

  it.each([
    ["standard", [], "2025-06-04T22:59:59.999Z"],
    ["enhanced (no shorter time for referral)", [EnhancedRightsCategory.MOST_SERIOUS_CRIME], "2025-06-04T22:59:59.999Z"],
  ])("gives a %s victim 2 working days", (_label, categories, dueAt) => {
    const [r4] = assessEntitlements(input({ enhancedRights: categories, policeEvents: [report] }), { now: LATER });
    expect(r4?.right).toBe(VictimsCodeRight.R4);
    expect(r4?.rightNumber).toBe(4);
    expect(r4?.workingDaysAllowed).toBe(2);
    expect(r4?.dueAt?.toISOString()).toBe(dueAt);
  });

  it.each([
    ["2025-06-04T22:59:59.999Z", EntitlementStatus.MET],
    ["2025-06-04T23:00:59.999Z", EntitlementStatus.LATE],
  ])("judges a referral passed on at %s as %s", (when, status) => {
    const [r4] = assessEntitlements(input({ policeEvents: [report], contacts: [passedOn(when)] }), { now: LATER });
    expect(r4?.status).toBe(status);
  });

  it("a report on a Friday before a bank-holiday Monday is due on Wednesday", () => {
    // Friday 23 May 2025; Monday 26 May is the spring bank holiday.
    const [r4] = assessEntitlements(input({ policeEvents: [event(PoliceEventKind.CRIME_REPORTED, "2025-05-23T09:00:00Z")] }), {
      now: LATER,
    });
    expect(r4?.dueAt?.toISOString()).toBe("2025-05-28T22:59:59.999Z");
  });

  it("marks the referral NOT_APPLICABLE, with its reason and no deadline, when the victim declined it", () => {
    const arrest = event(PoliceEventKind.SUSPECT_ARRESTED, "2025-06-03T09:00:00Z", "arrest");
    const results = assessEntitlements(input({ referralDeclined: true, policeEvents: [report, arrest] }), { now: LATER });
    const r4 = only(results, EntitlementCode.R4_REFERRAL_TO_SUPPORT_SERVICES);
    expect(r4.status).toBe(EntitlementStatus.NOT_APPLICABLE);
    expect(r4.exception).toBe(EntitlementException.VICTIM_DECLINED_REFERRAL);
    expect(r4.dueAt).toBeNull();
    expect(r4.workingDaysAllowed).toBeNull();
    // Declining referral does not waive the right to be told of decisions.
    expect(only(results, EntitlementCode.R6_TOLD_OF_KEY_DECISION).status).toBe(EntitlementStatus.MISSED);
  });

  it("still records when details were passed on after the victim declined, as a fact", () => {
    const [r4] = assessEntitlements(
      input({ referralDeclined: true, policeEvents: [report], contacts: [passedOn("2025-06-03T09:00:00Z")] }),
      { now: LATER },
    );
    expect(r4?.status).toBe(EntitlementStatus.NOT_APPLICABLE);
    expect(r4?.fulfilledAt).toEqual(at("2025-06-03T09:00:00Z"));
  });

  it("is MISSED when the victim did not decline and nothing was passed on", () => {
    const [r4] = assessEntitlements(input({ policeEvents: [report] }), { now: at("2025-06-05T09:00:00Z") });
    expect(r4?.status).toBe(EntitlementStatus.MISSED);
    expect(r4?.exception).toBeNull();
  });
});

describe("rule version selection by the triggering event's London date", () => {
  // A hypothetical later Code with other numbers, to show a new version is data, not code.
  const LATER_CODE: VictimsCodeRuleVersion = {
    ...VICTIMS_CODE_2021,
    id: "hypothetical-code-2026",
    effectiveFrom: "2026-06-01",
    timeliness: VICTIMS_CODE_2021.timeliness.map((rule) =>
      rule.entitlement === EntitlementCode.R6_TOLD_OF_KEY_DECISION ? { ...rule, standardWorkingDays: 3, enhancedWorkingDays: 2 } : rule,
    ),
  };
  const versions = [LATER_CODE, VICTIMS_CODE_2021]; // any order

  it.each([
    ["2026-05-29T12:00:00Z", "victims-code-2021", 5, "the Friday before the new Code"],
    ["2026-05-31T22:59:59Z", "victims-code-2021", 5, "23:59:59 London on the last day of the old Code"],
    ["2026-05-31T23:30:00Z", "hypothetical-code-2026", 3, "23:30 UTC on 31 May is 00:30 on 1 June in London: the new Code"],
    ["2026-06-02T12:00:00Z", "hypothetical-code-2026", 3, "after the new Code starts"],
  ])("an event at %s uses %s (%i working days): %s", (occurredAt, versionId, days) => {
    const [r6] = assessEntitlements(input({ policeEvents: [event(PoliceEventKind.SUSPECT_ARRESTED, occurredAt)] }), {
      now: LATER,
      ruleVersions: versions,
    });
    expect(r6?.ruleVersion).toBe(versionId);
    expect(r6?.workingDaysAllowed).toBe(days);
  });

  it("applies each event's own version within one case", () => {
    const results = assessEntitlements(
      input({
        enhancedRights: [EnhancedRightsCategory.VULNERABLE],
        policeEvents: [
          event(PoliceEventKind.SUSPECT_ARRESTED, "2026-05-28T12:00:00Z", "before"),
          event(PoliceEventKind.SUSPECT_CHARGED, "2026-06-03T12:00:00Z", "after"),
        ],
      }),
      { now: LATER, ruleVersions: versions },
    );
    expect(results.map((r) => [r.triggeringEvent.id, r.entitlement, r.ruleVersion, r.workingDaysAllowed])).toEqual([
      ["before", EntitlementCode.R6_TOLD_OF_KEY_DECISION, "victims-code-2021", 1],
      ["after", EntitlementCode.R6_TOLD_OF_KEY_DECISION, "hypothetical-code-2026", 2],
      // The later version changed Right 6 only; the charge's Right 7 keeps its numbers, under the later version's name.
      ["after", EntitlementCode.R7_VPS_OFFERED, "hypothetical-code-2026", 1],
    ]);
  });

  it("names the entitlements of an event before any version held, untimed: NOT_APPLICABLE, BEFORE_RULES_HELD, no deadline", () => {
    // 23:30 UTC on 31 March 2021 is 00:30 on 1 April in London: the 2021 Code's first day.
    const results = assessEntitlements(
      input({
        policeEvents: [event(PoliceEventKind.SUSPECT_ARRESTED, "2021-03-31T22:59:59Z", "legacy"), event(PoliceEventKind.SUSPECT_CHARGED, "2021-03-31T23:30:00Z", "first")],
      }),
      { now: LATER },
    );
    expect(results.map((r) => [r.triggeringEvent.id, r.entitlement, r.status, r.exception, r.workingDaysAllowed, r.dueAt])).toEqual([
      ["legacy", EntitlementCode.R6_TOLD_OF_KEY_DECISION, EntitlementStatus.NOT_APPLICABLE, EntitlementException.BEFORE_RULES_HELD, null, null],
      ["first", EntitlementCode.R6_TOLD_OF_KEY_DECISION, EntitlementStatus.MISSED, null, 5, expect.any(Date)],
      ["first", EntitlementCode.R7_VPS_OFFERED, EntitlementStatus.MISSED, null, 5, expect.any(Date)],
    ]);
  });

  it("still refuses when it holds no version at all", () => {
    expect(() =>
      assessEntitlements(input({ policeEvents: [event(PoliceEventKind.SUSPECT_ARRESTED, "2021-03-31T12:00:00Z")] }), { now: LATER, ruleVersions: [] }),
    ).toThrow(NoRuleVersionInForceError);
  });
});

describe("input the engine refuses rather than guesses", () => {
  const arrest = event(PoliceEventKind.SUSPECT_ARRESTED, "2025-06-04T09:00:00Z");

  it.each([
    ["a contact about an unknown event", input({ policeEvents: [arrest], contacts: [{ kind: ContactKind.TOLD_OF_DECISION, occurredAt: at("2025-06-04T10:00:00Z"), eventId: "nope" }] }), LATER],
    ["two events with one id", input({ policeEvents: [arrest, { ...arrest }] }), LATER],
    ["a contact before the event it reports", input({ policeEvents: [arrest], contacts: [{ kind: ContactKind.TOLD_OF_DECISION, occurredAt: at("2025-06-04T08:59:59Z"), eventId: "e1" }] }), LATER],
    ["an event after now", input({ policeEvents: [arrest] }), at("2025-06-04T08:00:00Z")],
    ["a contact after now", input({ policeEvents: [arrest], contacts: [{ kind: ContactKind.TOLD_OF_DECISION, occurredAt: at("2025-06-05T10:00:00Z"), eventId: "e1" }] }), at("2025-06-05T09:00:00Z")],
    ["an invalid event date", input({ policeEvents: [{ ...arrest, occurredAt: new Date("not a date") }] }), LATER],
    ["an unknown event kind", input({ policeEvents: [{ ...arrest, kind: "SUSPECT_VANISHED" as PoliceEventKind }] }), LATER],
    ["an unknown Enhanced Rights category", input({ enhancedRights: ["VIP" as EnhancedRightsCategory], policeEvents: [arrest] }), LATER],
    ["an invalid now", input({ policeEvents: [arrest] }), new Date(Number.NaN)],
  ])("rejects %s with INVALID_INPUT", (_label, bad, now) => {
    let caught: unknown;
    try {
      assessEntitlements(bad, { now });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(VictimsCodeInputError);
    expect((caught as VictimsCodeInputError).code).toBe("INVALID_INPUT");
  });

  it("refuses an event whose deadline runs past the bank-holiday data", () => {
    expect(() =>
      assessEntitlements(input({ policeEvents: [event(PoliceEventKind.SUSPECT_ARRESTED, "2027-12-31T12:00:00Z")] }), {
        now: at("2027-12-31T13:00:00Z"),
      }),
    ).toThrow(/No bank-holiday data for 2028/);
  });
});

describe("complianceSummary", () => {
  it("counts each status per entitlement, with zeros for the rest", () => {
    const report = event(PoliceEventKind.CRIME_REPORTED, "2025-06-02T09:00:00Z", "report");
    const arrest = event(PoliceEventKind.SUSPECT_ARRESTED, "2025-06-02T10:00:00Z", "arrest");
    const bail = event(PoliceEventKind.SUSPECT_RELEASED_ON_BAIL, "2025-06-02T20:00:00Z", "bail");
    const charge = event(PoliceEventKind.SUSPECT_CHARGED, "2025-06-10T10:00:00Z", "charge");
    const results = assessEntitlements(
      input({
        policeEvents: [report, arrest, bail, charge],
        contacts: [
          { kind: ContactKind.REFERRAL_PASSED_ON, occurredAt: at("2025-06-03T09:00:00Z"), eventId: "report" },
          { kind: ContactKind.TOLD_OF_DECISION, occurredAt: at("2025-06-03T09:00:00Z"), eventId: "arrest" },
          { kind: ContactKind.TOLD_OF_DECISION, occurredAt: at("2025-06-12T09:00:00Z"), eventId: "bail" },
        ],
      }),
      { now: at("2025-06-12T10:00:00Z") },
    );
    expect(complianceSummary(results)).toEqual({
      [EntitlementCode.R4_REFERRAL_TO_SUPPORT_SERVICES]: { MET: 1, LATE: 0, MISSED: 0, PENDING: 0, NOT_APPLICABLE: 0, total: 1 },
      // Reported Monday 2 June: the information on reporting was due by Monday 9 June, and nothing records it.
      [EntitlementCode.R3_INFORMATION_ON_REPORTING]: { MET: 0, LATE: 0, MISSED: 1, PENDING: 0, NOT_APPLICABLE: 0, total: 1 },
      [EntitlementCode.R6_TOLD_OF_KEY_DECISION]: { MET: 1, LATE: 1, MISSED: 0, PENDING: 1, NOT_APPLICABLE: 0, total: 3 },
      // The charge on Tuesday 10 June: its VPS offer is due by the end of Tuesday 17 June.
      [EntitlementCode.R7_VPS_OFFERED]: { MET: 0, LATE: 0, MISSED: 0, PENDING: 1, NOT_APPLICABLE: 0, total: 1 },
      [EntitlementCode.R8_TOLD_OF_HEARING_OUTCOME]: { MET: 0, LATE: 0, MISSED: 0, PENDING: 0, NOT_APPLICABLE: 0, total: 0 },
      [EntitlementCode.R9_TOLD_OF_CASE_OUTCOME]: { MET: 0, LATE: 0, MISSED: 0, PENDING: 0, NOT_APPLICABLE: 0, total: 0 },
      [EntitlementCode.R11_REFERRED_TO_VICTIM_CONTACT_SCHEME]: { MET: 0, LATE: 0, MISSED: 0, PENDING: 0, NOT_APPLICABLE: 0, total: 0 },
    });
  });

  it("counts an opted-out referral as NOT_APPLICABLE and in the total", () => {
    const results = assessEntitlements(
      input({ referralDeclined: true, policeEvents: [event(PoliceEventKind.CRIME_REPORTED, "2025-06-02T09:00:00Z")] }),
      { now: LATER },
    );
    expect(complianceSummary(results)[EntitlementCode.R4_REFERRAL_TO_SUPPORT_SERVICES]).toEqual({
      MET: 0,
      LATE: 0,
      MISSED: 0,
      PENDING: 0,
      NOT_APPLICABLE: 1,
      total: 1,
    });
  });

  it("returns every entitlement with zeros for no results", () => {
    const summary = complianceSummary([]);
    expect(Object.keys(summary).sort()).toEqual(Object.values(EntitlementCode).sort());
    expect(summary[EntitlementCode.R6_TOLD_OF_KEY_DECISION].total).toBe(0);
  });
});

describe("property: deadlines", () => {
  it("every deadline is the end of a working day, after the event, and enhanced is never later than standard", () => {
    const from = at("2021-04-01T00:00:00Z").getTime();
    const to = at("2027-11-30T00:00:00Z").getTime();
    const kinds = Object.values(PoliceEventKind);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...kinds), (ms, kind) => {
        const policeEvents = [{ id: "x", kind, occurredAt: new Date(ms) }];
        // A recorded Victim Contact Scheme referral shows Right 11 was owed, so it has a deadline too.
        const contacts = [{ kind: ContactKind.REFERRED_TO_VICTIM_CONTACT_SCHEME, occurredAt: LATER, eventId: "x" }];
        const standard = assessEntitlements(input({ policeEvents, contacts }), { now: LATER });
        const enhanced = assessEntitlements(input({ enhancedRights: [EnhancedRightsCategory.VULNERABLE], policeEvents, contacts }), { now: LATER });
        expect(standard.length).toBeGreaterThan(0);
        standard.forEach((s, i) => {
          const e = enhanced[i]!;
          for (const r of [s, e]) {
            expect(r.dueAt).not.toBeNull();
            const dueAt = r.dueAt as Date;
            expect(isWorkingDay(londonDateOf(dueAt))).toBe(true);
            expect(dueAt.getTime()).toBeGreaterThan(ms);
          }
          expect((e.dueAt as Date).getTime()).toBeLessThanOrEqual((s.dueAt as Date).getTime());
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("Right 4 at weekends, bank holidays and clock changes", () => {
  it.each([
    ["2025-06-07T10:00:00Z", "2025-06-10T22:59:59.999Z", "a Saturday report: Monday and Tuesday are the two working days"],
    ["2025-06-08T10:00:00Z", "2025-06-10T22:59:59.999Z", "a Sunday report: the same Tuesday"],
    ["2025-04-17T10:00:00Z", "2025-04-23T22:59:59.999Z", "Maundy Thursday: Good Friday, the weekend and Easter Monday do not count"],
    ["2026-08-28T10:00:00Z", "2026-09-02T22:59:59.999Z", "the Friday before the summer bank holiday"],
    ["2026-12-23T10:00:00Z", "2026-12-29T23:59:59.999Z", "23 December 2026: Christmas Day and the Boxing Day substitute do not count"],
    ["2026-10-23T23:30:00Z", "2026-10-27T23:59:59.999Z", "23:30 UTC Friday is Saturday in London; the clocks go back on Sunday, so the deadline is in GMT"],
  ])("a report at %s is due %s (%s)", (reportedAt, dueAt) => {
    const [r4] = assessEntitlements(input({ policeEvents: [event(PoliceEventKind.CRIME_REPORTED, reportedAt, "report")] }), { now: LATER });
    expect(r4?.entitlement).toBe(EntitlementCode.R4_REFERRAL_TO_SUPPORT_SERVICES);
    expect(r4?.dueAt?.toISOString()).toBe(dueAt);
  });

  it.each([
    ["one millisecond before the deadline", -1, EntitlementStatus.PENDING],
    ["exactly at the deadline", 0, EntitlementStatus.PENDING],
    ["one millisecond after the deadline", 1, EntitlementStatus.MISSED],
  ])("with nothing passed on, is judged %s → %s", (_label, offsetMs, status) => {
    const dueAt = at("2025-06-10T22:59:59.999Z");
    const [r4] = assessEntitlements(input({ policeEvents: [event(PoliceEventKind.CRIME_REPORTED, "2025-06-07T10:00:00Z", "report")] }), {
      now: new Date(dueAt.getTime() + offsetMs),
    });
    expect(r4?.status).toBe(status);
  });

  it("lets a victim who declined still be referred late without anything counting as LATE", () => {
    const [r4] = assessEntitlements(
      input({
        referralDeclined: true,
        policeEvents: [event(PoliceEventKind.CRIME_REPORTED, "2025-06-07T10:00:00Z", "report")],
        contacts: [{ kind: ContactKind.REFERRAL_PASSED_ON, occurredAt: at("2025-06-20T10:00:00Z"), eventId: "report" }],
      }),
      { now: LATER },
    );
    expect(r4?.status).toBe(EntitlementStatus.NOT_APPLICABLE);
  });
});

describe("Right 6 on weekends and bank holidays themselves", () => {
  it.each([
    [PoliceEventKind.SUSPECT_CHARGED, "2026-09-20T16:30:00Z", [EnhancedRightsCategory.PERSISTENTLY_TARGETED], "2026-09-21T22:59:59.999Z", "enhanced: charged on a Sunday, due end of Monday (Client M)"],
    [PoliceEventKind.SUSPECT_CHARGED, "2026-09-19T16:30:00Z", [], "2026-09-25T22:59:59.999Z", "standard: charged on a Saturday, due the Friday after"],
    [PoliceEventKind.SUSPECT_ARRESTED, "2026-04-03T10:00:00Z", [EnhancedRightsCategory.VULNERABLE], "2026-04-07T22:59:59.999Z", "enhanced: arrested on Good Friday, Easter Monday skipped"],
    [PoliceEventKind.NO_FURTHER_ACTION, "2026-12-25T10:00:00Z", [EnhancedRightsCategory.MOST_SERIOUS_CRIME], "2026-12-29T23:59:59.999Z", "enhanced: decided on Christmas Day, the Boxing Day substitute skipped"],
    [PoliceEventKind.SUSPECT_RELEASED_ON_BAIL, "2026-03-28T23:30:00Z", [EnhancedRightsCategory.INTIMIDATED], "2026-03-30T22:59:59.999Z", "enhanced: Saturday night before the clocks go forward, due end of Monday in BST"],
  ])("%s at %s with %j is due %s (%s)", (kind, occurredAt, categories, dueAt) => {
    const [r6] = assessEntitlements(input({ enhancedRights: categories, policeEvents: [event(kind, occurredAt)] }), { now: LATER });
    expect(r6?.entitlement).toBe(EntitlementCode.R6_TOLD_OF_KEY_DECISION);
    expect(r6?.dueAt?.toISOString()).toBe(dueAt);
  });
});

/**
 * Every timed entitlement, written from the Code's own statements
 * (DOMAIN-REFERENCE.md §1.3 and §8.4) with the source beside each row, not
 * from rules.ts: a number or trigger changed there fails here. Each row is
 * judged for a victim without and with Enhanced Rights, for an event on
 * Wednesday 4 June 2025 (British Summer Time), so the deadline is 23:59:59.999
 * London time on the Nth working day after it.
 */
describe("every timed entitlement, standard and enhanced", () => {
  const DUE_AFTER_WEDNESDAY_4_JUNE_2025: Record<number, string> = {
    1: "2025-06-05T22:59:59.999Z",
    2: "2025-06-06T22:59:59.999Z",
    5: "2025-06-11T22:59:59.999Z",
    10: "2025-06-18T22:59:59.999Z",
  };
  // [entitlement, right, trigger, what fulfils it, standard WD, enhanced WD, statutory source]
  const TABLE: [EntitlementCode, number, PoliceEventKind, ContactKind, number, number, string][] = [
    [EntitlementCode.R3_INFORMATION_ON_REPORTING, 3, PoliceEventKind.CRIME_REPORTED, ContactKind.INFORMATION_ON_REPORTING, 5, 1, "covrj.uk/?p=708: information within 5 WD (1 WD) of reporting"],
    [EntitlementCode.R4_REFERRAL_TO_SUPPORT_SERVICES, 4, PoliceEventKind.CRIME_REPORTED, ContactKind.REFERRAL_PASSED_ON, 2, 2, "bedfordshire.pcc.police.uk …individual-rights-information-2: referral within 2 WD of reporting"],
    [EntitlementCode.R6_TOLD_OF_KEY_DECISION, 6, PoliceEventKind.SUSPECT_ARRESTED, ContactKind.TOLD_OF_DECISION, 5, 1, "…right-6-of-12: arrest, 5 WD (1 WD)"],
    [EntitlementCode.R6_TOLD_OF_KEY_DECISION, 6, PoliceEventKind.OUT_OF_COURT_DISPOSAL, ContactKind.TOLD_OF_DECISION, 5, 1, "…right-6-of-12: out-of-court disposals are covered"],
    [EntitlementCode.R7_VPS_OFFERED, 7, PoliceEventKind.SUSPECT_CHARGED, ContactKind.VPS_OFFERED, 5, 1, "gov.uk Code, Right 7: offered at charge; time [M], with the charge's news"],
    [EntitlementCode.R8_TOLD_OF_HEARING_OUTCOME, 8, PoliceEventKind.COURT_HEARING, ContactKind.TOLD_OF_DECISION, 5, 1, "…right-8-of-12: bail hearing outcomes, warrants, 5 WD (1 WD)"],
    [EntitlementCode.R9_TOLD_OF_CASE_OUTCOME, 9, PoliceEventKind.VERDICT, ContactKind.TOLD_OF_DECISION, 1, 1, "…right-9-of-12: outcome within 1 WD, every victim"],
    [EntitlementCode.R9_TOLD_OF_CASE_OUTCOME, 9, PoliceEventKind.SENTENCE, ContactKind.TOLD_OF_DECISION, 1, 1, "…right-9-of-12: sentence within 1 WD, every victim"],
    [EntitlementCode.R11_REFERRED_TO_VICTIM_CONTACT_SCHEME, 11, PoliceEventKind.SENTENCE, ContactKind.REFERRED_TO_VICTIM_CONTACT_SCHEME, 10, 10, "…right-11-of-12: VCS referral within 10 WD of sentence"],
  ];

  it("covers every entitlement code", () => {
    expect([...new Set(TABLE.map(([code]) => code))].sort()).toEqual(Object.values(EntitlementCode).sort());
  });

  describe.each(TABLE)("%s (Right %i) on %s, fulfilled by %s", (code, rightNumber, trigger, fulfilledBy, standard, enhanced, _source) => {
    const when = "2025-06-04T09:00:00Z";
    const assess = (categories: EnhancedRightsCategory[], contacts: VictimContact[] = []) =>
      only(assessEntitlements(input({ enhancedRights: categories, policeEvents: [event(trigger, when)], contacts }), { now: LATER }), code);
    const doneOnTime: VictimContact = { kind: fulfilledBy, occurredAt: at("2025-06-05T09:00:00Z"), eventId: "e1", by: "GMVS" };

    it(`allows ${standard} working days as standard and ${enhanced} under Enhanced Rights`, () => {
      // Right 11 arises only where the offence and sentence qualify, which a recorded referral shows.
      const contacts = code === EntitlementCode.R11_REFERRED_TO_VICTIM_CONTACT_SCHEME ? [doneOnTime] : [];
      const plain = assess([], contacts);
      const enhancedResult = assess([EnhancedRightsCategory.VULNERABLE], contacts);
      expect(plain).toMatchObject({ rightNumber, workingDaysAllowed: standard, dueAt: at(DUE_AFTER_WEDNESDAY_4_JUNE_2025[standard]!) });
      expect(enhancedResult).toMatchObject({ rightNumber, workingDaysAllowed: enhanced, dueAt: at(DUE_AFTER_WEDNESDAY_4_JUNE_2025[enhanced]!) });
    });

    it("is met by its own kind of contact, attributed to who made it", () => {
      expect(assess([], [doneOnTime])).toMatchObject({ status: EntitlementStatus.MET, fulfilledAt: doneOnTime.occurredAt, fulfilledBy: "GMVS" });
    });

    it("is not met by any other kind of contact", () => {
      const others = Object.values(ContactKind)
        .filter((kind) => kind !== fulfilledBy)
        .map((kind): VictimContact => ({ ...doneOnTime, kind }));
      expect(assess([], others).fulfilledAt).toBeNull();
    });
  });
});

describe("Right 4's opt-in route", () => {
  const report = event(PoliceEventKind.CRIME_REPORTED, "2025-06-02T09:00:00Z", "report");

  it("reports a domestic abuse victim who was not referred as not having opted in, not as having declined", () => {
    const domesticAbuse = [{ category: EnhancedRightsCategory.MOST_SERIOUS_CRIME, reason: EnhancedRightsReason.DOMESTIC_ABUSE, from: at("2025-06-02T09:00:00Z") }];
    const [r4] = assessEntitlements(input({ referralDeclined: true, enhancedRightsFrom: domesticAbuse, policeEvents: [report] }), { now: LATER });
    expect(r4).toMatchObject({ status: EntitlementStatus.NOT_APPLICABLE, exception: EntitlementException.VICTIM_DID_NOT_OPT_IN, dueAt: null });
  });

  it("keeps the opt-out reading for a crime the record does not make opt-in", () => {
    const stalking = [{ category: EnhancedRightsCategory.PERSISTENTLY_TARGETED, reason: EnhancedRightsReason.STALKING, from: at("2025-06-02T09:00:00Z") }];
    const [r4] = assessEntitlements(input({ referralDeclined: true, enhancedRightsFrom: stalking, policeEvents: [report] }), { now: LATER });
    expect(r4?.exception).toBe(EntitlementException.VICTIM_DECLINED_REFERRAL);
  });
});

describe("Right 11 where the data does not show eligibility", () => {
  const sentence = event(PoliceEventKind.SENTENCE, "2025-06-04T09:00:00Z", "sentence");

  it("is neither met nor missed until a referral is recorded: NOT_APPLICABLE, ELIGIBILITY_NOT_HELD", () => {
    const results = assessEntitlements(input({ policeEvents: [sentence] }), { now: LATER });
    expect(only(results, EntitlementCode.R11_REFERRED_TO_VICTIM_CONTACT_SCHEME)).toMatchObject({
      status: EntitlementStatus.NOT_APPLICABLE,
      exception: EntitlementException.ELIGIBILITY_NOT_HELD,
      dueAt: null,
      workingDaysAllowed: null,
    });
    // The sentence's Right 9 clock runs regardless.
    expect(only(results, EntitlementCode.R9_TOLD_OF_CASE_OUTCOME).status).toBe(EntitlementStatus.MISSED);
  });

  it("is judged LATE when the recorded referral came after 10 working days", () => {
    const late: VictimContact = { kind: ContactKind.REFERRED_TO_VICTIM_CONTACT_SCHEME, occurredAt: at("2025-06-19T09:00:00Z"), eventId: "sentence" };
    const results = assessEntitlements(input({ policeEvents: [sentence], contacts: [late] }), { now: LATER });
    expect(only(results, EntitlementCode.R11_REFERRED_TO_VICTIM_CONTACT_SCHEME)).toMatchObject({ status: EntitlementStatus.LATE, exception: null });
  });
});

describe("Enhanced Rights recorded with a date, and a worked-out reason withheld", () => {
  // Arrests on Wednesday 4 and Wednesday 11 June 2025; the caseworker records the victim as vulnerable from Monday 9 June.
  const first = event(PoliceEventKind.SUSPECT_ARRESTED, "2025-06-04T09:00:00Z", "first");
  const second = event(PoliceEventKind.SUSPECT_ARRESTED, "2025-06-11T09:00:00Z", "second");
  const vulnerableFrom9June = { from: at("2025-06-09T09:00:00Z"), categories: [EnhancedRightsCategory.VULNERABLE], withheld: [] };
  const domesticAbuse = [{ category: EnhancedRightsCategory.MOST_SERIOUS_CRIME, reason: EnhancedRightsReason.DOMESTIC_ABUSE, from: at("2025-06-01T09:00:00Z") }];
  const days = (results: EntitlementAssessment[]) => results.map((r) => [r.triggeringEvent.id, r.workingDaysAllowed, r.enhancedRightsReasons]);

  it("gives the recorded category to the decisions after its date, not before", () => {
    const results = assessEntitlements(input({ enhancedRightsRecorded: [vulnerableFrom9June], policeEvents: [first, second] }), { now: LATER });
    expect(days(results)).toEqual([
      ["first", 5, []],
      ["second", 1, [EnhancedRightsReason.RECORDED]],
    ]);
  });

  it("lets the latest record in force decide: a later record without the category ends it", () => {
    const ended = { from: at("2025-06-10T09:00:00Z"), categories: [], withheld: [] };
    const results = assessEntitlements(input({ enhancedRightsRecorded: [ended, vulnerableFrom9June], policeEvents: [first, second] }), { now: LATER });
    expect(days(results)).toEqual([
      ["first", 5, []],
      ["second", 5, []],
    ]);
  });

  it("withholds a worked-out reason from the record's date on, with the other reasons kept", () => {
    const flagInError = { from: at("2025-06-09T09:00:00Z"), categories: [], withheld: [EnhancedRightsReason.DOMESTIC_ABUSE] };
    const stalking = [...domesticAbuse, { category: EnhancedRightsCategory.PERSISTENTLY_TARGETED, reason: EnhancedRightsReason.STALKING, from: at("2025-06-10T09:00:00Z") }];
    const results = assessEntitlements(input({ enhancedRightsFrom: stalking, enhancedRightsRecorded: [flagInError], policeEvents: [first, second] }), { now: LATER });
    expect(days(results)).toEqual([
      ["first", 1, [EnhancedRightsReason.DOMESTIC_ABUSE]],
      ["second", 1, [EnhancedRightsReason.STALKING]],
    ]);
  });

  it("refuses to withhold RECORDED, which is not worked out from the crime", () => {
    const bad = { from: at("2025-06-09T09:00:00Z"), categories: [], withheld: [EnhancedRightsReason.RECORDED] };
    expect(() => assessEntitlements(input({ enhancedRightsRecorded: [bad], policeEvents: [first] }), { now: LATER })).toThrow(VictimsCodeInputError);
  });
});
