import { randomUUID } from "node:crypto";
import { OrganisationCode } from "../src/platform/domain";
import type { AuditEventInput } from "../src/policy/audit";
import { GovernanceWrites, IdentifiedCommand } from "../src/policy/governance-commands";
import { SubjectSystem } from "../src/policy/sensitive";
import { readAuditChain } from "../src/subgraphs/governance/audit/chain";
import { RELATIONSHIP_NOT_OPENED } from "../src/subgraphs/governance/port/commands";
import { SqlGovernance } from "../src/subgraphs/governance/port/sql-governance";
import { startTestHub, TestHub } from "./support/hub";
import { actors, consentTo, policeReferral, send } from "./stories/support";

/**
 * Victims and partners tell governance about their records through commands
 * in their own outboxes (src/policy/governance-commands.ts): what a change
 * tells governance commits with it or not at all, reaches governance once
 * sent, is applied once however often it is sent, and is read by the
 * transaction that wrote it before governance has it.
 */
let hub: TestHub;
let governance: SqlGovernance;
let writes: GovernanceWrites;
beforeAll(async () => {
  hub = await startTestHub();
  governance = new SqlGovernance(hub.db.dataSource);
  writes = new GovernanceWrites(governance, "victims");
}, 120_000);
afterAll(async () => {
  await hub?.close();
});

const relay = () => hub.subgraphs.victims.commands!;
const caseKey = (ref: string) => ({ system: SubjectSystem.GMVS_CASE, ref });
const linkedInGovernance = async (ref: string) => (await governance.subjectsWithFactsFor([caseKey(ref)])).subjects[0];
const chainLength = async () => (await readAuditChain(hub.db.dataSource)).length;
const gmvsCase = (subjectId: string, ref: string) => ({ subjectId, organisation: OrganisationCode.GMVS, kind: "gmvs-case", sourceRef: ref, openedAt: new Date() });
const auditEvent = (subjectId: string): AuditEventInput & { records: string[] } => ({
  at: new Date(),
  requestId: `commands-test-${randomUUID()}`,
  actor: "gmvs-caseworker-s1",
  organisation: OrganisationCode.GMVS,
  roles: ["CASEWORKER"],
  purpose: "SUPPORT",
  subjectId,
  category: "IDENTITY",
  holder: OrganisationCode.GMVS,
  decision: "ALLOW",
  reason: "CASE_FILE_UPDATED",
  agreementId: null,
  consentId: null,
  breakGlassReason: null,
  records: [],
});

describe("commands to governance", () => {
  it("are rolled back with the change that wrote them: governance never hears of it", async () => {
    const ref = randomUUID();
    const before = await chainLength();
    await expect(
      hub.db.dataSource.transaction(async (m) => {
        const subjectId = await writes.linkSubject(m, caseKey(ref));
        await writes.openRelationship(m, gmvsCase(subjectId, ref));
        await writes.audit(m, [auditEvent(subjectId)]);
        throw new Error("the change failed after its commands were written");
      }),
    ).rejects.toThrow("the change failed");
    await relay().settle();
    expect(await linkedInGovernance(ref)).toBeNull();
    expect(await chainLength()).toBe(before);
  });

  it("are read by the transaction that wrote them, and by governance once the relay has sent them", async () => {
    await relay().stop();
    try {
      const ref = randomUUID();
      const subjectId = await hub.db.dataSource.transaction(async (m) => {
        const id = await writes.linkSubject(m, caseKey(ref));
        expect(await writes.subjectOf(m, caseKey(ref))).toBe(id);
        expect(await writes.hasOpenRelationship(m, id, OrganisationCode.GMVS)).toBe(false);
        await writes.openRelationship(m, gmvsCase(id, ref));
        expect(await writes.hasOpenRelationship(m, id, OrganisationCode.GMVS)).toBe(true);
        await writes.closeRelationship(m, gmvsCase(id, ref), new Date());
        expect(await writes.hasOpenRelationship(m, id, OrganisationCode.GMVS)).toBe(false);
        await writes.reopenRelationship(m, gmvsCase(id, ref));
        expect(await writes.hasOpenRelationship(m, id, OrganisationCode.GMVS)).toBe(true);
        return id;
      });
      // Committed, not yet sent: another transaction and governance know nothing of it.
      expect(await hub.db.dataSource.transaction((m) => writes.subjectOf(m, caseKey(ref)))).toBeNull();
      expect(await linkedInGovernance(ref)).toBeNull();

      await relay().settle();
      expect(await linkedInGovernance(ref)).toBe(subjectId);
      const [facts] = await governance.factsOfSubjects([subjectId]);
      expect(facts!.relationships).toEqual([expect.objectContaining({ organisation: OrganisationCode.GMVS, kind: "gmvs-case", closedAt: null })]);
      expect(await hub.db.dataSource.transaction((m) => writes.subjectOf(m, caseKey(ref)))).toBe(subjectId);
    } finally {
      relay().start();
    }
  });

  it("are applied once however often they are sent, and one subgraph's command id is not another's", async () => {
    const ref = randomUUID();
    const subjectId = randomUUID();
    const commands: IdentifiedCommand[] = [
      { id: randomUUID(), command: { kind: "link-subject" as const, system: SubjectSystem.GMVS_CASE, ref, subjectId } },
      { id: randomUUID(), command: { kind: "audit" as const, events: [auditEvent(subjectId)] } },
    ];
    expect(await governance.applyCommands("victims", commands)).toEqual(["applied", "applied"]);
    const length = await chainLength();
    expect(await governance.applyCommands("victims", commands)).toEqual(["duplicate", "duplicate"]);
    expect(await chainLength()).toBe(length);
    expect(await linkedInGovernance(ref)).toBe(subjectId);
    // A record linked to one subject is not moved to another by a later command: refused, and said so.
    const other = { id: randomUUID(), command: { kind: "link-subject" as const, system: SubjectSystem.GMVS_CASE, ref, subjectId: randomUUID() } };
    expect(await governance.applyCommands("partners", [other])).toEqual(["refused: the record is linked to another subject"]);
    expect(await linkedInGovernance(ref)).toBe(subjectId);
  });

  it("open no relationship under a consent withdrawn before governance applies them, and audit the refusal", async () => {
    const { caseId } = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "BOLTON" as never, flags: { stalking: true } });
    const subjectId = (await linkedInGovernance(caseId))!;
    const opening = (underConsent: string) => ({
      id: randomUUID(),
      command: { kind: "open-relationship" as const, subjectId, organisation: OrganisationCode.PANKHURST, relationshipKind: "referral", sourceRef: randomUUID(), openedAt: new Date(), underConsent },
    });
    const pankhurstRelationships = async () => (await governance.factsOfSubjects([subjectId]))[0]!.relationships.filter((r) => r.organisation === OrganisationCode.PANKHURST);

    const consentId = await consentTo(hub, caseId, "PANKHURST", ["SUPPORT"]);
    await send(hub, `mutation($id: ID!) { withdrawConsent(consentId: $id) { withdrawnAt } }`, { id: consentId }, actors(hub).gmvs());
    const refused = opening(consentId);
    expect(await governance.applyCommands("partners", [refused])).toEqual(["refused: the consent was withdrawn"]);
    expect(await pankhurstRelationships()).toEqual([]);
    const chain = await readAuditChain(hub.db.dataSource);
    expect(chain.at(-1)).toEqual(
      expect.objectContaining({ subjectId, holder: OrganisationCode.PANKHURST, decision: "DENY", reason: RELATIONSHIP_NOT_OPENED, consentId, records: [`referral:${refused.command.sourceRef}`] }),
    );

    // Given again, the consent is in force: the same command opens the relationship.
    const again = await consentTo(hub, caseId, "PANKHURST", ["SUPPORT"]);
    expect(await governance.applyCommands("partners", [opening(again)])).toEqual(["applied"]);
    expect(await pankhurstRelationships()).toEqual([expect.objectContaining({ kind: "referral", closedAt: null })]);
  });

  it("wait while another process holds the outbox's lease, and go out in order once it is free", async () => {
    await relay().stop();
    try {
      await hub.db.dataSource.query(`UPDATE victims.governance_command_lease SET holder = 'another-process', until = now() + interval '1 minute'`);
      const ref = randomUUID();
      const subjectId = await hub.db.dataSource.transaction((m) => writes.linkSubject(m, caseKey(ref)));
      expect(await relay().drain()).toBeNull();
      expect(await linkedInGovernance(ref)).toBeNull();
      // A lease whose holder died runs out, and the next sender takes it over.
      await hub.db.dataSource.query(`UPDATE victims.governance_command_lease SET until = now() - interval '1 second'`);
      await relay().settle();
      expect(await linkedInGovernance(ref)).toBe(subjectId);
    } finally {
      relay().start();
    }
  });

  it("mark a command no one can read as unreadable instead of sending it forever, and send the rest", async () => {
    const ref = randomUUID();
    await hub.db.dataSource.query(`INSERT INTO victims.governance_command (id, command) VALUES ($1, $2)`, [randomUUID(), JSON.stringify({ kind: "link-everything" })]);
    const subjectId = await hub.db.dataSource.transaction((m) => writes.linkSubject(m, caseKey(ref)));
    await relay().settle();
    expect(await linkedInGovernance(ref)).toBe(subjectId);
    const outcomes = await hub.db.dataSource.query(`SELECT outcome FROM victims.governance_command WHERE command->>'kind' = 'link-everything'`);
    expect(outcomes).toEqual([{ outcome: "unreadable" }]);
  });

  it("reach governance before a mutation's response leaves, and its own answer is audited under the subject it linked", async () => {
    const body = await send(
      hub,
      `mutation($input: SelfReferralInput!) { selfRefer(input: $input) { case { id status victim { familyName } } } }`,
      { input: { victim: { givenName: "Test", familyName: `Person ${randomUUID().slice(0, 8)}`, dateOfBirth: "1984-03-02", email: `test.${randomUUID().slice(0, 8)}@example.invalid` }, borough: "BOLTON", thematicLead: "GENERAL", enhancedRights: [] } },
      actors(hub).gmvs(),
    );
    const caseId = body.data?.selfRefer.case.id as string;
    // No settle here: the response waited for governance to have them.
    const subjectId = await linkedInGovernance(caseId);
    expect(subjectId).not.toBeNull();
    const chain = await readAuditChain(hub.db.dataSource);
    const received = chain.filter((e) => e.reason === "SELF_REFERRAL_RECEIVED" && e.subjectId === subjectId);
    expect(received).toHaveLength(1);
    // The answer's releases of the case and the victim were decided before governance had the link: they name the subject all the same.
    const answered = chain.filter((e) => e.requestId === received[0]!.requestId && e.reason === "OWN_RECORD");
    expect(answered.flatMap((e) => e.records ?? []).sort()).toEqual(expect.arrayContaining([`Case:${caseId}`]));
    expect(answered.map((e) => e.subjectId)).toEqual(answered.map(() => subjectId));
  });
});
