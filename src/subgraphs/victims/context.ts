import type { GuardedContext } from "../../policy/access";
import { createCaseLoaders } from "./cases/case.loaders";
import { CaseService } from "./cases/case.service";

export interface VictimsServices {
  cases: CaseService;
}

export function createVictimsContext(services: VictimsServices, base: GuardedContext) {
  return { ...base, services, loaders: createCaseLoaders(services.cases) };
}
export type VictimsContext = ReturnType<typeof createVictimsContext>;
