import { z } from "zod";
import {
  episodeSchema,
  outcomeMeasureSchema,
  referralSchema,
  riskAssessmentSchema,
  safetyPlanSchema,
  supportActionSchema,
} from "../partner-schemas";
import { PartnerCode, ReferralStatus } from "../partners";
import { PankhurstCase, PankhurstHealth } from "./types";

/** Response validation for the Pankhurst API, built from the shared partner schemas (connectors/partner-schemas.ts). */

export const caseSchema: z.ZodType<PankhurstCase> = z.object({
  gmvsCaseId: z.uuid(),
  partner: z.literal(PartnerCode.PANKHURST),
  referrals: z.array(referralSchema),
  episodes: z.array(episodeSchema),
  riskAssessments: z.array(riskAssessmentSchema),
  safetyPlans: z.array(safetyPlanSchema),
  supportActions: z.array(supportActionSchema),
  outcomes: z.array(outcomeMeasureSchema),
});

export const casesSchema = z.object({ items: z.array(caseSchema) });

export const casePageSchema = z.object({ items: z.array(caseSchema), nextCursor: z.string().min(1).optional() });

export const changeBatchSchema = z.object({ items: z.array(caseSchema), cursor: z.string().min(1), hasMore: z.boolean() });

export const healthSchema: z.ZodType<PankhurstHealth> = z.object({ status: z.enum(["UP", "DEGRADED"]) });

/** The body of a 409: which state the referral is in. */
export const transitionRefusalSchema = z.object({ code: z.literal("INVALID_TRANSITION"), currentStatus: z.enum(ReferralStatus) });
