import fc from "fast-check";
import { CELL_KEY_RANGE, cellKeyOf, PerturbationTable, perturbationTable } from "./cell-key";
import { DISCLOSURE_RULES, disclosureRuleInForce } from "./rules";

const RULE = disclosureRuleInForce("2026-12-03");
const TABLE = perturbationTable(RULE.cellKey!);
const D = RULE.cellKey!.maximumPerturbation;

/** Every cell key's perturbation of one count: the lookup is uniform over keys, so these are the noise's distribution. */
const perturbationsOf = (table: PerturbationTable, count: number) => Array.from({ length: CELL_KEY_RANGE }, (_, k) => table.perturbation(count, k));
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("the cell-key method", () => {
  it("is the rule in force from 2026-12-03, with its source, and the rule before it perturbs nothing", () => {
    expect(RULE).toMatchObject({ id: "gm-victims-sdc-2026.2", cellKey: { maximumPerturbation: 5, variance: 3 } });
    expect(RULE.source).toMatch(/cell-key method/);
    expect(disclosureRuleInForce("2026-12-02").cellKey).toBeUndefined();
    expect(DISCLOSURE_RULES.map((r) => r.effectiveFrom)).toEqual([...DISCLOSURE_RULES.map((r) => r.effectiveFrom)].sort());
  });

  it("takes a cell's key as its record keys' sum modulo 256", () => {
    expect(cellKeyOf(0)).toBe(0);
    expect(cellKeyOf(255)).toBe(255);
    expect(cellKeyOf(256 + 17)).toBe(17);
    expect(cellKeyOf(3 * 256)).toBe(0);
  });

  it("never perturbs a zero, never takes a non-zero count to zero or below, and never by more than D", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 10_000_000 }), (count, keySum) => {
        const published = TABLE.perturb(count, cellKeyOf(keySum));
        if (count === 0) return published === 0;
        return published >= 1 && Math.abs(published - count) <= D;
      }),
    );
  });

  it("is unbiased for every count and has the rule's variance where the count allows it, to within the 1/256 of a key", () => {
    for (let count = 1; count <= 50; count++) {
      const ds = perturbationsOf(TABLE, count);
      expect(Math.abs(mean(ds))).toBeLessThanOrEqual(D / CELL_KEY_RANGE);
    }
    const large = perturbationsOf(TABLE, 1_000);
    expect(Math.abs(mean(large.map((d) => d * d)) - RULE.cellKey!.variance)).toBeLessThan(0.1);
    // The largest perturbation is used, so the published D is what a reader should allow for.
    expect(Math.max(...large.map(Math.abs))).toBe(D);
    // A count of 1 can only stay or rise, so, unbiased, it stays.
    expect(new Set(perturbationsOf(TABLE, 1))).toEqual(new Set([0]));
  });

  it("gives the same facts the same perturbation, and different facts independent ones", () => {
    expect(TABLE.perturb(37, 200)).toBe(TABLE.perturb(37, 200));
    expect(new Set(perturbationsOf(TABLE, 37)).size).toBeGreaterThan(5);
  });

  it("refuses a table it cannot build and a count that is not one", () => {
    expect(() => new PerturbationTable({ maximumPerturbation: -1, variance: 1 })).toThrow(/maximum perturbation/);
    expect(() => TABLE.perturb(-1, 0)).toThrow(/count/);
    expect(() => TABLE.perturb(1.5, 0)).toThrow(/count/);
  });
});
