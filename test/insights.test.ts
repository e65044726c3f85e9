import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { loadPoliceUkCsv } from "../connectors/police/policeuk/load";
import { DEV_PSEUDONYM_KEY } from "../src/platform/config";
import { Borough, OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { sqlStatementsFor } from "../src/platform/sql-metrics";
import { cellKey, linesOf, TableShape, TOTAL } from "../src/subgraphs/insights/disclosure/disclosure";
import {
  AgeBand,
  CrimeType,
  Disability,
  Entitlement,
  EntitlementStatus,
  Ethnicity,
  FactContext,
  ReferralFact,
  ReferralOutcome,
  ReferralRoute,
  ReferralStatus,
  Sex,
  SupportService,
} from "../src/subgraphs/insights/facts/facts";
import { ListFactSource } from "../src/subgraphs/insights/facts/sources";
import { SqlPoliceUkRowStore } from "../src/subgraphs/insights/police-uk/police-uk.store";
import { RefreshService } from "../src/subgraphs/insights/refresh/refresh.service";
import { RefreshSchedule } from "../src/subgraphs/insights/refresh/schedule";
import { expectPublished } from "./support/evidence";
import { graphql, startTestHub, TestHub } from "./support/hub";

let hub: TestHub;
let commissioner: Record<string, string>;
beforeAll(async () => {
  hub = await startTestHub({ INSIGHTS_FACT_SOURCES: "synthetic" });
  commissioner = await hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING });
});
afterAll(async () => {
  await hub?.close();
});

/** A refresh over facts this test makes, under a source name of its own so tests do not share watermarks. */
function refresher(source: ListFactSource, batchSize = 500) {
  return new RefreshService(hub.db.dataSource, [source], { pseudonymKey: DEV_PSEUDONYM_KEY, batchSize });
}

const context = (month: string, overrides: Partial<FactContext> = {}): FactContext => ({
  month,
  borough: Borough.MANCHESTER,
  crimeType: CrimeType.VIOLENCE_AND_SEXUAL_OFFENCES,
  flags: { domesticAbuse: false, stalking: false, hateCrime: false, modernSlavery: false, fraud: false },
  ageBand: AgeBand.AGE_25_34,
  sex: Sex.FEMALE,
  ethnicity: Ethnicity.WHITE_BRITISH,
  disability: Disability.NOT_DISABLED,
  ...overrides,
});

let serial = 0;
function referral(month: string, overrides: Partial<ReferralFact> = {}, waitDays = 2): ReferralFact {
  serial += 1;
  const sentAt = new Date(`${month}-10T09:00:00Z`);
  return {
    ...context(month),
    kind: "referral",
    sourceKey: `SYN-TEST-REF-${serial}`,
    route: ReferralRoute.POLICE,
    service: SupportService.GMVS,
    status: ReferralStatus.ACCEPTED,
    outcome: null,
    sentAt,
    receivedAt: sentAt,
    firstContactAt: new Date(sentAt.getTime() + waitDays * 86_400_000),
    acceptedAt: new Date(sentAt.getTime() + (waitDays + 1) * 86_400_000),
    ...overrides,
  };
}

/** n referrals in a borough with a disability status, waits 0, 1, 2, … days. */
const many = (month: string, n: number, borough: Borough, disability: Disability) =>
  Array.from({ length: n }, (_, i) => referral(month, { borough, disability }, i));

const TABLE = /* GraphQL */ `
  query Evidence($measure: Measure!, $by: [Dimension!]!, $filter: EvidenceFilter) {
    evidenceBase(measure: $measure, by: $by, filter: $filter) {
      measure by countUnit refreshedAt footnotes
      rule { id minimumCount showZeros maximumPerturbation }
      cells {
        coordinates { dimension value label }
        isTotal value suppressed suppressionReason
        count { value suppressed suppressionReason }
        median { value suppressed suppressionReason }
        p90 { value suppressed suppressionReason }
        rate { value suppressed suppressionReason }
      }
    }
  }
`;

interface Stat {
  value: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}
interface Cell extends Stat {
  coordinates: { dimension: string; value: string | null; label: string }[];
  isTotal: boolean;
  count: Stat;
  median: Stat | null;
  p90: Stat | null;
  rate: Stat | null;
}
interface Table {
  measure: string;
  by: string[];
  refreshedAt: string | null;
  footnotes: string[];
  rule: { id: string; minimumCount: number; maximumPerturbation: number };
  cells: Cell[];
}

async function evidence(variables: Record<string, unknown>, headers = commissioner) {
  const { body } = await graphql<{ evidenceBase: Table }>(hub.url, TABLE, variables, headers);
  return body;
}

const at = (table: Table, ...values: (string | null)[]) =>
  table.cells.find((c) => c.coordinates.every((co, i) => co.value === values[i])) as Cell;

/** Waits, polling, for `condition`; fails after ten seconds rather than hang. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 50) {
    if (waited >= 10_000) throw new Error("gave up waiting after 10 s");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A count the rule always shows (its true value is too far above the small counts for any perturbation to bring it down). */
function expectShownNear(stat: Stat, truth: number, rule: Table["rule"]) {
  expect(stat.suppressed).toBe(false);
  expectPublished(stat, truth, rule);
}

describe("the commissioner's evidence base, through the gateway", () => {
  it("suppresses a small cell so it cannot be recovered from its row and column totals", async () => {
    const month = "2031-01";
    // Borough × disability: Bury has 3 disabled victims; every other cell has 6 or more.
    await refresher(
      new ListFactSource(`test-${randomUUID()}`, [
        ...many(month, 12, Borough.BOLTON, Disability.DISABLED),
        ...many(month, 40, Borough.BOLTON, Disability.NOT_DISABLED),
        ...many(month, 9, Borough.BOLTON, Disability.NOT_KNOWN),
        ...many(month, 3, Borough.BURY, Disability.DISABLED),
        ...many(month, 30, Borough.BURY, Disability.NOT_DISABLED),
        ...many(month, 11, Borough.BURY, Disability.NOT_KNOWN),
        ...many(month, 14, Borough.SALFORD, Disability.DISABLED),
        ...many(month, 25, Borough.SALFORD, Disability.NOT_DISABLED),
        ...many(month, 8, Borough.SALFORD, Disability.NOT_KNOWN),
      ]),
    ).refresh();

    const boroughs = [Borough.BOLTON, Borough.BURY, Borough.SALFORD];
    const { data, errors } = await evidence({
      measure: "REFERRALS",
      by: ["BOROUGH", "DISABILITY"],
      filter: { fromMonth: month, toMonth: month, boroughs },
    });
    expect(errors).toBeUndefined();
    const table = data?.evidenceBase as Table;

    // Every count is the true one perturbed by at most the rule's maximum; none from 1 to 4 is shown.
    const truth = [
      [12, 40, 9],
      [3, 30, 11],
      [14, 25, 8],
    ];
    const disabilities = [Disability.DISABLED, Disability.NOT_DISABLED, Disability.NOT_KNOWN];
    const trueCount = (borough: string | null, disability: string | null) =>
      truth.reduce(
        (sum, row, b) => sum + row.reduce((s, n, d) => s + ((borough === null || borough === boroughs[b]) && (disability === null || disability === disabilities[d]) ? n : 0), 0),
        0,
      );
    for (const cell of table.cells) {
      const [borough, disability] = cell.coordinates.map((c) => c.value) as [string | null, string | null];
      expectPublished(cell.count, trueCount(borough, disability), table.rule);
    }
    // The row and column totals are shown, near 44, 29 and 152...
    expectShownNear(at(table, "BURY", null).count, 44, table.rule);
    expectShownNear(at(table, null, "DISABLED").count, 29, table.rule);
    expectShownNear(at(table, null, null).count, 152, table.rule);
    // ...so where the three disabled victims in Bury are hidden, their row and column each hide another cell with them.
    // Hidden for their own (perturbed) small count, or, where that came out 5 or more, as the complement of another
    // cell perturbed down to a small count: either way never alone in a line.
    const small = at(table, "BURY", "DISABLED");
    if (small.suppressed) {
      expect(["PRIMARY_SMALL_COUNT", "SECONDARY_COMPLEMENTARY"]).toContain(small.suppressionReason);
      const row = table.cells.filter((c) => c.coordinates[0]?.value === "BURY" && c.coordinates[1]?.value !== null);
      const column = table.cells.filter((c) => c.coordinates[1]?.value === "DISABLED" && c.coordinates[0]?.value !== null);
      expect(row.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
      expect(column.filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    }

    // Try every subtraction an attacker could: no line has exactly one hidden cell, so none gives a hidden value.
    const shape: TableShape = { domains: [boroughs, Object.values(Disability)], margins: [true, true] };
    const hiddenKeys = new Set(table.cells.filter((c) => c.suppressed).map((c) => cellKey(c.coordinates.map((co) => co.value))));
    for (const line of linesOf(shape)) {
      expect([line.total, ...line.members].filter((k) => hiddenKeys.has(k)).length).not.toBe(1);
    }
    expect(hiddenKeys.has(cellKey(["BURY", TOTAL]))).toBe(false);
    expect(table.rule).toMatchObject({ id: "gm-victims-sdc-2026.2", minimumCount: 5, maximumPerturbation: 5 });
    // Asked again, every figure is the same: the same facts always get the same perturbation.
    const again = await evidence({ measure: "REFERRALS", by: ["BOROUGH", "DISABILITY"], filter: { fromMonth: month, toMonth: month, boroughs } });
    expect(again.data?.evidenceBase.cells).toEqual(table.cells);
  });

  it("gives nothing back to the differencing attack: a borough's total less the same borough over every other ethnic group", async () => {
    const month = "2031-10";
    // In each of six boroughs, a few Black victims among many others; the attacker wants the few.
    const few: [Borough, number][] = [
      [Borough.OLDHAM, 4],
      [Borough.ROCHDALE, 1],
      [Borough.TAMESIDE, 3],
      [Borough.BOLTON, 2],
      [Borough.BURY, 4],
      [Borough.WIGAN, 2],
    ];
    // Keys of their own, so the facts' record keys, and so the perturbations, are the same every run.
    const facts = few.flatMap(([borough, n], i) =>
      [
        ...Array.from({ length: n }, () => referral(month, { borough, ethnicity: Ethnicity.BLACK_CARIBBEAN })),
        ...Array.from({ length: 25 + 3 * i }, () => referral(month, { borough, ethnicity: Ethnicity.WHITE_BRITISH })),
        ...Array.from({ length: 9 + i }, () => referral(month, { borough, ethnicity: Ethnicity.ASIAN_PAKISTANI })),
      ].map((fact, j) => ({ ...fact, sourceKey: `SYN-TEST-DIFFERENCING-${borough}-${j}` })),
    );
    await refresher(new ListFactSource("test-differencing", facts)).refresh();
    const others = ["ASIAN", "MIXED", "WHITE", "OTHER", "NOT_STATED"];
    const boroughs = few.map(([b]) => b);
    const base = { fromMonth: month, toMonth: month, boroughs };
    /** The attack: per borough, its total less its total over every other group. */
    const attack = async (ask: (filter: Record<string, unknown>) => Promise<Table>) => {
      const totals = await ask(base);
      const rest = await ask({ ...base, ethnicGroups: others });
      return few.map(([b]) => ({ borough: b, difference: (at(totals, b).count.value as number) - (at(rest, b).count.value as number) }));
    };

    // Under the rule before the cell-key method, the published totals give every few back exactly.
    const { EvidenceService } = await import("../src/subgraphs/insights/evidence/evidence.service");
    const { Measure } = await import("../src/subgraphs/insights/evidence/measures");
    const { Dimension } = await import("../src/subgraphs/insights/evidence/dimensions");
    const before = new EvidenceService(hub.db.dataSource, () => new Date("2026-11-30T12:00:00Z"));
    const old = await attack(async (f) => {
      const { boroughs: bs, ethnicGroups, ...months } = f as { boroughs: string[]; ethnicGroups?: string[] };
      const values = ethnicGroups ? { [Dimension.BOROUGH]: bs, [Dimension.ETHNIC_GROUP]: ethnicGroups } : { [Dimension.BOROUGH]: bs };
      const table = await before.table({ measure: Measure.REFERRALS, by: [Dimension.BOROUGH], filter: { ...months, values } });
      expect(table.rule.id).toBe("gm-victims-sdc-2026.1");
      return table as unknown as Table;
    });
    expect(old.map((o) => o.difference)).toEqual(few.map(([, n]) => n));

    // Through the gateway, under the rule in force: each total is perturbed by its own facts, so a difference is the
    // few plus two independent perturbations, and does not give them back.
    let rule: Table["rule"] | undefined;
    const now = await attack(async (filter) => {
      const { data, errors } = await evidence({ measure: "REFERRALS", by: ["BOROUGH"], filter });
      expect(errors).toBeUndefined();
      rule = data?.evidenceBase.rule;
      return data?.evidenceBase as Table;
    });
    const { maximumPerturbation: d, minimumCount } = rule as Table["rule"];
    expect(now.filter((o, i) => o.difference === few[i]?.[1]).length).toBeLessThan(few.length / 2);
    // What the attacker can say of each few, knowing the rule, from the difference and the few's own cell (hidden, so
    // its perturbed count was 1 to 4, or shown perturbed), is an interval holding it, no narrower than the band of
    // small counts itself.
    const byGroup = (await evidence({ measure: "REFERRALS", by: ["BOROUGH", "ETHNIC_GROUP"], filter: base })).data?.evidenceBase as Table;
    now.forEach(({ borough, difference }, i) => {
      const truth = few[i]?.[1] as number;
      const own = at(byGroup, borough, "BLACK").count;
      const [ownLow, ownHigh] = own.suppressed ? [1, minimumCount - 1 + d] : [Math.max(1, (own.value as number) - d), (own.value as number) + d];
      const low = Math.max(ownLow, difference - 2 * d);
      const high = Math.min(ownHigh, difference + 2 * d);
      expect([low <= truth, truth <= high]).toEqual([true, true]);
      expect(high - low).toBeGreaterThanOrEqual(minimumCount - 2);
    });
  });

  it("serves the Commissioner story: demand, waiting times, referral routes and Victims' Code compliance by borough and by disability, then CSV", async () => {
    const month = "2031-02";
    const facts = [
      ...many(month, 20, Borough.WIGAN, Disability.DISABLED),
      ...many(month, 30, Borough.WIGAN, Disability.NOT_DISABLED),
      ...many(month, 2, Borough.TRAFFORD, Disability.DISABLED),
      ...many(month, 25, Borough.TRAFFORD, Disability.NOT_DISABLED),
      ...many(month, 8, Borough.STOCKPORT, Disability.DISABLED),
      ...many(month, 20, Borough.STOCKPORT, Disability.NOT_DISABLED),
      ...Array.from({ length: 12 }, () => referral(month, { borough: Borough.WIGAN, route: ReferralRoute.SELF, service: SupportService.PANKHURST_RESTORE })),
    ];
    // The figures below are asserted shown whatever the facts' record keys: no count that is asserted shown can be
    // perturbed down to the one that a hidden cell's row or column hides with it (Wigan's 20 disabled, 15 at the least,
    // against Stockport's 8, 13 at the most), and the 12 self-referrals are never perturbed below the minimum count.
    const entitlements = facts.map((f, i) => ({
      ...context(month, { borough: f.borough, disability: f.disability }),
      kind: "entitlement" as const,
      sourceKey: `${f.sourceKey}:R4`,
      entitlement: Entitlement.R4_REFERRAL_TO_SUPPORT_SERVICES,
      status: i % 5 === 0 ? EntitlementStatus.LATE : EntitlementStatus.MET,
      enhancedRights: false,
    }));
    await refresher(new ListFactSource(`test-${randomUUID()}`, [...facts, ...entitlements])).refresh();
    const filter = { fromMonth: month, toMonth: month, boroughs: [Borough.WIGAN, Borough.TRAFFORD, Borough.STOCKPORT] };

    const demand = (await evidence({ measure: "REFERRALS", by: ["BOROUGH", "MONTH"], filter })).data?.evidenceBase as Table;
    expectShownNear(at(demand, "WIGAN", month).count, 62, demand.rule);
    expect(demand.refreshedAt).not.toBeNull();

    const waits = (await evidence({ measure: "WAIT_TO_FIRST_CONTACT", by: ["BOROUGH", "DISABILITY"], filter })).data?.evidenceBase as Table;
    const wiganDisabled = at(waits, "WIGAN", "DISABLED");
    // Waits 0…19 days: percentile_disc gives the 10th and 18th smallest.
    expectShownNear(wiganDisabled.count, 20, waits.rule);
    expect(wiganDisabled.median).toMatchObject({ value: 9, suppressed: false });
    expect(wiganDisabled.p90).toMatchObject({ value: 17, suppressed: false });
    // Two disabled victims in Trafford: the count may be shown (perturbed) or not, but never the waits of two people.
    const trafford = at(waits, "TRAFFORD", "DISABLED");
    expect(trafford).toMatchObject({ value: null, suppressed: true });
    expectPublished(trafford.count, 2, waits.rule);
    expect(trafford.median?.suppressionReason).toBe("DENOMINATOR_SUPPRESSED");
    expect(trafford.p90?.suppressionReason).toBe("DENOMINATOR_SUPPRESSED");

    const routes = (await evidence({ measure: "REFERRALS", by: ["ROUTE", "SERVICE"], filter })).data?.evidenceBase as Table;
    expectShownNear(at(routes, "SELF", "PANKHURST_RESTORE").count, 12, routes.rule);
    expectShownNear(at(routes, "POLICE", "GMVS").count, 105, routes.rule);

    const compliance = (await evidence({ measure: "VICTIMS_CODE_COMPLIANCE", by: ["DISABILITY"], filter })).data?.evidenceBase as Table;
    expect(compliance.by).toEqual(["ENTITLEMENT", "DISABILITY"]);
    const r4NotDisabled = at(compliance, "R4_REFERRAL_TO_SUPPORT_SERVICES", "NOT_DISABLED");
    expectShownNear(r4NotDisabled.count, 87, compliance.rule);
    // 87 assessed, a fifth late: a shown rate is a perturbed numerator over a perturbed denominator.
    if (!r4NotDisabled.rate?.suppressed) {
      expect(r4NotDisabled.rate?.value).toBeGreaterThan(0.7);
      expect(r4NotDisabled.rate?.value).toBeLessThan(0.9);
    }

    const { body } = await graphql<{ evidenceBaseCsv: string }>(
      hub.url,
      `query($filter: EvidenceFilter) { evidenceBaseCsv(measure: WAIT_TO_FIRST_CONTACT, by: [BOROUGH, DISABILITY], filter: $filter) }`,
      { filter },
      commissioner,
    );
    expect(body.errors).toBeUndefined();
    const csv = body.data?.evidenceBaseCsv as string;
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "Borough,Disability,count,count suppression,median days,median suppression,90th percentile days,90th percentile suppression",
    );
    // The CSV is the same table: the same perturbed counts, the same cells hidden.
    expect(lines).toContain(`Wigan,Disabled,${wiganDisabled.count.value},,9,,17,`);
    const traffordCount = trafford.count.suppressed ? `[c],${trafford.count.suppressionReason}` : `${trafford.count.value},`;
    expect(lines).toContain(`Trafford,Disabled,${traffordCount},[c],DENOMINATOR_SUPPRESSED,[c],DENOMINATOR_SUPPRESSED`);
    expect(csv).toContain("[c] suppressed to protect individuals.");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("gives the quarterly Victims' Code return: each entitlement that arose in the quarter, for a borough or all, under disclosure control", async () => {
    const entitlement = (month: string, borough: Borough, code: Entitlement, status: EntitlementStatus, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...context(month, { borough }),
        kind: "entitlement" as const,
        sourceKey: `SYN-TEST-RETURN-${month}-${borough}-${code}-${status}-${i}`,
        entitlement: code,
        status,
        enhancedRights: false,
      }));
    await refresher(
      new ListFactSource(`test-${randomUUID()}`, [
        ...entitlement("2032-01", Borough.WIGAN, Entitlement.R4_REFERRAL_TO_SUPPORT_SERVICES, EntitlementStatus.MET, 30),
        ...entitlement("2032-02", Borough.WIGAN, Entitlement.R4_REFERRAL_TO_SUPPORT_SERVICES, EntitlementStatus.LATE, 6),
        ...entitlement("2032-02", Borough.WIGAN, Entitlement.R6_TOLD_OF_KEY_DECISION, EntitlementStatus.MET, 20),
        ...entitlement("2032-03", Borough.WIGAN, Entitlement.R6_TOLD_OF_KEY_DECISION, EntitlementStatus.MISSED, 5),
        ...entitlement("2032-03", Borough.WIGAN, Entitlement.R7_VPS_OFFERED, EntitlementStatus.MISSED, 3),
        // Pending and untimed ones are not yet assessed, so they are in no rate.
        ...entitlement("2032-03", Borough.WIGAN, Entitlement.R6_TOLD_OF_KEY_DECISION, EntitlementStatus.PENDING, 9),
        // Outside the quarter, and in another borough: counted only where asked.
        ...entitlement("2032-04", Borough.WIGAN, Entitlement.R4_REFERRAL_TO_SUPPORT_SERVICES, EntitlementStatus.MISSED, 40),
        ...entitlement("2032-01", Borough.BOLTON, Entitlement.R4_REFERRAL_TO_SUPPORT_SERVICES, EntitlementStatus.MISSED, 14),
      ]),
    ).refresh();
    const RETURN = `query($quarter: String!, $borough: Borough) { victimsCodeReturn(quarter: $quarter, borough: $borough) {
      measure by rule { id minimumCount maximumPerturbation }
      cells { coordinates { value } isTotal count { value suppressed suppressionReason } rate { value suppressed suppressionReason } } } }`;
    /** A shown rate is a perturbed numerator over a perturbed denominator: within what the rule's perturbation allows of the true rate. */
    const expectRateNear = (cell: Cell, met: number, assessed: number, rule: Table["rule"]) => {
      const d = rule.maximumPerturbation;
      // Hidden where the perturbed numerator, or what it leaves of the denominator, is small: not a fault.
      if (cell.rate?.suppressed) return expect(cell.rate.suppressionReason).toMatch(/PRIMARY_SMALL_COUNT|SECONDARY_COMPLEMENTARY/);
      expect(cell.rate?.value).toBeGreaterThanOrEqual(Math.max(0, met - d) / (assessed + d) - 0.0001);
      expect(cell.rate?.value).toBeLessThanOrEqual(Math.min(1, (met + d) / (assessed - d)) + 0.0001);
    };
    const ask = async (variables: Record<string, unknown>, headers = commissioner) => (await graphql<{ victimsCodeReturn: Table }>(hub.url, RETURN, variables, headers)).body;

    const wigan = (await ask({ quarter: "2032-Q1", borough: "WIGAN" })).data?.victimsCodeReturn as Table;
    expect(wigan).toMatchObject({ measure: "VICTIMS_CODE_COMPLIANCE", by: ["ENTITLEMENT"] });
    const r4 = at(wigan, "R4_REFERRAL_TO_SUPPORT_SERVICES");
    expectShownNear(r4.count, 36, wigan.rule);
    expectRateNear(r4, 30, 36, wigan.rule);
    // Three VPS offers missed are too few for a rate, whatever their perturbed count; and no row or total is the only
    // hidden count of the table, so none can be had by subtraction.
    const vps = at(wigan, "R7_VPS_OFFERED");
    expectPublished(vps.count, 3, wigan.rule);
    expect(vps.rate).toMatchObject({ value: null, suppressed: true, suppressionReason: "DENOMINATOR_SUPPRESSED" });
    expect(wigan.cells.filter((c) => c.count.suppressed).length).not.toBe(1);
    expectShownNear(at(wigan, null).count, 64, wigan.rule);
    const all = (await ask({ quarter: "2032-Q1" })).data?.victimsCodeReturn as Table;
    const allR4 = at(all, "R4_REFERRAL_TO_SUPPORT_SERVICES");
    expectShownNear(allR4.count, 50, all.rule);
    expectRateNear(allR4, 30, 50, all.rule);
    const april = (await ask({ quarter: "2032-Q2", borough: "WIGAN" })).data?.victimsCodeReturn as Table;
    const aprilR4 = at(april, "R4_REFERRAL_TO_SUPPORT_SERVICES");
    expectShownNear(aprilR4.count, 40, april.rule);
    // None met: a zero is never perturbed, so the rate is exactly 0.
    expect(aprilR4.rate).toMatchObject({ value: 0, suppressed: false });

    for (const quarter of ["2032-Q5", "2032Q1", "2032-01"]) {
      expect((await ask({ quarter })).errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "quarter" });
    }
    const partner = await hub.as({ organisation: OrganisationCode.PANKHURST, roles: [Role.ANALYST], purpose: Purpose.COMMISSIONING });
    expect((await ask({ quarter: "2032-Q1" }, partner)).errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses everyone but a commissioner or analyst, for commissioning, of an organisation with an aggregates-only agreement", async () => {
    const query = `{ evidenceBase(measure: REFERRALS, by: [BOROUGH]) { measure } }`;
    const refused = [
      [{ organisation: OrganisationCode.GMVS, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT }, "ROLE_NOT_PERMITTED"],
      [{ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.SUPPORT }, "PURPOSE_NOT_COVERED"],
      [{ organisation: OrganisationCode.PANKHURST, roles: [Role.ANALYST], purpose: Purpose.COMMISSIONING }, "NO_AGREEMENT"],
      [{ organisation: OrganisationCode.GMCA, roles: [Role.ADMIN], purpose: Purpose.COMMISSIONING }, "ROLE_NOT_PERMITTED"],
    ] as const;
    for (const [principal, reason] of refused) {
      const { body } = await graphql(hub.url, query, {}, await hub.as({ ...principal, roles: [...principal.roles] }));
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason });
    }
    for (const csvQuery of [`{ evidenceBaseCsv(measure: REFERRALS) }`, `{ areaDemand { measure } }`]) {
      const { body } = await graphql(hub.url, csvQuery, {}, await hub.as({ organisation: OrganisationCode.GMVS, roles: [Role.SUPERVISOR] }));
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    }

    const analyst = await hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.ANALYST], purpose: Purpose.COMMISSIONING });
    const { body } = await graphql(hub.url, query, {}, analyst);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ evidenceBase: { measure: "REFERRALS" } });
    const anonymous = await graphql(hub.url, query, {});
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers survey satisfaction by right 1 to 7, split by disability, and never adds the rights up", async () => {
    const { data, errors } = await evidence({ measure: "SURVEY_SATISFACTION", by: ["DISABILITY"] });
    expect(errors).toBeUndefined();
    const table = data?.evidenceBase as Table;
    expect(table.by).toEqual(["SURVEY_RIGHT", "DISABILITY"]);
    const rights = new Set(table.cells.map((c) => c.coordinates[0]?.value));
    expect(rights).toEqual(new Set(["R1", "R2", "R3", "R4", "R5", "R6", "R7"]));
    const shownRate = table.cells.find((c) => c.rate && !c.rate.suppressed && c.rate.value !== null);
    expect(shownRate?.rate?.value).toBeGreaterThan(0);
    for (const cell of table.cells) if (cell.rate?.suppressed) expect(cell.value).toBeNull();
  });

  it("returns the same figures from the materialised cubes as from the facts", async () => {
    const evidenceService = (await import("../src/subgraphs/insights/evidence/evidence.service")).EvidenceService;
    const service = new evidenceService(hub.db.dataSource);
    const { Measure } = await import("../src/subgraphs/insights/evidence/measures");
    const { Dimension } = await import("../src/subgraphs/insights/evidence/dimensions");
    for (const [measure, by] of [
      [Measure.REFERRALS, [Dimension.BOROUGH, Dimension.DISABILITY]],
      [Measure.WAIT_TO_FIRST_CONTACT, [Dimension.BOROUGH, Dimension.DISABILITY]],
      [Measure.WAIT_TO_ACCEPTANCE, [Dimension.SERVICE, Dimension.ROUTE]],
    ] as const) {
      const plan = service.plan({ measure, by: [...by] });
      expect(plan.cube).not.toBeNull();
      const fromCube = await hub.db.dataSource.query(service.sql(plan).text, service.sql(plan).params);
      const fromFacts = await hub.db.dataSource.query(service.sql({ ...plan, cube: null }).text, service.sql({ ...plan, cube: null }).params);
      const sort = (rows: Record<string, unknown>[]) =>
        rows.map((r) => JSON.stringify({ ...r, n: Number(r.n), num: Number(r.num), g: Number(r.g) })).sort();
      expect(sort(fromCube)).toEqual(sort(fromFacts));
      expect(fromCube.length).toBeGreaterThan(0);
    }
  });

  it("makes the same number of SQL statements whatever the size of the table", async () => {
    const counts: number[] = [];
    for (const by of [["BOROUGH"], ["BOROUGH", "DISABILITY"], ["BOROUGH", "DISABILITY", "AGE_BAND"]]) {
      const { body, headers } = await graphql(hub.url, TABLE, { measure: "WAIT_TO_ACCEPTANCE", by }, commissioner);
      const requestId = headers.get("x-request-id") ?? "";
      expect(body.errors).toBeUndefined();
      counts.push(sqlStatementsFor(requestId));
    }
    expect(new Set(counts).size).toBe(1);
  });

  it("refuses a split the measure does not have, and a bad month", async () => {
    const wrong = await evidence({ measure: "SURVEY_SATISFACTION", by: ["ROUTE"] });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", dimension: "ROUTE" });
    const month = await evidence({ measure: "REFERRALS", by: [], filter: { fromMonth: "2031-13" } });
    expect(month.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
    const tooMany = await evidence({ measure: "REFERRALS", by: ["BOROUGH", "SEX", "AGE_BAND", "DISABILITY"] });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("INVALID_INPUT");
  });
});

describe("the refresh", () => {
  const countFacts = async (month: string) =>
    Number(((await hub.db.dataSource.query(`SELECT count(*) AS n FROM insights.referral_fact WHERE month = $1`, [`${month}-01`])) as { n: string }[])[0]?.n);

  it("adds nothing twice, moves the watermark, and replaces a changed fact", async () => {
    const month = "2031-03";
    const source = new ListFactSource(`test-${randomUUID()}`, many(month, 8, Borough.OLDHAM, Disability.DISABLED));
    const first = await refresher(source, 3).refresh();
    expect(first).toMatchObject({ status: "FINISHED", factsWritten: 8 });
    expect(first.bySource[source.name]).toMatchObject({ upserted: 8, batches: 3 });
    const again = await refresher(source, 3).refresh();
    expect(again.factsWritten).toBe(0);
    expect(await countFacts(month)).toBe(8);

    // The same referral, now closed, comes again: it replaces its fact.
    const changed = { ...(many(month, 1, Borough.OLDHAM, Disability.DISABLED)[0] as ReferralFact), sourceKey: `SYN-TEST-REF-${serial - 1}` };
    source.add({ ...changed, status: ReferralStatus.CLOSED, outcome: ReferralOutcome.SUPPORT_COMPLETED });
    await refresher(source).refresh();
    expect(await countFacts(month)).toBe(8);
    const closed = await hub.db.dataSource.query(`SELECT count(*) AS n FROM insights.referral_fact WHERE month = $1 AND outcome = 'SUPPORT_COMPLETED'`, [`${month}-01`]);
    expect(Number(closed[0].n)).toBe(1);
    const rows = (await hub.db.dataSource.query(`SELECT watermark FROM insights.source_watermark WHERE source = $1`, [source.name])) as { watermark: string }[];
    expect(rows[0]?.watermark).toBe("9");
  });

  it("lets only one of two concurrent refreshes write, and writes every fact once", async () => {
    const month = "2031-04";
    const source = new ListFactSource(`test-${randomUUID()}`, many(month, 30, Borough.ROCHDALE, Disability.NOT_KNOWN));
    const outcomes = await Promise.all([refresher(source, 5).refresh(), refresher(source, 5).refresh()]);
    expect(outcomes.map((o) => o.factsWritten).sort()).toEqual([0, 30]);
    for (const o of outcomes) expect(["FINISHED", "SKIPPED"]).toContain(o.status);
    expect(await countFacts(month)).toBe(30);
  });

  it("removes a deleted fact, and refuses facts outside the dimensions without storing them", async () => {
    const month = "2031-05";
    const facts = many(month, 6, Borough.STOCKPORT, Disability.DISABLED);
    const bad = { ...referral(month), borough: "ATLANTIS" as Borough };
    const source = new ListFactSource(`test-${randomUUID()}`, [...facts, bad]);
    const outcome = await refresher(source).refresh();
    expect(outcome.bySource[source.name]).toMatchObject({ upserted: 6, rejected: 1 });
    source.add({ kind: "deletion", factKind: "referral", sourceKey: (facts[0] as ReferralFact).sourceKey });
    const after = await refresher(source).refresh();
    expect(after.bySource[source.name]).toMatchObject({ deleted: 1 });
    expect(await countFacts(month)).toBe(5);
  });

  it("stores no source key, name or exact time: only an HMAC of the key", async () => {
    const month = "2031-06";
    const fact = referral(month);
    await refresher(new ListFactSource(`test-${randomUUID()}`, [fact])).refresh();
    const tables = (await hub.db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'insights' AND table_type = 'BASE TABLE'`,
    )) as { table_name: string }[];
    for (const { table_name } of tables) {
      const hits = (await hub.db.dataSource.query(`SELECT count(*) AS n FROM insights.${table_name} t WHERE t::text LIKE $1`, [
        `%${fact.sourceKey}%`,
      ])) as { n: string }[];
      expect(Number(hits[0]?.n)).toBe(0);
    }
    const columns = (await hub.db.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'insights' AND table_name = 'referral_fact'`,
    )) as { column_name: string }[];
    const names = columns.map((c) => c.column_name);
    for (const identifying of ["case_id", "referral_id", "crime_reference", "name", "sent_at", "date_of_birth"]) expect(names).not.toContain(identifying);
    const [row] = (await hub.db.dataSource.query(`SELECT fact_key FROM insights.referral_fact WHERE month = $1`, [`${month}-01`])) as { fact_key: string }[];
    expect(row?.fact_key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refreshes on a schedule when asked, and stops cleanly", async () => {
    const month = "2031-07";
    const source = new ListFactSource(`test-${randomUUID()}`, many(month, 5, Borough.TAMESIDE, Disability.DISABLED));
    const stop = new RefreshSchedule(refresher(source), 50).start();
    await until(async () => (await countFacts(month)) >= 5);
    await stop();
    expect(await countFacts(month)).toBe(5);
    source.add(...many(month, 2, Borough.TAMESIDE, Disability.DISABLED));
    await new Promise((r) => setTimeout(r, 200));
    expect(await countFacts(month)).toBe(5);
  });

  it("refreshes soon after a change is announced, not only at the next turn, and once for a burst", async () => {
    const month = "2031-08";
    const source = new ListFactSource(`test-${randomUUID()}`, many(month, 5, Borough.TAMESIDE, Disability.DISABLED));
    const refresh = refresher(source);
    const runs = jest.spyOn(refresh, "refresh");
    // The interval is an hour: only the first run and the announced change can bring the facts in.
    const schedule = new RefreshSchedule(refresh, 3_600_000, 50);
    const stop = schedule.start();
    await until(async () => (await countFacts(month)) >= 5);
    source.add(...many(month, 2, Borough.TAMESIDE, Disability.DISABLED));
    for (let i = 0; i < 10; i++) schedule.changed();
    await until(async () => (await countFacts(month)) >= 7);
    await stop();
    expect(runs).toHaveBeenCalledTimes(2);
    // Stopped, an announcement does nothing.
    schedule.changed();
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toHaveBeenCalledTimes(2);
  });

  it("keeps lastRefresh answering for any signed-in caller", async () => {
    const { body } = await graphql<{ lastRefresh: { status: string; factsWritten: number; finishedAt: string } }>(
      hub.url,
      `{ lastRefresh { status factsWritten finishedAt } }`,
      {},
      await hub.as({ organisation: OrganisationCode.GMVS }),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.lastRefresh.status).toBe("FINISHED");
  });
});

describe("police.uk area demand", () => {
  const FIXTURE = join(__dirname, "..", "connectors", "police", "policeuk", "fixtures", "2026-09-greater-manchester-street.synthetic.csv");

  it("imports a street-level file into the insights schema once, reports bad rows by line, and feeds areaDemand", async () => {
    const first = await loadPoliceUkCsv(FIXTURE, new SqlPoliceUkRowStore(hub.db.dataSource, "fixture.csv"));
    expect(first.report).toMatchObject({ accepted: 10, duplicates: 0 });
    expect(first.report.rejected.map((r) => r.line)).toEqual([6, 8, 9, 10, 11, 14, 18]);
    const second = await loadPoliceUkCsv(FIXTURE, new SqlPoliceUkRowStore(hub.db.dataSource, "fixture.csv"));
    expect(second.report).toMatchObject({ accepted: 0, duplicates: 10 });

    const { body } = await graphql<{ areaDemand: Table }>(
      hub.url,
      `{ areaDemand(by: [BOROUGH, CRIME_TYPE], fromMonth: "2026-09", toMonth: "2026-09") {
          measure rule { id minimumCount maximumPerturbation } cells { coordinates { value } value suppressed suppressionReason } } }`,
      {},
      commissioner,
    );
    expect(body.errors).toBeUndefined();
    const table = body.data?.areaDemand as Table;
    expect(table.measure).toBe("POLICE_RECORDED_CRIME");
    expectPublished(at(table, null, null), 10, table.rule);
    // Every body cell here is under 5: whether perturbed up and shown or hidden, no count from 1 to 4 is published.
    expect(table.cells.filter((c) => !c.suppressed && (c.value as number) > 0 && (c.value as number) < table.rule.minimumCount)).toEqual([]);
  });
});
