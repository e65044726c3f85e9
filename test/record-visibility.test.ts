import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { SYNTHETIC_CASE_IDS, SYNTHETIC_SUBJECTS } from "../src/platform/synthetic";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { Borough } from "../connectors/police/types";
import { actors, consentTo, Data, dashAnswers, policeReferral, RECORD_DASH, referToRestore, send } from "./stories/support";

/**
 * A hostile but authenticated partner, from the caller's side: a record's
 * existence is personal data. Whatever it asks (by id, by list, nested,
 * through a persisted operation, straight at a subgraph), a record it may
 * not know exists answers exactly as a record that does not exist, and each
 * such record withheld is in the audit.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const as = (organisation: OrganisationCode, more: { roles?: Role[]; purpose?: Purpose } = {}) => hub.as({ organisation, subject: `probe-${organisation.toLowerCase()}`, ...more });
const selfReferralSubject = SYNTHETIC_SUBJECTS.find((s) => s.caseId === SYNTHETIC_CASE_IDS.selfReferral)?.subjectId as string;
const SHARED_CASE = readFileSync(join(__dirname, "..", "schema", "operations", "shared-case.graphql"), "utf8");

/** Governance facts set by hand: an open relationship, and a consent in force, from the subject to an organisation. */
async function relate(subjectId: string, organisation: OrganisationCode, categories: string[]): Promise<void> {
  const ds = hub.db.dataSource;
  await ds.query(`INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at) VALUES ($1, $2, 'test', $3, now())`, [
    subjectId,
    organisation,
    `test-${randomUUID()}`,
  ]);
  await ds.query(
    `INSERT INTO governance.consent (subject_id, recipient, categories, purposes, given_at, recorded_by) VALUES ($1, $2, $3, '{support}', now() - interval '1 minute', 'test')`,
    [subjectId, organisation, categories],
  );
}

async function auditFor(requestId: string) {
  return (await hub.db.dataSource.query(
    `SELECT organisation, holder, category, decision, reason, records, request_id, caller_request_id FROM governance.audit_event WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  )) as { organisation: string; holder: string; category: string; decision: string; reason: string; records: string[]; caller_request_id: string | null }[];
}

describe("a partner section's existence", () => {
  const SECTIONS = `query($id: ID!) { case(id: $id) { id hourglass { olderVictim ageBand } challenger { navigatorContacts { id } } episodes { id provider } } }`;

  it("is withheld from a partner with a relationship but no agreement with the partner that holds it: no Hourglass section, no Hourglass episode", async () => {
    await relate(selfReferralSubject, OrganisationCode.PANKHURST, ["SUPPORT"]);
    const gmvs = await graphql<Data>(hub.url, SECTIONS, { id: SYNTHETIC_CASE_IDS.selfReferral }, await as(OrganisationCode.GMVS));
    expect(gmvs.body.data?.case.hourglass).not.toBeNull();
    expect(gmvs.body.data?.case.episodes.map((e: { provider: string }) => e.provider)).toContain("HOURGLASS");

    const { body, headers } = await graphql<Data>(hub.url, SECTIONS, { id: SYNTHETIC_CASE_IDS.selfReferral }, await as(OrganisationCode.PANKHURST));
    expect(body).toEqual({ data: { case: { id: SYNTHETIC_CASE_IDS.selfReferral, hourglass: null, challenger: null, episodes: [] } } });
    const withheld = (await auditFor(headers.get("x-request-id") as string)).filter((e) => e.holder === "HOURGLASS" && e.decision === "DENY");
    expect(withheld.map((e) => e.reason)).toEqual(expect.arrayContaining(["NO_AGREEMENT"]));
    expect(withheld.flatMap((e) => e.records)).toEqual(expect.arrayContaining([expect.stringMatching(/^HourglassCaseDetails:/), expect.stringMatching(/^ServiceEpisode:/)]));
  });

  it("answers a partner's direct _entities request at the partners subgraph with null, as for a case that does not exist", async () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id hourglass { olderVictim } episodes { id } maracReferrals { id } referrals { id } } } }`;
    const ask = async (id: string) => graphql(hub.subgraphs.partners.url, entities, { r: [{ __typename: "Case", id }] }, await as(OrganisationCode.CHALLENGER));
    const refused = await ask(SYNTHETIC_CASE_IDS.selfReferral);
    const unknown = await ask(randomUUID());
    expect(refused.body).toEqual({ data: { _entities: [null] } });
    expect(unknown.body).toEqual(refused.body);
  });
});

describe("a MARAC referral's and a risk assessment's existence", () => {
  it("is withheld from a partner that supports the same victim without a safeguarding agreement, through the persisted SharedCase operation too", async () => {
    const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: Borough.MANCHESTER, flags: { stalking: true } });
    const consentId = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
    await referToRestore(hub, v.caseId, consentId);
    const assessment = await send(hub, RECORD_DASH, { caseId: v.caseId, answers: dashAnswers(14) }, actors(hub).restore());
    expect(assessment.data?.recordRiskAssessment.maracReferralRequired).toBe(true);
    const [{ subject_id: subjectId }] = await hub.db.dataSource.query(`SELECT subject_id FROM governance.subject_link WHERE system = 'gmvs-case' AND local_ref = $1`, [v.caseId]);
    await relate(subjectId, OrganisationCode.HOURGLASS, ["SUPPORT"]);

    const gmvs = await graphql<Data>(hub.url, SHARED_CASE, { id: v.caseId }, await as(OrganisationCode.GMVS));
    expect(gmvs.body.data?.case.maracReferrals).toHaveLength(1);
    expect(gmvs.body.data?.case.riskAssessments).toHaveLength(1);

    const { body, headers } = await graphql<Data>(hub.url, SHARED_CASE, { id: v.caseId }, await as(OrganisationCode.HOURGLASS));
    expect(body.data?.case.id).toBe(v.caseId);
    expect(body.data?.case.maracReferrals).toEqual([]);
    expect(body.data?.case.riskAssessments).toEqual([]);
    // The referral to Pankhurst is GMVS's and Pankhurst's business only.
    expect(body.data?.case.referrals).toEqual([]);
    const events = await auditFor(headers.get("x-request-id") as string);
    const withheld = events.filter((e) => e.holder === "PANKHURST" && e.category === "RISK" && e.decision === "DENY");
    expect(withheld.flatMap((e) => e.records)).toEqual(expect.arrayContaining([expect.stringMatching(/^MaracReferral:/), expect.stringMatching(/^RiskAssessment:/)]));
  });
});

describe("ids and references", () => {
  const BY_ID = `query($id: ID!) { case(id: $id) { id caseReference crime { crimeReference } } }`;

  it("gives a partner with no relationship neither the case reference nor the crime reference, and the same answer as for an unknown id", async () => {
    const refused = await graphql(hub.url, BY_ID, { id: SYNTHETIC_CASE_IDS.harassment }, await as(OrganisationCode.PANKHURST));
    const unknown = await graphql(hub.url, BY_ID, { id: randomUUID() }, await as(OrganisationCode.PANKHURST));
    expect(refused.body).toEqual({ data: { case: null } });
    expect(unknown.body).toEqual(refused.body);
  });

  it("gives the crime by its reference only to whom may know it exists, and answers an unknown reference the same", async () => {
    const CRIME = `query($ref: ID!) { crime(crimeReference: $ref) { crimeReference offenceCode } }`;
    const refused = await graphql(hub.url, CRIME, { ref: "SYN/000102/26" }, await as(OrganisationCode.CHALLENGER));
    const unknown = await graphql(hub.url, CRIME, { ref: "SYN/999999/26" }, await as(OrganisationCode.CHALLENGER));
    expect(refused.body).toEqual({ data: { crime: null } });
    expect(unknown.body).toEqual(refused.body);
    const gmp = await graphql<Data>(hub.url, CRIME, { ref: "SYN/000102/26" }, await as(OrganisationCode.GMP));
    expect(gmp.body.data?.crime.crimeReference).toBe("SYN/000102/26");
  });

  it("keeps the crime reference inside the victims subgraph from a partner that may know the case but not the crime", async () => {
    // Consent to SUPPORT only: Pankhurst may know of her GMVS case, not of her police record.
    const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: Borough.BURY, flags: { stalking: true } });
    await referToRestore(hub, v.caseId, await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]));
    const { body } = await graphql<Data>(hub.url, `query($id: ID!) { case(id: $id) { id crime { crimeReference } justiceTimeline { kind } } }`, { id: v.caseId }, await as(OrganisationCode.PANKHURST));
    expect(body.data?.case).toMatchObject({ id: v.caseId, crime: null });
    // The timeline says nothing of a crime either: no police entries and no refusal that would betray one.
    expect((body.errors ?? []).filter((e) => e.path?.includes("justiceTimeline"))).toEqual([]);
  });

  it("answers explainAccess for a case the caller may not know exists as for an unknown id", async () => {
    const EXPLAIN = `query($id: ID!) { explainAccess(caseId: $id) { holder category decision reason } }`;
    const refused = await graphql(hub.url, EXPLAIN, { id: SYNTHETIC_CASE_IDS.harassment }, await as(OrganisationCode.PANKHURST));
    const unknown = await graphql(hub.url, EXPLAIN, { id: "5eed0000-0000-4000-8000-0000000000ff" }, await as(OrganisationCode.PANKHURST));
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(unknown.body).toEqual(refused.body);
  });

  it("answers a partner's step on a referral addressed to another partner as for an unknown referral", async () => {
    const [{ id }] = await hub.db.dataSource.query(`SELECT id FROM partners.referral WHERE partner = 'HOURGLASS' LIMIT 1`);
    const step = `mutation($id: ID!) { receiveReferral(id: $id) { id } }`;
    const refused = await graphql(hub.url, step, { id }, await as(OrganisationCode.PANKHURST));
    const unknown = await graphql(hub.url, step, { id: randomUUID() }, await as(OrganisationCode.PANKHURST));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(unknown.body).toEqual(refused.body);
  });
});

describe("the audit of refusals", () => {
  it("records a refused root field, under the hub's own request id, with the caller's x-request-id kept apart", async () => {
    // As well-formed as the hub's own ids: a UUID is still the caller's, not the hub's.
    const callerId = randomUUID();
    const { body, headers } = await graphql(hub.url, `{ mine: cases(first: 5) { id } }`, {}, { ...(await as(OrganisationCode.PANKHURST)), "x-request-id": callerId });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
    const requestId = headers.get("x-request-id") as string;
    expect(requestId).not.toBe(callerId);
    expect(await auditFor(callerId)).toEqual([]);
    expect(await auditFor(requestId)).toEqual([
      expect.objectContaining({ organisation: "PANKHURST", category: "OPERATION", decision: "DENY", reason: "ROLE_NOT_PERMITTED", records: ["Query.cases"], caller_request_id: callerId }),
    ]);
  });

  it("files each organisation's events under its own request id even when both send the same x-request-id", async () => {
    const shared = randomUUID();
    const a = await graphql(hub.url, `query($id: ID!) { case(id: $id) { id } }`, { id: SYNTHETIC_CASE_IDS.clientM }, { ...(await as(OrganisationCode.PANKHURST)), "x-request-id": shared });
    const b = await graphql(hub.url, `query($id: ID!) { case(id: $id) { id } }`, { id: SYNTHETIC_CASE_IDS.clientM }, { ...(await as(OrganisationCode.GMVS)), "x-request-id": shared });
    const [ea, eb] = [await auditFor(a.headers.get("x-request-id") as string), await auditFor(b.headers.get("x-request-id") as string)];
    expect(new Set(ea.map((e) => e.organisation))).toEqual(new Set(["PANKHURST"]));
    expect(new Set(eb.map((e) => e.organisation))).toEqual(new Set(["GMVS"]));
    expect([...ea, ...eb].every((e) => e.caller_request_id === shared)).toBe(true);
  });
});
