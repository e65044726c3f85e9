import DataLoader from "dataloader";
import type { MaracService } from "../marac/marac.service";
import type { RiskAssessmentService } from "../risk/risk-assessment.service";
import type { PartnerRecordsService } from "./partner-records.service";

/** Made per request: whatever the number of cases in it, one call to each partner and one statement per kind of hub record. */
export function createPartnerRecordLoaders(services: { records: PartnerRecordsService; risk: RiskAssessmentService; marac: MaracService }) {
  return {
    partnerRecordsByCaseId: new DataLoader((caseIds: readonly string[]) => services.records.forCases(caseIds)),
    recordedRiskByCaseId: new DataLoader((caseIds: readonly string[]) => services.risk.recordedForCases(caseIds)),
    maracReferralsByCaseId: new DataLoader((caseIds: readonly string[]) => services.marac.forCases(caseIds)),
  };
}
