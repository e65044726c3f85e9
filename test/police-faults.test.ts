import { OrganisationCode } from "../src/platform/domain";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { policeStandIn } from "./support/police";

/**
 * The police records API failing under the hub: the rest of the answer still
 * comes back, the police fields are null, and one coded error says which
 * source and why. Each failure mode gets a hub of its own, as the client's
 * circuit breaker remembers failures.
 */
const CASE_VIEW = `query($id: ID!) {
  case(id: $id) { caseReference borough thematicLead crime { crimeReference offenceDescription status updates { kind } } episodes { provider service } }
}`;

type CaseView = {
  case: {
    caseReference: string;
    borough: string | null;
    thematicLead: string | null;
    crime: { crimeReference: string; offenceDescription: string | null; status: string | null; updates: unknown[] | null } | null;
    episodes: { provider: string | null; service: string | null }[];
  } | null;
};

/** The GMVS-held part of Client M's case, which must come back whatever police does. */
const CLIENT_M_GMVS = { caseReference: "GMVS-SYN-0001", borough: "MANCHESTER", thematicLead: "STALKING", episodes: [{ provider: "PANKHURST", service: "Restore" }] };

describe("with the police records API down", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("answers the GMVS case with its crime fields null and one SOURCE_UNAVAILABLE error naming police, not a crash or a 500", async () => {
    const gmvs = await hub.as({ organisation: OrganisationCode.GMVS });
    policeStandIn(hub).setMode("down");
    const { status, body } = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    expect(status).toBe(200);
    expect(body.data?.case).toMatchObject(CLIENT_M_GMVS);
    expect(body.data?.case?.crime).toMatchObject({ offenceDescription: null, status: null, updates: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "SOURCE_UNAVAILABLE", source: "police", reason: "NETWORK" });
    expect(body.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|http:|crimes:batch/);

    // Back up: the next request is whole again (the breaker had not opened after one failed call).
    policeStandIn(hub).setMode("up");
    const again = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data?.case?.crime).toMatchObject({ crimeReference: "SYN/000101/26", offenceDescription: "Stalking", status: "SUSPECT_CHARGED" });
  });

  it("answers GMP's own crime query with a null crime and SOURCE_UNAVAILABLE, and the rest of the query", async () => {
    const gmp = await hub.as({ organisation: OrganisationCode.GMP });
    policeStandIn(hub).setMode("failing");
    try {
      const { status, body } = await graphql<{ crime: unknown; organisations: unknown[] }>(
        hub.url,
        `{ crime(crimeReference: "SYN/000101/26") { offenceCode } organisations { code } }`,
        {},
        gmp,
      );
      expect(status).toBe(200);
      expect(body.data?.crime).toBeNull();
      expect(body.data?.organisations).toHaveLength(6);
      expect(body.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: "SOURCE_UNAVAILABLE", source: "police", reason: "HTTP_ERROR" })]);
    } finally {
      policeStandIn(hub).setMode("up");
    }
  });
});

describe("with the police records API slower than SOURCE_TIMEOUT_MS", () => {
  const TIMEOUT_MS = 300;
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ SOURCE_TIMEOUT_MS: String(TIMEOUT_MS) });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("gives up within a bounded time and answers the rest, the crime fields null with SOURCE_UNAVAILABLE and reason TIMEOUT", async () => {
    const gmvs = await hub.as({ organisation: OrganisationCode.GMVS });
    policeStandIn(hub).setMode("slow", { delayMs: 10_000 });
    const started = Date.now();
    const { status, body } = await graphql<CaseView>(hub.url, CASE_VIEW, { id: SYNTHETIC_CASE_IDS.clientM }, gmvs);
    const elapsed = Date.now() - started;
    policeStandIn(hub).setMode("up");

    expect(status).toBe(200);
    // A timeout is not retried: one wait of TIMEOUT_MS, plus the hub's own work; far below the stand-in's 10 s.
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 2_000);
    expect(body.data?.case).toMatchObject(CLIENT_M_GMVS);
    expect(body.data?.case?.crime).toMatchObject({ offenceDescription: null, status: null, updates: null });
    expect(body.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: "SOURCE_UNAVAILABLE", source: "police", reason: "TIMEOUT" })]);
  });
});
