import type { GuardedContext } from "../../policy/access";
import type { EvidenceService } from "./evidence/evidence.service";
import type { RefreshService } from "./refresh/refresh.service";
import type { RefreshSchedule } from "./refresh/schedule";

export interface InsightsServices {
  refresh: RefreshService;
  evidence: EvidenceService;
  /** When to refresh while serving: every INSIGHTS_REFRESH_MS, and soon after a case or referral changes. */
  schedule: RefreshSchedule;
}

export function createInsightsContext(services: InsightsServices, base: GuardedContext) {
  return { ...base, services };
}
export type InsightsContext = ReturnType<typeof createInsightsContext>;
