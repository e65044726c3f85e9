import type { Config } from "../platform/config";
import { FACT_FEED_PATHS, FeedClient } from "../platform/fact-feed";
import type { FactBatch, FactSource } from "../subgraphs/insights/facts/facts";
import type { ReferralFactsPage } from "../subgraphs/partners/referrals/referral.service";
import type { MaracReferralFeedFact, RiskAssessmentFeedFact, RiskFactsPage, RiskFactsWatermark } from "../subgraphs/partners/risk/risk-facts.service";
import type { OutcomeFactsPage, PartnerFactsWatermark } from "../subgraphs/partners/support/outcome-facts.service";
import type {
  ChallengerFactsPage,
  ChallengerFactsWatermark,
  NrmSubmissionFeedFact,
  PlaceOfSafetyStayFeedFact,
} from "../subgraphs/partners/challenger/modern-slavery-facts.service";
import type { CaseFactsBatch, CaseFact, FactsWatermark } from "../subgraphs/victims/facts/facts.service";
import {
  CaseFactsFeed,
  CopeRecoverFactSource,
  MaracReferralFactSource,
  ModernSlaveryFactsFeed,
  NrmSubmissionFactSource,
  OutcomeFactsFeed,
  PartnersFactSource,
  PlaceOfSafetyStayFactSource,
  ReferralFactsFeed,
  RiskAssessmentFactSource,
  RiskFactsFeed,
  VictimsFactSource,
} from "./sources";

/** The victims' case facts, read from the victims subgraph's internal feed. */
export class CaseFactsOverHttp implements CaseFactsFeed {
  constructor(private readonly client: FeedClient) {}

  changedSince(watermark: FactsWatermark | null, limit = 100): Promise<CaseFactsBatch> {
    return this.client.page(FACT_FEED_PATHS.cases, watermark, limit);
  }

  forCases(caseIds: readonly string[]): Promise<{ facts: (CaseFact | null)[]; policeUnavailable: boolean }> {
    return this.client.post(FACT_FEED_PATHS.caseLookup, { caseIds });
  }
}

/** The partners' referral facts, read from the partners subgraph's internal feed. */
export class ReferralFactsOverHttp implements ReferralFactsFeed {
  constructor(private readonly client: FeedClient) {}

  factsChangedSince(since: { updatedAt: Date; referralId: string } | null, limit = 1000): Promise<ReferralFactsPage> {
    return this.client.page(FACT_FEED_PATHS.referrals, since, limit);
  }
}

/** The partners' risk assessment and MARAC referral facts, read from the partners subgraph's internal feeds. */
export class RiskFactsOverHttp implements RiskFactsFeed {
  constructor(private readonly client: FeedClient) {}

  assessmentsChangedSince(after: RiskFactsWatermark | null, limit: number): Promise<RiskFactsPage<RiskAssessmentFeedFact>> {
    return this.client.page(FACT_FEED_PATHS.riskAssessments, after, limit);
  }

  maracReferralsChangedSince(after: RiskFactsWatermark | null, limit: number): Promise<RiskFactsPage<MaracReferralFeedFact>> {
    return this.client.page(FACT_FEED_PATHS.maracReferrals, after, limit);
  }
}

/** The partners' cope-and-recover outcome facts, read from the partners subgraph's internal feed. */
export class OutcomeFactsOverHttp implements OutcomeFactsFeed {
  constructor(private readonly client: FeedClient) {}

  changedSince(after: PartnerFactsWatermark | null, limit: number): Promise<OutcomeFactsPage> {
    return this.client.page(FACT_FEED_PATHS.outcomes, after, limit);
  }
}

/** Challenger's NRM submission and place-of-safety stay facts, read from the partners subgraph's internal feeds. */
export class ModernSlaveryFactsOverHttp implements ModernSlaveryFactsFeed {
  constructor(private readonly client: FeedClient) {}

  nrmSubmissionsChangedSince(after: ChallengerFactsWatermark | null, limit: number): Promise<ChallengerFactsPage<NrmSubmissionFeedFact>> {
    return this.client.page(FACT_FEED_PATHS.nrmSubmissions, after, limit);
  }

  placeOfSafetyStaysChangedSince(after: ChallengerFactsWatermark | null, limit: number): Promise<ChallengerFactsPage<PlaceOfSafetyStayFeedFact>> {
    return this.client.page(FACT_FEED_PATHS.placeOfSafetyStays, after, limit);
  }
}

/** A source that cannot be read as configured: every refresh of it fails, saying why, and the others go on. */
class Unreachable implements FactSource {
  constructor(
    readonly name: string,
    private readonly why: string,
  ) {}

  changesSince(): Promise<FactBatch> {
    return Promise.reject(new Error(this.why));
  }
}

/**
 * The insights subgraph's real fact sources: the victims' and partners' feeds
 * at their subgraphs' URLs (VICTIMS_URL, PARTNERS_URL; the hub in one process
 * passes its own), with service tokens signed by the hub's shared key. So the
 * insights subgraph reads no table but its own, and each owner can keep its
 * own store.
 */
export function feedFactSources(config: Pick<Config, "subgraphUrls" | "gatewayProof">): FactSource[] {
  const key = config.gatewayProof.signingKey;
  const { victims, partners } = config.subgraphUrls;
  const names = ["victims", "partners", "partners-risk", "partners-marac", "partners-outcomes", "partners-nrm", "partners-place-of-safety"];
  if (!key) return names.map((name) => new Unreachable(name, "GATEWAY_SIGNING_KEY is unset: insights cannot sign for the fact feeds"));
  if (!victims || !partners) {
    return names.map((name) => new Unreachable(name, "VICTIMS_URL and PARTNERS_URL are needed for insights to read the fact feeds"));
  }
  const cases = new CaseFactsOverHttp(new FeedClient("victims", victims, key));
  const partnersFeed = new FeedClient("partners", partners, key);
  const risk = new RiskFactsOverHttp(partnersFeed);
  const challenger = new ModernSlaveryFactsOverHttp(partnersFeed);
  return [
    new VictimsFactSource(cases),
    new PartnersFactSource(new ReferralFactsOverHttp(partnersFeed), cases),
    new RiskAssessmentFactSource(risk, cases),
    new MaracReferralFactSource(risk, cases),
    new CopeRecoverFactSource(new OutcomeFactsOverHttp(partnersFeed), cases),
    new NrmSubmissionFactSource(challenger, cases),
    new PlaceOfSafetyStayFactSource(challenger, cases),
  ];
}
