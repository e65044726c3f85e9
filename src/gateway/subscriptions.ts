import type { Express, Request, Response } from "express";
import { buildSchema, GraphQLError, GraphQLSchema } from "graphql";
import { createHandler } from "graphql-sse/lib/use/express";
import type { TokenVerifier } from "../platform/auth";
import type { EventBus } from "../platform/events/bus";
import type { HubEvent } from "../platform/events/event";
import type { Logger } from "../platform/logger";
import type { Principal } from "../platform/principal";

/** Where a partner app subscribes, beside the gateway's /graphql. */
export const STREAM_PATH = "/graphql/stream";

/**
 * What a subscriber is sent: its worklist's first page as the `worklist`
 * query answers it. The items are the supergraph's own, read through the
 * gateway as the subscriber (so the same access policy decides each, and
 * audits it), and a page is sent only when it differs from the last sent.
 */
const WORKLIST_SELECTION = `worklist(first: $first, kinds: $kinds) { items { id kind caseId recordType recordId openedAt dueAt overdue } endCursor hasNextPage }`;

const typeDefs = /* GraphQL */ `
  type Query {
    "Subscriptions are served here; ask queries at /graphql"
    streamInfo: String!
  }
  type Subscription {
    "Your organisation's worklist, sent on subscribing and again each time it changes for you"
    worklistChanged(first: Int = 20, kinds: [String!] = []): WorklistSnapshot!
  }
  type WorklistSnapshot {
    "Your worklist's first page, as the worklist query answers it (a JSON object)"
    worklist: String!
    "True for the snapshot sent on subscribing; false for each change after"
    initial: Boolean!
  }
`;

type StreamContext = {
  principal: Principal;
  authorization: string;
};

/** How long after an event a subscriber's list is read again where the first read found it unchanged (a consumer in another process may not have applied it yet). */
const SECOND_LOOK_MS = 500;

/**
 * GraphQL subscriptions over Server-Sent Events (the graphql-sse protocol),
 * served by the gateway. @apollo/gateway executes queries and mutations
 * only, so the stream is the gateway's own small schema; what it sends is
 * the supergraph's answer to the subscriber's own `worklist` query, re-read
 * as the subscriber whenever an event names the subscriber's organisation
 * as a party. Nothing is sent for an event whose record the subscriber may
 * not know of: its list does not change. A token that expires ends the
 * stream with UNAUTHENTICATED; the app subscribes again with a fresh one.
 */
export function subscriptionRoutes(options: { bus: EventBus; verifier: TokenVerifier; graphqlUrl: () => string; logger: Logger }): (app: Express) => void {
  const schema: GraphQLSchema = buildSchema(typeDefs);
  schema.getQueryType()!.getFields().streamInfo!.resolve = () => `subscribe at ${STREAM_PATH}`;
  const worklistChanged = schema.getSubscriptionType()!.getFields().worklistChanged!;
  worklistChanged.subscribe = (_root: unknown, args: { first: number; kinds: string[] }, ctx: StreamContext) => worklistStream(options, ctx, args);
  worklistChanged.resolve = (event: { worklistChanged: { worklist: unknown; initial: boolean } }) => ({
    worklist: JSON.stringify(event.worklistChanged.worklist),
    initial: event.worklistChanged.initial,
  });
  const handler = createHandler<StreamContext>({
    schema,
    authenticate: async (req) => {
      // graphql-sse's own token names the stream (its single-connection mode); who the caller is comes from the Authorization header, checked here.
      await options.verifier.verify(req.raw.headers.authorization);
      return req.raw.headers["x-graphql-event-stream-token"] ? String(req.raw.headers["x-graphql-event-stream-token"]) : crypto.randomUUID();
    },
    context: async (req) => ({ principal: await options.verifier.verify(req.raw.headers.authorization), authorization: String(req.raw.headers.authorization) }),
    onSubscribe: (_req, params) => {
      if (/^\s*subscription\b/.test(String(params.query))) return undefined;
      const message = `Only subscriptions are served at ${STREAM_PATH}; send queries and mutations to /graphql`;
      return [JSON.stringify({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] }), { status: 400, statusText: "Bad Request", headers: { "content-type": "application/json" } }];
    },
  });
  return (app) => {
    app.use(STREAM_PATH, async (req: Request, res: Response) => {
      try {
        await handler(req, res);
      } catch (error) {
        const unauthenticated = error instanceof GraphQLError && error.extensions.code === "UNAUTHENTICATED";
        if (!unauthenticated) options.logger.error({ err: error }, "subscription stream failed");
        if (!res.headersSent) res.status(unauthenticated ? 401 : 500).json({ errors: [{ message: unauthenticated ? error.message : "Internal server error", extensions: { code: unauthenticated ? "UNAUTHENTICATED" : "INTERNAL_SERVER_ERROR" } }] });
        else res.end();
      }
    });
  };
}

async function* worklistStream(
  options: { bus: EventBus; graphqlUrl: () => string },
  ctx: StreamContext,
  args: { first: number; kinds: string[] },
): AsyncGenerator<{ worklistChanged: { worklist: unknown; initial: boolean } }> {
  const pending: HubEvent[] = [];
  let wake: (() => void) | null = null;
  const stop = options.bus.listen((event) => {
    if (!event.parties.includes(ctx.principal.organisation)) return;
    pending.push(event);
    wake?.();
  });
  const read = async () => {
    const res = await fetch(options.graphqlUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: ctx.authorization },
      body: JSON.stringify({ query: `query WorklistForStream($first: Int, $kinds: [WorklistKind!]) { ${WORKLIST_SELECTION} }`, variables: { first: args.first, kinds: args.kinds } }),
    });
    const body = (await res.json()) as { data?: { worklist?: unknown }; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    if (body.errors?.length || !body.data?.worklist) {
      const [first] = body.errors ?? [];
      throw new GraphQLError(first?.message ?? "The worklist could not be read", { extensions: first?.extensions });
    }
    return body.data.worklist;
  };
  try {
    let last = await read();
    let sent = JSON.stringify(last);
    yield { worklistChanged: { worklist: last, initial: true } };
    for (;;) {
      if (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      // Events heard together are read once. Which event a change came from is not said: the outboxes are relayed
      // side by side, so one event's read can already show another's change, heard a moment later.
      if (pending.splice(0).length === 0) continue;
      last = await read();
      if (JSON.stringify(last) === sent) {
        await new Promise((resolve) => setTimeout(resolve, SECOND_LOOK_MS));
        pending.splice(0);
        last = await read();
      }
      const now = JSON.stringify(last);
      if (now === sent) continue;
      sent = now;
      yield { worklistChanged: { worklist: last, initial: false } };
    }
  } finally {
    stop();
  }
}
