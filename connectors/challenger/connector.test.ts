import { Client } from "pg";
import { openTestSqlServer } from "../../test/support/sql-server";
import { testServerUrl } from "../../test/support/store";
import { SourceUnavailableError } from "../contract";
import {
  AgeGroup,
  NavigatorContactChannel,
  NrmDecisionOutcome,
  NrmSubmissionKind,
  PartnerCode,
  ReferralAction,
  ReferralNotFoundError,
  ReferralStatus,
  ReferralTransitionError,
} from "../partners";
import { SYNTHETIC_GMVS_CASE_IDS as CASE } from "../synthetic";
import { ChallengerConnector, ChallengerConnectorOptions } from "./connector";
import { RunningChallengerStandIn, startChallengerStandIn } from "./stand-in";

/**
 * Against the stand-in schema in a real database: PostgreSQL when
 * TEST_DATABASE_URL names one, else PGlite (one session, so a pool of one).
 * Each test installs the schema and seed afresh.
 */

let sql: Awaited<ReturnType<typeof openTestSqlServer>>;
let standIn: RunningChallengerStandIn;
const open: ChallengerConnector[] = [];

beforeAll(async () => {
  sql = await openTestSqlServer();
  standIn = await startChallengerStandIn({ databaseUrl: sql.url });
});

afterAll(async () => {
  await standIn.close();
  await sql.close();
});

beforeEach(async () => {
  standIn.setMode("up");
  await standIn.reset();
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((connector) => connector.close()));
});

function connectorFor(options: Partial<ChallengerConnectorOptions> = {}) {
  const connector = new ChallengerConnector({
    databaseUrl: standIn.url,
    max: sql.embedded ? 1 : 2,
    statementTimeoutMs: 1_000,
    connectTimeoutMs: 1_000,
    backoff: { baseMs: 5, maxMs: 20 },
    ...options,
  });
  open.push(connector);
  return connector;
}

async function rejection(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

function syntheticCaseId(n: number): string {
  return `5eed0000-0000-4000-8000-${String(700_000_000 + n).padStart(12, "0")}`;
}

describe("ChallengerConnector reads", () => {
  it("returns each case with its NRM submissions, place-of-safety stays and navigator contacts, in key order, null where unknown", async () => {
    const [adult, unknown, child] = await connectorFor().fetchByKeys([CASE.trafficking, CASE.clientM, CASE.traffickingChild]);

    expect(unknown).toBeNull();
    expect(adult).toMatchObject({ partner: PartnerCode.CHALLENGER, hourglass: null, riskAssessments: [] });
    expect(adult?.challenger?.nrmSubmissions).toEqual([
      {
        id: "CH-NRM-0005",
        gmvsCaseId: CASE.trafficking,
        kind: NrmSubmissionKind.NRM,
        ageGroup: AgeGroup.ADULT,
        consentGiven: true,
        submittedAt: "2026-10-21T14:00:00.000Z",
        reasonableGrounds: { decision: NrmDecisionOutcome.POSITIVE, decidedAt: "2026-10-27T10:00:00.000Z" },
        conclusiveGrounds: null,
      },
    ]);
    expect(adult?.challenger?.placeOfSafetyStays).toEqual([
      { id: "CH-POS-0005", gmvsCaseId: CASE.trafficking, from: "2026-10-21T13:00:00.000Z", to: "2026-10-26T10:00:00.000Z" },
    ]);
    expect(adult?.challenger?.navigatorContacts.map((c) => c.channel)).toEqual([
      NavigatorContactChannel.IN_PERSON,
      NavigatorContactChannel.PHONE,
      NavigatorContactChannel.IN_PERSON,
    ]);
    expect(adult?.supportActions.map((a) => a.date)).toEqual(["2026-10-22", "2026-11-20"]);
    expect(child?.challenger?.nrmSubmissions[0]).toMatchObject({
      ageGroup: AgeGroup.CHILD,
      consentGiven: false,
      conclusiveGrounds: { decision: NrmDecisionOutcome.POSITIVE },
    });
  });

  it("returns the Duty to Notify return of an adult who did not consent, with no decisions", async () => {
    const [record] = await connectorFor().fetchByKeys([CASE.traffickingNoConsent]);

    expect(record?.challenger?.nrmSubmissions).toEqual([
      expect.objectContaining({ kind: NrmSubmissionKind.DUTY_TO_NOTIFY, consentGiven: false, reasonableGrounds: null, conclusiveGrounds: null }),
    ]);
  });

  it("sends the same number of statements for a batch of 1 case or of 300", async () => {
    const connector = connectorFor({ max: 1 });
    await connector.fetchByKeys([CASE.trafficking]); // opens the session, whose set-up is not part of a batch

    const counts: number[] = [];
    for (const size of [1, 300]) {
      const keys = [CASE.trafficking, ...Array.from({ length: size - 1 }, (_, i) => syntheticCaseId(i))];
      const before = standIn.statementCount();
      const records = await connector.fetchByKeys(keys);
      counts.push(standIn.statementCount() - before);
      expect(records).toHaveLength(size);
      expect(records[0]?.gmvsCaseId).toBe(CASE.trafficking);
    }

    expect(counts).toEqual([10, 10]); // BEGIN, one SELECT per kind of record (8), COMMIT
  });

  it("sends no statement for an empty batch or keys that are not case ids", async () => {
    const connector = connectorFor();
    const before = standIn.statementCount();

    expect(await connector.fetchByKeys(["not-a-uuid"])).toEqual([null]);
    expect(await connector.fetchByKeys([])).toEqual([]);
    expect(standIn.statementCount()).toBe(before);
  });

  it("pages through every case in GMVS case id order", async () => {
    const connector = connectorFor();

    const first = await connector.search({}, { first: 2 });
    const second = await connector.search({}, { first: 2, after: first.nextCursor });

    expect([...first.items, ...second.items].map((r) => r.gmvsCaseId)).toEqual([CASE.trafficking, CASE.traffickingChild, CASE.traffickingNoConsent]);
    expect(second.nextCursor).toBeUndefined();
  });

  it("follows the change feed, then sees a case again once its referral changes", async () => {
    const connector = connectorFor();
    const all = await connector.changesSince(null, 10);
    expect(all.items.map((r) => r.gmvsCaseId).sort()).toEqual([CASE.trafficking, CASE.traffickingChild, CASE.traffickingNoConsent]);
    expect(await connector.changesSince(all.cursor, 10)).toEqual({ items: [], cursor: all.cursor, hasMore: false });

    await connector.recordReferralReceived("CH-REF-0007", new Date("2026-10-28T11:00:00Z"));
    const next = await connector.changesSince(all.cursor, 10);

    expect(next.items.map((r) => r.gmvsCaseId)).toEqual([CASE.traffickingNoConsent]);
  });

  it("reports UP when the database answers", async () => {
    expect(await connectorFor().health()).toMatchObject({ source: "challenger", status: "UP" });
  });
});

describe("ChallengerConnector referral updates", () => {
  it("records receipt, then acceptance, in Challenger's database", async () => {
    const connector = connectorFor();

    await connector.recordReferralReceived("CH-REF-0007", new Date("2026-10-28T11:00:00Z"));
    const accepted = await connector.acceptReferral("CH-REF-0007", new Date("2026-10-28T15:00:00Z"));

    expect(accepted).toMatchObject({ status: ReferralStatus.ACCEPTED, receivedAt: "2026-10-28T11:00:00.000Z", acceptedAt: "2026-10-28T15:00:00.000Z" });
    const [record] = await connector.fetchByKeys([CASE.traffickingNoConsent]);
    expect(record?.referrals[0]).toEqual(accepted);
  });

  it("records a decline with its reason, and answers a repeated decline with the referral unchanged", async () => {
    const connector = connectorFor();
    await connector.recordReferralReceived("CH-REF-0007", new Date("2026-10-28T11:00:00Z"));

    const declined = await connector.declineReferral("CH-REF-0007", "Already supported by another first responder", new Date("2026-10-28T12:00:00Z"));
    const again = await connector.declineReferral("CH-REF-0007", "Already supported by another first responder", new Date("2026-10-28T12:05:00Z"));

    expect(declined).toMatchObject({ status: ReferralStatus.DECLINED, declineReason: "Already supported by another first responder" });
    expect(again).toEqual(declined);
  });

  it("refuses to accept a referral not yet received, and leaves it as it was", async () => {
    const connector = connectorFor();

    const error = await rejection(connector.acceptReferral("CH-REF-0007", new Date("2026-10-28T11:00:00Z")));

    expect(error).toBeInstanceOf(ReferralTransitionError);
    expect(error).toMatchObject({ code: "CONFLICT", source: "challenger", action: ReferralAction.ACCEPT, currentStatus: ReferralStatus.SENT });
    const [record] = await connector.fetchByKeys([CASE.traffickingNoConsent]);
    expect(record?.referrals[0].status).toBe(ReferralStatus.SENT);
  });

  it("reports an unknown referral as not found", async () => {
    const error = await rejection(connectorFor().recordReferralReceived("CH-REF-9999", new Date()));

    expect(error).toBeInstanceOf(ReferralNotFoundError);
  });
});

describe("ChallengerConnector when the database fails", () => {
  it("reports a database that drops connections as SOURCE_UNAVAILABLE with reason NETWORK, and health DOWN", async () => {
    const connector = connectorFor({ retries: 1 });
    await connector.fetchByKeys([CASE.trafficking]);
    standIn.setMode("down");

    const error = await rejection(connector.fetchByKeys([CASE.trafficking]));

    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect(error).toMatchObject({ source: "challenger", reason: "NETWORK" });
    expect(await connector.health()).toMatchObject({ status: "DOWN", detail: expect.stringContaining("NETWORK") });
  });

  it("reports a database that answers too slowly as TIMEOUT, within the timeout and a margin", async () => {
    const connector = connectorFor({ statementTimeoutMs: 200 });
    await connector.fetchByKeys([CASE.trafficking]);
    standIn.setMode("slow", { delayMs: 3_000 });
    const started = performance.now();

    const error = await rejection(connector.fetchByKeys([CASE.trafficking]));

    expect(error).toMatchObject({ source: "challenger", reason: "TIMEOUT" });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  // PGlite runs in this process and cannot be made to hold a lock against another session; a PostgreSQL server can.
  (testServerUrl() ? it : it.skip)("has the database itself cancel a statement held past the statement timeout, as TIMEOUT", async () => {
    const locker = new Client({ connectionString: sql.url });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE challenger.nrm_submission IN ACCESS EXCLUSIVE MODE");

      const error = await rejection(connectorFor({ statementTimeoutMs: 200 }).fetchByKeys([CASE.trafficking]));

      expect(error).toMatchObject({ source: "challenger", reason: "TIMEOUT" });
      expect((error as Error).message).toContain("the database cancelled the statement at its timeout");
    } finally {
      await locker.query("ROLLBACK");
      await locker.end();
    }
  });

  it("reports a value outside the hub's enumerations as INVALID_RESPONSE rather than passing it on", async () => {
    // The partner's database gains a channel the hub does not know.
    await withStandInClient(async (client) => {
      await client.query("ALTER TABLE challenger.navigator_contact DROP CONSTRAINT navigator_contact_channel_check");
      await client.query("UPDATE challenger.navigator_contact SET channel = 'CARRIER_PIGEON' WHERE id = 'CH-NC-0004'");
    });

    const error = await rejection(connectorFor().fetchByKeys([CASE.traffickingChild]));

    expect(error).toMatchObject({ source: "challenger", reason: "INVALID_RESPONSE" });
    expect((error as Error).message).toContain("challenger.navigatorContacts.0.channel");
  });
});

/** A session of the test's own, closed before any connector opens one (PGlite serves one at a time). */
async function withStandInClient(fn: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: sql.url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}
