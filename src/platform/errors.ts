import { GraphQLError, GraphQLFormattedError } from "graphql";
import { SourceUnavailableError, UnavailableReason } from "../../connectors/contract";

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

const auditedRefusals = new WeakSet<Error>();

/**
 * A refusal whose thrower has written its audit event already (a refused
 * referral, say, audited with the agreement and consent it was asked under),
 * so the audit of refused root fields does not write a second one.
 */
export function auditedRefusal(error: GraphQLError): GraphQLError {
  auditedRefusals.add(error);
  return error;
}

/** Whether the error, or the error it wraps (graphql-js locates a thrown error in a new one), was marked audited. */
export function isAuditedRefusal(error: GraphQLError): boolean {
  return auditedRefusals.has(error) || (error.originalError !== undefined && auditedRefusals.has(error.originalError));
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

/** An error with this code leaves as a bare INTERNAL_SERVER_ERROR (formatError): the server's log is the only place its cause is kept. */
export function isMasked(code: unknown): boolean {
  return typeof code !== "string" || !(REQUEST_ERROR_CODES.has(code) || (OUR_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR));
}

/**
 * Every error leaves with an `extensions.code`; outside development, anything
 * that is not one of our coded errors or a request error loses its message and
 * stack (they can carry SQL, hostnames or personal data).
 */
export function formatError(formatted: GraphQLFormattedError, development: boolean): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === "string" ? formatted.extensions.code : undefined;
  const known = !isMasked(code);
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

/** `extensions.source` of SOURCE_UNAVAILABLE when the hub's own store (PostgreSQL or PGlite) did not answer. */
export const HUB_STORE_SOURCE = "hub-store";

/** SQLSTATE classes that mean the database or the path to it failed (PostgreSQL manual, Appendix A). */
const STORE_CONNECTION_FAILURES = [/^08/, /^57P0[1-3]$/, /^53/];
/** query_canceled: what statement_timeout raises. */
const STATEMENT_TIMEOUT = "57014";
const NETWORK_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTCONN"]);
/** What the pg driver says when the connection is lost or never made, or an answer is overdue (it gives these no code). */
const PG_NETWORK_MESSAGES = /Connection terminated|not queryable|Client was closed|Connection ended|connection error/i;
const PG_TIMEOUT_MESSAGES = /Query read timeout|timeout exceeded when trying to connect/i;

/**
 * Why the hub's own store failed a statement, when it failed because the
 * store was down, unreachable or too slow (not because the statement was
 * wrong: those stay internal errors); undefined otherwise. Reads the pg
 * driver's error, also where TypeORM wrapped it (QueryFailedError.driverError).
 */
export function storeFailureReason(error: unknown): Extract<UnavailableReason, "TIMEOUT" | "NETWORK"> | undefined {
  for (let e: unknown = error, depth = 0; typeof e === "object" && e !== null && depth < 3; depth++) {
    const code = "code" in e && typeof e.code === "string" ? e.code : undefined;
    const message = e instanceof Error ? e.message : "";
    if (code === STATEMENT_TIMEOUT || PG_TIMEOUT_MESSAGES.test(message)) return "TIMEOUT";
    if ((code && (NETWORK_ERRNOS.has(code) || STORE_CONNECTION_FAILURES.some((p) => p.test(code)))) || PG_NETWORK_MESSAGES.test(message)) return "NETWORK";
    e = "driverError" in e ? e.driverError : "cause" in e ? e.cause : undefined;
  }
  return undefined;
}

/**
 * The coded error for a statement the hub's own store could not answer:
 * SOURCE_UNAVAILABLE naming the store and why, never the driver's message
 * (it can carry SQL, a host or data). Undefined for any other error.
 */
export function storeUnavailable(error: unknown): GraphQLError | undefined {
  const reason = storeFailureReason(error);
  return reason && sourceUnavailableError({ source: HUB_STORE_SOURCE, reason });
}

/** serialization_failure and deadlock_detected: the store rolled the transaction back for a concurrent one (PostgreSQL manual, Appendix A, class 40). */
const CONCURRENT_CHANGE = new Set(["40001", "40P01"]);

/** Whether the store refused a statement because a concurrent transaction touched the same rows (read through TypeORM's wrapper as storeFailureReason does). */
export function isConcurrentChange(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; typeof e === "object" && e !== null && depth < 3; depth++) {
    if ("code" in e && typeof e.code === "string" && CONCURRENT_CHANGE.has(e.code)) return true;
    e = "driverError" in e ? e.driverError : "cause" in e ? e.cause : undefined;
  }
  return false;
}

/**
 * The coded error for a statement the hub's own store refused for a reason
 * of its own, not of the statement: SOURCE_UNAVAILABLE where it was down or
 * too slow, CONFLICT where a concurrent change made it roll the work back
 * (nothing was written; reload and try again). Undefined for any other error.
 */
export function storeError(error: unknown): GraphQLError | undefined {
  return (
    storeUnavailable(error) ??
    (isConcurrentChange(error) ? appError(ErrorCode.CONFLICT, "A concurrent change to the same records stopped this; nothing was written, try again", { reason: "CONCURRENT_CHANGE" }) : undefined)
  );
}
