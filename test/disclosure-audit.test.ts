import { DisclosureAuditReport, runDisclosureAudit, smallFamily } from "../bench/disclosure-tables";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { startTestHub, TestHub } from "./support/hub";

/**
 * DESIGN.md story 8: "a commissioner who asks many overlapping questions
 * recovers no protected count". A commissioner asks the differencing attack
 * and its neighbours over the synthetic facts through the gateway; the oracle
 * reads the true counts off the fact tables; the auditor's LP finds how
 * narrowly the tables together pin each protected cell (true count 1 to
 * minimumCount − 1).
 *
 * Under suppression within one table only (rule gm-victims-sdc-2026.1), the
 * last test failed: a borough's total minus the same borough filtered to
 * every other ethnic group was that group's suppressed count exactly (width
 * 0), for every one of the 154 protected cells. Under the cell-key rule it
 * holds against the rule's own minimumIntervalWidth (3: no narrower than
 * suppression alone ever said of a small count, 1 to 4). The first two
 * tests fail if the tables were not all answered or the auditor's intervals
 * miss a true count, so a broken run cannot pass as a safe one.
 */
let hub: TestHub;
let report: DisclosureAuditReport;
beforeAll(async () => {
  hub = await startTestHub({ INSIGHTS_FACT_SOURCES: "synthetic" });
  const headers = await hub.as({ organisation: OrganisationCode.GMCA, roles: [Role.COMMISSIONER], purpose: Purpose.COMMISSIONING });
  report = await runDisclosureAudit({
    url: hub.url,
    headers,
    query: (sql, params) => hub.db.dataSource.query(sql, params),
    requests: smallFamily(),
  });
}, 120_000);
afterAll(async () => {
  await hub?.close();
});

describe("a commissioner asking overlapping evidence-base tables", () => {
  it("is answered every table, and the synthetic facts have small cells to protect", () => {
    expect(report.errors).toEqual([]);
    expect(report.protectedCells).toBeGreaterThan(0);
  });

  it("gets intervals that hold the true count of every protected cell (the auditor's own check)", () => {
    expect(report.trueCountOutside).toEqual([]);
  });

  it("cannot pin any protected count narrower than the rule's threshold", () => {
    expect(report.threshold).toBe(3);
    const n = report.narrowest;
    // One line beside the count when this fails: how many, and the narrowest cell, its true count and what the tables pin it to.
    const finding =
      `${report.leaks} of ${report.protectedCells} protected cells pinned narrower than ${report.threshold} (${report.pinnedExactly} exactly); ` +
      (n ? `narrowest: ${n.describe}, true count ${n.trueCount}, pinned to [${n.min}, ${n.max}], width ${n.width}` +
          (n.alone ? ` (its own table alone: [${n.alone.min}, ${n.alone.max}])` : "")
        : "none");
    expect({ finding, leaks: report.leaks }).toEqual({ finding, leaks: 0 });
  });
});
