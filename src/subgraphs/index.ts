import type { SubgraphName } from "../platform/config";
import type { SubgraphModule } from "./module";
import { governance } from "./governance";
import { feedFactSources } from "../insights-facts/feeds";
import { insightsSubgraph } from "./insights";
import { partners } from "./partners";
import { police } from "./police";
import { victims } from "./victims";

/** Every subgraph by name. The one place that knows them all (subgraphs never import each other). */
// Each module has its own services and context types; the registry only passes them back to their own module.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SUBGRAPHS: Record<SubgraphName, SubgraphModule<any, any>> = {
  police,
  victims,
  partners,
  governance,
  // The evidence base's real fact sources are the victims' and partners' feeds, read over HTTP (src/insights-facts).
  insights: insightsSubgraph(feedFactSources),
};
