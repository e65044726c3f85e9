import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { RiskFactsService } from "../src/subgraphs/partners/risk/risk-facts.service";
import { EVIDENCE_CSV, EVIDENCE_TABLE, EvidenceCell, expectPublished } from "./support/evidence";
import { graphql, refreshThroughFeeds, startTestHub, TEST_GATEWAY_SIGNING_KEY, TestHub } from "./support/hub";
import { testServerUrl } from "./support/store";
import { actors, consentTo, dashAnswers, policeReferral, RECORD_DASH, referralStep, referToRestore, send } from "./stories/support";

/**
 * Risk assessments and MARAC referrals in the evidence base: recorded by a
 * partner through the gateway, read by insights over the partners' risk fact
 * feeds, counted by tool, level, month and area under disclosure control.
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

const RECORD_SDASH = `mutation($caseId: ID!, $answers: [RiskAnswerInput!]!) {
  recordRiskAssessment(caseId: $caseId, tool: S_DASH, questionSetVersion: "s-dash@2009", answers: $answers) { id level maracReferralRequired } }`;
const sdashAnswers = (yes: number) =>
  Array.from({ length: 11 }, (_, i) => ({ questionId: `sdash.q${String(i + 1).padStart(2, "0")}`, answer: i < yes ? "YES" : "NO" }));

/** A victim of stalking in `borough`, referred by GMP to GMVS and on to Pankhurst Restore, who has received her referral. */
async function supportedByRestore(borough: string): Promise<string> {
  const as = actors(hub);
  const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: borough as never, flags: { stalking: true, domesticAbuse: true } }, { sex: "FEMALE" });
  const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  await referralStep(hub, "receiveReferral", await referToRestore(hub, v.caseId, consentId), as.restore());
  return v.caseId;
}

const commissioner = () => hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING });


describe("risk assessments and MARAC referrals in the evidence base", () => {
  it("counts DASH levels, S-DASH screens and the MARAC referral a high DASH raised, by borough, under disclosure control", async () => {
    const borough = "WIGAN";
    const restore = actors(hub).restore();
    const first = await supportedByRestore(borough);
    const second = await supportedByRestore(borough);
    const high = await send(hub, RECORD_DASH, { caseId: first, answers: dashAnswers(14) }, restore);
    expect(high.data?.recordRiskAssessment).toMatchObject({ level: "HIGH", maracReferralRequired: true });
    const standard = await send(hub, RECORD_DASH, { caseId: second, answers: dashAnswers(3) }, restore);
    expect(standard.data?.recordRiskAssessment).toMatchObject({ level: "STANDARD", maracReferralRequired: false });
    await send(hub, RECORD_DASH, { caseId: second, answers: dashAnswers(2) }, restore);
    await send(hub, RECORD_SDASH, { caseId: first, answers: sdashAnswers(6) }, restore);

    const outcome = await refresh();
    expect(outcome.status).toBe("FINISHED");
    const facts = (await hub.db.dataSource.query(
      `SELECT risk_tool, risk_level, sex, stalking, to_char(month, 'YYYY-MM') AS month, count(*)::int AS n FROM insights.risk_assessment_fact
       WHERE borough = $1 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2`,
      [borough],
    )) as Record<string, unknown>[];
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" }).format(new Date());
    expect(facts).toEqual([
      { risk_tool: "DASH", risk_level: "HIGH", sex: "FEMALE", stalking: true, month, n: 1 },
      { risk_tool: "DASH", risk_level: "STANDARD", sex: "FEMALE", stalking: true, month, n: 2 },
      { risk_tool: "S_DASH", risk_level: "NOT_GRADED", sex: "FEMALE", stalking: true, month, n: 1 },
    ]);
    const marac = (await hub.db.dataSource.query(`SELECT sex, to_char(month, 'YYYY-MM') AS month FROM insights.marac_referral_fact WHERE borough = $1`, [borough])) as unknown[];
    expect(marac).toEqual([{ sex: "FEMALE", month }]);

    // Rows written while another transaction was open are read again (never skipped), but only until they settle:
    // with nothing new, the feeds soon give nothing, and nothing read twice is counted twice.
    let quiet = await refresh();
    for (let tries = 0; tries < 30 && (quiet.bySource["partners-risk"]?.upserted || quiet.bySource["partners-marac"]?.upserted); tries++) {
      await new Promise((r) => setTimeout(r, 200));
      quiet = await refresh();
    }
    expect(quiet.bySource["partners-risk"]).toMatchObject({ upserted: 0, rejected: 0 });
    expect(quiet.bySource["partners-marac"]).toMatchObject({ upserted: 0, rejected: 0 });
    expect(await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM insights.risk_assessment_fact WHERE borough = $1`, [borough])).toEqual([{ n: 4 }]);

    // "*": every value (a margin).
    const truth: Record<string, number> = { "DASH,HIGH": 1, "DASH,STANDARD": 2, "S_DASH,NOT_GRADED": 1, "DASH,*": 3, "S_DASH,*": 1, "*,HIGH": 1, "*,STANDARD": 2, "*,NOT_GRADED": 1, "*,*": 4 };
    const { body } = await graphql<{ evidenceBase: { rule: { minimumCount: number; maximumPerturbation: number }; cells: EvidenceCell[]; countUnit: string; footnotes: string[] } }>(
      hub.url,
      EVIDENCE_TABLE,
      { measure: "RISK_ASSESSMENTS", by: ["RISK_TOOL", "RISK_LEVEL"], filter: { boroughs: [borough], fromMonth: month, toMonth: month } },
      await commissioner(),
    );
    expect(body.errors).toBeUndefined();
    const table = body.data!.evidenceBase;
    expect(table.countUnit).toBe("risk assessments (DASH and S-DASH)");
    expect(table.cells).toHaveLength(3 * 5);
    for (const cell of table.cells) expectPublished(cell.count, truth[cell.coordinates.map((c) => c.value ?? "*").join()] ?? 0, table.rule);

    const maracTable = await graphql<{ evidenceBase: { rule: { minimumCount: number; maximumPerturbation: number }; cells: EvidenceCell[] } }>(
      hub.url,
      EVIDENCE_TABLE,
      { measure: "MARAC_REFERRALS", by: ["BOROUGH"], filter: { boroughs: [borough], fromMonth: month, toMonth: month } },
      await commissioner(),
    );
    expect(maracTable.body.errors).toBeUndefined();
    for (const cell of maracTable.body.data!.evidenceBase.cells) expectPublished(cell.count, 1, maracTable.body.data!.evidenceBase.rule);

    const csv = await graphql<{ evidenceBaseCsv: string }>(hub.url, EVIDENCE_CSV, { measure: "RISK_ASSESSMENTS", by: ["RISK_LEVEL"], filter: { boroughs: [borough] } }, await commissioner());
    expect(csv.body.errors).toBeUndefined();
    expect(csv.body.data!.evidenceBaseCsv.split("\r\n")[0]).toBe("Risk level,count,count suppression");
    expect(csv.body.data!.evidenceBaseCsv).toContain("Not graded (S-DASH)");
  });

  it("refuses a risk dimension on a measure that has none", async () => {
    const { body } = await graphql(hub.url, EVIDENCE_TABLE, { measure: "MARAC_REFERRALS", by: ["RISK_LEVEL"] }, await commissioner());
    expect(body.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
  });
});

// Two sessions at once: only a PostgreSQL server has them (the embedded store is one session).
(testServerUrl() ? describe : describe.skip)("the partners' risk fact feed", () => {
  it("never moves its watermark past a row whose transaction has not committed yet", async () => {
    const feed = new RiskFactsService(hub.db.dataSource);
    // From where everything written so far has settled (the hub's own work may hold some rows back a moment).
    let start = await feed.assessmentsChangedSince(null, 100_000);
    for (let tries = 0; tries < 50 && (await feed.assessmentsChangedSince(start.watermark, 100_000)).facts.length > 0; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      start = await feed.assessmentsChangedSince(start.watermark, 100_000);
    }
    const insert = `INSERT INTO partners.risk_assessment (case_id, partner, tool, question_set_version, answers, assessed_at, assessor)
      VALUES (gen_random_uuid(), 'PANKHURST', 'DASH_SAFELIVES', 'safelives-dash-ric@2009', '{}'::jsonb, now(), 'feed-test') RETURNING id`;
    const slow = hub.db.dataSource.createQueryRunner();
    const quick = hub.db.dataSource.createQueryRunner();
    try {
      // The slow writer stamps its row first and commits last.
      await slow.startTransaction();
      const [{ id: slowId }] = (await slow.query(insert)) as { id: string }[];
      await new Promise((r) => setTimeout(r, 20));
      const [{ id: quickId }] = (await quick.query(insert)) as { id: string }[];

      // The quick row is given at once, but the watermark stays short of the slow row's stamp.
      const whileOpen = await feed.assessmentsChangedSince(start.watermark, 100_000);
      expect(whileOpen.facts.map((f) => f.assessmentId)).toEqual([quickId]);
      expect(whileOpen.hasMore).toBe(false);
      await slow.commitTransaction();

      const after = await feed.assessmentsChangedSince(whileOpen.watermark, 100_000);
      expect(after.facts.map((f) => f.assessmentId)).toEqual([slowId, quickId]);
    } finally {
      if (slow.isTransactionActive) await slow.rollbackTransaction();
      await slow.release();
      await quick.release();
      await hub.db.dataSource.query(`DELETE FROM partners.risk_assessment WHERE assessor = 'feed-test'`);
    }
  });
});
