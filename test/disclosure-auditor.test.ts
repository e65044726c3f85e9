import { auditDisclosure, boundsOf, defaultPopulation, numeratorTable, PublishedCell, PublishedTable } from "../bench/disclosure-auditor";
import { replaceSection } from "../bench/disclosure-audit";
import { auditorSection } from "../bench/results-file";

/**
 * The auditor's LP on tables small enough to solve by hand: boroughs A and B,
 * ethnic groups X and Y. The true counts are
 *
 *        X   Y   all
 *   A    2  10   12
 *   B    7   8   15
 *   all  9  18   27
 *
 * and the 2 is a small count. One table, suppressed as the hub suppresses it
 * (both rows and both columns have two hidden cells), leaves A×X anywhere in
 * 1…4; the same boroughs filtered to Y give back A×Y = 10 and so A×X = 2.
 */
const domains = { BOROUGH: ["A", "B"], ETHNIC_GROUP: ["X", "Y"] };
const rule = { id: "test", minimumCount: 5 };

const shown = (value: number) => ({ value, suppressed: false, suppressionReason: null });
const small = { value: null, suppressed: true, suppressionReason: "PRIMARY_SMALL_COUNT" };
const complement = { value: null, suppressed: true, suppressionReason: "SECONDARY_COMPLEMENTARY" };
const cell = (coordinates: Record<string, string | null>, count: PublishedCell["count"]): PublishedCell => ({
  coordinates: Object.entries(coordinates).map(([dimension, value]) => ({ dimension, value })),
  count,
});

const boroughByGroup: PublishedTable = {
  measure: "REFERRALS",
  by: ["BOROUGH", "ETHNIC_GROUP"],
  filter: {},
  cells: [
    cell({ BOROUGH: "A", ETHNIC_GROUP: "X" }, small),
    cell({ BOROUGH: "A", ETHNIC_GROUP: "Y" }, complement),
    cell({ BOROUGH: "A", ETHNIC_GROUP: null }, shown(12)),
    cell({ BOROUGH: "B", ETHNIC_GROUP: "X" }, complement),
    cell({ BOROUGH: "B", ETHNIC_GROUP: "Y" }, complement),
    cell({ BOROUGH: "B", ETHNIC_GROUP: null }, shown(15)),
    cell({ BOROUGH: null, ETHNIC_GROUP: "X" }, shown(9)),
    cell({ BOROUGH: null, ETHNIC_GROUP: "Y" }, shown(18)),
    cell({ BOROUGH: null, ETHNIC_GROUP: null }, shown(27)),
  ],
};
const boroughOfY: PublishedTable = {
  measure: "REFERRALS",
  by: ["BOROUGH"],
  filter: { values: { ETHNIC_GROUP: ["Y"] } },
  cells: [cell({ BOROUGH: "A" }, shown(10)), cell({ BOROUGH: "B" }, shown(8)), cell({ BOROUGH: null }, shown(18))],
};
const AX = { table: 0, cell: 0 };

describe("the disclosure auditor's linear programme", () => {
  it("leaves a suppressed small count anywhere in 1 to 4 when only its own table is published", async () => {
    const result = await auditDisclosure([boroughByGroup], rule, { protectedCells: [AX], domains });
    expect(result.intervals).toEqual([expect.objectContaining({ ...AX, min: 1, max: 4, width: 3 })]);
    // The published band alone is 3 wide, under the rule's threshold of 4; at a threshold of 3 it is no leak.
    expect(result.leaks).toHaveLength(1);
    const lenient = await auditDisclosure([boroughByGroup], rule, { protectedCells: [AX], domains, threshold: 3 });
    expect(lenient.leaks).toEqual([]);
  });

  it("pins the suppressed count exactly when the same boroughs filtered to the other group are published", async () => {
    const result = await auditDisclosure([boroughByGroup, boroughOfY], rule, { protectedCells: [AX], domains });
    expect(result.narrowest).toEqual(expect.objectContaining({ ...AX, min: 2, max: 2, width: 0 }));
    expect(result.leaks).toHaveLength(1);
    expect(result.threshold).toBe(4);
  });

  it("does not pin it when every published count may be off by one (cell-key perturbation)", async () => {
    const result = await auditDisclosure([boroughByGroup, boroughOfY], { ...rule, maximumPerturbation: 1 }, { protectedCells: [AX], domains, threshold: 3 });
    // A×X = (A total) − (A×Y): [11, 13] − [9, 11] = [0, 4], and the published band 1…5: [1, 4].
    expect(result.narrowest).toEqual(expect.objectContaining({ min: 1, max: 4, width: 3 }));
    expect(result.leaks).toEqual([]);
  });

  it("differences overlapping month ranges, and keeps months past an open-ended range unknown", async () => {
    const byBorough = (fromMonth: string | null, toMonth: string | null, a: PublishedCell["count"], b: PublishedCell["count"], total: number): PublishedTable => ({
      measure: "REFERRALS",
      by: ["BOROUGH"],
      filter: { fromMonth, toMonth },
      cells: [cell({ BOROUGH: "A" }, a), cell({ BOROUGH: "B" }, b), cell({ BOROUGH: null }, shown(total))],
    });
    const quarter = byBorough("2026-01", "2026-03", shown(12), shown(20), 32);
    const twoMonths = byBorough("2026-01", "2026-02", shown(10), shown(16), 26);
    // March on: A's March is 12 − 10 = 2; one referral after March may be A's too.
    const fromMarch = byBorough("2026-03", null, small, complement, 7);
    const open = await auditDisclosure([quarter, twoMonths, fromMarch], rule, { protectedCells: [{ table: 2, cell: 0 }], domains });
    expect(open.intervals[0]).toEqual(expect.objectContaining({ min: 2, max: 3 }));
    // March alone is pinned.
    const march = byBorough("2026-03", "2026-03", small, complement, 6);
    const closed = await auditDisclosure([quarter, twoMonths, march], rule, { protectedCells: [{ table: 2, cell: 0 }], domains });
    expect(closed.intervals[0]).toEqual(expect.objectContaining({ min: 2, max: 2, width: 0 }));
  });

  it("keeps tables of different populations apart: a survey count says nothing about referrals", async () => {
    const surveyOfY = { ...boroughOfY, measure: "SURVEY_SATISFACTION", by: ["SURVEY_RIGHT", "BOROUGH"] };
    surveyOfY.cells = boroughOfY.cells.map((c) => ({ ...c, coordinates: [{ dimension: "SURVEY_RIGHT", value: "R1" }, ...c.coordinates] }));
    const result = await auditDisclosure([boroughByGroup, surveyOfY], rule, {
      protectedCells: [AX],
      domains: { ...domains, SURVEY_RIGHT: ["R1"] },
    });
    expect(result.intervals[0]).toEqual(expect.objectContaining({ min: 1, max: 4 }));
    expect(result.populations.map((p) => p.population).sort()).toEqual(["referral_fact", "survey_fact"]);
  });

  it("counts referrals with no outcome yet in a total, but under no outcome", async () => {
    const all: PublishedTable = { measure: "REFERRALS", by: [], filter: {}, cells: [cell({}, shown(10))] };
    const byOutcome: PublishedTable = {
      measure: "REFERRALS",
      by: ["OUTCOME"],
      filter: {},
      cells: [cell({ OUTCOME: "DONE" }, small), cell({ OUTCOME: "DECLINED" }, complement), cell({ OUTCOME: null }, shown(7))],
    };
    const options = { protectedCells: [{ table: 1, cell: 0 }], domains: { OUTCOME: ["DONE", "DECLINED"] } };
    const result = await auditDisclosure([all, byOutcome], rule, options);
    expect(result.intervals[0]).toEqual(expect.objectContaining({ min: 1, max: 4 }));
    // Were every referral to have an outcome, 10 and 7 could not both be true.
    await expect(auditDisclosure([all, byOutcome], rule, { ...options, open: [] })).rejects.toThrow(/infeasible as modelled/);
  });

  it("reads what each published count says about the true count", () => {
    const rule2 = { minimumCount: 5, maximumPerturbation: 2 };
    expect(boundsOf(shown(0), rule2)).toEqual({ lo: 0, hi: 0 });
    expect(boundsOf(shown(2), rule2)).toEqual({ lo: 1, hi: 4 });
    expect(boundsOf(shown(10), rule2)).toEqual({ lo: 8, hi: 12 });
    expect(boundsOf(small, rule2)).toEqual({ lo: 1, hi: 6 });
    expect(boundsOf(complement, rule2)).toBeNull();
    expect(boundsOf(small, { minimumCount: 5 })).toEqual({ lo: 1, hi: 4 });
  });
});

describe("a rate's numerators, as a caller has them", () => {
  const cell = (value: string, count: PublishedCell["count"], rate: PublishedCell["rate"]): PublishedCell => ({
    coordinates: [{ dimension: "BOROUGH", value }],
    count,
    rate,
  });
  const compliance: PublishedTable = {
    measure: "VICTIMS_CODE_COMPLIANCE",
    by: ["BOROUGH"],
    filter: {},
    cells: [
      cell("BURY", shown(12), { value: 0.75, suppressed: false }),
      cell("WIGAN", shown(31), { value: 0.9677, suppressed: false }),
      cell("BOLTON", shown(9), { value: null, suppressed: true }),
      cell("SALFORD", shown(0), { value: null, suppressed: false }),
    ],
  };

  it("are the shown rates times their shown denominators, a zero denominator's numerator zero, and nothing where the rate is hidden", () => {
    const numerators = numeratorTable(compliance) as PublishedTable;
    expect(numerators.measure).toBe("VICTIMS_CODE_COMPLIANCE#NUMERATOR");
    expect(numerators.cells.map((c) => c.count.value)).toEqual([9, 30, null, 0]);
    expect(numerators.cells.map((c) => c.count.suppressed)).toEqual([false, false, true, false]);
    expect(numeratorTable({ ...compliance, measure: "REFERRALS" })).toBeNull();
  });

  it("count the facts in the rate's numerator: its own population, apart from the denominators'", () => {
    expect(defaultPopulation("VICTIMS_CODE_COMPLIANCE#NUMERATOR")).toBe(`${defaultPopulation("VICTIMS_CODE_COMPLIANCE")} AND status = 'MET'`);
    expect(defaultPopulation("SURVEY_SATISFACTION#NUMERATOR")).toMatch(/^survey_fact WHERE score >= 4$/);
  });
});

describe("the disclosure audit's section of bench/results.md", () => {
  const section = "## Disclosure auditor\n\nnew numbers\n";
  it("replaces only its own section, up to the next heading", () => {
    const before = "# Load\n\n## Throughput\n\nt\n\n## Disclosure auditor\n\nold numbers\nmore\n\n## Memory\n\nm\n";
    expect(replaceSection(before, section)).toBe("# Load\n\n## Throughput\n\nt\n\n## Disclosure auditor\n\nnew numbers\n\n## Memory\n\nm\n");
  });

  it("replaces it at the end of the file, and appends it where there is none", () => {
    expect(replaceSection("# Load\n\n## Disclosure auditor\n\nold\n", section)).toBe("# Load\n\n## Disclosure auditor\n\nnew numbers\n");
    expect(replaceSection("# Load\n\n## Memory\n\nm\n", section)).toBe("# Load\n\n## Memory\n\nm\n\n## Disclosure auditor\n\nnew numbers\n");
  });

  it("is found whole by the load bench, which keeps it when it rewrites the rest", () => {
    const file = "# Load\n\n## Throughput\n\nt\n\n## Disclosure auditor\n\nnumbers\nmore\n\n## Memory\n\nm\n";
    expect(auditorSection(file)).toBe("## Disclosure auditor\n\nnumbers\nmore\n");
    expect(auditorSection("# Load\n\n## Disclosure auditor\n\nlast\n")).toBe("## Disclosure auditor\n\nlast\n");
    expect(auditorSection("# Load\n\n## Memory\n")).toBe("");
  });
});
