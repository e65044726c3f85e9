import { ChangeBatch, SourceUnavailableError } from "../../../../connectors/contract";
import { emptyCaseRecord, OutcomeMeasureKind, PartnerCaseRecord, PartnerCode, PartnerConnector } from "../../../../connectors/partners";
import { OutcomeFactsService } from "./outcome-facts.service";

const CASE = "00000000-0000-4000-8000-0000000000c1";

/** A partner's change feed over fixed records, one record a change, the cursor the count read; `down` makes it unreachable. */
function partnerFeed(partner: PartnerCode, records: PartnerCaseRecord[], state = { down: false }): PartnerConnector {
  return {
    partner,
    source: partner.toLowerCase(),
    async changesSince(cursor: string | null, limit: number): Promise<ChangeBatch<PartnerCaseRecord>> {
      if (state.down) throw new SourceUnavailableError(partner.toLowerCase(), "NETWORK", "down");
      const from = cursor === null ? 0 : Number(cursor);
      const items = records.slice(from, from + limit);
      return { items, cursor: String(from + items.length), hasMore: from + items.length < records.length };
    },
  } as unknown as PartnerConnector;
}

function measured(partner: PartnerCode, scores: [OutcomeMeasureKind, number, string][]): PartnerCaseRecord {
  const record = emptyCaseRecord(partner, CASE);
  scores.forEach(([measure, value, recordedAt], i) => record.outcomes.push({ id: `SYN-OM-${i}`, gmvsCaseId: CASE, measure, value, recordedAt }));
  return record;
}

describe("the partners' cope-and-recover outcome facts", () => {
  it("give each outcome measured at least twice, first and latest by when measured, not by the order the partner lists them", async () => {
    const record = measured(PartnerCode.PANKHURST, [
      [OutcomeMeasureKind.FEELING_SAFER, 4, "2026-10-07T10:00:00Z"],
      [OutcomeMeasureKind.FEELING_SAFER, 1, "2026-09-08T10:00:00Z"],
      [OutcomeMeasureKind.BETTER_INFORMED, 3, "2026-09-08T10:00:00Z"],
      // Off the 1 to 5 scale: not a score.
      [OutcomeMeasureKind.BETTER_INFORMED, 9, "2026-10-07T10:00:00Z"],
    ]);
    const page = await new OutcomeFactsService(new Map([[PartnerCode.PANKHURST, partnerFeed(PartnerCode.PANKHURST, [record])]])).changedSince(null, 10);
    expect(page.facts).toEqual([
      { caseId: CASE, partner: PartnerCode.PANKHURST, measure: OutcomeMeasureKind.FEELING_SAFER, first: 1, latest: 4, measuredAt: new Date("2026-10-07T10:00:00Z") },
    ]);
    expect(JSON.stringify(page.facts)).not.toContain("SYN-OM");
  });

  it("keeps a partner's cursor while it does not answer, and reads the others on", async () => {
    const hourglass = { down: true };
    const twice = (partner: PartnerCode) => measured(partner, [
      [OutcomeMeasureKind.BETTER_ABLE_TO_COPE, 2, "2026-09-01T10:00:00Z"],
      [OutcomeMeasureKind.BETTER_ABLE_TO_COPE, 3, "2026-10-01T10:00:00Z"],
    ]);
    const service = new OutcomeFactsService(
      new Map([
        [PartnerCode.PANKHURST, partnerFeed(PartnerCode.PANKHURST, [twice(PartnerCode.PANKHURST)])],
        [PartnerCode.HOURGLASS, partnerFeed(PartnerCode.HOURGLASS, [twice(PartnerCode.HOURGLASS)], hourglass)],
      ]),
    );
    const first = await service.changedSince(null, 10);
    expect(first.facts.map((f) => f.partner)).toEqual([PartnerCode.PANKHURST]);
    expect(first.watermark).toEqual({ cursors: { PANKHURST: "1" } });

    hourglass.down = false;
    const next = await service.changedSince(first.watermark, 10);
    expect(next.facts.map((f) => f.partner)).toEqual([PartnerCode.HOURGLASS]);
    expect(next.watermark).toEqual({ cursors: { PANKHURST: "1", HOURGLASS: "1" } });
    expect(next.hasMore).toBe(false);
  });
});
