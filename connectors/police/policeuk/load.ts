import { readFile } from "node:fs/promises";
import type { ImportReport } from "../../contract";
import { DemandCount, demandByArea, parseStreetCsv, StreetCrimeRecord } from "./street-csv";

export const POLICE_UK_SOURCE = "police.uk";

/** Where imported rows go. Keyed by idempotency key, so a re-import adds nothing twice. */
export interface PoliceUkRowStore {
  /**
   * Inserts rows whose key is new and counts the rest as duplicates. A
   * duplicate replaces the stored row: police.uk republishes a month with
   * newer "Last outcome category" values under the same Crime ID.
   */
  upsertRows(rows: readonly StreetCrimeRecord[]): Promise<{ inserted: number; duplicates: number }>;
}

export interface PoliceUkImport {
  report: ImportReport;
  /** Demand in this file by month × borough × crime type. */
  demand: DemandCount[];
}

export async function loadPoliceUkCsv(file: string, store: PoliceUkRowStore): Promise<PoliceUkImport> {
  const { records, rejected } = parseStreetCsv(await readFile(file, "utf8"));
  const { inserted, duplicates } = await store.upsertRows(records);
  return {
    report: { source: POLICE_UK_SOURCE, file, accepted: inserted, duplicates, rejected },
    demand: demandByArea(records),
  };
}

/** A PoliceUkRowStore in memory, for tests and the embedded default. */
export class InMemoryPoliceUkStore implements PoliceUkRowStore {
  readonly rows = new Map<string, StreetCrimeRecord>();

  async upsertRows(rows: readonly StreetCrimeRecord[]): Promise<{ inserted: number; duplicates: number }> {
    let inserted = 0;
    for (const row of rows) {
      if (!this.rows.has(row.idempotencyKey)) inserted += 1;
      this.rows.set(row.idempotencyKey, row);
    }
    return { inserted, duplicates: rows.length - inserted };
  }
}
