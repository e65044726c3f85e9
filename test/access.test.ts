import { randomUUID } from "node:crypto";
import { generateKeyPair } from "jose";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { signDevToken } from "../src/platform/auth";
import { verifyChain } from "../src/policy/audit";
import { readAuditChain } from "../src/subgraphs/governance/audit/chain";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { readAgreementFiles } from "../src/subgraphs/governance/agreements/agreement.files";
import { Borough } from "../connectors/police/types";
import { insertCase, linkCaseAndCrime } from "./support/cases";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { recordCrime } from "./support/police";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const CASE_VIEW = `query($id: ID!) { case(id: $id) { id borough thematicLead status crime { crimeReference offenceDescription stalking status } episodes { provider service status } } }`;
const restore = () => hub.as({ organisation: OrganisationCode.PANKHURST, subject: "advocate-a7" });
const gmvsSupervisor = () => hub.as({ organisation: OrganisationCode.GMVS, roles: [Role.SUPERVISOR], subject: "gmvs-lead-1" });

type CaseView = {
  case: {
    borough: string | null;
    thematicLead: string | null;
    crime: { offenceDescription: string | null; stalking: boolean | null; status: string | null } | null;
    episodes: { provider: string | null; service: string | null }[];
  } | null;
};

describe("identity", () => {
  it.each([
    ["no token", async () => ({})],
    ["a token signed by another key", async () => ({ authorization: `Bearer ${await signDevToken(hub.config.auth, principalOf(OrganisationCode.GMVS), { privateKey: (await generateKeyPair("ES256")).privateKey })}` })],
    ["an expired token", async () => ({ authorization: `Bearer ${await hub.token({ organisation: OrganisationCode.GMVS }, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}` })],
    ["a token for another audience", async () => ({ authorization: `Bearer ${await signDevToken({ ...hub.config.auth, audience: "elsewhere" }, principalOf(OrganisationCode.GMVS))}` })],
  ])("answers %s with 401 UNAUTHENTICATED and no data, at the gateway and at every subgraph", async (_name, headers) => {
    for (const url of [hub.url, hub.subgraphs.victims.url, hub.subgraphs.police.url]) {
      const { status, body } = await graphql(url, "{ organisations { code } }", {}, await headers());
      expect(status).toBe(401);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
  });
});

describe("story 1, Client M: the Restore advocate sees what the agreement and her consent allow, and nothing else", () => {
  it("shows Client M's police offence details and status, GMVS case details and the advocate's own episode", async () => {
    const { body } = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, await restore());
    expect(body.errors).toBeUndefined();
    expect(body.data?.case).toMatchObject({
      borough: "MANCHESTER",
      thematicLead: "STALKING",
      crime: { offenceDescription: "Stalking", stalking: true, status: "SUSPECT_CHARGED" },
      episodes: [{ provider: "PANKHURST", service: "Restore" }],
    });
  });

  it("shows nothing of a victim Pankhurst has no relationship with, not even that her case exists", async () => {
    const { body } = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.harassment }, await restore());
    const unknown = await graphql<CaseView>(hub.url, CASE_VIEW, { id: randomUUID() }, await restore());
    expect(body).toEqual({ data: { case: null } });
    expect(unknown.body).toEqual(body);
  });

  it("withholds everything personal from a commissioner, whose role sees aggregates only, the case itself included", async () => {
    const gmca = await hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING });
    const { body } = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, gmca);
    expect(body).toEqual({ data: { case: null } });
  });
});

describe("story 3, withdrawal", () => {
  it("hides the police fields from Pankhurst on the very next request, and the audit shows the releases before and the refusals after", async () => {
    const kase = await createCase("Withdrawal");
    const consent = await graphql<{ recordConsent: { id: string } }>(
      hub.url,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id recipient withdrawnAt } }`,
      { input: { caseId: kase.caseId, recipient: "PANKHURST", categories: ["OFFENCE_DETAILS", "INVESTIGATION_UPDATES"], purposes: ["SUPPORT"] } },
      await hub.as({ organisation: OrganisationCode.GMVS }),
    );
    expect(consent.body.errors).toBeUndefined();
    const consentId = consent.body.data?.recordConsent.id as string;
    // Her consent to Pankhurst knowing of her GMVS case and its support stays when she withdraws the police data.
    const support = await graphql(
      hub.url,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
      { input: { caseId: kase.caseId, recipient: "PANKHURST", categories: ["SUPPORT"], purposes: ["SUPPORT"] } },
      await hub.as({ organisation: OrganisationCode.GMVS }),
    );
    expect(support.body.errors).toBeUndefined();

    const before = await graphql<CaseView>(hub.url, CASE_VIEW, { id: kase.caseId }, await restore());
    expect(before.body.data?.case?.crime).toEqual({ crimeReference: kase.crimeReference, offenceDescription: "Stalking", stalking: true, status: "UNDER_INVESTIGATION" });

    const withdrawn = await graphql(hub.url, `mutation($id: ID!) { withdrawConsent(consentId: $id) { withdrawnAt } }`, { id: consentId }, await hub.as({ organisation: OrganisationCode.GMVS }));
    expect(withdrawn.body.errors).toBeUndefined();

    const after = await graphql<CaseView>(hub.url, CASE_VIEW, { id: kase.caseId }, await restore());
    // Without consent to its offence details, Pankhurst may not know the crime exists: the case
    // answers as one with no crime, with no error that would say one is there.
    expect(after.body.data?.case).toMatchObject({ id: kase.caseId, crime: null });
    expect(after.body.errors?.filter((e) => e.path?.[1] === "crime")).toEqual([]);

    const again = await graphql(hub.url, `mutation($id: ID!) { withdrawConsent(consentId: $id) { id } }`, { id: consentId }, await hub.as({ organisation: OrganisationCode.GMVS }));
    expect(again.body.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const audit = await graphql<{ subjectAccessExport: { requestId: string; organisation: string; category: string; decision: string; reason: string }[] }>(
      hub.url,
      `query($id: ID!) { subjectAccessExport(caseId: $id) { requestId organisation holder category decision reason consentId } }`,
      { id: kase.caseId },
      await gmvsSupervisor(),
    );
    // One line per request: the victims subgraph (the case's link to the crime) and the police
    // subgraph (the crime itself) each consult offence details, under the hub's one request id.
    const pankhurstOffence = audit.body.data?.subjectAccessExport.filter((e) => e.organisation === "PANKHURST" && e.category === "OFFENCE_DETAILS").map((e) => `${e.requestId} ${e.reason}`);
    expect([...new Set(pankhurstOffence)].map((line) => line.split(" ")[1])).toEqual(["AGREEMENT", "CONSENT_WITHDRAWN"]);
    expect(audit.body.data?.subjectAccessExport.map((e) => e.reason)).toEqual(expect.arrayContaining(["CONSENT_RECORDED", "CONSENT_WITHDRAWN"]));
  });

  it("lets only GMVS record or withdraw consent", async () => {
    const { body } = await graphql(
      hub.url,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
      { input: { caseId: SYNTHETIC_CASE_IDS.harassment, recipient: "PANKHURST", categories: ["OFFENCE_DETAILS"], purposes: ["SUPPORT"] } },
      await restore(),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
  });
});

describe("break-glass", () => {
  it("lets a supervisor with a written reason override a refusal, audited and flagged to the data owner", async () => {
    const why = "SG-MCR-004512: Immediate risk to life reported by the victim's neighbour; safeguarding visit";
    const supervisor = await hub.as({ organisation: OrganisationCode.PANKHURST, roles: [Role.SUPERVISOR], subject: "restore-lead-2" });
    const refused = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.harassment }, supervisor);
    expect(refused.body).toEqual({ data: { case: null } });
    const broken = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.harassment }, { ...supervisor, "x-break-glass-reason": why });
    expect(broken.body.data?.case?.crime?.offenceDescription).toBe("Harassment");

    // A caseworker's reason is refused outright: nothing runs, nothing is released.
    const caseworker = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.harassment }, { ...(await restore()), "x-break-glass-reason": why });
    expect(caseworker.status).toBe(403);
    expect(caseworker.body.data ?? null).toBeNull();
    expect(caseworker.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });

    const alerts = await graphql<{ auditEvents: { organisation: string; breakGlassReason: string; category: string }[] }>(
      hub.url,
      `{ auditEvents(first: 100, breakGlassOnly: true) { organisation actor category breakGlassReason } }`,
      {},
      await hub.as({ organisation: OrganisationCode.GMP, roles: [Role.SUPERVISOR] }),
    );
    expect(alerts.body.data?.auditEvents).toEqual(expect.arrayContaining([expect.objectContaining({ organisation: "PANKHURST", category: "OFFENCE_DETAILS", breakGlassReason: why })]));
  });
});

describe("agreements", () => {
  it("lists every agreement file in its latest version, with its title and source file", async () => {
    const { body } = await graphql<{ agreements: { id: string; title: string; sourceFile: string; requiresConsent: boolean }[] }>(
      hub.url,
      `{ agreements { id version title sourceFile requiresConsent } }`,
      {},
      await restore(),
    );
    expect(body.errors).toBeUndefined();
    const files = readAgreementFiles();
    expect(body.data?.agreements.map((a) => a.id)).toEqual(files.map((f) => f.id).sort());
    expect(body.data?.agreements).toEqual(expect.arrayContaining([expect.objectContaining({ id: "gmp-to-pankhurst-support", sourceFile: "gmp-to-pankhurst-support.v1.json", requiresConsent: true, title: "Police updates for Pankhurst Restore advocates" })]));
  });
});

describe("explainAccess", () => {
  it("tells the Restore advocate what she may see of Client M's case and why, releasing none of it", async () => {
    const { body } = await graphql<{ explainAccess: { holder: string; category: string; decision: string; reason: string; consentId: string | null }[] }>(
      hub.url,
      `query($id: ID!) { explainAccess(caseId: $id) { holder category decision reason agreementId consentId } }`,
      { id: SYNTHETIC_CASE_IDS.clientM },
      await restore(),
    );
    expect(body.errors).toBeUndefined();
    const rows = body.data?.explainAccess ?? [];
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ holder: "GMP", category: "OFFENCE_DETAILS", decision: "ALLOW", reason: "AGREEMENT" }),
        expect.objectContaining({ holder: "PANKHURST", category: "SUPPORT", decision: "ALLOW", reason: "OWN_RECORD" }),
        expect.objectContaining({ holder: "HOURGLASS", category: "SUPPORT", decision: "DENY", reason: "NO_AGREEMENT" }),
      ]),
    );
    expect(JSON.stringify(body)).not.toMatch(/Stalking|MANCHESTER/);
  });

  it("answers NOT_FOUND for a case that does not exist", async () => {
    const { body } = await graphql(hub.url, `query($id: ID!) { explainAccess(caseId: $id) { decision } }`, { id: randomUUID() }, await restore());
    expect(body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("the audit", () => {
  it("refuses UPDATE and DELETE, even for the application's own connection", async () => {
    await graphql(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, await restore());
    await expect(hub.db.dataSource.query(`UPDATE governance.audit_event SET decision = 'ALLOW'`)).rejects.toThrow(/append-only/);
    await expect(hub.db.dataSource.query(`DELETE FROM governance.audit_event`)).rejects.toThrow(/append-only/);
  });

  it("verifies intact, and names the event that was changed", async () => {
    await graphql(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, await restore());
    const chain = await readAuditChain(hub.db.dataSource);
    expect(chain.length).toBeGreaterThan(2);
    expect(verifyChain(chain)).toBeNull();
    // Tampering needs the trigger off: the sort of thing only someone with DDL rights could do.
    const target = chain[1]?.seq as number;
    await hub.db.dataSource.query(`ALTER TABLE governance.audit_event DISABLE TRIGGER audit_event_no_update_or_delete`);
    await hub.db.dataSource.query(`UPDATE governance.audit_event SET decision = 'DENY', reason = 'NO_CONSENT' WHERE seq = $1`, [target]);
    await hub.db.dataSource.query(`ALTER TABLE governance.audit_event ENABLE TRIGGER audit_event_no_update_or_delete`);
    expect(verifyChain(await readAuditChain(hub.db.dataSource))).toMatchObject({ seq: target, problem: "CHANGED" });
  });
});

async function createCase(label: string): Promise<{ caseId: string; crimeReference: string }> {
  const ds = hub.db.dataSource;
  const caseId = randomUUID();
  const crimeReference = `SYN/${String(Math.floor(Math.random() * 900000) + 100000)}/26`;
  recordCrime(hub, { crimeReference, homeOfficeCode: "8Q", description: "Stalking", borough: Borough.BURY, flags: { domesticAbuse: true, stalking: true } });
  await insertCase(ds, { id: caseId, caseReference: `GMVS-TEST-${label}-${caseId.slice(0, 8)}`, borough: "BURY", thematicLead: "STALKING", crimeReference });
  const subjectId = await linkCaseAndCrime(ds, caseId, crimeReference);
  await ds.query(
    `INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at)
     VALUES ($1, 'GMVS', 'gmvs-case', $2, now()), ($1, 'GMP', 'police-crime', $3, now()), ($1, 'PANKHURST', 'referral', $2, now())`,
    [subjectId, caseId, crimeReference],
  );
  return { caseId, crimeReference };
}

function principalOf(organisation: OrganisationCode) {
  return { subject: "someone", organisation, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT };
}
