import { Dimension } from "./dimensions";
import { Measure } from "./measures";

/**
 * The materialised cubes (migrations/1795449640000-InsightsEvidenceBase.ts)
 * and what each can answer. A query goes to the smallest cube whose grain
 * holds every dimension it splits or filters by; anything else reads the
 * facts. Waits are kept as histograms (a row per whole day with its count),
 * so medians and percentiles come out exact at any coarser grain.
 */
export interface Cube {
  table: string;
  grain: ReadonlySet<Dimension>;
  measures: ReadonlyMap<Measure, { wait?: string }>;
  kind: "count" | "histogram";
}

/** Smallest first. */
export const CUBES: readonly Cube[] = [
  {
    table: "insights.referral_service_wait_cube",
    grain: new Set([Dimension.MONTH, Dimension.SERVICE, Dimension.ROUTE]),
    measures: new Map([
      [Measure.WAIT_TO_FIRST_CONTACT, { wait: "FIRST_CONTACT" }],
      [Measure.WAIT_TO_ACCEPTANCE, { wait: "ACCEPTANCE" }],
    ]),
    kind: "histogram",
  },
  {
    table: "insights.referral_wait_cube",
    grain: new Set([Dimension.MONTH, Dimension.BOROUGH, Dimension.ROUTE, Dimension.DISABILITY]),
    measures: new Map([
      [Measure.WAIT_TO_FIRST_CONTACT, { wait: "FIRST_CONTACT" }],
      [Measure.WAIT_TO_ACCEPTANCE, { wait: "ACCEPTANCE" }],
    ]),
    kind: "histogram",
  },
  {
    table: "insights.referral_count_cube",
    grain: new Set([Dimension.MONTH, Dimension.BOROUGH, Dimension.ROUTE, Dimension.SERVICE, Dimension.DISABILITY, Dimension.SEX]),
    measures: new Map([[Measure.REFERRALS, {}]]),
    kind: "count",
  },
];

export function cubeFor(measure: Measure, dimensions: ReadonlySet<Dimension>): Cube | null {
  return CUBES.find((cube) => cube.measures.has(measure) && [...dimensions].every((d) => cube.grain.has(d))) ?? null;
}
