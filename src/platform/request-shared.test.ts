import { sharedWithinRequest } from "./request-shared";
import { withRequestId } from "./sql-metrics";

/** A batch source that records every call's keys and answers each key with itself and how many calls came before. */
function source() {
  const calls: string[][] = [];
  let failNext = false;
  return {
    calls,
    failOnce: () => (failNext = true),
    connector: {
      async lookup(keys: readonly string[]): Promise<string[]> {
        calls.push([...keys]);
        if (failNext) {
          failNext = false;
          throw new Error("source down");
        }
        return keys.map((key) => `${key}@${calls.length}`);
      },
      async other(keys: readonly string[]): Promise<string[]> {
        calls.push(["other", ...keys]);
        return [...keys];
      },
    },
  };
}

describe("a source's answers shared within one request", () => {
  it("asks for a key once per request, whichever subgraph asks, and only the keys not yet asked", async () => {
    const s = source();
    const shared = sharedWithinRequest(s.connector, ["lookup"]);
    await withRequestId("request-1", async () => {
      expect(await shared.lookup(["a", "b"])).toEqual(["a@1", "b@1"]);
      expect(await shared.lookup(["b", "c", "c"])).toEqual(["b@1", "c@2", "c@2"]);
    });
    expect(s.calls).toEqual([["a", "b"], ["c"]]);
  });

  it("shares nothing between requests, nor outside one, nor for a method not named", async () => {
    const s = source();
    const shared = sharedWithinRequest(s.connector, ["lookup"]);
    await withRequestId("request-1", () => shared.lookup(["a"]));
    expect(await withRequestId("request-2", () => shared.lookup(["a"]))).toEqual(["a@2"]);
    expect(await shared.lookup(["a"])).toEqual(["a@3"]);
    expect(await shared.lookup(["a"])).toEqual(["a@4"]);
    await withRequestId("request-2", async () => {
      await shared.other(["x"]);
      await shared.other(["x"]);
    });
    expect(s.calls.filter((c) => c[0] === "other")).toHaveLength(2);
  });

  it("forgets a failed call, so the request's next ask tries the source again", async () => {
    const s = source();
    const shared = sharedWithinRequest(s.connector, ["lookup"]);
    await withRequestId("request-1", async () => {
      s.failOnce();
      await expect(shared.lookup(["a"])).rejects.toThrow("source down");
      expect(await shared.lookup(["a"])).toEqual(["a@2"]);
    });
  });
});
