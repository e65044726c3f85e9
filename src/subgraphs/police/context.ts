import type { RequestContext } from "../../platform/context";
import { createCrimeLoaders } from "./crimes/crime.loaders";
import { CrimeService } from "./crimes/crime.service";

export interface PoliceServices {
  crimes: CrimeService;
}

export function createPoliceContext(services: PoliceServices, base: RequestContext) {
  return { ...base, services, loaders: createCrimeLoaders(services.crimes) };
}
export type PoliceContext = ReturnType<typeof createPoliceContext>;
