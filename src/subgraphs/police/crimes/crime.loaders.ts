import DataLoader from "dataloader";
import { CrimeRecord } from "./crime.entity";
import { CrimeService } from "./crime.service";

/** Created per request: a cache never outlives the request that filled it. */
export function createCrimeLoaders(crimes: CrimeService) {
  return {
    crimeByReference: new DataLoader<string, CrimeRecord | null>((references) => crimes.findByReferences(references)),
  };
}
export type CrimeLoaders = ReturnType<typeof createCrimeLoaders>;
