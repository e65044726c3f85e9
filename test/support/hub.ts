import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { emptyEmbeddedDataDir } from "../../connectors/sql/embedded";
import { SqlStandInProxy } from "../../connectors/sql/stand-in-proxy";
import { Hub, HubOptions, prepareDatabase, startHub } from "../../src/hub";
import { signDevToken } from "../../src/platform/auth";
import { Principal, Purpose, Role } from "../../src/platform/principal";
import { Config, loadConfig, SUBGRAPH_NAMES } from "../../src/platform/config";
import { createLogger, Logger } from "../../src/platform/logger";
import { feedFactSources } from "../../src/insights-facts/feeds";
import type { FactSource } from "../../src/subgraphs/insights/facts/facts";
import { RefreshOutcome, RefreshService } from "../../src/subgraphs/insights/refresh/refresh.service";
import { createTestStore, embeddedTemplate, testServerUrl } from "./store";

/** The gateway signing key of a test hub started as production (unless the test names its own). */
export const TEST_GATEWAY_SIGNING_KEY = "test-only-gateway-signing-key-000000000000";

export interface TestHub extends Hub {
  config: Config;
  /**
   * With `storeProxy`, the TCP proxy between the hub and its own store
   * (PostgreSQL or PGlite): `setMode("down" | "slow" | "up")` breaks or
   * slows the store under the running hub.
   */
  storeProxy?: SqlStandInProxy;
  /** A dev token for this hub's key pair. */
  token(principal: Partial<Principal> & Pick<Principal, "organisation">, options?: { expiresIn?: string | number }): Promise<string>;
  /** Authorization header for a principal, ready to pass to graphql(). */
  as(principal: Partial<Principal> & Pick<Principal, "organisation">): Promise<Record<string, string>>;
}

/**
 * The whole hub in this process on ephemeral loopback ports, over a store of its own.
 * `storeProxy: true` puts a proxy between the hub and that store (TestHub.storeProxy);
 * `access` and `standInData` as startHub takes them (the load benchmark's).
 */
export async function startTestHub(
  env: Record<string, string> = {},
  options: { storeProxy?: boolean; logger?: Logger } & Pick<HubOptions, "access" | "standInData"> = {},
): Promise<TestHub> {
  // Embedded, the stand-ins that are databases (Challenger's) start from the run's empty store, not an initdb of their own each.
  const emptyDataDir = testServerUrl() ? undefined : await standInTemplate();
  const store = await createTestStore();
  // A key pair of this hub's own, never the developer's .data/ one.
  const devKeyFile = join(mkdtempSync(join(tmpdir(), "casebridge-keys-")), "dev-keys.json");
  // The operations safelist (on by default in production) only where a test asks for it: most
  // tests send ad-hoc operations, whatever NODE_ENV they run under.
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: store.databaseUrl ?? "",
    DEV_KEY_FILE: devKeyFile,
    AUTH_DEV_KEYS: "true",
    OPERATIONS_SAFELIST: "false",
    // Production requires one; a hub started as production in a test gets a test-only key.
    INSIGHTS_PSEUDONYM_KEY: "test-only-insights-pseudonym-key-0000000",
    // Likewise; elsewhere the hub makes a random one of its own, as `npm start` does.
    ...(env.NODE_ENV === "production" ? { GATEWAY_SIGNING_KEY: TEST_GATEWAY_SIGNING_KEY } : {}),
    ...env,
  });
  const logger = options.logger ?? createLogger(config.logLevel);
  let storeProxy: SqlStandInProxy | undefined;
  let closeProxy = async () => undefined as void;
  const connectVia = async (url: string) => {
    storeProxy = new SqlStandInProxy(url);
    const running = await storeProxy.start();
    closeProxy = running.close;
    return running.url;
  };
  const closeStore = async () => {
    await closeProxy();
    await store.close();
  };
  // Embedded, the hub starts from the run's template: in memory, or written into the test's own data directory while
  // that holds no store yet.
  const pgliteTemplate =
    config.databaseUrl || (config.pgliteDataDir && existsSync(config.pgliteDataDir) && readdirSync(config.pgliteDataDir).length > 0)
      ? undefined
      : await hubStoreTemplate(config);
  // With a proxy or a template the test opens the store itself (startHub then leaves closing it to us).
  const db =
    options.storeProxy || pgliteTemplate
      ? await prepareDatabase(config, SUBGRAPH_NAMES, logger, { connectVia: options.storeProxy ? connectVia : undefined, pgliteTemplate }).catch(async (error) => {
          await closeStore();
          throw error;
        })
      : undefined;
  const { storeProxy: _proxied, logger: _logger, ...hubOptions } = options;
  // On a PostgreSQL server the stand-ins that are databases get one of their own there, as the hub's store does, rather
  // than a WebAssembly PostgreSQL in this process each.
  const standInDatabase = testServerUrl()
    ? async () => {
        const made = await createTestStore();
        return { url: made.databaseUrl!, close: made.close };
      }
    : undefined;
  const hub = await startHub(config, logger, { ...hubOptions, ephemeralPorts: true, db, emptyDataDir, standInDatabase }).catch(async (error) => {
    await db?.close();
    await closeStore();
    throw error;
  });
  const token: TestHub["token"] = (principal, options) =>
    signDevToken(
      config.auth,
      {
        subject: principal.subject ?? `test-${principal.organisation.toLowerCase()}`,
        organisation: principal.organisation,
        roles: principal.roles ?? [Role.CASEWORKER],
        purpose: principal.purpose ?? Purpose.SUPPORT,
      },
      options,
    );
  return {
    ...hub,
    config,
    storeProxy,
    token,
    as: async (principal) => ({ authorization: `Bearer ${await token(principal)}` }),
    async close() {
      await hub.close();
      storeProxy?.setMode("up");
      await db?.close();
      await closeStore();
    },
  };
}

/**
 * The evidence base's real fact sources as the insights subgraph reads them:
 * this hub's victims' and partners' fact feeds, over loopback HTTP with
 * service tokens. The hub must have been started with GATEWAY_SIGNING_KEY
 * (otherwise its key is a random one the test cannot sign with).
 */
export function feedSourcesOf(hub: TestHub): FactSource[] {
  if (!hub.config.gatewayProof.signingKey) throw new Error("start the test hub with GATEWAY_SIGNING_KEY to read its fact feeds");
  return feedFactSources({ gatewayProof: hub.config.gatewayProof, subgraphUrls: { victims: hub.subgraphs.victims.url, partners: hub.subgraphs.partners.url } });
}

/**
 * A refresh of the evidence base through this hub's fact feeds, two facts a
 * batch; one the hub's own event-driven refresh holds off (SKIPPED) is tried
 * again, for up to five seconds.
 */
export async function refreshThroughFeeds(hub: TestHub): Promise<RefreshOutcome> {
  const service = new RefreshService(hub.db.dataSource, feedSourcesOf(hub), { pseudonymKey: hub.config.insights.pseudonymKey, batchSize: 2 });
  for (let tries = 0; ; tries++) {
    const outcome = await service.refresh();
    if (outcome.status !== "SKIPPED" || tries === 50) return outcome;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The run's embedded store for a hub with this config (embeddedTemplate):
 * migrated, and seeded where config.seed is, built in memory with the
 * default synthetic data only, so a test's own seed settings (insights'
 * synthetic facts) apply over it. Built over the run's empty store, so it
 * has that store's lean settings (emptyEmbeddedDataDir). Undefined outside
 * jest.
 */
export function hubStoreTemplate(config: Config): Promise<Blob | undefined> {
  return embeddedTemplate(config.seed ? "seeded" : "migrated", async () => {
    const built = await prepareDatabase(
      { ...config, databaseUrl: undefined, pgliteDataDir: undefined, insights: { ...config.insights, factSources: "hub" } },
      SUBGRAPH_NAMES,
      createLogger("silent"),
      { pgliteTemplate: await standInTemplate() },
    );
    try {
      await built.dataSource.query("CHECKPOINT");
      return await built.dump!();
    } finally {
      await built.close();
    }
  });
}

/** The run's empty embedded store, for the stand-ins that are databases (Challenger's): undefined outside jest. */
export function standInTemplate(): Promise<Blob | undefined> {
  return embeddedTemplate("empty", emptyEmbeddedDataDir);
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
}

/** POSTs an operation over real HTTP. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T>["body"] };
}
