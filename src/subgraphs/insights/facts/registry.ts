import type { Config } from "../../../platform/config";
import type { FactSource } from "./facts";
import { SyntheticFactSource } from "./sources";

/**
 * The fact sources the hub refreshes from. Today: the seeded synthetic
 * generator outside production (INSIGHTS_FACT_SOURCES=synthetic), none in
 * production. The victims subgraph (referrals in, Victims' Code, survey) and
 * the partners subgraph (referrals out) each expose a function returning
 * facts changed since a watermark; wrap each as a FactSource here.
 */
export function factSourcesFor(config: Pick<Config, "insights">): FactSource[] {
  if (config.insights.factSources === "synthetic") return [new SyntheticFactSource({ referrals: config.insights.syntheticReferrals })];
  return [];
}
