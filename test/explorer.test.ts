import { EXPLORER_PACKAGES } from "../src/gateway/explorer";
import { OrganisationCode } from "../src/platform/domain";
import { graphql, startTestHub, TestHub } from "./support/hub";

/** Every URL the page itself refers to: script and link targets, images, any src or href. */
const referencesIn = (html: string) => [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1] as string);
const urlsInCss = (css: string) => [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi), ...css.matchAll(/@import\s+["']([^"']+)["']/gi)].map((m) => m[1] as string);
const external = (url: string) => /^(https?:)?\/\//i.test(url);

describe("the GraphQL explorer in development", () => {
  let hub: TestHub;
  let origin: string;
  beforeAll(async () => {
    hub = await startTestHub({ NODE_ENV: "development" });
    origin = new URL(hub.url).origin;
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("serves a page whose every script and stylesheet comes from our own origin, under a CSP of 'self'", async () => {
    const response = await fetch(`${origin}/explorer`, { headers: { accept: "text/html" } });
    const html = await response.text();
    // 503 names what to install: `npm install --save-dev --save-exact graphiql@... react@... react-dom@...`.
    expect({ status: response.status, html: response.status === 200 ? "(page)" : html }).toEqual({ status: 200, html: "(page)" });
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);

    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'(;|$)/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:|unsafe-inline|unsafe-eval|\*/);

    // No inline script or style: the CSP would block them.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style|\sstyle=/i);

    const references = referencesIn(html);
    expect(references.filter(external)).toEqual([]);
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string);
    const stylesheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    expect(stylesheets.length).toBeGreaterThanOrEqual(1);

    for (const reference of references) {
      const asset = await fetch(new URL(reference, `${origin}/explorer`));
      const body = await asset.text();
      expect({ reference, status: asset.status }).toEqual({ reference, status: 200 });
      expect(new URL(asset.url).origin).toBe(origin);
      expect(body.length).toBeGreaterThan(0);
      if (scripts.includes(reference)) expect(asset.headers.get("content-type")).toMatch(/javascript/);
      if (stylesheets.includes(reference)) {
        expect(asset.headers.get("content-type")).toMatch(/^text\/css/);
        expect({ reference, external: urlsInCss(body).filter(external) }).toEqual({ reference, external: [] });
      }
    }
  });

  it("pins the packages it serves", () => {
    expect(Object.keys(EXPLORER_PACKAGES).sort()).toEqual(["graphiql", "react", "react-dom"]);
  });

  it("sends a browser that opens /graphql to the explorer, and still answers GraphQL there", async () => {
    const browser = await fetch(hub.url, { headers: { accept: "text/html,application/xhtml+xml" }, redirect: "manual" });
    expect(browser.status).toBe(302);
    expect(browser.headers.get("location")).toBe("/explorer");

    const res = await graphql<{ organisations: unknown[] }>(hub.url, "{ organisations { code } }", {}, await hub.as({ organisation: OrganisationCode.GMVS }));
    expect(res.status).toBe(200);
    expect(res.body.data?.organisations.length).toBeGreaterThan(0);
  });

  it("shows the schema and its docs, each field's data category included, and the committed operations, before anyone has a token", async () => {
    const schema = await fetch(`${origin}/explorer/schema.json`);
    expect(schema.status).toBe(200);
    const introspection = (await schema.json()) as { __schema: { types: { name: string; fields: { name: string; description: string | null }[] | null }[] } };
    const kase = introspection.__schema.types.find((t) => t.name === "Case");
    expect(kase?.fields?.find((f) => f.name === "victimsCodeCompliance")?.description).toMatch(/Data category: SUPPORT\.$/);
    expect(kase?.fields?.find((f) => f.name === "enhancedRights")?.description).toMatch(/Data category: RISK\.$/);
    // Only what clients see: none of federation's join machinery.
    expect(introspection.__schema.types.some((t) => t.name.startsWith("join__"))).toBe(false);

    const operations = (await (await fetch(`${origin}/explorer/operations.json`)).json()) as { name: string; query: string }[];
    expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(["case-view", "shared-case-view", "evidence-base"]));
    expect(operations.find((o) => o.name === "case-view")?.query).toMatch(/query CaseView/);
  });

  it("signs a development token for the organisation, role and purpose picked, which the hub then accepts", async () => {
    const principals = (await (await fetch(`${origin}/explorer/principals.json`)).json()) as { organisations: string[]; tokens: boolean };
    expect(principals).toMatchObject({ tokens: true, organisations: expect.arrayContaining(["GMVS", "PANKHURST"]) });
    const sign = (body: unknown, contentType = "application/json") =>
      fetch(`${origin}/explorer/token`, { method: "POST", headers: { "content-type": contentType }, body: JSON.stringify(body) });
    const signed = await sign({ organisation: "GMVS", role: "caseworker", purpose: "support" });
    expect(signed.status).toBe(200);
    const { token } = (await signed.json()) as { token: string };
    const res = await graphql<{ cases: unknown[] }>(hub.url, "{ cases(first: 1) { id } }", {}, { authorization: `Bearer ${token}` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.cases).toHaveLength(1);

    expect((await sign({ organisation: "NOBODY", role: "caseworker", purpose: "support" })).status).toBe(400);
    // A form on another site can send text/plain without asking first; that gets nothing.
    expect((await sign({ organisation: "GMVS", role: "caseworker", purpose: "support" }, "text/plain")).status).toBe(404);
  });

  it("serves only its listed assets, nothing else on disk", async () => {
    for (const path of ["/explorer/assets/package.json", "/explorer/assets/..%2F..%2Fpackage.json", "/explorer/assets/%2E%2E%2Fsafelist.ts"]) {
      expect({ path, status: (await fetch(`${origin}${path}`)).status }).toEqual({ path, status: 404 });
    }
  });
});

describe("the GraphQL explorer in production", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ NODE_ENV: "production", AUTH_DEV_KEYS: "true" });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("is not served, and a browser opening /graphql gets no page (nor one that loads from a CDN)", async () => {
    const origin = new URL(hub.url).origin;
    expect((await fetch(`${origin}/explorer`, { headers: { accept: "text/html" } })).status).toBe(404);
    expect((await fetch(`${origin}/explorer/assets/explorer.js`)).status).toBe(404);
    expect((await fetch(`${origin}/explorer/schema.json`)).status).toBe(404);
    const token = await fetch(`${origin}/explorer/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ organisation: "GMVS", role: "caseworker", purpose: "support" }) });
    expect(token.status).toBe(404);
    const browser = await fetch(hub.url, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(browser.status).toBe(404);
    expect(await browser.text()).not.toMatch(/<script/i);
  });
});
