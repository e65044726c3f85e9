import type { SourceUnavailableError } from "../../../../connectors/contract";
import type { PartnerCaseRecord, PartnerCode, PartnerConnector } from "../../../../connectors/partners";
import { fetchFromPartners } from "../../../../connectors/registry";
import { isUuid } from "../../../platform/batch";

/** What the partners hold for one GMVS case: the records of those that answered, and an error for each that did not. */
export interface CasePartnerRecords {
  records: PartnerCaseRecord[];
  unavailable: readonly SourceUnavailableError[];
}

/** Partner case records through the connectors (src/sources.ts), never a copy in the hub. */
export class PartnerRecordsService {
  constructor(private readonly partners: ReadonlyMap<PartnerCode, PartnerConnector>) {}

  /** One call to every partner for the whole batch of cases (a DataLoader's batch function), results in key order. */
  async forCases(caseIds: readonly string[]): Promise<CasePartnerRecords[]> {
    // A GMVS case id is a UUID; anything else names no case, and would only make a partner's query fail.
    const valid = [...new Set(caseIds.filter(isUuid))];
    if (valid.length === 0) return caseIds.map(() => ({ records: [], unavailable: [] }));
    const { records, unavailable } = await fetchFromPartners([...this.partners.values()], valid);
    const position = new Map(valid.map((id, i) => [id, i]));
    return caseIds.map((id) => {
      const i = position.get(id);
      if (i === undefined) return { records: [], unavailable: [] };
      const held = [...records.values()].map((list) => list[i]).filter((record): record is PartnerCaseRecord => record !== null && record !== undefined);
      return { records: held, unavailable };
    });
  }
}
