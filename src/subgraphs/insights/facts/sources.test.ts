import { Fact } from "./facts";
import { ListFactSource, SyntheticFactSource } from "./sources";
import { factProblem } from "./validate";
import { factKey } from "./pseudonymise";

describe("the synthetic fact source", () => {
  it("makes the same facts from the same seed, page by page or all at once", async () => {
    const source = new SyntheticFactSource({ referrals: 50, seed: 7 });
    const paged: unknown[] = [];
    let watermark: string | null = null;
    for (;;) {
      const batch = await source.changesSince(watermark, 40);
      paged.push(...batch.facts);
      watermark = batch.watermark;
      if (!batch.hasMore) break;
    }
    expect(paged).toEqual(await new SyntheticFactSource({ referrals: 50, seed: 7 }).all());
    expect(paged).not.toEqual(await new SyntheticFactSource({ referrals: 50, seed: 8 }).all());
    expect((await source.changesSince(watermark, 40)).facts).toEqual([]);
  });

  it("makes only facts that pass the boundary checks, with synthetic keys", async () => {
    const facts = (await new SyntheticFactSource({ referrals: 300 }).all()) as Fact[];
    expect(facts.filter((f) => factProblem(f) !== null)).toEqual([]);
    expect(facts.every((f) => f.sourceKey.startsWith("SYN-"))).toBe(true);
    expect(new Set(facts.map((f) => f.kind))).toEqual(new Set(["referral", "entitlement", "survey", "risk_assessment", "marac_referral", "protective_order", "cope_recover", "nrm_submission", "place_of_safety_stay"]));
  });
});

describe("a list fact source", () => {
  it("serves what was added after the watermark, in order", async () => {
    const source = new ListFactSource("list");
    source.add({ kind: "deletion", factKind: "referral", sourceKey: "a" });
    const first = await source.changesSince(null, 10);
    expect(first).toMatchObject({ watermark: "1", hasMore: false });
    source.add({ kind: "deletion", factKind: "referral", sourceKey: "b" });
    expect((await source.changesSince(first.watermark, 10)).facts).toEqual([{ kind: "deletion", factKind: "referral", sourceKey: "b" }]);
  });
});

describe("fact keys", () => {
  it("are the same for the same record and secret, and differ with either", () => {
    const key = factKey("s".repeat(32), "referral", "victims", "REF-1");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(factKey("s".repeat(32), "referral", "victims", "REF-1")).toBe(key);
    expect(factKey("t".repeat(32), "referral", "victims", "REF-1")).not.toBe(key);
    expect(factKey("s".repeat(32), "referral", "partners", "REF-1")).not.toBe(key);
    expect(key).not.toContain("REF-1");
  });
});
