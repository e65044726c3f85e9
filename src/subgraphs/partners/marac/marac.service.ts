import type { DataSource, EntityManager } from "typeorm";
import { isUuid, manyByKey } from "../../../platform/batch";
import { OrganisationCode } from "../../../platform/domain";
import type { AuditEventInput } from "../../../policy/audit";
import type { GovernanceWrites } from "../../../policy/governance-commands";
import { emitEvents } from "../../../platform/events/outbox";
import { EventRecordType, EventType } from "../../../platform/events/event";
import { DataCategory } from "../../../policy/categories";
import { SubjectSystem } from "../../../policy/sensitive";
import { MaracReferralRow, toMaracReferral } from "../records/partner-records.mapping";
import type { RiskReason } from "../risk/dash";
import type { MaracReferral } from "./marac.types";

/** Who raised a MARAC referral, for the audit: a partner's user through recordRiskAssessment, or the hub's sync. */
export interface AuditActor {
  requestId: string;
  actor: string;
  organisation: string | null;
  roles: string[];
  purpose: string | null;
}

export interface MaracRaise {
  caseId: string;
  /** A hub assessment's id, or the partner system's own. */
  assessmentId: string;
  partner: OrganisationCode;
  raisedAt: Date;
  reasons: readonly RiskReason[];
}

/**
 * The one way a MARAC referral is raised, for an assessment recorded through
 * the hub and for one read from a partner's system alike: inside the
 * caller's transaction, at most once per assessment (unique on partner and
 * assessment id; raising again changes nothing), with its audit event when it
 * is new. Returns whether this call raised it.
 */
export async function raiseMaracReferral(manager: EntityManager, governance: GovernanceWrites, raise: MaracRaise, by: AuditActor): Promise<boolean> {
  const inserted = (await manager.query(
    `INSERT INTO partners.marac_referral (case_id, assessment_id, partner, raised_at, reasons)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (partner, assessment_id) DO NOTHING RETURNING id`,
    [raise.caseId, raise.assessmentId, raise.partner, raise.raisedAt, [...raise.reasons]],
  )) as { id: string }[];
  if (inserted.length === 0) return false;
  const subjectId = await governance.subjectOf(manager, { system: SubjectSystem.GMVS_CASE, ref: raise.caseId });
  await governance.audit(manager, [partnersEvent(by, subjectId, raise.partner, "MARAC_REFERRAL_RAISED", raise.raisedAt)]);
  // The agencies at MARAC that see its referrals (DESIGN.md policy decisions): GMP, GMVS and the agency that raised it.
  await emitEvents(manager, "partners", [
    {
      type: EventType.MARAC_REFERRAL_RAISED,
      caseId: raise.caseId,
      record: { type: EventRecordType.MARAC_REFERRAL, id: inserted[0]!.id },
      parties: [OrganisationCode.GMP, OrganisationCode.GMVS, raise.partner],
      occurredAt: raise.raisedAt,
    },
  ]);
  return true;
}

/** An audit event for a write to a partner's RISK record. */
export function partnersEvent(by: AuditActor, subjectId: string | null, holder: OrganisationCode, reason: string, at: Date = new Date()): AuditEventInput {
  return {
    at,
    requestId: by.requestId,
    actor: by.actor,
    organisation: by.organisation,
    roles: by.roles,
    purpose: by.purpose,
    subjectId,
    category: DataCategory.RISK,
    holder,
    decision: "ALLOW",
    reason,
    agreementId: null,
    consentId: null,
    breakGlassReason: null,
  };
}

export class MaracService {
  constructor(private readonly dataSource: DataSource) {}

  /** Every MARAC referral for many cases in one statement, oldest first within each. */
  async forCases(caseIds: readonly string[]): Promise<MaracReferral[][]> {
    const valid = caseIds.filter(isUuid);
    const rows = valid.length
      ? ((await this.dataSource.query(
          `SELECT id, case_id, assessment_id, partner, raised_at, reasons FROM partners.marac_referral
           WHERE case_id = ANY($1::uuid[]) ORDER BY raised_at, id`,
          [valid],
        )) as MaracReferralRow[])
      : [];
    return manyByKey(caseIds, rows.map(toMaracReferral), (r) => r.caseId);
  }
}
