import "reflect-metadata";
import { InvestigationUpdateKind } from "../../../../connectors/police/types";
import { ReferralRoute } from "../cases/case.types";
import { EntitlementCode, VICTIMS_CODE_2021 } from "../victims-code/rules";
import { complianceOf } from "./compliance";

/**
 * Which police update starts which Victims' Code clocks, through the case's
 * compliance as GMVS reads it. The table is written from Rights 6 to 11 of
 * the Code (the statutory source is beside each trigger in rules.ts), not
 * from update-kinds.ts, so a kind mapped to the wrong event, or to none,
 * fails here. Each expected clock: [entitlement, working days for a victim
 * without Enhanced Rights, and whether it runs without more facts].
 */
const R6 = EntitlementCode.R6_TOLD_OF_KEY_DECISION;
type Clock = [EntitlementCode, number | null];
const TOLD_OF_DECISION: Clock = [R6, 5];
const EXPECTED: Record<InvestigationUpdateKind, Clock[]> = {
  [InvestigationUpdateKind.ARREST]: [TOLD_OF_DECISION],
  [InvestigationUpdateKind.INTERVIEWED_UNDER_CAUTION]: [TOLD_OF_DECISION],
  [InvestigationUpdateKind.RELEASED_ON_BAIL_WITH_CONDITIONS]: [TOLD_OF_DECISION],
  [InvestigationUpdateKind.BAIL_CONDITIONS_CHANGED]: [TOLD_OF_DECISION],
  [InvestigationUpdateKind.RELEASED_UNDER_INVESTIGATION]: [TOLD_OF_DECISION],
  [InvestigationUpdateKind.RELEASED_WITHOUT_CHARGE]: [TOLD_OF_DECISION],
  // A charge is told of (Right 6) and brings the offer of a Victim Personal Statement (Right 7).
  [InvestigationUpdateKind.CHARGED]: [TOLD_OF_DECISION, [EntitlementCode.R7_VPS_OFFERED, 5]],
  [InvestigationUpdateKind.NO_FURTHER_ACTION]: [TOLD_OF_DECISION],
  [InvestigationUpdateKind.DECISION_NOT_TO_INVESTIGATE]: [TOLD_OF_DECISION],
  [InvestigationUpdateKind.OUT_OF_COURT_DISPOSAL]: [TOLD_OF_DECISION],
  [InvestigationUpdateKind.COURT_HEARING]: [[EntitlementCode.R8_TOLD_OF_HEARING_OUTCOME, 5]],
  [InvestigationUpdateKind.VERDICT]: [[EntitlementCode.R9_TOLD_OF_CASE_OUTCOME, 1]],
  // Right 11 needs the offence and the sentence's length, which the update does not carry: untimed until a referral is recorded.
  [InvestigationUpdateKind.SENTENCE]: [[EntitlementCode.R9_TOLD_OF_CASE_OUTCOME, 1], [EntitlementCode.R11_REFERRED_TO_VICTIM_CONTACT_SCHEME, null]],
};

/** Monday 1 June 2026 plus 1 or 5 working days. */
const DUE: Record<number, Date> = { 1: new Date("2026-06-02T22:59:59.999Z"), 5: new Date("2026-06-08T22:59:59.999Z") };

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
    const clocks = EXPECTED[kind].map(([entitlement, days]) =>
      days === null
        ? { entitlement, workingDaysAllowed: null, dueAt: null, status: "NOT_APPLICABLE", exception: "ELIGIBILITY_NOT_HELD" }
        : { entitlement, workingDaysAllowed: days, dueAt: DUE[days], status: "MISSED", exception: null },
    );
    expect(compliance.entitlements).toEqual(clocks.map((clock) => expect.objectContaining({ ...clock, ruleVersion: VICTIMS_CODE_2021.id })));
  });
});
