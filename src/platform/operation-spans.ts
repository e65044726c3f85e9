import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { tracer } from "./tracing";

export interface OperationSpansOptions {
  /** The subgraph serving the operation, on each span as `casebridge.subgraph`. */
  subgraph: string;
}

/** Operation names come from callers (or the gateway's plan): long enough to read, too short to smuggle a record in. */
const MAX_NAME_LENGTH = 100;

/**
 * One span per GraphQL operation a subgraph runs (the gateway's own come
 * from @apollo/gateway: gateway.request, gateway.fetch), carrying the
 * operation's name and type as OpenTelemetry's GraphQL conventions name
 * them, and the error codes of a failed one: never the document, whose
 * literals may hold data, nor the variables.
 */
export function useOperationSpans<TContext extends BaseContext>({ subgraph }: OperationSpansOptions): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const span = tracer().startSpan("graphql", { kind: SpanKind.INTERNAL, attributes: { "casebridge.subgraph": subgraph } });
      return {
        async didResolveOperation({ operation, operationName }) {
          const type = operation?.operation ?? "unknown";
          const name = operationName?.slice(0, MAX_NAME_LENGTH);
          span.updateName(name ? `${type} ${name}` : type);
          span.setAttribute("graphql.operation.type", type);
          if (name) span.setAttribute("graphql.operation.name", name);
        },
        async willSendResponse({ errors }) {
          if (errors?.length) {
            const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR")))];
            span.setAttribute("casebridge.error_codes", codes);
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(",") });
          }
          span.end();
        },
      };
    },
  };
}
