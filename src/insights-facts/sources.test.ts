import "reflect-metadata";
import { Borough } from "../platform/domain";
import type { CaseFact } from "../subgraphs/victims/facts/facts.service";
import { CaseFactsFeed, caseChanges, MaracReferralFactSource, RiskFactsFeed } from "./sources";

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

  it("counts each protective order in the month it was applied for, by kind and where it has got to, keyed by its place in the case", () => {
    const kase = {
      caseId: "00000000-0000-4000-8000-000000000002",
      openedMonth: "2026-09",
      borough: Borough.BOLTON,
      referralRoute: null,
      reportedToPolice: true,
      crime: null,
      ageBand: null,
      sex: null,
      ethnicity: null,
      disability: null,
      entitlements: [],
      surveys: [],
      protectiveOrders: [
        { kind: "DOMESTIC_ABUSE_PROTECTION_NOTICE", status: "EXPIRED", appliedMonth: "2026-08" },
        { kind: "DOMESTIC_ABUSE_PROTECTION_ORDER", status: "INTERIM", appliedMonth: "2026-08" },
        { kind: "DOMESTIC_ABUSE_PROTECTION_ORDER", status: "BREACHED", appliedMonth: "2026-10" },
        { kind: "STALKING_PROTECTION_ORDER", status: "APPLIED", appliedMonth: "2026-11" },
      ],
    } as unknown as CaseFact;
    const orders = caseChanges(kase).flatMap((f) => (f.kind === "protective_order" ? [[f.sourceKey, f.month, f.orderKind, f.outcome]] : []));
    expect(orders).toEqual([
      ["case:00000000-0000-4000-8000-000000000002:order:0", "2026-08", "DAPN", "ISSUED"],
      ["case:00000000-0000-4000-8000-000000000002:order:1", "2026-08", "DAPO", "ISSUED"],
      ["case:00000000-0000-4000-8000-000000000002:order:2", "2026-10", "DAPO", "BREACHED"],
      ["case:00000000-0000-4000-8000-000000000002:order:3", "2026-11", "SPO", "APPLIED"],
    ]);
  });
});

describe("a partner record whose GMVS case is gone", () => {
  it("deletes the fact it gave, by the same key it was given under", async () => {
    const present = "00000000-0000-4000-8000-0000000000a1";
    const gone = "00000000-0000-4000-8000-0000000000a2";
    const marac = (id: string, caseId: string) => ({ maracReferralId: id, caseId, raisedAt: new Date("2026-10-05T10:00:00Z") });
    const risk = {
      assessmentsChangedSince: async () => ({ facts: [], watermark: null, hasMore: false }),
      maracReferralsChangedSince: async () => ({ facts: [marac("m-1", present), marac("m-2", gone)], watermark: null, hasMore: false }),
    } as unknown as RiskFactsFeed;
    const kase = { caseId: present, openedMonth: "2026-09", borough: Borough.WIGAN, referralRoute: null, reportedToPolice: true, crime: null, ageBand: null, sex: null, ethnicity: null, disability: null } as unknown as CaseFact;
    const cases = {
      changedSince: async () => ({ facts: [], watermark: null, policeUnavailable: false }),
      forCases: async (ids: string[]) => ({ facts: ids.map((id) => (id === present ? kase : null)), policeUnavailable: false }),
    } as unknown as CaseFactsFeed;
    const { facts } = await new MaracReferralFactSource(risk, cases).changesSince(null, 10);
    expect(facts.map((f) => [f.kind, "sourceKey" in f ? f.sourceKey : null])).toEqual([
      ["marac_referral", "marac:m-1"],
      ["deletion", "marac:m-2"],
    ]);
    expect(facts[1]).toEqual({ kind: "deletion", factKind: "marac_referral", sourceKey: "marac:m-2" });
  });
});
