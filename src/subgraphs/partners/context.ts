import type { PartnerCode, PartnerConnector } from "../../../connectors/partners";
import { PartialErrors } from "../../platform/partial";
import type { GuardedContext } from "../../policy/access";
import { MaracService } from "./marac/marac.service";
import { PartnerRiskSync } from "./marac/marac.sync";
import { createPartnerRecordLoaders } from "./records/partner-records.loaders";
import { PartnerRecordsService } from "./records/partner-records.service";
import { createReferralLoaders } from "./referrals/referral.loaders";
import { ReferralService } from "./referrals/referral.service";
import { RiskAssessmentService } from "./risk/risk-assessment.service";
import type { RiskFactsService } from "./risk/risk-facts.service";
import type { OutcomeFactsService } from "./support/outcome-facts.service";
import type { ModernSlaveryFactsService } from "./challenger/modern-slavery-facts.service";

export interface PartnersServices {
  partners: ReadonlyMap<PartnerCode, PartnerConnector>;
  records: PartnerRecordsService;
  risk: RiskAssessmentService;
  marac: MaracService;
  riskSync: PartnerRiskSync;
  referrals: ReferralService;
  riskFacts: RiskFactsService;
  outcomeFacts: OutcomeFactsService;
  modernSlaveryFacts: ModernSlaveryFactsService;
}

export function createPartnersContext(services: PartnersServices, base: GuardedContext) {
  return {
    ...base,
    services,
    loaders: { ...createPartnerRecordLoaders(services), ...createReferralLoaders(services.referrals) },
    partialErrors: new PartialErrors(),
  };
}
export type PartnersContext = ReturnType<typeof createPartnersContext>;
