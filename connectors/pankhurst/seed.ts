import {
  OutcomeMeasureKind,
  PartnerCode,
  PartnerReferral,
  PartnerWorker,
  ReferralStatus,
  RiskAnswer,
  RiskAssessment,
  RiskLevel,
  RiskTool,
  SupportActionKind,
  SupportActionStatus,
} from "../partners";
import { SYNTHETIC_GMVS_CASE_IDS as CASE } from "../synthetic";
import { PankhurstCase } from "./types";

/**
 * Synthetic case records for the Pankhurst stand-in: Restore's anti-stalking
 * work for Client M (DESIGN.md, story 1: risk assessment, a weekly-reviewed
 * safety plan, target hardening, online safety help), a high-risk coercive
 * control case, and a referral for the harassment case still waiting to be
 * received (story 2). No real person, address or worker is behind any of it.
 */

export interface PankhurstSeed {
  cases: PankhurstCase[];
}

const ADVOCATE_A7: PartnerWorker = { id: "PK-W07", displayName: "Advocate A7" };
const IDVA_B2: PartnerWorker = { id: "PK-W12", displayName: "IDVA B2" };

/** Question-set ids of the hub's versioned checklists (src/subgraphs/partners/risk/question-sets.ts). */
const DASH_SET = "safelives-dash-ric@2009";
const SDASH_SET = "s-dash@2009";

/** Every question of a checklist answered: YES for those listed, NOT_KNOWN for those listed, NO for the rest. */
function answers(prefix: "dash" | "sdash", count: number, yes: number[], notKnown: number[] = []): Record<string, RiskAnswer> {
  const entries = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const answer = yes.includes(n) ? RiskAnswer.YES : notKnown.includes(n) ? RiskAnswer.NOT_KNOWN : RiskAnswer.NO;
    return [`${prefix}.q${String(n).padStart(2, "0")}`, answer] as const;
  });
  return Object.fromEntries(entries);
}

function referral(
  id: string,
  gmvsCaseId: string,
  service: string,
  status: ReferralStatus,
  sentAt: string,
  later: Partial<Pick<PartnerReferral, "receivedAt" | "acceptedAt">> = {},
): PartnerReferral {
  return {
    id,
    gmvsCaseId,
    partner: PartnerCode.PANKHURST,
    service,
    status,
    sentAt,
    receivedAt: later.receivedAt ?? null,
    acceptedAt: later.acceptedAt ?? null,
    declinedAt: null,
    declineReason: null,
    withdrawnAt: null,
    closedAt: null,
  };
}

const clientMDash: RiskAssessment = {
  id: "PK-RA-0001",
  gmvsCaseId: CASE.clientM,
  tool: RiskTool.DASH,
  questionSetVersion: DASH_SET,
  // 9 yes: below the 14 of visible high risk; stalking (q08) is a
  // professional-judgement flag in local guidance (DOMAIN-REFERENCE.md §2.2).
  answers: answers("dash", 24, [2, 3, 4, 6, 8, 10, 11, 12, 14], [21]),
  professionalJudgement: RiskLevel.HIGH,
  policeCallOutsLast12Months: 2,
  assessedAt: "2026-09-08T11:30:00Z",
  assessor: ADVOCATE_A7,
};

const clientMSdash: RiskAssessment = {
  id: "PK-RA-0002",
  gmvsCaseId: CASE.clientM,
  tool: RiskTool.SDASH,
  questionSetVersion: SDASH_SET,
  // Prompted by the yes to DASH q08 (DOMAIN-REFERENCE.md §2.1).
  answers: answers("sdash", 11, [1, 2, 4, 5, 6, 9], [10]),
  professionalJudgement: null,
  policeCallOutsLast12Months: null,
  assessedAt: "2026-09-08T11:50:00Z",
  assessor: ADVOCATE_A7,
};

/**
 * The Escalation story (DESIGN.md, story 2): the harassment report,
 * reclassified as stalking involving serious alarm or distress, is assessed
 * by Restore's duty advocate when GMVS's referral is first discussed by
 * phone. 15 yes: visible high risk (14 or more, SafeLives Marac referral
 * form 2015), so the hub raises a MARAC referral for it.
 */
const harassmentDash: RiskAssessment = {
  id: "PK-RA-0004",
  gmvsCaseId: CASE.harassment,
  tool: RiskTool.DASH,
  questionSetVersion: DASH_SET,
  answers: answers("dash", 24, [1, 2, 3, 4, 5, 6, 8, 10, 11, 12, 14, 15, 17, 18, 20], [22]),
  professionalJudgement: null,
  policeCallOutsLast12Months: 2,
  assessedAt: "2026-10-16T17:15:00Z",
  assessor: ADVOCATE_A7,
};

export const PANKHURST_SEED: PankhurstSeed = {
  cases: [
    {
      gmvsCaseId: CASE.clientM,
      partner: PartnerCode.PANKHURST,
      referrals: [
        referral("PK-REF-0001", CASE.clientM, "Restore", ReferralStatus.ACCEPTED, "2026-09-04T15:00:00Z", {
          receivedAt: "2026-09-05T09:10:00Z",
          acceptedAt: "2026-09-07T11:00:00Z",
        }),
      ],
      episodes: [
        {
          // The same id as the partners subgraph's seed episode for Client M.
          id: "5eed0000-0000-4000-8000-0000000000e1",
          gmvsCaseId: CASE.clientM,
          partner: PartnerCode.PANKHURST,
          service: "Restore",
          worker: ADVOCATE_A7,
          start: "2026-09-08T10:00:00Z",
          end: null,
          closureReason: null,
          outcome: null,
        },
      ],
      riskAssessments: [clientMDash, clientMSdash],
      safetyPlans: [
        {
          id: "PK-SP-0001",
          gmvsCaseId: CASE.clientM,
          createdAt: "2026-09-09T10:00:00Z",
          // Weekly, as Restore's plans are (DOMAIN.md, Pankhurst Trust).
          reviews: [
            { reviewedAt: "2026-09-16T10:00:00Z", summary: "Video doorbell ordered; safe route to work agreed." },
            { reviewedAt: "2026-09-23T10:00:00Z", summary: "Doorbell fitted; social media privacy settings reviewed together." },
            { reviewedAt: "2026-09-30T10:00:00Z", summary: "New contact attempts logged for the police; plan unchanged." },
            { reviewedAt: "2026-10-07T10:00:00Z", summary: "Suspect charged; court support offered; plan kept under weekly review." },
          ],
          nextReviewDue: "2026-10-14",
        },
      ],
      supportActions: [
        { id: "PK-SA-0001", gmvsCaseId: CASE.clientM, kind: SupportActionKind.TARGET_HARDENING_VIDEO_DOORBELL, date: "2026-09-22", status: SupportActionStatus.COMPLETED },
        { id: "PK-SA-0002", gmvsCaseId: CASE.clientM, kind: SupportActionKind.ONLINE_SAFETY_SOCIAL_MEDIA, date: "2026-09-23", status: SupportActionStatus.COMPLETED },
        { id: "PK-SA-0003", gmvsCaseId: CASE.clientM, kind: SupportActionKind.ONLINE_SAFETY_ROUTER, date: "2026-09-29", status: SupportActionStatus.COMPLETED },
        { id: "PK-SA-0004", gmvsCaseId: CASE.clientM, kind: SupportActionKind.COUNSELLING_REFERRAL, date: "2026-10-07", status: SupportActionStatus.IN_PROGRESS },
        { id: "PK-SA-0005", gmvsCaseId: CASE.clientM, kind: SupportActionKind.COURT_SUPPORT, date: "2026-11-02", status: SupportActionStatus.PLANNED },
      ],
      outcomes: [
        { id: "PK-OM-0001", gmvsCaseId: CASE.clientM, measure: OutcomeMeasureKind.FEELING_SAFER, value: 1, recordedAt: "2026-09-08T11:55:00Z" },
        { id: "PK-OM-0002", gmvsCaseId: CASE.clientM, measure: OutcomeMeasureKind.FEELING_SAFER, value: 3, recordedAt: "2026-10-07T10:15:00Z" },
      ],
    },
    {
      gmvsCaseId: CASE.coercive,
      partner: PartnerCode.PANKHURST,
      referrals: [
        referral("PK-REF-0003", CASE.coercive, "Domestic abuse support", ReferralStatus.ACCEPTED, "2026-09-12T09:00:00Z", {
          receivedAt: "2026-09-12T13:20:00Z",
          acceptedAt: "2026-09-14T10:00:00Z",
        }),
      ],
      episodes: [
        {
          id: "5eed0000-0000-4000-8000-0000000000e2",
          gmvsCaseId: CASE.coercive,
          partner: PartnerCode.PANKHURST,
          service: "Domestic abuse support",
          worker: IDVA_B2,
          start: "2026-09-15T09:30:00Z",
          end: null,
          closureReason: null,
          outcome: null,
        },
      ],
      riskAssessments: [
        {
          id: "PK-RA-0003",
          gmvsCaseId: CASE.coercive,
          tool: RiskTool.DASH,
          questionSetVersion: DASH_SET,
          // 15 yes: visible high risk (14 or more, SafeLives Marac referral form 2015), so a MARAC referral.
          answers: answers("dash", 24, [1, 2, 3, 4, 5, 6, 10, 11, 12, 15, 16, 19, 20, 21, 23]),
          professionalJudgement: null,
          policeCallOutsLast12Months: 3,
          assessedAt: "2026-09-15T11:00:00Z",
          assessor: IDVA_B2,
        },
      ],
      safetyPlans: [
        {
          id: "PK-SP-0003",
          gmvsCaseId: CASE.coercive,
          createdAt: "2026-09-15T12:00:00Z",
          reviews: [{ reviewedAt: "2026-09-22T12:00:00Z", summary: "Refuge space discussed; personal alarm issued." }],
          nextReviewDue: "2026-09-29",
        },
      ],
      supportActions: [
        { id: "PK-SA-0006", gmvsCaseId: CASE.coercive, kind: SupportActionKind.PERSONAL_ALARM, date: "2026-09-22", status: SupportActionStatus.COMPLETED },
        { id: "PK-SA-0007", gmvsCaseId: CASE.coercive, kind: SupportActionKind.ONLINE_SAFETY_EMAIL, date: "2026-09-22", status: SupportActionStatus.COMPLETED },
        { id: "PK-SA-0008", gmvsCaseId: CASE.coercive, kind: SupportActionKind.COURT_SUPPORT, date: "2026-10-20", status: SupportActionStatus.PLANNED },
      ],
      outcomes: [],
    },
    {
      gmvsCaseId: CASE.harassment,
      partner: PartnerCode.PANKHURST,
      referrals: [referral("PK-REF-0002", CASE.harassment, "Restore", ReferralStatus.SENT, "2026-10-16T16:30:00Z")],
      episodes: [],
      riskAssessments: [harassmentDash],
      safetyPlans: [],
      supportActions: [],
      outcomes: [],
    },
  ],
};
