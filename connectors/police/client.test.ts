import { SourceUnavailableError } from "../contract";
import { CircuitState } from "../http/breaker";
import { backoffDelay, HttpStatusError } from "../http/json-client";
import { PoliceApiClient, PoliceApiClientOptions } from "./client";
import { POLICE_SEED, PoliceStandIn, RunningStandIn, STAND_IN_TOKEN } from "./stand-in";
import { Borough, InvestigationStatus, InvestigationUpdateKind, ProtectiveOrderKind, ProtectiveOrderStatus } from "./types";

let standIn: PoliceStandIn;
let server: RunningStandIn;

beforeEach(async () => {
  standIn = new PoliceStandIn();
  server = await standIn.start();
});

afterEach(() => server.close());

function clientFor(options: Partial<PoliceApiClientOptions> = {}) {
  return new PoliceApiClient({
    baseUrl: server.url,
    token: STAND_IN_TOKEN,
    timeoutMs: 1_000,
    retries: 2,
    backoff: { baseMs: 5, maxMs: 20 },
    ...options,
  });
}

async function unavailable(call: Promise<unknown>): Promise<SourceUnavailableError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof SourceUnavailableError) return error;
    throw error;
  }
  throw new Error("expected the call to fail with SourceUnavailableError");
}

async function timed<T>(call: Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await call;
  return [result, performance.now() - started];
}

describe("PoliceApiClient batch reads", () => {
  it("fetches a batch of crimes in one HTTP call, in key order, null where the source has none", async () => {
    const crimes = await clientFor().fetchByKeys(["SYN/000106/26", "SYN/000101/26", "SYN/999999/26", "SYN/000103/26"]);

    expect(standIn.requestCount()).toBe(1);
    expect(standIn.requestCount("/crimes:batch")).toBe(1);
    expect(crimes.map((crime) => crime?.crimeReference ?? null)).toEqual(["SYN/000106/26", "SYN/000101/26", null, "SYN/000103/26"]);
  });

  it("splits more than 100 references into one call per 100", async () => {
    const references = ["SYN/000102/26", ...Array.from({ length: 149 }, (_, i) => `SYN/9${String(i).padStart(5, "0")}/26`)];

    const crimes = await clientFor().fetchByKeys(references);

    expect(standIn.requestCount("/crimes:batch")).toBe(2);
    expect(crimes).toHaveLength(150);
    expect(crimes[0]?.borough).toBe(Borough.SALFORD);
    expect(crimes.slice(1).every((crime) => crime === null)).toBe(true);
  });

  it("makes no HTTP call for an empty batch", async () => {
    expect(await clientFor().fetchByKeys([])).toEqual([]);
    expect(standIn.requestCount()).toBe(0);
  });

  it("fetches investigation updates for many crimes in one call, per crime and oldest first", async () => {
    const updates = await clientFor().updatesForCrimes(["SYN/000101/26", "SYN/000109/26", "SYN/000103/26"]);

    expect(standIn.requestCount("/updates:batch")).toBe(1);
    expect(updates[0].map((u) => u.kind)).toEqual([
      InvestigationUpdateKind.ARREST,
      InvestigationUpdateKind.INTERVIEWED_UNDER_CAUTION,
      InvestigationUpdateKind.RELEASED_ON_BAIL_WITH_CONDITIONS,
      InvestigationUpdateKind.CHARGED,
      InvestigationUpdateKind.COURT_HEARING,
    ]);
    expect(updates[1]).toEqual([]);
    expect(updates[2].map((u) => u.kind)).toEqual([InvestigationUpdateKind.ARREST, InvestigationUpdateKind.RELEASED_ON_BAIL_WITH_CONDITIONS]);
  });

  it("fetches protective orders for many crimes in one call, per crime", async () => {
    const orders = await clientFor().ordersForCrimes(["SYN/000103/26", "SYN/000102/26", "SYN/000101/26"]);

    expect(standIn.requestCount("/orders:batch")).toBe(1);
    expect(orders[0].map((o) => [o.kind, o.status])).toEqual([
      [ProtectiveOrderKind.DOMESTIC_ABUSE_PROTECTION_NOTICE, ProtectiveOrderStatus.EXPIRED],
      [ProtectiveOrderKind.DOMESTIC_ABUSE_PROTECTION_ORDER, ProtectiveOrderStatus.GRANTED],
    ]);
    expect(orders[1]).toEqual([]);
    expect(orders[2]).toMatchObject([{ kind: ProtectiveOrderKind.STALKING_PROTECTION_ORDER, status: ProtectiveOrderStatus.GRANTED }]);
  });

  it("keeps a reclassified crime's earlier classification beside the current one", async () => {
    const [crime] = await clientFor().fetchByKeys(["SYN/000107/26"]);

    expect(crime?.offence).toEqual({ homeOfficeCode: "8Q", description: "Stalking involving serious alarm or distress" });
    expect(crime?.classificationHistory.map((c) => c.homeOfficeCode)).toEqual(["8L", "8Q"]);
  });
});

describe("PoliceApiClient search and change feed", () => {
  it("pages through every change with a stable cursor, then sees only what changed later", async () => {
    const client = clientFor();
    const seen: string[] = [];
    let cursor: string | null = null;
    let hasMore = true;
    let pages = 0;
    while (hasMore) {
      const batch: Awaited<ReturnType<PoliceApiClient["changesSince"]>> = await client.changesSince(cursor, 4);
      seen.push(...batch.items.map((crime) => crime.crimeReference));
      ({ cursor, hasMore } = batch);
      pages += 1;
    }

    expect(pages).toBe(3);
    expect(seen).toEqual(POLICE_SEED.crimes.map((crime) => crime.crimeReference));
    const caughtUp = await client.changesSince(cursor, 4);
    expect(caughtUp).toEqual({ items: [], cursor, hasMore: false });

    const charged = { ...POLICE_SEED.crimes[1], status: InvestigationStatus.SUSPECT_CHARGED };
    standIn.recordChange(charged);
    const next = await client.changesSince(cursor, 4);
    expect(next.items).toEqual([charged]);
    expect(next.hasMore).toBe(false);
  });

  it("searches most recently recorded first, page by page, and by borough", async () => {
    const client = clientFor();
    const first = await client.search({}, { first: 5 });
    const second = await client.search({}, { first: 5, after: first.nextCursor });
    const inWigan = await client.search({ borough: Borough.WIGAN }, { first: 5 });

    const all = [...first.items, ...second.items].map((crime) => crime.crimeReference);
    expect(all).toEqual(
      [...POLICE_SEED.crimes].sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt)).map((crime) => crime.crimeReference),
    );
    expect(second.nextCursor).toBeUndefined();
    expect(inWigan.items.map((crime) => crime.crimeReference)).toEqual(["SYN/000105/26"]);
  });

  it("asks for no more than a page the API allows, however many are wanted", async () => {
    const page = await clientFor().search({}, { first: 500 });

    expect(page.items).toHaveLength(POLICE_SEED.crimes.length);
    expect(standIn.requestCount()).toBe(1);
  });
});

describe("PoliceApiClient when the source fails", () => {
  it("reports NETWORK when the source drops connections, after a bounded number of attempts", async () => {
    standIn.setMode("down");

    const [error, elapsed] = await timed(unavailable(clientFor({ retries: 2 }).fetchByKeys(["SYN/000101/26"])));

    expect(error).toMatchObject({ source: "police", reason: "NETWORK" });
    expect(standIn.requestCount()).toBe(3);
    expect(elapsed).toBeLessThan(2_000);
  });

  it("reports NETWORK when nothing listens at the address", async () => {
    const gone = new PoliceStandIn();
    const stopped = await gone.start();
    await stopped.close();

    const error = await unavailable(clientFor({ baseUrl: stopped.url, retries: 1 }).fetchByKeys(["SYN/000101/26"]));

    expect(error.reason).toBe("NETWORK");
  });

  it("retries a 503 a bounded number of times, then reports HTTP_ERROR", async () => {
    standIn.setMode("failing");

    const error = await unavailable(clientFor({ retries: 3 }).fetchByKeys(["SYN/000101/26"]));

    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ reason: "HTTP_ERROR", status: 503 });
    expect(standIn.requestCount()).toBe(4);
  });

  it("waits exponentially longer, with jitter, before each retry", async () => {
    standIn.setMode("failing");
    const sleeps: number[] = [];
    const client = clientFor({
      retries: 3,
      backoff: { baseMs: 100, maxMs: 300 },
      random: () => 0.5,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });

    await unavailable(client.fetchByKeys(["SYN/000101/26"]));

    expect(sleeps).toEqual([50, 100, 150]); // half of 100, 200, then 400 capped at 300
  });

  it("draws each backoff delay below its ceiling", () => {
    const backoff = { baseMs: 100, maxMs: 1_000 };
    expect(backoffDelay(0, backoff, () => 0)).toBe(0);
    expect(backoffDelay(2, backoff, () => 0.999)).toBe(399);
    expect(backoffDelay(10, backoff, () => 0.999)).toBe(999);
  });

  it("does not retry a 4xx", async () => {
    const error = await unavailable(clientFor({ token: "wrong-token", retries: 3 }).fetchByKeys(["SYN/000101/26"]));

    expect(error).toMatchObject({ reason: "HTTP_ERROR", status: 401 });
    expect(standIn.requestCount()).toBe(1);
  });

  it("times out a slow source within the timeout and a small margin, without retrying", async () => {
    standIn.setMode("slow", { delayMs: 3_000 });

    const [error, elapsed] = await timed(unavailable(clientFor({ timeoutMs: 200, retries: 2 }).fetchByKeys(["SYN/000101/26"])));

    expect(error.reason).toBe("TIMEOUT");
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(200 + 300);
    expect(standIn.requestCount()).toBe(1);
  });

  it("reports INVALID_RESPONSE for a body that is not JSON, and does not retry it", async () => {
    standIn.setMode("malformed");

    const error = await unavailable(clientFor().fetchByKeys(["SYN/000101/26"]));

    expect(error.reason).toBe("INVALID_RESPONSE");
    expect(standIn.requestCount()).toBe(1);
  });

  it("reports INVALID_RESPONSE for JSON of an unexpected shape", async () => {
    standIn.setMode("wrong-shape");

    const error = await unavailable(clientFor().changesSince(null, 10));

    expect(error.reason).toBe("INVALID_RESPONSE");
    expect(error.message).toContain("items");
  });
});

describe("PoliceApiClient circuit breaker", () => {
  function breakingClient() {
    const clock = { now: 0 };
    const client = clientFor({ retries: 0, breaker: { failureThreshold: 3, coolDownMs: 10_000 }, clock: () => clock.now });
    return { client, clock };
  }

  async function openCircuit(client: PoliceApiClient) {
    standIn.setMode("down");
    for (let i = 0; i < 3; i++) await unavailable(client.fetchByKeys(["SYN/000101/26"]));
    expect(client.circuitState).toBe(CircuitState.OPEN);
  }

  it("opens after consecutive failures and makes no HTTP call while open", async () => {
    const { client } = breakingClient();
    await openCircuit(client);

    const refused = await unavailable(client.fetchByKeys(["SYN/000101/26"]));
    const refusedSearch = await unavailable(client.search({}, { first: 1 }));

    expect(refused.reason).toBe("CIRCUIT_OPEN");
    expect(refusedSearch.reason).toBe("CIRCUIT_OPEN");
    expect(standIn.requestCount()).toBe(3);
  });

  it("lets one trial through after the cool-down and closes when the source is back", async () => {
    const { client, clock } = breakingClient();
    await openCircuit(client);
    standIn.setMode("up");
    clock.now = 10_000;

    const [crime] = await client.fetchByKeys(["SYN/000101/26"]);

    expect(crime?.crimeReference).toBe("SYN/000101/26");
    expect(standIn.requestCount()).toBe(4);
    expect(client.circuitState).toBe(CircuitState.CLOSED);
    await client.fetchByKeys(["SYN/000102/26"]);
    expect(standIn.requestCount()).toBe(5);
  });

  it("opens again when the trial after the cool-down fails", async () => {
    const { client, clock } = breakingClient();
    await openCircuit(client);
    clock.now = 10_000;

    expect((await unavailable(client.fetchByKeys(["SYN/000101/26"]))).reason).toBe("NETWORK");
    expect((await unavailable(client.fetchByKeys(["SYN/000101/26"]))).reason).toBe("CIRCUIT_OPEN");
    expect(standIn.requestCount()).toBe(4);
  });

  it("does not open on answers refused for a bad token: the source is up", async () => {
    const clock = { now: 0 };
    const client = clientFor({ token: "wrong-token", breaker: { failureThreshold: 2, coolDownMs: 10_000 }, clock: () => clock.now });

    for (let i = 0; i < 3; i++) expect((await unavailable(client.fetchByKeys(["SYN/000101/26"]))).reason).toBe("HTTP_ERROR");

    expect(client.circuitState).toBe(CircuitState.CLOSED);
    expect(standIn.requestCount()).toBe(3);
  });
});

describe("PoliceApiClient health", () => {
  it("reports UP when the source answers", async () => {
    expect(await clientFor().health()).toMatchObject({ source: "police", status: "UP" });
  });

  it("reports DOWN with the reason, without throwing, when the source does not answer", async () => {
    standIn.setMode("failing");

    const health = await clientFor({ retries: 3 }).health();

    expect(health).toMatchObject({ source: "police", status: "DOWN", detail: expect.stringContaining("HTTP_ERROR") });
    expect(standIn.requestCount()).toBe(1);
  });
});

describe("police stand-in seed", () => {
  it("keeps the crime references the hub already uses", () => {
    const references = POLICE_SEED.crimes.map((crime) => crime.crimeReference);
    for (let n = 101; n <= 106; n++) expect(references).toContain(`SYN/000${n}/26`);
  });

  it("gives each crime its latest classification as its offence, and links every update and order to a crime", () => {
    const references = new Set(POLICE_SEED.crimes.map((crime) => crime.crimeReference));
    for (const crime of POLICE_SEED.crimes) {
      const latest = crime.classificationHistory[crime.classificationHistory.length - 1];
      expect(crime.offence).toEqual({ homeOfficeCode: latest.homeOfficeCode, description: latest.description });
    }
    for (const linked of [...POLICE_SEED.updates, ...POLICE_SEED.orders]) expect(references.has(linked.crimeReference)).toBe(true);
  });
});
