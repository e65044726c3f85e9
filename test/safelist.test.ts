import { readFileSync } from "node:fs";
import { join } from "node:path";
import { APOLLO_MANIFEST_PATH, apolloManifestOf, documentsOf, readManifest, renderApolloManifest } from "../src/gateway/persisted-manifest";
import { createSafelist, MANIFEST_PATH, operationHash } from "../src/gateway/safelist";
import { ConfigError, loadConfig } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { AgreementsDocument, CaseViewDocument, createClient } from "../src/sdk";
import { graphql, startTestHub, TestHub } from "./support/hub";

const manifest = JSON.parse(readFileSync(MANIFEST_PATH, "utf8")) as Record<string, string>;
const hashOf = (document: unknown) => (document as { __meta__: { hash: string } }).__meta__.hash;

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe("OPERATIONS_SAFELIST configuration", () => {
  const base = { AUTH_DEV_KEYS: "true", INSIGHTS_PSEUDONYM_KEY: "test-only-insights-pseudonym-key-0000000", GATEWAY_SIGNING_KEY: "test-only-gateway-signing-key-000000000000" };
  it.each([
    [{ NODE_ENV: "production" }, true],
    [{ NODE_ENV: "development" }, false],
    [{ NODE_ENV: "test" }, false],
    [{ NODE_ENV: "production", OPERATIONS_SAFELIST: "false" }, false],
    [{ NODE_ENV: "development", OPERATIONS_SAFELIST: "true" }, true],
    [{ NODE_ENV: "development", OPERATIONS_SAFELIST: "1" }, true],
  ])("with %j the safelist is %s", (env, on) => {
    expect(loadConfig({ ...base, ...env }).operationsSafelist).toBe(on);
  });

  it("names a bad OPERATIONS_SAFELIST value", () => {
    expect(() => loadConfig({ ...base, OPERATIONS_SAFELIST: "yes" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, OPERATIONS_SAFELIST: "yes" })).toThrow(/OPERATIONS_SAFELIST/);
  });
});

describe("the persisted operations in Apollo's manifest format", () => {
  it("is committed in step with the key-value manifest codegen writes (run `npm run codegen`)", () => {
    expect(readFileSync(APOLLO_MANIFEST_PATH, "utf8")).toBe(renderApolloManifest(manifest));
    const apollo = apolloManifestOf(manifest);
    expect(apollo.operations.map((o) => o.id).sort()).toEqual(Object.keys(manifest).sort());
    expect(apollo.operations.find((o) => o.id === hashOf(CaseViewDocument))).toMatchObject({ name: "CaseView", type: "query" });
    expect(apollo.operations.some((o) => o.type === "mutation")).toBe(true);
  });

  it("loads into the same safelist as the key-value manifest", () => {
    expect(readManifest(APOLLO_MANIFEST_PATH)).toEqual(manifest);
    const text = manifest[hashOf(CaseViewDocument)] as string;
    expect(createSafelist(readManifest(APOLLO_MANIFEST_PATH)).admits(text)).toBe(true);
  });

  it("refuses a manifest whose id is not the sha256 of its body, in either format", () => {
    const [id, body] = Object.entries(manifest)[0]!;
    const other = Object.values(manifest)[1]!;
    expect(() => documentsOf({ [id]: other })).toThrow(/not the sha256/);
    const apollo = apolloManifestOf({ [id]: body });
    apollo.operations[0]!.body = other;
    expect(() => documentsOf(apollo)).toThrow(/not the sha256/);
  });
});

describe("safelist matching", () => {
  const safelist = createSafelist(manifest);
  const caseViewText = manifest[hashOf(CaseViewDocument)] as string;

  it("admits a persisted operation's exact text, and the same operation as written in schema/operations", () => {
    expect(safelist.admits(caseViewText)).toBe(true);
    expect(safelist.admits(readFileSync(join(__dirname, "..", "schema", "operations", "case-view.graphql"), "utf8"))).toBe(true);
  });

  it("refuses a persisted operation with one field more, an argument changed, or a second operation added", () => {
    expect(safelist.admits(caseViewText.replace("caseReference", "caseReference thematicLead"))).toBe(false);
    expect(safelist.admits(caseViewText.replace("case(id: $id)", 'case(id: "x")'))).toBe(false);
    expect(safelist.admits(`${caseViewText} query Other { agreements { id } }`)).toBe(false);
    expect(safelist.admits("{ cases(first: 100) { id } }")).toBe(false);
    expect(safelist.admits("not graphql {")).toBe(false);
  });

  it("looks persisted operations up by the sha256 of their text", () => {
    expect(safelist.textOf(operationHash(caseViewText))).toBe(caseViewText);
    expect(safelist.textOf("0".repeat(64))).toBeUndefined();
  });
});

describe("the gateway in safelist mode, over real HTTP", () => {
  let hub: TestHub;
  let gmvs: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub({ OPERATIONS_SAFELIST: "true" });
    gmvs = await hub.as({ organisation: OrganisationCode.GMVS });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("runs a safelisted operation sent by its hash alone", async () => {
    const res = await post(hub.url, { variables: { id: SYNTHETIC_CASE_IDS.clientM }, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(CaseViewDocument) } } }, gmvs);
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.case).toMatchObject({ id: SYNTHETIC_CASE_IDS.clientM, caseReference: expect.any(String) });
  });

  it("runs a safelisted operation by hash over GET", async () => {
    const params = new URLSearchParams({
      variables: JSON.stringify({ id: SYNTHETIC_CASE_IDS.clientM }),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(CaseViewDocument) } }),
    });
    const response = await fetch(`${hub.url}?${params}`, { headers: { ...gmvs, "apollo-require-preflight": "true" } });
    const body = (await response.json()) as { data?: { case?: { id: string } } };
    expect(response.status).toBe(200);
    expect(body.data?.case?.id).toBe(SYNTHETIC_CASE_IDS.clientM);
  });

  it("runs a safelisted operation sent as its full text", async () => {
    const res = await graphql<{ agreements: unknown[] }>(hub.url, manifest[hashOf(AgreementsDocument)] as string, {}, gmvs);
    expect(res.status).toBe(200);
    expect(res.body.data?.agreements.length).toBeGreaterThan(0);
  });

  it("serves the typed SDK client, which sends hashes only", async () => {
    const result = await createClient({ url: hub.url, token: await hub.token({ organisation: OrganisationCode.GMVS }) }).execute(CaseViewDocument, { id: SYNTHETIC_CASE_IDS.clientM });
    expect(result.errors).toEqual([]);
    expect(result.data?.case?.id).toBe(SYNTHETIC_CASE_IDS.clientM);
  });

  it("refuses an ad-hoc query with OPERATION_NOT_IN_SAFELIST and HTTP 400, before running it", async () => {
    const res = await graphql(hub.url, "{ cases(first: 5) { id caseReference } }", {}, gmvs);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([
      { message: expect.stringMatching(/only persisted operations.*not in its safelist.*schema\/operations.*npm run codegen/), extensions: { code: "OPERATION_NOT_IN_SAFELIST" } },
    ]);
  });

  it("refuses an unknown hash with OPERATION_NOT_IN_SAFELIST and HTTP 400", async () => {
    const unknown = operationHash("{ cases { id } }");
    const res = await post(hub.url, { extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } }, gmvs);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ message: expect.stringContaining(`No persisted operation has the hash ${unknown}`), extensions: { code: "OPERATION_NOT_IN_SAFELIST" } }]);
  });

  it("refuses a safelisted hash sent with some other query text", async () => {
    const res = await post(hub.url, { query: "{ cases(first: 5) { id } }", extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(AgreementsDocument) } } }, gmvs);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });

  it("refuses a batch of operations", async () => {
    const res = await post(hub.url, [{ query: manifest[hashOf(AgreementsDocument)] }], gmvs);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("OPERATION_NOT_IN_SAFELIST");
  });

  it("still checks the caller's token on a safelisted operation", async () => {
    const res = await post(hub.url, { variables: { id: SYNTHETIC_CASE_IDS.clientM }, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(CaseViewDocument) } } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(res.body.data ?? null).toBeNull();
  });
});

describe("the gateway without the safelist (development)", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ OPERATIONS_SAFELIST: "false" });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("runs an ad-hoc query", async () => {
    const res = await graphql<{ cases: unknown[] }>(hub.url, "{ cases(first: 2) { id } }", {}, await hub.as({ organisation: OrganisationCode.GMVS }));
    expect(res.status).toBe(200);
    expect(res.body.data?.cases).toHaveLength(2);
  });
});
