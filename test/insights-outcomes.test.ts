import { emptyCaseRecord, OutcomeMeasureKind, PartnerCode } from "../connectors/partners";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { EVIDENCE_TABLE, EvidenceTable, expectPublished } from "./support/evidence";
import { graphql, refreshThroughFeeds, startTestHub, TEST_GATEWAY_SIGNING_KEY, TestHub } from "./support/hub";
import { addPartnerRecords } from "./support/partners";
import { policeReferral } from "./stories/support";

/**
 * Cope-and-recover outcomes in the evidence base: measured by a partner in
 * its own system, read by the partners subgraph from the partner's change
 * feed, given to insights over the partners' outcome fact feed, and counted
 * as a rate (better at the latest measurement than at the first) by outcome
 * area, month and area under disclosure control.
 */
let hub: TestHub;
beforeAll(async () => {
  // An hour between scheduled refreshes: the test's own refreshes are the ones that count.
  hub = await startTestHub({ GATEWAY_SIGNING_KEY: TEST_GATEWAY_SIGNING_KEY, INSIGHTS_REFRESH_MS: "3600000" });
});
afterAll(async () => {
  await hub?.close();
});

const refresh = () => refreshThroughFeeds(hub);

const londonMonth = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" }).format(at);
const DAY = 86_400_000;

let measured = 0;
/** Pankhurst's record for the case, holding these outcome scores, oldest first, a week apart and ending `endedDaysAgo` days ago. */
async function pankhurstMeasures(caseId: string, scores: [OutcomeMeasureKind, number[]][], endedDaysAgo = 1): Promise<void> {
  const record = emptyCaseRecord(PartnerCode.PANKHURST, caseId);
  for (const [measure, values] of scores) {
    values.forEach((value, i) => {
      measured += 1;
      const at = new Date(Date.now() - (endedDaysAgo + 7 * (values.length - 1 - i)) * DAY);
      record.outcomes.push({ id: `PK-OM-T${measured}`, gmvsCaseId: caseId, measure, value, recordedAt: at.toISOString() });
    });
  }
  await addPartnerRecords(hub.sources, PartnerCode.PANKHURST, [record]);
}

const commissioner = () => hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING });


const BOROUGH = "BURY";
const MONTH = londonMonth(new Date(Date.now() - DAY));

describe("cope-and-recover outcomes in the evidence base", () => {
  beforeAll(async () => {
    const first = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: BOROUGH as never, flags: { stalking: true } }, { sex: "FEMALE" });
    const second = await policeReferral(hub, { homeOfficeCode: "8N", description: "Assault with injury", borough: BOROUGH as never, flags: { domesticAbuse: true } }, { sex: "FEMALE" });
    // Feeling safer went from 2 to 4; coping stayed at 3; being informed was measured once, which shows no change.
    await pankhurstMeasures(first.caseId, [
      [OutcomeMeasureKind.FEELING_SAFER, [2, 4]],
      [OutcomeMeasureKind.BETTER_ABLE_TO_COPE, [3, 3]],
      [OutcomeMeasureKind.BETTER_INFORMED, [2]],
    ]);
    // Feeling safer rose then fell below where it began: the latest against the first, not the best.
    await pankhurstMeasures(second.caseId, [[OutcomeMeasureKind.FEELING_SAFER, [3, 5, 2]]]);
    expect((await refresh()).status).toBe("FINISHED");
  });

  it("stores one fact per outcome measured at least twice, improved when the latest score beats the first, in the month of the latest", async () => {
    const facts = await hub.db.dataSource.query(
      `SELECT outcome_area, improved, to_char(month, 'YYYY-MM') AS month, sex FROM insights.cope_recover_fact WHERE borough = $1 ORDER BY outcome_area, improved`,
      [BOROUGH],
    );
    expect(facts).toEqual([
      { outcome_area: "BETTER_ABLE_TO_COPE", improved: false, month: MONTH, sex: "FEMALE" },
      { outcome_area: "FEELING_SAFER", improved: false, month: MONTH, sex: "FEMALE" },
      { outcome_area: "FEELING_SAFER", improved: true, month: MONTH, sex: "FEMALE" },
    ]);
  });

  it("replaces an outcome's fact when the partner measures it again, rather than adding one", async () => {
    const third = await policeReferral(hub, { homeOfficeCode: "8N", description: "Assault with injury", borough: "ROCHDALE" as never, flags: { domesticAbuse: true } });
    await pankhurstMeasures(third.caseId, [[OutcomeMeasureKind.BETTER_INFORMED, [4, 3]]]);
    expect((await refresh()).status).toBe("FINISHED");
    const facts = () => hub.db.dataSource.query(`SELECT outcome_area, improved FROM insights.cope_recover_fact WHERE borough = 'ROCHDALE'`);
    expect(await facts()).toEqual([{ outcome_area: "BETTER_INFORMED", improved: false }]);

    await pankhurstMeasures(third.caseId, [[OutcomeMeasureKind.BETTER_INFORMED, [4, 3, 5]]]);
    expect((await refresh()).status).toBe("FINISHED");
    expect(await facts()).toEqual([{ outcome_area: "BETTER_INFORMED", improved: true }]);
  });

  it("gives COPE_AND_RECOVER by outcome area, never added up across areas, under disclosure control", async () => {
    const { body } = await graphql<EvidenceTable>(hub.url, EVIDENCE_TABLE, { measure: "COPE_AND_RECOVER", by: [], filter: { boroughs: [BOROUGH] } }, await commissioner());
    expect(body.errors).toBeUndefined();
    const table = body.data!.evidenceBase;
    expect(table.by).toEqual(["OUTCOME_AREA"]);
    expect(table.countUnit).toBe("outcomes measured at least twice");
    // Each area is its own question to the same people: no total across them.
    expect(table.cells.every((c) => c.coordinates.every((x) => x.value !== null))).toBe(true);
    const measuredTwice: Record<string, number> = { FEELING_SAFER: 2, BETTER_ABLE_TO_COPE: 1 };
    expect(table.cells.map((c) => c.coordinates[0]!.value).sort()).toEqual(["BETTER_ABLE_TO_COPE", "BETTER_INFORMED", "FEELING_SAFER", "IMPROVED_HEALTH_AND_WELLBEING"]);
    for (const cell of table.cells) {
      const truth = measuredTwice[cell.coordinates[0]!.value!] ?? 0;
      expectPublished(cell.count, truth, table.rule);
      // Fewer real observations than a rate needs, whatever the perturbed count says; nothing measured twice has no rate at all.
      if (truth === 0) expect(cell.rate).toMatchObject({ value: null, suppressed: false });
      else expect(cell.rate).toMatchObject({ value: null, suppressed: true });
    }

    // Only the areas asked for: none measured twice in Bury, so every count is a shown zero and no rate exists.
    const informed = await graphql<EvidenceTable>(hub.url, EVIDENCE_TABLE, { measure: "COPE_AND_RECOVER", by: [], filter: { boroughs: [BOROUGH], outcomeAreas: ["BETTER_INFORMED"] } }, await commissioner());
    expect(informed.body.errors).toBeUndefined();
    expect(informed.body.data!.evidenceBase.cells.map((c) => [c.coordinates[0]!.value, c.count.value, c.count.suppressed, c.rate?.value ?? null])).toEqual([
      ["BETTER_INFORMED", 0, false, null],
    ]);
  });

  it("refuses an outcome area on a measure that has none", async () => {
    const { body } = await graphql(hub.url, EVIDENCE_TABLE, { measure: "REFERRALS", by: ["OUTCOME_AREA"] }, await commissioner());
    expect(body.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
  });
});
