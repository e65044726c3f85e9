import type { DataSource } from "typeorm";
import { PartnerCode } from "../../../../connectors/partners";
import { isUuid, manyByKey } from "../../../platform/batch";
import { OrganisationCode } from "../../../platform/domain";
import { appError, ErrorCode } from "../../../platform/errors";
import type { Principal } from "../../../platform/principal";
import type { GovernanceWrites } from "../../../policy/governance-commands";
import { emitEvents } from "../../../platform/events/outbox";
import { EventRecordType, EventType } from "../../../platform/events/event";

/** A safety plan is reviewed weekly (DOMAIN.md: weekly-updated safety and support plans). */
export const SAFETY_PLAN_REVIEW_DAYS = 7;
import { SubjectSystem } from "../../../policy/sensitive";
import { AuditActor, partnersEvent, raiseMaracReferral } from "../marac/marac.service";
import { RecordedRiskAssessment, toRiskAssessment } from "../records/partner-records.mapping";
import { RiskAssessmentInputError } from "./dash";
import { RiskLevel } from "./question-sets";
import { RecordRiskAssessmentArgs, RiskAssessment, RiskAssessmentOrigin } from "./risk-assessment.types";
import { scoreRiskAssessment } from "./risk-scoring";

interface RiskAssessmentRow {
  id: string;
  case_id: string;
  partner: string;
  tool: string;
  question_set_version: string;
  answers: Record<string, string>;
  professional_judgement: string | null;
  police_call_outs_last_12_months: number | null;
  assessed_at: Date;
  assessor: string;
}

const PARTNERS: ReadonlySet<string> = new Set(Object.values(PartnerCode));

/**
 * Risk assessments recorded through the hub. Partner systems' APIs take no
 * risk writes, so these live in the hub's partners schema, held by the
 * partner whose staff recorded them; a case shows them beside those read
 * from the partners' systems.
 */
export class RiskAssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly governance: GovernanceWrites,
  ) {}

  /** Every hub-recorded assessment for many cases in one statement, oldest first within each. */
  async recordedForCases(caseIds: readonly string[]): Promise<RecordedRiskAssessment[][]> {
    const valid = caseIds.filter(isUuid);
    const rows = valid.length
      ? ((await this.dataSource.query(
          `SELECT id, case_id, partner, tool, question_set_version, answers, professional_judgement, police_call_outs_last_12_months, assessed_at, assessor
           FROM partners.risk_assessment WHERE case_id = ANY($1::uuid[]) ORDER BY assessed_at, id`,
          [valid],
        )) as RiskAssessmentRow[])
      : [];
    return manyByKey(caseIds, rows.map(fromRow), (r) => r.caseId);
  }

  /**
   * Records an assessment for partner staff: held by their own organisation,
   * only where it has an open relationship with the case's victim; scored
   * against its question set (refused with INVALID_INPUT if it does not fit
   * it); in one transaction with its audit event and, when the result is
   * high, the MARAC referral it raises.
   */
  async record(principal: Principal, requestId: string, args: RecordRiskAssessmentArgs): Promise<RiskAssessment> {
    if (!PARTNERS.has(principal.organisation)) {
      throw appError(ErrorCode.FORBIDDEN, "Only a partner's staff record risk assessments here", { reason: "ROLE_NOT_PERMITTED" });
    }
    if (!isUuid(args.caseId)) throw appError(ErrorCode.INVALID_INPUT, "caseId is not a GMVS case id", { argument: "caseId" });
    const answers: Record<string, string> = {};
    for (const { questionId, answer } of args.answers) {
      if (Object.prototype.hasOwnProperty.call(answers, questionId)) {
        throw appError(ErrorCode.INVALID_INPUT, `${questionId} is answered more than once`, { argument: "answers" });
      }
      answers[questionId] = answer;
    }
    const input = {
      tool: args.tool,
      questionSetVersion: args.questionSetVersion,
      answers,
      professionalJudgement: args.professionalJudgement ?? null,
      policeCallOutsLast12Months: args.policeCallOutsLast12Months ?? null,
    };
    let scored;
    try {
      scored = scoreRiskAssessment(input);
    } catch (error) {
      if (error instanceof RiskAssessmentInputError) throw appError(ErrorCode.INVALID_INPUT, error.message, { issues: error.issues });
      throw error;
    }
    const partner = principal.organisation;
    const by: AuditActor = { requestId, actor: principal.subject, organisation: principal.organisation, roles: principal.roles, purpose: principal.purpose };
    const caseId = args.caseId.toLowerCase();
    return this.dataSource.transaction(async (m) => {
      const subjectId = await this.governance.subjectOf(m, { system: SubjectSystem.GMVS_CASE, ref: caseId });
      // Unknown case and no relationship answer alike: the refusal says nothing about whether the case exists.
      if (subjectId === null || !(await this.governance.hasOpenRelationship(m, subjectId, partner))) {
        throw appError(ErrorCode.FORBIDDEN, `${partner} has no open relationship with this case's victim`, { reason: "NO_RELATIONSHIP" });
      }
      const [row] = (await m.query(
        `INSERT INTO partners.risk_assessment (case_id, partner, tool, question_set_version, answers, professional_judgement, police_call_outs_last_12_months, assessed_at, assessor)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8)
         RETURNING id, case_id, partner, tool, question_set_version, answers, professional_judgement, police_call_outs_last_12_months, assessed_at, assessor`,
        [caseId, partner, scored.tool, input.questionSetVersion, JSON.stringify(answers), input.professionalJudgement, input.policeCallOutsLast12Months, principal.subject],
      )) as RiskAssessmentRow[];
      await this.governance.audit(m, [partnersEvent(by, subjectId, partner, "RISK_ASSESSMENT_RECORDED", row.assessed_at)]);
      // The assessing partner reviews its safety plan weekly from each assessment; GMVS is told an assessment was made.
      await emitEvents(m, "partners", [
        {
          type: EventType.RISK_ASSESSMENT_RECORDED,
          caseId,
          record: { type: EventRecordType.RISK_ASSESSMENT, id: row.id },
          parties: [partner, OrganisationCode.GMVS],
          occurredAt: new Date(row.assessed_at),
          dueAt: new Date(new Date(row.assessed_at).getTime() + SAFETY_PLAN_REVIEW_DAYS * 86_400_000),
        },
      ]);
      if (scored.maracReferralRequired) {
        await raiseMaracReferral(m, this.governance, { caseId, assessmentId: row.id, partner, raisedAt: row.assessed_at, reasons: scored.reasons }, by);
      }
      return toRiskAssessment(fromRow(row));
    });
  }
}

function fromRow(row: RiskAssessmentRow): RecordedRiskAssessment {
  return {
    id: row.id,
    caseId: row.case_id,
    provider: row.partner as OrganisationCode,
    origin: RiskAssessmentOrigin.CASEBRIDGE,
    questionSetVersion: row.question_set_version,
    answers: typeof row.answers === "string" ? (JSON.parse(row.answers) as Record<string, string>) : row.answers,
    professionalJudgement: row.professional_judgement as RiskLevel | null,
    policeCallOutsLast12Months: row.police_call_outs_last_12_months,
    assessedAt: row.assessed_at,
    assessor: row.assessor,
    sourceTool: null,
  };
}
