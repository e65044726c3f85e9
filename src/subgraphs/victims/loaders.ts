import DataLoader from "dataloader";
import type { InvestigationUpdate, PoliceCrime } from "../../../connectors/police/types";
import { createCaseLoaders } from "./cases/case.loaders";
import type { VictimsServices } from "./context";

/**
 * Every DataLoader of the victims subgraph, made per request: one statement
 * (or one police API call) per kind of thing per request, whatever the number
 * of cases asked for.
 */
export function createVictimsLoaders(services: VictimsServices) {
  return {
    ...createCaseLoaders(services.cases),
    victimById: new DataLoader((ids: readonly string[]) => services.victims.findByIds(ids)),
    needsByCase: new DataLoader((ids: readonly string[]) => services.needs.forCases(ids)),
    contactsByCase: new DataLoader((ids: readonly string[]) => services.contacts.forCases(ids)),
    enhancedRightsByCase: new DataLoader((ids: readonly string[]) => services.cases.enhancedRightsFor(ids)),
    victimInformedByCrime: new DataLoader((references: readonly string[]) => services.contacts.informedForCrimes(references)),
    surveysByCase: new DataLoader((ids: readonly string[]) => services.surveys.forCases(ids)),
    /** GMVS reads these under the gmp-to-gmvs-victims-code agreement; one HTTP call for all the request's crimes. */
    policeUpdatesByCrime: new DataLoader<string, InvestigationUpdate[]>((references) => services.police.updatesForCrimes(references)),
    /** The crimes themselves, for the classification and flags that give Enhanced Rights; likewise one call. */
    policeCrimeByReference: new DataLoader<string, PoliceCrime | null>((references) => services.police.fetchByKeys(references)),
  };
}
export type VictimsLoaders = ReturnType<typeof createVictimsLoaders>;
