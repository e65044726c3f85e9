import DataLoader from "dataloader";
import { afterAccessDecisions, AccessEvaluator } from "../../../policy/access";
import type { InvestigationUpdate, ProtectiveOrder } from "../investigation/investigation.types";
import { CrimeService } from "./crime.service";
import type { Crime } from "./crime.types";

/**
 * Created per request: a cache never outlives the request that filled it.
 * Each loader is one police API call per request for all the crimes asked
 * (up to 100 references a call), whatever the number of crimes.
 */
export function createCrimeLoaders(crimes: CrimeService, access: AccessEvaluator) {
  // Updates and orders are asked for by guarded fields, each after its own access decision: wait for them all.
  const batchScheduleFn = afterAccessDecisions(access);
  return {
    crimeByReference: new DataLoader<string, Crime | null>((references) => crimes.findByReferences(references)),
    updatesByCrime: new DataLoader<string, InvestigationUpdate[]>((references) => crimes.updatesFor(references), { batchScheduleFn }),
    ordersByCrime: new DataLoader<string, ProtectiveOrder[]>((references) => crimes.ordersFor(references), { batchScheduleFn }),
  };
}
export type CrimeLoaders = ReturnType<typeof createCrimeLoaders>;
