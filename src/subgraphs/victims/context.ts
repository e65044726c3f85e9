import { VictimsCodeClock } from "./victims-code/clock";
import type { PoliceApiClient } from "../../../connectors/police/client";
import type { GuardedContext } from "../../policy/access";
import { CaseService } from "./cases/case.service";
import { ContactService } from "./contacts/contact.service";
import { CaseFactsService } from "./facts/facts.service";
import { IntakeService } from "./intake/intake.service";
import { createVictimsLoaders } from "./loaders";
import { NeedsService } from "./needs/needs.service";
import { VictimService } from "./people/victim.service";
import { SurveyService } from "./survey/survey.service";

export interface VictimsServices {
  cases: CaseService;
  victims: VictimService;
  intake: IntakeService;
  needs: NeedsService;
  contacts: ContactService;
  surveys: SurveyService;
  /** The police records API (src/sources.ts): investigation updates for the Victims' Code engine and the timeline. */
  police: Pick<PoliceApiClient, "updatesForCrimes" | "fetchByKeys">;
  /** Pseudonymised facts for insights (facts/facts.service.ts). */
  facts: CaseFactsService;
  /** The instant "now" for the Victims' Code engine: PENDING against MISSED. */
  clock: () => Date;
  /** Announces entitlements falling due, overdue and met (victims-code/clock.ts), every victimsCodeClockMs. */
  victimsCode: VictimsCodeClock;
  victimsCodeClockMs: number;
}

export function createVictimsContext(services: VictimsServices, base: GuardedContext) {
  return { ...base, services, loaders: createVictimsLoaders(services) };
}
export type VictimsContext = ReturnType<typeof createVictimsContext>;
