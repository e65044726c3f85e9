import { InvestigationUpdateKind } from "../connectors/police/types";
import { startTestHub, TestHub } from "./support/hub";
import { recordCrime } from "./support/police";
import { actors, policeReferral, policeUpdate, send } from "./stories/support";

/**
 * Right 6 is GMP's duty: when GMP tells the victim of its own decision, it
 * records that through the hub, and the case's Victims' Code compliance counts
 * it, attributed to GMP, as it counts GMVS's contacts. From the callers' side.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const MINUTE = 60_000;
const RECORD = `mutation($input: VictimInformedInput!) { recordVictimInformed(input: $input) { id recordedAt } }`;
const COMPLIANCE = `query($id: ID!) { case(id: $id) { victimsCodeCompliance { entitlements { right event policeUpdateId status fulfilledAt fulfilledBy } } } }`;

async function referredWithArrest() {
  const reportedAt = new Date(Date.now() - 60 * MINUTE);
  const v = await policeReferral(hub, { homeOfficeCode: "8L", description: "Harassment", borough: "WIGAN" as never, recordedAt: reportedAt, flags: { harassment: true } });
  const arrest = policeUpdate(hub, v.crimeReference, InvestigationUpdateKind.ARREST, new Date(reportedAt.getTime() + 10 * MINUTE), "Suspect arrested");
  return { ...v, arrest, reportedAt };
}

it("counts GMP's own record that it told the victim towards Right 6, attributed to GMP, and audits it as GMP's", async () => {
  const as = actors(hub);
  const v = await referredWithArrest();
  const before = await send(hub, COMPLIANCE, { id: v.caseId }, as.gmvs());
  expect(before.data?.case.victimsCodeCompliance.entitlements.find((e: { right: number }) => e.right === 6)).toMatchObject({ status: "PENDING", fulfilledBy: null });

  const toldAt = new Date(v.reportedAt.getTime() + 20 * MINUTE).toISOString();
  const recorded = await send(hub, RECORD, { input: { crimeReference: v.crimeReference, policeUpdateId: v.arrest.id, occurredAt: toldAt, channel: "PHONE" } }, as.gmp());
  expect(recorded.data?.recordVictimInformed).toEqual({ id: expect.any(String), recordedAt: expect.any(String) });

  const after = await send(hub, COMPLIANCE, { id: v.caseId }, as.gmvs());
  expect(after.data?.case.victimsCodeCompliance.entitlements).toEqual(
    expect.arrayContaining([
      { right: 4, event: "CRIME_REPORTED", policeUpdateId: null, status: "MET", fulfilledAt: expect.any(String), fulfilledBy: "GMP" },
      { right: 6, event: "SUSPECT_ARRESTED", policeUpdateId: v.arrest.id, status: "MET", fulfilledAt: toldAt, fulfilledBy: "GMP" },
    ]),
  );
  const audit: { organisation: string; holder: string; category: string }[] = await hub.db.dataSource.query(
    `SELECT organisation, holder, category FROM governance.audit_event WHERE reason = 'VICTIM_INFORMED' AND $1 = ANY(records)`,
    [`Crime:${v.crimeReference}`],
  );
  expect(audit).toEqual([{ organisation: "GMP", holder: "GMP", category: "INVESTIGATION_UPDATES" }]);
});

it("answers GMP alike whether or not GMVS has a case for the crime: the receipt says nothing of it", async () => {
  const as = actors(hub);
  const reportedAt = new Date(Date.now() - 60 * MINUTE);
  const crime = recordCrime(hub, { crimeReference: `SYN/N${Date.now() % 100000}/26`, homeOfficeCode: "8L", description: "Harassment", borough: "BURY" as never, recordedAt: reportedAt });
  const arrest = policeUpdate(hub, crime.crimeReference, InvestigationUpdateKind.ARREST, new Date(reportedAt.getTime() + 5 * MINUTE), "Suspect arrested");
  const noCase = await send(hub, RECORD, { input: { crimeReference: crime.crimeReference, policeUpdateId: arrest.id, occurredAt: new Date().toISOString(), channel: "LETTER" } }, as.gmp());
  const withCase = await referredWithArrest();
  const kept = await send(hub, RECORD, { input: { crimeReference: withCase.crimeReference, policeUpdateId: withCase.arrest.id, occurredAt: new Date().toISOString(), channel: "LETTER" } }, as.gmp());
  expect(Object.keys(noCase.data?.recordVictimInformed)).toEqual(Object.keys(kept.data?.recordVictimInformed));
  expect(noCase.errors).toBeUndefined();
});

it("refuses anyone but GMP staff, and an update that is not the crime's or a telling before the decision, with nothing written", async () => {
  const as = actors(hub);
  const v = await referredWithArrest();
  const input = { crimeReference: v.crimeReference, policeUpdateId: v.arrest.id, occurredAt: new Date().toISOString(), channel: "PHONE" };
  const count = async () => ((await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM victims.victim_informed WHERE crime_reference = $1`, [v.crimeReference])) as { n: number }[])[0]!.n;

  for (const caller of [as.gmvs(), as.restore()]) {
    const refused = await send(hub, RECORD, { input }, caller, true);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
  }
  const unknown = await send(hub, RECORD, { input: { ...input, policeUpdateId: "SYN-UPDATE-NONE" } }, as.gmp(), true);
  expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "policeUpdateId" });
  const early = await send(hub, RECORD, { input: { ...input, occurredAt: v.reportedAt.toISOString() } }, as.gmp(), true);
  expect(early.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "occurredAt" });
  expect(await count()).toBe(0);
});
