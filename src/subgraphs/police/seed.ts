import type { Database } from "../../platform/database";
import { Borough } from "../../platform/domain";
import { CrimeRecord } from "./crimes/crime.entity";
import { InvestigationStatus } from "./crimes/crime.types";

/**
 * Synthetic crimes: references use the SYN prefix so nobody mistakes them for
 * real ones. Offence codes follow the Home Office Counting Rules classification
 * (DOMAIN-REFERENCE.md: 8Q stalking and 8L harassment [S]; 8R malicious
 * communications and 8U controlling or coercive behaviour [M], unconfirmed).
 * They match the police records stand-in in connectors/police/seed.ts.
 */
export const SEED_CRIMES: CrimeRecord[] = [
  crime("SYN/000101/26", "2026-09-01T10:15:00Z", "8Q", "Stalking", Borough.MANCHESTER, InvestigationStatus.SUSPECT_CHARGED, true, true),
  crime("SYN/000102/26", "2026-09-03T18:40:00Z", "8L", "Harassment", Borough.SALFORD, InvestigationStatus.UNDER_INVESTIGATION, false, false),
  crime("SYN/000103/26", "2026-09-10T08:05:00Z", "8U", "Controlling or coercive behaviour", Borough.BOLTON, InvestigationStatus.UNDER_INVESTIGATION, true, false),
  crime("SYN/000104/26", "2026-09-12T21:30:00Z", "8R", "Malicious communications", Borough.OLDHAM, InvestigationStatus.NO_FURTHER_ACTION, false, false),
  crime("SYN/000105/26", "2026-10-02T13:00:00Z", "8Q", "Stalking", Borough.WIGAN, InvestigationStatus.UNDER_INVESTIGATION, false, true),
  crime("SYN/000106/26", "2026-10-07T16:20:00Z", "8L", "Harassment", Borough.STOCKPORT, InvestigationStatus.CLOSED, false, false),
];

function crime(
  crimeReference: string,
  recordedAt: string,
  offenceCode: string,
  offenceDescription: string,
  borough: Borough,
  status: InvestigationStatus,
  domesticAbuse: boolean,
  stalking: boolean,
): CrimeRecord {
  return Object.assign(new CrimeRecord(), {
    crimeReference,
    recordedAt: new Date(recordedAt),
    offenceCode,
    offenceDescription,
    borough,
    status,
    domesticAbuse,
    stalking,
  });
}

export async function seedPolice(db: Database): Promise<void> {
  await db.dataSource.createQueryBuilder().insert().into(CrimeRecord).values(SEED_CRIMES).orIgnore().execute();
}
