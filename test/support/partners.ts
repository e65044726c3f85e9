import { emptyCaseRecord, PartnerCaseRecord, PartnerCode } from "../../connectors/partners";
import type { Sources } from "../../src/sources";

/**
 * Partner data for tests, set up the way it arrives in a deployment: in the
 * partner's own system (its stand-in), read by the hub through the connector.
 */

/** A Pankhurst case record holding one open episode of the given service. */
export function pankhurstEpisodeRecord(gmvsCaseId: string, options: { episodeId: string; service?: string; start?: Date }): PartnerCaseRecord {
  const record = emptyCaseRecord(PartnerCode.PANKHURST, gmvsCaseId);
  record.episodes.push({
    id: options.episodeId,
    gmvsCaseId,
    partner: PartnerCode.PANKHURST,
    service: options.service ?? "Restore",
    worker: { id: "PK-W90", displayName: "Advocate T1" },
    start: (options.start ?? new Date()).toISOString(),
    end: null,
    closureReason: null,
    outcome: null,
  });
  return record;
}

/** Adds records to a partner's stand-in; fails where the hub runs that partner's real system. */
export async function addPartnerRecords(sources: Sources, partner: PartnerCode, records: readonly PartnerCaseRecord[]): Promise<void> {
  const standIn = sources.standIns.partners.get(partner);
  if (!standIn?.addCaseRecords) throw new Error(`no stand-in for ${partner} that takes case records`);
  await standIn.addCaseRecords(records);
}
