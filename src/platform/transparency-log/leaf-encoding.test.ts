import { canonicalJson, encodeAuditBatch, JsonValue } from "./leaf-encoding";

describe("canonicalJson", () => {
  it("sorts keys by UTF-16 code units and drops whitespace, as RFC 8785 writes its example", () => {
    // RFC 8785 §3.2.3's sorting example: keys in UTF-16 order, whatever order they came in.
    const value = JSON.parse('{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}');
    const rfcOrder = ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33"];
    expect(canonicalJson(value)).toBe(`{${rfcOrder.map((key) => `${JSON.stringify(key)}:${JSON.stringify(value[key])}`).join(",")}}`);
    expect(canonicalJson(JSON.parse('{ "b" : [1, 2.50, -0, 1e21], "a": { "z": null, "y": true } }'))).toBe('{"a":{"y":true,"z":null},"b":[1,2.5,0,1e+21]}');
  });

  it("refuses what JSON cannot carry exactly, and writes half a surrogate pair as an escape, never as broken UTF-8", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => canonicalJson(undefined as unknown as JsonValue)).toThrow(TypeError);
    expect(canonicalJson("\ud800")).toBe('"\\ud800"');
  });
});

describe("encodeAuditBatch", () => {
  const event = { at: "2026-01-01T00:00:00.000Z", actor: "synthetic-caseworker-1", decision: "PERMIT", records: ["rec-1"] };

  it("gives the same leaf for the same events however their keys were ordered or spaced", () => {
    const reordered = JSON.parse('{ "records": ["rec-1"], "decision": "PERMIT", "actor": "synthetic-caseworker-1", "at": "2026-01-01T00:00:00.000Z" }');
    expect(Buffer.from(encodeAuditBatch([reordered])).equals(encodeAuditBatch([event]))).toBe(true);
    expect(Buffer.from(encodeAuditBatch([event])).toString("utf8")).toBe(
      '{"events":[{"actor":"synthetic-caseworker-1","at":"2026-01-01T00:00:00.000Z","decision":"PERMIT","records":["rec-1"]}],"format":"casebridge/audit-batch/v1"}',
    );
  });

  it("keeps the events' order as part of the leaf, and refuses an empty batch", () => {
    const other = { ...event, actor: "synthetic-caseworker-2" };
    expect(Buffer.from(encodeAuditBatch([event, other])).equals(encodeAuditBatch([other, event]))).toBe(false);
    expect(() => encodeAuditBatch([])).toThrow(RangeError);
  });
});
