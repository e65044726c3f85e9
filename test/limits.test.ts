import { SUBGRAPH_NAMES } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { graphql, GraphQLResponse, startTestHub, TestHub } from "./support/hub";

/**
 * Operation limits, CSRF prevention, batching, body size, introspection and
 * field suggestions, over real HTTP. NODE_ENV is "test" (not development), so
 * every server here behaves as in production.
 */

type Errors = GraphQLResponse["body"]["errors"];
const only = (errors: Errors) => {
  expect(errors).toHaveLength(1);
  return errors![0]!;
};
const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(" ");

/** A hub whose limits are small enough for today's schema to reach each one. */
const TIGHT = { GRAPHQL_MAX_DEPTH: "2", GRAPHQL_MAX_ALIASES: "2", GRAPHQL_MAX_TOKENS: "30", GRAPHQL_MAX_DIRECTIVES: "2", GRAPHQL_MAX_COST: "45" };

/**
 * Operations at and one past each limit of TIGHT. Costs by graphql-armor's
 * rule: a field with a selection costs 2 plus 1.5 x its children, a scalar 1,
 * the whole multiplied by a literal `first`.
 */
const THRESHOLDS = [
  { limit: "DEPTH", max: 2, at: `{ case(id: "${SYNTHETIC_CASE_IDS.clientM}") { id } }`, over: `{ case(id: "${SYNTHETIC_CASE_IDS.clientM}") { crime { crimeReference } } }` },
  {
    limit: "ALIASES",
    max: 2,
    at: `{ a: organisations { code } b: organisations { code } }`,
    over: `{ a: organisations { code } b: organisations { code } c: organisations { code } }`,
  },
  // 5 tokens around the fields: { organisations { ... } }
  { limit: "TOKENS", max: 30, at: `{ organisations { ${repeat(25, () => "code")} } }`, over: `{ organisations { ${repeat(26, () => "code")} } }` },
  {
    limit: "DIRECTIVES",
    max: 2,
    at: `{ organisations { code @include(if: true) name @skip(if: false) } }`,
    over: `{ organisations { code @include(if: true) name @skip(if: false) kind @include(if: true) } }`,
  },
  // (2 + 1.5) x first: 12 costs 42, 13 costs 45.5
  { limit: "COST", max: 45, at: `{ crimes(first: 12) { crimeReference } }`, over: `{ crimes(first: 13) { crimeReference } }` },
] as const;

/** For each server, a root field misspelt and an enum value misspelt, each of which development answers with "Did you mean ...". */
const organisationEnum = {
  literal: `{ organisation(code: GMV) { code } }`,
  variable: `query($value: OrganisationCode!) { organisation(code: $value) { code } }`,
  value: "GMV",
};
const MISSPELT: Record<"gateway" | (typeof SUBGRAPH_NAMES)[number], { field: string; enumOperation?: typeof organisationEnum }> = {
  gateway: { field: "organisatoins { code }", enumOperation: organisationEnum },
  police: { field: "crimse { crimeReference }" },
  victims: {
    field: "casse { id }",
    enumOperation: { literal: `{ cases(borough: MANCHESTR) { id } }`, variable: `query($value: Borough) { cases(borough: $value) { id } }`, value: "MANCHESTR" },
  },
  partners: { field: "serviceEpisod(id: \"x\") { id }" },
  governance: { field: "organisatoins { code }", enumOperation: organisationEnum },
  insights: { field: "lastRefrsh { startedAt }" },
};

describe("operation limits at their configured thresholds", () => {
  let hub: TestHub;
  let gmp: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub(TIGHT);
    gmp = await hub.as({ organisation: OrganisationCode.GMP });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it.each(THRESHOLDS)("answers an operation at the $limit limit, through the gateway and the subgraphs behind it", async ({ at }) => {
    const { status, body } = await graphql(hub.url, at, {}, gmp);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(body.data).toBeTruthy();
  });

  it.each(THRESHOLDS)("refuses an operation one past the $limit limit with a 400 coded OPERATION_LIMIT_EXCEEDED and no stack", async ({ limit, max, over }) => {
    const { status, body } = await graphql(hub.url, over, {}, gmp);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    const error = only(body.errors);
    expect(error.extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit, max });
    expect(error.message).toMatch(new RegExp(`^Operation refused: .*limit of ${max} exceeded`, "i"));
  });

  it("has each subgraph keep limits of its own, with headroom for the gateway's query plans", async () => {
    // Twice the gateway's: 4 aliases pass a subgraph reached directly, 5 do not.
    const aliases = (n: number) => `{ ${repeat(n, (i) => `a${i}: organisations { code }`)} }`;
    const governance = hub.subgraphs.governance.url;
    const fits = await graphql(governance, aliases(4), {}, gmp);
    expect(fits.body.errors).toBeUndefined();
    const over = await graphql(governance, aliases(5), {}, gmp);
    expect(over.status).toBe(400);
    expect(only(over.body.errors).extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit: "ALIASES", max: 4 });
  });
});

describe("a hub with the default limits", () => {
  let hub: TestHub;
  let gmvs: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub();
    gmvs = await hub.as({ organisation: OrganisationCode.GMVS });
  });
  afterAll(async () => {
    await hub?.close();
  });

  const fullPage = `cases(first: 100) { id caseReference borough thematicLead status openedAt
    crime { crimeReference recordedAt offenceCode offenceDescription borough domesticAbuse stalking status }
    episodes { id provider service status startedAt } }`;

  it("answers a full page of the shared case view, every field of it", async () => {
    const { status, body } = await graphql(hub.url, `{ ${fullPage} }`, {}, gmvs);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it.each([
    { limit: "ALIASES", max: 15, operation: `{ ${repeat(16, (i) => `a${i}: organisations { code }`)} }` },
    { limit: "TOKENS", max: 1000, operation: `{ organisations { ${repeat(1000, () => "code")} } }` },
    { limit: "DIRECTIVES", max: 10, operation: `{ organisations { ${repeat(11, (i) => `f${i}: code @include(if: true)`)} } }` },
    { limit: "COST", max: 10000, operation: `{ ${repeat(3, (i) => `p${i}: ${fullPage}`)} }` },
  ])("refuses an abusive operation over the default $limit limit", async ({ limit, max, operation }) => {
    const { status, body } = await graphql(hub.url, operation, {}, gmvs);
    expect(status).toBe(400);
    expect(only(body.errors).extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit, max });
  });

  describe("CSRF prevention", () => {
    const query = "{ organisations { code } }";
    it("refuses a GET query without a preflight header", async () => {
      const response = await fetch(`${hub.url}?query=${encodeURIComponent(query)}`, { headers: gmvs });
      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphQLResponse["body"];
      expect(body.data).toBeUndefined();
      expect(only(body.errors).extensions).toEqual({ code: "BAD_REQUEST" });
      expect(only(body.errors).message).toMatch(/Cross-Site Request Forgery/);
    });

    it.each(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])("refuses a simple POST sent as %s", async (contentType) => {
      const response = await fetch(hub.url, { method: "POST", headers: { ...gmvs, "content-type": contentType }, body: JSON.stringify({ query }) });
      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphQLResponse["body"];
      expect(body.data).toBeUndefined();
      expect(only(body.errors).extensions).toEqual({ code: "BAD_REQUEST" });
    });

    it("answers a JSON POST, and a GET query that carries a preflight header", async () => {
      const post = await graphql<{ organisations: unknown[] }>(hub.url, query, {}, gmvs);
      expect(post.status).toBe(200);
      expect(post.body.data?.organisations).toHaveLength(6);
      const get = await fetch(`${hub.url}?query=${encodeURIComponent(query)}`, { headers: { ...gmvs, "apollo-require-preflight": "true" } });
      expect(get.status).toBe(200);
      expect(((await get.json()) as { data: { organisations: unknown[] } }).data.organisations).toHaveLength(6);
    });
  });

  it("refuses a batch of operations with a clear, coded error", async () => {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { ...gmvs, "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ organisations { code } }" }, { query: "{ agreements { id } }" }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse["body"];
    expect(only(body.errors)).toEqual({ message: "Operation batching disabled.", extensions: { code: "BAD_REQUEST" } });
  });

  it("answers a body over 1mb with 413 and a coded error, and goes on answering", async () => {
    const response = await fetch(hub.url, {
      method: "POST",
      headers: { ...gmvs, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ organisations { code } }", variables: { padding: "x".repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as GraphQLResponse["body"];
    expect(only(body.errors)).toEqual({ message: "The request body is larger than 1mb", extensions: { code: "PAYLOAD_TOO_LARGE" } });
    const next = await graphql(hub.url, "{ organisations { code } }", {}, gmvs);
    expect(next.status).toBe(200);
  });

  it("answers a body that is not JSON with 400 and a coded error", async () => {
    const response = await fetch(hub.url, { method: "POST", headers: { ...gmvs, "content-type": "application/json" }, body: "{ not json" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResponse["body"];
    expect(only(body.errors)).toEqual({ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } });
  });

  describe.each(["gateway", ...SUBGRAPH_NAMES] as const)("outside development, the %s", (server) => {
    const url = () => (server === "gateway" ? hub.url : hub.subgraphs[server].url);

    it.each([`{ __schema { types { name } } }`, `{ __type(name: "Query") { fields { name } } }`])("refuses introspection: %s", async (operation) => {
      const { status, body } = await graphql(url(), operation, {}, gmvs);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(only(body.errors).extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED", validationErrorCode: "INTROSPECTION_DISABLED" });
      expect(only(body.errors).message).toMatch(/introspection is not allowed/);
    });

    if (server !== "gateway") {
      it("refuses to export its schema over _service", async () => {
        const { status, body } = await graphql(url(), `{ _service { sdl } }`, {}, gmvs);
        expect(status).toBe(400);
        expect(body.data).toBeUndefined();
        expect(only(body.errors)).toMatchObject({ message: "The subgraph schema is not available outside development", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
      });
    }

    it("suggests no field or enum value names", async () => {
      const { field, enumOperation } = MISSPELT[server];
      const misspelt = [graphql(url(), `{ ${field} }`, {}, gmvs)];
      if (enumOperation) {
        misspelt.push(graphql(url(), enumOperation.literal, {}, gmvs), graphql(url(), enumOperation.variable, { value: enumOperation.value }, gmvs));
      }
      for (const { status, body } of await Promise.all(misspelt)) {
        expect(status).toBe(400);
        const error = only(body.errors);
        expect(error.message).not.toMatch(/did you mean/i);
        expect(["GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]).toContain(error.extensions?.code);
        expect(error.extensions).not.toHaveProperty("stacktrace");
      }
    });
  });
});
