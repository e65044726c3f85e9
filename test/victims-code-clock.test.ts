import { InvestigationUpdateKind } from "../connectors/police/types";
import { SqlGovernance } from "../src/subgraphs/governance/port/sql-governance";
import { victims } from "../src/subgraphs/victims";
import { CaseRecord } from "../src/subgraphs/victims/cases/case.entity";
import { VictimsCodeClock } from "../src/subgraphs/victims/victims-code/clock";
import { workingDayDeadline } from "../src/subgraphs/victims/victims-code/working-days";
import { startTestHub, TestHub } from "./support/hub";
import { actors, policeReferral, policeUpdate, send } from "./stories/support";

/**
 * The Victims' Code clock from GMVS's side: a police update starts an
 * entitlement, the clock announces it, and GMVS's worklist times it from
 * the engine's deadline; it shows overdue past that, and goes once GMVS
 * tells the victim. The clock runs when the test says (its schedule is off
 * under test), as the hub's own schedule would run it.
 */
let hub: TestHub;
let services: ReturnType<typeof victims.createServices>;
let clock: VictimsCodeClock;
beforeAll(async () => {
  hub = await startTestHub();
  services = victims.createServices(hub.db, hub.sources, hub.config, new SqlGovernance(hub.db.dataSource));
  clock = services.victimsCode;
});
afterAll(async () => {
  await hub?.close();
});

const WORKLIST = `query { worklist(first: 100, kinds: [VICTIMS_CODE_DUE]) { items { kind caseId recordType recordId dueAt overdue } } }`;

async function dueFor(headers: Promise<Record<string, string>>, caseId: string) {
  await hub.settleEvents();
  const body = await send(hub, WORKLIST, {}, headers);
  return (body.data?.worklist.items as { caseId: string; dueAt: string; overdue: boolean; recordType: string; recordId: string }[]).filter((i) => i.caseId === caseId);
}

const DAY = 86_400_000;

it("puts each update GMVS owes the victim on its worklist by the engine's deadline, once, overdue past it, and off once she is told", async () => {
  const as = actors(hub);
  const reportedAt = new Date(Date.now() - 30 * DAY);
  const v = await policeReferral(hub, { homeOfficeCode: "8L", description: "Harassment", borough: "WIGAN" as never, recordedAt: reportedAt, flags: { harassment: true } });
  await clock.tick();
  const before = await dueFor(as.gmvs(), v.caseId);

  // GMP arrests the suspect: the victim is owed that news within 5 working days (no Enhanced Rights here).
  const arrestedAt = new Date(Date.now() - 60 * 60_000);
  const arrest = policeUpdate(hub, v.crimeReference, InvestigationUpdateKind.ARREST, arrestedAt, "Suspect arrested");
  // An older charge, never passed on: the decision (Right 6) and the offer of a personal statement (Right 7), each
  // already overdue when the clock first sees them.
  const chargedAt = new Date(Date.now() - 20 * DAY);
  policeUpdate(hub, v.crimeReference, InvestigationUpdateKind.CHARGED, chargedAt, "Suspect charged");
  const first = await clock.tick();
  expect(first.refused).toBe(0);

  const owed = (await dueFor(as.gmvs(), v.caseId)).filter((i) => !before.some((b) => b.recordId === i.recordId));
  expect(owed.map((i) => ({ recordType: i.recordType, dueAt: i.dueAt, overdue: i.overdue })).sort((a, b) => a.dueAt.localeCompare(b.dueAt))).toEqual(
    [
      { recordType: "ENTITLEMENT", dueAt: workingDayDeadline(chargedAt, 5).toISOString(), overdue: true },
      { recordType: "ENTITLEMENT", dueAt: workingDayDeadline(chargedAt, 5).toISOString(), overdue: true },
      { recordType: "ENTITLEMENT", dueAt: workingDayDeadline(arrestedAt, 5).toISOString(), overdue: false },
    ],
  );
  expect(first).toMatchObject({ due: 3, overdue: 2, met: 0 });
  // Partners owe none of GMVS's Victims' Code updates and hear of none.
  expect(await dueFor(as.restore(), v.caseId)).toEqual([]);

  // Announced once: another pass with nothing changed says nothing.
  expect(await clock.tick()).toMatchObject({ due: 0, overdue: 0, met: 0 });

  // GMVS tells her of the arrest: the clock's next pass takes it off the list.
  await send(
    hub,
    `mutation($id: ID!, $input: ContactInput!) { recordContact(caseId: $id, input: $input) { id } }`,
    { id: v.caseId, input: { occurredAt: new Date().toISOString(), channel: "PHONE", purpose: "TOLD_OF_DECISION", summary: "Synthetic: told of the arrest", policeUpdateId: arrest.id } },
    as.gmvs(),
  );
  expect(await clock.tick()).toMatchObject({ met: 1 });
  const after = await dueFor(as.gmvs(), v.caseId);
  expect(after.map((i) => i.dueAt)).not.toContain(workingDayDeadline(arrestedAt, 5).toISOString());
  expect(after.filter((i) => i.dueAt === workingDayDeadline(chargedAt, 5).toISOString())).toHaveLength(2);

  // Closing the case ends what it owed; reopening it owes the rest again, on the same items.
  await send(hub, `mutation($id: ID!) { closeCase(caseId: $id, reason: SUPPORT_COMPLETED) { status } }`, { id: v.caseId }, as.gmvs());
  expect(await dueFor(as.gmvs(), v.caseId)).toEqual([]);
  // A pass that read the open cases just before the close announces nothing for it.
  const closed = await hub.db.dataSource.getRepository(CaseRecord).findOneByOrFail({ id: v.caseId });
  const late = new VictimsCodeClock(hub.db.dataSource, { ...services, cases: Object.assign(Object.create(services.cases), { open: async () => [closed] }) });
  expect(await late.tick()).toMatchObject({ due: 0, overdue: 0, met: 0 });
  expect(await dueFor(as.gmvs(), v.caseId)).toEqual([]);
  await send(hub, `mutation($id: ID!) { reopenCase(caseId: $id) { status } }`, { id: v.caseId }, as.gmvs());
  expect(await clock.tick()).toMatchObject({ due: 2 + before.length, met: 0 });
  expect((await dueFor(as.gmvs(), v.caseId)).map((i) => i.recordId).sort()).toEqual(after.map((i) => i.recordId).sort());
});
