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
    const browser = await fetch(hub.url, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(browser.status).toBe(404);
    expect(await browser.text()).not.toMatch(/<script/i);
  });
});
