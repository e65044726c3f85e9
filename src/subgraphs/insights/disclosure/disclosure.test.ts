import fc from "fast-check";
import {
  buildTable,
  cellKey,
  Coordinate,
  isSmallCount,
  linesOf,
  statisticSuppression,
  suppressCounts,
  suppressRates,
  SuppressionReason,
  TableShape,
  TOTAL,
} from "./disclosure";
import { DISCLOSURE_RULES, disclosureRuleInForce } from "./rules";

const RULE = disclosureRuleInForce("2026-10-01");

/** A body from rows of counts: rows × columns, row values r0.., column values c0... */
function grid(rows: number[][]): { shape: TableShape; body: Map<string, number> } {
  const shape: TableShape = {
    domains: [rows.map((_, r) => `r${r}`), (rows[0] ?? []).map((_, c) => `c${c}`)],
    margins: [true, true],
  };
  const body = new Map<string, number>();
  rows.forEach((row, r) => row.forEach((count, c) => body.set(cellKey([`r${r}`, `c${c}`]), count)));
  return { shape, body };
}

/** Every hidden cell that one line's total and its other visible cells would give away. */
function recoverable(shape: TableShape, hidden: ReadonlyMap<string, unknown>): string[] {
  return linesOf(shape)
    .map((line) => [line.total, ...line.members].filter((k) => hidden.has(k)))
    .filter((hiddenInLine) => hiddenInLine.length === 1)
    .map((hiddenInLine) => hiddenInLine[0] as string);
}

describe("the disclosure rule", () => {
  it("is versioned data with a source, and the rule in force is chosen by date", () => {
    expect(DISCLOSURE_RULES.length).toBeGreaterThan(0);
    for (const rule of DISCLOSURE_RULES) expect(rule.source).toMatch(/DOMAIN/);
    expect(RULE).toMatchObject({ id: "gm-victims-sdc-2026.1", minimumCount: 5, showZeros: true });
    expect(disclosureRuleInForce("2000-01-01")).toBe(DISCLOSURE_RULES[0]);
  });

  it.each([
    [0, false],
    [1, true],
    [2, true],
    [4, true],
    [5, false],
    [6, false],
    [1000, false],
  ])("treats a count of %i as small: %s", (count, small) => {
    expect(isSmallCount(count, RULE)).toBe(small);
  });

  it("hides zeros too under a rule that does not show them", () => {
    expect(isSmallCount(0, { ...RULE, showZeros: false })).toBe(true);
  });

  it.each([
    [0, false, null],
    [4, false, SuppressionReason.DENOMINATOR_SUPPRESSED],
    [5, false, null],
    [5, true, SuppressionReason.DENOMINATOR_SUPPRESSED],
    [40, true, SuppressionReason.DENOMINATOR_SUPPRESSED],
    [40, false, null],
  ])("a median over %i observations (count hidden: %s) is suppressed for %s", (count, hidden, reason) => {
    expect(statisticSuppression(count, hidden, RULE)).toBe(reason);
  });
});

describe("count suppression", () => {
  it("hides a small cell and enough others that it cannot be recovered from its row and column totals", () => {
    // Borough × disability: Bury has 3 disabled victims.
    const { shape, body } = grid([
      [40, 12, 9],
      [30, 3, 11],
      [25, 14, 8],
    ]);
    const table = buildTable(shape, body);
    const hidden = suppressCounts(shape, table, RULE);

    const small = cellKey(["r1", "c1"]);
    expect(hidden.get(small)).toBe(SuppressionReason.PRIMARY_SMALL_COUNT);
    // The row total (30+3+11) and the column total (12+3+14) stay shown...
    expect(hidden.has(cellKey(["r1", TOTAL]))).toBe(false);
    expect(hidden.has(cellKey([TOTAL, "c1"]))).toBe(false);
    // ...so at least one more cell in its row and one more in its column are hidden, each as a complement,
    const others = [...hidden].filter(([key]) => key !== small);
    expect(others.every(([, reason]) => reason === SuppressionReason.SECONDARY_COMPLEMENTARY)).toBe(true);
    expect(others.some(([key]) => key.startsWith("r1\u0000") && !key.endsWith("\u0001"))).toBe(true);
    expect(others.some(([key]) => key.endsWith("\u0000c1") && !key.startsWith("\u0001"))).toBe(true);
    // and no line (row or column with its total) is left with exactly one hidden cell.
    expect(recoverable(shape, hidden)).toEqual([]);
    // Worked through: 3 = row total 44 − 30 − 11 would need r1c2 shown; 3 = column total 29 − 12 − 14 would need both shown.
    const rowTotal = buildTable(shape, body).get(cellKey(["r1", TOTAL]))?.count;
    expect(rowTotal).toBe(44);
  });

  it("hides a total where it is the only other cell that could protect a small one", () => {
    // One column only: the row total equals the cell.
    const { shape, body } = grid([[3], [20]]);
    const table = buildTable(shape, body);
    const hidden = suppressCounts(shape, table, RULE);
    expect(hidden.get(cellKey(["r0", "c0"]))).toBe(SuppressionReason.PRIMARY_SMALL_COUNT);
    expect(hidden.get(cellKey(["r0", TOTAL]))).toBe(SuppressionReason.PRIMARY_SMALL_COUNT); // the total is 3 too
    expect(recoverable(shape, hidden)).toEqual([]);
  });

  it("shows zeros and hides nothing in a table without small counts", () => {
    const { shape, body } = grid([
      [0, 12],
      [30, 0],
    ]);
    const hidden = suppressCounts(shape, buildTable(shape, body), RULE);
    expect(hidden.size).toBe(0);
  });

  it("sums every margin exactly from the body", () => {
    const { shape, body } = grid([
      [1, 2],
      [3, 4],
    ]);
    const table = buildTable(shape, body);
    expect(table.get(cellKey(["r0", TOTAL]))?.count).toBe(3);
    expect(table.get(cellKey([TOTAL, "c1"]))?.count).toBe(6);
    expect(table.get(cellKey([TOTAL, TOTAL]))?.count).toBe(10);
  });
});

/** Random tables of 1 to 3 dimensions, 1 to 5 values each, some with no margin, counts skewed small. */
const tables = fc
  .array(fc.record({ size: fc.integer({ min: 1, max: 5 }), margin: fc.boolean() }), { minLength: 1, maxLength: 3 })
  .chain((dims) => {
    const shape: TableShape = {
      domains: dims.map((d, i) => Array.from({ length: d.size }, (_, v) => `d${i}v${v}`)),
      margins: dims.map((d) => d.margin),
    };
    const bodyCells = dims.reduce<string[][]>((acc, d, i) => acc.flatMap((p) => Array.from({ length: d.size }, (_, v) => [...p, `d${i}v${v}`])), [[]]);
    const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 200 }));
    return fc.tuple(fc.constant(shape), fc.array(count, { minLength: bodyCells.length, maxLength: bodyCells.length })).map(([s, counts]) => ({
      shape: s,
      body: new Map(bodyCells.map((coords, i) => [cellKey(coords as Coordinate[]), counts[i] as number])),
    }));
  });

describe("count suppression over random tables", () => {
  it("never leaves a line (a total and the cells it adds up) with exactly one hidden cell", () => {
    fc.assert(
      fc.property(tables, ({ shape, body }) => {
        const hidden = suppressCounts(shape, buildTable(shape, body), RULE);
        expect(recoverable(shape, hidden)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("hides every count from 1 to 4 and shows every zero not needed as a complement", () => {
    fc.assert(
      fc.property(tables, ({ shape, body }) => {
        const table = buildTable(shape, body);
        const hidden = suppressCounts(shape, table, RULE);
        for (const [key, cell] of table) {
          if (cell.count >= 1 && cell.count <= 4) expect(hidden.get(key)).toBe(SuppressionReason.PRIMARY_SMALL_COUNT);
          if (hidden.get(key) === SuppressionReason.PRIMARY_SMALL_COUNT) expect(cell.count >= 1 && cell.count <= 4).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("rate suppression", () => {
  it("gives no rate over a hidden denominator, and hides a rate whose numerator or complement is small", () => {
    // Victims' Code compliance by borough (one dimension): assessed and met.
    const shape: TableShape = { domains: [["A", "B", "C", "D"]], margins: [true] };
    const assessed = buildTable(shape, new Map([["A", 3], ["B", 50], ["C", 40], ["D", 60]]));
    const met = buildTable(shape, new Map([["A", 2], ["B", 48], ["C", 20], ["D", 30]]));
    const { denominators, rates } = suppressRates(shape, assessed, met, RULE);

    expect(denominators.get("A")).toBe(SuppressionReason.PRIMARY_SMALL_COUNT);
    expect(rates.get("A")).toBe(SuppressionReason.DENOMINATOR_SUPPRESSED);
    expect(rates.get("B")).toBe(SuppressionReason.PRIMARY_SMALL_COUNT); // 2 not met out of 50
    expect(rates.has("C") || rates.has("D") || rates.has(cellKey([TOTAL]))).toBe(true);
    expect(recoverable(shape, rates)).toEqual([]);
  });

  it("never lets a hidden rate's numerator be recovered from the totals, over random tables", () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 0, max: 2 ** 31 - 1 }), ({ shape, body }, seed) => {
        let x = seed;
        const numeratorBody = new Map([...body].map(([k, n]) => [k, n === 0 ? 0 : (x = (x * 1103515245 + 12345) % 2 ** 31) % (n + 1)]));
        const denominators = buildTable(shape, body);
        const numerators = buildTable(shape, numeratorBody);
        const result = suppressRates(shape, denominators, numerators, RULE);
        expect(recoverable(shape, result.denominators)).toEqual([]);
        expect(recoverable(shape, result.rates)).toEqual([]);
        for (const key of result.denominators.keys()) {
          if ((denominators.get(key)?.count ?? 0) > 0) expect(result.rates.has(key)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
