import type { Express } from "express";
import { z } from "zod";
import { PartnerCode } from "../../../../connectors/partners";
import { FACT_FEED_PATHS, feedGuard, serveFeedPage } from "../../../platform/fact-feed";
import type { Logger } from "../../../platform/logger";
import type { OutcomeFactsService } from "./outcome-facts.service";

/** Cursors are the partners' own opaque text, passed back as given. */
const watermark = z.object({ cursors: z.partialRecord(z.enum(PartnerCode), z.string().min(1).max(200)) }).strict();

/** The partners' cope-and-recover outcome fact feed for insights (src/platform/fact-feed.ts), read through the connectors, never a table. */
export function serveOutcomeFacts(app: Express, outcomes: OutcomeFactsService, key: string | undefined, logger: Logger): void {
  serveFeedPage(app, FACT_FEED_PATHS.outcomes, feedGuard("partners", key, logger), watermark, (after, limit) => outcomes.changedSince(after, limit));
}
