import { DataCategory } from "../src/policy/categories";
import { randomUUID } from "node:crypto";
import { PartnerCode } from "../connectors/partners";
import { SYNTHETIC_GMVS_CASE_IDS as CASE } from "../connectors/synthetic";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { raiseMaracReferral } from "../src/subgraphs/partners/marac/marac.service";
import { PartnerRiskSync } from "../src/subgraphs/partners/marac/marac.sync";
import { RiskReason } from "../src/subgraphs/partners/risk/dash";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { GovernanceWrites } from "../src/policy/governance-commands";
import { SqlGovernance } from "../src/subgraphs/governance/port/sql-governance";
import { addPartnerRecords, pankhurstEpisodeRecord } from "./support/partners";

/**
 * The partners subgraph through the gateway: partner case records read from
 * each partner's own system (its stand-in) through the connectors, the
 * hub's risk scoring and MARAC referrals, and partial data when a partner is
 * down.
 */

let hub: TestHub;
/** What the partners subgraph is given in one process: governance's adapter on the hub's store. */
const partnersWrites = () => new GovernanceWrites(new SqlGovernance(hub.db.dataSource), "partners");
beforeAll(async () => {
  hub = await startTestHub();
  // GMVS cases for Challenger's synthetic survivors (the GMVS seed holds none yet); a case is all the partners' Case needs to resolve.
  for (const [id, ref] of [
    [CASE.trafficking, "GMVS-TEST-0005"],
    [CASE.traffickingChild, "GMVS-TEST-0006"],
  ]) {
    await hub.db.dataSource.query(
      `INSERT INTO victims."case" (id, case_reference, borough, thematic_lead, status, opened_at) VALUES ($1, $2, 'OLDHAM', 'GENERAL', 'OPEN', '2026-10-21T10:00:00Z')`,
      [id, ref],
    );
    // GMVS referred the survivor to Challenger with her consent: without that, Challenger may not know GMVS's case exists.
    await linkSubject(id, [OrganisationCode.CHALLENGER]);
    await consentTo(id, OrganisationCode.CHALLENGER);
  }
  await linkSubject(CASE.selfReferral, [OrganisationCode.HOURGLASS]);
  await consentTo(CASE.selfReferral, OrganisationCode.HOURGLASS);
});
afterAll(async () => {
  await hub?.close();
});

const as = (organisation: OrganisationCode, purpose = Purpose.SUPPORT, roles = [Role.CASEWORKER]) => hub.as({ organisation, purpose, roles });
const DAY = 24 * 3600 * 1000;

describe("partner records for Client M (story 1), from Pankhurst's case API", () => {
  const QUERY = `query($id: ID!) { case(id: $id) {
    episodes { id provider service worker status startedAt endedAt closureReason outcome }
    safetyPlans { id provider createdAt nextReviewDue reviews { reviewedAt summary } }
    supportActions { kind date status }
    outcomes { measure value recordedAt }
    riskAssessments { id origin tool questionSetVersion score level reasons maracReferralRequired professionalJudgement heightenedRiskIndicators answers { questionId answer } }
  } }`;

  it("shows Restore's episode with its advocate, a weekly-reviewed safety plan and target hardening to the Restore advocate", async () => {
    const { status, body } = await graphql<{ case: Record<string, any> }>(hub.url, QUERY, { id: CASE.clientM }, await as(OrganisationCode.PANKHURST));

    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const c = body.data!.case;
    expect(c.episodes).toEqual([
      {
        id: "5eed0000-0000-4000-8000-0000000000e1",
        provider: "PANKHURST",
        service: "Restore",
        worker: "Advocate A7",
        status: "ACTIVE",
        startedAt: "2026-09-08T10:00:00.000Z",
        endedAt: null,
        closureReason: null,
        outcome: null,
      },
    ]);
    const [plan] = c.safetyPlans;
    const reviews = plan.reviews.map((r: { reviewedAt: string }) => Date.parse(r.reviewedAt));
    expect(reviews.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < reviews.length; i++) expect(reviews[i] - reviews[i - 1]).toBe(7 * DAY);
    expect(plan.nextReviewDue).toBe("2026-10-14");
    expect(c.supportActions).toContainEqual({ kind: "TARGET_HARDENING_VIDEO_DOORBELL", date: "2026-09-22", status: "COMPLETED" });
    expect(c.supportActions.map((a: { kind: string }) => a.kind)).toEqual(expect.arrayContaining(["ONLINE_SAFETY_ROUTER", "ONLINE_SAFETY_SOCIAL_MEDIA", "COUNSELLING_REFERRAL"]));
    expect(c.outcomes.map((o: { value: number }) => o.value)).toEqual([1, 3]);
  });

  it("scores her DASH and S-DASH against their question sets, keeping every answer", async () => {
    const { body } = await graphql<{ case: Record<string, any> }>(hub.url, QUERY, { id: CASE.clientM }, await as(OrganisationCode.PANKHURST));

    const [dash, sdash] = body.data!.case.riskAssessments;
    expect(dash).toMatchObject({
      id: "PK-RA-0001",
      origin: "PARTNER_SYSTEM",
      tool: "DASH_SAFELIVES",
      questionSetVersion: "safelives-dash-ric@2009",
      score: 9,
      level: "HIGH",
      reasons: ["PROFESSIONAL_JUDGEMENT"],
      maracReferralRequired: true,
      professionalJudgement: "HIGH",
      heightenedRiskIndicators: null,
    });
    expect(dash.answers).toHaveLength(24);
    expect(dash.answers).toContainEqual({ questionId: "dash.q21", answer: "NOT_KNOWN" });
    expect(sdash).toMatchObject({ tool: "S_DASH", score: 6, level: null, maracReferralRequired: false });
    expect(sdash.heightenedRiskIndicators).toEqual(["sdash.q01", "sdash.q02", "sdash.q04", "sdash.q05", "sdash.q06", "sdash.q09"]);
  });

  it("releases Pankhurst's support and risk records to GMVS under their agreement", async () => {
    const { body } = await graphql<{ case: Record<string, any> }>(hub.url, QUERY, { id: CASE.clientM }, await as(OrganisationCode.GMVS));

    expect(body.errors).toBeUndefined();
    expect(body.data!.case.episodes[0]).toMatchObject({ service: "Restore", worker: "Advocate A7" });
    expect(body.data!.case.riskAssessments[0]).toMatchObject({ level: "HIGH" });
  });
});

describe("Challenger's modern slavery records, from its SQL database", () => {
  const QUERY = `query($id: ID!) { case(id: $id) {
    episodes { id provider service worker }
    challenger {
      nrmSubmissions { id kind ageGroup consentGiven submittedAt reasonableGrounds { decision decidedAt } conclusiveGrounds { decision decidedAt } }
      placeOfSafetyStays { from to }
      navigatorContacts { at channel summary }
    }
    hourglass { ageBand }
  } }`;

  it("shows an adult's NRM referral with its reasonable-grounds decision, the place-of-safety stay and the navigator's contacts", async () => {
    const { body } = await graphql<{ case: Record<string, any> }>(hub.url, QUERY, { id: CASE.trafficking }, await as(OrganisationCode.CHALLENGER));

    expect(body.errors).toBeUndefined();
    const { challenger, episodes, hourglass } = body.data!.case;
    expect(hourglass).toBeNull();
    expect(episodes).toEqual([{ id: "CH-EP-0005", provider: "CHALLENGER", service: "Victim navigator", worker: "Navigator N3" }]);
    expect(challenger.nrmSubmissions).toEqual([
      {
        id: "CH-NRM-0005",
        kind: "NRM",
        ageGroup: "ADULT",
        consentGiven: true,
        submittedAt: "2026-10-21T14:00:00.000Z",
        reasonableGrounds: { decision: "POSITIVE", decidedAt: "2026-10-27T10:00:00.000Z" },
        conclusiveGrounds: null,
      },
    ]);
    expect(challenger.placeOfSafetyStays).toEqual([{ from: "2026-10-21T13:00:00.000Z", to: "2026-10-26T10:00:00.000Z" }]);
    expect(challenger.navigatorContacts.map((c: { channel: string }) => c.channel)).toEqual(["IN_PERSON", "PHONE", "IN_PERSON"]);
  });

  it("shows a child's NRM referral, made without consent, with both grounds decisions", async () => {
    const { body } = await graphql<{ case: Record<string, any> }>(hub.url, QUERY, { id: CASE.traffickingChild }, await as(OrganisationCode.CHALLENGER));

    expect(body.data!.case.challenger.nrmSubmissions[0]).toMatchObject({
      kind: "NRM",
      ageGroup: "CHILD",
      consentGiven: false,
      reasonableGrounds: { decision: "POSITIVE" },
      conclusiveGrounds: { decision: "POSITIVE", decidedAt: "2027-03-02T10:00:00.000Z" },
    });
  });

  it("withholds the NRM submissions from GMVS, whose agreement with Challenger covers support and risk, not offence details", async () => {
    await linkSubject(CASE.trafficking, [OrganisationCode.GMVS]);
    const { body } = await graphql<{ case: Record<string, any> }>(hub.url, QUERY, { id: CASE.trafficking }, await as(OrganisationCode.GMVS));

    expect(body.data!.case.episodes[0]).toMatchObject({ provider: "CHALLENGER", service: "Victim navigator" });
    expect(body.data!.case.challenger.nrmSubmissions).toBeNull();
    expect(body.data!.case.challenger.placeOfSafetyStays).toHaveLength(1);
    expect(body.errors).toContainEqual(
      expect.objectContaining({ path: ["case", "challenger", "nrmSubmissions"], extensions: expect.objectContaining({ code: "FORBIDDEN", reason: "NO_AGREEMENT" }) }),
    );
  });
});

describe("Hourglass's older-victim records, from its monthly returns", () => {
  it("shows the older victim, age band, economic abuse and specialist worker from the latest return, and the closed episode", async () => {
    const query = `query($id: ID!) { case(id: $id) {
      hourglass { olderVictim ageBand economicAbuse specialistWorker latestReturnMonth }
      episodes { id provider status endedAt closureReason }
      supportActions { kind status }
    } }`;
    const { body } = await graphql<{ case: Record<string, any> }>(hub.url, query, { id: CASE.selfReferral }, await as(OrganisationCode.HOURGLASS));

    expect(body.errors).toBeUndefined();
    expect(body.data!.case.hourglass).toEqual({
      olderVictim: true,
      ageBand: "AGE_75_TO_84",
      economicAbuse: true,
      specialistWorker: "Specialist Worker W3",
      latestReturnMonth: "2026-11",
    });
    expect(body.data!.case.episodes).toEqual([
      { id: "5eed0000-0000-4000-8000-0000000000e3", provider: "HOURGLASS", status: "CLOSED", endedAt: "2026-11-05T00:00:00.000Z", closureReason: "SUPPORT_COMPLETED" },
    ]);
    expect(body.data!.case.supportActions).toContainEqual({ kind: "COUNSELLING_REFERRAL", status: "COMPLETED" });
  });
});

// A partner's system down or slow under the case view: test/faults.test.ts, with every other source.

describe("connector calls per request", () => {
  it("asks each partner the same number of times for 1, 10 and 30 cases", async () => {
    for (let i = 0; i < 30; i++) {
      const id = randomUUID();
      await hub.db.dataSource.query(
        `INSERT INTO victims."case" (id, case_reference, borough, thematic_lead, status, opened_at) VALUES ($1, $2, 'BURY', 'GENERAL', 'OPEN', now() + make_interval(secs => $3))`,
        [id, `GMVS-CALLS-${i}`, 1000 + i],
      );
      await addPartnerRecords(hub.sources, PartnerCode.PANKHURST, [pankhurstEpisodeRecord(id, { episodeId: `PK-EP-CALLS-${i}` })]);
      // GMVS knows of Pankhurst's episode only where it works with the victim.
      await linkSubject(id, [OrganisationCode.GMVS]);
    }
    const query = `query($first: Int!) { cases(first: $first) { id
      episodes { id } riskAssessments { id } safetyPlans { id } supportActions { id } outcomes { id } maracReferrals { id }
      hourglass { ageBand } challenger { nrmSubmissions { id } } } }`;
    const standIns = hub.sources.standIns.partners;
    // Warm up: a pool that lost its session (an earlier test took a database down) sets the next one up with a statement of its own.
    await graphql(hub.url, query, { first: 1 }, await as(OrganisationCode.GMVS));
    const calls: Record<number, number[]> = {};
    for (const first of [1, 10, 30]) {
      const before = [...standIns.values()].map((s) => s.callCount());
      const { body } = await graphql<{ cases: { episodes: unknown[] }[] }>(hub.url, query, { first }, await as(OrganisationCode.GMVS));
      expect(body.data?.cases).toHaveLength(first);
      expect(body.data?.cases.every((c) => c.episodes.length === 1)).toBe(true);
      calls[first] = [...standIns.values()].map((s, i) => s.callCount() - before[i]);
    }
    expect(calls[1].every((n) => n > 0)).toBe(true);
    expect(calls[10]).toEqual(calls[1]);
    expect(calls[30]).toEqual(calls[1]);
  });
});

describe("MARAC referrals", () => {
  const MARAC = `query($id: ID!) { case(id: $id) { maracReferrals { id provider assessmentId raisedAt reasons } riskAssessments { id score level reasons } } }`;

  it("shows the Escalation story's MARAC referral, raised from Pankhurst's high-risk DASH, to GMP for safeguarding", async () => {
    const { body } = await graphql<{ case: Record<string, any> }>(hub.url, MARAC, { id: CASE.harassment }, await as(OrganisationCode.GMP, Purpose.SAFEGUARDING));

    expect(body.data!.case.maracReferrals).toEqual([
      { id: expect.any(String), provider: "PANKHURST", assessmentId: "PK-RA-0004", raisedAt: "2026-10-16T17:15:00.000Z", reasons: ["VISIBLE_HIGH_RISK"] },
    ]);
    expect(body.data!.case.riskAssessments).toEqual([{ id: "PK-RA-0004", score: 15, level: "HIGH", reasons: ["VISIBLE_HIGH_RISK"] }]);
    expect(body.errors).toBeUndefined();
  });

  it("shows it to GMVS for safeguarding too", async () => {
    const { body } = await graphql<{ case: Record<string, any> }>(hub.url, MARAC, { id: CASE.harassment }, await as(OrganisationCode.GMVS, Purpose.SAFEGUARDING));

    expect(body.data!.case.maracReferrals[0]).toMatchObject({ provider: "PANKHURST", reasons: ["VISIBLE_HIGH_RISK"] });
  });

  it("does not let an organisation with no agreement, nor GMP asking for another purpose, learn that the case exists", async () => {
    for (const [organisation, purpose] of [
      [OrganisationCode.HOURGLASS, Purpose.SAFEGUARDING],
      [OrganisationCode.GMCA, Purpose.SAFEGUARDING],
      [OrganisationCode.GMP, Purpose.INVESTIGATION],
    ] as const) {
      const roles = organisation === OrganisationCode.GMCA ? [Role.COMMISSIONER] : [Role.CASEWORKER];
      const principal = await as(organisation, purpose, roles);
      const { body } = await graphql<{ case: Record<string, any> }>(hub.url, MARAC, { id: CASE.harassment }, principal);
      const unknown = await graphql<{ case: Record<string, any> }>(hub.url, MARAC, { id: randomUUID() }, principal);
      expect({ organisation, body }).toEqual({ organisation, body: { data: { case: null } } });
      expect({ organisation, body: unknown.body }).toEqual({ organisation, body });
    }
  });

  it("does not let an organisation that supports the victim but has no MARAC agreement learn that a referral exists", async () => {
    await linkSubject(CASE.harassment, [OrganisationCode.CHALLENGER]);
    await consentTo(CASE.harassment, OrganisationCode.CHALLENGER);
    const { body } = await graphql<{ case: Record<string, any> }>(hub.url, MARAC, { id: CASE.harassment }, await as(OrganisationCode.CHALLENGER, Purpose.SUPPORT));

    // The same answer as for a victim never referred to MARAC nor risk-assessed.
    expect(body).toEqual({ data: { case: { maracReferrals: [], riskAssessments: [] } } });
  });

  it("raises one referral per assessment however often the partners' feeds are read again", async () => {
    const count = async () => Number((await hub.db.dataSource.query(`SELECT count(*) AS n FROM partners.marac_referral`))[0].n);
    const before = await count();
    // Client M (professional judgement), the coercive case (15 yes and 3 call-outs), the Escalation case (15 yes).
    expect(before).toBeGreaterThanOrEqual(3);

    await hub.db.dataSource.query(`DELETE FROM partners.connector_sync`);
    const reports = await new PartnerRiskSync(hub.db.dataSource, hub.sources.partners, partnersWrites()).syncAll();
    expect(reports.map((r) => r.raised)).toEqual([0, 0, 0]);
    expect(reports.find((r) => r.partner === PartnerCode.PANKHURST)?.records).toBeGreaterThanOrEqual(3);

    const raise = { caseId: CASE.harassment, assessmentId: "PK-RA-0004", partner: OrganisationCode.PANKHURST, raisedAt: new Date(), reasons: [RiskReason.VISIBLE_HIGH_RISK] };
    const by = { requestId: "test", actor: "test", organisation: null, roles: [], purpose: null };
    expect(await hub.db.dataSource.transaction((m) => raiseMaracReferral(m, partnersWrites(), raise, by))).toBe(false);
    expect(await count()).toBe(before);
  });

  it("raises a referral for a high-risk assessment that reaches a partner's system after start-up, at the next sync", async () => {
    const caseId = randomUUID();
    const record = pankhurstEpisodeRecord(caseId, { episodeId: "PK-EP-LATE" });
    const yes = Array.from({ length: 24 }, (_, i) => [`dash.q${String(i + 1).padStart(2, "0")}`, "NO"] as [string, string]);
    record.riskAssessments.push({
      id: "PK-RA-LATE",
      gmvsCaseId: caseId,
      tool: "DASH" as never,
      questionSetVersion: "safelives-dash-ric@2009",
      answers: Object.fromEntries(yes) as never,
      professionalJudgement: null,
      policeCallOutsLast12Months: 3,
      assessedAt: "2026-11-20T10:00:00Z",
      assessor: { id: "PK-W90", displayName: "Advocate T1" },
    });
    await addPartnerRecords(hub.sources, PartnerCode.PANKHURST, [record]);

    const reports = await new PartnerRiskSync(hub.db.dataSource, hub.sources.partners, partnersWrites()).syncAll();

    expect(reports.find((r) => r.partner === PartnerCode.PANKHURST)?.raised).toBe(1);
    const rows = await hub.db.dataSource.query(`SELECT reasons FROM partners.marac_referral WHERE assessment_id = 'PK-RA-LATE'`);
    expect(rows).toEqual([{ reasons: ["ESCALATION"] }]);
  });
});

describe("recordRiskAssessment", () => {
  const RECORD = `mutation($caseId: ID!, $answers: [RiskAnswerInput!]!, $judgement: RiskLevel, $callOuts: Int, $set: String!, $tool: RiskTool!) {
    recordRiskAssessment(caseId: $caseId, tool: $tool, questionSetVersion: $set, answers: $answers, professionalJudgement: $judgement, policeCallOutsLast12Months: $callOuts) {
      id provider origin score level reasons maracReferralRequired answers { questionId answer }
    } }`;
  const dash = (yes: number) =>
    Array.from({ length: 24 }, (_, i) => ({ questionId: `dash.q${String(i + 1).padStart(2, "0")}`, answer: i < yes ? "YES" : "NO" }));
  const vars = (caseId: string, yes: number, extra: Record<string, unknown> = {}) => ({
    caseId,
    answers: dash(yes),
    set: "safelives-dash-ric@2009",
    tool: "DASH_SAFELIVES",
    ...extra,
  });
  const stored = async (caseId: string) => ({
    assessments: Number((await hub.db.dataSource.query(`SELECT count(*) AS n FROM partners.risk_assessment WHERE case_id = $1`, [caseId]))[0].n),
    referrals: Number((await hub.db.dataSource.query(`SELECT count(*) AS n FROM partners.marac_referral WHERE case_id = $1`, [caseId]))[0].n),
  });

  it("stores a Restore advocate's 14-yes DASH, scores it high and raises a MARAC referral with it, audited", async () => {
    const caseId = await newCaseRelatedTo([OrganisationCode.PANKHURST, OrganisationCode.GMVS]);
    const { body, headers } = await graphql<{ recordRiskAssessment: Record<string, any> }>(hub.url, RECORD, vars(caseId, 14), await as(OrganisationCode.PANKHURST));
    const requestId = headers.get("x-request-id");

    expect(body.errors).toBeUndefined();
    const assessment = body.data!.recordRiskAssessment;
    expect(assessment).toMatchObject({ provider: "PANKHURST", origin: "CASEBRIDGE", score: 14, level: "HIGH", reasons: ["VISIBLE_HIGH_RISK"], maracReferralRequired: true });
    expect(assessment.answers).toHaveLength(24);
    expect(await stored(caseId)).toEqual({ assessments: 1, referrals: 1 });
    const events = await hub.db.dataSource.query(`SELECT reason, holder, category FROM governance.audit_event WHERE request_id = $1 AND reason LIKE '%RECORDED' OR request_id = $1 AND reason LIKE 'MARAC%' ORDER BY seq`, [requestId]);
    expect(events).toEqual([
      { reason: "RISK_ASSESSMENT_RECORDED", holder: "PANKHURST", category: "RISK" },
      { reason: "MARAC_REFERRAL_RAISED", holder: "PANKHURST", category: "RISK" },
    ]);

    const view = await graphql<{ case: Record<string, any> }>(
      hub.url,
      `query($id: ID!) { case(id: $id) { riskAssessments { id origin level } maracReferrals { assessmentId reasons } } }`,
      { id: caseId },
      await as(OrganisationCode.GMVS, Purpose.SAFEGUARDING),
    );
    expect(view.body.data!.case).toEqual({
      riskAssessments: [{ id: assessment.id, origin: "CASEBRIDGE", level: "HIGH" }],
      maracReferrals: [{ assessmentId: assessment.id, reasons: ["VISIBLE_HIGH_RISK"] }],
    });
  });

  it.each([
    [13, {}, "STANDARD", false],
    [13, { callOuts: 3 }, "HIGH", true],
    [13, { callOuts: 2 }, "STANDARD", false],
    [0, { judgement: "HIGH" }, "HIGH", true],
    [0, { judgement: "MEDIUM" }, "MEDIUM", false],
  ])("scores %i yes with %j as %s, raising a MARAC referral only when high (%s)", async (yes, extra, level, marac) => {
    const caseId = await newCaseRelatedTo([OrganisationCode.PANKHURST]);
    const { body } = await graphql<{ recordRiskAssessment: Record<string, any> }>(hub.url, RECORD, vars(caseId, yes, extra), await as(OrganisationCode.PANKHURST));

    expect(body.data!.recordRiskAssessment).toMatchObject({ level, maracReferralRequired: marac });
    expect(await stored(caseId)).toEqual({ assessments: 1, referrals: marac ? 1 : 0 });
  });

  it("refuses an organisation with no relationship with the case's victim, storing nothing", async () => {
    const caseId = await newCaseRelatedTo([OrganisationCode.PANKHURST]);
    const { body } = await graphql(hub.url, RECORD, vars(caseId, 20), await as(OrganisationCode.HOURGLASS));

    expect(body.data?.recordRiskAssessment ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "NO_RELATIONSHIP" });
    expect(await stored(caseId)).toEqual({ assessments: 0, referrals: 0 });
  });

  it("refuses anyone but partner staff", async () => {
    const caseId = await newCaseRelatedTo([OrganisationCode.GMVS, OrganisationCode.PANKHURST]);
    for (const headers of [await as(OrganisationCode.GMVS), await as(OrganisationCode.PANKHURST, Purpose.SUPPORT, [Role.ANALYST])]) {
      const { body } = await graphql(hub.url, RECORD, vars(caseId, 20), headers);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
    }
    expect(await stored(caseId)).toEqual({ assessments: 0, referrals: 0 });
  });

  it("refuses answers that do not fit the question set, naming them, and a tool that is not the set's", async () => {
    const caseId = await newCaseRelatedTo([OrganisationCode.PANKHURST]);
    const headers = await as(OrganisationCode.PANKHURST);
    const badQuestion = await graphql(hub.url, RECORD, vars(caseId, 14, { answers: [...dash(14), { questionId: "dash.q25", answer: "YES" }] }), headers);
    expect(badQuestion.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT" });
    expect(badQuestion.body.errors?.[0]?.message).toContain("dash.q25");
    const wrongTool = await graphql(hub.url, RECORD, vars(caseId, 14, { tool: "S_DASH" }), headers);
    expect(wrongTool.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT" });
    const unknownSet = await graphql(hub.url, RECORD, vars(caseId, 14, { set: "safelives-dash-ric@1999" }), headers);
    expect(unknownSet.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT" });
    expect(await stored(caseId)).toEqual({ assessments: 0, referrals: 0 });
  });
});

/** A GMVS case whose victim governance knows, with an open relationship for each organisation given. */
async function newCaseRelatedTo(organisations: OrganisationCode[]): Promise<string> {
  const caseId = randomUUID();
  await hub.db.dataSource.query(
    `INSERT INTO victims."case" (id, case_reference, borough, thematic_lead, status, opened_at) VALUES ($1, $2, 'ROCHDALE', 'DOMESTIC_ABUSE', 'OPEN', now())`,
    [caseId, `GMVS-RISK-${caseId.slice(0, 8)}`],
  );
  await linkSubject(caseId, organisations);
  return caseId;
}

/** GMVS records the victim's consent to share her GMVS case's support data with a partner. */
async function consentTo(caseId: string, recipient: OrganisationCode): Promise<void> {
  await hub.db.dataSource.query(
    `INSERT INTO governance.consent (subject_id, recipient, categories, purposes, given_at, recorded_by)
     SELECT subject_id, $2, $3, $4, now() - interval '1 day', 'test' FROM governance.subject_link WHERE system = 'gmvs-case' AND local_ref = $1`,
    [caseId, recipient, [DataCategory.SUPPORT], [Purpose.SUPPORT]],
  );
}

/** Links a GMVS case to a subject (a new one if it has none) and opens a relationship for each organisation. */
async function linkSubject(caseId: string, organisations: OrganisationCode[]): Promise<void> {
  const ds = hub.db.dataSource;
  const [existing] = await ds.query(`SELECT subject_id FROM governance.subject_link WHERE system = 'gmvs-case' AND local_ref = $1`, [caseId]);
  let subjectId = existing?.subject_id as string | undefined;
  if (!subjectId) {
    [{ id: subjectId }] = await ds.query(`INSERT INTO governance.subject DEFAULT VALUES RETURNING id`);
    await ds.query(`INSERT INTO governance.subject_link (system, local_ref, subject_id) VALUES ('gmvs-case', $1, $2)`, [caseId, subjectId]);
  }
  for (const organisation of organisations) {
    await ds.query(
      `INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at) VALUES ($1, $2, 'test', $3, now()) ON CONFLICT DO NOTHING`,
      [subjectId, organisation, `${caseId}:${organisation}`],
    );
  }
}
