import { GraphQLError, GraphQLFormattedError } from "graphql";
import { SourceUnavailableError } from "../../connectors/contract";

/** The codes a client may see in `extensions.code`. See docs/errors.md. */
export enum ErrorCode {
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  NOT_FOUND = "NOT_FOUND",
  INVALID_INPUT = "INVALID_INPUT",
  CONFLICT = "CONFLICT",
  SOURCE_UNAVAILABLE = "SOURCE_UNAVAILABLE",
  /** An operation over a gateway limit (depth, aliases, tokens, directives, cost); `extensions.limit` names it. */
  OPERATION_LIMIT_EXCEEDED = "OPERATION_LIMIT_EXCEEDED",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

const OUR_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Codes Apollo Server and the gateway set themselves for problems with the
 * request, whose messages are written for the client and are safe to pass on.
 */
export const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  // The gateway in safelist mode (src/gateway/safelist.ts) refused an operation that is not persisted.
  "OPERATION_NOT_IN_SAFELIST",
]);

/** The one way to build an error a client will see. */
export function appError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...details, code } });
}

/**
 * Calls a connector; a SourceUnavailableError becomes SOURCE_UNAVAILABLE, a
 * coded error that graphql-shield lets through (fallbackError in
 * src/policy/shield.ts) so the rest of the response still comes back.
 */
export async function fromSource<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw error instanceof SourceUnavailableError ? sourceUnavailableError(error) : error;
  }
}

/**
 * Every error leaves with an `extensions.code`; outside development, anything
 * that is not one of our coded errors or a request error loses its message and
 * stack (they can carry SQL, hostnames or personal data).
 */
export function formatError(formatted: GraphQLFormattedError, development: boolean): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : undefined;
  const known = code !== undefined && (REQUEST_ERROR_CODES.has(code) || (OUR_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR));
  if (development) {
    return { ...formatted, extensions: { ...formatted.extensions, code: code ?? ErrorCode.INTERNAL_SERVER_ERROR } };
  }
  if (known) {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * The one mapping of a source system that could not answer
 * (connectors/contract.ts) to the error a client sees: SOURCE_UNAVAILABLE,
 * naming the source and why, never the connector's own message (it can
 * carry hostnames). `path` places it on the field whose data is missing or
 * incomplete; the rest of the response still comes back.
 */
export function sourceUnavailableError(
  error: { source: string; reason: string },
  path?: readonly (string | number)[],
): GraphQLError {
  return new GraphQLError(`${error.source} did not answer (${error.reason}); its part of this data is missing`, {
    path,
    extensions: { code: ErrorCode.SOURCE_UNAVAILABLE, source: error.source, reason: error.reason },
  });
}
