import { z } from "zod";

/** The source systems, as errors, logs and metrics name them (src/sources.ts checks this against the connectors). */
export const SOURCE_NAMES = ["police", "pankhurst", "hourglass", "challenger"] as const;

/** The five subgraphs, in the order they start. Names are also their PostgreSQL schemas. */
export const SUBGRAPH_NAMES = ["police", "victims", "partners", "governance", "insights"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The shortest gateway signing key accepted: 256 bits of key for HS256 (RFC 7518 section 3.2). */
export const GATEWAY_SIGNING_KEY_MIN_LENGTH = 32;

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));

/**
 * A span of time as seconds: "3600", "3600s", "90m", "1h", "1d". Anything
 * else fails at start, naming the variable and the forms it takes.
 */
const duration = (bounds: { min: number; max: number }) =>
  z.string().transform((value, ctx) => {
    const match = /^\s*(\d+)\s*(s|m|h|d)?\s*$/.exec(value);
    if (!match) {
      ctx.addIssue({ code: "custom", message: 'must be a duration: seconds, or a number with s, m, h or d (e.g. "3600", "90m", "1h")' });
      return z.NEVER;
    }
    const seconds = Number(match[1]) * { s: 1, m: 60, h: 3_600, d: 86_400 }[(match[2] ?? "s") as "s" | "m" | "h" | "d"];
    if (seconds < bounds.min || seconds > bounds.max) {
      ctx.addIssue({ code: "custom", message: `must be between ${bounds.min} s and ${bounds.max} s` });
      return z.NEVER;
    }
    return seconds;
  });

/** A regular expression the whole of a value must match; one that cannot compile, or matches nothing at all, fails at start. */
const wholeMatchPattern = (fallback: string) =>
  z
    .string()
    .min(1)
    .default(fallback)
    .transform((source, ctx) => {
      let pattern: RegExp;
      try {
        pattern = new RegExp(`^(?:${source})$`, "u");
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `must be a valid regular expression: ${(error as Error).message}` });
        return z.NEVER;
      }
      if (pattern.test("")) {
        ctx.addIssue({ code: "custom", message: "must not match an empty reference" });
        return z.NEVER;
      }
      return pattern;
    });

/**
 * A comma-separated list of browser origins (scheme, host and port only, as
 * a browser sends them in `Origin`). A wildcard is refused: the hub's callers
 * send an Authorization header, and a page on any site must not be able to
 * read an answer made with a token it got hold of.
 */
const originList = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const origins = (value ?? "")
      .split(",")
      .map((o) => o.trim())
      .filter(Boolean);
    for (const origin of origins) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      // The URL parser takes `*` as a host character; a browser never sends one, so it could only be a wildcard meant.
      if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin || origin.includes("*")) {
        ctx.addIssue({ code: "custom", message: `each origin must be http(s)://host[:port] with no path, wildcard or trailing slash (got ${JSON.stringify(origin)})` });
        return z.NEVER;
      }
    }
    return [...new Set(origins)];
  });

/**
 * The default break-glass reference: a GMP incident log number
 * (GMP-<yyyymmdd>-<4-digit serial>, e.g. GMP-20261201-0001) or a
 * safeguarding referral reference (SG- then letters, digits and hyphens,
 * e.g. SG-MCR-004512).
 */
export const DEFAULT_BREAK_GLASS_REFERENCE_PATTERN = "GMP-\\d{8}-\\d{4}|SG-[A-Z0-9]+(?:-[A-Z0-9]+)*";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: port(4000),
  /** Browser origins the gateway answers cross-origin requests from (src/platform/cors.ts); none by default. */
  CORS_ORIGINS: originList,
  POLICE_PORT: port(4001),
  VICTIMS_PORT: port(4002),
  PARTNERS_PORT: port(4003),
  GOVERNANCE_PORT: port(4004),
  INSIGHTS_PORT: port(4005),
  /** Where the gateway finds each subgraph when they run as separate processes. */
  POLICE_URL: optionalUrl,
  VICTIMS_URL: optionalUrl,
  PARTNERS_URL: optionalUrl,
  GOVERNANCE_URL: optionalUrl,
  INSIGHTS_URL: optionalUrl,
  /** A PostgreSQL server; unset means embedded PGlite. */
  DATABASE_URL: optionalUrl.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "must be a postgres:// or postgresql:// URL",
  }),
  /**
   * NATS servers with JetStream (comma-separated nats:// URLs) that carry the
   * hub's events between processes (src/platform/events/jetstream.ts);
   * unset, events are delivered in process, which serves a hub in one process.
   */
  EVENTS_NATS_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || v.split(",").every((s) => /^(nats|tls):\/\/[^\s,]+$/.test(s.trim())), { message: "must be nats:// URLs, comma-separated" })
    .transform((v) => (v ? v : undefined)),
  /** How often each outbox is looked at for events to relay when the last look found none, in ms; 0 relays only when a tool or test asks. */
  EVENTS_RELAY_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(250),
  /** The JetStream stream the events are kept in (another name keeps deployments sharing one NATS apart). */
  EVENTS_STREAM: z.string().regex(/^[A-Z0-9_]+$/, "must be upper-case letters, digits and _").default("CASEBRIDGE_EVENTS"),
  /**
   * Signed webhooks to partner systems (src/subgraphs/governance/webhooks):
   * how long after each failed attempt the next is made, in ms, comma-separated;
   * once every wait is used the delivery is dead (a dead letter its
   * organisation can replay). Five tries over about 40 minutes by default.
   */
  WEBHOOKS_RETRY_SCHEDULE_MS: z
    .string()
    .default("5000,30000,120000,600000,1800000")
    .refine((v) => v.split(",").every((s) => /^\s*\d{1,9}\s*$/.test(s)) && v.split(",").length <= 20, { message: "must be up to 20 waits in ms, comma-separated" })
    .transform((v) => v.split(",").map((s) => Number(s.trim()))),
  /** How often the webhook dispatcher looks for deliveries due, in ms; 0 dispatches only when a tool or test asks (the default under NODE_ENV=test). */
  WEBHOOKS_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  /** How long one delivery attempt may take before it counts as failed, in ms. */
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Lets endpoints be plain http on a loopback address (tests, local development); otherwise every endpoint must be https. */
  WEBHOOKS_ALLOW_HTTP_LOOPBACK: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((v) => v === "true" || v === "1"),
  /** Directory for PGlite's files; unset keeps the embedded database in memory. */
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  /** Where `npm start` keeps an initialised, empty PGlite data directory between starts (src/platform/pglite-cache.ts). */
  PGLITE_CACHE_DIR: z.string().min(1).default(".data/cache"),
  /** JWT issuer and audience every token must carry. */
  AUTH_ISSUER: z.string().min(1).default("casebridge-dev"),
  AUTH_AUDIENCE: z.string().min(1).default("casebridge"),
  /** The identity provider's JWKS; required in production unless AUTH_DEV_KEYS=true. */
  AUTH_JWKS_URL: optionalUrl,
  /** Verify against the local dev key pair (made on first use in DEV_KEY_FILE). */
  AUTH_DEV_KEYS: z.enum(["true", "false", "1", "0"]).optional(),
  DEV_KEY_FILE: z.string().min(1).default(".data/dev-keys.json"),
  /**
   * The longest a token may live, judged on exp − iat (exp − now for a token
   * without iat). Tokens are short-lived (DESIGN.md): one hour by default.
   */
  AUTH_MAX_TOKEN_LIFETIME: duration({ min: 60, max: 86_400 }).default(3_600),
  /**
   * Outside production only, the longest a token signed with the local dev
   * key pair may live (no AUTH_JWKS_URL): `npm run token` for a working day.
   * Production refuses to start with it set.
   */
  AUTH_DEV_MAX_TOKEN_LIFETIME: duration({ min: 60, max: 7 * 86_400 }).optional(),
  /** How far the hub's clock and the issuer's may disagree when judging exp, nbf and iat. */
  AUTH_CLOCK_TOLERANCE: duration({ min: 0, max: 300 }).default(30),
  /**
   * Break-glass (src/policy/break-glass.ts): the incident or safeguarding
   * reference every override must carry, as a regular expression the whole
   * reference must match, and how many requests a supervisor may break glass
   * on in a day (Europe/London); 0 turns break-glass off.
   */
  BREAK_GLASS_REFERENCE_PATTERN: wholeMatchPattern(DEFAULT_BREAK_GLASS_REFERENCE_PATTERN),
  BREAK_GLASS_DAILY_CAP: z.coerce.number().int().min(0).max(1_000).default(5),
  /**
   * Source systems. Unset, the hub starts a local stand-in for each that
   * speaks the real protocol over synthetic data (connectors/<source>/stand-in.ts).
   */
  POLICE_API_URL: optionalUrl,
  POLICE_API_TOKEN: z.string().min(1).optional(),
  PANKHURST_API_URL: optionalUrl,
  PANKHURST_API_TOKEN: z.string().min(1).optional(),
  /** The directory Hourglass's monthly CSV returns arrive in. */
  HOURGLASS_RETURNS_DIR: z.string().min(1).optional(),
  CHALLENGER_DATABASE_URL: optionalUrl.refine((v) => v === undefined || /^postgres(ql)?:\/\//.test(v), {
    message: "must be a postgres:// or postgresql:// URL",
  }),
  /** Per call to a source system (HTTP request or SQL statement). */
  SOURCE_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  /**
   * The circuit breaker of each REST source (police API, Pankhurst API;
   * connectors/http/breaker.ts): consecutive failed calls that open it, and
   * how long it stays open before one trial call (half-open).
   */
  SOURCE_BREAKER_THRESHOLD: z.coerce.number().int().min(1).max(1_000).default(5),
  SOURCE_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  /**
   * Sources the hub is not ready (/readyz 503) without. None by default: the
   * hub answers without any one of them (partial data, SOURCE_UNAVAILABLE),
   * and its store is always required.
   */
  READY_REQUIRED_SOURCES: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const names = (value ?? "").split(",").map((n) => n.trim()).filter(Boolean);
      const unknown = names.filter((n) => !(SOURCE_NAMES as readonly string[]).includes(n));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `unknown source ${unknown.map((n) => JSON.stringify(n)).join(", ")}; the sources are ${SOURCE_NAMES.join(", ")}` });
        return z.NEVER;
      }
      return new Set(names);
    }),
  /**
   * The hub's own store, per statement: a PostgreSQL server cancels a
   * statement running longer (statement_timeout), and the client gives up a
   * moment after that, or after as long waiting for a connection, so a slow
   * or lost store costs a request a bounded wait, never a hang. PGlite
   * ignores the server half (it runs in this process).
   */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /**
   * The gateway runs only the persisted operations of schema/operations (by
   * hash, src/sdk/generated/persisted-documents.json). Unset: on in production,
   * off elsewhere, so developers can send ad-hoc queries.
   */
  OPERATIONS_SAFELIST: z.enum(["true", "false", "1", "0"]).optional(),
  /**
   * The commissioner's evidence-base page at /commissioner (src/gateway/
   * commissioner.ts). Unset: off in production, on elsewhere. The CSV at
   * /evidence-base.csv is served either way: it is the API's, under its token.
   */
  COMMISSIONER_PAGE: z.enum(["true", "false", "1", "0"]).optional(),
  /**
   * The secret the gateway signs each subgraph request's proof with, and each
   * subgraph checks it with (src/platform/gateway-proof.ts): the same value in
   * every piece. Required in production. Unset elsewhere, a hub in one process
   * (`npm start`, tests) makes a random one for its lifetime.
   */
  GATEWAY_SIGNING_KEY: z
    .string()
    .min(GATEWAY_SIGNING_KEY_MIN_LENGTH, `must be at least ${GATEWAY_SIGNING_KEY_MIN_LENGTH} characters`)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * A subgraph answers only requests that carry the gateway's proof. Unset: on
   * in production, off elsewhere (a proof that is sent is still checked), so
   * developers can query a subgraph directly.
   */
  SUBGRAPH_REQUIRE_GATEWAY_PROOF: z.enum(["true", "false", "1", "0"]).optional(),
  /**
   * Operation limits (src/gateway/limits.ts). The shared case view measures
   * depth 3, cost 45 (4,625 for a literal page of 100), 43 tokens, no aliases or
   * directives; the defaults leave room for deeper screens and a full page.
   */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(1).max(50).default(8),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(10).max(100_000).default(1_000),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1000).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /**
   * Insights (the commissioners' evidence base). The key of the HMAC that turns
   * each source record's key into the fact key: facts stay idempotent on
   * refresh without holding a case or referral id. Required in production.
   */
  INSIGHTS_PSEUDONYM_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /** How often the hub refreshes the evidence base, in ms; 0 turns the schedule off (the default under NODE_ENV=test). */
  INSIGHTS_REFRESH_MS: z.coerce.number().int().min(0).optional(),
  /**
   * How often the Victims' Code clock judges GMVS's open cases and announces
   * entitlements falling due, overdue and met, in ms; 0 turns it off (the
   * default under NODE_ENV=test, where a test runs it when it means to).
   */
  VICTIMS_CODE_CLOCK_MS: z.coerce.number().int().min(0).optional(),
  /** Facts asked of a source per batch (one transaction each). */
  INSIGHTS_REFRESH_BATCH: z.coerce.number().int().min(1).max(100_000).default(5_000),
  /**
   * Where facts come from: "hub" (the default: the victims subgraph's case
   * facts and the partners subgraph's referrals, src/insights-facts),
   * "synthetic" (a seeded generator, for the bench and tests that ask for it),
   * "hub+synthetic" (both: the default of `npm start` on its embedded store,
   * so a new user's first tables have figures in them; refused in production)
   * or "none".
   */
  INSIGHTS_FACT_SOURCES: z.enum(["hub", "synthetic", "hub+synthetic", "none"]).optional(),
  /** Referrals the synthetic fact source generates (default 2,000; 400 under NODE_ENV=test, to keep tests quick). */
  INSIGHTS_SYNTHETIC_REFERRALS: z.coerce.number().int().min(0).max(2_000_000).optional(),
  /**
   * OpenTelemetry traces (src/platform/tracing.ts), by the standard variables:
   * set either endpoint and spans go there by OTLP/HTTP (the exporter reads
   * the rest, such as OTEL_EXPORTER_OTLP_HEADERS, itself); unset, no tracing.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
  OTEL_SDK_DISABLED: z.enum(["true", "false"]).optional(),
  /** Seed synthetic data at start-up (idempotent). */
  SEED: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((v) => v === "true" || v === "1"),
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof envSchema>) {
  const ports: Record<SubgraphName, number> = {
    police: env.POLICE_PORT,
    victims: env.VICTIMS_PORT,
    partners: env.PARTNERS_PORT,
    governance: env.GOVERNANCE_PORT,
    insights: env.INSIGHTS_PORT,
  };
  const urls: Partial<Record<SubgraphName, string>> = {
    police: env.POLICE_URL,
    victims: env.VICTIMS_URL,
    partners: env.PARTNERS_URL,
    governance: env.GOVERNANCE_URL,
    insights: env.INSIGHTS_URL,
  };
  return {
    env: env.NODE_ENV,
    development: env.NODE_ENV === "development",
    logLevel: env.LOG_LEVEL,
    host: env.HOST,
    gatewayPort: env.PORT,
    corsOrigins: env.CORS_ORIGINS,
    subgraphPorts: ports,
    subgraphUrls: urls,
    databaseUrl: env.DATABASE_URL,
    databaseStatementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    pgliteCacheDir: env.PGLITE_CACHE_DIR,
    events: { natsUrl: env.EVENTS_NATS_URL, stream: env.EVENTS_STREAM, relayIntervalMs: env.EVENTS_RELAY_INTERVAL_MS },
    victimsCodeClockMs: env.VICTIMS_CODE_CLOCK_MS ?? (env.NODE_ENV === "test" ? 0 : 5 * 60_000),
    webhooks: {
      retryScheduleMs: env.WEBHOOKS_RETRY_SCHEDULE_MS,
      // Under test no hub polls its store unasked: a test sends what is due when it means to.
      dispatchIntervalMs: env.WEBHOOKS_DISPATCH_INTERVAL_MS ?? (env.NODE_ENV === "test" ? 0 : 1_000),
      timeoutMs: env.WEBHOOKS_TIMEOUT_MS,
      allowHttpLoopback: env.WEBHOOKS_ALLOW_HTTP_LOOPBACK,
    },
    seed: env.SEED,
    commissionerPage: flag(env.COMMISSIONER_PAGE, env.NODE_ENV !== "production"),
    operationsSafelist: flag(env.OPERATIONS_SAFELIST, env.NODE_ENV === "production"),
    gatewayProof: {
      /** Undefined outside production when unset: startHub then uses a random key shared by its gateway and subgraphs. */
      signingKey: env.GATEWAY_SIGNING_KEY as string | undefined,
      required: flag(env.SUBGRAPH_REQUIRE_GATEWAY_PROOF, env.NODE_ENV === "production"),
    },
    limits: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxCost: env.GRAPHQL_MAX_COST,
    },
    sources: {
      police: { baseUrl: env.POLICE_API_URL, token: env.POLICE_API_TOKEN },
      pankhurst: { baseUrl: env.PANKHURST_API_URL, token: env.PANKHURST_API_TOKEN },
      hourglass: { returnsDir: env.HOURGLASS_RETURNS_DIR },
      challenger: { databaseUrl: env.CHALLENGER_DATABASE_URL },
      timeoutMs: env.SOURCE_TIMEOUT_MS,
      breaker: { failureThreshold: env.SOURCE_BREAKER_THRESHOLD, coolDownMs: env.SOURCE_BREAKER_COOLDOWN_MS },
      requiredForReadiness: env.READY_REQUIRED_SOURCES as ReadonlySet<string>,
    },
    insights: {
      // A fixed development key outside production only: insightsProblems() refuses production without one.
      pseudonymKey: env.INSIGHTS_PSEUDONYM_KEY ?? DEV_PSEUDONYM_KEY,
      refreshMs: env.INSIGHTS_REFRESH_MS ?? (env.NODE_ENV === "test" ? 0 : 15 * 60_000),
      batchSize: env.INSIGHTS_REFRESH_BATCH,
      // The embedded development hub (npm start) adds clearly synthetic facts to its few seeded cases.
      factSources: env.INSIGHTS_FACT_SOURCES ?? (env.NODE_ENV === "development" && !env.DATABASE_URL ? "hub+synthetic" : "hub"),
      syntheticReferrals: env.INSIGHTS_SYNTHETIC_REFERRALS ?? (env.NODE_ENV === "test" ? 400 : 2_000),
    },
    auth: {
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      jwksUrl: env.AUTH_JWKS_URL,
      devKeyFile: env.DEV_KEY_FILE,
      // Dev tokens (the local key pair, no identity provider) may live longer, and only outside production.
      maxTokenLifetimeSeconds:
        env.NODE_ENV !== "production" && !env.AUTH_JWKS_URL ? (env.AUTH_DEV_MAX_TOKEN_LIFETIME ?? DEV_MAX_TOKEN_LIFETIME) : env.AUTH_MAX_TOKEN_LIFETIME,
      clockToleranceSeconds: env.AUTH_CLOCK_TOLERANCE,
    },
    tracing: {
      otlp: Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) && env.OTEL_SDK_DISABLED !== "true",
      /** Unset: the piece's own name (casebridge, casebridge-police, ...). */
      serviceName: env.OTEL_SERVICE_NAME,
    },
    breakGlass: {
      referencePattern: env.BREAK_GLASS_REFERENCE_PATTERN,
      dailyCap: env.BREAK_GLASS_DAILY_CAP,
    },
  };
}

/** Production verifies against an identity provider; the dev key pair only where asked for or outside production. */
function sourceProblems(env: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  if (env.POLICE_API_URL && !env.POLICE_API_TOKEN) problems.push("POLICE_API_TOKEN: required with POLICE_API_URL");
  if (env.PANKHURST_API_URL && !env.PANKHURST_API_TOKEN) problems.push("PANKHURST_API_TOKEN: required with PANKHURST_API_URL");
  return problems;
}

/** Not a secret: the key pseudonymised development and test data is hashed with. */
export const DEV_PSEUDONYM_KEY = "casebridge-dev-insights-pseudonym-key-not-for-production";

/** A true/false switch ("true", "1", "false", "0") whose default depends on where the hub runs: `unset` where it is not given. */
function flag(value: "true" | "false" | "1" | "0" | undefined, unset: boolean): boolean {
  return value === undefined ? unset : value === "true" || value === "1";
}

function insightsProblems(env: z.infer<typeof envSchema>): string[] {
  if (env.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  if (!env.INSIGHTS_PSEUDONYM_KEY) problems.push("INSIGHTS_PSEUDONYM_KEY: required in production (32 characters or more, kept secret)");
  if (env.INSIGHTS_FACT_SOURCES?.includes("synthetic")) problems.push("INSIGHTS_FACT_SOURCES: synthetic facts are never mixed into a production evidence base");
  return problems;
}

function gatewayProofProblems(env: z.infer<typeof envSchema>): string[] {
  if (env.NODE_ENV !== "production" || env.GATEWAY_SIGNING_KEY) return [];
  return [`GATEWAY_SIGNING_KEY: required in production (${GATEWAY_SIGNING_KEY_MIN_LENGTH} characters or more, kept secret, the same for the gateway and every subgraph)`];
}
/** `npm run token`'s working day: dev tokens' longest life outside production unless AUTH_DEV_MAX_TOKEN_LIFETIME says otherwise. */
const DEV_MAX_TOKEN_LIFETIME = 12 * 3_600;

function authProblems(env: z.infer<typeof envSchema>): string[] {
  const problems: string[] = [];
  const devKeys = flag(env.AUTH_DEV_KEYS, env.NODE_ENV !== "production");
  if (!env.AUTH_JWKS_URL && !devKeys) problems.push("AUTH_JWKS_URL: required in production (or set AUTH_DEV_KEYS=true to use the local dev key pair)");
  if (env.NODE_ENV === "production" && env.AUTH_DEV_MAX_TOKEN_LIFETIME !== undefined) {
    problems.push("AUTH_DEV_MAX_TOKEN_LIFETIME: not allowed in production, where every token lives at most AUTH_MAX_TOKEN_LIFETIME");
  }
  return problems;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates the environment once, naming every bad variable and what it must be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const got = env[name];
        return `${name}: ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(redact(name, got))})`}`;
      }),
    );
  }
  const problems = [...authProblems(parsed.data), ...sourceProblems(parsed.data), ...insightsProblems(parsed.data), ...gatewayProofProblems(parsed.data)];
  if (problems.length) throw new ConfigError(problems);
  return toConfig(parsed.data);
}

/** Never echo credentials from a URL back into a log or a terminal. */
function redact(name: string, value: string): string {
  if (name.endsWith("_TOKEN") || name.endsWith("_KEY")) return "***";
  if (!name.endsWith("_URL")) return value;
  return value.replace(/\/\/([^@/]*)@/, "//***@");
}
