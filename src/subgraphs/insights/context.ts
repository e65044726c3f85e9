import type { GuardedContext } from "../../policy/access";
import type { PolicyStore } from "../../policy/store";
import type { EvidenceService } from "./evidence/evidence.service";
import type { RefreshService } from "./refresh/refresh.service";

export interface InsightsServices {
  refresh: RefreshService;
  evidence: EvidenceService;
  /** Agreements, for the aggregates-only rule. */
  policy: PolicyStore;
  /** How often to refresh while serving, in ms; 0: never. */
  refreshMs: number;
}

export function createInsightsContext(services: InsightsServices, base: GuardedContext) {
  return { ...base, services };
}
export type InsightsContext = ReturnType<typeof createInsightsContext>;
