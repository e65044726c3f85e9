import { FACT_FEED_PATHS } from "../src/platform/fact-feed";
import { signGatewayProof } from "../src/platform/gateway-proof";
import { SERVICE_TOKEN_TYPE, signServiceToken } from "../src/platform/service-token";
import { graphql, startTestHub, TEST_GATEWAY_SIGNING_KEY, TestHub } from "./support/hub";
import { policeReferral } from "./stories/support";

/**
 * The victims' and partners' fact feeds, asked from outside over loopback
 * HTTP: the evidence base's only way to their records, so nothing but the
 * insights subgraph's service token may read them, and the hub's own insights
 * refresh follows a change through them, told by the change's event.
 */
let hub: TestHub;
beforeAll(async () => {
  // The interval is an hour: after the first refresh at start, only an event can bring a new case into the evidence base.
  hub = await startTestHub({ GATEWAY_SIGNING_KEY: TEST_GATEWAY_SIGNING_KEY, INSIGHTS_REFRESH_MS: "3600000" });
});
afterAll(async () => {
  await hub?.close();
});

const insightsToken = (audience: string, key = TEST_GATEWAY_SIGNING_KEY) => signServiceToken(key, { issuer: "insights", audience });
const casesUrl = (query = "limit=50") => new URL(`${FACT_FEED_PATHS.cases}?${query}`, hub.subgraphs.victims.url);

const now = () => Math.floor(Date.now() / 1000);
const unsigned = (header: object, payload: object) => [header, payload].map((part) => Buffer.from(JSON.stringify(part)).toString("base64url")).join(".");

async function get(url: URL, authorization?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { headers: authorization ? { authorization } : {} });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the fact feeds", () => {
  it("give the victims' case facts to the insights subgraph's service token, and to nothing else", async () => {
    const { caseId } = await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "OLDHAM" as never, flags: { stalking: true } });
    const allowed = await get(casesUrl("limit=100000"), `Bearer ${await insightsToken("victims-facts")}`);
    expect(allowed.status).toBe(200);
    expect((allowed.body.facts as { caseId: string }[]).map((f) => f.caseId)).toContain(caseId);

    const refusedWith = {
      "no credential": undefined,
      "a partner user's token": (await hub.as({ organisation: "PANKHURST" as never })).authorization,
      "a GMVS user's token": (await hub.as({ organisation: "GMVS" as never })).authorization,
      "insights' token for the partners' feed": `Bearer ${await insightsToken("partners-facts")}`,
      "a token signed with another key": `Bearer ${await insightsToken("victims-facts", "another-key-another-key-another-key-000")}`,
      "a token from another piece": `Bearer ${await signServiceToken(TEST_GATEWAY_SIGNING_KEY, { issuer: "partners", audience: "victims-facts" })}`,
      "a gateway proof": `Bearer ${await signGatewayProof(TEST_GATEWAY_SIGNING_KEY, { audience: "victims", authorization: "", query: "", requestId: "r" })}`,
      "an unsigned token": `Bearer ${unsigned({ alg: "none", typ: SERVICE_TOKEN_TYPE }, { iss: "insights", aud: "victims-facts", iat: now(), exp: now() + 30 })}.`,
    };
    for (const [who, authorization] of Object.entries(refusedWith)) {
      const refused = await get(casesUrl(), authorization);
      expect({ who, status: refused.status, body: refused.body }).toEqual({ who, status: 401, body: { error: "unauthorised" } });
    }
    // The partners' feed likewise, and neither is reachable through the gateway, which serves GraphQL only.
    expect((await get(new URL(`${FACT_FEED_PATHS.referrals}?limit=5`, hub.subgraphs.partners.url), `Bearer ${await insightsToken("victims-facts")}`)).status).toBe(401);
    expect((await get(new URL(`${FACT_FEED_PATHS.referrals}?limit=5`, hub.subgraphs.partners.url), `Bearer ${await insightsToken("partners-facts")}`)).status).toBe(200);
    expect((await fetch(new URL(`${FACT_FEED_PATHS.cases}?limit=5`, hub.url), { headers: { authorization: `Bearer ${await insightsToken("victims-facts")}` } })).status).toBe(404);
  });

  it("give the partners' risk assessment, MARAC referral, cope-and-recover outcome, NRM submission and place-of-safety stay facts to the insights subgraph's service token, and to nothing else", async () => {
    for (const path of [FACT_FEED_PATHS.riskAssessments, FACT_FEED_PATHS.maracReferrals, FACT_FEED_PATHS.outcomes, FACT_FEED_PATHS.nrmSubmissions, FACT_FEED_PATHS.placeOfSafetyStays]) {
      const url = new URL(`${path}?limit=5`, hub.subgraphs.partners.url);
      expect({ path, status: (await get(url, `Bearer ${await insightsToken("partners-facts")}`)).status }).toEqual({ path, status: 200 });
      const refusedWith = {
        "no credential": undefined,
        "a partner user's token": (await hub.as({ organisation: "PANKHURST" as never })).authorization,
        "a commissioner's token": (await hub.as({ organisation: "GMCA" as never, roles: ["COMMISSIONER" as never], purpose: "COMMISSIONING" as never })).authorization,
        "insights' token for the victims' feed": `Bearer ${await insightsToken("victims-facts")}`,
        "a token signed with another key": `Bearer ${await insightsToken("partners-facts", "another-key-another-key-another-key-000")}`,
        "a token from another piece": `Bearer ${await signServiceToken(TEST_GATEWAY_SIGNING_KEY, { issuer: "victims", audience: "partners-facts" })}`,
      };
      for (const [who, authorization] of Object.entries(refusedWith)) {
        const refused = await get(url, authorization);
        expect({ path, who, status: refused.status, body: refused.body }).toEqual({ path, who, status: 401, body: { error: "unauthorised" } });
      }
      expect((await fetch(new URL(`${path}?limit=5`, hub.url), { headers: { authorization: `Bearer ${await insightsToken("partners-facts")}` } })).status).toBe(404);
      const badWatermark = `limit=5&after=${encodeURIComponent(JSON.stringify({ recordedAt: "yesterday", id: "x" }))}`;
      expect((await get(new URL(`${path}?${badWatermark}`, hub.subgraphs.partners.url), `Bearer ${await insightsToken("partners-facts")}`)).status).toBe(400);
    }
  });

  it("refuse a page they cannot read rather than start again from the beginning", async () => {
    const authorization = `Bearer ${await insightsToken("victims-facts")}`;
    for (const query of ["limit=0", "limit=100001", "", "limit=5&after=not-json", `limit=5&after=${encodeURIComponent(JSON.stringify({ updatedAt: "yesterday", caseId: "x" }))}`, "limit=5&extra=1"]) {
      expect({ query, status: (await get(casesUrl(query), authorization)).status }).toEqual({ query, status: 400 });
    }
    const lookup = await fetch(new URL(FACT_FEED_PATHS.caseLookup, hub.subgraphs.victims.url), {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({ caseIds: ["not-a-uuid"] }),
    });
    expect(lookup.status).toBe(400);
  });
});

describe("the evidence base, told of a change by its event", () => {
  it("counts a police referral made through the gateway without anyone refreshing it", async () => {
    const gmvs = await hub.as({ organisation: "GMVS" as never });
    // The refresh at start first, so that only the event can explain the next one.
    let before = await lastRefresh(gmvs);
    for (let waited = 0; before?.status !== "FINISHED" && waited < 15_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      before = await lastRefresh(gmvs);
    }
    expect(before?.status).toBe("FINISHED");
    await policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: "ROCHDALE" as never, flags: { stalking: true } });
    await hub.settleEvents();
    // The case's events reach insights' consumer; a refresh follows within about a second and reads the victims' feed.
    // A refresh already under way when the event came may finish first without the case: the one the event asked
    // for follows it, so wait for the fact itself rather than the next refresh to finish.
    const rochdale = async () => ((await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM insights.referral_fact WHERE borough = 'ROCHDALE'`)) as { n: number }[])[0]?.n;
    let counted = await rochdale();
    for (let waited = 0; counted === 0 && waited < 20_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      counted = await rochdale();
    }
    expect(counted).toBe(1);
    const after = await lastRefresh(gmvs);
    expect(after?.finishedAt).not.toBe(before?.finishedAt);
  });
});

async function lastRefresh(headers: Record<string, string>): Promise<{ status: string; finishedAt: string | null } | null> {
  const { body } = await graphql<{ lastRefresh: { status: string; finishedAt: string | null } | null }>(hub.url, `{ lastRefresh { status finishedAt } }`, {}, headers);
  expect(body.errors).toBeUndefined();
  return body.data!.lastRefresh;
}
