import { z } from "zod";

/** The five subgraphs, in the order they start. Names are also their PostgreSQL schemas. */
export const SUBGRAPH_NAMES = ["police", "victims", "partners", "governance", "insights"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal("").transform(() => undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: port(4000),
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
  /** Directory for PGlite's files; unset keeps the embedded database in memory. */
  PGLITE_DATA_DIR: z.string().min(1).optional(),
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
    subgraphPorts: ports,
    subgraphUrls: urls,
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    seed: env.SEED,
  };
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
  return toConfig(parsed.data);
}

/** Never echo credentials from a URL back into a log or a terminal. */
function redact(name: string, value: string): string {
  if (!name.endsWith("_URL")) return value;
  return value.replace(/\/\/([^@/]*)@/, "//***@");
}
