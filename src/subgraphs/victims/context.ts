import type { RequestContext } from "../../platform/context";
import { createCaseLoaders } from "./cases/case.loaders";
import { CaseService } from "./cases/case.service";

export interface VictimsServices {
  cases: CaseService;
}

export function createVictimsContext(services: VictimsServices, base: RequestContext) {
  return { ...base, services, loaders: createCaseLoaders(services.cases) };
}
export type VictimsContext = ReturnType<typeof createVictimsContext>;
