import { ProtectiveOrderKind, ProtectiveOrderStatus } from "../connectors/police/types";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { EVIDENCE_CSV, EVIDENCE_TABLE, EvidenceTable, expectPublished } from "./support/evidence";
import { graphql, refreshThroughFeeds, startTestHub, TEST_GATEWAY_SIGNING_KEY, TestHub } from "./support/hub";
import { policeStandIn } from "./support/police";
import { actors, policeReferral, send } from "./stories/support";

/**
 * Protective orders in the evidence base: recorded by GMP on a supported
 * victim's crime, read by the victims subgraph with its case's facts, given
 * to insights over the victims' case fact feed, and counted by kind, outcome,
 * month and area under disclosure control.
 */
let hub: TestHub;
beforeAll(async () => {
  // An hour between scheduled refreshes: the test's own refreshes are the ones that count.
  hub = await startTestHub({ GATEWAY_SIGNING_KEY: TEST_GATEWAY_SIGNING_KEY, INSIGHTS_REFRESH_MS: "3600000" });
});
afterAll(async () => {
  await hub?.close();
});

const refresh = () => refreshThroughFeeds(hub);

const londonMonth = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" }).format(at);
const MONTH = londonMonth(new Date());
const [year, month] = MONTH.split("-").map(Number) as [number, number];
const PREVIOUS = londonMonth(new Date(Date.UTC(year, month - 2, 15)));

let orders = 0;
/** GMP records an order on the crime, as the police record would hold it now. */
function recordOrder(crimeReference: string, kind: ProtectiveOrderKind, status: ProtectiveOrderStatus, appliedOn: string): void {
  orders += 1;
  const granted = status !== ProtectiveOrderStatus.APPLIED;
  policeStandIn(hub).recordOrder({ id: `SYN-ORDER-T${orders}`, crimeReference, kind, status, appliedOn, grantedOn: granted ? appliedOn : null, expiresOn: null });
}

/** GMVS changes the case file, so its facts (and the orders read with them) are read again whether or not a refresh read the case before the orders. */
async function touchCase(caseId: string): Promise<void> {
  const body = await send(
    hub,
    `mutation($id: ID!, $input: CaseFileInput!) { updateCaseFile(caseId: $id, input: $input) { id } }`,
    { id: caseId, input: { assignedWorker: `Synthetic worker ${orders}` } },
    actors(hub).gmvs(),
  );
  expect(body.errors).toBeUndefined();
}

const commissioner = () => hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING });


const BOROUGH = "OLDHAM";
let abuseCaseId: string;

describe("protective orders in the evidence base", () => {
  beforeAll(async () => {
    // A domestic abuse victim with a notice (since expired) and an order (breached), both applied for last month;
    // a stalking victim whose SPO is applied for this month and not yet decided.
    const recordedAt = new Date(Date.UTC(year, month - 2, 1, 9));
    const abuse = await policeReferral(hub, { homeOfficeCode: "8N", description: "Assault with injury", borough: BOROUGH as never, recordedAt, flags: { domesticAbuse: true } }, { sex: "FEMALE" });
    const stalking = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: BOROUGH as never, flags: { stalking: true } }, { sex: "FEMALE" });
    recordOrder(abuse.crimeReference, ProtectiveOrderKind.DOMESTIC_ABUSE_PROTECTION_NOTICE, ProtectiveOrderStatus.EXPIRED, `${PREVIOUS}-05`);
    recordOrder(abuse.crimeReference, ProtectiveOrderKind.DOMESTIC_ABUSE_PROTECTION_ORDER, ProtectiveOrderStatus.BREACHED, `${PREVIOUS}-07`);
    recordOrder(stalking.crimeReference, ProtectiveOrderKind.STALKING_PROTECTION_ORDER, ProtectiveOrderStatus.APPLIED, `${MONTH}-01`);
    abuseCaseId = abuse.caseId;
    await touchCase(abuse.caseId);
    await touchCase(stalking.caseId);
    expect((await refresh()).status).toBe("FINISHED");
  });

  it("stores one fact per order, by kind and where it has got to, in the month it was applied for, with its case's context", async () => {
    const facts = await hub.db.dataSource.query(
      `SELECT order_kind, order_outcome, to_char(month, 'YYYY-MM') AS month, sex, domestic_abuse, stalking FROM insights.protective_order_fact
       WHERE borough = $1 ORDER BY order_kind`,
      [BOROUGH],
    );
    expect(facts).toEqual([
      { order_kind: "DAPN", order_outcome: "ISSUED", month: PREVIOUS, sex: "FEMALE", domestic_abuse: true, stalking: false },
      { order_kind: "DAPO", order_outcome: "BREACHED", month: PREVIOUS, sex: "FEMALE", domestic_abuse: true, stalking: false },
      { order_kind: "SPO", order_outcome: "APPLIED", month: MONTH, sex: "FEMALE", domestic_abuse: false, stalking: true },
    ]);

    // Its case changes again and its orders are read again: each is still one fact.
    await touchCase(abuseCaseId);
    expect((await refresh()).status).toBe("FINISHED");
    expect(await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM insights.protective_order_fact WHERE borough = $1`, [BOROUGH])).toEqual([{ n: 3 }]);
  });

  it("counts PROTECTIVE_ORDERS by ORDER_KIND and ORDER_OUTCOME under disclosure control, and exports them", async () => {
    // "*": every value (a margin).
    const truth: Record<string, number> = {
      "DAPN,ISSUED": 1,
      "DAPO,BREACHED": 1,
      "SPO,APPLIED": 1,
      "DAPN,*": 1,
      "DAPO,*": 1,
      "SPO,*": 1,
      "*,ISSUED": 1,
      "*,BREACHED": 1,
      "*,APPLIED": 1,
      "*,*": 3,
    };
    const { body } = await graphql<EvidenceTable>(
      hub.url,
      EVIDENCE_TABLE,
      { measure: "PROTECTIVE_ORDERS", by: ["ORDER_KIND", "ORDER_OUTCOME"], filter: { boroughs: [BOROUGH], fromMonth: PREVIOUS, toMonth: MONTH } },
      await commissioner(),
    );
    expect(body.errors).toBeUndefined();
    const table = body.data!.evidenceBase;
    expect(table.countUnit).toBe("protective orders (SPO, DAPN, DAPO)");
    expect(table.footnotes.join(" ")).toContain("no breach date");
    expect(table.cells).toHaveLength(4 * 4);
    for (const cell of table.cells) expectPublished(cell.count, truth[cell.coordinates.map((c) => c.value ?? "*").join()] ?? 0, table.rule);

    // Only this month: the SPO applied for, not last month's orders.
    const thisMonth = await graphql<EvidenceTable>(hub.url, EVIDENCE_TABLE, { measure: "PROTECTIVE_ORDERS", by: ["ORDER_KIND"], filter: { boroughs: [BOROUGH], fromMonth: MONTH, toMonth: MONTH } }, await commissioner());
    expect(thisMonth.body.errors).toBeUndefined();
    const monthTruth: Record<string, number> = { SPO: 1, "*": 1 };
    for (const cell of thisMonth.body.data!.evidenceBase.cells) {
      expectPublished(cell.count, monthTruth[cell.coordinates.map((c) => c.value ?? "*").join()] ?? 0, thisMonth.body.data!.evidenceBase.rule);
    }

    // Breached only.
    const breached = await graphql<EvidenceTable>(
      hub.url,
      EVIDENCE_TABLE,
      { measure: "PROTECTIVE_ORDERS", by: ["ORDER_KIND"], filter: { boroughs: [BOROUGH], orderOutcomes: ["BREACHED"] } },
      await commissioner(),
    );
    expect(breached.body.errors).toBeUndefined();
    const breachedTruth: Record<string, number> = { DAPO: 1, "*": 1 };
    for (const cell of breached.body.data!.evidenceBase.cells) {
      expectPublished(cell.count, breachedTruth[cell.coordinates.map((c) => c.value ?? "*").join()] ?? 0, breached.body.data!.evidenceBase.rule);
    }

    // No SPO was breached: every cell is a zero, and zeros are shown (so a filter left unapplied could not pass for one).
    const none = await graphql<EvidenceTable>(
      hub.url,
      EVIDENCE_TABLE,
      { measure: "PROTECTIVE_ORDERS", by: ["ORDER_KIND"], filter: { boroughs: [BOROUGH], orderKinds: ["SPO"], orderOutcomes: ["BREACHED"] } },
      await commissioner(),
    );
    expect(none.body.errors).toBeUndefined();
    expect(none.body.data!.evidenceBase.cells.map((c) => c.count)).toEqual(
      none.body.data!.evidenceBase.cells.map(() => ({ value: 0, suppressed: false, suppressionReason: null })),
    );

    const csv = await graphql<{ evidenceBaseCsv: string }>(hub.url, EVIDENCE_CSV, { measure: "PROTECTIVE_ORDERS", by: ["ORDER_KIND"], filter: { boroughs: [BOROUGH] } }, await commissioner());
    expect(csv.body.errors).toBeUndefined();
    expect(csv.body.data!.evidenceBaseCsv.split("\r\n")[0]).toBe("Protective order,count,count suppression");
    expect(csv.body.data!.evidenceBaseCsv).toContain("Domestic Abuse Protection Order");
  });

  it("refuses an order dimension on a measure that has none, and another family's dimension on PROTECTIVE_ORDERS", async () => {
    for (const [measure, by] of [
      ["REFERRALS", ["ORDER_KIND"]],
      ["MARAC_REFERRALS", ["ORDER_OUTCOME"]],
      ["PROTECTIVE_ORDERS", ["RISK_LEVEL"]],
    ] as const) {
      const { body } = await graphql(hub.url, EVIDENCE_TABLE, { measure, by }, await commissioner());
      expect(body.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
    }
  });
});
