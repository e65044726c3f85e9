import { SignJWT } from "jose";
import { devKeyPair } from "../src/platform/auth";
import { OrganisationCode } from "../src/platform/domain";
import { Purpose, Role } from "../src/platform/principal";
import { graphql, startTestHub, TestHub } from "./support/hub";

/**
 * Token lifetime and clock skew, from the caller's side: tokens signed with
 * the hub's own key pair (so only the claims under test are wrong), sent to
 * the gateway and straight to a subgraph, which verifies them itself.
 */
let devHub: TestHub;
let productionHub: TestHub;
beforeAll(async () => {
  // Outside production with the dev key pair: the defaults (dev tokens up to 12 h, 30 s of skew).
  devHub = await startTestHub();
  // Production (dev keys only because tests have no identity provider): a 10-minute maximum and no skew at all.
  // Its subgraphs take direct requests without the gateway's proof, so each one's own token check is tried alone.
  productionHub = await startTestHub({ NODE_ENV: "production", SUBGRAPH_REQUIRE_GATEWAY_PROOF: "false", AUTH_MAX_TOKEN_LIFETIME: "10m", AUTH_CLOCK_TOLERANCE: "0" });
}, 300_000);
afterAll(async () => {
  await devHub?.close();
  await productionHub?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const MINUTE = 60;
const HOUR = 3_600;

/** A token with exactly the times given (undefined: the claim is left out), otherwise valid for the hub. */
async function tokenFor(hub: TestHub, times: { iat?: number; exp?: number; nbf?: number }): Promise<string> {
  const { privateKey, publicJwk } = await devKeyPair(hub.config.auth.devKeyFile);
  const jwt = new SignJWT({ org: OrganisationCode.GMVS, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT })
    .setProtectedHeader({ alg: "ES256", kid: publicJwk.kid })
    .setSubject("gmvs-caseworker-tokens")
    .setIssuer(hub.config.auth.issuer)
    .setAudience(hub.config.auth.audience);
  if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
  if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
  if (times.nbf !== undefined) jwt.setNotBefore(times.nbf);
  return jwt.sign(privateKey);
}

/** The answer of the gateway and of the governance subgraph; both must agree. */
async function answers(hub: TestHub, token: string) {
  const results = [];
  for (const url of [hub.url, hub.subgraphs.governance.url]) {
    const { status, body } = await graphql(url, "{ organisations { code } }", {}, { authorization: `Bearer ${token}` });
    results.push({ status, code: body.errors?.[0]?.extensions?.code ?? null, message: body.errors?.[0]?.message ?? null, data: body.data ?? null });
  }
  return results;
}

function accepted(results: Awaited<ReturnType<typeof answers>>) {
  for (const r of results) {
    expect(r).toMatchObject({ status: 200, code: null });
    expect(r.data).toEqual({ organisations: expect.arrayContaining([{ code: "GMVS" }]) });
  }
}

function refused(results: Awaited<ReturnType<typeof answers>>, message: RegExp) {
  for (const r of results) {
    expect(r).toMatchObject({ status: 401, code: "UNAUTHENTICATED", data: null });
    expect(r.message).toMatch(message);
  }
}

describe("expiry", () => {
  it("refuses a token without exp, saying it has no expiry", async () => {
    refused(await answers(devHub, await tokenFor(devHub, { iat: now() })), /no expiry/);
    refused(await answers(productionHub, await tokenFor(productionHub, { iat: now() })), /no expiry/);
  });

  it("refuses a token that expires ten years from now", async () => {
    refused(await answers(devHub, await tokenFor(devHub, { iat: now(), exp: now() + 10 * 365 * 24 * HOUR })), /lives longer/);
    refused(await answers(devHub, await tokenFor(devHub, { exp: now() + 10 * 365 * 24 * HOUR })), /lives longer/);
  });
});

describe("maximum lifetime", () => {
  it("accepts a token of exactly the configured maximum and refuses one a second longer (exp − iat)", async () => {
    const iat = now() - MINUTE;
    accepted(await answers(productionHub, await tokenFor(productionHub, { iat, exp: iat + 10 * MINUTE })));
    refused(await answers(productionHub, await tokenFor(productionHub, { iat, exp: iat + 10 * MINUTE + 1 })), /lives longer .*600 seconds/);
  });

  it("judges a token without iat on exp − now", async () => {
    accepted(await answers(productionHub, await tokenFor(productionHub, { exp: now() + 9 * MINUTE })));
    refused(await answers(productionHub, await tokenFor(productionHub, { exp: now() + 11 * MINUTE })), /lives longer/);
  });

  it("refuses a token whose iat is in the future, which would stretch its lifetime", async () => {
    refused(await answers(productionHub, await tokenFor(productionHub, { iat: now() + HOUR, exp: now() + HOUR + 5 * MINUTE })), /iat.*future/);
  });

  it("lets dev tokens live a working day outside production, never in production", async () => {
    const iat = now();
    accepted(await answers(devHub, await tokenFor(devHub, { iat, exp: iat + 8 * HOUR })));
    refused(await answers(devHub, await tokenFor(devHub, { iat, exp: iat + 13 * HOUR })), /lives longer/);
    refused(await answers(productionHub, await tokenFor(productionHub, { iat, exp: iat + 8 * HOUR })), /lives longer/);
  });

  it("accepts the token the test harness signs by default", async () => {
    accepted(await answers(devHub, await devHub.token({ organisation: OrganisationCode.GMVS })));
  });
});

describe("clock skew", () => {
  it("accepts a token that expired within the tolerance (30 s by default), and refuses it with no tolerance", async () => {
    const justExpired = { iat: now() - 5 * MINUTE, exp: now() - 10 };
    accepted(await answers(devHub, await tokenFor(devHub, justExpired)));
    refused(await answers(productionHub, await tokenFor(productionHub, justExpired)), /expired/);
    refused(await answers(devHub, await tokenFor(devHub, { iat: now() - 5 * MINUTE, exp: now() - 45 })), /expired/);
  });

  it("accepts a token not valid for another few seconds (nbf) or issued a few seconds ahead of our clock, within the tolerance only", async () => {
    const early = { iat: now() + 10, nbf: now() + 10, exp: now() + 5 * MINUTE };
    accepted(await answers(devHub, await tokenFor(devHub, early)));
    refused(await answers(productionHub, await tokenFor(productionHub, early)), /not valid yet|future/);
  });
});
