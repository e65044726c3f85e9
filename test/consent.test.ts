import { randomUUID } from "node:crypto";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { actors, consentTo, policeReferral, referToRestore, send } from "./stories/support";

/**
 * Consent as one state per victim, recipient and category, from the caller's
 * side (the gateway, over real HTTP): recording what is already in force
 * records nothing new, withdrawing ends every consent that covers the
 * categories, only GMVS may list a victim's consents (anyone else learns
 * nothing, as for an unknown case), and no one consents "to" GMVS itself.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const POLICE = ["OFFENCE_DETAILS", "INVESTIGATION_UPDATES"];
const CRIME_FIELDS = `query($id: ID!) { case(id: $id) { id crime { crimeReference offenceDescription status } } }`;
const CONSENTS = `query($id: ID!) { consents(caseId: $id) { id recipient categories purposes givenAt recordedBy withdrawnAt withdrawnBy states { category purpose givenAt withdrawnAt withdrawnBy } } }`;
const RECORD = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id categories withdrawnAt } }`;

interface Listed {
  id: string;
  recipient: string;
  categories: string[];
  purposes: string[];
  givenAt: string;
  recordedBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  states: { category: string; purpose: string; givenAt: string; withdrawnAt: string | null; withdrawnBy: string | null }[];
}

/** A victim GMP referred to GMVS, referred on to Pankhurst Restore under her consent (which opens Pankhurst's relationship with her). */
async function victimWithRestore() {
  const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "BOLTON" as never, flags: { stalking: true } });
  const supportConsent = await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]);
  await referToRestore(hub, v.caseId, supportConsent);
  return { ...v, supportConsent };
}

/**
 * Pankhurst's next read: the case (her support consent) but not the crime.
 * Without consent to OFFENCE_DETAILS Pankhurst may not know a crime exists,
 * so it answers null with no error, as an unknown crime would.
 */
async function expectCrimeWithheld(caseId: string) {
  const after = await send(hub, CRIME_FIELDS, { id: caseId }, actors(hub).restore(), true);
  expect(after).toEqual({ data: { case: { id: caseId, crime: null } } });
}

async function listConsents(caseId: string, headers = actors(hub).gmvs()): Promise<Listed[]> {
  return (await send(hub, CONSENTS, { id: caseId }, headers)).data?.consents;
}

async function auditFor(requestId: string) {
  return (await hub.db.dataSource.query(
    `SELECT organisation, holder, subject_id, category, decision, reason, records FROM governance.audit_event WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  )) as { organisation: string; holder: string; subject_id: string | null; category: string; decision: string; reason: string; records: string[] }[];
}

describe("recording consent that is already in force", () => {
  it("GMVS records consent to Pankhurst twice and withdraws once: Pankhurst can no longer read what rested on it", async () => {
    const as = actors(hub);
    const v = await victimWithRestore();
    const first = await consentTo(hub, v.caseId, "PANKHURST", POLICE);
    const second = await consentTo(hub, v.caseId, "PANKHURST", POLICE);
    expect(second).toBe(first);

    const before = await send(hub, CRIME_FIELDS, { id: v.caseId }, as.restore());
    expect(before.data?.case.crime).toEqual({ crimeReference: v.crimeReference, offenceDescription: "Stalking", status: "UNDER_INVESTIGATION" });

    await send(hub, `mutation($id: ID!) { withdrawConsent(consentId: $id) { withdrawnAt } }`, { id: second }, as.gmvs());

    await expectCrimeWithheld(v.caseId);
  });

  it("returns the consent in force and writes nothing: one consent listed, one CONSENT_RECORDED event", async () => {
    const v = await victimWithRestore();
    const again = await send(hub, RECORD, { input: { caseId: v.caseId, recipient: "PANKHURST", categories: ["SUPPORT", "CONTACT"], purposes: ["SUPPORT"] } }, actors(hub).gmvs());
    expect(again.data?.recordConsent).toEqual({ id: v.supportConsent, categories: ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"], withdrawnAt: null });
    expect((await listConsents(v.caseId)).map((c) => c.id)).toEqual([v.supportConsent]);
    const sar = await send(hub, `query($id: ID!) { subjectAccessExport(caseId: $id) { reason consentId } }`, { id: v.caseId }, actors(hub).gmvsSupervisor());
    expect(sar.data?.subjectAccessExport.filter((e: { reason: string }) => e.reason === "CONSENT_RECORDED")).toEqual([{ reason: "CONSENT_RECORDED", consentId: v.supportConsent }]);
  });

  it("records a request partly in force as a new consent, which puts in force only what was not; the rest stays with the consent that put it in force", async () => {
    const v = await victimWithRestore();
    const wider = await send(hub, RECORD, { input: { caseId: v.caseId, recipient: "PANKHURST", categories: ["SUPPORT", ...POLICE], purposes: ["SUPPORT"] } }, actors(hub).gmvs());
    const id = wider.data?.recordConsent.id;
    expect(id).not.toBe(v.supportConsent);
    const listed = await listConsents(v.caseId);
    expect(listed.map((c) => [c.id, c.states.map((s) => s.category).sort()])).toEqual([
      [v.supportConsent, ["CASE_NOTES", "CONTACT", "IDENTITY", "SUPPORT"]],
      [id, [...POLICE].sort()],
    ]);
  });

  it("lets two identical recordings sent at once put one consent in force, not two", async () => {
    const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "BOLTON" as never, flags: { stalking: true } });
    const input = { caseId: v.caseId, recipient: "HOURGLASS", categories: ["IDENTITY", "SUPPORT"], purposes: ["SUPPORT"] };
    const answers = await Promise.all(Array.from({ length: 8 }, async () => send(hub, RECORD, { input }, actors(hub).gmvs())));
    const ids = new Set(answers.map((a) => a.data?.recordConsent.id));
    expect(ids.size).toBe(1);
    const listed = await listConsents(v.caseId);
    expect(listed).toHaveLength(1);
    expect(listed[0]?.states.map((s) => `${s.category}:${s.purpose}:${s.withdrawnAt}`).sort()).toEqual(["IDENTITY:SUPPORT:null", "SUPPORT:SUPPORT:null"]);
  });

  it("is guaranteed by the store: a second state in force for the same victim, recipient, category and purpose is refused", async () => {
    const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "BOLTON" as never, flags: { stalking: true } });
    const id = await consentTo(hub, v.caseId, "CHALLENGER", ["SUPPORT"]);
    const ds = hub.db.dataSource;
    await expect(
      ds.query(
        `INSERT INTO governance.consent_state (consent_id, subject_id, recipient, category, purpose, given_at)
         SELECT consent_id, subject_id, recipient, category, purpose, now() FROM governance.consent_state WHERE consent_id = $1`,
        [id],
      ),
    ).rejects.toMatchObject({ code: "23505" });
  });
});

describe("withdrawing consent", () => {
  it("ends every consent covering the categories, whichever recording put them in force, and decide() refuses them from the next request", async () => {
    const as = actors(hub);
    const v = await victimWithRestore();
    const police = await consentTo(hub, v.caseId, "PANKHURST", POLICE);
    // A second recording naming one police category again, with one more: partly in force already.
    const wider = await consentTo(hub, v.caseId, "PANKHURST", ["OFFENCE_DETAILS", "RISK"]);
    expect(wider).not.toBe(police);

    const ended = await send(
      hub,
      `mutation($input: WithdrawConsentInput!) { withdrawConsentFor(input: $input) { id withdrawnAt withdrawnBy states { category withdrawnAt } } }`,
      { input: { caseId: v.caseId, recipient: "PANKHURST", categories: ["OFFENCE_DETAILS", "INVESTIGATION_UPDATES", "RISK"] } },
      as.gmvs(),
    );
    expect(ended.data?.withdrawConsentFor.map((c: { id: string }) => c.id).sort()).toEqual([police, wider].sort());
    for (const c of ended.data?.withdrawConsentFor ?? []) {
      expect(c).toMatchObject({ withdrawnAt: expect.any(String), withdrawnBy: "gmvs-caseworker-s1" });
      expect(c.states.every((s: { withdrawnAt: string | null }) => s.withdrawnAt !== null)).toBe(true);
    }

    await expectCrimeWithheld(v.caseId);

    // Her support consent was not covered and stays in force; withdrawing again changes nothing.
    const listed = await listConsents(v.caseId);
    expect(listed.find((c) => c.id === v.supportConsent)?.withdrawnAt).toBeNull();
    const again = await send(
      hub,
      `mutation($input: WithdrawConsentInput!) { withdrawConsentFor(input: $input) { id } }`,
      { input: { caseId: v.caseId, recipient: "PANKHURST", categories: POLICE } },
      as.gmvs(),
    );
    expect(again.data?.withdrawConsentFor).toEqual([]);
    // Consent given afresh is a new consent.
    expect(await consentTo(hub, v.caseId, "PANKHURST", POLICE)).not.toBe(police);
  });

  it("through one consent ends the categories another consent also covers", async () => {
    const as = actors(hub);
    const v = await victimWithRestore();
    await consentTo(hub, v.caseId, "PANKHURST", POLICE);
    const wider = await consentTo(hub, v.caseId, "PANKHURST", [...POLICE, "RISK"]);
    await send(hub, `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`, { id: wider }, as.gmvs());
    await expectCrimeWithheld(v.caseId);
  });
});

describe("consents(caseId)", () => {
  it("lists a victim's consents for GMVS, in force and withdrawn, with dates, recipient, categories and who recorded and withdrew them, and audits the consultation", async () => {
    const v = await victimWithRestore();
    const police = await consentTo(hub, v.caseId, "PANKHURST", POLICE);
    await send(hub, `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`, { id: police }, hub.as({ organisation: OrganisationCode.GMVS, subject: "gmvs-lead-w1" }));

    const { body, headers } = await graphql<{ consents: Listed[] }>(hub.url, CONSENTS, { id: v.caseId }, await actors(hub).gmvs());
    expect(body.errors).toBeUndefined();
    const listed = body.data?.consents ?? [];
    expect(listed.map((c) => c.id)).toEqual([v.supportConsent, police]);
    expect(listed[0]).toMatchObject({ recipient: "PANKHURST", purposes: ["SUPPORT"], recordedBy: "gmvs-caseworker-s1", withdrawnAt: null, withdrawnBy: null });
    expect(listed[1]).toMatchObject({ recipient: "PANKHURST", categories: POLICE, recordedBy: "gmvs-caseworker-s1", withdrawnAt: expect.any(String), withdrawnBy: "gmvs-lead-w1" });
    expect(Date.parse(listed[1]?.givenAt as string)).toBeLessThanOrEqual(Date.parse(listed[1]?.withdrawnAt as string));
    expect(listed[1]?.states.map((s) => ({ ...s, givenAt: typeof s.givenAt }))).toEqual([
      { category: "INVESTIGATION_UPDATES", purpose: "SUPPORT", givenAt: "string", withdrawnAt: listed[1]?.withdrawnAt, withdrawnBy: "gmvs-lead-w1" },
      { category: "OFFENCE_DETAILS", purpose: "SUPPORT", givenAt: "string", withdrawnAt: listed[1]?.withdrawnAt, withdrawnBy: "gmvs-lead-w1" },
    ]);

    const events = await auditFor(headers.get("x-request-id") as string);
    // The case consulted and each consent released, under one event (same subject, holder, category and outcome).
    expect(events).toEqual([
      expect.objectContaining({
        organisation: "GMVS",
        holder: "GMVS",
        decision: "ALLOW",
        reason: "OWN_RECORD",
        subject_id: expect.any(String),
        records: expect.arrayContaining([`Case:${v.caseId}`, `Consent:${v.supportConsent}`, `Consent:${police}`]),
      }),
    ]);
  });

  it("answers every other caller exactly as for an unknown case, the recipient of the consents included, and audits the refusal", async () => {
    const v = await victimWithRestore();
    const callers = {
      restore: actors(hub).restore(),
      restoreLead: hub.as({ organisation: OrganisationCode.PANKHURST, roles: [Role.SUPERVISOR], subject: "restore-lead-c1" }),
      gmp: actors(hub).gmp(),
      hourglass: hub.as({ organisation: OrganisationCode.HOURGLASS }),
      commissioner: actors(hub).commissioner(),
      gmvsAnalyst: hub.as({ organisation: OrganisationCode.GMVS, roles: [Role.ANALYST], purpose: Purpose.COMMISSIONING }),
    };
    for (const [who, headers] of Object.entries(callers)) {
      const known = await graphql(hub.url, CONSENTS, { id: v.caseId }, await headers);
      const unknown = await graphql(hub.url, CONSENTS, { id: randomUUID() }, await headers);
      expect([who, known.body]).toEqual([who, { data: { consents: [] } }]);
      expect([who, unknown.body]).toEqual([who, known.body]);
    }
    // GMVS sees them: the empty lists above are withheld, not missing.
    expect((await listConsents(v.caseId)).length).toBeGreaterThan(0);

    const refused = await graphql(hub.url, CONSENTS, { id: v.caseId }, await callers.restore);
    const events = await auditFor(refused.headers.get("x-request-id") as string);
    expect(events).toEqual([expect.objectContaining({ organisation: "PANKHURST", holder: "PANKHURST", decision: "DENY", subject_id: null, records: ["Query.consents"] })]);
  });
});

describe("consent to the data's own holder", () => {
  it("is INVALID_INPUT naming the recipient, and nothing is recorded", async () => {
    const v = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "BOLTON" as never, flags: { stalking: true } });
    const { body } = await graphql(hub.url, RECORD, { input: { caseId: v.caseId, recipient: "GMVS", categories: ["SUPPORT"], purposes: ["SUPPORT"] } }, await actors(hub).gmvs());
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "recipient" });
    expect(await listConsents(v.caseId)).toEqual([]);
  });
});
