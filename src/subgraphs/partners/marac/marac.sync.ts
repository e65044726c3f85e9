import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { SourceUnavailableError } from "../../../../connectors/contract";
import type { PartnerCode, PartnerConnector } from "../../../../connectors/partners";
import type { Logger } from "../../../platform/logger";
import { fromPartnerAssessment } from "../records/partner-records.mapping";
import { RiskAssessmentInputError } from "../risk/dash";
import { scoreRiskAssessment } from "../risk/risk-scoring";
import { AuditActor, MaracRaise, raiseMaracReferral } from "./marac.service";
import type { GovernanceWrites } from "../../../policy/governance-commands";

/** Change-feed pages per partner per run, at most: a bound, not an expectation. */
const MAX_PAGES = 1_000;
const PAGE_SIZE = 100;

export interface PartnerSyncReport {
  partner: PartnerCode;
  /** Partner case records read. */
  records: number;
  /** MARAC referrals this run raised (not those already raised). */
  raised: number;
  /** Assessments the hub could not score (a question set it does not hold, answers that do not fit it): left for a person to look at. */
  unscored: number;
  /** Set when the partner did not answer: its cursor stays where it was, to try again next run. */
  unavailable?: string;
}

/**
 * Raises the MARAC referrals that partners' own high-risk assessments call
 * for. Reads each connector's change feed from the cursor stored in
 * partners.connector_sync, scores every assessment in it, raises a referral
 * for each high one through raiseMaracReferral (idempotent: one per
 * assessment), and moves the cursor in the same transaction, so a run that
 * stops half-way redoes nothing twice. Runs at start-up and by
 * `npm run partners:sync`, never inside a read: a query must not write.
 */
export class PartnerRiskSync {
  constructor(
    private readonly dataSource: DataSource,
    private readonly partners: ReadonlyMap<PartnerCode, PartnerConnector>,
    private readonly governance: GovernanceWrites,
  ) {}

  /** Every partner in turn; one that is down is reported and skipped, never fatal. */
  async syncAll(logger?: Logger): Promise<PartnerSyncReport[]> {
    const reports: PartnerSyncReport[] = [];
    for (const connector of this.partners.values()) {
      const report = await this.syncPartner(connector);
      if (report.unavailable) logger?.warn({ partner: report.partner, reason: report.unavailable }, "partner risk sync: source unavailable");
      else logger?.info({ ...report }, "partner risk sync");
      reports.push(report);
    }
    return reports;
  }

  async syncPartner(connector: PartnerConnector): Promise<PartnerSyncReport> {
    const report: PartnerSyncReport = { partner: connector.partner, records: 0, raised: 0, unscored: 0 };
    const by: AuditActor = { requestId: `partners-sync-${randomUUID()}`, actor: "casebridge:partners-sync", organisation: null, roles: [], purpose: null };
    let cursor = await this.cursorOf(connector.partner);
    try {
      for (let page = 0; page < MAX_PAGES; page++) {
        const batch = await connector.changesSince(cursor, PAGE_SIZE);
        const raises: MaracRaise[] = [];
        for (const record of batch.items) {
          report.records += 1;
          for (const assessment of record.riskAssessments) {
            const recorded = fromPartnerAssessment(assessment, connector.partner);
            try {
              const scored = scoreRiskAssessment(recorded);
              if (scored.maracReferralRequired) {
                raises.push({ caseId: recorded.caseId, assessmentId: recorded.id, partner: recorded.provider, raisedAt: recorded.assessedAt, reasons: scored.reasons });
              }
            } catch (error) {
              if (!(error instanceof RiskAssessmentInputError)) throw error;
              report.unscored += 1;
            }
          }
        }
        await this.dataSource.transaction(async (m) => {
          for (const raise of raises) if (await raiseMaracReferral(m, this.governance, raise, by)) report.raised += 1;
          await m.query(
            `INSERT INTO partners.connector_sync (partner, cursor, synced_at) VALUES ($1, $2, now())
             ON CONFLICT (partner) DO UPDATE SET cursor = EXCLUDED.cursor, synced_at = EXCLUDED.synced_at`,
            [connector.partner, batch.cursor],
          );
        });
        cursor = batch.cursor;
        if (!batch.hasMore) break;
      }
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      report.unavailable = error.reason;
    }
    return report;
  }

  private async cursorOf(partner: PartnerCode): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT cursor FROM partners.connector_sync WHERE partner = $1`, [partner])) as { cursor: string }[];
    return row?.cursor ?? null;
  }
}
