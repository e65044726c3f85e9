import { randomUUID } from "node:crypto";
import { OrganisationCode } from "../src/platform/domain";
import { Role } from "../src/platform/principal";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { graphql, GraphQLResponse, startTestHub, TestHub } from "./support/hub";

/**
 * GMVS through the gateway (issue 5): Client M's case file and Victims' Code
 * timeliness from the police stand-in's updates, intake by police referral
 * and self-referral with matching, and every refused state change.
 */
let hub: TestHub;
let gmvs: Record<string, string>;
let gmp: Record<string, string>;
beforeAll(async () => {
  hub = await startTestHub();
  gmvs = await hub.as({ organisation: OrganisationCode.GMVS });
  gmp = await hub.as({ organisation: OrganisationCode.GMP });
});
afterAll(async () => {
  await hub?.close();
});
afterEach(() => hub.sources.standIns.police?.setMode("up"));

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are read by path

const CASE_FILE = /* GraphQL */ `
  query CaseFile($id: ID!) {
    case(id: $id) {
      caseReference status referralRoute assignedWorker enhancedRights crimeReportedAt referralReceivedAt
      victim { givenName familyName dateOfBirth ageBand sex ethnicity disability }
      needsAssessments { safety health outcome reviewOn }
      contacts { occurredAt channel purpose summary policeUpdateId }
      surveyResponses { overall rightScores { right score } }
      victimsCodeCompliance {
        met late missed pending notApplicable
        entitlements { right entitlement event eventAt policeUpdateId enhancedRights workingDaysAllowed dueAt fulfilledAt status exception }
      }
      justiceTimeline { __typename holder at kind title detail whatHappensNext }
    }
  }
`;

async function gql(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLResponse<Data>["body"]> {
  return (await graphql<Data>(hub.url, query, variables, headers)).body;
}

describe("Client M's case file (DESIGN.md story 1, the GMVS parts)", () => {
  it("shows her victim record, needs, contacts and survey to GMVS", async () => {
    const body = await gql(CASE_FILE, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    expect(body.errors).toBeUndefined();
    const c = body.data?.case;
    expect(c).toMatchObject({
      caseReference: "GMVS-SYN-0001",
      status: "OPEN",
      referralRoute: "POLICE",
      enhancedRights: ["PERSISTENTLY_TARGETED"],
      victim: { givenName: "Test", familyName: "Person M", ageBand: "AGE_35_44", sex: "FEMALE" },
      needsAssessments: [{ safety: "HIGH", health: "LOW", outcome: "REFER_TO_SPECIALIST_SERVICE", reviewOn: "2026-10-02" }],
    });
    expect(c.contacts).toHaveLength(7);
    expect(c.surveyResponses[0].rightScores).toHaveLength(7);
  });

  it("computes her Victims' Code entitlements from the police stand-in's updates for SYN/000101/26", async () => {
    const body = await gql(CASE_FILE, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    const compliance = body.data?.case.victimsCodeCompliance;
    expect(compliance).toMatchObject({ met: 5, late: 1, missed: 2, pending: 0, notApplicable: 0 });
    const rows = compliance.entitlements.map((e: Data) => [e.right, e.event, e.workingDaysAllowed, e.dueAt, e.status]);
    expect(rows).toEqual([
      // Reported Tuesday 1 September; GMVS had her details on the Wednesday: within 2 working days.
      [4, "CRIME_REPORTED", 2, "2026-09-03T22:59:59.999Z", "MET"],
      // GMP's written confirmation and information on reporting (Right 3): nothing records it.
      [3, "CRIME_REPORTED", 1, "2026-09-02T22:59:59.999Z", "MISSED"],
      // Persistently targeted: Enhanced Rights, 1 working day.
      [6, "SUSPECT_ARRESTED", 1, "2026-09-04T22:59:59.999Z", "MET"],
      [6, "SUSPECT_INTERVIEWED_UNDER_CAUTION", 1, "2026-09-04T22:59:59.999Z", "MET"],
      [6, "SUSPECT_RELEASED_ON_BAIL", 1, "2026-09-07T22:59:59.999Z", "MET"],
      // Charged on Sunday 20 September: due end of Monday; told on the Tuesday.
      [6, "SUSPECT_CHARGED", 1, "2026-09-21T22:59:59.999Z", "LATE"],
      // The charge also brings the offer of a Victim Personal Statement, which no contact records.
      [7, "SUSPECT_CHARGED", 1, "2026-09-21T22:59:59.999Z", "MISSED"],
      // The first hearing on Thursday 15 October: GMVS explained it that afternoon.
      [8, "COURT_HEARING", 1, "2026-10-16T22:59:59.999Z", "MET"],
    ]);
    expect(compliance.entitlements.every((e: Data) => e.enhancedRights === true || e.right === 4)).toBe(true);
  });

  it("merges police updates and GMVS contacts into one ordered timeline, each with what happens next", async () => {
    const body = await gql(CASE_FILE, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    const timeline: Data[] = body.data?.case.justiceTimeline;
    const times = timeline.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(timeline[0]).toMatchObject({ __typename: "GmvsTimelineEntry", kind: "CRIME_REPORTED" });
    const police = timeline.filter((e) => e.__typename === "PoliceTimelineEntry").map((e) => e.kind);
    expect(police).toEqual(["ARREST", "INTERVIEWED_UNDER_CAUTION", "RELEASED_ON_BAIL_WITH_CONDITIONS", "CHARGED", "COURT_HEARING"]);
    expect(timeline.filter((e) => e.kind === "VICTIM_CONTACTED")).toHaveLength(7);
    for (const entry of timeline) expect(entry.whatHappensNext).toEqual(expect.any(String));
    expect(timeline.find((e) => e.kind === "CHARGED")).toMatchObject({ holder: "GMP", detail: "Charged with stalking" });
  });

  it("answers the rest of the case when the police source is down, with SOURCE_UNAVAILABLE naming it", async () => {
    hub.sources.standIns.police?.setMode("down");
    const body = await gql(CASE_FILE, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    expect(body.data?.case.caseReference).toBe("GMVS-SYN-0001");
    expect(body.data?.case.victim.familyName).toBe("Person M");
    expect(body.data?.case.contacts).toHaveLength(7);
    expect(body.data?.case.victimsCodeCompliance).toBeNull();
    expect(body.data?.case.justiceTimeline).toBeNull();
    const errors = body.errors ?? [];
    expect(errors.map((e) => e.path?.join("."))).toEqual(expect.arrayContaining(["case.victimsCodeCompliance", "case.justiceTimeline"]));
    for (const error of errors) expect(error.extensions).toMatchObject({ code: "SOURCE_UNAVAILABLE", source: "police" });
  });

  it("asks the police API once for the updates of many cases", async () => {
    const standIn = hub.sources.standIns.police!;
    const before = standIn.requestCount("/updates:batch");
    const body = await gql(`{ cases(first: 4) { caseReference victimsCodeCompliance { met } justiceTimeline { at } } }`, {}, gmvs);
    expect(body.errors).toBeUndefined();
    expect(body.data?.cases).toHaveLength(4);
    expect(standIn.requestCount("/updates:batch") - before).toBe(1);
  });

  it("does not show GMVS's case file, nor that it exists, to an organisation with no relationship", async () => {
    const hourglass = await hub.as({ organisation: OrganisationCode.HOURGLASS });
    const body = await gql(CASE_FILE, { id: SYNTHETIC_CASE_IDS.clientM }, hourglass);
    const unknown = await gql(CASE_FILE, { id: randomUUID() }, hourglass);
    expect(body).toEqual({ data: { case: null } });
    expect(unknown).toEqual(body);
  });
});

const POLICE_REFERRAL = /* GraphQL */ `
  mutation Refer($input: PoliceReferralInput!) {
    receivePoliceReferral(input: $input) { caseId caseReference receivedAt right4Status right4DueAt }
  }
`;
const SELF_REFER = /* GraphQL */ `
  mutation SelfRefer($input: SelfReferralInput!) {
    selfRefer(input: $input) {
      case { id status referralRoute victim { id familyName } }
      matchedExistingVictim
      matchCandidates { id score reasons status referred { id } candidate { id familyName } }
    }
  }
`;

function uniquePerson(tag: string) {
  const n = randomUUID().slice(0, 8);
  return { givenName: "Test", familyName: `Person ${tag}${n}`, dateOfBirth: "1990-02-03", email: `test.${n}@example.invalid`, postcode: "M2 9ZZ" };
}

describe("police referral (GMP)", () => {
  it("opens a case, links the case and crime to one subject, opens GMVS's and GMP's relationships, and audits it", async () => {
    const crimeReference = `SYN/7${randomUUID().slice(0, 5)}/26`;
    const reportedAt = new Date(Date.now() - 3_600_000).toISOString();
    const body = await gql(
      POLICE_REFERRAL,
      { input: { crimeReference, crimeReportedAt: reportedAt, victimOptedOut: false, policeVictimRef: `SYN-VICTIM-${randomUUID()}`, victim: uniquePerson("P"), borough: "WIGAN", thematicLead: "STALKING", enhancedRights: ["PERSISTENTLY_TARGETED"] } },
      gmp,
    );
    expect(body.errors).toBeUndefined();
    const receipt = body.data?.receivePoliceReferral;
    expect(receipt).toMatchObject({ right4Status: "MET", caseReference: expect.stringMatching(/^GMVS-\d{4}-\d{6}$/) });

    const ds = hub.db.dataSource;
    const links: { system: string; subject_id: string }[] = await ds.query(
      `SELECT system, subject_id FROM governance.subject_link WHERE (system = 'gmvs-case' AND local_ref = $1) OR (system = 'police-crime' AND local_ref = $2)`,
      [receipt.caseId, crimeReference],
    );
    expect(links.map((l) => l.system).sort()).toEqual(["gmvs-case", "police-crime"]);
    expect(new Set(links.map((l) => l.subject_id)).size).toBe(1);
    const relationships: { organisation: string; kind: string }[] = await ds.query(
      `SELECT organisation, kind FROM governance.relationship WHERE subject_id = $1 AND closed_at IS NULL ORDER BY organisation`,
      [links[0]!.subject_id],
    );
    expect(relationships).toEqual([{ organisation: "GMP", kind: "police-crime" }, { organisation: "GMVS", kind: "gmvs-case" }]);
    const audit: { reason: string; organisation: string }[] = await ds.query(`SELECT reason, organisation FROM governance.audit_event WHERE subject_id = $1 AND reason = 'POLICE_REFERRAL_RECEIVED'`, [
      links[0]!.subject_id,
    ]);
    expect(audit).toEqual([{ reason: "POLICE_REFERRAL_RECEIVED", organisation: "GMP" }]);

    const view = await gql(`query($id: ID!) { case(id: $id) { status referralRoute enhancedRights victimsCodeCompliance { entitlements { right status } } } }`, { id: receipt.caseId }, gmvs);
    expect(view.errors).toBeUndefined();
    expect(view.data?.case).toMatchObject({ status: "AWAITING_ASSESSMENT", referralRoute: "POLICE", enhancedRights: ["PERSISTENTLY_TARGETED"] });
    // Referred on receipt (Right 4); GMP's information on reporting (Right 3) is still within its time.
    expect(view.data?.case.victimsCodeCompliance.entitlements).toEqual([
      { right: 4, status: "MET" },
      { right: 3, status: "PENDING" },
    ]);
  });

  it.each([
    ["more than 2 working days after the report", "2026-11-02T09:00:00Z", false, "LATE"],
    ["after the victim opted out", "2026-11-02T09:00:00Z", true, "NOT_APPLICABLE"],
  ])("judges Right 4 for a referral %s", async (_label, reportedAt, optedOut, status) => {
    const body = await gql(
      POLICE_REFERRAL,
      { input: { crimeReference: `SYN/8${randomUUID().slice(0, 5)}/26`, crimeReportedAt: reportedAt, victimOptedOut: optedOut, policeVictimRef: `SYN-VICTIM-${randomUUID()}`, victim: uniquePerson("L"), borough: "BURY" } },
      gmp,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.receivePoliceReferral.right4Status).toBe(status);
  });

  // Legacy offences (what the Stalking Triage Centre reviews): a crime reported under the 2015 Code, before the
  // bank-holiday data the hub held until 2024, or before any data it holds, is still referred, once, and its clocks answer.
  it.each([
    ["under the 2021 Code, before 2024", "2023-05-05T10:00:00Z", "LATE", null, "MISSED"],
    ["before the 2021 Code", "2019-06-03T10:00:00Z", "NOT_APPLICABLE", "BEFORE_RULES_HELD", "NOT_APPLICABLE"],
    ["before any bank-holiday data held", "2016-03-01T10:00:00Z", "NOT_APPLICABLE", "BEFORE_RULES_HELD", "NOT_APPLICABLE"],
  ])("accepts a legacy offence reported %s (%s), opens one case, and times Right 4 as %s", async (_label, reportedAt, status, exception, right3) => {
    const crimeReference = `SYN/L${randomUUID().slice(0, 5)}/19`;
    const input = { crimeReference, crimeReportedAt: reportedAt, victimOptedOut: false, policeVictimRef: `SYN-VICTIM-${randomUUID()}`, victim: uniquePerson("L"), borough: "BOLTON", thematicLead: "STALKING" };
    const body = await gql(POLICE_REFERRAL, { input }, gmp);
    expect(body.errors).toBeUndefined();
    expect(body.data?.receivePoliceReferral).toMatchObject({ right4Status: status });
    if (exception) expect(body.data?.receivePoliceReferral.right4DueAt).toBeNull();
    const cases: { n: string }[] = await hub.db.dataSource.query(`SELECT count(*)::text AS n FROM victims."case" WHERE crime_reference = $1`, [crimeReference]);
    expect(cases).toEqual([{ n: "1" }]);

    const view = await gql(`query($id: ID!) { case(id: $id) { victimsCodeCompliance { entitlements { right status exception } } } }`, { id: body.data?.receivePoliceReferral.caseId }, gmvs);
    expect(view.errors).toBeUndefined();
    expect(view.data?.case.victimsCodeCompliance.entitlements).toEqual([
      { right: 4, status, exception },
      { right: 3, status: right3, exception },
    ]);
  });

  it("is refused to GMVS staff, and self-referral to GMP staff", async () => {
    const asGmvs = await gql(
      POLICE_REFERRAL,
      { input: { crimeReference: "SYN/000999/26", crimeReportedAt: new Date().toISOString(), victimOptedOut: false, policeVictimRef: "SYN-VICTIM-X", victim: uniquePerson("X"), borough: "BURY" } },
      gmvs,
    );
    expect(asGmvs.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    const asGmp = await gql(SELF_REFER, { input: { victim: uniquePerson("Y"), borough: "BURY" } }, gmp);
    expect(asGmp.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a crime reported in the future with INVALID_INPUT", async () => {
    const body = await gql(
      POLICE_REFERRAL,
      { input: { crimeReference: "SYN/000998/26", crimeReportedAt: new Date(Date.now() + 86_400_000).toISOString(), victimOptedOut: false, policeVictimRef: "SYN-VICTIM-F", victim: uniquePerson("F"), borough: "BURY" } },
      gmp,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "crimeReportedAt" });
  });
});

describe("self-referral and matching", () => {
  it("matches the same person exactly by email and date of birth", async () => {
    const person = uniquePerson("E");
    const first = await gql(SELF_REFER, { input: { victim: person, borough: "OLDHAM" } }, gmvs);
    const second = await gql(SELF_REFER, { input: { victim: { ...person, familyName: "Different Spelling" }, borough: "OLDHAM" } }, gmvs);
    expect(second.errors).toBeUndefined();
    expect(second.data?.selfRefer.matchedExistingVictim).toBe(true);
    expect(second.data?.selfRefer.case.victim.id).toBe(first.data?.selfRefer.case.victim.id);
    expect(second.data?.selfRefer.case.referralRoute).toBe("SELF");
  });

  it("never merges a different date of birth; a similar person waits for a caseworker, who confirms once", async () => {
    const person = uniquePerson("S");
    const first = await gql(SELF_REFER, { input: { victim: person, borough: "ROCHDALE" } }, gmvs);
    const knownId = first.data?.selfRefer.case.victim.id;

    const differentDob = await gql(SELF_REFER, { input: { victim: { ...person, dateOfBirth: "1990-02-04" }, borough: "ROCHDALE" } }, gmvs);
    expect(differentDob.data?.selfRefer.matchedExistingVictim).toBe(false);
    expect(differentDob.data?.selfRefer.case.victim.id).not.toBe(knownId);

    const similar = await gql(SELF_REFER, { input: { victim: { ...person, email: null, familyName: `${person.familyName}e` }, borough: "ROCHDALE" } }, gmvs);
    expect(similar.errors).toBeUndefined();
    const result = similar.data?.selfRefer;
    expect(result.matchedExistingVictim).toBe(false);
    const candidate = result.matchCandidates.find((c: Data) => c.candidate.id === knownId);
    expect(candidate).toMatchObject({ status: "PENDING", reasons: expect.arrayContaining(["SIMILAR_NAME", "SAME_DATE_OF_BIRTH"]) });

    const pending = await gql(`{ victimMatchCandidates(first: 100) { id } }`, {}, gmvs);
    expect(pending.data?.victimMatchCandidates.map((c: Data) => c.id)).toContain(candidate.id);

    const confirmed = await gql(`mutation($id: ID!) { confirmVictimMatch(candidateId: $id) { status decidedBy } }`, { id: candidate.id }, gmvs);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmVictimMatch.status).toBe("CONFIRMED");
    const moved = await gql(`query($id: ID!) { case(id: $id) { victim { id } } }`, { id: result.case.id }, gmvs);
    expect(moved.data?.case.victim.id).toBe(knownId);
    // The two governance subjects are now one: both cases name the same person.
    const subjects: { subject_id: string }[] = await hub.db.dataSource.query(
      `SELECT DISTINCT subject_id FROM governance.subject_link WHERE system = 'gmvs-case' AND local_ref = ANY($1::text[])`,
      [[result.case.id, first.data?.selfRefer.case.id]],
    );
    expect(subjects).toHaveLength(1);

    for (const mutation of ["confirmVictimMatch", "rejectVictimMatch"]) {
      const again = await gql(`mutation($id: ID!) { ${mutation}(candidateId: $id) { status } }`, { id: candidate.id }, gmvs);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", status: "CONFIRMED" });
    }
  });

  it("keeps both people apart when a caseworker rejects the match", async () => {
    const person = uniquePerson("R");
    const first = await gql(SELF_REFER, { input: { victim: person, borough: "TAMESIDE" } }, gmvs);
    const similar = await gql(SELF_REFER, { input: { victim: { ...person, email: null, postcode: null }, borough: "TAMESIDE" } }, gmvs);
    const candidate = similar.data?.selfRefer.matchCandidates.find((c: Data) => c.candidate.id === first.data?.selfRefer.case.victim.id);
    const rejected = await gql(`mutation($id: ID!) { rejectVictimMatch(candidateId: $id) { status } }`, { id: candidate.id }, gmvs);
    expect(rejected.data?.rejectVictimMatch.status).toBe("REJECTED");
    const still = await gql(`query($id: ID!) { case(id: $id) { victim { id } } }`, { id: similar.data?.selfRefer.case.id }, gmvs);
    expect(still.data?.case.victim.id).toBe(similar.data?.selfRefer.case.victim.id);
  });
});

describe("state changes a case refuses, changing nothing", () => {
  async function newCase(): Promise<string> {
    const body = await gql(SELF_REFER, { input: { victim: uniquePerson("Z"), borough: "BOLTON" } }, gmvs);
    return body.data?.selfRefer.case.id;
  }
  const state = (id: string) =>
    hub.db.dataSource
      .query(`SELECT status, closed_at, closure_reason, updated_at FROM victims."case" WHERE id = $1`, [id])
      .then((rows: unknown[]) => rows[0]);
  const auditCount = () => hub.db.dataSource.query(`SELECT count(*)::int AS n FROM governance.audit_event`).then((r: { n: number }[]) => r[0]!.n);

  it("refuses to close an already closed case with CONFLICT", async () => {
    const id = await newCase();
    const closed = await gql(`mutation($id: ID!) { closeCase(caseId: $id, reason: SUPPORT_COMPLETED) { status closedAt } }`, { id }, gmvs);
    expect(closed.data?.closeCase.status).toBe("CLOSED");
    const before = await state(id);
    const audits = await auditCount();
    const again = await gql(`mutation($id: ID!) { closeCase(caseId: $id, reason: UNABLE_TO_CONTACT) { status } }`, { id }, gmvs);
    expect(again.data).toBeNull();
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", status: "CLOSED", action: "CLOSE" });
    expect(again.errors?.[0]?.message).toBe("A closed case cannot be closed");
    expect(await state(id)).toEqual(before);
    expect(await auditCount()).toBe(audits);
    // Closing ended GMVS's relationship through the case; reopening restores it.
    const [rel] = await hub.db.dataSource.query(`SELECT closed_at FROM governance.relationship WHERE organisation = 'GMVS' AND source_ref = $1`, [id]);
    expect(rel.closed_at).not.toBeNull();
    const reopened = await gql(`mutation($id: ID!) { reopenCase(caseId: $id) { status closedAt } }`, { id }, gmvs);
    expect(reopened.data?.reopenCase).toEqual({ status: "OPEN", closedAt: null });
  });

  it("refuses to reopen a case that is not closed, and to assess or contact on a closed one", async () => {
    const id = await newCase();
    const before = await state(id);
    const reopen = await gql(`mutation($id: ID!) { reopenCase(caseId: $id) { status } }`, { id }, gmvs);
    expect(reopen.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", status: "AWAITING_ASSESSMENT", action: "REOPEN" });
    expect(await state(id)).toEqual(before);

    await gql(`mutation($id: ID!) { closeCase(caseId: $id, reason: VICTIM_DECLINED_SUPPORT) { status } }`, { id }, gmvs);
    const needs = await gql(
      `mutation($id: ID!) { recordNeedsAssessment(caseId: $id, input: { practical: LOW, emotional: LOW, safety: LOW, health: NONE, financial: NONE, communication: NONE, outcome: INFORMATION_ONLY }) { id } }`,
      { id },
      gmvs,
    );
    expect(needs.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT" });
    const contact = await gql(
      `mutation($id: ID!, $at: DateTimeISO!) { recordContact(caseId: $id, input: { occurredAt: $at, channel: PHONE, purpose: PROGRESS_UPDATE, summary: "Test" }) { id } }`,
      { id, at: new Date().toISOString() },
      gmvs,
    );
    expect(contact.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT" });
    const rows = await hub.db.dataSource.query(`SELECT (SELECT count(*)::int FROM victims.needs_assessment WHERE case_id = $1) AS n, (SELECT count(*)::int FROM victims.contact WHERE case_id = $1) AS c`, [id]);
    expect(rows[0]).toEqual({ n: 0, c: 0 });
  });

  it("opens an awaiting case when its needs are assessed", async () => {
    const id = await newCase();
    const body = await gql(
      `mutation($id: ID!) { recordNeedsAssessment(caseId: $id, input: { practical: HIGH, emotional: MEDIUM, safety: LOW, health: NONE, financial: HIGH, communication: LOW, outcome: SUPPORT_PLAN_AGREED, reviewOn: "2099-01-01" }) { practical financial outcome reviewOn } }`,
      { id },
      gmvs,
    );
    expect(body.errors).toBeUndefined();
    const view = await gql(`query($id: ID!) { case(id: $id) { status needsAssessments { financial } } }`, { id }, gmvs);
    expect(view.data?.case).toEqual({ status: "OPEN", needsAssessments: [{ financial: "HIGH" }] });
  });
});

describe("contacts and the survey", () => {
  it("refuses a decision contact that names no police update, or an update of another crime", async () => {
    const missingUpdate = await gql(
      `mutation($id: ID!, $at: DateTimeISO!) { recordContact(caseId: $id, input: { occurredAt: $at, channel: PHONE, purpose: TOLD_OF_DECISION, summary: "Told" }) { id } }`,
      { id: SYNTHETIC_CASE_IDS.clientM, at: "2026-10-16T10:00:00Z" },
      gmvs,
    );
    expect(missingUpdate.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "policeUpdateId" });
    const unknown = await gql(
      `mutation($id: ID!) { recordContact(caseId: $id, input: { occurredAt: "2026-10-16T10:00:00Z", channel: PHONE, purpose: TOLD_OF_DECISION, summary: "Told", policeUpdateId: "SYN-UPDATE-000102-1" }) { id } }`,
      { id: SYNTHETIC_CASE_IDS.clientM },
      gmvs,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "policeUpdateId" });
  });

  it("refuses to record a decision contact when the police source cannot confirm the update", async () => {
    hub.sources.standIns.police?.setMode("down");
    const body = await gql(
      `mutation($id: ID!) { recordContact(caseId: $id, input: { occurredAt: "2026-10-16T10:00:00Z", channel: PHONE, purpose: TOLD_OF_DECISION, summary: "Told", policeUpdateId: "SYN-UPDATE-000101-5" }) { id } }`,
      { id: SYNTHETIC_CASE_IDS.clientM },
      gmvs,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "SOURCE_UNAVAILABLE", source: "police" });
  });

  it.each([
    ["a right outside 1 to 7", [{ right: 8, score: 3 }]],
    ["a score outside 1 to 5", [{ right: 1, score: 6 }]],
    ["a right scored twice", [{ right: 2, score: 3 }, { right: 2, score: 4 }]],
  ])("refuses a survey response with %s", async (_label, rightScores) => {
    const body = await gql(
      `mutation($id: ID!, $scores: [SurveyRightScoreInput!]!) { recordSurveyResponse(caseId: $id, input: { rightScores: $scores }) { id } }`,
      { id: SYNTHETIC_CASE_IDS.coercive, scores: rightScores },
      gmvs,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "rightScores" });
  });

  it("refuses case work to GMVS analysts", async () => {
    const analyst = await hub.as({ organisation: OrganisationCode.GMVS, roles: [Role.ANALYST] });
    const body = await gql(`mutation($id: ID!) { reopenCase(caseId: $id) { status } }`, { id: SYNTHETIC_CASE_IDS.clientM }, analyst);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
  });
});
