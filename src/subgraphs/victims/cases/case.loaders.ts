import DataLoader from "dataloader";
import { CaseRecord } from "./case.entity";
import { CaseService } from "./case.service";

export function createCaseLoaders(cases: CaseService) {
  return {
    caseById: new DataLoader<string, CaseRecord | null>((ids) => cases.findByIds(ids)),
  };
}
