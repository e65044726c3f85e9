import canonicalize from "canonicalize";

/** A JSON value as an audit event may hold it: what JSON.parse returns. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

// Names the encoding inside every leaf, so a later encoding can never hash
// to the same leaf as this one.
const BATCH_FORMAT = "casebridge/audit-batch/v1";

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: no
 * whitespace, object keys sorted by UTF-16 code units, numbers and strings as
 * ECMAScript's JSON.stringify writes them. The same value always gives the
 * same text, whatever order or spacing it was read in. The work is the
 * `canonicalize` package's, by an author of the RFC (its last CommonJS
 * release, which the hub's CommonJS build can load); this adds only that a
 * value with no JSON text is refused rather than hashed as nothing.
 */
export function canonicalJson(value: JsonValue): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError(`${typeof value} is not a JSON value`);
  return text;
}

/**
 * The leaf for one batch of audit events: the UTF-8 bytes of the canonical
 * JSON of {"events": [...], "format": "casebridge/audit-batch/v1"}. A data
 * owner given the events recomputes it byte for byte; the events' order is
 * kept, since the order is part of what the log records.
 */
export function encodeAuditBatch(events: readonly JsonValue[]): Uint8Array {
  if (events.length === 0) throw new RangeError("a batch holds at least one event");
  return Buffer.from(canonicalJson({ events, format: BATCH_FORMAT }), "utf8");
}
