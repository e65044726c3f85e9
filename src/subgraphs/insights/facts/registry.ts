import type { Config } from "../../../platform/config";
import type { FactSource } from "./facts";
import { SyntheticFactSource } from "./sources";

/**
 * The fact sources the hub refreshes from (INSIGHTS_FACT_SOURCES): "hub", the
 * victims and partners subgraphs' own facts, which only the hub can compose
 * (subgraphs never import each other: src/insights-facts builds them and the
 * hub passes them in as `hub`); "synthetic", the seeded generator (the bench,
 * tests that ask for it); "hub+synthetic", both (npm start's embedded
 * default); "none".
 */
export function factSourcesFor(config: Pick<Config, "insights">, hub: () => FactSource[] = () => []): FactSource[] {
  switch (config.insights.factSources) {
    case "synthetic":
      return [new SyntheticFactSource({ referrals: config.insights.syntheticReferrals })];
    case "hub":
      return hub();
    case "hub+synthetic":
      return [...hub(), new SyntheticFactSource({ referrals: config.insights.syntheticReferrals })];
    default:
      return [];
  }
}
