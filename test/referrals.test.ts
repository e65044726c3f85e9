import { randomUUID } from "node:crypto";
import { OrganisationCode } from "../src/platform/domain";
import { Role } from "../src/platform/principal";
import { sqlStatementsFor } from "../src/platform/sql-metrics";
import { SYNTHETIC_CASE_IDS, SYNTHETIC_CONSENT_IDS } from "../src/platform/synthetic";
import { readAuditChain } from "../src/subgraphs/governance/audit/chain";
import { partners } from "../src/subgraphs/partners";
import { governance } from "../src/subgraphs/governance";
import { CLIENT_M_CONSENT_ID } from "../src/subgraphs/governance/seed";
import { ReferralService } from "../src/subgraphs/partners/referrals/referral.service";
import { graphql, startTestHub, TestHub } from "./support/hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const gmvs = () => hub.as({ organisation: OrganisationCode.GMVS, subject: "gmvs-caseworker-1" });
const gmvsSupervisor = () => hub.as({ organisation: OrganisationCode.GMVS, roles: [Role.SUPERVISOR], subject: "gmvs-lead-1" });
const pankhurst = () => hub.as({ organisation: OrganisationCode.PANKHURST, subject: "advocate-a7" });
const hourglass = () => hub.as({ organisation: OrganisationCode.HOURGLASS, subject: "hourglass-worker-1" });

const ALL_FIELDS = `id status partner service categories consentId reason sentAt receivedAt acceptedAt declinedAt declineReason
  withdrawnAt withdrawReason closedAt firstContactAt waitingHoursToFirstContact waitingHoursToAcceptance case { id }`;
const REFER = `mutation($caseId: ID!, $partner: OrganisationCode!, $service: String!, $categories: [DataCategory!]!, $consentId: ID, $reason: String!) {
  referToService(caseId: $caseId, partner: $partner, service: $service, categories: $categories, consentId: $consentId, reason: $reason) { ${ALL_FIELDS} } }`;
const CASE_WITH_REFERRALS = `query($id: ID!) { case(id: $id) { id borough thematicLead status referrals { ${ALL_FIELDS} } } }`;
const SUPPORT_CATEGORIES = ["IDENTITY", "CONTACT", "ADDRESS", "CASE_NOTES", "SUPPORT"];

type Referral = Record<string, unknown> & { id: string; status: string | null };
type Errors = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
const firstError = (errors: Errors) => errors?.[0]?.extensions;

/** A GMVS case with its subject linked and GMVS's own relationship: no partner has any reason to see it yet. */
async function createCase(label: string): Promise<{ caseId: string; subjectId: string }> {
  const ds = hub.db.dataSource;
  const caseId = randomUUID();
  await ds.query(
    `INSERT INTO victims."case" (id, case_reference, borough, thematic_lead, status, opened_at) VALUES ($1, $2, 'OLDHAM', 'STALKING', 'OPEN', now())`,
    [caseId, `GMVS-TEST-${label}-${caseId.slice(0, 8)}`],
  );
  const [{ id: subjectId }] = await ds.query(`INSERT INTO governance.subject DEFAULT VALUES RETURNING id`);
  await ds.query(`INSERT INTO governance.subject_link (system, local_ref, subject_id) VALUES ('gmvs-case', $1, $2)`, [caseId, subjectId]);
  await ds.query(`INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at) VALUES ($1, 'GMVS', 'gmvs-case', $2, now())`, [subjectId, caseId]);
  return { caseId, subjectId };
}

async function recordConsent(caseId: string, recipient: string, categories: string[] = SUPPORT_CATEGORIES): Promise<string> {
  const { body } = await graphql<{ recordConsent: { id: string } }>(
    hub.url,
    `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
    { input: { caseId, recipient, categories, purposes: ["SUPPORT"] } },
    await gmvs(),
  );
  expect(body.errors).toBeUndefined();
  return body.data?.recordConsent.id as string;
}

async function refer(vars: { caseId: string; partner?: string; categories?: string[]; consentId: string | null; service?: string; reason?: string }) {
  return graphql<{ referToService: Referral }>(
    hub.url,
    REFER,
    { partner: "PANKHURST", service: "Restore", categories: SUPPORT_CATEGORIES, reason: "Synthetic: needs a specialist stalking advocate", ...vars },
    await gmvs(),
  );
}

/** A case, a consent to Pankhurst, and a referral to Restore (SENT). */
async function sentReferral(label: string) {
  const kase = await createCase(label);
  const consentId = await recordConsent(kase.caseId, "PANKHURST");
  const { body } = await refer({ caseId: kase.caseId, consentId });
  expect(body.errors).toBeUndefined();
  return { ...kase, consentId, referral: body.data?.referToService as Referral };
}

async function act(name: string, id: string, headers: Record<string, string>, extra = "", vars: Record<string, unknown> = {}) {
  const decl = Object.keys(vars)
    .map((k) => `, $${k}: ${k === "at" ? "DateTimeISO!" : "String!"}`)
    .join("");
  const args = Object.keys(vars)
    .map((k) => `, ${k}: $${k}`)
    .join("");
  return graphql<Record<string, Referral>>(hub.url, `mutation($id: ID!${decl}) { ${name}(id: $id${args}) { id status ${extra} } }`, { id, ...vars }, headers);
}

async function referralRow(id: string) {
  const [row] = await hub.db.dataSource.query(`SELECT * FROM partners.referral WHERE id = $1`, [id]);
  return row as Record<string, unknown> | undefined;
}

async function relationship(referralId: string) {
  const [row] = await hub.db.dataSource.query(`SELECT organisation, closed_at FROM governance.relationship WHERE kind = 'referral' AND source_ref = $1`, [referralId]);
  return row as { organisation: string; closed_at: Date | null } | undefined;
}

async function auditTip() {
  const chain = await readAuditChain(hub.db.dataSource);
  return { length: chain.length, hash: chain[chain.length - 1]?.hash };
}

describe("issue 5 and 9, the happy path: GMVS refers, the partner receives, accepts and makes first contact", () => {
  it("lets GMVS see when Pankhurst received the referral, and gives the waiting times from sent", async () => {
    const { caseId, referral, consentId } = await sentReferral("happy");
    expect(referral).toMatchObject({ status: "SENT", partner: "PANKHURST", service: "Restore", consentId, receivedAt: null, case: { id: caseId } });
    expect(referral.categories).toEqual(SUPPORT_CATEGORIES);

    // The advocate finds it among the referrals addressed to Pankhurst, reason included.
    const inbox = await graphql<{ referralsForMe: Referral[] }>(hub.url, `{ referralsForMe(status: SENT, first: 100) { id reason status } }`, {}, await pankhurst());
    expect(inbox.body.errors).toBeUndefined();
    expect(inbox.body.data?.referralsForMe).toContainEqual({ id: referral.id, reason: "Synthetic: needs a specialist stalking advocate", status: "SENT" });

    const received = await act("receiveReferral", referral.id, await pankhurst(), "receivedAt");
    expect(received.body.errors).toBeUndefined();
    expect(received.body.data?.receiveReferral).toMatchObject({ status: "RECEIVED" });

    const seenByGmvs = await graphql<{ case: { referrals: Referral[] } }>(hub.url, CASE_WITH_REFERRALS, { id: caseId }, await gmvs());
    expect(seenByGmvs.body.errors).toBeUndefined();
    const [gmvsView] = seenByGmvs.body.data?.case.referrals ?? [];
    expect(gmvsView).toMatchObject({ id: referral.id, status: "RECEIVED", receivedAt: received.body.data?.receiveReferral.receivedAt });
    expect(Date.parse(gmvsView?.receivedAt as string)).toBeGreaterThanOrEqual(Date.parse(referral.sentAt as string));

    const accepted = await act("acceptReferral", referral.id, await pankhurst(), "acceptedAt waitingHoursToAcceptance");
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data?.acceptReferral.status).toBe("ACCEPTED");

    const at = new Date().toISOString();
    const contacted = await act("recordFirstContact", referral.id, await pankhurst(), "sentAt firstContactAt acceptedAt waitingHoursToFirstContact waitingHoursToAcceptance", { at });
    expect(contacted.body.errors).toBeUndefined();
    const r = contacted.body.data?.recordFirstContact as Referral;
    expect(r).toMatchObject({ status: "ACCEPTED", firstContactAt: at });
    const hours = (from: unknown, to: unknown) => Math.round(((Date.parse(to as string) - Date.parse(from as string)) / 3_600_000) * 100) / 100;
    expect(r.waitingHoursToFirstContact).toBe(hours(r.sentAt, r.firstContactAt));
    expect(r.waitingHoursToAcceptance).toBe(hours(r.sentAt, r.acceptedAt));

    // Each step is in the victim's subject access export, in order.
    const audit = await graphql<{ subjectAccessExport: { reason: string; category: string; organisation: string }[] }>(
      hub.url,
      `query($id: ID!) { subjectAccessExport(caseId: $id) { organisation category reason } }`,
      { id: caseId },
      await gmvsSupervisor(),
    );
    expect(audit.body.data?.subjectAccessExport.filter((e) => e.category === "REFERRAL").map((e) => `${e.organisation}:${e.reason}`)).toEqual([
      "GMVS:REFERRAL_SENT",
      "PANKHURST:REFERRAL_RECEIVED",
      "PANKHURST:REFERRAL_ACCEPTED",
      "PANKHURST:REFERRAL_FIRST_CONTACT",
    ]);
  });

  it("treats a retried acceptance as harmless: the same referral back, nothing written", async () => {
    const { referral } = await sentReferral("retry");
    await act("receiveReferral", referral.id, await pankhurst());
    const first = await act("acceptReferral", referral.id, await pankhurst(), "acceptedAt");
    const rowBefore = await referralRow(referral.id);
    const tipBefore = await auditTip();
    const again = await act("acceptReferral", referral.id, await pankhurst(), "acceptedAt");
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.acceptReferral).toEqual(first.body.data?.acceptReferral);
    expect(await referralRow(referral.id)).toEqual(rowBefore);
    // Reading the answer audits the release; no REFERRAL event was added.
    const added = (await readAuditChain(hub.db.dataSource)).slice(tipBefore.length);
    expect(added.filter((e) => e.category === "REFERRAL")).toEqual([]);
  });
});

describe("the state machine through the gateway", () => {
  it("refuses a decline without a reason, and records the reason of one with", async () => {
    const { referral } = await sentReferral("decline");
    await act("receiveReferral", referral.id, await pankhurst());
    const blank = await act("declineReferral", referral.id, await pankhurst(), "", { reason: "   " });
    expect(firstError(blank.body.errors)).toMatchObject({ code: "INVALID_INPUT", argument: "reason" });
    expect((await referralRow(referral.id))?.status).toBe("RECEIVED");

    const declined = await act("declineReferral", referral.id, await pankhurst(), "declineReason", { reason: "Outside our service area" });
    // Its relationship with the victim has ended: the reason is withheld; the referral's own status is still the addressee's to see.
    expect(declined.body.data?.declineReferral).toMatchObject({ status: "DECLINED", declineReason: null });
    expect(declined.body.errors?.map((e) => `${e.path?.join(".")}:${e.extensions?.reason}`)).toEqual(["declineReferral.declineReason:NO_RELATIONSHIP"]);
    const gmvsView = await graphql<{ referral: Referral }>(hub.url, `query($id: ID!) { referral(id: $id) { status declinedAt declineReason } }`, { id: referral.id }, await gmvs());
    expect(gmvsView.body.data?.referral).toMatchObject({ status: "DECLINED", declineReason: "Outside our service area" });
    expect(gmvsView.body.data?.referral.declinedAt).not.toBeNull();
  });

  it("refuses to accept a withdrawn referral with CONFLICT naming its state, and changes neither the row nor the audit chain", async () => {
    const { referral } = await sentReferral("withdrawn");
    await act("receiveReferral", referral.id, await pankhurst());
    const withdrawn = await act("withdrawReferral", referral.id, await gmvs(), "withdrawnAt withdrawReason", { reason: "The victim no longer wants the service" });
    expect(withdrawn.body.errors).toBeUndefined();
    expect(withdrawn.body.data?.withdrawReferral).toMatchObject({ status: "WITHDRAWN", withdrawReason: "The victim no longer wants the service" });

    const rowBefore = await referralRow(referral.id);
    const tipBefore = await auditTip();
    const relationshipBefore = await relationship(referral.id);
    const refused = await act("acceptReferral", referral.id, await pankhurst());
    expect(refused.body.data).toBeNull();
    expect(firstError(refused.body.errors)).toMatchObject({ code: "CONFLICT", currentStatus: "WITHDRAWN" });
    expect(refused.body.errors?.[0]?.message).toBe("Cannot accept a referral that is WITHDRAWN");
    expect(await referralRow(referral.id)).toEqual(rowBefore);
    expect(await auditTip()).toEqual(tipBefore);
    expect(await relationship(referral.id)).toEqual(relationshipBefore);
  });

  it("closes the partner's relationship on withdrawal and on closure, and lets GMVS close the loop", async () => {
    const { referral } = await sentReferral("close");
    expect((await relationship(referral.id))?.closed_at).toBeNull();
    await act("withdrawReferral", referral.id, await gmvs(), "", { reason: "Victim moved out of Greater Manchester" });
    expect((await relationship(referral.id))?.closed_at).not.toBeNull();
    const closed = await act("closeReferral", referral.id, await gmvs(), "closedAt withdrawnAt");
    expect(closed.body.errors).toBeUndefined();
    expect(closed.body.data?.closeReferral).toMatchObject({ status: "CLOSED" });

    const accepted = await sentReferral("close-accepted");
    await act("receiveReferral", accepted.referral.id, await pankhurst());
    await act("acceptReferral", accepted.referral.id, await pankhurst());
    expect((await relationship(accepted.referral.id))?.closed_at).toBeNull();
    await act("closeReferral", accepted.referral.id, await gmvs());
    expect((await relationship(accepted.referral.id))?.closed_at).not.toBeNull();
  });

  it("answers NOT_FOUND for a referral that does not exist", async () => {
    for (const id of [randomUUID(), "not-a-uuid"]) {
      const { body } = await act("closeReferral", id, await gmvs());
      expect(firstError(body.errors)).toMatchObject({ code: "NOT_FOUND" });
      const partner = await act("receiveReferral", id, await pankhurst());
      expect(firstError(partner.body.errors)).toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("referToService is refused unless an agreement and the victim's consent cover it", () => {
  it.each([
    ["no consent is given", async () => ({ consentId: null }), "FORBIDDEN", "NO_CONSENT"],
    [
      "the consent was withdrawn",
      async (caseId: string) => {
        const consentId = await recordConsent(caseId, "PANKHURST");
        const { body } = await graphql(hub.url, `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`, { id: consentId }, await gmvs());
        expect(body.errors).toBeUndefined();
        return { consentId };
      },
      "FORBIDDEN",
      "CONSENT_WITHDRAWN",
    ],
    ["the consent is to another partner", async (caseId: string) => ({ consentId: await recordConsent(caseId, "HOURGLASS") }), "FORBIDDEN", "NO_CONSENT"],
    [
      "the consent does not cover a category asked for",
      async (caseId: string) => ({ consentId: await recordConsent(caseId, "PANKHURST", ["IDENTITY", "SUPPORT"]), categories: ["IDENTITY", "SUPPORT", "ADDRESS"] }),
      "FORBIDDEN",
      "NO_CONSENT",
    ],
    [
      "the agreement does not cover a category asked for, though the consent does",
      async (caseId: string) => ({ consentId: await recordConsent(caseId, "PANKHURST", [...SUPPORT_CATEGORIES, "HEALTH"]), categories: ["SUPPORT", "HEALTH"] }),
      "FORBIDDEN",
      "NO_AGREEMENT",
    ],
    [
      "no agreement exists with the organisation at all",
      async (caseId: string) => ({ consentId: await recordConsent(caseId, "GMP"), partner: "GMP" }),
      "FORBIDDEN",
      "NO_AGREEMENT",
    ],
    [
      "the consent is another victim's",
      async () => ({ consentId: CLIENT_M_CONSENT_ID }),
      "INVALID_INPUT",
      undefined,
    ],
    ["the consent does not exist", async () => ({ consentId: randomUUID() }), "INVALID_INPUT", undefined],
  ])("when %s", async (_name, setup, code, reason) => {
    const { caseId } = await createCase("refused");
    const vars = await setup(caseId);
    const tipBefore = await auditTip();
    const { body } = await refer({ caseId, ...vars });
    expect(body.data).toBeNull();
    expect(firstError(body.errors)).toMatchObject(reason ? { code, reason } : { code, argument: "consentId" });
    const [{ count }] = await hub.db.dataSource.query(`SELECT count(*)::int AS count FROM partners.referral WHERE case_id = $1`, [caseId]);
    expect(count).toBe(0);
    const [{ related }] = await hub.db.dataSource.query(
      `SELECT count(*)::int AS related FROM governance.relationship r JOIN governance.subject_link l ON l.subject_id = r.subject_id
       WHERE l.system = 'gmvs-case' AND l.local_ref = $1 AND r.organisation <> 'GMVS'`,
      [caseId],
    );
    expect(related).toBe(0);
    // A policy refusal is itself audited; bad input is not a decision.
    const added = (await readAuditChain(hub.db.dataSource)).slice(tipBefore.length);
    expect(added.map((e) => e.reason)).toEqual(reason ? [`REFERRAL_REFUSED:${reason}`] : []);
  });

  it("refuses PURPOSE_NOT_COVERED where the only agreement for the category is for another purpose", async () => {
    await hub.db.dataSource.query(
      `INSERT INTO governance.data_sharing_agreement (id, version, title, holder, recipients, categories, purposes, lawful_basis, requires_consent, starts_on, ends_on, source_file)
       VALUES ('test-gmvs-to-challenger-risk', 1, 'Test only', 'GMVS', '{CHALLENGER}', '{RISK}', '{safeguarding}', 'SAFEGUARDING', false, '2026-01-01', NULL, 'test')
       ON CONFLICT DO NOTHING`,
    );
    const { caseId } = await createCase("purpose");
    const consentId = await recordConsent(caseId, "CHALLENGER", ["SUPPORT", "RISK"]);
    const { body } = await refer({ caseId, partner: "CHALLENGER", service: "Victim navigator", categories: ["SUPPORT", "RISK"], consentId });
    expect(firstError(body.errors)).toMatchObject({ code: "FORBIDDEN", reason: "PURPOSE_NOT_COVERED", category: "RISK" });
  });

  it("refuses an unknown case with INVALID_INPUT", async () => {
    for (const caseId of [randomUUID(), "not-a-uuid"]) {
      const { body } = await refer({ caseId, consentId: null });
      expect(firstError(body.errors)).toMatchObject({ code: "INVALID_INPUT", argument: "caseId" });
    }
  });

  it("lets only GMVS caseworkers and supervisors refer", async () => {
    const { caseId } = await createCase("who");
    const consentId = await recordConsent(caseId, "PANKHURST");
    for (const headers of [await pankhurst(), await hub.as({ organisation: OrganisationCode.GMVS, roles: [Role.ANALYST] })]) {
      const { body } = await graphql(hub.url, REFER, { caseId, partner: "PANKHURST", service: "Restore", categories: ["SUPPORT"], consentId, reason: "x" }, headers);
      expect(firstError(body.errors)).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
    }
  });
});

describe("a referral's status after the partner's relationship has ended", () => {
  const STATUS_VIEW = `query($id: ID!) { referral(id: $id) { id status sentAt receivedAt declinedAt withdrawnAt closedAt reason withdrawReason declineReason service case { id } } }`;
  type Answer = { body: { data?: { referral: Record<string, unknown> } | null; errors?: { path?: (string | number)[]; extensions?: Record<string, unknown> }[] } };
  const refusals = (answer: Answer) => (answer.body.errors ?? []).map((e) => `${e.path?.join(".")}:${e.extensions?.reason}`).sort();

  it("still tells the partner it was addressed to that it was withdrawn, and when, but not why, nor anything of the victim", async () => {
    const { referral, caseId, subjectId } = await sentReferral("addressee-withdrawn");
    await act("receiveReferral", referral.id, await pankhurst());
    await act("withdrawReferral", referral.id, await gmvs(), "", { reason: "Synthetic: the victim no longer wants the service" });
    const seen = await graphql<{ referral: Record<string, unknown> }>(hub.url, STATUS_VIEW, { id: referral.id }, await pankhurst());
    expect(seen.body.data?.referral).toMatchObject({ id: referral.id, status: "WITHDRAWN", reason: null, withdrawReason: null, declineReason: null, service: null, case: null });
    expect(seen.body.data?.referral.withdrawnAt).toEqual(expect.any(String));
    expect(seen.body.data?.referral.receivedAt).toEqual(expect.any(String));
    expect(refusals(seen)).toEqual(["referral.case:NO_RELATIONSHIP", "referral.declineReason:NO_RELATIONSHIP", "referral.reason:NO_RELATIONSHIP", "referral.service:NO_RELATIONSHIP", "referral.withdrawReason:NO_RELATIONSHIP"]);
    // Nor the victim's case data.
    const kase = await graphql<{ case: Record<string, unknown> }>(hub.url, `query($id: ID!) { case(id: $id) { borough } }`, { id: caseId }, await pankhurst());
    expect(kase.body).toEqual({ data: { case: null } });

    // The release is audited like any other, under its own basis.
    const audit: { decision: string; reason: string; category: string }[] = await hub.db.dataSource.query(
      `SELECT decision, reason, category FROM governance.audit_event WHERE subject_id = $1 AND organisation = 'PANKHURST' AND reason = 'REFERRAL_ADDRESSEE'`,
      [subjectId],
    );
    expect(audit).toEqual([{ decision: "ALLOW", reason: "REFERRAL_ADDRESSEE", category: "SUPPORT" }]);
  });

  it("shows a declined or closed referral's status to its addressee, and none of it to another partner", async () => {
    const { referral } = await sentReferral("addressee-closed");
    await act("receiveReferral", referral.id, await pankhurst());
    await act("declineReferral", referral.id, await pankhurst(), "", { reason: "Synthetic: no capacity" });
    await act("closeReferral", referral.id, await gmvs());
    const seen = await graphql<{ referral: Record<string, unknown> }>(hub.url, STATUS_VIEW, { id: referral.id }, await pankhurst());
    expect(seen.body.data?.referral).toMatchObject({ status: "CLOSED", declineReason: null });
    expect(seen.body.data?.referral.closedAt).toEqual(expect.any(String));
    expect(seen.body.data?.referral.declinedAt).toEqual(expect.any(String));

    const other = await graphql<{ referral: Record<string, unknown> }>(hub.url, STATUS_VIEW, { id: referral.id }, await hourglass());
    // Another organisation is not told of the referral at all.
    expect(other.body.data?.referral ?? null).toBeNull();
  });
});

describe("the relationship a referral opens", () => {
  it("lets the partner see the case's GMVS data only while the referral stands: not before, yes after, not after a decline", async () => {
    const { caseId } = await createCase("visibility");
    const consentId = await recordConsent(caseId, "PANKHURST");
    const view = `query($id: ID!) { case(id: $id) { borough thematicLead status } }`;

    // Before: the same answer as for a case that does not exist.
    const unknown = await graphql<{ case: Record<string, unknown> }>(hub.url, view, { id: randomUUID() }, await pankhurst());
    expect(unknown.body).toEqual({ data: { case: null } });
    const before = await graphql<{ case: Record<string, unknown> }>(hub.url, view, { id: caseId }, await pankhurst());
    expect(before.body).toEqual(unknown.body);

    const { body } = await refer({ caseId, consentId });
    const id = body.data?.referToService.id as string;
    const during = await graphql<{ case: Record<string, unknown> }>(hub.url, view, { id: caseId }, await pankhurst());
    expect(during.body.errors).toBeUndefined();
    expect(during.body.data?.case).toEqual({ borough: "OLDHAM", thematicLead: "STALKING", status: "OPEN" });

    await act("receiveReferral", id, await pankhurst());
    await act("declineReferral", id, await pankhurst(), "", { reason: "No capacity this month" });
    const after = await graphql<{ case: Record<string, unknown> }>(hub.url, view, { id: caseId }, await pankhurst());
    expect(after.body).toEqual(unknown.body);
  });

  it("keeps one partner out of another's referral: a Pankhurst advocate cannot receive, accept, decline or see a Hourglass referral", async () => {
    const { caseId } = await createCase("other-partner");
    const consentId = await recordConsent(caseId, "HOURGLASS");
    const { body } = await refer({ caseId, partner: "HOURGLASS", service: "Economic abuse", consentId });
    expect(body.errors).toBeUndefined();
    const id = body.data?.referToService.id as string;

    for (const [name, vars] of [
      ["receiveReferral", {}],
      ["acceptReferral", {}],
      ["declineReferral", { reason: "Not ours" }],
      ["recordFirstContact", { at: new Date().toISOString() }],
    ] as const) {
      // The same answer as for a referral that does not exist: Pankhurst may not learn that this one does.
      const attempt = await act(name, id, await pankhurst(), "", vars);
      const unknown = await act(name, randomUUID(), await pankhurst(), "", vars);
      expect({ name, error: firstError(attempt.body.errors) }).toEqual({ name, error: firstError(unknown.body.errors) });
      expect({ name, error: firstError(attempt.body.errors) }).toMatchObject({ name, error: { code: "NOT_FOUND" } });
    }
    expect((await referralRow(id))?.status).toBe("SENT");
    const seen = await graphql<{ referral: unknown }>(hub.url, `query($id: ID!) { referral(id: $id) { id status } }`, { id }, await pankhurst());
    expect(seen.body.data?.referral).toBeNull();
    const listed = await graphql<{ case: { referrals: unknown[] } | null }>(hub.url, `query($id: ID!) { case(id: $id) { referrals { id } } }`, { id: caseId }, await pankhurst());
    // Pankhurst may not know the case exists either, so the case is null, as an unknown one is.
    expect(listed.body).toEqual({ data: { case: null } });
    // Hourglass, to whom it is addressed, can.
    const received = await act("receiveReferral", id, await hourglass());
    expect(received.body.errors).toBeUndefined();
    expect(received.body.data?.receiveReferral.status).toBe("RECEIVED");
  });

  it("lets only GMVS withdraw or close", async () => {
    const { referral } = await sentReferral("gmvs-only");
    const withdraw = await act("withdrawReferral", referral.id, await pankhurst(), "", { reason: "x" });
    expect(firstError(withdraw.body.errors)).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
    const close = await act("closeReferral", referral.id, await pankhurst());
    expect(firstError(close.body.errors)).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
  });
});

describe("the seed", () => {
  it("holds Client M's accepted referral to Pankhurst Restore and the self-referral's closed one to Hourglass", async () => {
    const { body } = await graphql<{ case: { referrals: Referral[] } }>(hub.url, CASE_WITH_REFERRALS, { id: SYNTHETIC_CASE_IDS.clientM }, await gmvs());
    expect(body.errors).toBeUndefined();
    expect(body.data?.case.referrals).toEqual([
      expect.objectContaining({
        partner: "PANKHURST",
        service: "Restore",
        status: "ACCEPTED",
        consentId: CLIENT_M_CONSENT_ID,
        sentAt: "2026-09-05T11:00:00.000Z",
        receivedAt: "2026-09-05T15:20:00.000Z",
        acceptedAt: "2026-09-07T09:30:00.000Z",
        firstContactAt: "2026-09-07T14:00:00.000Z",
        waitingHoursToFirstContact: 51,
        waitingHoursToAcceptance: 46.5,
      }),
    ]);
    // The advocate sees it through the agreement, Client M's consent and the referral's relationship.
    const advocate = await graphql<{ case: { referrals: Referral[] } }>(hub.url, CASE_WITH_REFERRALS, { id: SYNTHETIC_CASE_IDS.clientM }, await pankhurst());
    expect(advocate.body.errors).toBeUndefined();
    expect(advocate.body.data?.case.referrals[0]).toMatchObject({ service: "Restore", status: "ACCEPTED" });

    const selfReferral = await graphql<{ case: { referrals: Referral[] } }>(hub.url, CASE_WITH_REFERRALS, { id: SYNTHETIC_CASE_IDS.selfReferral }, await gmvs());
    expect(selfReferral.body.data?.case.referrals).toEqual([
      expect.objectContaining({ partner: "HOURGLASS", status: "CLOSED", consentId: SYNTHETIC_CONSENT_IDS.selfReferralToHourglass, closedAt: "2026-11-05T16:00:00.000Z" }),
    ]);
    const [hourglassRelationship] = await hub.db.dataSource.query(
      `SELECT closed_at FROM governance.relationship WHERE organisation = 'HOURGLASS' AND kind = 'referral' AND source_ref = '5eed0000-0000-4000-8000-0000000000f2'`,
    );
    expect(hourglassRelationship.closed_at).toEqual(new Date("2026-11-05T16:00:00Z"));
  });

  it("names consents governance seeds, and adds nothing when run again", async () => {
    const [{ count }] = await hub.db.dataSource.query(
      `SELECT count(*)::int AS count FROM governance.consent WHERE id IN ($1, $2)`,
      [SYNTHETIC_CONSENT_IDS.clientMToPankhurst, SYNTHETIC_CONSENT_IDS.selfReferralToHourglass],
    );
    expect(count).toBe(2);
    const counts = async () =>
      hub.db.dataSource.query(
        `SELECT (SELECT count(*)::int FROM partners.referral) AS referrals, (SELECT count(*)::int FROM governance.relationship) AS relationships,
                (SELECT count(*)::int FROM governance.subject_link) AS links`,
      );
    const before = await counts();
    await partners.seed(hub.db);
    await governance.seed(hub.db);
    expect(await counts()).toEqual(before);
  });
});

describe("cost", () => {
  it("reads the referrals of one case and of forty in the same number of SQL statements", async () => {
    const ds = hub.db.dataSource;
    for (let i = 0; i < 40; i++) {
      const { caseId } = await createCase(`count-${i}`);
      await ds.query(
        `INSERT INTO partners.referral (case_id, partner, service, categories, consent_id, reason, status, sent_by, sent_at, updated_at)
         VALUES ($1, 'PANKHURST', 'Restore', '{SUPPORT}', NULL, 'Synthetic', 'SENT', 'test', now(), now()),
                ($1, 'HOURGLASS', 'Economic abuse', '{SUPPORT}', NULL, 'Synthetic', 'SENT', 'test', now(), now())`,
        [caseId],
      );
    }
    const query = `query($first: Int!) { cases(first: $first) { caseReference referrals { partner service status sentAt reason case { id } } } }`;
    const counts: number[] = [];
    for (const first of [1, 10, 40]) {
      const { body, headers } = await graphql<{ cases: { referrals: unknown[] }[] }>(hub.url, query, { first }, await gmvs());
      const requestId = headers.get("x-request-id") as string;
      expect(body.errors).toBeUndefined();
      expect(body.data?.cases).toHaveLength(first);
      // The newest cases are the forty just made, two referrals each.
      expect(body.data?.cases.flatMap((c) => c.referrals)).toHaveLength(2 * first);
      counts.push(sqlStatementsFor(requestId));
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
  });
});

describe("facts for insights", () => {
  it("gives the referrals changed since a watermark, oldest change first, page by page", async () => {
    const service = new ReferralService(hub.db.dataSource);
    let page = await service.factsChangedSince(null, 1000);
    while (page.facts.length === 1000) page = await service.factsChangedSince(page.watermark, 1000);
    const watermark = page.watermark;

    const { referral } = await sentReferral("facts");
    await act("receiveReferral", referral.id, await pankhurst());
    const changed = await service.factsChangedSince(watermark, 10);
    expect(changed.facts).toEqual([
      expect.objectContaining({ referralId: referral.id, partner: "PANKHURST", service: "Restore", status: "RECEIVED", acceptedAt: null, declinedAt: null, firstContactAt: null }),
    ]);
    expect(changed.facts[0]).not.toHaveProperty("reason");
    const none = await service.factsChangedSince(changed.watermark, 10);
    expect(none).toEqual({ facts: [], watermark: changed.watermark });
  });
});
