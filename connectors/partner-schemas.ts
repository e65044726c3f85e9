import { z } from "zod";
import {
  AgeBand,
  AgeGroup,
  ChallengerCaseDetails,
  EpisodeClosureReason,
  EpisodeOutcome,
  HourglassCaseDetails,
  NavigatorContact,
  NavigatorContactChannel,
  NrmDecisionOutcome,
  NrmSubmission,
  NrmSubmissionKind,
  nrmSubmissionProblems,
  OUTCOME_SCALE,
  OutcomeMeasure,
  OutcomeMeasureKind,
  PartnerCaseRecord,
  PartnerCode,
  PartnerReferral,
  PartnerWorker,
  PlaceOfSafetyStay,
  ReferralStatus,
  RiskAnswer,
  RiskAssessment,
  RiskLevel,
  RiskTool,
  SafetyPlan,
  ServiceEpisode,
  SupportAction,
  SupportActionKind,
  SupportActionStatus,
} from "./partners";

/**
 * Validation of partner records as they arrive from any partner system, one
 * schema per type in partners.ts, each annotated with that type so the
 * compiler keeps them in step. Objects are not strict: a field a partner
 * adds later is dropped, not an error.
 */

export const instant = z.iso.datetime({ offset: true });
export const day = z.iso.date();
const id = z.string().min(1);

export const workerSchema: z.ZodType<PartnerWorker> = z.object({ id, displayName: z.string().min(1) });

export const referralSchema: z.ZodType<PartnerReferral> = z.object({
  id,
  gmvsCaseId: z.uuid(),
  partner: z.enum(PartnerCode),
  service: z.string().min(1),
  status: z.enum(ReferralStatus),
  sentAt: instant,
  receivedAt: instant.nullable(),
  acceptedAt: instant.nullable(),
  declinedAt: instant.nullable(),
  declineReason: z.string().min(1).nullable(),
  withdrawnAt: instant.nullable(),
  closedAt: instant.nullable(),
});

export const episodeSchema: z.ZodType<ServiceEpisode> = z.object({
  id,
  gmvsCaseId: z.uuid(),
  partner: z.enum(PartnerCode),
  service: z.string().min(1),
  worker: workerSchema,
  start: instant,
  end: instant.nullable(),
  closureReason: z.enum(EpisodeClosureReason).nullable(),
  outcome: z.enum(EpisodeOutcome).nullable(),
});

export const riskAssessmentSchema: z.ZodType<RiskAssessment> = z.object({
  id,
  gmvsCaseId: z.uuid(),
  tool: z.enum(RiskTool),
  questionSetVersion: z.string().min(1),
  answers: z.record(z.string().min(1), z.enum(RiskAnswer)),
  professionalJudgement: z.enum(RiskLevel).nullable(),
  policeCallOutsLast12Months: z.number().int().nonnegative().nullable(),
  assessedAt: instant,
  assessor: workerSchema,
});

export const safetyPlanSchema: z.ZodType<SafetyPlan> = z.object({
  id,
  gmvsCaseId: z.uuid(),
  createdAt: instant,
  reviews: z.array(z.object({ reviewedAt: instant, summary: z.string() })),
  nextReviewDue: day.nullable(),
});

export const supportActionSchema: z.ZodType<SupportAction> = z.object({
  id,
  gmvsCaseId: z.uuid(),
  kind: z.enum(SupportActionKind),
  date: day,
  status: z.enum(SupportActionStatus),
});

export const outcomeMeasureSchema: z.ZodType<OutcomeMeasure> = z.object({
  id,
  gmvsCaseId: z.uuid(),
  measure: z.enum(OutcomeMeasureKind),
  value: z.number().int().min(OUTCOME_SCALE.min).max(OUTCOME_SCALE.max),
  recordedAt: instant,
});

const nrmDecision = z.object({ decision: z.enum(NrmDecisionOutcome), decidedAt: instant });

export const nrmSubmissionSchema: z.ZodType<NrmSubmission> = z
  .object({
    id,
    gmvsCaseId: z.uuid(),
    kind: z.enum(NrmSubmissionKind),
    ageGroup: z.enum(AgeGroup),
    consentGiven: z.boolean(),
    submittedAt: instant,
    reasonableGrounds: nrmDecision.nullable(),
    conclusiveGrounds: nrmDecision.nullable(),
  })
  .superRefine((submission, context) => {
    for (const message of nrmSubmissionProblems(submission)) context.addIssue({ code: "custom", message });
  });

export const placeOfSafetyStaySchema: z.ZodType<PlaceOfSafetyStay> = z.object({ id, gmvsCaseId: z.uuid(), from: instant, to: instant.nullable() });

export const navigatorContactSchema: z.ZodType<NavigatorContact> = z.object({
  id,
  gmvsCaseId: z.uuid(),
  at: instant,
  channel: z.enum(NavigatorContactChannel),
  summary: z.string(),
});

export const hourglassDetailsSchema: z.ZodType<HourglassCaseDetails> = z.object({
  ageBand: z.enum(AgeBand),
  olderVictim: z.boolean(),
  economicAbuse: z.boolean(),
  specialistWorker: workerSchema,
  latestReturnMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});

export const challengerDetailsSchema: z.ZodType<ChallengerCaseDetails> = z.object({
  nrmSubmissions: z.array(nrmSubmissionSchema),
  placeOfSafetyStays: z.array(placeOfSafetyStaySchema),
  navigatorContacts: z.array(navigatorContactSchema),
});

export const partnerCaseRecordSchema: z.ZodType<PartnerCaseRecord> = z.object({
  gmvsCaseId: z.uuid(),
  partner: z.enum(PartnerCode),
  referrals: z.array(referralSchema),
  episodes: z.array(episodeSchema),
  riskAssessments: z.array(riskAssessmentSchema),
  safetyPlans: z.array(safetyPlanSchema),
  supportActions: z.array(supportActionSchema),
  outcomes: z.array(outcomeMeasureSchema),
  hourglass: hourglassDetailsSchema.nullable(),
  challenger: challengerDetailsSchema.nullable(),
});

/** Where and why a value failed its schema: issue path and message only, never the value, which may hold personal data. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join(".") || "(root)"}: ${issue?.message}`;
}
