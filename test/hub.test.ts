import { randomUUID } from "node:crypto";
import { SUBGRAPH_NAMES } from "../src/platform/config";
import { sqlStatementsFor } from "../src/platform/sql-metrics";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { OrganisationCode } from "../src/platform/domain";
import { Borough, InvestigationUpdateKind, ProtectiveOrderKind, ProtectiveOrderStatus } from "../connectors/police/types";
import { insertCase, linkCaseAndCrime } from "./support/cases";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { actors, consentTo, policeReferral, referralStep, referToRestore } from "./stories/support";
import { policeStandIn, recordCrime } from "./support/police";
import { PartnerCode } from "../connectors/partners";
import { addPartnerRecords, pankhurstEpisodeRecord } from "./support/partners";

let hub: TestHub;
/** A synthetic front end's origin, listed in this hub's CORS_ORIGINS. */
const FRONT_END = "https://casework.example";
let gmvs: Record<string, string>;
beforeAll(async () => {
  // Synthetic insights facts: the seed's refresh then reads a fact source, whose lag /metrics reports.
  hub = await startTestHub({ CORS_ORIGINS: `${FRONT_END},http://localhost:5173`, INSIGHTS_FACT_SOURCES: "synthetic" });
  gmvs = await hub.as({ organisation: OrganisationCode.GMVS });
});
afterAll(async () => {
  await hub?.close();
});

const CASE_VIEW = /* GraphQL */ `
  query CaseView($id: ID!) {
    case(id: $id) {
      caseReference
      borough
      crime { crimeReference offenceDescription status stalking }
      episodes { provider service status }
    }
  }
`;

describe("the embedded hub", () => {
  it("answers one query with data from the victims, police and partners subgraphs", async () => {
    const { status, body } = await graphql(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      case: {
        caseReference: "GMVS-SYN-0001",
        borough: "MANCHESTER",
        crime: { crimeReference: "SYN/000101/26", offenceDescription: "Stalking", status: "SUSPECT_CHARGED", stalking: true },
        episodes: [{ provider: "PANKHURST", service: "Restore", status: "ACTIVE" }],
      },
    });
  });

  it("returns null for a case that does not exist, and for an id that is not a UUID", async () => {
    for (const id of [randomUUID(), "not-a-uuid"]) {
      const { body } = await graphql(hub.url, CASE_VIEW, { id }, gmvs);
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({ case: null });
    }
  });

  it("reports health and readiness on the gateway and on every subgraph", async () => {
    const bases = [hub.url, ...SUBGRAPH_NAMES.map((name) => hub.subgraphs[name].url)].map((u) => u.replace(/\/graphql$/, ""));
    for (const base of bases) {
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "ready" });
    }
    // The gateway lists every source and subgraph it depends on, each up.
    const gateway = (await (await fetch(`${bases[0]}/readyz`)).json()) as { checks: Record<string, { state: string; required: boolean }> };
    expect(Object.keys(gateway.checks).sort()).toEqual(
      ["challenger", "hourglass", "hub-store", "pankhurst", "police", ...SUBGRAPH_NAMES.map((name) => `subgraph:${name}`)].sort(),
    );
    for (const check of Object.values(gateway.checks)) expect(check.state).toBe("up");
    expect(gateway.checks["hub-store"].required).toBe(true);
    expect(gateway.checks.police.required).toBe(false);
  });

  it("answers every request with a request id of its own, never the caller's", async () => {
    const requestId = `test-${randomUUID()}`;
    const { headers } = await graphql(hub.url, "{ organisations { code } }", {}, { ...gmvs, "x-request-id": requestId });
    expect(headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get("x-request-id")).not.toBe(requestId);
    const generated = await graphql(hub.url, "{ organisations { code } }", {}, { ...gmvs, "x-request-id": "bad id with spaces" });
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("makes the same number of SQL statements and police API calls for one case as for forty, authorisation and audit included", async () => {
    await addCasesWithEpisodes(40);
    const query = `query($first: Int!) { cases(first: $first) { caseReference crime { crimeReference offenceCode updates { kind } orders { kind } } episodes { service } } }`;
    const police = policeStandIn(hub);
    const counts: number[] = [];
    const policeCalls: number[] = [];
    for (const first of [1, 10, 40]) {
      const before = police.requestCount();
      const { body, headers } = await graphql<{ cases: { crime: { updates: unknown[]; orders: unknown[] } }[] }>(hub.url, query, { first }, gmvs);
      const requestId = headers.get("x-request-id") ?? "";
      expect(body.errors).toBeUndefined();
      expect(body.data?.cases).toHaveLength(first);
      // Every crime came back with its updates and orders, so each kind of police record was fetched.
      expect(body.data?.cases.every((c) => c.crime.updates.length === 1 && c.crime.orders.length === 1)).toBe(true);
      counts.push(sqlStatementsFor(requestId));
      policeCalls.push(police.requestCount() - before);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(new Set(counts).size).toBe(1);
    // One call each for crimes, updates and orders, however many cases.
    expect(policeCalls).toEqual([3, 3, 3]);
  });

  it("answers the shared case view for a partner's advocate in at most 13 SQL statements and one police call per kind of record, authorisation and audit included", async () => {
    const as = actors(hub);
    const m = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "MANCHESTER" as never, flags: { stalking: true } });
    const consentId = await consentTo(hub, m.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT", "OFFENCE_DETAILS", "INVESTIGATION_UPDATES"]);
    const referralId = await referToRestore(hub, m.caseId, consentId);
    await referralStep(hub, "receiveReferral", referralId, as.restore());
    await referralStep(hub, "acceptReferral", referralId, as.restore());
    const police = policeStandIn(hub);
    const policeCalls = () => ["/crimes:batch", "/updates:batch", "/orders:batch"].map((path) => police.requestCount(path));
    const before = policeCalls();
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(await as.restore()) },
      body: JSON.stringify({ query: readFileSync(join(__dirname, "..", "schema", "operations", "shared-case-view.graphql"), "utf8"), variables: { id: m.caseId }, operationName: "SharedCaseView" }),
    });
    const body = (await response.json()) as { data?: { case?: { id: string; referrals: unknown[]; crime?: { updates: unknown[] }; timeline?: unknown[] } } };
    expect(body.data?.case?.id).toBe(m.caseId);
    expect(body.data?.case?.referrals).toHaveLength(1);
    // The crime, its updates and its orders asked of the police API once each, though the victims subgraph's
    // timeline and the police subgraph's crime both read the updates.
    expect(policeCalls().map((after, i) => after - before[i]!)).toEqual([1, 1, 1]);
    // Per subgraph: its records, one link lookup per round of fields (each with the subject's consents and
    // relationships, and whether the agreements changed since the process last read them), and one audit append.
    // Was 33 before those were each one statement and the agreements were read by each subgraph every request.
    expect(sqlStatementsFor(response.headers.get("x-request-id") ?? "")).toBeLessThanOrEqual(13);
  });
});

describe("operators' metrics at the gateway's /metrics", () => {
  const scrape = async () => {
    const response = await fetch(hub.url.replace(/\/graphql$/, "/metrics"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    return response.text();
  };
  /** The value of one series, or undefined where it is absent. */
  const value = (text: string, series: string) => {
    const line = text.split("\n").find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  it("counts requests by operation and code, times source calls, reports breakers, the audit's batches and the evidence base's lag, and they move", async () => {
    const before = await scrape();
    await graphql(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    await graphql(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    // An operation name the hub does not ship, carrying what could be a person's name: never a label.
    await graphql(hub.url, "query JaneDoeLookup { organisations { code } }", {}, gmvs);
    await graphql(hub.url, "{ organisations { code } }", {});
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const after = await scrape();

    const moved = (series: string, by?: number) => {
      const was = value(before, series) ?? 0;
      const now = value(after, series);
      expect(now).toBeDefined();
      if (by === undefined) expect(now!).toBeGreaterThan(was);
      else expect(now! - was).toBe(by);
    };
    moved('casebridge_graphql_requests_total{operation="CaseView",code="OK"}', 2);
    moved('casebridge_graphql_requests_total{operation="other",code="OK"}', 1);
    moved('casebridge_graphql_requests_total{operation="anonymous",code="UNAUTHENTICATED"}', 1);
    moved('casebridge_source_call_duration_seconds_count{source="police",outcome="ok"}');
    moved('casebridge_source_call_duration_seconds_count{source="pankhurst",outcome="ok"}');
    moved("casebridge_audit_batch_events_count");
    moved("casebridge_audit_write_lag_seconds_count");
    expect(value(after, 'casebridge_source_circuit_state{source="police",state="CLOSED"}')).toBe(1);
    expect(value(after, 'casebridge_source_circuit_state{source="pankhurst",state="OPEN"}')).toBe(0);
    // The seed's refresh read the synthetic fact source; nothing has since, so its lag only grows.
    moved('casebridge_insights_refresh_lag_seconds{source="synthetic"}');
    expect(after).not.toMatch(/JaneDoe/);
  });
});

describe("cross-origin requests from browsers (CORS_ORIGINS)", () => {
  const preflight = (origin: string) =>
    fetch(hub.url, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });

  it("answers a listed origin's preflight with 204, its own origin (never *), the headers a front end sends, and Vary: Origin", async () => {
    const response = await preflight(FRONT_END);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, POST");
    const allowed = response.headers.get("access-control-allow-headers")?.split(/,\s*/) ?? [];
    expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type", "x-break-glass-reason"]));
    expect(response.headers.get("vary")).toMatch(/Origin/);
    expect(await response.text()).toBe("");
  });

  it("lets a listed origin read the answer to the request that follows, and its request id", async () => {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { origin: FRONT_END, "content-type": "application/json", ...gmvs },
      body: JSON.stringify({ query: "{ organisations { code } }" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(FRONT_END);
    expect(response.headers.get("access-control-expose-headers")).toMatch(/x-request-id/);
    expect(response.headers.get("vary")).toMatch(/Origin/);
    expect(((await response.json()) as { data: { organisations: unknown[] } }).data.organisations.length).toBeGreaterThan(0);
  });

  it("answers an unlisted origin's preflight with 204 and no allow headers, so the browser refuses, not the GraphQL layer", async () => {
    const response = await preflight("https://elsewhere.example");
    expect(response.status).toBe(204);
    for (const name of ["access-control-allow-origin", "access-control-allow-headers", "access-control-allow-methods"]) expect(response.headers.get(name)).toBeNull();
    const actual = await fetch(hub.url, {
      method: "POST",
      headers: { origin: "https://elsewhere.example", "content-type": "application/json", ...gmvs },
      body: JSON.stringify({ query: "{ organisations { code } }" }),
    });
    expect(actual.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("errors", () => {
  it("refuses an out-of-range page size with INVALID_INPUT naming the argument", async () => {
    for (const first of [0, 101, -5]) {
      const { body } = await graphql(hub.url, "query($first: Int!) { cases(first: $first) { id } }", { first }, gmvs);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "first" });
      expect(body.errors?.[0]?.message).toBe("first must be between 1 and 100");
    }
    const { body } = await graphql(hub.url, "{ cases(first: 100) { id } }", {}, gmvs);
    expect(body.errors).toBeUndefined();
  });

  it("gives every error a code and no stack trace outside development", async () => {
    const { body } = await graphql(hub.url, "{ cases { noSuchField } }", {}, gmvs);
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(typeof error.extensions?.code).toBe("string");
      expect(error.extensions).not.toHaveProperty("stacktrace");
    }
  });

  it("answers a body that is not JSON with a 400 and a coded error, not an HTML page", async () => {
    const response = await fetch(hub.url, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("BAD_REQUEST");
  });
});

async function addCasesWithEpisodes(count: number): Promise<void> {
  const ds = hub.db.dataSource;
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const reference = `SYN/9${String(i).padStart(5, "0")}/26`;
    // GMP records the crime in its own system, with one investigation update and one order.
    recordCrime(hub, { crimeReference: reference, homeOfficeCode: "8L", description: "Harassment", borough: Borough.BURY, flags: { harassment: true } });
    policeStandIn(hub).recordUpdate({
      id: `SYN-UPDATE-9${i}-1`,
      crimeReference: reference,
      kind: InvestigationUpdateKind.RELEASED_UNDER_INVESTIGATION,
      occurredAt: new Date().toISOString(),
      summary: "Suspect released under investigation",
    });
    policeStandIn(hub).recordOrder({
      id: `SYN-ORDER-9${i}-1`,
      crimeReference: reference,
      kind: ProtectiveOrderKind.STALKING_PROTECTION_ORDER,
      status: ProtectiveOrderStatus.APPLIED,
      appliedOn: "2026-11-02",
      grantedOn: null,
      expiresOn: null,
    });
    await insertCase(ds, { id, caseReference: `GMVS-TEST-${i}`, borough: "BURY", thematicLead: "GENERAL", crimeReference: reference, openedInSeconds: i });
    // The episode is in the partner's own system, which the hub reads through its connector.
    await addPartnerRecords(hub.sources, PartnerCode.PANKHURST, [pankhurstEpisodeRecord(id, { episodeId: `PK-EP-COUNT-${i}`, service: "Domestic abuse support" })]);
    // Governance knows the person behind the case and crime, and GMVS's open case with them.
    const subjectId = await linkCaseAndCrime(ds, id, reference);
    await ds.query(
      `INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at) VALUES ($1, 'GMVS', 'gmvs-case', $2, now())`,
      [subjectId, id],
    );
  }
}
