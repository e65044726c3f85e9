import { ApolloServer, ApolloServerPlugin, BaseContext } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express, { Express, Request, RequestHandler } from "express";
import { AddressInfo } from "node:net";
import { Server } from "node:http";
import { CALLER_REQUEST_ID_HEADER, callerRequestIdFrom, FORWARDED_CALLER_REQUEST_ID_HEADER, HUB_REQUEST_ID_HEADER, hubRequestIdFrom, RequestContext } from "./context";
import { withRequestId } from "./sql-metrics";
import { withUnitOfWorkScope } from "./unit-of-work";
import { formatError, isMasked } from "./errors";
import { CorsOptions, useCors } from "./cors";
import type { HubMetrics } from "./metrics";
import type { Readiness } from "./readiness";
import type { Logger } from "./logger";

export interface RunningServer {
  /** e.g. http://127.0.0.1:4001/graphql */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServeOptions<TContext extends RequestContext> {
  name: string;
  host: string;
  port: number;
  logger: Logger;
  server: ApolloServer<TContext>;
  context(base: RequestContext, req: Request): Promise<TContext> | TContext;
  /** Is everything this process depends on answering? With a report, /readyz lists each dependency's state. */
  ready(): Promise<boolean | Readiness>;
  /** Checks on each /graphql request before Apollo sees it (its body is parsed, its request id set). */
  graphqlGuards?: RequestHandler[];
  /** Further routes of this server (e.g. the gateway's explorer page in development). */
  routes?(app: Express): void;
  /**
   * "caller": the public entry (the gateway): every request gets a new id,
   * and the caller's x-request-id is kept apart. "gateway": a subgraph: the
   * ids come from the gateway's headers.
   */
  requestsFrom: "caller" | "gateway";
  /** Browsers' cross-origin requests (the public entry only); absent: no CORS handling at all. */
  cors?: CorsOptions;
  /** Serve these at GET /metrics and count each /graphql request in them (the gateway). */
  metrics?: HubMetrics;
}

/**
 * What became of a /graphql request, for the request counter: kept in the
 * response's locals, which Apollo's plugins cannot see; they find it through
 * the request's context, under a symbol (Apollo hands plugins a shallow copy
 * of the context, which keeps its own enumerable symbol properties).
 */
interface RequestOutcome {
  operationName?: string | null;
  resultCode?: string;
}
const OUTCOME = Symbol("casebridge.requestOutcome");
const outcomeOf = (context: unknown): RequestOutcome | undefined => (context as { [OUTCOME]?: RequestOutcome } | undefined)?.[OUTCOME];

/** A code for a request that never reached Apollo's pipeline, or ended before it set one. */
function codeForStatus(status: number): string {
  if (status < 400) return "OK";
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 413) return "PAYLOAD_TOO_LARGE";
  return status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
}

/** Options every Apollo Server of ours shares: masked errors, logged operations. */
export function apolloDefaults(development: boolean) {
  return {
    includeStacktraceInErrorResponses: development,
    // The process owns shutdown (close HTTP, then Apollo, then the store), not each Apollo Server.
    stopOnTerminationSignals: false,
    introspection: development,
    formatError: (formatted: Parameters<typeof formatError>[0]) => formatError(formatted, development),
    plugins: [operationLog()],
  };
}

/** One structured log line per operation, with the request id, never the variables. */
function operationLog<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const log = (contextValue as unknown as Partial<RequestContext>).logger;
      return {
        // What the caller gets masked (formatError) is logged here with its cause, or no one could find it.
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (isMasked(error.extensions?.code)) log?.error({ err: error.originalError ?? error, path: error.path }, "unexpected error, answered INTERNAL_SERVER_ERROR");
          }
        },
        async willSendResponse({ operationName, errors, response }) {
          const outcome = outcomeOf(contextValue);
          if (outcome) {
            // What the caller is sent, the subgraphs' errors merged in by the gateway included.
            const sent = response.body.kind === "single" ? response.body.singleResult.errors : errors;
            outcome.operationName = operationName ?? null;
            outcome.resultCode = sent?.length ? String(sent[0].extensions?.code ?? "INTERNAL_SERVER_ERROR") : "OK";
          }
          log?.info(
            {
              operationName: operationName ?? null,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              errors: errors?.map((e) => e.extensions?.code ?? "INTERNAL_SERVER_ERROR") ?? [],
            },
            "graphql operation",
          );
        },
      };
    },
  };
}

/** Serves /graphql, /healthz (the process is alive) and /readyz (its dependencies answer). */
export const MAX_BODY = "1mb";

/** How long an idle keep-alive connection stays open on our side (see serve). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function bodyError(status: number, type: string | undefined) {
  if (status === 500) return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
  if (type === "entity.too.large") return { message: `The request body is larger than ${MAX_BODY}`, extensions: { code: "PAYLOAD_TOO_LARGE" } };
  if (type === "entity.parse.failed") return { message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } };
  return { message: "The request body could not be read", extensions: { code: "BAD_REQUEST" } };
}

export async function serve<TContext extends RequestContext>(options: ServeOptions<TContext>): Promise<RunningServer> {
  const { server, logger } = options;
  await server.start();
  const app = express();
  app.disable("x-powered-by");
  if (options.cors) app.use(useCors(options.cors));
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok", service: options.name });
  });
  app.get("/readyz", async (_req, res) => {
    const answer = await options.ready().catch(() => false);
    const report: Readiness = typeof answer === "boolean" ? { ready: answer, degraded: false, checks: {} } : answer;
    const status = !report.ready ? "unavailable" : report.degraded ? "degraded" : "ready";
    res.status(report.ready ? 200 : 503).json({ status, service: options.name, checks: report.checks });
  });
  const { metrics } = options;
  if (metrics) {
    app.get("/metrics", async (_req, res) => {
      res.setHeader("content-type", metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    });
  }
  options.routes?.(app);
  app.use(
    "/graphql",
    (req, res, next) => {
      if (metrics) {
        res.on("finish", () => {
          const outcome = res.locals as RequestOutcome;
          const requested = (req.body as { operationName?: unknown } | undefined)?.operationName;
          const name = outcome.operationName !== undefined ? outcome.operationName : typeof requested === "string" ? requested : null;
          metrics.graphqlRequests.inc({ operation: metrics.operationLabel(name), code: outcome.resultCode ?? codeForStatus(res.statusCode) });
        });
      }
      next();
    },
    express.json({ limit: MAX_BODY }),
    // After the body is read (stream callbacks would lose the async context): the
    // rest of the request runs with its id, so SQL statements are counted against it,
    // and where a mutation's unit of work can hold its statements (unit-of-work.ts).
    (req, res, next) => {
      const fromGateway = options.requestsFrom === "gateway";
      const requestId = hubRequestIdFrom(fromGateway ? req.headers[HUB_REQUEST_ID_HEADER] : undefined);
      res.locals.requestId = requestId;
      res.locals.callerRequestId = callerRequestIdFrom(req.headers[fromGateway ? FORWARDED_CALLER_REQUEST_ID_HEADER : CALLER_REQUEST_ID_HEADER]);
      res.setHeader("x-request-id", requestId);
      withRequestId(requestId, () => withUnitOfWorkScope(next));
    },
    ...(options.graphqlGuards ?? []),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        const callerRequestId = res.locals.callerRequestId as string | null;
        const requestLogger = logger.child({ requestId });
        try {
          const context = await options.context({ requestId, callerRequestId, logger: requestLogger }, req);
          return Object.assign(context, { [OUTCOME]: res.locals as RequestOutcome });
        } catch (error) {
          const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
          (res.locals as RequestOutcome).resultCode = typeof code === "string" ? code : "INTERNAL_SERVER_ERROR";
          // Apollo answers 500 with the message masked, before any plugin sees the request: the cause is logged here.
          if (isMasked((error as { extensions?: { code?: unknown } }).extensions?.code)) requestLogger.error({ err: error }, "request context failed, answered INTERNAL_SERVER_ERROR");
          throw error;
        }
      },
    }),
  );

  // A body that is not JSON, or too large, gets a GraphQL-shaped error, not an HTML page with a stack.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    (res.locals as RequestOutcome).resultCode = bodyError(status, error.type).extensions.code;
    if (status === 500) logger.error({ err: error }, "unhandled HTTP error");
    res.status(status).json({ errors: [bodyError(status, error.type)] });
  });

  const http: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, options.host, () => resolve(s));
    s.once("error", reject);
  });
  // An idle keep-alive connection is closed by the client, never by us: were we
  // to close it (Node's default is after 5 s) just as the gateway sends on it,
  // the request would die with ECONNRESET, which a busy machine made happen. The
  // gateway's fetch closes idle connections a little before the Keep-Alive
  // timeout this advertises; headersTimeout must exceed it (Node's rule).
  http.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  http.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  const { port } = http.address() as AddressInfo;
  const host = options.host === "0.0.0.0" ? "127.0.0.1" : options.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    async close() {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      await server.stop();
    },
  };
}
