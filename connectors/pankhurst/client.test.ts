import { SourceUnavailableError } from "../contract";
import { HttpStatusError } from "../http/json-client";
import {
  PartnerCode,
  ReferralAction,
  ReferralNotFoundError,
  ReferralStatus,
  ReferralTransitionError,
  RiskAnswer,
  RiskLevel,
  RiskTool,
  SupportActionKind,
} from "../partners";
import { SYNTHETIC_GMVS_CASE_IDS as CASE } from "../synthetic";
import { PankhurstClient, PankhurstClientOptions } from "./client";
import { PANKHURST_SEED, PANKHURST_STAND_IN_TOKEN, PankhurstStandIn, RunningStandIn } from "./stand-in";

let standIn: PankhurstStandIn;
let server: RunningStandIn;

beforeEach(async () => {
  standIn = new PankhurstStandIn();
  server = await standIn.start();
});

afterEach(() => server.close());

function clientFor(options: Partial<PankhurstClientOptions> = {}) {
  return new PankhurstClient({
    baseUrl: server.url,
    token: PANKHURST_STAND_IN_TOKEN,
    timeoutMs: 1_000,
    retries: 2,
    backoff: { baseMs: 5, maxMs: 20 },
    ...options,
  });
}

async function rejection(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

async function unavailable(call: Promise<unknown>): Promise<SourceUnavailableError> {
  const error = await rejection(call);
  if (error instanceof SourceUnavailableError) return error;
  throw error;
}

function syntheticCaseId(n: number): string {
  return `5eed0000-0000-4000-8000-${String(900_000_000 + n).padStart(12, "0")}`;
}

describe("PankhurstClient reads", () => {
  it("fetches a batch of cases in one HTTP call, in key order, null where Pankhurst holds nothing", async () => {
    const records = await clientFor().fetchByKeys([CASE.coercive, CASE.selfReferral, CASE.clientM]);

    expect(standIn.requestCount()).toBe(1);
    expect(standIn.requestCount("/cases:batch")).toBe(1);
    expect(records.map((record) => record?.gmvsCaseId ?? null)).toEqual([CASE.coercive, null, CASE.clientM]);
    expect(records[0]).toMatchObject({ partner: PartnerCode.PANKHURST, hourglass: null, challenger: null });
  });

  it.each([1, 2, 100])("makes one HTTP call for a batch of %i case ids", async (size) => {
    const ids = [CASE.clientM, ...Array.from({ length: size - 1 }, (_, i) => syntheticCaseId(i))];

    const records = await clientFor().fetchByKeys(ids);

    expect(standIn.requestCount("/cases:batch")).toBe(1);
    expect(records).toHaveLength(size);
  });

  it("splits more than 100 case ids into one call per 100", async () => {
    const ids = [CASE.clientM, ...Array.from({ length: 249 }, (_, i) => syntheticCaseId(i))];

    const records = await clientFor().fetchByKeys(ids);

    expect(standIn.requestCount("/cases:batch")).toBe(3);
    expect(records[0]?.gmvsCaseId).toBe(CASE.clientM);
    expect(records.slice(1).every((record) => record === null)).toBe(true);
  });

  it("makes no HTTP call for an empty batch", async () => {
    expect(await clientFor().fetchByKeys([])).toEqual([]);
    expect(standIn.requestCount()).toBe(0);
  });

  it("returns Client M's Restore record: DASH and S-DASH answers, a weekly-reviewed safety plan, a video doorbell and online safety help", async () => {
    const [record] = await clientFor().fetchByKeys([CASE.clientM]);

    expect(record?.episodes.map((e) => [e.service, e.worker.displayName])).toEqual([["Restore", "Advocate A7"]]);
    const [dash, sdash] = record?.riskAssessments ?? [];
    expect(dash).toMatchObject({ tool: RiskTool.DASH, questionSetVersion: "safelives-dash-ric@2009", professionalJudgement: RiskLevel.HIGH });
    expect(Object.keys(dash.answers)).toHaveLength(24);
    expect(dash.answers["dash.q08"]).toBe(RiskAnswer.YES);
    expect(sdash).toMatchObject({ tool: RiskTool.SDASH, questionSetVersion: "s-dash@2009" });
    expect(Object.keys(sdash.answers)).toHaveLength(11);
    const reviews = record?.safetyPlans[0].reviews.map((r) => Date.parse(r.reviewedAt)) ?? [];
    const gapsInDays = reviews.slice(1).map((at, i) => (at - reviews[i]) / 86_400_000);
    expect(gapsInDays).toEqual([7, 7, 7]);
    expect(record?.supportActions.map((a) => a.kind)).toEqual(
      expect.arrayContaining([SupportActionKind.TARGET_HARDENING_VIDEO_DOORBELL, SupportActionKind.ONLINE_SAFETY_SOCIAL_MEDIA]),
    );
  });

  it("pages through every case in GMVS case id order", async () => {
    const client = clientFor();
    const first = await client.search({}, { first: 2 });
    const second = await client.search({}, { first: 2, after: first.nextCursor });

    expect([...first.items, ...second.items].map((r) => r.gmvsCaseId)).toEqual([CASE.clientM, CASE.harassment, CASE.coercive]);
    expect(second.nextCursor).toBeUndefined();
  });

  it("follows the change feed, then sees a case again once a referral in it changes", async () => {
    const client = clientFor();
    const all = await client.changesSince(null, 10);
    expect(all.items).toHaveLength(PANKHURST_SEED.cases.length);
    expect(await client.changesSince(all.cursor, 10)).toEqual({ items: [], cursor: all.cursor, hasMore: false });

    await client.recordReferralReceived("PK-REF-0002", new Date("2026-10-17T09:00:00Z"));
    const next = await client.changesSince(all.cursor, 10);

    expect(next.items.map((r) => r.gmvsCaseId)).toEqual([CASE.harassment]);
    expect(next.items[0].referrals[0].status).toBe(ReferralStatus.RECEIVED);
  });
});

describe("PankhurstClient referral updates", () => {
  it("records receipt with its time, then acceptance", async () => {
    const client = clientFor();

    const received = await client.recordReferralReceived("PK-REF-0002", new Date("2026-10-17T09:00:00Z"));
    const accepted = await client.acceptReferral("PK-REF-0002", new Date("2026-10-18T14:30:00Z"));

    expect(received).toMatchObject({ status: ReferralStatus.RECEIVED, receivedAt: "2026-10-17T09:00:00.000Z", acceptedAt: null });
    expect(accepted).toMatchObject({ status: ReferralStatus.ACCEPTED, receivedAt: "2026-10-17T09:00:00.000Z", acceptedAt: "2026-10-18T14:30:00.000Z" });
    expect(standIn.referral("PK-REF-0002")?.status).toBe(ReferralStatus.ACCEPTED);
  });

  it("records a decline with its reason", async () => {
    const client = clientFor();
    await client.recordReferralReceived("PK-REF-0002", new Date("2026-10-17T09:00:00Z"));

    const declined = await client.declineReferral("PK-REF-0002", "Outside Restore's criteria: referred on to GMVS stalking lead", new Date("2026-10-17T10:00:00Z"));

    expect(declined).toMatchObject({
      status: ReferralStatus.DECLINED,
      declinedAt: "2026-10-17T10:00:00.000Z",
      declineReason: "Outside Restore's criteria: referred on to GMVS stalking lead",
    });
  });

  it("refuses to accept a referral not yet received, as a typed conflict naming its current state, without counting against the breaker", async () => {
    const client = clientFor({ breaker: { failureThreshold: 1, coolDownMs: 60_000 } });

    const error = await rejection(client.acceptReferral("PK-REF-0002", new Date("2026-10-17T09:00:00Z")));

    expect(error).toBeInstanceOf(ReferralTransitionError);
    expect(error).toMatchObject({ code: "CONFLICT", source: "pankhurst", action: ReferralAction.ACCEPT, currentStatus: ReferralStatus.SENT });
    expect(standIn.requestCount()).toBe(1);
    expect(standIn.referral("PK-REF-0002")?.status).toBe(ReferralStatus.SENT);
    expect(await client.fetchByKeys([CASE.harassment])).toHaveLength(1);
  });

  it("refuses to decline a referral already accepted", async () => {
    const error = await rejection(clientFor().declineReferral("PK-REF-0001", "No capacity", new Date("2026-10-17T09:00:00Z")));

    expect(error).toMatchObject({ code: "CONFLICT", currentStatus: ReferralStatus.ACCEPTED });
  });

  it("answers a repeated receipt with the referral unchanged, so a retry is harmless", async () => {
    const client = clientFor();
    const first = await client.recordReferralReceived("PK-REF-0002", new Date("2026-10-17T09:00:00Z"));

    const again = await client.recordReferralReceived("PK-REF-0002", new Date("2026-10-17T09:05:00Z"));

    expect(again).toEqual(first);
  });

  it("reports an unknown referral as not found", async () => {
    const error = await rejection(clientFor().recordReferralReceived("PK-REF-9999", new Date("2026-10-17T09:00:00Z")));

    expect(error).toBeInstanceOf(ReferralNotFoundError);
    expect(error).toMatchObject({ code: "NOT_FOUND", referralId: "PK-REF-9999" });
  });

  it("refuses a decline without a reason before calling Pankhurst", async () => {
    await expect(clientFor().declineReferral("PK-REF-0002", "  ", new Date())).rejects.toThrow(RangeError);
    expect(standIn.requestCount()).toBe(0);
  });
});

describe("PankhurstClient when Pankhurst fails", () => {
  it("reports NETWORK, naming pankhurst, when the stand-in drops connections, after a bounded number of attempts", async () => {
    standIn.setMode("down");

    const error = await unavailable(clientFor({ retries: 2 }).fetchByKeys([CASE.clientM]));

    expect(error).toMatchObject({ source: "pankhurst", reason: "NETWORK" });
    expect(standIn.requestCount()).toBe(3);
  });

  it("times out a slow stand-in within the timeout and a small margin, without retrying", async () => {
    standIn.setMode("slow", { delayMs: 3_000 });
    const started = performance.now();

    const error = await unavailable(clientFor({ timeoutMs: 200 }).fetchByKeys([CASE.clientM]));

    expect(error.reason).toBe("TIMEOUT");
    expect(performance.now() - started).toBeLessThan(500);
    expect(standIn.requestCount()).toBe(1);
  });

  it("reports INVALID_RESPONSE for a body that is not JSON", async () => {
    standIn.setMode("malformed");

    expect((await unavailable(clientFor().fetchByKeys([CASE.clientM]))).reason).toBe("INVALID_RESPONSE");
  });

  it("reports INVALID_RESPONSE when a record breaks the shared partner schema", async () => {
    const broken = structuredClone(PANKHURST_SEED);
    broken.cases[0].riskAssessments[0].answers["dash.q01"] = "MAYBE" as RiskAnswer; // a value outside the enum, as a faulty source might send
    const faulty = new PankhurstStandIn({ seed: broken });
    const faultyServer = await faulty.start();
    try {
      const error = await unavailable(clientFor({ baseUrl: faultyServer.url }).fetchByKeys([CASE.clientM]));

      expect(error.reason).toBe("INVALID_RESPONSE");
      expect(error.message).toContain("riskAssessments.0.answers.dash.q01");
    } finally {
      await faultyServer.close();
    }
  });

  it("does not retry a request refused for a bad token", async () => {
    const error = await unavailable(clientFor({ token: "wrong-token" }).fetchByKeys([CASE.clientM]));

    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ status: 401 });
    expect(standIn.requestCount()).toBe(1);
  });

  it("reports health DOWN without throwing when the stand-in is down, and UP when it answers", async () => {
    expect(await clientFor().health()).toMatchObject({ source: "pankhurst", status: "UP" });
    standIn.setMode("down");
    expect(await clientFor().health()).toMatchObject({ source: "pankhurst", status: "DOWN", detail: expect.stringContaining("NETWORK") });
  });
});
