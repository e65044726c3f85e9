import { and } from "graphql-shield";
import { GovernanceWrites } from "../../policy/governance-commands";
import { OrganisationCode } from "../../platform/domain";
import { buildFederatedSchema } from "../../platform/federation";
import { Role } from "../../platform/principal";
import { authenticated, guardSchema, organisationIs, roleIs } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { ChallengerCaseDetails, NavigatorContact, NrmDecision, NrmSubmission, PlaceOfSafetyStay } from "./challenger/challenger.types";
import { createPartnersContext, PartnersContext, PartnersServices } from "./context";
import { CaseEpisodes, ServiceEpisode } from "./episodes/episode.types";
import { ReferralRecord } from "./referrals/referral.entity";
import { serveReferralFacts } from "./referrals/facts.routes";
import { CaseReferralsResolver, ReferralResolver } from "./referrals/referral.resolver";
import { addresseeCaseworker, anyCaseworker, gmvsCaseworker } from "./referrals/referral.rules";
import { seedReferrals } from "./referrals/referral.seed";
import { ReferralService } from "./referrals/referral.service";
import { Referral } from "./referrals/referral.types";
import { HourglassCaseDetails } from "./hourglass/hourglass.types";
import { MaracService } from "./marac/marac.service";
import { PartnerRiskSync } from "./marac/marac.sync";
import { MaracReferral } from "./marac/marac.types";
import { CaseRecordsResolver } from "./records/case-records.resolver";
import { PartnerRecordsService } from "./records/partner-records.service";
import { RiskAssessmentResolver } from "./risk/risk-assessment.resolver";
import { RiskAssessmentService } from "./risk/risk-assessment.service";
import { RiskFactsService } from "./risk/risk-facts.service";
import { serveRiskFacts } from "./risk/facts.routes";
import { serveOutcomeFacts } from "./support/facts.routes";
import { OutcomeFactsService } from "./support/outcome-facts.service";
import { serveModernSlaveryFacts } from "./challenger/facts.routes";
import { ModernSlaveryFactsService } from "./challenger/modern-slavery-facts.service";
import { RiskAnswerGiven, RiskAssessment } from "./risk/risk-assessment.types";
import { seedPartners } from "./seed";
import { OutcomeMeasure, SafetyPlan, SafetyPlanReview, SupportAction } from "./support/support.types";

/** Every object type the subgraph serves, each declared personal or not (src/policy/sensitive.ts). */
const TYPES = [
  CaseEpisodes,
  ServiceEpisode,
  RiskAssessment,
  RiskAnswerGiven,
  MaracReferral,
  SafetyPlan,
  SafetyPlanReview,
  SupportAction,
  OutcomeMeasure,
  HourglassCaseDetails,
  ChallengerCaseDetails,
  NrmSubmission,
  NrmDecision,
  PlaceOfSafetyStay,
  NavigatorContact,
];

export const partners: SubgraphModule<PartnersServices, PartnersContext> = {
  name: "partners",
  entities: [ReferralRecord],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<PartnersContext>(
        { resolvers: [CaseRecordsResolver, RiskAssessmentResolver, ReferralResolver, CaseReferralsResolver], orphanedTypes: [CaseEpisodes] },
        {
          // Any GMVS case id: partners answer with what they hold for it (possibly nothing).
          Case: { __resolveReference: (reference) => ({ id: String(reference.id) }) },
          Referral: { __resolveReference: (reference, ctx) => ReferralResolver.visible(String(reference.id), ctx) },
        },
      ),
      [...TYPES, Referral],
      {
        Query: { referral: authenticated, referralsForMe: anyCaseworker },
        Mutation: {
          recordRiskAssessment: and(
            organisationIs(OrganisationCode.PANKHURST, OrganisationCode.HOURGLASS, OrganisationCode.CHALLENGER),
            roleIs(Role.CASEWORKER, Role.SUPERVISOR),
          ),
          referToService: gmvsCaseworker,
          withdrawReferral: gmvsCaseworker,
          closeReferral: gmvsCaseworker,
          receiveReferral: addresseeCaseworker,
          acceptReferral: addresseeCaseworker,
          declineReferral: addresseeCaseworker,
          recordFirstContact: addresseeCaseworker,
        },
      },
    ),
  createServices: (db, sources, _config, governance) => {
    const writes = new GovernanceWrites(governance, "partners");
    return {
    partners: sources.partners,
    records: new PartnerRecordsService(sources.partners),
    risk: new RiskAssessmentService(db.dataSource, writes),
    marac: new MaracService(db.dataSource),
    riskSync: new PartnerRiskSync(db.dataSource, sources.partners, writes),
    referrals: new ReferralService(db.dataSource, writes),
    riskFacts: new RiskFactsService(db.dataSource),
    outcomeFacts: new OutcomeFactsService(sources.partners),
    modernSlaveryFacts: new ModernSlaveryFactsService(sources.partners),
    };
  },
  routes: (app, services, { serviceKey, logger }) => {
    serveReferralFacts(app, services.referrals, serviceKey, logger);
    serveRiskFacts(app, services.riskFacts, serviceKey, logger);
    serveOutcomeFacts(app, services.outcomeFacts, serviceKey, logger);
    serveModernSlaveryFacts(app, services.modernSlaveryFacts, serviceKey, logger);
  },
  outbox: "partners",
  createContext: createPartnersContext,
  seed: async (db) => {
    await seedPartners(db);
    await seedReferrals(db);
  },
  // MARAC referrals for the partners' own high-risk assessments (marac.sync.ts); a partner that is down is skipped and logged.
  start: async (services, logger) => {
    await services.riskSync.syncAll(logger);
  },
};
