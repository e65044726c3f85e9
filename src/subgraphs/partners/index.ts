import { and } from "graphql-shield";
import { OrganisationCode } from "../../platform/domain";
import { buildFederatedSchema } from "../../platform/federation";
import { Role } from "../../platform/principal";
import { guardSchema, organisationIs, roleIs } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { ChallengerCaseDetails, NavigatorContact, NrmDecision, NrmSubmission, PlaceOfSafetyStay } from "./challenger/challenger.types";
import { createPartnersContext, PartnersContext, PartnersServices } from "./context";
import { CaseEpisodes, ServiceEpisode } from "./episodes/episode.types";
import { HourglassCaseDetails } from "./hourglass/hourglass.types";
import { MaracService } from "./marac/marac.service";
import { PartnerRiskSync } from "./marac/marac.sync";
import { MaracReferral } from "./marac/marac.types";
import { CaseRecordsResolver } from "./records/case-records.resolver";
import { PartnerRecordsService } from "./records/partner-records.service";
import { RiskAssessmentResolver } from "./risk/risk-assessment.resolver";
import { RiskAssessmentService } from "./risk/risk-assessment.service";
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
  entities: [],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<PartnersContext>(
        { resolvers: [CaseRecordsResolver, RiskAssessmentResolver], orphanedTypes: [CaseEpisodes] },
        {
          // Any GMVS case id: partners answer with what they hold for it (possibly nothing).
          Case: { __resolveReference: (reference) => ({ id: String(reference.id) }) },
        },
      ),
      TYPES,
      {
        Mutation: {
          recordRiskAssessment: and(
            organisationIs(OrganisationCode.PANKHURST, OrganisationCode.HOURGLASS, OrganisationCode.CHALLENGER),
            roleIs(Role.CASEWORKER, Role.SUPERVISOR),
          ),
        },
      },
    ),
  createServices: (db, sources) => ({
    partners: sources.partners,
    records: new PartnerRecordsService(sources.partners),
    risk: new RiskAssessmentService(db.dataSource),
    marac: new MaracService(db.dataSource),
    riskSync: new PartnerRiskSync(db.dataSource, sources.partners),
  }),
  createContext: createPartnersContext,
  seed: seedPartners,
  // MARAC referrals for the partners' own high-risk assessments (marac.sync.ts); a partner that is down is skipped and logged.
  start: async (services, logger) => {
    await services.riskSync.syncAll(logger);
  },
};
