/** Every migration, oldest first. Never edit one that has landed: add a new one. */
import { GovernanceOrganisations1795449601000 } from "./1795449601000-GovernanceOrganisations";
import { PoliceCrimes1795449602000 } from "./1795449602000-PoliceCrimes";
import { VictimsCases1795449603000 } from "./1795449603000-VictimsCases";
import { PartnersServiceEpisodes1795449604000 } from "./1795449604000-PartnersServiceEpisodes";
import { InsightsRefreshRuns1795449605000 } from "./1795449605000-InsightsRefreshRuns";
import { GovernanceAccess1795449606000 } from "./1795449606000-GovernanceAccess";
import { PoliceCrimesFromSource1795449610000 } from "./1795449610000-PoliceCrimesFromSource";
import { VictimsCaseFiles1795449620000 } from "./1795449620000-VictimsCaseFiles";
import { PartnersReferrals1795449630000 } from "./1795449630000-PartnersReferrals";
import { PartnersRiskAndMarac1795449635000 } from "./1795449635000-PartnersRiskAndMarac";
import { InsightsEvidenceBase1795449640000 } from "./1795449640000-InsightsEvidenceBase";
import { GovernanceAuditRecords1795449645000 } from "./1795449645000-GovernanceAuditRecords";
import { GovernanceAuditAppendFunction1795449692000 } from "./1795449692000-GovernanceAuditAppendFunction";
import { GovernanceConsentStates1795449650000 } from "./1795449650000-GovernanceConsentStates";
import { GovernanceBreakGlassIndex1795449655000 } from "./1795449655000-GovernanceBreakGlassIndex";
import { VictimsInformedByDutyHolders1795449660000 } from "./1795449660000-VictimsInformedByDutyHolders";
import { VictimsEnhancedRightsRecorded1795449665000 } from "./1795449665000-VictimsEnhancedRightsRecorded";
import { VictimsInformedOfTheReport1795449670000 } from "./1795449670000-VictimsInformedOfTheReport";
import { EventOutboxes1795449675000 } from "./1795449675000-EventOutboxes";
import { GovernanceWebhooks1795449680000 } from "./1795449680000-GovernanceWebhooks";
import { VictimsCodeClock1795449685000 } from "./1795449685000-VictimsCodeClock";
import { InsightsRecordKeys1795449690000 } from "./1795449690000-InsightsRecordKeys";
import { PartnersRiskRecordedAt1795449695000 } from "./1795449695000-PartnersRiskRecordedAt";
import { InsightsRiskFacts1795449700000 } from "./1795449700000-InsightsRiskFacts";
import { InsightsProtectiveOrderFacts1795449705000 } from "./1795449705000-InsightsProtectiveOrderFacts";
import { InsightsCopeRecoverFacts1795449710000 } from "./1795449710000-InsightsCopeRecoverFacts";
import { InsightsModernSlaveryFacts1795449715000 } from "./1795449715000-InsightsModernSlaveryFacts";
import { GovernanceCommands1795449720000 } from "./1795449720000-GovernanceCommands";

export const MIGRATIONS = [
  GovernanceOrganisations1795449601000,
  PoliceCrimes1795449602000,
  VictimsCases1795449603000,
  PartnersServiceEpisodes1795449604000,
  InsightsRefreshRuns1795449605000,
  GovernanceAccess1795449606000,
  PoliceCrimesFromSource1795449610000,
  VictimsCaseFiles1795449620000,
  PartnersReferrals1795449630000,
  PartnersRiskAndMarac1795449635000,
  InsightsEvidenceBase1795449640000,
  GovernanceAuditRecords1795449645000,
  GovernanceConsentStates1795449650000,
  GovernanceBreakGlassIndex1795449655000,
  VictimsInformedByDutyHolders1795449660000,
  VictimsEnhancedRightsRecorded1795449665000,
  VictimsInformedOfTheReport1795449670000,
  EventOutboxes1795449675000,
  GovernanceWebhooks1795449680000,
  VictimsCodeClock1795449685000,
  InsightsRecordKeys1795449690000,
  GovernanceAuditAppendFunction1795449692000,
  PartnersRiskRecordedAt1795449695000,
  InsightsRiskFacts1795449700000,
  InsightsProtectiveOrderFacts1795449705000,
  InsightsCopeRecoverFacts1795449710000,
  InsightsModernSlaveryFacts1795449715000,
  GovernanceCommands1795449720000,
];
