import type { Express } from "express";
import { z } from "zod";
import { FACT_FEED_PATHS, feedGuard, feedTime, serveFeedLookup, serveFeedPage } from "../../../platform/fact-feed";
import type { Logger } from "../../../platform/logger";
import type { CaseFactsService } from "./facts.service";

const watermark = z.object({ updatedAt: feedTime, caseId: z.string().uuid() }).strict();

/**
 * The victims' fact feed for insights (src/platform/fact-feed.ts): the same
 * CaseFactsService the hub used to call in process, over HTTP, so insights
 * reads no victims table.
 */
export function serveCaseFacts(app: Express, facts: CaseFactsService, key: string | undefined, logger: Logger): void {
  const guard = feedGuard("victims", key, logger);
  serveFeedPage(app, FACT_FEED_PATHS.cases, guard, watermark, (after, limit) => facts.changedSince(after, limit));
  serveFeedLookup(app, FACT_FEED_PATHS.caseLookup, guard, (caseIds) => facts.forCases(caseIds));
}
