import { randomUUID } from "node:crypto";
import { startSubgraph } from "../src/hub";
import { ConfigError, loadConfig, SubgraphName } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { GATEWAY_PROOF_HEADER, signGatewayProof, SpentProofs } from "../src/platform/gateway-proof";
import { HUB_REQUEST_ID_HEADER } from "../src/platform/context";
import { createLogger } from "../src/platform/logger";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { CaseViewDocument } from "../src/sdk";
import { graphql, startTestHub, TEST_GATEWAY_SIGNING_KEY, TestHub } from "./support/hub";

const ORGANISATIONS = "{ organisations { code } }";
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id } } }`;
const hashOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;

interface Direct {
  subgraph: SubgraphName;
  query: string;
  variables?: Record<string, unknown>;
  authorization: string;
  requestId?: string;
  proof?: string;
}

/** A request straight at a subgraph's port, as anything on the network could send it. */
async function direct(hub: TestHub, request: Direct) {
  const headers: Record<string, string> = { authorization: request.authorization, [HUB_REQUEST_ID_HEADER]: request.requestId ?? randomUUID() };
  if (request.proof) headers[GATEWAY_PROOF_HEADER] = request.proof;
  return graphql(hub.subgraphs[request.subgraph].url, request.query, request.variables ?? {}, headers);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("a subgraph in production", () => {
  let hub: TestHub;
  let gmvs: string;
  let pankhurst: string;
  beforeAll(async () => {
    // As production runs: the safelist on at the gateway, the proof required at every subgraph.
    hub = await startTestHub({ NODE_ENV: "production", AUTH_DEV_KEYS: "true", OPERATIONS_SAFELIST: "true" });
    gmvs = (await hub.as({ organisation: OrganisationCode.GMVS })).authorization as string;
    pankhurst = (await hub.as({ organisation: OrganisationCode.PANKHURST })).authorization as string;
  });
  afterAll(async () => {
    await hub?.close();
  });

  /** A request the way the gateway would send it, with a proof made for it unless `change` says otherwise. */
  async function asTheGatewayWould(change: { proofKey?: string; proofQuery?: string; proofAuthorization?: string; proofAudience?: SubgraphName; proofRequestId?: string; issuedAt?: number } = {}) {
    const requestId = randomUUID();
    const proof = await signGatewayProof(
      change.proofKey ?? TEST_GATEWAY_SIGNING_KEY,
      { audience: change.proofAudience ?? "governance", authorization: change.proofAuthorization ?? gmvs, query: change.proofQuery ?? ORGANISATIONS, requestId: change.proofRequestId ?? requestId },
      { issuedAt: change.issuedAt },
    );
    return { subgraph: "governance" as const, query: ORGANISATIONS, authorization: gmvs, requestId, proof };
  }

  function expectRefused(res: Awaited<ReturnType<typeof direct>>, message: string) {
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ errors: [{ message, extensions: { code: "UNAUTHENTICATED" } }] });
  }

  it("runs a request that carries the gateway's proof for it", async () => {
    const res = await direct(hub, await asTheGatewayWould());
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.organisations).toEqual(expect.arrayContaining([{ code: "GMVS" }]));
  });

  it("refuses an ad-hoc operation sent straight to its port with a valid user token and no proof: 401", async () => {
    const res = await direct(hub, { subgraph: "victims", query: "{ cases(first: 100) { id caseReference } }", authorization: gmvs });
    expectRefused(res, "Gateway proof required");
  });

  it("refuses federation's _entities and _service without a proof, as any other operation", async () => {
    expectRefused(await direct(hub, { subgraph: "partners", query: ENTITIES, variables: { r: [{ __typename: "Case", id: SYNTHETIC_CASE_IDS.clientM }] }, authorization: gmvs }), "Gateway proof required");
    expectRefused(await direct(hub, { subgraph: "police", query: "{ _service { sdl } }", authorization: gmvs }), "Gateway proof required");
  });

  it("refuses a GET without a proof", async () => {
    const url = `${hub.subgraphs.governance.url}?query=${encodeURIComponent(ORGANISATIONS)}`;
    const res = await fetch(url, { headers: { authorization: gmvs, "apollo-require-preflight": "true" } });
    expect(res.status).toBe(401);
  });

  it("refuses a proof made for another operation", async () => {
    expectRefused(await direct(hub, await asTheGatewayWould({ proofQuery: "{ organisations { code name } }" })), "Gateway proof invalid");
  });

  it("refuses a proof bound to another user's token, though both tokens are valid", async () => {
    expectRefused(await direct(hub, await asTheGatewayWould({ proofAuthorization: pankhurst })), "Gateway proof invalid");
  });

  it("refuses a proof made for another subgraph", async () => {
    expectRefused(await direct(hub, await asTheGatewayWould({ proofAudience: "police" })), "Gateway proof invalid");
  });

  it("refuses a proof made for another request id", async () => {
    expectRefused(await direct(hub, await asTheGatewayWould({ proofRequestId: randomUUID() })), "Gateway proof invalid");
  });

  it("refuses an expired proof, and accepts one issued within the clock tolerance", async () => {
    expectRefused(await direct(hub, await asTheGatewayWould({ issuedAt: nowSeconds() - 60 })), "Gateway proof invalid");
    expect((await direct(hub, await asTheGatewayWould({ issuedAt: nowSeconds() - 32 }))).status).toBe(200);
  });

  it("refuses a proof issued in the future beyond the clock tolerance", async () => {
    expectRefused(await direct(hub, await asTheGatewayWould({ issuedAt: nowSeconds() + 60 })), "Gateway proof invalid");
  });

  it("refuses a proof the second time it is sent", async () => {
    const request = await asTheGatewayWould();
    expect((await direct(hub, request)).status).toBe(200);
    expectRefused(await direct(hub, request), "Gateway proof invalid");
  });

  it("refuses a proof signed with another key", async () => {
    expectRefused(await direct(hub, await asTheGatewayWould({ proofKey: "another-gateway-signing-key-00000000000000" })), "Gateway proof invalid");
  });

  it("still needs the user's own token: a proof does not stand in for it", async () => {
    const request = { ...(await asTheGatewayWould({ proofAuthorization: "" })), authorization: "" };
    const res = await direct(hub, request);
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.body.data ?? null).toBeNull();
  });

  it("answers a persisted operation through the gateway, which signs each subgraph request; the gateway refuses an ad-hoc one", async () => {
    const persisted = await fetch(hub.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: gmvs },
      body: JSON.stringify({ variables: { id: SYNTHETIC_CASE_IDS.clientM }, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(CaseViewDocument) } } }),
    });
    const body = (await persisted.json()) as { data?: { case?: Record<string, unknown> }; errors?: unknown[] };
    expect(persisted.status).toBe(200);
    expect(body.errors).toBeUndefined();
    // The case view reaches the victims, police and partners subgraphs: each answered the gateway.
    expect(body.data?.case).toMatchObject({ id: SYNTHETIC_CASE_IDS.clientM, caseReference: expect.any(String), crime: expect.objectContaining({ crimeReference: expect.any(String) }) });
    const adHoc = await graphql(hub.url, ORGANISATIONS, {}, { authorization: gmvs });
    expect(adHoc.body.errors?.[0]?.extensions?.code).toBe("OPERATION_NOT_IN_SAFELIST");
  });
});

describe("a subgraph in development", () => {
  let hub: TestHub;
  let gmvs: string;
  beforeAll(async () => {
    hub = await startTestHub({ NODE_ENV: "development" });
    gmvs = (await hub.as({ organisation: OrganisationCode.GMVS })).authorization as string;
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("answers a direct request without a proof, so developers can query a subgraph", async () => {
    const res = await direct(hub, { subgraph: "governance", query: ORGANISATIONS, authorization: gmvs });
    expect(res.status).toBe(200);
    expect(res.body.data?.organisations).toEqual(expect.arrayContaining([{ code: "GMVS" }]));
  });

  it("still checks a proof that is sent: one signed with any key but the hub's own is refused", async () => {
    const requestId = randomUUID();
    const proof = await signGatewayProof(TEST_GATEWAY_SIGNING_KEY, { audience: "governance", authorization: gmvs, query: ORGANISATIONS, requestId });
    const res = await direct(hub, { subgraph: "governance", query: ORGANISATIONS, authorization: gmvs, requestId, proof });
    expect(res.status).toBe(401);
  });

  it("answers through the gateway with no key configured: the one process signs and checks with a random key of its own", async () => {
    const res = await graphql(hub.url, ORGANISATIONS, {}, { authorization: gmvs });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });
});

describe("a subgraph apart from the gateway", () => {
  it("refuses to start when it must require the proof and has no configured key to check it with", async () => {
    const config = loadConfig({ NODE_ENV: "development", SUBGRAPH_REQUIRE_GATEWAY_PROOF: "true", LOG_LEVEL: "silent" });
    await expect(startSubgraph("police", undefined as never, config, createLogger("silent"), 0, undefined as never)).rejects.toThrow(ConfigError);
  });
});

describe("spent proofs", () => {
  it("remembers a proof's id until it expires, and forgets it after", () => {
    const spent = new SpentProofs();
    expect(spent.spend("a", 2_000, 1_000)).toBe(true);
    expect(spent.spend("a", 2_000, 1_500)).toBe(false);
    expect(spent.spend("b", 3_000, 2_500)).toBe(true);
    expect(spent.size).toBe(1);
  });
});
