import type { Express } from "express";
import { z } from "zod";
import { FACT_FEED_PATHS, feedGuard, feedTime, serveFeedPage } from "../../../platform/fact-feed";
import type { Logger } from "../../../platform/logger";
import type { ReferralService } from "./referral.service";

const watermark = z.object({ updatedAt: feedTime, referralId: z.string().uuid() }).strict();

/** The partners' referral fact feed for insights (src/platform/fact-feed.ts), so insights reads no partners table. */
export function serveReferralFacts(app: Express, referrals: ReferralService, key: string | undefined, logger: Logger): void {
  serveFeedPage(app, FACT_FEED_PATHS.referrals, feedGuard("partners", key, logger), watermark, (after, limit) => referrals.factsChangedSince(after, limit));
}
