import type { Express } from "express";
import { z } from "zod";
import { FACT_FEED_PATHS, feedGuard, serveFeedPage } from "../../../platform/fact-feed";
import type { Logger } from "../../../platform/logger";
import type { RiskFactsService } from "./risk-facts.service";

/** The time stays text: it carries microseconds (risk-facts.service.ts RiskFactsWatermark). */
const watermark = z.object({ recordedAt: z.string().datetime({ offset: true }), id: z.string().uuid() }).strict();

/** The partners' risk assessment and MARAC referral fact feeds for insights (src/platform/fact-feed.ts), so insights reads no partners table. */
export function serveRiskFacts(app: Express, risk: RiskFactsService, key: string | undefined, logger: Logger): void {
  const guard = feedGuard("partners", key, logger);
  serveFeedPage(app, FACT_FEED_PATHS.riskAssessments, guard, watermark, (after, limit) => risk.assessmentsChangedSince(after, limit));
  serveFeedPage(app, FACT_FEED_PATHS.maracReferrals, guard, watermark, (after, limit) => risk.maracReferralsChangedSince(after, limit));
}
