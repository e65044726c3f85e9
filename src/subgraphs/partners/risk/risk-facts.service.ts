import type { DataSource } from "typeorm";
import { RiskAssessmentInputError } from "./dash";
import { RiskLevel, RiskTool } from "./question-sets";
import { scoreRiskAssessment } from "./risk-scoring";

/**
 * Where a reader of a risk or MARAC fact feed has got to: the last row it may
 * skip, in write order. The time is ISO text to the microsecond, as stored:
 * a Date would round it to the millisecond, and the row would then lie after
 * its own watermark and be read for ever.
 */
export interface RiskFactsWatermark {
  recordedAt: string;
  id: string;
}

/** One risk assessment recorded through the hub, as the insights subgraph counts it. */
export interface RiskAssessmentFeedFact {
  assessmentId: string;
  caseId: string;
  tool: RiskTool;
  /** As the hub scores it (risk-scoring.ts); null for an S-DASH screen, which yields no level. */
  level: RiskLevel | null;
  assessedAt: Date;
}

/** One MARAC referral, raised from a hub assessment or from one read from a partner's system. */
export interface MaracReferralFeedFact {
  maracReferralId: string;
  caseId: string;
  raisedAt: Date;
}

export interface RiskFactsPage<F> {
  facts: F[];
  /** Pass back as `after` for the next page; unchanged (the one passed in) when nothing could be passed over. */
  watermark: RiskFactsWatermark | null;
  hasMore: boolean;
}

interface Row {
  id: string;
  recorded_at: string;
  settled: boolean;
}

/**
 * The partners' risk assessment and MARAC referral facts for insights, read
 * in the order their rows were written (recorded_at, then id).
 *
 * A row's recorded_at is taken when it is inserted, but it becomes visible
 * only when its transaction commits, which can be after a later-stamped row
 * has committed and been read: a watermark moved past that later row would
 * skip the earlier one for good. So every page returns all it finds, but its
 * watermark moves only over rows stamped before the oldest transaction still
 * open in the database started (pg_stat_activity.xact_start): any row not yet
 * committed was stamped after its own transaction started, so it is still
 * ahead of the watermark. Rows past that horizon come again on the next
 * read; the refresh keys facts by their source key, so reading one twice
 * stores it once. Unlike a fixed lag, this holds however long a writing
 * transaction takes, and a quiet database has no re-reading at all.
 */
export class RiskFactsService {
  constructor(private readonly dataSource: DataSource) {}

  async assessmentsChangedSince(after: RiskFactsWatermark | null, limit: number): Promise<RiskFactsPage<RiskAssessmentFeedFact>> {
    const rows = await this.page<
      Row & { case_id: string; tool: string; question_set_version: string; answers: Record<string, string> | string; professional_judgement: string | null; police_call_outs_last_12_months: number | null; assessed_at: Date }
    >("risk_assessment", "case_id, tool, question_set_version, answers, professional_judgement, police_call_outs_last_12_months, assessed_at", after, limit);
    const facts: RiskAssessmentFeedFact[] = [];
    for (const row of rows) {
      try {
        const scored = scoreRiskAssessment({
          questionSetVersion: row.question_set_version,
          answers: typeof row.answers === "string" ? (JSON.parse(row.answers) as Record<string, string>) : row.answers,
          professionalJudgement: row.professional_judgement as RiskLevel | null,
          policeCallOutsLast12Months: row.police_call_outs_last_12_months,
        });
        facts.push({ assessmentId: row.id, caseId: row.case_id, tool: scored.tool, level: scored.level, assessedAt: row.assessed_at });
      } catch (error) {
        // Scored when recorded, so only a question set since withdrawn lands here: not counted rather than given a level.
        if (!(error instanceof RiskAssessmentInputError)) throw error;
      }
    }
    return { facts, ...progress(rows, after, limit) };
  }

  async maracReferralsChangedSince(after: RiskFactsWatermark | null, limit: number): Promise<RiskFactsPage<MaracReferralFeedFact>> {
    const rows = await this.page<Row & { case_id: string; raised_at: Date }>("marac_referral", "case_id, raised_at", after, limit);
    return { facts: rows.map((r) => ({ maracReferralId: r.id, caseId: r.case_id, raisedAt: r.raised_at })), ...progress(rows, after, limit) };
  }

  /** Rows after the watermark in write order, each marked settled when it was stamped before the horizon (see the class). */
  private page<R extends Row>(table: "risk_assessment" | "marac_referral", columns: string, after: RiskFactsWatermark | null, limit: number): Promise<R[]> {
    const params: unknown[] = [limit];
    let where = "";
    if (after) {
      params.push(after.recordedAt, after.id);
      where = "WHERE (t.recorded_at, t.id) > ($2::timestamptz, $3::uuid)";
    }
    return this.dataSource.query(
      `WITH horizon AS (
         SELECT coalesce(min(xact_start), clock_timestamp()) AS at FROM pg_stat_activity WHERE datname = current_database() AND xact_start IS NOT NULL
       )
       SELECT t.id, to_char(t.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at, t.recorded_at < horizon.at AS settled, ${columns.split(", ").map((c) => `t.${c}`).join(", ")}
       FROM partners.${table} t CROSS JOIN horizon ${where}
       ORDER BY t.recorded_at, t.id LIMIT $1`,
      params,
    ) as Promise<R[]>;
  }
}

/** The watermark past the settled rows at the head of a page, and whether a next page may follow at once. */
function progress(rows: readonly Row[], after: RiskFactsWatermark | null, limit: number): Pick<RiskFactsPage<unknown>, "watermark" | "hasMore"> {
  let watermark = after;
  let settled = 0;
  for (const row of rows) {
    if (!row.settled) break;
    watermark = { recordedAt: row.recorded_at, id: row.id };
    settled += 1;
  }
  // A page with an unsettled row ends the read: the rest waits for the next refresh rather than spin on the same rows.
  return { watermark, hasMore: rows.length === limit && settled === rows.length };
}
