import { createServer, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { createGatewayRuntime, type GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import type { TokenVerifier } from "../src/platform/auth";
import { SUBGRAPH_NAMES, type SubgraphName } from "../src/platform/config";
import { FORWARDED_CALLER_REQUEST_ID_HEADER, HUB_REQUEST_ID_HEADER, callerRequestIdFrom, CALLER_REQUEST_ID_HEADER } from "../src/platform/context";
import { ErrorCode } from "../src/platform/errors";
import { GATEWAY_PROOF_HEADER, signGatewayProof } from "../src/platform/gateway-proof";
import { BREAK_GLASS_HEADER } from "../src/policy/access";
import { SUPERGRAPH_PATH } from "../src/gateway/gateway";
import { armorConfig, type OperationLimits } from "../src/gateway/limits";

/**
 * Hive Gateway (@graphql-hive/gateway-runtime) in front of the hub's
 * subgraphs, for the gateway comparison only (bench/gateways.ts): it plans
 * over the same committed supergraph as the hub's @apollo/gateway and does
 * what the hub's gateway does before a subgraph sees a request: verifies
 * the caller's token, refuses what armor's operation limits refuse,
 * forwards the caller's Authorization, the hub's request id and a
 * break-glass reason, and signs the gateway proof for each subgraph request
 * (src/platform/gateway-proof.ts) over the operation text it actually sends.
 *
 * Caller headers go through `propagateHeaders`, which puts them into the
 * subgraph request's own headers before the HTTP executor's in-flight
 * deduplication keys on them: identical subgraph requests from two callers
 * (two tokens, two request ids) are never merged into one, so each caller's
 * consultation reaches the subgraphs, and their audit, under its own token.
 * The proof is signed later, in `onFetch`, where the body is final.
 */
export interface HiveGatewayOptions {
  subgraphUrls: Record<SubgraphName, string>;
  verifier: TokenVerifier;
  limits: OperationLimits;
  /** The gateway proof's key; without it no proof is sent (subgraphs that do not require one). */
  proofKey?: string;
  /**
   * "rust": plan with Hive's Rust query planner (@graphql-hive/router-runtime,
   * a native module shipped in the package) instead of the runtime's own
   * JavaScript planner; execution and plugins stay the same.
   */
  planner?: "javascript" | "rust";
}

interface Caller {
  requestId: string;
  callerRequestId: string | null;
}

export async function createHiveGateway({ subgraphUrls, verifier, limits, proofKey, planner = "javascript" }: HiveGatewayOptions) {
  const callers = new WeakMap<Request, Caller>();
  // Loaded only when asked for: a platform without the native planner still runs the JavaScript one.
  const unifiedGraphHandler = planner === "rust" ? (await import("@graphql-hive/router-runtime")).unifiedGraphHandler : undefined;
  return createGatewayRuntime({
    unifiedGraphHandler,
    supergraph: readFileSync(SUPERGRAPH_PATH, "utf8"),
    // The supergraph names each subgraph's production URL; here they run where the hub put them.
    transportEntries: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { location: subgraphUrls[name] }])),
    logging: process.env.HIVE_DEBUG ? "debug" : false,
    maskedErrors: !process.env.HIVE_DEBUG,
    landingPage: false,
    graphiql: false,
    // The hub reports nothing anywhere; Hive's usage reporting stays off unless configured, and is not.
    propagateHeaders: {
      fromClientToSubgraphs({ request }) {
        const caller = callers.get(request);
        return {
          authorization: request.headers.get("authorization") ?? undefined,
          [BREAK_GLASS_HEADER]: request.headers.get(BREAK_GLASS_HEADER) ?? undefined,
          [HUB_REQUEST_ID_HEADER]: caller?.requestId,
          [FORWARDED_CALLER_REQUEST_ID_HEADER]: caller?.callerRequestId ?? undefined,
        };
      },
    },
    plugins: () => [useCallerToken(verifier, callers), EnvelopArmorPlugin(armorConfig(limits)) as GatewayPlugin, ...(proofKey ? [useGatewayProofSigning(proofKey)] : [])],
  });
}

/** Verifies the caller's token before anything is parsed, as the hub's gateway does; a refusal is a 401 UNAUTHENTICATED. */
function useCallerToken(verifier: TokenVerifier, callers: WeakMap<Request, Caller>): GatewayPlugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== "/graphql") return;
      return verifier.verify(request.headers.get("authorization") ?? undefined).then(
        () => {
          callers.set(request, { requestId: randomUUID(), callerRequestId: callerRequestIdFrom(request.headers.get(CALLER_REQUEST_ID_HEADER) ?? undefined) });
        },
        (error: unknown) => {
          const message = error instanceof Error ? error.message : "Not authenticated";
          endResponse(
            new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] }), {
              status: 401,
              headers: { "content-type": "application/json" },
            }),
          );
        },
      );
    },
  };
}

/** Signs the gateway proof for each subgraph request over the operation text in its body, as sent. */
function useGatewayProofSigning(key: string): GatewayPlugin {
  return {
    onFetch({ executionRequest, options, setOptions }) {
      const audience = executionRequest?.subgraphName;
      if (!audience || typeof options.body !== "string") return;
      const headers = { ...(options.headers as Record<string, string>) };
      const { query } = JSON.parse(options.body) as { query?: string };
      if (query === undefined) return;
      return signGatewayProof(key, { audience, authorization: headers.authorization ?? "", query, requestId: headers[HUB_REQUEST_ID_HEADER] ?? "" }).then((proof) => {
        setOptions({ ...options, headers: { ...headers, [GATEWAY_PROOF_HEADER]: proof } });
      });
    },
  };
}

/** Serves a Hive gateway over HTTP on loopback (port 0 picks a free one). */
export async function serveHiveGateway(options: HiveGatewayOptions, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const gateway = await createHiveGateway(options);
  const server: Server = createServer(gateway);
  await new Promise<void>((resolve, reject) => {
    server.listen(port, "127.0.0.1", resolve);
    server.once("error", reject);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await gateway.dispose();
    },
  };
}
