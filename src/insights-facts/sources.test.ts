import "reflect-metadata";
import { Borough } from "../platform/domain";
import type { CaseFact } from "../subgraphs/victims/facts/facts.service";
import { caseChanges } from "./sources";

describe("a GMVS case's facts", () => {
  it("counts each Victims' Code entitlement in the month its duty arose, not the month the case opened", () => {
    const kase = {
      caseId: "00000000-0000-4000-8000-000000000001",
      openedMonth: "2026-09",
      borough: Borough.WIGAN,
      thematicLead: "STALKING",
      referralRoute: null,
      status: "OPEN",
      closureReason: null,
      referralDeclined: false,
      referredAt: new Date("2026-09-02T09:00:00Z"),
      firstContactAt: null,
      reportedToPolice: true,
      crime: null,
      ageBand: null,
      sex: null,
      ethnicity: null,
      disability: null,
      firstContactHours: null,
      entitlements: [
        { entitlement: "R4_REFERRAL_TO_SUPPORT_SERVICES", right: 4, month: "2026-09", enhancedRights: false, status: "MET" },
        { entitlement: "R8_TOLD_OF_HEARING_OUTCOME", right: 8, month: "2026-11", enhancedRights: false, status: "MISSED" },
      ],
      surveys: [],
    } as unknown as CaseFact;
    const months = caseChanges(kase).flatMap((f) => (f.kind === "entitlement" ? [[f.entitlement, f.month]] : []));
    expect(months).toEqual([
      ["R4_REFERRAL_TO_SUPPORT_SERVICES", "2026-09"],
      ["R8_TOLD_OF_HEARING_OUTCOME", "2026-11"],
    ]);
  });
});
