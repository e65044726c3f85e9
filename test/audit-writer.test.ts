import { randomUUID } from "node:crypto";
import { AuditEventInput, verifyChain } from "../src/policy/audit";
import { readAuditChain, recordAudit } from "../src/subgraphs/governance/audit/chain";
import { sqlStatementsFor, withRequestId } from "../src/platform/sql-metrics";
import { startTestHub, TestHub } from "./support/hub";

/** Reads' audit events are written in groups (src/policy/audit.ts AuditWriter): fewer chain locks, the same guarantees. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

function event(requestId: string, category = "OFFENCE_DETAILS"): AuditEventInput {
  return {
    at: new Date(),
    requestId,
    actor: "audit-writer-test",
    organisation: "PANKHURST",
    roles: ["caseworker"],
    purpose: "support",
    subjectId: null,
    category,
    holder: "GMP",
    decision: "DENY",
    reason: "NO_RELATIONSHIP",
    agreementId: null,
    consentId: null,
    breakGlassReason: null,
  };
}

async function eventsFor(requestIds: string[]): Promise<Map<string, number>> {
  const rows: { request_id: string; n: number }[] = await hub.db.dataSource.query(
    `SELECT request_id, count(*)::int AS n FROM governance.audit_event WHERE request_id = ANY($1) GROUP BY request_id`,
    [requestIds],
  );
  return new Map(rows.map((r) => [r.request_id, r.n]));
}

describe("the audit writer", () => {
  it("commits every concurrent request's events, in far fewer transactions than requests, and the chain verifies", async () => {
    const requestIds = Array.from({ length: 60 }, () => `audit-writer-${randomUUID()}`);
    const counter = `audit-writer-count-${randomUUID()}`;
    await withRequestId(counter, () => Promise.all(requestIds.map((id) => recordAudit(hub.db.dataSource, [event(id), event(id, "INVESTIGATION_UPDATES")]))));
    const written = await eventsFor(requestIds);
    expect(requestIds.map((id) => written.get(id))).toEqual(requestIds.map(() => 2));
    // A statement per request would be 60; a group's append is one statement, its own transaction.
    expect(sqlStatementsFor(counter)).toBeGreaterThan(0);
    expect(sqlStatementsFor(counter)).toBeLessThan(30);
    expect(verifyChain(await readAuditChain(hub.db.dataSource))).toBeNull();
  });

  it("hashes in the store exactly as audit:verify does, whatever the text: quotes, newlines, accents, records and caller ids", async () => {
    const requestId = `audit-writer-${randomUUID()}`;
    const awkward: AuditEventInput[] = [
      { ...event(requestId), actor: 'Zoë "Test" O\'Brien\nline two \\ tab\t', reason: "emoji \u{1F512} and \u2028" },
      { ...event(requestId), records: ["Case:SYN-1", "Referral:ü"], callerRequestId: "caller-id-\u00e9" },
      { ...event(requestId), roles: [], subjectId: randomUUID(), consentId: randomUUID(), agreementId: "gmp-to-gmvs", breakGlassReason: "SYN-BG-1: test" },
    ];
    await recordAudit(hub.db.dataSource, awkward);
    const chain = await readAuditChain(hub.db.dataSource);
    expect(chain.filter((e) => e.requestId === requestId).map((e) => [e.actor, e.records, e.callerRequestId])).toEqual(
      awkward.map((e) => [e.actor, e.records ?? [], e.callerRequestId ?? null]),
    );
    expect(verifyChain(chain)).toBeNull();
  });

  it("fails every request in a batch that cannot be written, writes none of it, and goes on writing afterwards", async () => {
    const first = `audit-writer-${randomUUID()}`;
    const good = `audit-writer-${randomUUID()}`;
    const bad = `audit-writer-${randomUUID()}`;
    // The first write starts a transaction at once; the next two arrive while it runs and are written together.
    // A null category breaks the NOT NULL column: that whole batch (both requests) must fail.
    const broken = { ...event(bad), category: null as unknown as string };
    const outcomes = await Promise.allSettled([
      recordAudit(hub.db.dataSource, [event(first)]),
      recordAudit(hub.db.dataSource, [event(good)]),
      recordAudit(hub.db.dataSource, [broken]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "rejected"]);
    expect(await eventsFor([first, good, bad])).toEqual(new Map([[first, 1]]));
    const after = `audit-writer-${randomUUID()}`;
    await recordAudit(hub.db.dataSource, [event(after)]);
    expect(await eventsFor([after])).toEqual(new Map([[after, 1]]));
    expect(verifyChain(await readAuditChain(hub.db.dataSource))).toBeNull();
  });
});
