import { missingAuditEvents, runSoak, SoakResult } from "../src/cli/soak";
import type { AuditEvent } from "../src/policy/audit";
import { loadConfig } from "../src/platform/config";
import { hubStoreTemplate, standInTemplate } from "./support/hub";
import { createTestStore, TestStore } from "./support/store";

/**
 * A short run of `npm run soak` (src/cli/soak.ts): the same function, bounded
 * at 120 operations, with the same end conditions: no unexpected error,
 * every audit event the operations imply present, and the chain verifying.
 */
describe("a short soak of mixed reads and writes", () => {
  const OPERATIONS = 120;
  let store: TestStore;
  let result: SoakResult;
  beforeAll(async () => {
    store = await createTestStore();
    // The hub's stores start from the run's templates, as every test hub's do (test/support/hub.ts).
    const templates = {
      pgliteTemplate: store.databaseUrl ? undefined : await hubStoreTemplate(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" })),
      emptyDataDir: await standInTemplate(),
    };
    // Bounded by count; the time bound is only a backstop for a loaded machine.
    result = await runSoak({ seconds: 60, operations: OPERATIONS, workers: 2, databaseUrl: store.databaseUrl, templates });
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it("runs every kind of operation, the count bound ending it", () => {
    expect(result.operations).toBe(OPERATIONS);
    for (const [kind, tally] of Object.entries(result.byKind)) expect([kind, tally.count > 0]).toEqual([kind, true]);
  });

  it("ends with no unexpected error, refusals after withdrawals counted apart", () => {
    expect(result.errors).toEqual([]);
    expect(result.errorCount).toBe(0);
    expect(result.byKind.readCaseView.refusals).toBeGreaterThan(0);
  });

  it("finds every audit event each operation implies, and the chain verifies", () => {
    expect(result.missingAudit).toEqual([]);
    expect(result.chainProblem).toBeNull();
    expect(result.auditEvents).toBeGreaterThan(OPERATIONS);
    expect(result.ok).toBe(true);
  });
});

describe("the soak's audit check", () => {
  const event = (requestId: string, decision: "ALLOW" | "DENY", reason: string) => ({ requestId, decision, reason }) as AuditEvent;

  it("names a write without its event, a refusal or a withheld case without its DENY and a release without an ALLOW", () => {
    const missing = missingAuditEvents(
      [
        { kind: "recordConsent", requestId: "r1", expectReason: "CONSENT_RECORDED", refusedReasons: [], released: false, withheld: false },
        { kind: "readCaseView", requestId: "r2", refusedReasons: ["CONSENT_WITHDRAWN"], released: true, withheld: false },
        { kind: "withdrawConsent", requestId: "r3", expectReason: "CONSENT_WITHDRAWN", refusedReasons: [], released: false, withheld: false },
        { kind: "readCaseView", requestId: "r4", refusedReasons: [], released: false, withheld: true },
        { kind: "readCaseView", requestId: "r5", refusedReasons: [], released: false, withheld: true },
      ],
      [event("r1", "ALLOW", "REFERRAL_SENT"), event("r2", "DENY", "NO_RELATIONSHIP"), event("r3", "ALLOW", "CONSENT_WITHDRAWN"), event("r4", "ALLOW", "AGREEMENT"), event("r5", "DENY", "CONSENT_WITHDRAWN")],
    );
    expect(missing).toEqual([
      "recordConsent r1: no CONSENT_RECORDED event",
      "readCaseView r2: refused CONSENT_WITHDRAWN but no DENY event",
      "readCaseView r2: released data but no ALLOW event",
      "readCaseView r4: withheld the case but no DENY event",
    ]);
  });
});
