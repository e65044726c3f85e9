import type { GuardedContext } from "../../policy/access";
import { createCrimeLoaders } from "./crimes/crime.loaders";
import { CrimeService } from "./crimes/crime.service";

export interface PoliceServices {
  crimes: CrimeService;
}

export function createPoliceContext(services: PoliceServices, base: GuardedContext) {
  return { ...base, services, loaders: createCrimeLoaders(services.crimes, base.access) };
}
export type PoliceContext = ReturnType<typeof createPoliceContext>;
