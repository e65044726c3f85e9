import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SubgraphName } from "../platform/config";
import { FORWARDED_CALLER_REQUEST_ID_HEADER, HUB_REQUEST_ID_HEADER, type RequestContext } from "../platform/context";
import { GATEWAY_PROOF_HEADER, signGatewayProof } from "../platform/gateway-proof";
import { apolloDefaults } from "../platform/http";
import { inputBoundsPlugin } from "../platform/input-bounds";
import type { ApolloServerPlugin } from "@apollo/server";
import { BREAK_GLASS_HEADER } from "../policy/access";
import { BREAK_GLASS_LIMIT_REACHED } from "../policy/break-glass";
import { OperationLimits, operationLimits } from "./limits";

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]>;

export const SUPERGRAPH_PATH = join(__dirname, "..", "..", "schema", "supergraph.graphql");

/** What the gateway passes on to every subgraph it calls. */
export interface GatewayContext extends RequestContext {
  /** The caller's own Authorization header, forwarded unchanged: each subgraph verifies it itself. */
  authorization?: string;
  /** A supervisor's written reason for a break-glass override, forwarded to every subgraph. */
  breakGlassReason?: string;
}

/**
 * The gateway plans each operation over the committed supergraph (the same file
 * Apollo Router or Hive Gateway would run) and calls the subgraphs over HTTP.
 * With a signing key, each subgraph request carries the gateway's proof
 * (src/platform/gateway-proof.ts) for that subgraph, user token, operation
 * and request id. The supergraph is static, so the gateway asks no subgraph
 * for its schema; its readiness check reads each subgraph's /readyz.
 */
export function createGateway(
  subgraphUrls: Record<SubgraphName, string>,
  development: boolean,
  limits: OperationLimits,
  proofKey?: string,
): ApolloServer<GatewayContext> {
  // @apollo/gateway otherwise probes cloud metadata endpoints and ships host
  // metrics to Apollo, and its exporter's shutdown hangs where there is no
  // internet. A victims' data hub sends nothing anywhere it was not told to.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const supergraphSdl = readFileSync(SUPERGRAPH_PATH, "utf8");
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: subgraphUrls[name as SubgraphName],
        // Node's own fetch closes an idle connection before the Keep-Alive timeout the
        // subgraph advertises; the default fetcher keeps it until the subgraph closes it,
        // and a request sent in that moment fails with ECONNRESET. Cast because where the
        // DOM lib is in the program (Hive Gateway's types, in the gateway comparison bench)
        // the global RequestInit no longer lists the Buffer body Node's fetch takes.
        fetcher: fetch as Fetcher,
        async willSendRequest({ request, context }) {
          request.http?.headers.set(HUB_REQUEST_ID_HEADER, context.requestId);
          if (context.callerRequestId) request.http?.headers.set(FORWARDED_CALLER_REQUEST_ID_HEADER, context.callerRequestId);
          if (context.authorization) request.http?.headers.set("authorization", context.authorization);
          if (context.breakGlassReason) request.http?.headers.set(BREAK_GLASS_HEADER, context.breakGlassReason);
          if (proofKey && request.query !== undefined) {
            const proof = await signGatewayProof(proofKey, {
              audience: name,
              authorization: context.authorization ?? "",
              query: request.query,
              requestId: context.requestId,
            });
            request.http?.headers.set(GATEWAY_PROOF_HEADER, proof);
          }
        },
      }),
  });
  const defaults = apolloDefaults(development);
  const limited = operationLimits(limits, { development });
  return new ApolloServer<GatewayContext>({ gateway, ...defaults, ...limited, plugins: [...defaults.plugins, ...limited.plugins, inputBoundsPlugin(), oneBreakGlassRefusal()] });
}

/**
 * Every subgraph a request reaches refuses a break-glass over the cap and
 * says so; which subgraphs it reaches depends on what the caller may see
 * (a nested fetch follows only a visible parent), so the caller gets the
 * refusal once, naming no subgraph, whatever the plan.
 */
function oneBreakGlassRefusal(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return;
          const errors = response.body.singleResult.errors;
          const refusal = (e: (typeof errors)[number]) => !e.path && e.extensions?.reason === BREAK_GLASS_LIMIT_REACHED;
          const first = errors.find(refusal);
          if (!first) return;
          const { serviceName: _subgraph, ...extensions } = first.extensions ?? {};
          response.body.singleResult.errors = [...errors.filter((e) => !refusal(e)), { message: first.message, extensions }];
        },
      };
    },
  };
}
