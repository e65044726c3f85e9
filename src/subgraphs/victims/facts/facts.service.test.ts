import { SYNTHETIC_CASE_IDS } from "../../../platform/synthetic";
import { graphql, startTestHub, TestHub } from "../../../../test/support/hub";
import { OrganisationCode } from "../../../platform/domain";
import { CaseService } from "../cases/case.service";
import { ContactService } from "../contacts/contact.service";
import { VictimService } from "../people/victim.service";
import { SurveyService } from "../survey/survey.service";
import { SEED_VICTIMS } from "../seed";
import { CaseFact, CaseFactsService } from "./facts.service";

let hub: TestHub;
let facts: CaseFactsService;
beforeAll(async () => {
  hub = await startTestHub();
  const ds = hub.db.dataSource;
  const cases = new CaseService(ds);
  facts = new CaseFactsService(cases, new VictimService(ds), new ContactService(ds), new SurveyService(ds), hub.sources.police);
});
afterAll(async () => {
  await hub?.close();
});
afterEach(() => hub.sources.standIns.police?.setMode("up"));

async function allFacts(): Promise<CaseFact[]> {
  const result: CaseFact[] = [];
  let watermark = null;
  for (let pages = 0; pages < 1000; pages++) {
    const batch = await facts.changedSince(watermark, 2);
    result.push(...batch.facts);
    watermark = batch.watermark;
    if (!batch.hasMore) return result;
  }
  throw new Error("the feed never ended: the watermark does not move past what it returned");
}

describe("the insights facts feed", () => {
  it("gives Client M's case as pseudonymised facts: month, borough, route, demographics, first contact, entitlements, survey", async () => {
    const clientM = (await allFacts()).find((f) => f.caseId === SYNTHETIC_CASE_IDS.clientM);
    expect(clientM).toEqual({
      caseId: SYNTHETIC_CASE_IDS.clientM,
      openedMonth: "2026-09",
      borough: "MANCHESTER",
      thematicLead: "STALKING",
      referralRoute: "POLICE",
      status: "OPEN",
      closureReason: null,
      referralDeclined: false,
      referredAt: new Date("2026-09-02T09:00:00Z"),
      firstContactAt: new Date("2026-09-02T11:00:00Z"),
      reportedToPolice: true,
      crime: { homeOfficeCode: "8Q", flags: expect.objectContaining({ stalking: true }) },
      ageBand: "AGE_35_44",
      sex: "FEMALE",
      ethnicity: "WHITE",
      disability: "NOT_DISABLED",
      firstContactHours: 2,
      entitlements: [
        { entitlement: "R4_REFERRAL_TO_SUPPORT_SERVICES", right: 4, month: "2026-09", enhancedRights: true, status: "MET" },
        { entitlement: "R3_INFORMATION_ON_REPORTING", right: 3, month: "2026-09", enhancedRights: true, status: "MISSED" },
        { entitlement: "R6_TOLD_OF_KEY_DECISION", right: 6, month: "2026-09", enhancedRights: true, status: "MET" },
        { entitlement: "R6_TOLD_OF_KEY_DECISION", right: 6, month: "2026-09", enhancedRights: true, status: "MET" },
        { entitlement: "R6_TOLD_OF_KEY_DECISION", right: 6, month: "2026-09", enhancedRights: true, status: "MET" },
        { entitlement: "R6_TOLD_OF_KEY_DECISION", right: 6, month: "2026-09", enhancedRights: true, status: "LATE" },
        { entitlement: "R7_VPS_OFFERED", right: 7, month: "2026-09", enhancedRights: true, status: "MISSED" },
        // The first hearing, in October: counted in the month the duty arose.
        { entitlement: "R8_TOLD_OF_HEARING_OUTCOME", right: 8, month: "2026-10", enhancedRights: true, status: "MET" },
      ],
      surveys: [{ overall: 4, rightScores: [1, 2, 3, 4, 5, 6, 7].map((right) => ({ right, score: right === 6 ? 3 : 4 })) }],
      // Her SPO, applied for in September and granted: kind, latest status and month, never the police's order id.
      protectiveOrders: [{ kind: "STALKING_PROTECTION_ORDER", status: "GRANTED", appliedMonth: "2026-09" }],
    });
  });

  it("carries no name, date of birth, contact detail, worker, crime reference or id but the case id", async () => {
    const text = JSON.stringify(await allFacts());
    for (const victim of SEED_VICTIMS) {
      for (const value of [victim.id, victim.familyName, victim.dateOfBirth, victim.email, victim.phone, victim.postcode, victim.policeVictimRef]) {
        if (value) expect(text).not.toContain(value);
      }
    }
    expect(text).not.toMatch(/SYN\/\d+\/26|SYN-UPDATE|SYN-ORDER|Caseworker/);
  });

  it("returns only cases changed after the watermark, and the same watermark when none changed", async () => {
    const { watermark } = await facts.changedSince(null, 1000);
    expect((await facts.changedSince(watermark, 10)).facts).toEqual([]);
    const gmvs = await hub.as({ organisation: OrganisationCode.GMVS });
    const { body } = await graphql(
      hub.url,
      `mutation($id: ID!) { recordSurveyResponse(caseId: $id, input: { overall: 5, rightScores: [{ right: 1, score: 5 }] }) { id } }`,
      { id: SYNTHETIC_CASE_IDS.coercive },
      gmvs,
    );
    expect(body.errors).toBeUndefined();
    const next = await facts.changedSince(watermark, 10);
    expect(next.facts.map((f) => f.caseId)).toEqual([SYNTHETIC_CASE_IDS.coercive]);
    expect(next.facts[0]?.surveys.at(-1)).toEqual({ overall: 5, rightScores: [{ right: 1, score: 5 }] });
  });

  it("marks entitlements and protective orders unknown, not empty, when the police source is down", async () => {
    hub.sources.standIns.police?.setMode("down");
    const batch = await facts.changedSince(null, 100);
    expect(batch.policeUnavailable).toBe(true);
    expect(batch.facts.length).toBeGreaterThan(0);
    for (const fact of batch.facts) {
      expect(fact.entitlements).toBeNull();
      expect(fact.protectiveOrders).toBeNull();
    }
  });
});
