import { ChangeBatch, SourceUnavailableError } from "../../../../connectors/contract";
import { AgeGroup, emptyCaseRecord, NrmDecisionOutcome, NrmSubmissionKind, PartnerCaseRecord, PartnerCode, PartnerConnector } from "../../../../connectors/partners";
import { ModernSlaveryFactsService } from "./modern-slavery-facts.service";

const CASE = "00000000-0000-4000-8000-0000000000d1";

/** Challenger's change feed over fixed records, one record a change, the cursor the count read; `down` makes it unreachable. */
function challengerFeed(records: PartnerCaseRecord[], state = { down: false }): PartnerConnector {
  return {
    partner: PartnerCode.CHALLENGER,
    source: "challenger",
    async changesSince(cursor: string | null, limit: number): Promise<ChangeBatch<PartnerCaseRecord>> {
      if (state.down) throw new SourceUnavailableError("challenger", "NETWORK", "down");
      const from = cursor === null ? 0 : Number(cursor);
      const items = records.slice(from, from + limit);
      return { items, cursor: String(from + items.length), hasMore: from + items.length < records.length };
    },
  } as unknown as PartnerConnector;
}

function challengerRecord(caseId = CASE): PartnerCaseRecord {
  return { ...emptyCaseRecord(PartnerCode.CHALLENGER, caseId), challenger: { nrmSubmissions: [], placeOfSafetyStays: [], navigatorContacts: [] } };
}

describe("Challenger's modern-slavery facts", () => {
  it("give each submission's kind, when it was submitted and its decisions so far, and nothing of the survivor's age or consent", async () => {
    const record = challengerRecord();
    record.challenger!.nrmSubmissions.push(
      {
        id: "SYN-NRM-1",
        gmvsCaseId: CASE,
        kind: NrmSubmissionKind.NRM,
        ageGroup: AgeGroup.ADULT,
        consentGiven: true,
        submittedAt: "2026-09-01T10:00:00Z",
        reasonableGrounds: { decision: NrmDecisionOutcome.POSITIVE, decidedAt: "2026-09-05T10:00:00Z" },
        conclusiveGrounds: null,
      },
      { id: "SYN-DTN-2", gmvsCaseId: CASE, kind: NrmSubmissionKind.DUTY_TO_NOTIFY, ageGroup: AgeGroup.ADULT, consentGiven: false, submittedAt: "2026-09-02T10:00:00Z", reasonableGrounds: null, conclusiveGrounds: null },
    );
    const page = await new ModernSlaveryFactsService(new Map([[PartnerCode.CHALLENGER, challengerFeed([record])]])).nrmSubmissionsChangedSince(null, 10);
    expect(page.facts).toEqual([
      { caseId: CASE, submissionId: "SYN-NRM-1", kind: NrmSubmissionKind.NRM, submittedAt: new Date("2026-09-01T10:00:00Z"), reasonableGrounds: NrmDecisionOutcome.POSITIVE, conclusiveGrounds: null },
      { caseId: CASE, submissionId: "SYN-DTN-2", kind: NrmSubmissionKind.DUTY_TO_NOTIFY, submittedAt: new Date("2026-09-02T10:00:00Z"), reasonableGrounds: null, conclusiveGrounds: null },
    ]);
    expect(JSON.stringify(page.facts)).not.toMatch(/ADULT|consent|decidedAt/);
  });

  it("give each place-of-safety stay's start and end, and leave out one that ends before it begins", async () => {
    const record = challengerRecord();
    record.challenger!.placeOfSafetyStays.push(
      { id: "SYN-POS-1", gmvsCaseId: CASE, from: "2026-09-01T10:00:00Z", to: "2026-09-04T10:00:00Z" },
      { id: "SYN-POS-2", gmvsCaseId: CASE, from: "2026-10-01T10:00:00Z", to: null },
      { id: "SYN-POS-3", gmvsCaseId: CASE, from: "2026-10-05T10:00:00Z", to: "2026-10-04T10:00:00Z" },
    );
    const page = await new ModernSlaveryFactsService(new Map([[PartnerCode.CHALLENGER, challengerFeed([record])]])).placeOfSafetyStaysChangedSince(null, 10);
    expect(page.facts).toEqual([
      { caseId: CASE, stayId: "SYN-POS-1", startedAt: new Date("2026-09-01T10:00:00Z"), endedAt: new Date("2026-09-04T10:00:00Z") },
      { caseId: CASE, stayId: "SYN-POS-2", startedAt: new Date("2026-10-01T10:00:00Z"), endedAt: null },
    ]);
  });

  it("fail while Challenger does not answer, so the reader keeps its place, and read on from the cursor once it does", async () => {
    const state = { down: false };
    const service = new ModernSlaveryFactsService(new Map([[PartnerCode.CHALLENGER, challengerFeed([challengerRecord(), challengerRecord()], state)]]));
    const first = await service.placeOfSafetyStaysChangedSince(null, 1);
    expect(first).toMatchObject({ watermark: { cursor: "1" }, hasMore: true });
    state.down = true;
    await expect(service.placeOfSafetyStaysChangedSince(first.watermark, 1)).rejects.toBeInstanceOf(SourceUnavailableError);
    state.down = false;
    expect(await service.placeOfSafetyStaysChangedSince(first.watermark, 1)).toMatchObject({ watermark: { cursor: "2" }, hasMore: false });
  });
});
