/** A JSON value as an audit event may hold it: what JSON.parse returns. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

// Names the encoding inside every leaf, so a later encoding can never hash
// to the same leaf as this one.
const BATCH_FORMAT = "casebridge/audit-batch/v1";

// A string holding half of a UTF-16 surrogate pair has no UTF-8 form: RFC 8785 §3.2.2.2 requires valid Unicode.
// Most strings have no surrogate at all, and the first test settles those at a fraction of the second's cost.
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: no
 * whitespace, object keys sorted by UTF-16 code units, and numbers and
 * strings written as ECMAScript's JSON.stringify writes them, which is what
 * RFC 8785 §3.2.2 adopts. The same value always gives the same text, whatever
 * order or spacing it was read in. (The project lists no canonical-JSON
 * library; this is the scheme's whole rule set.)
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`JSON has no number ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === "string") {
    if (SURROGATE.test(value) && LONE_SURROGATE.test(value)) throw new TypeError("a string holds a lone surrogate, which has no UTF-8 form");
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonicalJson(item)).join(",")}]`;
  if (typeof value === "object" && isPlainObject(value)) {
    const record = value as { readonly [key: string]: JsonValue };
    const members = Object.keys(record)
      .sort()
      .map((key) => `${canonicalJson(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(",")}}`;
  }
  throw new TypeError(`${typeof value} is not a JSON value`);
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
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
