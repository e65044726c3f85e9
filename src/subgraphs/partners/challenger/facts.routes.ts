import type { Express } from "express";
import { z } from "zod";
import { FACT_FEED_PATHS, feedGuard, serveFeedPage } from "../../../platform/fact-feed";
import type { Logger } from "../../../platform/logger";
import type { ModernSlaveryFactsService } from "./modern-slavery-facts.service";

/** The cursor is Challenger's own opaque text, passed back as given. */
const watermark = z.object({ cursor: z.string().min(1).max(200).optional() }).strict();

/** Challenger's NRM submission and place-of-safety stay fact feeds for insights (src/platform/fact-feed.ts), read through its connector, never a table. */
export function serveModernSlaveryFacts(app: Express, facts: ModernSlaveryFactsService, key: string | undefined, logger: Logger): void {
  const guard = feedGuard("partners", key, logger);
  serveFeedPage(app, FACT_FEED_PATHS.nrmSubmissions, guard, watermark, (after, limit) => facts.nrmSubmissionsChangedSince(after, limit));
  serveFeedPage(app, FACT_FEED_PATHS.placeOfSafetyStays, guard, watermark, (after, limit) => facts.placeOfSafetyStaysChangedSince(after, limit));
}
