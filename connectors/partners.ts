import type { Connector } from "./contract";

/**
 * The one record shape every partner connector returns, whatever the
 * partner's system speaks (REST, monthly CSV returns, its own SQL database),
 * so the partners subgraph serves every partner the same way (DESIGN.md,
 * Data ownership: partners). Like connectors/police/types.ts, instants are
 * ISO 8601 strings in UTC and calendar dates YYYY-MM-DD; the subgraph maps
 * them to its own types. Connectors import nothing from src/, so the
 * enumerations below repeat values the hub also holds (OrganisationCode,
 * RiskLevel, RiskAnswer) rather than import them.
 *
 * Every person named in a partner record is synthetic or an opaque id: worker
 * display names are role labels such as "Advocate A7", never real names.
 */

/** Partner organisations with a connector (DOMAIN.md, Organisations); the values are the hub's OrganisationCode. */
export enum PartnerCode {
  PANKHURST = "PANKHURST",
  HOURGLASS = "HOURGLASS",
  CHALLENGER = "CHALLENGER",
}

/**
 * A referral out, GMVS → partner, as the partner records it. DOMAIN-REFERENCE.md
 * §8.3 has a longer referral life (triage, contact attempts); these are the
 * states the hub exchanges with partners, the rest being the partner's own.
 */
export enum ReferralStatus {
  SENT = "SENT",
  RECEIVED = "RECEIVED",
  ACCEPTED = "ACCEPTED",
  DECLINED = "DECLINED",
  WITHDRAWN = "WITHDRAWN",
  CLOSED = "CLOSED",
}

/** What a partner may do to a referral through a connector. */
export enum ReferralAction {
  RECEIVE = "RECEIVE",
  ACCEPT = "ACCEPT",
  DECLINE = "DECLINE",
}

export interface PartnerReferral {
  id: string;
  /** The GMVS case it was referred under. */
  gmvsCaseId: string;
  partner: PartnerCode;
  /** The service within the organisation, e.g. "Restore". */
  service: string;
  status: ReferralStatus;
  sentAt: string;
  receivedAt: string | null;
  acceptedAt: string | null;
  declinedAt: string | null;
  /** Given with every decline; null otherwise. */
  declineReason: string | null;
  withdrawnAt: string | null;
  closedAt: string | null;
}

/** A synthetic worker: an id and a role label, e.g. { id: "PK-W07", displayName: "Advocate A7" }. */
export interface PartnerWorker {
  id: string;
  displayName: string;
}

export enum EpisodeClosureReason {
  SUPPORT_COMPLETED = "SUPPORT_COMPLETED",
  VICTIM_DISENGAGED = "VICTIM_DISENGAGED",
  VICTIM_DECLINED_FURTHER_SUPPORT = "VICTIM_DECLINED_FURTHER_SUPPORT",
  TRANSFERRED_TO_ANOTHER_SERVICE = "TRANSFERRED_TO_ANOTHER_SERVICE",
  /** Contact stopped because trying again would put the victim at risk (DOMAIN-REFERENCE.md §6, Victim Support dip sample). */
  UNSAFE_TO_CONTACT = "UNSAFE_TO_CONTACT",
  OTHER = "OTHER",
}

/** Whether the needs the support plan set out were met, recorded at closure. */
export enum EpisodeOutcome {
  NEEDS_MET = "NEEDS_MET",
  NEEDS_PARTLY_MET = "NEEDS_PARTLY_MET",
  NEEDS_NOT_MET = "NEEDS_NOT_MET",
}

/** A period of support by a partner service for one GMVS case; open while `end` is null. */
export interface ServiceEpisode {
  id: string;
  gmvsCaseId: string;
  partner: PartnerCode;
  service: string;
  worker: PartnerWorker;
  start: string;
  end: string | null;
  /** Set once the episode has ended. */
  closureReason: EpisodeClosureReason | null;
  outcome: EpisodeOutcome | null;
}

/** SafeLives DASH RIC and the S-DASH stalking screen (DOMAIN.md, Risk). */
export enum RiskTool {
  DASH = "DASH",
  SDASH = "SDASH",
}

/** The checklists answer yes / no / not known (the hub's RiskAnswer). */
export enum RiskAnswer {
  YES = "YES",
  NO = "NO",
  NOT_KNOWN = "NOT_KNOWN",
}

/** Standard / medium / high (DOMAIN-REFERENCE.md §2.2; the hub's RiskLevel). */
export enum RiskLevel {
  STANDARD = "STANDARD",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
}

/**
 * A completed checklist as the partner recorded it: the answers, not a score.
 * The hub scores it against the versioned question set named by
 * `questionSetVersion` (src/subgraphs/partners/risk), so a change of
 * thresholds never needs the partner to resend anything.
 */
export interface RiskAssessment {
  id: string;
  gmvsCaseId: string;
  tool: RiskTool;
  /** The hub's question-set id, e.g. "safelives-dash-ric@2009" or "s-dash@2009". */
  questionSetVersion: string;
  /** Keyed by the set's question ids, e.g. "dash.q08", "sdash.q01". */
  answers: Record<string, RiskAnswer>;
  /** The assessor's own judgement of the level, null when none was recorded; it can raise the level, never lower it. */
  professionalJudgement: RiskLevel | null;
  /** Police call-outs in the last 12 months, for the MARAC potential-escalation criterion; null if not known or not asked (S-DASH). */
  policeCallOutsLast12Months: number | null;
  assessedAt: string;
  assessor: PartnerWorker;
}

export interface SafetyPlanReview {
  reviewedAt: string;
  summary: string;
}

/** Restore updates safety and support plans weekly (DOMAIN.md, Pankhurst Trust); reviews oldest first. */
export interface SafetyPlan {
  id: string;
  gmvsCaseId: string;
  createdAt: string;
  reviews: SafetyPlanReview[];
  /** YYYY-MM-DD; null once the plan is closed. */
  nextReviewDue: string | null;
}

/** Practical help a partner gives (DESIGN.md: practical, emotional, target hardening, counselling). */
export enum SupportActionKind {
  PERSONAL_ALARM = "PERSONAL_ALARM",
  TARGET_HARDENING_VIDEO_DOORBELL = "TARGET_HARDENING_VIDEO_DOORBELL",
  TARGET_HARDENING_CAMERA = "TARGET_HARDENING_CAMERA",
  COUNSELLING_REFERRAL = "COUNSELLING_REFERRAL",
  COURT_SUPPORT = "COURT_SUPPORT",
  ONLINE_SAFETY_ROUTER = "ONLINE_SAFETY_ROUTER",
  ONLINE_SAFETY_EMAIL = "ONLINE_SAFETY_EMAIL",
  ONLINE_SAFETY_SOCIAL_MEDIA = "ONLINE_SAFETY_SOCIAL_MEDIA",
  OTHER = "OTHER",
}

export enum SupportActionStatus {
  PLANNED = "PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  DECLINED = "DECLINED",
}

export interface SupportAction {
  id: string;
  gmvsCaseId: string;
  kind: SupportActionKind;
  /** YYYY-MM-DD: when it was done, or is planned for. */
  date: string;
  status: SupportActionStatus;
}

/**
 * The Ministry of Justice "cope and recover" outcomes for funded victim
 * services [M] (DOMAIN-REFERENCE.md §7.2: not confirmed against the grant
 * terms; check before reporting on them).
 */
export enum OutcomeMeasureKind {
  FEELING_SAFER = "FEELING_SAFER",
  BETTER_ABLE_TO_COPE = "BETTER_ABLE_TO_COPE",
  BETTER_INFORMED = "BETTER_INFORMED",
  IMPROVED_HEALTH_AND_WELLBEING = "IMPROVED_HEALTH_AND_WELLBEING",
}

/** Outcome measures are scored 1 (worst) to 5 (best); measured at intake and again later, so change shows. */
export const OUTCOME_SCALE = { min: 1, max: 5 } as const;

export interface OutcomeMeasure {
  id: string;
  gmvsCaseId: string;
  measure: OutcomeMeasureKind;
  /** On OUTCOME_SCALE. */
  value: number;
  recordedAt: string;
}

/**
 * Modern slavery: the National Referral Mechanism, or for an adult who does
 * not consent, the anonymous Duty to Notify (MS1) return (Modern Slavery Act
 * 2015 s.52; DOMAIN-REFERENCE.md §4.3).
 */
export enum NrmSubmissionKind {
  NRM = "NRM",
  DUTY_TO_NOTIFY = "DUTY_TO_NOTIFY",
}

export enum AgeGroup {
  ADULT = "ADULT",
  CHILD = "CHILD",
}

export enum NrmDecisionOutcome {
  POSITIVE = "POSITIVE",
  NEGATIVE = "NEGATIVE",
}

export interface NrmDecision {
  decision: NrmDecisionOutcome;
  decidedAt: string;
}

export interface NrmSubmission {
  id: string;
  gmvsCaseId: string;
  kind: NrmSubmissionKind;
  ageGroup: AgeGroup;
  /** The adult's consent to an NRM referral; false for a child, whose referral needs none (see nrmSubmissionProblems). */
  consentGiven: boolean;
  submittedAt: string;
  /** "Reasonable grounds to believe the person is a victim" (Nationality and Borders Act 2022 s.60); null while pending. */
  reasonableGrounds: NrmDecision | null;
  /** On the balance of probabilities, after a positive reasonable-grounds decision; null while pending. */
  conclusiveGrounds: NrmDecision | null;
}

/** A stay in Challenger's place of safety for immediate rescue and recovery (DOMAIN.md); `to` null while it lasts. */
export interface PlaceOfSafetyStay {
  id: string;
  gmvsCaseId: string;
  from: string;
  to: string | null;
}

export enum NavigatorContactChannel {
  IN_PERSON = "IN_PERSON",
  PHONE = "PHONE",
  TEXT_MESSAGE = "TEXT_MESSAGE",
  VIDEO_CALL = "VIDEO_CALL",
}

/** A contact by the Justice and Care victim navigator between GMP and the survivor (DOMAIN-REFERENCE.md §0, Programme Challenger [S]). */
export interface NavigatorContact {
  id: string;
  gmvsCaseId: string;
  at: string;
  channel: NavigatorContactChannel;
  summary: string;
}

/**
 * Hourglass works with older people (DOMAIN.md). Its returns give an age band,
 * not a date of birth. Which age Hourglass counts as "older" is not confirmed
 * [M]: the bands from 60 up are taken as older (OLDER_AGE_BANDS), as in
 * published work on abuse of people aged 60 and over.
 */
export enum AgeBand {
  UNDER_60 = "UNDER_60",
  AGE_60_TO_64 = "AGE_60_TO_64",
  AGE_65_TO_74 = "AGE_65_TO_74",
  AGE_75_TO_84 = "AGE_75_TO_84",
  AGE_85_AND_OVER = "AGE_85_AND_OVER",
  NOT_KNOWN = "NOT_KNOWN",
}

export const OLDER_AGE_BANDS: ReadonlySet<AgeBand> = new Set([
  AgeBand.AGE_60_TO_64,
  AgeBand.AGE_65_TO_74,
  AgeBand.AGE_75_TO_84,
  AgeBand.AGE_85_AND_OVER,
]);

export interface HourglassCaseDetails {
  ageBand: AgeBand;
  /** Derived from the age band; false when it is not known. */
  olderVictim: boolean;
  /** Economic abuse, including through technology (DOMAIN.md, Hourglass). */
  economicAbuse: boolean;
  /** The specialist worker in Greater Manchester on the latest return. */
  specialistWorker: PartnerWorker;
  /** The latest monthly return (YYYY-MM) these details come from. */
  latestReturnMonth: string;
}

export interface ChallengerCaseDetails {
  nrmSubmissions: NrmSubmission[];
  placeOfSafetyStays: PlaceOfSafetyStay[];
  navigatorContacts: NavigatorContact[];
}

/**
 * Everything one partner holds for one GMVS case. Lists are oldest first and
 * empty where the partner holds none of that kind; the partner-specific
 * sections are null for the other partners.
 */
export interface PartnerCaseRecord {
  gmvsCaseId: string;
  partner: PartnerCode;
  referrals: PartnerReferral[];
  episodes: ServiceEpisode[];
  riskAssessments: RiskAssessment[];
  safetyPlans: SafetyPlan[];
  supportActions: SupportAction[];
  outcomes: OutcomeMeasure[];
  hourglass: HourglassCaseDetails | null;
  challenger: ChallengerCaseDetails | null;
}

/** A partner connector: fetch, search and follow partner case records keyed by GMVS case id. */
export interface PartnerConnector extends Connector<string /* gmvsCaseId */, PartnerCaseRecord> {
  readonly partner: PartnerCode;
  /** Releases pools and sockets. */
  close(): Promise<void>;
}

/**
 * Referral updates, for partners whose system takes writes (Pankhurst's REST
 * API, Challenger's database; not Hourglass's monthly returns). Each goes
 * through the referral state machine (REFERRAL_TRANSITIONS) and fails with
 * ReferralTransitionError or ReferralNotFoundError. Asking for the state a
 * referral is already in, with the same reason, changes nothing and succeeds,
 * so a retried request is harmless.
 */
export interface ReferralWriter {
  recordReferralReceived(referralId: string, at: Date): Promise<PartnerReferral>;
  acceptReferral(referralId: string, at: Date): Promise<PartnerReferral>;
  declineReferral(referralId: string, reason: string, at: Date): Promise<PartnerReferral>;
}

export type WritablePartnerConnector = PartnerConnector & ReferralWriter;

export function acceptsReferralWrites(connector: PartnerConnector): connector is WritablePartnerConnector {
  return "recordReferralReceived" in connector && "acceptReferral" in connector && "declineReferral" in connector;
}

/**
 * The referral state machine, one place for every partner (STYLE.md: one
 * function per state machine that refuses an invalid transition). A partner
 * receives what GMVS sent, then accepts or declines what it received;
 * withdrawing (by GMVS or the victim) and closing happen in GMVS, not here.
 */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralAction, { from: readonly ReferralStatus[]; to: ReferralStatus }>> = {
  [ReferralAction.RECEIVE]: { from: [ReferralStatus.SENT], to: ReferralStatus.RECEIVED },
  [ReferralAction.ACCEPT]: { from: [ReferralStatus.RECEIVED], to: ReferralStatus.ACCEPTED },
  [ReferralAction.DECLINE]: { from: [ReferralStatus.RECEIVED], to: ReferralStatus.DECLINED },
};

/** Refused: the referral is not in a state the action may leave. Maps to CONFLICT. */
export class ReferralTransitionError extends Error {
  readonly code = "CONFLICT";
  constructor(
    readonly source: string,
    readonly referralId: string,
    readonly action: ReferralAction,
    readonly currentStatus: ReferralStatus,
  ) {
    super(`${source}: cannot ${action.toLowerCase()} referral ${referralId}, which is ${currentStatus}`);
    this.name = "ReferralTransitionError";
  }
}

/** The partner holds no referral with that id. Maps to NOT_FOUND. */
export class ReferralNotFoundError extends Error {
  readonly code = "NOT_FOUND";
  constructor(
    readonly source: string,
    readonly referralId: string,
  ) {
    super(`${source}: no referral ${referralId}`);
    this.name = "ReferralNotFoundError";
  }
}

/**
 * The referral after the action, or the same referral when it is already
 * where the action leads (a repeat, e.g. a retried request): refuses every
 * other transition, and a decline without a reason or repeating a decline
 * with a different one.
 */
export function applyReferralAction(
  source: string,
  referral: PartnerReferral,
  action: ReferralAction,
  at: string,
  declineReason?: string,
): PartnerReferral {
  const { from, to } = REFERRAL_TRANSITIONS[action];
  const reason = declineReason?.trim() ?? "";
  if (action === ReferralAction.DECLINE && reason === "") throw new RangeError("a decline needs a reason");
  if (referral.status === to) {
    if (action === ReferralAction.DECLINE && referral.declineReason !== reason) {
      throw new ReferralTransitionError(source, referral.id, action, referral.status);
    }
    return referral;
  }
  if (!from.includes(referral.status)) throw new ReferralTransitionError(source, referral.id, action, referral.status);
  switch (action) {
    case ReferralAction.RECEIVE:
      return { ...referral, status: to, receivedAt: at };
    case ReferralAction.ACCEPT:
      return { ...referral, status: to, acceptedAt: at };
    case ReferralAction.DECLINE:
      return { ...referral, status: to, declinedAt: at, declineReason: reason };
  }
}

/**
 * What is wrong with an NRM / Duty to Notify submission, empty when nothing
 * (DOMAIN.md, Orders and decisions; DOMAIN-REFERENCE.md §4.3):
 * - an adult goes to the NRM only with consent [S] (https://athub.org.uk/knowledge-base/the-nrm/);
 * - without consent, a public authority's duty to notify is met by the
 *   anonymous MS1 (Modern Slavery Act 2015 s.52) [S];
 * - a child goes to the NRM and needs no consent [S], so never to Duty to Notify;
 * - a Duty to Notify return asks for no decision, so carries none;
 * - the conclusive-grounds decision follows a positive reasonable-grounds one,
 *   and not before it [S/M].
 */
export function nrmSubmissionProblems(submission: NrmSubmission): string[] {
  const problems: string[] = [];
  const { kind, ageGroup, consentGiven, reasonableGrounds, conclusiveGrounds } = submission;
  if (ageGroup === AgeGroup.CHILD && kind !== NrmSubmissionKind.NRM) problems.push("a child is always referred to the NRM, never by Duty to Notify");
  if (ageGroup === AgeGroup.CHILD && consentGiven) problems.push("a child's NRM referral needs no consent and records none");
  if (ageGroup === AgeGroup.ADULT && kind === NrmSubmissionKind.NRM && !consentGiven) problems.push("an adult is referred to the NRM only with consent");
  if (ageGroup === AgeGroup.ADULT && kind === NrmSubmissionKind.DUTY_TO_NOTIFY && consentGiven) {
    problems.push("an adult who consents is referred to the NRM, not by Duty to Notify");
  }
  if (kind === NrmSubmissionKind.DUTY_TO_NOTIFY && (reasonableGrounds || conclusiveGrounds)) problems.push("a Duty to Notify return has no grounds decisions");
  if (conclusiveGrounds && reasonableGrounds?.decision !== NrmDecisionOutcome.POSITIVE) {
    problems.push("a conclusive grounds decision follows a positive reasonable grounds decision");
  }
  if (conclusiveGrounds && reasonableGrounds && Date.parse(conclusiveGrounds.decidedAt) < Date.parse(reasonableGrounds.decidedAt)) {
    problems.push("the conclusive grounds decision predates the reasonable grounds decision");
  }
  return problems;
}

/** An empty record for a case, to fill. */
export function emptyCaseRecord(partner: PartnerCode, gmvsCaseId: string): PartnerCaseRecord {
  return {
    gmvsCaseId,
    partner,
    referrals: [],
    episodes: [],
    riskAssessments: [],
    safetyPlans: [],
    supportActions: [],
    outcomes: [],
    hourglass: null,
    challenger: null,
  };
}
