import { randomUUID } from "node:crypto";
import type { Logger } from "./logger";

/** What every request carries, in the gateway and in each subgraph. */
export interface RequestContext {
  /** The hub's own id for the request: made by the gateway, the same in every subgraph it reaches. */
  requestId: string;
  /** The x-request-id the caller sent, if well-formed: for the caller's own tracing, never used to correlate. */
  callerRequestId: string | null;
  logger: Logger;
}

/** The caller's request id, as it sent it in `x-request-id`. */
export const CALLER_REQUEST_ID_HEADER = "x-request-id";
/** The hub's own request id, sent by the gateway to each subgraph. */
export const HUB_REQUEST_ID_HEADER = "x-casebridge-request-id";
/** The caller's request id, passed on by the gateway to each subgraph for its audit. */
export const FORWARDED_CALLER_REQUEST_ID_HEADER = "x-casebridge-caller-request-id";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function first(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

/** A caller's request id when it is well-formed, else null: kept beside the hub's, never in its place. */
export function callerRequestIdFrom(header: string | string[] | undefined): string | null {
  const value = first(header);
  return value !== undefined && REQUEST_ID.test(value) ? value : null;
}

/**
 * The request's id. The gateway always makes its own, so that no caller
 * can file its events under another organisation's request. A subgraph
 * takes the one the gateway sent (in production only the gateway reaches a
 * subgraph), else makes its own.
 */
export function hubRequestIdFrom(forwarded: string | string[] | undefined): string {
  const value = first(forwarded);
  return value !== undefined && UUID.test(value) ? value : randomUUID();
}
