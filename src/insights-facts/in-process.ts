import type { Database } from "../platform/database";
import type { Sources } from "../sources";
import type { FactSource } from "../subgraphs/insights/facts/facts";
import { ReferralService } from "../subgraphs/partners/referrals/referral.service";
import { RiskFactsService } from "../subgraphs/partners/risk/risk-facts.service";
import { OutcomeFactsService } from "../subgraphs/partners/support/outcome-facts.service";
import { ModernSlaveryFactsService } from "../subgraphs/partners/challenger/modern-slavery-facts.service";
import { CaseService } from "../subgraphs/victims/cases/case.service";
import { ContactService } from "../subgraphs/victims/contacts/contact.service";
import { CaseFactsService } from "../subgraphs/victims/facts/facts.service";
import { VictimService } from "../subgraphs/victims/people/victim.service";
import { SurveyService } from "../subgraphs/victims/survey/survey.service";
import {
  CopeRecoverFactSource,
  MaracReferralFactSource,
  NrmSubmissionFactSource,
  PartnersFactSource,
  PlaceOfSafetyStayFactSource,
  RiskAssessmentFactSource,
  VictimsFactSource,
} from "./sources";

/**
 * The victims' and partners' fact sources read in process from one store
 * that holds both schemas: for a tool run beside the hub's one database (the
 * insights refresh CLI, tests). The insights subgraph itself reads them over
 * their owners' feeds (feeds.ts) and so never needs this.
 */
export function inProcessFactSources(db: Database, sources: Pick<Sources, "police" | "partners">): FactSource[] {
  const ds = db.dataSource;
  const caseFacts = new CaseFactsService(new CaseService(ds), new VictimService(ds), new ContactService(ds), new SurveyService(ds), sources.police);
  const risk = new RiskFactsService(ds);
  const challenger = new ModernSlaveryFactsService(sources.partners);
  return [
    new VictimsFactSource(caseFacts),
    new PartnersFactSource(new ReferralService(ds), caseFacts),
    new RiskAssessmentFactSource(risk, caseFacts),
    new MaracReferralFactSource(risk, caseFacts),
    new CopeRecoverFactSource(new OutcomeFactsService(sources.partners), caseFacts),
    new NrmSubmissionFactSource(challenger, caseFacts),
    new PlaceOfSafetyStayFactSource(challenger, caseFacts),
  ];
}
