import { randomUUID } from "node:crypto";
import type { Logger } from "./logger";

/** What every request carries, in the gateway and in each subgraph. */
export interface RequestContext {
  requestId: string;
  logger: Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Keeps a caller's request id when it is well-formed, so one id follows a request through every hop. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && REQUEST_ID.test(value) ? value : randomUUID();
}
