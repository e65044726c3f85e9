import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hub, HubOptions, startHub } from "../../src/hub";
import { signDevToken } from "../../src/platform/auth";
import { Principal, Purpose, Role } from "../../src/platform/principal";
import { Config, loadConfig } from "../../src/platform/config";
import { createLogger } from "../../src/platform/logger";
import { createTestStore } from "./store";

export interface TestHub extends Hub {
  config: Config;
  /** A dev token for this hub's key pair. */
  token(principal: Partial<Principal> & Pick<Principal, "organisation">, options?: { expiresIn?: string | number }): Promise<string>;
  /** Authorization header for a principal, ready to pass to graphql(). */
  as(principal: Partial<Principal> & Pick<Principal, "organisation">): Promise<Record<string, string>>;
}

/** The whole hub in this process on ephemeral loopback ports, over a store of its own. */
export async function startTestHub(env: Record<string, string> = {}, options: Pick<HubOptions, "access" | "standInData"> = {}): Promise<TestHub> {
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
    ...env,
  });
  const hub = await startHub(config, createLogger(config.logLevel), { ...options, ephemeralPorts: true }).catch(async (error) => {
    await store.close();
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
    token,
    as: async (principal) => ({ authorization: `Bearer ${await token(principal)}` }),
    async close() {
      await hub.close();
      await store.close();
    },
  };
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
