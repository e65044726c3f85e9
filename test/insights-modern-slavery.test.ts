import { Client } from "pg";
import { PartnerCode } from "../connectors/partners";
import { SYNTHETIC_GMVS_CASE_IDS as CASE } from "../connectors/synthetic";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { EVIDENCE_TABLE, EvidenceTable, expectPublished } from "./support/evidence";
import { graphql, refreshThroughFeeds, startTestHub, TEST_GATEWAY_SIGNING_KEY, TestHub } from "./support/hub";

/**
 * Challenger's modern-slavery work in the evidence base: NRM referrals, Duty
 * to Notify returns and place-of-safety stays, held in Challenger's own
 * database (its stand-in's synthetic seed: an adult's NRM referral with
 * positive reasonable grounds, a child's with positive conclusive grounds, an
 * adult's Duty to Notify return, and one five-day stay, all in October 2026),
 * read by the partners subgraph from Challenger's change feed, given to
 * insights over its fact feeds, and counted under disclosure control.
 */
let hub: TestHub;
beforeAll(async () => {
  // An hour between scheduled refreshes: the test's own refreshes are the ones that count.
  hub = await startTestHub({ GATEWAY_SIGNING_KEY: TEST_GATEWAY_SIGNING_KEY, INSIGHTS_REFRESH_MS: "3600000" });
  // GMVS cases for Challenger's synthetic survivors (the GMVS seed holds none): a fact takes its context from its case.
  for (const [id, ref] of [
    [CASE.trafficking, "GMVS-TEST-0005"],
    [CASE.traffickingChild, "GMVS-TEST-0006"],
    [CASE.traffickingNoConsent, "GMVS-TEST-0007"],
  ]) {
    await hub.db.dataSource.query(
      `INSERT INTO victims."case" (id, case_reference, borough, thematic_lead, status, opened_at) VALUES ($1, $2, $3, 'GENERAL', 'OPEN', '2026-10-21T10:00:00Z')`,
      [id, ref, BOROUGH],
    );
  }
  expect((await refresh()).status).toBe("FINISHED");
});
afterAll(async () => {
  await hub?.close();
});

const BOROUGH = "OLDHAM";

const refresh = () => refreshThroughFeeds(hub);

/**
 * A statement on Challenger's own database, as its staff's system would make
 * it. An embedded stand-in serves one session at a time, so a refused
 * connection is tried again while the hub's connector holds it.
 */
async function inChallenger(sql: string, params: unknown[]): Promise<void> {
  const url = hub.sources.standIns.partners.get(PartnerCode.CHALLENGER)!.options.databaseUrl!;
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString: url });
    client.on("error", () => undefined);
    try {
      await client.connect();
    } catch (error) {
      if (attempt >= 200) throw error;
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      await client.query(sql, params);
      return;
    } finally {
      await client.end();
    }
  }
}

const commissioner = () => hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING });


const nrmFacts = () =>
  hub.db.dataSource.query(`SELECT submission_kind, nrm_stage, to_char(month, 'YYYY-MM') AS month FROM insights.nrm_submission_fact WHERE borough = $1 ORDER BY nrm_stage`, [BOROUGH]);

describe("Challenger's NRM submissions and place-of-safety stays in the evidence base", () => {
  it("stores one fact per submission, in the month submitted, at the stage its decisions have reached, a Duty to Notify return not for decision", async () => {
    expect(await nrmFacts()).toEqual([
      { submission_kind: "DUTY_TO_NOTIFY", nrm_stage: "NOT_FOR_DECISION", month: "2026-10" },
      { submission_kind: "NRM", nrm_stage: "POSITIVE_CONCLUSIVE_GROUNDS", month: "2026-10" },
      { submission_kind: "NRM", nrm_stage: "POSITIVE_REASONABLE_GROUNDS", month: "2026-10" },
    ]);
  });

  it("stores one fact per place-of-safety stay, in the month it began, by how long it lasted", async () => {
    expect(await hub.db.dataSource.query(`SELECT stay_length, to_char(month, 'YYYY-MM') AS month FROM insights.place_of_safety_stay_fact WHERE borough = $1`, [BOROUGH])).toEqual([
      { stay_length: "UNDER_1_WEEK", month: "2026-10" },
    ]);
  });

  it("moves a submission on to its new stage when the Competent Authority decides, rather than adding one", async () => {
    await inChallenger(`UPDATE challenger.nrm_submission SET cg_decision = 'NEGATIVE', cg_decided_at = '2026-11-30T10:00:00Z' WHERE id = 'CH-NRM-0005'`, []);
    expect((await refresh()).status).toBe("FINISHED");
    expect((await nrmFacts()).map((f: { nrm_stage: string }) => f.nrm_stage)).toEqual(["NEGATIVE_CONCLUSIVE_GROUNDS", "NOT_FOR_DECISION", "POSITIVE_CONCLUSIVE_GROUNDS"]);
  });

  it("gives NRM_SUBMISSIONS by kind and stage under disclosure control, whatever the record keys", async () => {
    const { body } = await graphql<EvidenceTable>(
      hub.url,
      EVIDENCE_TABLE,
      { measure: "NRM_SUBMISSIONS", by: ["SUBMISSION_KIND"], filter: { boroughs: [BOROUGH], fromMonth: "2026-10", toMonth: "2026-10" } },
      await commissioner(),
    );
    expect(body.errors).toBeUndefined();
    const table = body.data!.evidenceBase;
    expect(table.countUnit).toBe("NRM referrals and Duty to Notify returns");
    expect(table.footnotes.join(" ")).toContain("not the national NRM statistics");
    const truth: Record<string, number> = { NRM: 2, DUTY_TO_NOTIFY: 1, TOTAL: 3 };
    expect(table.cells.map((c) => c.coordinates[0]!.value ?? "TOTAL").sort()).toEqual(["DUTY_TO_NOTIFY", "NRM", "TOTAL"]);
    for (const cell of table.cells) expectPublished(cell.count, truth[cell.coordinates[0]!.value ?? "TOTAL"]!, table.rule);

  });

  it("serves NRM_STAGE only with SUBMISSION_KIND, for Greater Manchester, for all time or whole calendar years, and refuses anything finer", async () => {
    const ask = async (by: string[], filter: Record<string, unknown> = {}) =>
      (await graphql<EvidenceTable>(hub.url, EVIDENCE_TABLE, { measure: "NRM_SUBMISSIONS", by, filter }, await commissioner())).body;
    const served: [string[], Record<string, unknown>][] = [
      [["SUBMISSION_KIND", "NRM_STAGE"], {}],
      [["NRM_STAGE"], { fromMonth: "2026-01", toMonth: "2026-12" }],
      [["SUBMISSION_KIND"], { nrmStages: ["AWAITING_REASONABLE_GROUNDS"] }],
      [["BOROUGH", "SUBMISSION_KIND"], { fromMonth: "2026-10", toMonth: "2026-12" }],
    ];
    for (const [by, filter] of served) expect({ by, filter, errors: (await ask(by, filter)).errors }).toEqual({ by, filter, errors: undefined });
    // The auditor pinned a lone decision from borough × stage a quarter at a time: an area, a month, who the victims were, or part of a year.
    const refused: [string[], Record<string, unknown>][] = [
      [["BOROUGH", "NRM_STAGE"], {}],
      [["NRM_STAGE"], { boroughs: [BOROUGH] }],
      [["SUBMISSION_KIND"], { boroughs: [BOROUGH], nrmStages: ["AWAITING_REASONABLE_GROUNDS"] }],
      [["MONTH", "NRM_STAGE"], {}],
      [["NRM_STAGE", "ETHNIC_GROUP"], {}],
      [["NRM_STAGE"], { fromMonth: "2026-01", toMonth: "2026-03" }],
      [["NRM_STAGE"], { fromMonth: "2026-02", toMonth: "2027-01" }],
      [["NRM_STAGE"], { fromMonth: "2026-01" }],
    ];
    for (const [by, filter] of refused) {
      const body = await ask(by, filter);
      expect({ by, filter, data: body.data, refusal: body.errors?.[0]?.extensions }).toEqual({
        by,
        filter,
        data: null,
        refusal: expect.objectContaining({ code: "INVALID_INPUT", reason: "FINER_THAN_PUBLISHED", dimension: "NRM_STAGE" }),
      });
    }
  });

  it("gives PLACE_OF_SAFETY_STAYS by length of stay under disclosure control, whatever the record keys", async () => {
    const { body } = await graphql<EvidenceTable>(hub.url, EVIDENCE_TABLE, { measure: "PLACE_OF_SAFETY_STAYS", by: ["STAY_LENGTH"], filter: { boroughs: [BOROUGH] } }, await commissioner());
    expect(body.errors).toBeUndefined();
    const table = body.data!.evidenceBase;
    expect(table.countUnit).toBe("place-of-safety stays");
    for (const cell of table.cells) {
      const value = cell.coordinates[0]!.value;
      expectPublished(cell.count, value === null || value === "UNDER_1_WEEK" ? 1 : 0, table.rule);
    }
  });

  it.each([
    ["REFERRALS", ["NRM_STAGE"]],
    ["PLACE_OF_SAFETY_STAYS", ["SUBMISSION_KIND"]],
    ["NRM_SUBMISSIONS", ["STAY_LENGTH"]],
  ])("refuses %s by %s, a split it does not have", async (measure, by) => {
    const { body } = await graphql(hub.url, EVIDENCE_TABLE, { measure, by }, await commissioner());
    expect(body.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
  });
});
