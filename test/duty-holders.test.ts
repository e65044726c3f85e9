import { InvestigationUpdateKind } from "../connectors/police/types";
import { OrganisationCode } from "../src/platform/domain";
import { Role } from "../src/platform/principal";
import { startTestHub, TestHub } from "./support/hub";
import { recordCrime } from "./support/police";
import { actors, consentTo, policeReferral, policeUpdate, referralStep, referToRestore, RESTORE_REFERRAL_CATEGORIES, send } from "./stories/support";

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

it("counts GMP's record that it confirmed the report in writing, with no update named, towards Right 3; refuses it for an unknown crime or before the report", async () => {
  const as = actors(hub);
  const v = await referredWithArrest();
  const R3 = (entitlements: { right: number }[]) => entitlements.find((e) => e.right === 3);
  const before = await send(hub, COMPLIANCE, { id: v.caseId }, as.gmvs());
  expect(R3(before.data?.case.victimsCodeCompliance.entitlements)).toMatchObject({ event: "CRIME_REPORTED", status: "PENDING", fulfilledBy: null });

  const early = await send(hub, RECORD, { input: { crimeReference: v.crimeReference, occurredAt: new Date(v.reportedAt.getTime() - MINUTE).toISOString(), channel: "LETTER" } }, as.gmp(), true);
  expect(early.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "occurredAt" });
  const unknown = await send(hub, RECORD, { input: { crimeReference: "SYN/NONE01/26", occurredAt: new Date().toISOString(), channel: "LETTER" } }, as.gmp(), true);
  expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "crimeReference" });

  const confirmedAt = new Date(v.reportedAt.getTime() + 5 * MINUTE).toISOString();
  await send(hub, RECORD, { input: { crimeReference: v.crimeReference, occurredAt: confirmedAt, channel: "LETTER" } }, as.gmp());
  const after = await send(hub, COMPLIANCE, { id: v.caseId }, as.gmvs());
  expect(R3(after.data?.case.victimsCodeCompliance.entitlements)).toMatchObject({ status: "MET", fulfilledAt: confirmedAt, fulfilledBy: "GMP" });
  // It answers the report, not the arrest.
  expect(after.data?.case.victimsCodeCompliance.entitlements.find((e: { right: number }) => e.right === 6)).toMatchObject({ status: "PENDING", fulfilledBy: null });
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

it("counts a partner's record where its agreement with GMP and the victim's consent let it see the update, and refuses one with no basis alike for a real crime and an unknown one", async () => {
  const as = actors(hub);
  const v = await referredWithArrest();
  const consentId = await consentTo(hub, v.caseId, "PANKHURST", [...RESTORE_REFERRAL_CATEGORIES, "OFFENCE_DETAILS", "INVESTIGATION_UPDATES"]);
  const referralId = await referToRestore(hub, v.caseId, consentId);
  await referralStep(hub, "receiveReferral", referralId, as.restore());
  await referralStep(hub, "acceptReferral", referralId, as.restore());
  const count = async () => ((await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM victims.victim_informed WHERE crime_reference = $1`, [v.crimeReference])) as { n: number }[])[0]!.n;

  const hourglass = () => hub.as({ organisation: OrganisationCode.HOURGLASS, subject: "hourglass-worker-s1" });
  const input = { crimeReference: v.crimeReference, policeUpdateId: v.arrest.id, occurredAt: new Date(v.reportedAt.getTime() + 20 * MINUTE).toISOString(), channel: "IN_PERSON" };
  const refused = await send(hub, RECORD, { input }, hourglass(), true);
  const unknown = await send(hub, RECORD, { input: { ...input, crimeReference: "SYN/NONE00/26", policeUpdateId: "SYN-UPDATE-NONE" } }, hourglass(), true);
  expect(refused).toEqual({ data: null, errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "FORBIDDEN", reason: "NO_BASIS" }) })] });
  expect(unknown.errors?.[0]?.extensions).toEqual(refused.errors?.[0]?.extensions);
  expect(unknown.errors?.[0]?.message).toBe(refused.errors?.[0]?.message);
  expect(await count()).toBe(0);

  await send(hub, RECORD, { input }, as.restore());
  const after = await send(hub, COMPLIANCE, { id: v.caseId }, as.gmvs());
  expect(after.data?.case.victimsCodeCompliance.entitlements).toEqual(
    expect.arrayContaining([{ right: 6, event: "SUSPECT_ARRESTED", policeUpdateId: v.arrest.id, status: "MET", fulfilledAt: input.occurredAt, fulfilledBy: "PANKHURST" }]),
  );
});

describe("what is due on GMVS's cases", () => {
  const DUE = `query($first: Int!, $after: String, $when: [VictimsCodeDueWhen!]!) {
    victimsCodeDue(first: $first, after: $after, when: $when) { items { caseId when entitlement { entitlement event policeUpdateId dueAt status } } endCursor hasNextPage } }`;
  type Item = { caseId: string; when: string; entitlement: { entitlement: string; event: string; policeUpdateId: string | null; dueAt: string; status: string } };
  const key = (caseId: string, e: Item["entitlement"]) => `${caseId}/${e.entitlement}/${e.event}/${e.policeUpdateId}/${e.dueAt}`;

  async function allPages(headers: () => Promise<Record<string, string>>, first: number, when: string[] = []): Promise<Item[]> {
    const items: Item[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 200; pages++) {
      const body = await send(hub, DUE, { first, after, when }, headers());
      const page = body.data?.victimsCodeDue;
      expect(page.items.length).toBeLessThanOrEqual(first);
      items.push(...page.items);
      if (!page.hasNextPage) return items;
      after = page.endCursor;
    }
    throw new Error("more than 200 pages");
  }

  it("lists for GMVS every entitlement not yet met on its open cases, by deadline, exactly once across pages, as each case's own compliance says", async () => {
    const as = actors(hub);
    const fresh = await referredWithArrest();
    const items = await allPages(as.gmvs, 7);
    // The oracle: each open case's compliance, read case by case, not through the worklist.
    const cases = await send(hub, `{ cases(first: 100) { id status victimsCodeCompliance { entitlements { entitlement event policeUpdateId dueAt status } } } }`, {}, as.gmvs());
    expect(cases.data?.cases.length).toBeLessThan(100); // else the oracle would not see every case
    const expected = cases.data?.cases
      .filter((c: { status: string }) => c.status !== "CLOSED")
      .flatMap((c: { id: string; victimsCodeCompliance: { entitlements: Item["entitlement"][] } }) =>
        c.victimsCodeCompliance.entitlements.filter((e) => e.status === "PENDING" || e.status === "MISSED").map((e) => key(c.id, e)),
      );
    expect(items.map((i) => key(i.caseId, i.entitlement)).sort()).toEqual([...expected].sort());
    expect(new Set(items.map((i) => key(i.caseId, i.entitlement))).size).toBe(items.length);
    const deadlines = items.map((i) => Date.parse(i.entitlement.dueAt));
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    for (const item of items) expect(item.when).toEqual(item.entitlement.status === "MISSED" ? "OVERDUE" : expect.stringMatching(/^DUE_(TODAY|LATER)$/));
    // The arrest an hour ago is due within 5 working days, so not overdue.
    expect(items.find((i) => i.entitlement.policeUpdateId === fresh.arrest.id)).toMatchObject({ caseId: fresh.caseId, when: expect.stringMatching(/^DUE_/), entitlement: { status: "PENDING" } });
    // Only the overdue, when asked.
    const overdue = await allPages(as.gmvs, 50, ["OVERDUE"]);
    expect(overdue.map((i) => key(i.caseId, i.entitlement))).toEqual(items.filter((i) => i.when === "OVERDUE").map((i) => key(i.caseId, i.entitlement)));
  });

  it("drops an entitlement once GMP, the duty holder, records that it told the victim", async () => {
    const as = actors(hub);
    const v = await referredWithArrest();
    const due = (items: Item[]) => items.some((i) => i.entitlement.policeUpdateId === v.arrest.id);
    expect(due(await allPages(as.gmvs, 100))).toBe(true);
    await send(hub, RECORD, { input: { crimeReference: v.crimeReference, policeUpdateId: v.arrest.id, occurredAt: new Date().toISOString(), channel: "PHONE" } }, as.gmp());
    expect(due(await allPages(as.gmvs, 100))).toBe(false);
  });

  it("is refused to GMP (GMVS's cases are not GMP's to know of), partners, commissioners and GMVS analysts, and refuses a page size or cursor it cannot honour", async () => {
    const as = actors(hub);
    for (const headers of [as.gmp(), as.restore(), as.commissioner(), hub.as({ organisation: OrganisationCode.GMVS, roles: [Role.ANALYST] })]) {
      const body = await send(hub, DUE, { first: 5, when: [] }, headers, true);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    for (const [variables, argument] of [
      [{ first: 0, when: [] }, "first"],
      [{ first: 101, when: [] }, "first"],
      [{ first: 5, after: "bm90IGEgY3Vyc29y", when: [] }, "after"],
    ] as const) {
      const body = await send(hub, DUE, variables, as.gmvs(), true);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument });
    }
  });
});

describe("Enhanced Rights a caseworker judges, from a date and with a reason", () => {
  const JUDGE = `mutation($id: ID!, $input: EnhancedRightsInput!) { recordEnhancedRights(caseId: $id, input: $input) { enhancedRights enhancedRightsRecord { categories withheld appliesFrom reason recordedBy } } }`;
  const RIGHT_6 = `query($id: ID!) { case(id: $id) { victimsCodeCompliance { entitlements { right event workingDaysAllowed enhancedRightsReasons } } } }`;
  const right6 = async (caseId: string) =>
    (await send(hub, RIGHT_6, { id: caseId }, actors(hub).gmvs())).data?.case.victimsCodeCompliance.entitlements
      .filter((e: { right: number }) => e.right === 6)
      .map((e: { event: string; workingDaysAllowed: number; enhancedRightsReasons: string[] }) => [e.event, e.workingDaysAllowed, e.enhancedRightsReasons]);

  it("shortens the clocks of the decisions after the judgement's date, not before, and keeps it with its reason", async () => {
    const as = actors(hub);
    const v = await referredWithArrest();
    const judgedFrom = new Date(v.reportedAt.getTime() + 20 * MINUTE);
    const judgementsAudited = async () =>
      (await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM governance.audit_event WHERE reason = 'ENHANCED_RIGHTS_RECORDED' AND category = 'RISK' AND organisation = 'GMVS'`))[0].n;
    const auditedBefore = await judgementsAudited();
    policeUpdate(hub, v.crimeReference, InvestigationUpdateKind.CHARGED, new Date(v.reportedAt.getTime() + 30 * MINUTE), "Charged with harassment");
    expect(await right6(v.caseId)).toEqual([
      ["SUSPECT_ARRESTED", 5, []],
      ["SUSPECT_CHARGED", 5, []],
    ]);
    const judged = await send(hub, JUDGE, { id: v.caseId, input: { categories: ["VULNERABLE"], appliesFrom: judgedFrom.toISOString(), reason: "Synthetic: assessed as vulnerable at first contact" } }, as.gmvs());
    expect(judged.data?.recordEnhancedRights).toEqual({
      enhancedRights: ["VULNERABLE"],
      enhancedRightsRecord: [{ categories: ["VULNERABLE"], withheld: [], appliesFrom: judgedFrom.toISOString(), reason: "Synthetic: assessed as vulnerable at first contact", recordedBy: "gmvs-caseworker-s1" }],
    });
    expect(await right6(v.caseId)).toEqual([
      ["SUSPECT_ARRESTED", 5, []],
      ["SUSPECT_CHARGED", 1, ["RECORDED"]],
    ]);
    expect(await judgementsAudited()).toBe(auditedBefore + 1);
  });

  it("withholds a reason worked out from the crime (a flag set in error) from its date on", async () => {
    const as = actors(hub);
    const reportedAt = new Date(Date.now() - 60 * MINUTE);
    const v = await policeReferral(hub, { homeOfficeCode: "8L", description: "Harassment", borough: "WIGAN" as never, recordedAt: reportedAt, flags: { harassment: true, domesticAbuse: true } });
    policeUpdate(hub, v.crimeReference, InvestigationUpdateKind.ARREST, new Date(reportedAt.getTime() + 10 * MINUTE), "Suspect arrested");
    expect(await right6(v.caseId)).toEqual([["SUSPECT_ARRESTED", 1, ["DOMESTIC_ABUSE"]]]);
    await send(hub, JUDGE, { id: v.caseId, input: { categories: [], withhold: ["DOMESTIC_ABUSE"], appliesFrom: reportedAt.toISOString(), reason: "Synthetic: no relationship between victim and suspect; flag set in error" } }, as.gmvs());
    expect(await right6(v.caseId)).toEqual([["SUSPECT_ARRESTED", 5, []]]);
  });

  it("refuses a judgement with no reason, from the future, or withholding RECORDED, and anyone but GMVS case staff, with nothing written", async () => {
    const as = actors(hub);
    const v = await referredWithArrest();
    const count = async () => (await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM victims.enhanced_rights_record WHERE case_id = $1`, [v.caseId]))[0].n;
    const before = await count();
    for (const [input, argument] of [
      [{ categories: ["VULNERABLE"], reason: "   " }, "reason"],
      [{ categories: ["VULNERABLE"], reason: "Synthetic", appliesFrom: new Date(Date.now() + 3_600_000).toISOString() }, "appliesFrom"],
      [{ categories: [], withhold: ["RECORDED"], reason: "Synthetic" }, "withhold"],
    ] as const) {
      const body = await send(hub, JUDGE, { id: v.caseId, input }, as.gmvs(), true);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument });
    }
    for (const headers of [as.gmp(), as.restore()]) {
      const body = await send(hub, JUDGE, { id: v.caseId, input: { categories: ["VULNERABLE"], reason: "Synthetic" } }, headers, true);
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await count()).toBe(before);
  });
});
