import { Hub, startHub } from "../../src/hub";
import { Config, loadConfig } from "../../src/platform/config";
import { createLogger } from "../../src/platform/logger";
import { createTestStore } from "./store";

export interface TestHub extends Hub {
  config: Config;
}

/** The whole hub in this process on ephemeral loopback ports, over a store of its own. */
export async function startTestHub(env: Record<string, string> = {}): Promise<TestHub> {
  const store = await createTestStore();
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: store.databaseUrl ?? "", ...env });
  const hub = await startHub(config, createLogger(config.logLevel), { ephemeralPorts: true }).catch(async (error) => {
    await store.close();
    throw error;
  });
  return {
    ...hub,
    config,
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
