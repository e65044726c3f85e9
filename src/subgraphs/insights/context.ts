import type { RequestContext } from "../../platform/context";
import { RefreshService } from "./refresh/refresh.service";

export interface InsightsServices {
  refresh: RefreshService;
}

export function createInsightsContext(services: InsightsServices, base: RequestContext) {
  return { ...base, services };
}
export type InsightsContext = ReturnType<typeof createInsightsContext>;
