import {
  EntitlementCode,
  NoRuleVersionInForceError,
  PoliceEventKind,
  VICTIMS_CODE_2021,
  VICTIMS_CODE_RULE_VERSIONS,
  VictimsCodeRight,
  VictimsCodeRuleVersion,
  ruleVersionInForce,
} from "./rules";

describe("Victims' Code 2021 rule data", () => {
  it("holds the twelve rights, numbered 1 to 12, one per enum value", () => {
    expect(VICTIMS_CODE_2021.rights.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(VICTIMS_CODE_2021.rights.map((r) => r.right)).toEqual(Object.values(VictimsCodeRight));
  });

  it("came into force on 1 April 2021", () => {
    expect(VICTIMS_CODE_2021.effectiveFrom).toBe("2021-04-01");
  });

  it("allows 2 working days for referral, 5 (1 enhanced) for key decisions, hearing outcomes and the VPS offer, 1 for the case's outcome and 10 for the Victim Contact Scheme", () => {
    const byCode = new Map(VICTIMS_CODE_2021.timeliness.map((rule) => [rule.entitlement, rule]));
    expect(byCode.get(EntitlementCode.R4_REFERRAL_TO_SUPPORT_SERVICES)).toMatchObject({
      standardWorkingDays: 2,
      enhancedWorkingDays: 2,
      victimMayDecline: true,
    });
    expect(byCode.get(EntitlementCode.R6_TOLD_OF_KEY_DECISION)).toMatchObject({
      standardWorkingDays: 5,
      enhancedWorkingDays: 1,
      victimMayDecline: false,
    });
    expect(byCode.get(EntitlementCode.R7_VPS_OFFERED)).toMatchObject({ standardWorkingDays: 5, enhancedWorkingDays: 1, confirmation: "M" });
    expect(byCode.get(EntitlementCode.R8_TOLD_OF_HEARING_OUTCOME)).toMatchObject({ standardWorkingDays: 5, enhancedWorkingDays: 1 });
    expect(byCode.get(EntitlementCode.R9_TOLD_OF_CASE_OUTCOME)).toMatchObject({ standardWorkingDays: 1, enhancedWorkingDays: 1 });
    expect(byCode.get(EntitlementCode.R11_REFERRED_TO_VICTIM_CONTACT_SCHEME)).toMatchObject({ standardWorkingDays: 10, enhancedWorkingDays: 10 });
    expect(byCode.get(EntitlementCode.R11_REFERRED_TO_VICTIM_CONTACT_SCHEME)?.eligibilityNotHeld).toMatch(/12 months/);
  });

  it("has a rule for every entitlement code and a source beside every rule and trigger", () => {
    expect(VICTIMS_CODE_2021.timeliness.map((r) => r.entitlement).sort()).toEqual(Object.values(EntitlementCode).sort());
    for (const rule of VICTIMS_CODE_2021.timeliness) {
      expect(rule.source).toMatch(/^https?:\/\//);
      for (const trigger of rule.triggers) expect(trigger.source).toMatch(/^https?:\/\//);
    }
  });

  it("starts a clock for every police event kind", () => {
    const triggered = new Set(VICTIMS_CODE_2021.timeliness.flatMap((r) => r.triggers.map((t) => t.event)));
    expect([...triggered].sort()).toEqual(Object.values(PoliceEventKind).sort());
  });
});

describe("ruleVersionInForce", () => {
  const later: VictimsCodeRuleVersion = { ...VICTIMS_CODE_2021, id: "later", effectiveFrom: "2026-06-01" };

  it.each([
    ["2021-04-01", "victims-code-2021", "on the day the 2021 Code came into force"],
    ["2026-05-31", "victims-code-2021", "the day before a later version"],
    ["2026-06-01", "later", "the day a later version takes effect"],
    ["2030-01-01", "later", "long after"],
  ])("on %s chooses %s (%s)", (date, id) => {
    expect(ruleVersionInForce(date, [later, VICTIMS_CODE_2021]).id).toBe(id);
  });

  it("refuses a date before any version", () => {
    expect(() => ruleVersionInForce("2021-03-31")).toThrow(NoRuleVersionInForceError);
  });

  it("refuses two versions taking effect on the same date", () => {
    expect(() => ruleVersionInForce("2026-06-02", [VICTIMS_CODE_2021, later, { ...later, id: "twin" }])).toThrow(/Two/);
  });

  it("ships only the 2021 Code today", () => {
    expect(VICTIMS_CODE_RULE_VERSIONS.map((v) => v.id)).toEqual(["victims-code-2021"]);
  });
});
