import type { GuardedContext } from "../../policy/access";
import { RefreshService } from "./refresh/refresh.service";

export interface InsightsServices {
  refresh: RefreshService;
}

export function createInsightsContext(services: InsightsServices, base: GuardedContext) {
  return { ...base, services };
}
export type InsightsContext = ReturnType<typeof createInsightsContext>;
