import { ConfigError, loadConfig, SOURCE_NAMES } from "../src/platform/config";
import { CONNECTED_SOURCE_NAMES } from "../src/sources";

describe("configuration", () => {
  it("starts with defaults on an empty environment: embedded store, gateway on 4000", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.gatewayPort).toBe(4000);
    expect(config.subgraphPorts).toEqual({ police: 4001, victims: 4002, partners: 4003, governance: 4004, insights: 4005 });
    expect(config.development).toBe(true);
    expect(config.seed).toBe(true);
  });

  it("names every bad variable and what it must be", () => {
    let thrown: unknown;
    try {
      loadConfig({ PORT: "forty", DATABASE_URL: "mysql://user:secret@db/x", LOG_LEVEL: "loud" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    const message = (thrown as ConfigError).message;
    expect(message).toMatch(/PORT: .*\(got "forty"\)/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(message).toMatch(/LOG_LEVEL/);
  });

  it("never echoes a password from a database URL back", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://user:secret@db/x" })).toThrow(/\*\*\*@db/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://user:secret@db/x" })).not.toThrow(/secret/);
  });

  it("rejects a port out of range", () => {
    expect(() => loadConfig({ POLICE_PORT: "70000" })).toThrow(/POLICE_PORT/);
  });
});

/** Production also needs the insights pseudonym key and the gateway signing key (tested below); these tests are about identity. */
const PRODUCTION = { NODE_ENV: "production", INSIGHTS_PSEUDONYM_KEY: "k".repeat(32), GATEWAY_SIGNING_KEY: "g".repeat(32) } as const;

describe("identity configuration", () => {
  it("refuses production without an identity provider's key set", () => {
    expect(() => loadConfig({ ...PRODUCTION })).toThrow(/AUTH_JWKS_URL: required in production/);
    expect(loadConfig({ ...PRODUCTION, AUTH_JWKS_URL: "https://idp.example/jwks.json" }).auth.jwksUrl).toBe("https://idp.example/jwks.json");
    expect(() => loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true" })).not.toThrow();
  });
});

describe("token lifetime and clock tolerance", () => {
  it("accepts tokens of at most an hour by default, dev tokens up to 12 hours outside production only, with 30 s of clock skew", () => {
    expect(loadConfig({ ...PRODUCTION, AUTH_JWKS_URL: "https://idp.example/jwks.json" }).auth).toMatchObject({ maxTokenLifetimeSeconds: 3_600, clockToleranceSeconds: 30 });
    expect(loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true" }).auth.maxTokenLifetimeSeconds).toBe(3_600);
    expect(loadConfig({}).auth.maxTokenLifetimeSeconds).toBe(43_200);
    expect(loadConfig({ AUTH_JWKS_URL: "https://idp.example/jwks.json" }).auth.maxTokenLifetimeSeconds).toBe(3_600);
  });

  it("serves the commissioner's page outside production, and in production only where COMMISSIONER_PAGE says so", () => {
    expect(loadConfig({}).commissionerPage).toBe(true);
    expect(loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true" }).commissionerPage).toBe(false);
    expect(loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true", COMMISSIONER_PAGE: "true" }).commissionerPage).toBe(true);
    expect(loadConfig({ COMMISSIONER_PAGE: "0" }).commissionerPage).toBe(false);
    expect(() => loadConfig({ COMMISSIONER_PAGE: "yes" })).toThrow(/COMMISSIONER_PAGE/);
  });

  it("takes durations in seconds or with a unit", () => {
    const config = loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true", AUTH_MAX_TOKEN_LIFETIME: "15m", AUTH_CLOCK_TOLERANCE: "0" });
    expect(config.auth).toMatchObject({ maxTokenLifetimeSeconds: 900, clockToleranceSeconds: 0 });
    expect(loadConfig({ AUTH_DEV_MAX_TOKEN_LIFETIME: "2d" }).auth.maxTokenLifetimeSeconds).toBe(172_800);
    expect(loadConfig({ AUTH_MAX_TOKEN_LIFETIME: "7200", AUTH_JWKS_URL: "https://idp.example/jwks.json" }).auth.maxTokenLifetimeSeconds).toBe(7_200);
  });

  it.each([
    ["AUTH_MAX_TOKEN_LIFETIME", "forever", /must be a duration/],
    ["AUTH_MAX_TOKEN_LIFETIME", "10y", /must be a duration/],
    ["AUTH_MAX_TOKEN_LIFETIME", "2d", /must be between 60 s and 86400 s/],
    ["AUTH_MAX_TOKEN_LIFETIME", "0", /must be between 60 s and 86400 s/],
    ["AUTH_CLOCK_TOLERANCE", "10m", /must be between 0 s and 300 s/],
    ["AUTH_CLOCK_TOLERANCE", "-5", /must be a duration/],
    ["AUTH_DEV_MAX_TOKEN_LIFETIME", "30d", /must be between 60 s and 604800 s/],
  ])("refuses %s=%s at start, saying what it must be", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: ${message.source}.*\\(got "${value}"\\)`));
  });

  it("refuses a longer dev-token lifetime in production", () => {
    expect(() => loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true", AUTH_DEV_MAX_TOKEN_LIFETIME: "8h" })).toThrow(/AUTH_DEV_MAX_TOKEN_LIFETIME: not allowed in production/);
  });
});

describe("break-glass configuration", () => {
  it("takes GMP incident log numbers and safeguarding references by default, five uses a day", () => {
    const { referencePattern, dailyCap } = loadConfig({}).breakGlass;
    expect(dailyCap).toBe(5);
    expect(["GMP-20261201-0001", "SG-MCR-004512", "SG-2026A"].filter((r) => referencePattern.test(r))).toHaveLength(3);
    expect(["GMP-2026121-0001", "GMP-20261201-0001x", "xGMP-20261201-0001", "SG-", "sg-mcr-1", "aaaaaaaaaaaaaaaaaaaaaa", ""].filter((r) => referencePattern.test(r))).toEqual([]);
  });

  it("matches a configured pattern against the whole reference", () => {
    const { referencePattern, dailyCap } = loadConfig({ BREAK_GLASS_REFERENCE_PATTERN: "INC\\d{6}", BREAK_GLASS_DAILY_CAP: "0" }).breakGlass;
    expect(dailyCap).toBe(0);
    expect(referencePattern.test("INC123456")).toBe(true);
    expect(referencePattern.test("INC1234567")).toBe(false);
    expect(referencePattern.test("xINC123456")).toBe(false);
  });

  it.each([
    ["BREAK_GLASS_REFERENCE_PATTERN", "GMP-(", /must be a valid regular expression/],
    ["BREAK_GLASS_REFERENCE_PATTERN", "GMP-\\d*|", /must not match an empty reference/],
    ["BREAK_GLASS_DAILY_CAP", "-1", /./],
    ["BREAK_GLASS_DAILY_CAP", "many", /./],
  ])("refuses %s=%s at start", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: ${message.source}`));
  });
});

describe("insights configuration", () => {
  it("refuses production without a pseudonym key, and never echoes a short one back", () => {
    expect(() => loadConfig({ NODE_ENV: "production", AUTH_DEV_KEYS: "true", GATEWAY_SIGNING_KEY: "g".repeat(32) })).toThrow(/INSIGHTS_PSEUDONYM_KEY: required in production/);
    expect(() => loadConfig({ INSIGHTS_PSEUDONYM_KEY: "short-secret" })).toThrow(/INSIGHTS_PSEUDONYM_KEY: .*\(got "\*\*\*"\)/);
    expect(loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true" }).insights.pseudonymKey).toBe("k".repeat(32));
  });

  it("refreshes every 15 minutes by default, and not at all under test unless asked", () => {
    expect(loadConfig({}).insights.refreshMs).toBe(900_000);
    expect(loadConfig({ NODE_ENV: "test" }).insights.refreshMs).toBe(0);
    expect(loadConfig({ NODE_ENV: "test", INSIGHTS_REFRESH_MS: "250" }).insights.refreshMs).toBe(250);
  });

  it("feeds the evidence base from the hub's own sources, adds synthetic facts only to npm start's embedded store or when asked, and never in production", () => {
    // npm start: development, embedded store; a first look has figures.
    expect(loadConfig({}).insights.factSources).toBe("hub+synthetic");
    expect(loadConfig({ DATABASE_URL: "postgres://db/hub" }).insights.factSources).toBe("hub");
    expect(loadConfig({ NODE_ENV: "test" }).insights.factSources).toBe("hub");
    expect(loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true" }).insights.factSources).toBe("hub");
    for (const sources of ["synthetic", "hub+synthetic"]) {
      expect(() => loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true", INSIGHTS_FACT_SOURCES: sources })).toThrow(/INSIGHTS_FACT_SOURCES: synthetic facts are never mixed/);
    }
    expect(loadConfig({ INSIGHTS_FACT_SOURCES: "synthetic" }).insights.factSources).toBe("synthetic");
    expect(() => loadConfig({ INSIGHTS_FACT_SOURCES: "generated" })).toThrow(/INSIGHTS_FACT_SOURCES/);
  });
});

describe("gateway proof configuration", () => {
  it("refuses production without a gateway signing key, and never echoes a short one back", () => {
    expect(() => loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true", GATEWAY_SIGNING_KEY: undefined })).toThrow(/GATEWAY_SIGNING_KEY: required in production/);
    expect(() => loadConfig({ GATEWAY_SIGNING_KEY: "short-secret" })).toThrow(/GATEWAY_SIGNING_KEY: .*\(got "\*\*\*"\)/);
    expect(loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true" }).gatewayProof).toEqual({ signingKey: "g".repeat(32), required: true });
  });

  it("requires the proof at subgraphs in production by default, and elsewhere only when asked; needs no key outside production", () => {
    expect(loadConfig({}).gatewayProof).toEqual({ signingKey: undefined, required: false });
    expect(loadConfig({ NODE_ENV: "test" }).gatewayProof.required).toBe(false);
    expect(loadConfig({ SUBGRAPH_REQUIRE_GATEWAY_PROOF: "true" }).gatewayProof.required).toBe(true);
    expect(loadConfig({ ...PRODUCTION, AUTH_DEV_KEYS: "true", SUBGRAPH_REQUIRE_GATEWAY_PROOF: "false" }).gatewayProof.required).toBe(false);
    expect(() => loadConfig({ SUBGRAPH_REQUIRE_GATEWAY_PROOF: "yes" })).toThrow(/SUBGRAPH_REQUIRE_GATEWAY_PROOF/);
  });
});

describe("source system configuration", () => {
  it("runs stand-ins where no source is named, and needs a token with each REST source", () => {
    expect(loadConfig({}).sources.police.baseUrl).toBeUndefined();
    expect(() => loadConfig({ POLICE_API_URL: "https://police.example/api" })).toThrow(/POLICE_API_TOKEN: required with POLICE_API_URL/);
    expect(() => loadConfig({ PANKHURST_API_URL: "https://pankhurst.example/api" })).toThrow(/PANKHURST_API_TOKEN: required with PANKHURST_API_URL/);
    const config = loadConfig({ POLICE_API_URL: "https://police.example/api", POLICE_API_TOKEN: "t", SOURCE_TIMEOUT_MS: "500" });
    expect(config.sources.police).toEqual({ baseUrl: "https://police.example/api", token: "t" });
    expect(config.sources.timeoutMs).toBe(500);
  });

  it("never echoes a source token back", () => {
    expect(() => loadConfig({ POLICE_API_TOKEN: "", SOURCE_TIMEOUT_MS: "1" })).toThrow(/SOURCE_TIMEOUT_MS/);
    expect(() => loadConfig({ PANKHURST_API_TOKEN: "" })).toThrow(/PANKHURST_API_TOKEN: .*\(got "\*\*\*"\)/);
  });
});

describe("operation limit configuration", () => {
  it("has defaults with headroom over the shared case view, and takes each limit from the environment", () => {
    expect(loadConfig({}).limits).toEqual({ maxDepth: 8, maxAliases: 15, maxTokens: 1000, maxDirectives: 10, maxCost: 10000 });
    const config = loadConfig({ GRAPHQL_MAX_DEPTH: "5", GRAPHQL_MAX_ALIASES: "0", GRAPHQL_MAX_TOKENS: "400", GRAPHQL_MAX_DIRECTIVES: "3", GRAPHQL_MAX_COST: "2500" });
    expect(config.limits).toEqual({ maxDepth: 5, maxAliases: 0, maxTokens: 400, maxDirectives: 3, maxCost: 2500 });
  });

  it("takes the sources' circuit breaker and the store's statement timeout from the environment, with defaults", () => {
    expect(loadConfig({}).sources.breaker).toEqual({ failureThreshold: 5, coolDownMs: 30_000 });
    expect(loadConfig({}).databaseStatementTimeoutMs).toBe(5_000);
    const config = loadConfig({ SOURCE_BREAKER_THRESHOLD: "2", SOURCE_BREAKER_COOLDOWN_MS: "0", DATABASE_STATEMENT_TIMEOUT_MS: "50" });
    expect(config.sources.breaker).toEqual({ failureThreshold: 2, coolDownMs: 0 });
    expect(config.databaseStatementTimeoutMs).toBe(50);
  });

  it.each([
    ["SOURCE_BREAKER_THRESHOLD", "0"],
    ["SOURCE_BREAKER_COOLDOWN_MS", "-1"],
    ["DATABASE_STATEMENT_TIMEOUT_MS", "49"],
    ["GRAPHQL_MAX_DEPTH", "0"],
    ["GRAPHQL_MAX_DEPTH", "deep"],
    ["GRAPHQL_MAX_ALIASES", "-1"],
    ["GRAPHQL_MAX_TOKENS", "9"],
    ["GRAPHQL_MAX_DIRECTIVES", "1.5"],
    ["GRAPHQL_MAX_COST", "0"],
  ])("refuses %s=%s", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: .*\\(got "${value.replace(".", "\\.")}"\\)`));
  });
});

describe("cross-origin configuration", () => {
  it("allows no origin by default, and takes a comma-separated list of origins", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: " https://casework.example, http://localhost:5173 ,https://casework.example" }).corsOrigins).toEqual([
      "https://casework.example",
      "http://localhost:5173",
    ]);
  });

  it.each(["*", "https://casework.example/", "https://casework.example/app", "casework.example", "ftp://casework.example", "https://*.example", "https://Casework.example"])(
    "refuses to start with CORS_ORIGINS=%s",
    (value) => {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS: each origin must be http\(s\):\/\/host\[:port\]/);
    },
  );
});

describe("readiness configuration", () => {
  it("requires no source by default, takes a list of sources, and names the ones it does not know", () => {
    expect([...loadConfig({}).sources.requiredForReadiness]).toEqual([]);
    expect([...loadConfig({ READY_REQUIRED_SOURCES: "police, pankhurst" }).sources.requiredForReadiness]).toEqual(["police", "pankhurst"]);
    expect(() => loadConfig({ READY_REQUIRED_SOURCES: "police,hub-store" })).toThrow(/READY_REQUIRED_SOURCES: unknown source "hub-store"; the sources are police, pankhurst, hourglass, challenger/);
  });

  it("knows the same sources as the connectors", () => {
    expect([...SOURCE_NAMES].sort()).toEqual([...CONNECTED_SOURCE_NAMES].sort());
  });
});

describe("webhooks configuration", () => {
  it("retries on the default schedule, dispatches every second (only when asked under test) and asks https", () => {
    const { webhooks } = loadConfig({});
    expect(webhooks).toEqual({ retryScheduleMs: [5_000, 30_000, 120_000, 600_000, 1_800_000], dispatchIntervalMs: 1_000, timeoutMs: 10_000, allowHttpLoopback: false });
    expect(loadConfig({ NODE_ENV: "test" }).webhooks.dispatchIntervalMs).toBe(0);
    expect(loadConfig({ NODE_ENV: "test", WEBHOOKS_DISPATCH_INTERVAL_MS: "500" }).webhooks.dispatchIntervalMs).toBe(500);
  });

  it("takes a schedule of its own and names a bad one", () => {
    expect(loadConfig({ WEBHOOKS_RETRY_SCHEDULE_MS: "100, 200", WEBHOOKS_ALLOW_HTTP_LOOPBACK: "true" }).webhooks).toMatchObject({ retryScheduleMs: [100, 200], allowHttpLoopback: true });
    expect(() => loadConfig({ WEBHOOKS_RETRY_SCHEDULE_MS: "5s,30s" })).toThrow(/WEBHOOKS_RETRY_SCHEDULE_MS: must be up to 20 waits in ms/);
    expect(() => loadConfig({ WEBHOOKS_TIMEOUT_MS: "0" })).toThrow(/WEBHOOKS_TIMEOUT_MS/);
  });
});
