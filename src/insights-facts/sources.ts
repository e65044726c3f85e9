import {
  CopeRecoverFact,
  NrmSubmissionFact,
  PlaceOfSafetyStayFact,
  Entitlement,
  EntitlementStatus,
  FactBatch,
  FactChange,
  FactContext,
  FactKind,
  FactSource,
  MaracReferralFact,
  ProtectiveOrderFact,
  ReferralFact,
  RiskAssessmentFact,
  SupportService,
  SURVEY_SCALE,
  SurveyRight,
} from "../subgraphs/insights/facts/facts";
import type { ReferralService } from "../subgraphs/partners/referrals/referral.service";
import type { RiskFactsService, RiskFactsWatermark } from "../subgraphs/partners/risk/risk-facts.service";
import type { OutcomeFactsService, PartnerFactsWatermark } from "../subgraphs/partners/support/outcome-facts.service";
import type { ChallengerFactsWatermark, ModernSlaveryFactsService } from "../subgraphs/partners/challenger/modern-slavery-facts.service";
import type { CaseFact, CaseFactsService } from "../subgraphs/victims/facts/facts.service";
import {
  ageBandOf,
  crimeOf,
  disabilityOf,
  ethnicityOf,
  INTAKE_ROUTE,
  intakeStatusOf,
  londonMonthOf,
  ORDER_KIND,
  ORDER_OUTCOME,
  nrmStageOf,
  OUTCOME_AREA,
  REFERRAL_OUT_ROUTE,
  referralOutStatusOf,
  RISK_TOOL,
  stayLengthOf,
  SUBMISSION_KIND,
  riskLevelOf,
  sexOf,
  supportServiceOf,
} from "./categories";

/**
 * The real fact sources of the evidence base: the victims subgraph's case
 * facts feed (CaseFactsService) and the partners subgraph's referral facts
 * (ReferralService.factsChangedSince), mapped to the insights fact shapes by
 * categories.ts. The insights subgraph reads both over their owners' internal
 * routes (feeds.ts), never their tables; a tool on the hub's one store may
 * read them in process (in-process.ts).
 *
 * - "victims": per GMVS case, one referral fact for the intake (route POLICE
 *   or SELF, service GMVS), one entitlement fact per Victims' Code
 *   entitlement the engine judged, one survey fact per right answered, one
 *   protective order fact per order on the case's crime (kind, where it has
 *   got to) in the month it was applied for. Orders change on the police
 *   record, not the case, so an order's later grant or breach is counted
 *   when its case's facts are next read, as with the Victims' Code verdicts
 *   that police updates change.
 * - "partners": per referral out (GMVS → partner), one referral fact (route
 *   PARTNER, the partner's service), with its case's context (month of the
 *   referral, borough, crime, demographics).
 * - "partners-risk": per DASH assessment or S-DASH screen recorded through
 *   the hub, one risk assessment fact (tool, level as the hub scores it),
 *   with its case's context in the month it was made.
 * - "partners-marac": per MARAC referral, one fact with its case's context
 *   in the month it was raised.
 * - "partners-outcomes": per cope-and-recover outcome a partner measured for
 *   a case at least twice, one fact (area, improved or not) with its case's
 *   context in the month of the latest measurement, read from the partners'
 *   change feeds through the partners subgraph.
 * - "partners-nrm": per NRM referral or Duty to Notify return Challenger
 *   made, one fact (kind, how far its decisions have got) with its case's
 *   context in the month it was submitted, read from Challenger's change
 *   feed through the partners subgraph.
 * - "partners-place-of-safety": per stay in Challenger's place of safety,
 *   one fact (length band, or ongoing) with its case's context in the month
 *   it began, read the same way.
 *
 * Source keys are the case or referral id with the fact's place in the case
 * (nth entitlement of a kind, nth survey response): the refresh HMACs them
 * and stores only that. When the police records API cannot answer, a batch
 * fails rather than store facts without their crime
 * and Victims' Code verdicts (PoliceUnavailableForFacts); the watermark stays, and the next refresh reads it again.
 */

/** The victims' case facts, however they are reached. */
export type CaseFactsFeed = Pick<CaseFactsService, "changedSince" | "forCases">;
/** The partners' referral facts, however they are reached. */
export type ReferralFactsFeed = Pick<ReferralService, "factsChangedSince">;
/** The partners' cope-and-recover outcome facts, however they are reached. */
export type OutcomeFactsFeed = Pick<OutcomeFactsService, "changedSince">;
/** Challenger's NRM submission and place-of-safety stay facts, however they are reached. */
export type ModernSlaveryFactsFeed = Pick<ModernSlaveryFactsService, "nrmSubmissionsChangedSince" | "placeOfSafetyStaysChangedSince">;
/** The partners' risk assessment and MARAC referral facts, however they are reached. */
export type RiskFactsFeed = Pick<RiskFactsService, "assessmentsChangedSince" | "maracReferralsChangedSince">;

function contextOf(kase: CaseFact, month: string): FactContext {
  return {
    month,
    borough: kase.borough,
    ...crimeOf(kase.crime, kase.reportedToPolice),
    ageBand: ageBandOf(kase.ageBand),
    sex: sexOf(kase.sex),
    ethnicity: ethnicityOf(kase.ethnicity),
    disability: disabilityOf(kase.disability),
  };
}

/** The police records API did not answer: the batch is not applied, its watermark stays, the next refresh reads it again. */
export class PoliceUnavailableForFacts extends Error {
  constructor() {
    super("The police records API did not answer; the facts of this batch are read again next refresh");
    this.name = "PoliceUnavailableForFacts";
  }
}
const policeDown = () => new PoliceUnavailableForFacts();

/** Watermarks are stored as text by the refresh; "" is "from the beginning". */
const encode = (w: object | null) => (w === null ? "" : JSON.stringify(w));
/** A watermark as the feed that gave it wrote it, or null for "from the beginning". */
const decode = <T>(watermark: string | null): T | null => (watermark ? (JSON.parse(watermark) as T) : null);

export class VictimsFactSource implements FactSource {
  readonly name = "victims";
  constructor(private readonly facts: CaseFactsFeed) {}

  async changesSince(watermark: string | null, limit: number): Promise<FactBatch> {
    const since = decode<{ updatedAt: string; caseId: string }>(watermark);
    const batch = await this.facts.changedSince(since && { updatedAt: new Date(since.updatedAt), caseId: since.caseId }, limit);
    if (batch.policeUnavailable) throw policeDown();
    return { facts: batch.facts.flatMap(caseChanges), watermark: encode(batch.watermark), hasMore: batch.hasMore };
  }
}

/** Every fact of one GMVS case. */
export function caseChanges(kase: CaseFact): FactChange[] {
  const changes: FactChange[] = [];
  const caseContext = contextOf(kase, kase.openedMonth);
  if (kase.referralRoute !== null) {
    // A case with no recorded route (none in the portal's own intake) is not counted as a referral rather than given a route.
    changes.push({
      kind: "referral",
      sourceKey: `case:${kase.caseId}`,
      ...contextOf(kase, londonMonthOf(kase.referredAt)),
      route: INTAKE_ROUTE[kase.referralRoute],
      service: SupportService.GMVS,
      ...intakeStatusOf(kase),
      sentAt: kase.referredAt,
      receivedAt: kase.referredAt,
      // GMVS records no acceptance time of its own; waits to acceptance are the partners' measure.
      acceptedAt: null,
      firstContactAt: kase.firstContactAt,
    });
  }
  const seen = new Map<string, number>();
  for (const e of kase.entitlements ?? []) {
    const n = seen.get(e.entitlement) ?? 0;
    seen.set(e.entitlement, n + 1);
    changes.push({
      kind: "entitlement",
      sourceKey: `case:${kase.caseId}:${e.entitlement}:${n}`,
      // Counted in the month the duty arose, so a quarter's return counts the quarter's duties, not its new cases'.
      ...contextOf(kase, e.month),
      // The engine's codes and verdicts are the insights enums' values (facts.ts says so); cast across the two declarations.
      entitlement: e.entitlement as unknown as Entitlement,
      status: e.status as unknown as EntitlementStatus,
      enhancedRights: e.enhancedRights,
    });
  }
  (kase.protectiveOrders ?? []).forEach((order, i) => {
    const fact: ProtectiveOrderFact = {
      kind: "protective_order",
      // The nth order of the case, oldest application first (CaseFact.protectiveOrders): the police order id never reaches insights.
      sourceKey: `case:${kase.caseId}:order:${i}`,
      ...contextOf(kase, order.appliedMonth),
      orderKind: ORDER_KIND[order.kind],
      outcome: ORDER_OUTCOME[order.status],
    };
    changes.push(fact);
  });
  kase.surveys.forEach((response, i) => {
    // The overall score answers no one right; the evidence base measures satisfaction per right.
    for (const { right, score } of response.rightScores) {
      if (score < SURVEY_SCALE.min || score > SURVEY_SCALE.max) continue;
      changes.push({ kind: "survey", sourceKey: `case:${kase.caseId}:survey:${i}:${right}`, ...caseContext, right: `R${right}` as SurveyRight, score });
    }
  });
  return changes;
}

/**
 * Facts of one partners feed, each given its case's context from the
 * victims' case lookup: a case that is gone (erased) takes its facts with it.
 */
abstract class CaseContextFactSource<F extends { caseId: string }> implements FactSource {
  abstract readonly name: string;
  constructor(private readonly cases: CaseFactsFeed) {}

  /** The feed's page after `watermark` (as this source encoded it, null from the beginning). */
  protected abstract page(watermark: string | null, limit: number): Promise<{ facts: F[]; watermark: object | null; hasMore: boolean }>;
  protected abstract toFact(fact: F, kase: CaseFact): FactChange | null;
  /** The kind of fact this source gives, and the key of the one a feed fact is: what a deletion names. */
  protected abstract readonly factKind: FactKind;
  protected abstract sourceKeyOf(fact: F): string;

  async changesSince(watermark: string | null, limit: number): Promise<FactBatch> {
    const page = await this.page(watermark, limit);
    const { facts: kases, policeUnavailable } = await this.cases.forCases([...new Set(page.facts.map((f) => f.caseId))]);
    if (policeUnavailable && page.facts.length > 0) throw policeDown();
    const caseById = new Map(kases.flatMap((k) => (k ? [[k.caseId, k] as const] : [])));
    const facts = page.facts.flatMap((f) => {
      const kase = caseById.get(f.caseId);
      if (!kase) return [{ kind: "deletion" as const, factKind: this.factKind, sourceKey: this.sourceKeyOf(f) }];
      const fact = this.toFact(f, kase);
      return fact ? [fact] : [];
    });
    return { facts, watermark: encode(page.watermark), hasMore: page.hasMore };
  }
}

type ReferralFeedFact = Awaited<ReturnType<ReferralFactsFeed["factsChangedSince"]>>["facts"][number];

export class PartnersFactSource extends CaseContextFactSource<ReferralFeedFact> {
  readonly name = "partners";
  constructor(
    private readonly referrals: ReferralFactsFeed,
    cases: CaseFactsFeed,
  ) {
    super(cases);
  }

  protected async page(watermark: string | null, limit: number) {
    const since = decode<{ updatedAt: string; referralId: string }>(watermark);
    const page = await this.referrals.factsChangedSince(since && { updatedAt: new Date(since.updatedAt), referralId: since.referralId }, limit);
    return { facts: page.facts, watermark: page.watermark, hasMore: page.facts.length === limit };
  }

  protected toFact(r: ReferralFeedFact, kase: CaseFact): ReferralFact {
    return {
      kind: "referral",
      sourceKey: this.sourceKeyOf(r),
      ...contextOf(kase, londonMonthOf(r.sentAt)),
      route: REFERRAL_OUT_ROUTE,
      service: supportServiceOf(r.partner, r.service),
      ...referralOutStatusOf(r),
      sentAt: r.sentAt,
      receivedAt: r.receivedAt,
      acceptedAt: r.acceptedAt,
      firstContactAt: r.firstContactAt,
    };
  }

  protected readonly factKind = "referral";
  protected sourceKeyOf(r: ReferralFeedFact): string {
    return `referral:${r.referralId}`;
  }
}

/** The risk feeds' watermark, as the partners service gives it: its time is text, to the microsecond. */
type RiskAssessmentFeedFact = Awaited<ReturnType<RiskFactsFeed["assessmentsChangedSince"]>>["facts"][number];
type MaracReferralFeedFact = Awaited<ReturnType<RiskFactsFeed["maracReferralsChangedSince"]>>["facts"][number];

export class RiskAssessmentFactSource extends CaseContextFactSource<RiskAssessmentFeedFact> {
  readonly name = "partners-risk";
  constructor(
    private readonly risk: RiskFactsFeed,
    cases: CaseFactsFeed,
  ) {
    super(cases);
  }

  protected page(watermark: string | null, limit: number) {
    return this.risk.assessmentsChangedSince(decode<RiskFactsWatermark>(watermark), limit);
  }

  protected toFact(a: RiskAssessmentFeedFact, kase: CaseFact): RiskAssessmentFact | null {
    const tool = RISK_TOOL[a.tool];
    if (tool === null) return null;
    return { kind: "risk_assessment", sourceKey: this.sourceKeyOf(a), ...contextOf(kase, londonMonthOf(a.assessedAt)), tool, level: riskLevelOf(a.level) };
  }

  protected readonly factKind = "risk_assessment";
  protected sourceKeyOf(a: RiskAssessmentFeedFact): string {
    return `risk:${a.assessmentId}`;
  }
}

export class MaracReferralFactSource extends CaseContextFactSource<MaracReferralFeedFact> {
  readonly name = "partners-marac";
  constructor(
    private readonly risk: RiskFactsFeed,
    cases: CaseFactsFeed,
  ) {
    super(cases);
  }

  protected page(watermark: string | null, limit: number) {
    return this.risk.maracReferralsChangedSince(decode<RiskFactsWatermark>(watermark), limit);
  }

  protected toFact(m: MaracReferralFeedFact, kase: CaseFact): MaracReferralFact {
    return { kind: "marac_referral", sourceKey: this.sourceKeyOf(m), ...contextOf(kase, londonMonthOf(m.raisedAt)) };
  }

  protected readonly factKind = "marac_referral";
  protected sourceKeyOf(m: MaracReferralFeedFact): string {
    return `marac:${m.maracReferralId}`;
  }
}

type OutcomeFeedFact = Awaited<ReturnType<OutcomeFactsFeed["changedSince"]>>["facts"][number];

export class CopeRecoverFactSource extends CaseContextFactSource<OutcomeFeedFact> {
  readonly name = "partners-outcomes";
  constructor(
    private readonly outcomes: OutcomeFactsFeed,
    cases: CaseFactsFeed,
  ) {
    super(cases);
  }

  protected page(watermark: string | null, limit: number) {
    return this.outcomes.changedSince(decode<PartnerFactsWatermark>(watermark), limit);
  }

  protected toFact(o: OutcomeFeedFact, kase: CaseFact): CopeRecoverFact {
    return { kind: "cope_recover", sourceKey: this.sourceKeyOf(o), ...contextOf(kase, londonMonthOf(o.measuredAt)), area: OUTCOME_AREA[o.measure], improved: o.latest > o.first };
  }

  protected readonly factKind = "cope_recover";
  /** One fact per case, partner and outcome area: measured again, it replaces the one before. */
  protected sourceKeyOf(o: OutcomeFeedFact): string {
    return `outcome:${o.caseId}:${o.partner}:${o.measure}`;
  }
}

type NrmSubmissionFeedFact = Awaited<ReturnType<ModernSlaveryFactsFeed["nrmSubmissionsChangedSince"]>>["facts"][number];

export class NrmSubmissionFactSource extends CaseContextFactSource<NrmSubmissionFeedFact> {
  readonly name = "partners-nrm";
  constructor(
    private readonly challenger: ModernSlaveryFactsFeed,
    cases: CaseFactsFeed,
  ) {
    super(cases);
  }

  protected page(watermark: string | null, limit: number) {
    return this.challenger.nrmSubmissionsChangedSince(decode<ChallengerFactsWatermark>(watermark), limit);
  }

  protected toFact(s: NrmSubmissionFeedFact, kase: CaseFact): NrmSubmissionFact {
    return {
      kind: "nrm_submission",
      sourceKey: this.sourceKeyOf(s),
      ...contextOf(kase, londonMonthOf(s.submittedAt)),
      submissionKind: SUBMISSION_KIND[s.kind],
      stage: nrmStageOf(s.kind, s.reasonableGrounds, s.conclusiveGrounds),
    };
  }

  protected readonly factKind = "nrm_submission";
  protected sourceKeyOf(s: NrmSubmissionFeedFact): string {
    return `nrm:${s.submissionId}`;
  }
}

type PlaceOfSafetyStayFeedFact = Awaited<ReturnType<ModernSlaveryFactsFeed["placeOfSafetyStaysChangedSince"]>>["facts"][number];

export class PlaceOfSafetyStayFactSource extends CaseContextFactSource<PlaceOfSafetyStayFeedFact> {
  readonly name = "partners-place-of-safety";
  constructor(
    private readonly challenger: ModernSlaveryFactsFeed,
    cases: CaseFactsFeed,
  ) {
    super(cases);
  }

  protected page(watermark: string | null, limit: number) {
    return this.challenger.placeOfSafetyStaysChangedSince(decode<ChallengerFactsWatermark>(watermark), limit);
  }

  protected toFact(s: PlaceOfSafetyStayFeedFact, kase: CaseFact): PlaceOfSafetyStayFact {
    return { kind: "place_of_safety_stay", sourceKey: this.sourceKeyOf(s), ...contextOf(kase, londonMonthOf(s.startedAt)), length: stayLengthOf(s.startedAt, s.endedAt) };
  }

  protected readonly factKind = "place_of_safety_stay";
  protected sourceKeyOf(s: PlaceOfSafetyStayFeedFact): string {
    return `stay:${s.stayId}`;
  }
}
