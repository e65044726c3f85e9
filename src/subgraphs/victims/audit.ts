import type { EntityManager } from "typeorm";
import { OrganisationCode } from "../../platform/domain";
import { Actor, changeEvent } from "../../policy/audit";
import { auditThroughGovernance } from "../../policy/governance-commands";
import { DataCategory } from "../../policy/categories";

export type { Actor };

/** What a GMVS case-file write did, as its audit event names it. */
export enum CaseFileChange {
  POLICE_REFERRAL_RECEIVED = "POLICE_REFERRAL_RECEIVED",
  SELF_REFERRAL_RECEIVED = "SELF_REFERRAL_RECEIVED",
  VICTIM_MATCHED_EXACTLY = "VICTIM_MATCHED_EXACTLY",
  VICTIM_MATCH_CONFIRMED = "VICTIM_MATCH_CONFIRMED",
  VICTIM_MATCH_REJECTED = "VICTIM_MATCH_REJECTED",
  CASE_FILE_UPDATED = "CASE_FILE_UPDATED",
  ENHANCED_RIGHTS_RECORDED = "ENHANCED_RIGHTS_RECORDED",
  CASE_CLOSED = "CASE_CLOSED",
  CASE_REOPENED = "CASE_REOPENED",
  NEEDS_ASSESSED = "NEEDS_ASSESSED",
  CONTACT_RECORDED = "CONTACT_RECORDED",
  SURVEY_RECORDED = "SURVEY_RECORDED",
}

/**
 * Writes one audit event per change inside the caller's transaction, to the
 * victims' command outbox, so the record and its audit commit together and
 * the audit reaches governance's chain after. The category
 * is the kind of personal data written; the holder is GMVS, whose record it is.
 */
export function auditCaseFileChange(
  manager: EntityManager,
  actor: Actor,
  subjectId: string,
  category: DataCategory,
  change: CaseFileChange,
  at: Date,
): Promise<void> {
  return auditThroughGovernance(manager, "victims", [changeEvent(actor, { subjectId, category, holder: OrganisationCode.GMVS, reason: change, at })]);
}
