import type {
  ChallengerCaseDetails as ChallengerDetailsRecord,
  HourglassCaseDetails as HourglassDetailsRecord,
  NrmDecision as NrmDecisionRecord,
  OutcomeMeasure as OutcomeRecord,
  PartnerCode,
  RiskAssessment as RiskAssessmentRecord,
  SafetyPlan as SafetyPlanRecord,
  ServiceEpisode as EpisodeRecord,
  SupportAction as SupportActionRecord,
} from "../../../../connectors/partners";
import { RiskTool as ConnectorRiskTool } from "../../../../connectors/partners";
import { OrganisationCode } from "../../../platform/domain";
import { ChallengerCaseDetails, NavigatorContact, NrmDecision, NrmSubmission, PlaceOfSafetyStay } from "../challenger/challenger.types";
import { EpisodeStatus, ServiceEpisode } from "../episodes/episode.types";
import { HourglassCaseDetails } from "../hourglass/hourglass.types";
import { MaracReferral } from "../marac/marac.types";
import { RiskAssessmentInputError, RiskReason } from "../risk/dash";
import { RiskLevel, RiskTool } from "../risk/question-sets";
import { RiskAnswerGiven, RiskAssessment, RiskAssessmentOrigin } from "../risk/risk-assessment.types";
import { RiskAssessmentInput, scoreRiskAssessment } from "../risk/risk-scoring";
import { OutcomeMeasure, SafetyPlan, SafetyPlanReview, SupportAction } from "../support/support.types";

/**
 * The one place partner records (connectors/partners.ts, whatever the
 * partner's system) and the hub's own rows become the subgraph's GraphQL
 * types. Every object carries the GMVS case id and the partner holding it,
 * which the access decision reads (records/partner-record.ts). Instants
 * arrive as ISO strings and leave as dates; calendar days stay YYYY-MM-DD.
 */

/** Partner codes are the hub's organisation codes (connectors/partners.ts). */
export function organisationOf(partner: PartnerCode): OrganisationCode {
  return partner as unknown as OrganisationCode;
}

const date = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

export function toEpisode(e: EpisodeRecord): ServiceEpisode {
  return Object.assign(new ServiceEpisode(), {
    id: e.id,
    caseId: e.gmvsCaseId,
    provider: organisationOf(e.partner),
    service: e.service,
    worker: e.worker.displayName,
    status: e.end === null ? EpisodeStatus.ACTIVE : EpisodeStatus.CLOSED,
    startedAt: date(e.start),
    endedAt: date(e.end),
    closureReason: e.closureReason,
    outcome: e.outcome,
  });
}

export function toSafetyPlan(p: SafetyPlanRecord, partner: PartnerCode): SafetyPlan {
  const holder = { caseId: p.gmvsCaseId, provider: organisationOf(partner) };
  return Object.assign(new SafetyPlan(), {
    id: p.id,
    ...holder,
    createdAt: date(p.createdAt),
    reviews: p.reviews.map((r) => Object.assign(new SafetyPlanReview(), { ...holder, reviewedAt: date(r.reviewedAt), summary: r.summary })),
    nextReviewDue: p.nextReviewDue,
  });
}

export function toSupportAction(a: SupportActionRecord, partner: PartnerCode): SupportAction {
  return Object.assign(new SupportAction(), { id: a.id, caseId: a.gmvsCaseId, provider: organisationOf(partner), kind: a.kind, date: a.date, status: a.status });
}

export function toOutcome(o: OutcomeRecord, partner: PartnerCode): OutcomeMeasure {
  return Object.assign(new OutcomeMeasure(), {
    id: o.id,
    caseId: o.gmvsCaseId,
    provider: organisationOf(partner),
    measure: o.measure,
    value: o.value,
    recordedAt: date(o.recordedAt),
  });
}

export function toHourglassDetails(h: HourglassDetailsRecord, caseId: string, partner: PartnerCode): HourglassCaseDetails {
  return Object.assign(new HourglassCaseDetails(), {
    caseId,
    provider: organisationOf(partner),
    olderVictim: h.olderVictim,
    ageBand: h.ageBand,
    economicAbuse: h.economicAbuse,
    specialistWorker: h.specialistWorker.displayName,
    latestReturnMonth: h.latestReturnMonth,
  });
}

export function toChallengerDetails(c: ChallengerDetailsRecord, caseId: string, partner: PartnerCode): ChallengerCaseDetails {
  const holder = { caseId, provider: organisationOf(partner) };
  const decision = (d: NrmDecisionRecord | null) => (d === null ? null : Object.assign(new NrmDecision(), { ...holder, decision: d.decision, decidedAt: date(d.decidedAt) }));
  return Object.assign(new ChallengerCaseDetails(), {
    ...holder,
    nrmSubmissions: c.nrmSubmissions.map((s) =>
      Object.assign(new NrmSubmission(), {
        ...holder,
        id: s.id,
        kind: s.kind,
        ageGroup: s.ageGroup,
        consentGiven: s.consentGiven,
        submittedAt: date(s.submittedAt),
        reasonableGrounds: decision(s.reasonableGrounds),
        conclusiveGrounds: decision(s.conclusiveGrounds),
      }),
    ),
    placeOfSafetyStays: c.placeOfSafetyStays.map((s) => Object.assign(new PlaceOfSafetyStay(), { ...holder, id: s.id, from: date(s.from), to: date(s.to) })),
    navigatorContacts: c.navigatorContacts.map((n) => Object.assign(new NavigatorContact(), { ...holder, id: n.id, at: date(n.at), channel: n.channel, summary: n.summary })),
  });
}

/** An assessment from either origin, before scoring: what was recorded. */
export interface RecordedRiskAssessment extends RiskAssessmentInput {
  id: string;
  caseId: string;
  provider: OrganisationCode;
  origin: RiskAssessmentOrigin;
  assessedAt: Date;
  assessor: string;
  /** The tool as the source named it, for an assessment whose set the hub does not hold. */
  sourceTool: RiskTool | null;
}

/** A partner system's assessment as recorded; scored by toRiskAssessment like the hub's own. */
export function fromPartnerAssessment(a: RiskAssessmentRecord, partner: PartnerCode): RecordedRiskAssessment {
  return {
    id: a.id,
    caseId: a.gmvsCaseId,
    provider: organisationOf(partner),
    origin: RiskAssessmentOrigin.PARTNER_SYSTEM,
    questionSetVersion: a.questionSetVersion,
    answers: a.answers,
    // The connector's levels carry the hub's values (connectors/partners.ts).
    professionalJudgement: a.professionalJudgement as RiskLevel | null,
    policeCallOutsLast12Months: a.policeCallOutsLast12Months,
    assessedAt: new Date(a.assessedAt),
    assessor: a.assessor.displayName,
    sourceTool: a.tool === ConnectorRiskTool.SDASH ? RiskTool.S_DASH : RiskTool.OTHER,
  };
}

/**
 * Scored against its question set, answers kept. An assessment the hub
 * cannot score (a question set it does not hold, an answer its set does not
 * ask) is still shown, as recorded, with no score, level or MARAC decision:
 * the hub never guesses one.
 */
export function toRiskAssessment(a: RecordedRiskAssessment): RiskAssessment {
  const holder = { caseId: a.caseId, provider: a.provider };
  const base = {
    id: a.id,
    ...holder,
    origin: a.origin,
    questionSetVersion: a.questionSetVersion,
    assessedAt: a.assessedAt,
    assessor: a.assessor,
    professionalJudgement: a.professionalJudgement,
    policeCallOutsLast12Months: a.policeCallOutsLast12Months,
  };
  const answer = (questionId: string, value: string) => Object.assign(new RiskAnswerGiven(), { ...holder, questionId, answer: value });
  try {
    const scored = scoreRiskAssessment(a);
    return Object.assign(new RiskAssessment(), {
      ...base,
      tool: scored.tool,
      answers: scored.answers.map((x) => answer(x.questionId, x.answer)),
      score: scored.score,
      level: scored.level,
      reasons: scored.reasons,
      maracReferralRequired: scored.maracReferralRequired,
      heightenedRiskIndicators: scored.tool === RiskTool.S_DASH ? scored.heightenedRiskIndicators : null,
    });
  } catch (error) {
    if (!(error instanceof RiskAssessmentInputError)) throw error;
    return Object.assign(new RiskAssessment(), {
      ...base,
      tool: a.sourceTool,
      answers: Object.entries(a.answers).map(([questionId, value]) => answer(questionId, value)),
      score: null,
      level: null,
      reasons: null,
      maracReferralRequired: null,
      heightenedRiskIndicators: null,
    });
  }
}

export interface MaracReferralRow {
  id: string;
  case_id: string;
  assessment_id: string;
  partner: string;
  raised_at: Date;
  reasons: string[];
}

export function toMaracReferral(row: MaracReferralRow): MaracReferral {
  return Object.assign(new MaracReferral(), {
    id: row.id,
    caseId: row.case_id,
    provider: row.partner as OrganisationCode,
    assessmentId: row.assessment_id,
    raisedAt: row.raised_at,
    reasons: row.reasons as RiskReason[],
  });
}
