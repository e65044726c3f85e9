import { randomUUID } from "node:crypto";
import { governancePortFor, prepareDatabase, RunningSubgraph, startGateway, startSubgraph } from "../src/hub";
import type { Config } from "../src/platform/config";
import type { Database } from "../src/platform/database";
import { OrganisationCode } from "../src/platform/domain";
import type { RunningServer } from "../src/platform/http";
import { createLogger } from "../src/platform/logger";
import { Purpose, Role } from "../src/platform/principal";
import { signServiceToken } from "../src/platform/service-token";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { verifyChain } from "../src/policy/audit";
import { readAuditChain } from "../src/subgraphs/governance/audit/chain";
import { GOVERNANCE_PORT_AUDIENCE, GOVERNANCE_PORT_PATHS } from "../src/policy/governance-port";
import { SubjectSystem } from "../src/policy/sensitive";
import { graphql, hubStoreTemplate, startTestHub, TEST_GATEWAY_SIGNING_KEY, TestHub } from "./support/hub";
import { createTestStore, TestStore } from "./support/store";

/**
 * The police, victims, partners and insights subgraphs run apart from
 * governance, on a store of their own whose governance tables hold nothing,
 * behind a gateway of their own, beside a hub that keeps the rest: the
 * access policy reaches governance only through its internal routes over
 * loopback HTTP, and decides and audits exactly as it does inside the hub;
 * what the victims' and partners' changes tell governance goes there as
 * commands from their own outboxes.
 */
let hub: TestHub;
let store: TestStore;
let apartDb: Database;
let police: RunningSubgraph;
let victims: RunningSubgraph;
let partners: RunningSubgraph;
let insights: RunningSubgraph;
let apartGateway: RunningServer;

beforeAll(async () => {
  hub = await startTestHub({ GATEWAY_SIGNING_KEY: TEST_GATEWAY_SIGNING_KEY, BREAK_GLASS_DAILY_CAP: "1" });
  store = await createTestStore();
  const urls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, running]) => [name, running.url])) as Record<keyof TestHub["subgraphs"], string>;
  const config: Config = { ...hub.config, databaseUrl: store.databaseUrl, pgliteDataDir: undefined, subgraphUrls: urls };
  const logger = createLogger("silent");
  apartDb = await prepareDatabase(config, ["police", "victims", "partners", "insights"], logger, { pgliteTemplate: store.databaseUrl ? undefined : await hubStoreTemplate(config) });
  // Whatever governance knows lives in the hub's store only: a decision made from this store's tables would find no one, under no agreement.
  await apartDb.dataSource.query(`DELETE FROM governance.consent_state; DELETE FROM governance.consent; DELETE FROM governance.relationship; DELETE FROM governance.subject_link; DELETE FROM governance.data_sharing_agreement`);
  police = await startSubgraph("police", apartDb, config, logger, 0, hub.sources, "guarded", {}, undefined, governancePortFor("police", apartDb, config));
  victims = await startSubgraph("victims", apartDb, config, logger, 0, hub.sources, "guarded", {}, undefined, governancePortFor("victims", apartDb, config));
  partners = await startSubgraph("partners", apartDb, config, logger, 0, hub.sources, "guarded", {}, undefined, governancePortFor("partners", apartDb, config));
  insights = await startSubgraph("insights", apartDb, config, logger, 0, hub.sources, "guarded", {}, undefined, governancePortFor("insights", apartDb, config));
  apartGateway = await startGateway({ ...urls, police: police.url, victims: victims.url, partners: partners.url, insights: insights.url }, config, logger, 0);
});
afterAll(async () => {
  await apartGateway?.close();
  await insights?.close();
  await partners?.close();
  await victims?.close();
  await police?.close();
  await apartDb?.close();
  await store?.close();
  await hub?.close();
});

const CASE_CRIME = `query($id: ID!) { case(id: $id) { caseReference crime { crimeReference offenceDescription status victimRef stalkingTriage { risk } updates { id kind } orders { kind status } } } }`;
const auditCount = async (db: Database) => Number(((await db.dataSource.query(`SELECT count(*) AS n FROM governance.audit_event`)) as { n: string }[])[0]!.n);

describe("the police subgraph apart from governance", () => {
  it("releases and refuses a crime's fields exactly as the hub does, though its own store knows no subject, consent or relationship", async () => {
    const callers = [
      await hub.as({ organisation: OrganisationCode.GMVS }),
      await hub.as({ organisation: OrganisationCode.PANKHURST, subject: "advocate-a7" }),
      await hub.as({ organisation: OrganisationCode.HOURGLASS }),
    ];
    for (const caller of callers) {
      for (const id of [SYNTHETIC_CASE_IDS.clientM, SYNTHETIC_CASE_IDS.harassment]) {
        const inHub = await graphql(hub.url, CASE_CRIME, { id }, caller);
        const apart = await graphql(apartGateway.url, CASE_CRIME, { id }, caller);
        expect(apart.body).toEqual(inHub.body);
      }
    }
    // Not vacuous: the advocate sees Client M's police updates (consent and relationship, both governance's) and is refused the triage.
    const advocate = await graphql<{ case: { crime: { updates: unknown[]; stalkingTriage: unknown } } }>(apartGateway.url, CASE_CRIME, { id: SYNTHETIC_CASE_IDS.clientM }, callers[1]);
    expect(advocate.body.data?.case.crime.updates.length).toBeGreaterThan(0);
    expect(advocate.body.errors?.map((e) => e.extensions?.reason)).toContain("NO_AGREEMENT");
  });

  it("writes its audit into governance's one chain before the answer leaves, and none into its own store", async () => {
    const [inHubBefore, apartBefore] = [await auditCount(hub.db), await auditCount(apartDb)];
    const advocate = await hub.as({ organisation: OrganisationCode.PANKHURST, subject: `advocate-${randomUUID()}` });
    const { body } = await graphql(apartGateway.url, CASE_CRIME, { id: SYNTHETIC_CASE_IDS.clientM }, advocate);
    expect(body.data).toBeTruthy();
    const chain = await readAuditChain(hub.db.dataSource);
    const police = chain.slice(inHubBefore).filter((e) => e.holder === OrganisationCode.GMP && e.organisation === OrganisationCode.PANKHURST);
    expect(police.map((e) => e.decision).sort()).toEqual(expect.arrayContaining(["ALLOW", "DENY"]));
    expect(police.every((e) => e.subjectId !== null)).toBe(true);
    expect(verifyChain(chain)).toBeNull();
    expect(await auditCount(apartDb)).toBe(apartBefore);
  });

  it("counts a supervisor's break-glass against the day's cap in governance's audit", async () => {
    const supervisor = { authorization: (await hub.as({ organisation: OrganisationCode.HOURGLASS, roles: [Role.SUPERVISOR], subject: `supervisor-${randomUUID()}` })).authorization };
    const glass = { ...supervisor, "x-break-glass-reason": "GMP-20261201-0001: Immediate risk to life reported by a neighbour; welfare visit now" };
    const before = await auditCount(hub.db);
    const first = await graphql<{ case: { crime: { updates: unknown[] } } }>(apartGateway.url, CASE_CRIME, { id: SYNTHETIC_CASE_IDS.clientM }, glass);
    expect(first.body.data?.case.crime.updates.length).toBeGreaterThan(0);
    // The police subgraph's grants (the updates are its fields alone) are in governance's chain, where the next request's count finds them.
    const grants = (await readAuditChain(hub.db.dataSource)).slice(before).filter((e) => e.category === "INVESTIGATION_UPDATES" && e.reason === "BREAK_GLASS");
    expect(grants.length).toBeGreaterThan(0);
    // The cap is one: the second request today is refused break-glass, whichever gateway it came through.
    const second = await graphql(hub.url, CASE_CRIME, { id: SYNTHETIC_CASE_IDS.clientM }, glass);
    expect(second.body.errors?.map((e) => e.extensions?.reason)).toContain("BREAK_GLASS_LIMIT_REACHED");
  });
});

describe("the insights subgraph apart from governance", () => {
  it("admits a commissioner under the aggregates-only agreement governance holds, and refuses a partner's analyst", async () => {
    const query = `{ evidenceBase(measure: REFERRALS, by: [BOROUGH]) { measure } }`;
    const analyst = await hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.ANALYST], purpose: Purpose.COMMISSIONING });
    expect((await graphql(apartGateway.url, query, {}, analyst)).body).toEqual({ data: { evidenceBase: { measure: "REFERRALS" } } });
    const partner = await hub.as({ organisation: OrganisationCode.PANKHURST, roles: [Role.ANALYST], purpose: Purpose.COMMISSIONING });
    expect((await graphql(apartGateway.url, query, {}, partner)).body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "NO_AGREEMENT" });
  });
});

describe("the victims and partners subgraphs apart from governance", () => {
  const countIn = async (db: Database, sql: string, params: unknown[]) => Number(((await db.dataSource.query(sql, params)) as { n: string }[])[0]!.n);

  it("open a case and refer it on under a consent: the records are in their own store, the subject, relationships and audit in governance's", async () => {
    const gmvs = await hub.as({ organisation: OrganisationCode.GMVS, subject: `caseworker-${randomUUID()}` });
    const tag = randomUUID().slice(0, 8);
    const referred = await graphql<{ selfRefer: { case: { id: string; status: string } } }>(
      apartGateway.url,
      `mutation($input: SelfReferralInput!) { selfRefer(input: $input) { case { id status } } }`,
      { input: { victim: { givenName: "Test", familyName: `Apart ${tag}`, dateOfBirth: "1991-04-05", email: `apart.${tag}@example.invalid` }, borough: "SALFORD", thematicLead: "STALKING", enhancedRights: [] } },
      gmvs,
    );
    expect(referred.body.errors).toBeUndefined();
    const caseId = referred.body.data!.selfRefer.case.id;
    expect(await countIn(apartDb, `SELECT count(*) AS n FROM victims."case" WHERE id = $1`, [caseId])).toBe(1);
    expect(await countIn(hub.db, `SELECT count(*) AS n FROM victims."case" WHERE id = $1`, [caseId])).toBe(0);
    const [link] = (await hub.db.dataSource.query(`SELECT subject_id FROM governance.subject_link WHERE system = 'gmvs-case' AND local_ref = $1`, [caseId])) as { subject_id: string }[];
    expect(link).toBeDefined();
    expect(await countIn(hub.db, `SELECT count(*) AS n FROM governance.audit_event WHERE reason = 'SELF_REFERRAL_RECEIVED' AND subject_id = $1`, [link!.subject_id])).toBe(1);

    // The consent is governance's; the referral is the partners', made apart under it; Pankhurst's relationship opens in governance.
    const consent = await graphql<{ recordConsent: { id: string } }>(
      apartGateway.url,
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
      { input: { caseId, recipient: "PANKHURST", categories: ["IDENTITY", "CONTACT", "SUPPORT"], purposes: ["SUPPORT"] } },
      gmvs,
    );
    const sent = await graphql<{ referToService: { id: string; status: string } }>(
      apartGateway.url,
      `mutation($caseId: ID!, $consentId: ID) { referToService(caseId: $caseId, partner: PANKHURST, service: "Restore", categories: [IDENTITY, CONTACT, SUPPORT], consentId: $consentId, reason: "Synthetic: stalking advocacy") { id status } }`,
      { caseId, consentId: consent.body.data?.recordConsent.id },
      gmvs,
    );
    expect(sent.body.errors).toBeUndefined();
    const referralId = sent.body.data!.referToService.id;
    expect(await countIn(apartDb, `SELECT count(*) AS n FROM partners.referral WHERE id = $1`, [referralId])).toBe(1);
    expect(await countIn(hub.db, `SELECT count(*) AS n FROM governance.relationship WHERE organisation = 'PANKHURST' AND source_ref = $1 AND closed_at IS NULL`, [referralId])).toBe(1);
    // So Pankhurst, through the gateway in front of the pieces apart, is released the case's identity.
    const advocate = await hub.as({ organisation: OrganisationCode.PANKHURST, subject: `advocate-${tag}` });
    const seen = await graphql<{ case: { victim: { familyName: string } } }>(apartGateway.url, `query($id: ID!) { case(id: $id) { victim { familyName } } }`, { id: caseId }, advocate);
    expect(seen.body.data?.case.victim.familyName).toBe(`Apart ${tag}`);

    // Nothing of governance's in the store apart; every command sent and applied (the seeds' fixed ids were applied once already, for the hub's own victims and partners).
    expect(await countIn(apartDb, `SELECT (SELECT count(*) FROM governance.subject_link) + (SELECT count(*) FROM governance.relationship) + (SELECT count(*) FROM governance.consent) AS n`, [])).toBe(0);
    expect(await countIn(apartDb, `SELECT (SELECT count(*) FROM victims.governance_command WHERE applied_at IS NULL OR outcome NOT IN ('applied', 'duplicate')) + (SELECT count(*) FROM partners.governance_command WHERE applied_at IS NULL OR outcome NOT IN ('applied', 'duplicate')) AS n`, [])).toBe(0);
  });
});

describe("governance's interface", () => {
  const url = () => new URL(GOVERNANCE_PORT_PATHS.subjectFacts, hub.subgraphs.governance.url);
  const ask = (authorization: string | undefined, body: unknown = { keys: [{ system: SubjectSystem.GMVS_CASE, ref: SYNTHETIC_CASE_IDS.clientM }] }) =>
    fetch(url(), { method: "POST", headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
  const token = (issuer: string, audience = GOVERNANCE_PORT_AUDIENCE) => signServiceToken(TEST_GATEWAY_SIGNING_KEY, { issuer, audience }).then((t) => `Bearer ${t}`);

  it("answers another subgraph's service token, and refuses anything else", async () => {
    const answered = await ask(await token("police"));
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { subjects: unknown[] }).subjects).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    const refused = {
      "no credential": undefined,
      "a user's token": (await hub.as({ organisation: OrganisationCode.GMVS })).authorization,
      "governance's own name": await token("governance"),
      "a fact feed's audience": await token("police", "victims-facts"),
      "another key": `Bearer ${await signServiceToken("another-key-another-key-another-key-000", { issuer: "police", audience: GOVERNANCE_PORT_AUDIENCE })}`,
    };
    for (const [who, authorization] of Object.entries(refused)) expect({ who, status: (await ask(authorization)).status }).toEqual({ who, status: 401 });
    // Not through the gateway, which serves GraphQL only.
    expect((await fetch(new URL(GOVERNANCE_PORT_PATHS.subjectFacts, hub.url), { method: "POST", headers: { authorization: await token("police") } })).status).toBe(404);
  });

  it("takes a subgraph's commands on its own path only, from its own token", async () => {
    const send = async (path: string, authorization: string, body: unknown) =>
      (await fetch(new URL(`${GOVERNANCE_PORT_PATHS.commands}${path}`, hub.subgraphs.governance.url), { method: "POST", headers: { "content-type": "application/json", authorization }, body: JSON.stringify(body) })).status;
    const ref = randomUUID();
    const link = { commands: [{ id: randomUUID(), command: { kind: "link-subject", system: SubjectSystem.GMVS_CASE, ref, subjectId: randomUUID() } }] };
    expect(await send("partners", await token("victims"), link)).toBe(401);
    expect(await send("victims", await token("police"), link)).toBe(401);
    expect(await send("victims", await token("victims"), { commands: [{ id: randomUUID(), command: { kind: "drop-table" } }] })).toBe(400);
    expect(await send("victims", await token("victims"), link)).toBe(200);
    expect(await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM governance.subject_link WHERE local_ref = $1`, [ref])).toEqual([{ n: 1 }]);
  });

  it("refuses a body that is not what the port sends, rather than read it as something else", async () => {
    const police = await token("police");
    for (const body of [{}, { keys: [{ system: "NOT_A_SYSTEM", ref: "x" }] }, { keys: [], extra: true }, { keys: "GMVS_CASE" }]) {
      expect({ body, status: (await ask(police, body)).status }).toEqual({ body, status: 400 });
    }
    const audit = await fetch(new URL(GOVERNANCE_PORT_PATHS.audit, hub.subgraphs.governance.url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: police },
      body: JSON.stringify({ events: [{ at: "yesterday", requestId: "r", decision: "MAYBE" }] }),
    });
    expect(audit.status).toBe(400);
  });
});
