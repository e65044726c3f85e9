import "reflect-metadata";
import { InvestigationUpdateKind } from "../../../../connectors/police/types";
import { ReferralRoute } from "../cases/case.types";
import { EntitlementCode, VICTIMS_CODE_2021 } from "../victims-code/rules";
import { complianceOf } from "./compliance";

/**
 * Which police update starts which Victims' Code clock, through the case's
 * compliance as GMVS reads it. The table is written from Right 6 of the Code
 * (the statutory source is beside each trigger in rules.ts), not from
 * update-kinds.ts, so a kind mapped to the wrong event, or to none, fails here.
 */
const RIGHT_6 = EntitlementCode.R6_TOLD_OF_KEY_DECISION;
const EXPECTED: Record<InvestigationUpdateKind, EntitlementCode | null> = {
  [InvestigationUpdateKind.ARREST]: RIGHT_6,
  [InvestigationUpdateKind.INTERVIEWED_UNDER_CAUTION]: RIGHT_6,
  [InvestigationUpdateKind.RELEASED_ON_BAIL_WITH_CONDITIONS]: RIGHT_6,
  [InvestigationUpdateKind.BAIL_CONDITIONS_CHANGED]: RIGHT_6,
  [InvestigationUpdateKind.RELEASED_UNDER_INVESTIGATION]: RIGHT_6,
  [InvestigationUpdateKind.RELEASED_WITHOUT_CHARGE]: RIGHT_6,
  [InvestigationUpdateKind.CHARGED]: RIGHT_6,
  [InvestigationUpdateKind.NO_FURTHER_ACTION]: RIGHT_6,
  [InvestigationUpdateKind.DECISION_NOT_TO_INVESTIGATE]: RIGHT_6,
  [InvestigationUpdateKind.OUT_OF_COURT_DISPOSAL]: RIGHT_6,
  // Court dates and outcomes fall under Rights 8 and 9, which the hub does not time yet.
  [InvestigationUpdateKind.COURT_HEARING]: null,
  [InvestigationUpdateKind.VERDICT]: null,
  [InvestigationUpdateKind.SENTENCE]: null,
};

const kase = {
  id: "case-1",
  referralRoute: ReferralRoute.SELF,
  crimeReportedAt: null,
  referralReceivedAt: null,
  referralDeclined: false,
  enhancedRights: [],
};

describe("police updates and the clocks they start", () => {
  it.each(Object.values(InvestigationUpdateKind))("%s", (kind) => {
    const update = { id: "u1", crimeReference: "SYN/000001/26", kind, occurredAt: "2026-06-01T10:00:00.000Z", summary: "Synthetic" };
    const compliance = complianceOf(kase, { updates: [update], contacts: [] }, new Date("2026-07-01T00:00:00Z"));
    const expected = EXPECTED[kind];
    expect(compliance.entitlements?.map((e) => e.entitlement)).toEqual(expected ? [expected] : []);
    if (expected) {
      // 5 working days from Monday 1 June 2026: Monday 8 June, untold by 1 July.
      expect(compliance.entitlements?.[0]).toMatchObject({ workingDaysAllowed: 5, dueAt: new Date("2026-06-08T22:59:59.999Z"), status: "MISSED", ruleVersion: VICTIMS_CODE_2021.id });
    }
  });
});
