import type { PartnerCaseRecord, ReferralStatus } from "../partners";

/**
 * The Pankhurst case-management API's wire types (openapi.yaml beside this
 * file). A case carries the partner-neutral parts of PartnerCaseRecord
 * (connectors/partners.ts); Pankhurst has no partner-specific section, so
 * the client adds `hourglass: null, challenger: null`.
 */

export type PankhurstCase = Omit<PartnerCaseRecord, "hourglass" | "challenger">;

/** Case ids per POST /cases:batch, and cases per page of GET /cases or GET /changes. */
export const BATCH_LIMIT = 100;
export const PAGE_LIMIT = 100;

export type ApiErrorCode = "UNAUTHORIZED" | "NOT_FOUND" | "INVALID_REQUEST" | "INVALID_TRANSITION" | "UNAVAILABLE";

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** With INVALID_TRANSITION: the state the referral is in, which the action may not leave. */
  currentStatus?: ReferralStatus;
}

export interface PankhurstHealth {
  status: "UP" | "DEGRADED";
}
