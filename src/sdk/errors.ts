/**
 * Typed errors for front ends. Every error a Casebridge response carries has
 * `extensions.code` (docs/errors.md); this module turns the raw GraphQL error
 * list into a discriminated union and pairs each null field with the error
 * that explains it, so a screen can say *why* a field is missing.
 *
 * No imports from the server: the SDK is a package of its own (package.json
 * here) that a partner's app installs, so the server's lists are repeated
 * here and tests keep each equal to the server's.
 */

/** Our own codes (src/platform/errors.ts ErrorCode; a test keeps the two lists equal). */
export const CASEBRIDGE_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_INPUT",
  "CONFLICT",
  "SOURCE_UNAVAILABLE",
  "OPERATION_LIMIT_EXCEEDED",
  "INTERNAL_SERVER_ERROR",
] as const;
export type CasebridgeErrorCode = (typeof CASEBRIDGE_ERROR_CODES)[number];

/**
 * Codes for a problem with the request itself, from Apollo Server and the
 * gateway (src/platform/errors.ts REQUEST_ERROR_CODES; a test keeps the two lists equal).
 */
export const REQUEST_ERROR_CODES = [
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_NOT_IN_SAFELIST",
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

/** Why a field was withheld (src/policy/decide.ts DenyReason; a test keeps the two lists equal). */
export const DENY_REASONS = [
  "NOT_AUTHENTICATED",
  "NO_AGREEMENT",
  "PURPOSE_NOT_COVERED",
  "NO_CONSENT",
  "CONSENT_WITHDRAWN",
  "NO_RELATIONSHIP",
  "ROLE_NOT_PERMITTED",
] as const;
export type DenyReasonCode = (typeof DENY_REASONS)[number];

/** Why a supervisor's break-glass was refused for a whole request (no path): the ordinary answer stands (src/policy/break-glass.ts). */
export const BREAK_GLASS_REFUSALS = ["BREAK_GLASS_LIMIT_REACHED"] as const;
export type BreakGlassRefusalCode = (typeof BREAK_GLASS_REFUSALS)[number];

export type ResponsePath = readonly (string | number)[];

interface ErrorBase {
  message: string;
  /** Where in `data` the error belongs; absent for an error about the whole request. */
  path?: ResponsePath;
}

/** One error of a Casebridge response, narrowed by `code`. */
export type CasebridgeError =
  /** The field was withheld: show the rest, say it is withheld and why. */
  | (ErrorBase & { code: "FORBIDDEN"; reason: DenyReasonCode | BreakGlassRefusalCode })
  /** A source system did not answer: show the rest, mark that source's data unavailable, retry later. */
  | (ErrorBase & { code: "SOURCE_UNAVAILABLE"; source: string; reason?: string })
  /**
   * An argument was refused: show the message beside the input `argument` names
   * (`input.victim.givenName`), or the request `header` (x-break-glass-reason).
   * Over a declared bound, `maxLength` (characters) or `maxItems` gives it, for
   * the input's own limit.
   */
  | (ErrorBase & { code: "INVALID_INPUT" | "NOT_FOUND"; argument?: string; header?: string; maxLength?: number; maxItems?: number })
  | (ErrorBase & { code: Exclude<CasebridgeErrorCode, "FORBIDDEN" | "SOURCE_UNAVAILABLE" | "INVALID_INPUT" | "NOT_FOUND"> })
  | (ErrorBase & { code: RequestErrorCode });

/** A GraphQL error as it arrives over the wire. */
export interface RawGraphQLError {
  message: string;
  path?: ResponsePath;
  extensions?: Record<string, unknown>;
}

const KNOWN_CODES = new Set<string>([...CASEBRIDGE_ERROR_CODES, ...REQUEST_ERROR_CODES] satisfies (CasebridgeErrorCode | RequestErrorCode)[]);
const isForbiddenReason = (value: unknown): value is DenyReasonCode | BreakGlassRefusalCode =>
  (DENY_REASONS as readonly unknown[]).includes(value) || (BREAK_GLASS_REFUSALS as readonly unknown[]).includes(value);

/**
 * Narrows one wire error. A code this SDK does not know (a newer server) reads
 * as INTERNAL_SERVER_ERROR, and a FORBIDDEN without a known reason as
 * ROLE_NOT_PERMITTED, so a screen's `switch` stays exhaustive.
 */
export function toCasebridgeError(raw: RawGraphQLError): CasebridgeError {
  const ext = raw.extensions ?? {};
  const base: ErrorBase = raw.path ? { message: raw.message, path: raw.path } : { message: raw.message };
  const code = typeof ext.code === "string" && KNOWN_CODES.has(ext.code) ? (ext.code as CasebridgeError["code"]) : "INTERNAL_SERVER_ERROR";
  switch (code) {
    case "FORBIDDEN":
      return { ...base, code, reason: isForbiddenReason(ext.reason) ? ext.reason : "ROLE_NOT_PERMITTED" };
    case "SOURCE_UNAVAILABLE":
      return { ...base, code, source: typeof ext.source === "string" ? ext.source : "unknown", ...(typeof ext.reason === "string" ? { reason: ext.reason } : {}) };
    case "INVALID_INPUT":
    case "NOT_FOUND":
      return {
        ...base,
        code,
        ...(typeof ext.argument === "string" ? { argument: ext.argument } : {}),
        ...(typeof ext.header === "string" ? { header: ext.header } : {}),
        ...(typeof ext.maxLength === "number" ? { maxLength: ext.maxLength } : {}),
        ...(typeof ext.maxItems === "number" ? { maxItems: ext.maxItems } : {}),
      };
    default:
      return { ...base, code } as CasebridgeError;
  }
}

/** A response whose data is typed by the operation and whose errors are typed by code. */
export interface CasebridgeResult<TData> {
  data: TData | null;
  errors: CasebridgeError[];
}

const startsWith = (path: ResponsePath, prefix: ResponsePath) => prefix.length <= path.length && prefix.every((step, i) => path[i] === step);

/**
 * Why the value at `path` is null: the error at that path, or one below it
 * whose null bubbled up to it (a refused non-null field nulls its parent).
 * Undefined when nothing went wrong there (the value is simply empty).
 */
export function whyNull(errors: readonly CasebridgeError[], path: ResponsePath): CasebridgeError | undefined {
  return errors.find((e) => e.path && e.path.length === path.length && startsWith(e.path, path)) ?? errors.find((e) => e.path && startsWith(e.path, path));
}

/** A null in the data, paired with the error that explains it (null when the value is simply empty). */
export interface NullField {
  path: ResponsePath;
  error: CasebridgeError | null;
}

/** Every null in `data`, each paired by path with its error: what a screen shows as withheld, unavailable, or empty. */
export function nullFields(result: CasebridgeResult<unknown>): NullField[] {
  const found: NullField[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (value === null) {
      found.push({ path, error: whyNull(result.errors, path) ?? null });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
    } else if (typeof value === "object" && value !== undefined) {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) walk(item, [...path, key]);
    }
  };
  if (result.data !== null) walk(result.data, []);
  return found;
}
