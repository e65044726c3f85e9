import { readFileSync } from "node:fs";
import { noteNumbers, NOTES, renderNotes, RunStats, targetsSummary, unrecordable } from "../bench/load";
import { time } from "../bench/timing";

/**
 * What `npm run bench` writes to bench/results.md: only a run that measured
 * something and met no error, and prose made from that run's numbers.
 * Synthetic figures; no bench is run here.
 */

const run = (overrides: Partial<RunStats> = {}): RunStats => ({
  requests: 1_000,
  rps: 50,
  p50: 800,
  p95: 1_200,
  p99: 1_900,
  non2xx: 0,
  transportErrors: 0,
  bodyErrors: 0,
  errorSamples: [],
  ...overrides,
});

describe("the load benchmark's record", () => {
  it("records a clean run", () => {
    expect(unrecordable({ "as deployed": run(), floor: run({ rps: 490, p95: 150 }) })).toEqual([]);
  });

  it("refuses a run with no requests, whose latencies would be NaN", () => {
    const empty = run({ requests: 0, rps: 0, p50: NaN, p95: NaN, p99: NaN });
    expect(unrecordable({ "as deployed": run(), "permit-all": empty })).toEqual([
      "permit-all: no requests completed",
      "permit-all: p50 is NaN",
      "permit-all: p95 is NaN",
      "permit-all: p99 is NaN",
    ]);
  });

  it("refuses a run that met errors of any kind", () => {
    const problems = unrecordable({ floor: run({ transportErrors: 3 }), "as deployed": run({ non2xx: 1, bodyErrors: 2, errorSamples: ['{"errors":[{"extensions":{"code":"SOURCE_UNAVAILABLE"}}]}'] }) });
    expect(problems).toEqual([
      "floor: 3 transport errors or failed fetches",
      "as deployed: 1 non-2xx answers",
      expect.stringMatching(/^as deployed: 2 answers with GraphQL errors \(e\.g\. .*SOURCE_UNAVAILABLE/),
    ]);
  });

  it("says which targets this run met, from its verdicts", () => {
    const verdicts = (met: boolean[]) => ["throughput", "the cost of authorisation and audit", "the distance from bare SQL"].map((name, i) => ({ name, met: met[i] }));
    expect(targetsSummary(verdicts([false, true, true]))).toBe("Two of the three targets are met; throughput is not.");
    expect(targetsSummary(verdicts([true, true, true]))).toBe("Three of the three targets are met.");
    expect(targetsSummary(verdicts([false, true, false]))).toBe("One of the three targets is met; throughput and the distance from bare SQL are not.");
  });

  it("puts this run's numbers into the notes, and refuses a note quoting a number the run does not have", () => {
    const numbers = noteNumbers(run({ rps: 61.4 }), run({ rps: 58 }), run({ rps: 512, p95: 140 }), [{ rows: 1, sql: 35, police: 4, pankhurst: 1 }]);
    expect(renderNotes("as deployed {{guarded.rps}}/s, floor {{ floor.rps }}/s, {{sqlPerRequest}} statements", numbers)).toBe("as deployed 61/s, floor 512/s, 35 statements");
    expect(() => renderNotes("{{guarded.p42}}", numbers)).toThrow(/names \{\{guarded\.p42\}\}/);
    // The notes as committed quote only numbers the report has, and no figure of a past run as if it were this one's.
    const notes = renderNotes(readFileSync(NOTES, "utf8"), numbers);
    expect(notes).toContain("61 requests/s against 58");
    expect(notes).not.toMatch(/targets are met|56 requests\/s each|reaches 492/);
  });

  it("refuses to time no rounds, which would make every figure NaN", async () => {
    await expect(time(async () => undefined, 0, 0)).rejects.toThrow(/rounds must be a whole number of at least 1/);
  });
});
