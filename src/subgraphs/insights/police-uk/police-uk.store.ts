import type { DataSource } from "typeorm";
import type { PoliceUkRowStore } from "../../../../connectors/police/policeuk/load";
import type { StreetCrimeRecord } from "../../../../connectors/police/policeuk/street-csv";
import { crimeTypeOfPoliceUk } from "../facts/facts";

/**
 * police.uk street-level rows in the insights schema, keyed by the parser's
 * idempotency key: a re-import adds nothing twice, and a republished month
 * replaces its rows' outcomes. Only what area demand needs is kept (month,
 * borough, crime type, LSOA, last outcome); the open data's coordinates and
 * street names stay in the file.
 */
export class SqlPoliceUkRowStore implements PoliceUkRowStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sourceFile: string,
  ) {}

  async upsertRows(rows: readonly StreetCrimeRecord[]): Promise<{ inserted: number; duplicates: number }> {
    if (rows.length === 0) return { inserted: 0, duplicates: 0 };
    // A file can repeat a Crime ID; the last row wins, the others are duplicates.
    const latest = new Map(rows.map((r) => [r.idempotencyKey, r]));
    const payload = [...latest.values()].map((r) => ({
      idempotency_key: r.idempotencyKey,
      month: `${r.month}-01`,
      borough: r.borough,
      crime_type: crimeTypeOfPoliceUk(r.crimeType),
      lsoa_code: r.lsoaCode,
      last_outcome_category: r.lastOutcomeCategory,
    }));
    const result = (await this.dataSource.query(
      `INSERT INTO insights.police_uk_crime (idempotency_key, month, borough, crime_type, lsoa_code, last_outcome_category, source_file)
       SELECT r.idempotency_key, r.month, r.borough, r.crime_type, r.lsoa_code, r.last_outcome_category, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(idempotency_key text, month date, borough text, crime_type text, lsoa_code text, last_outcome_category text)
       ON CONFLICT (idempotency_key) DO UPDATE SET last_outcome_category = EXCLUDED.last_outcome_category, source_file = EXCLUDED.source_file
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(payload), this.sourceFile],
    )) as { inserted: boolean }[];
    const inserted = result.filter((r) => r.inserted).length;
    return { inserted, duplicates: rows.length - inserted };
  }
}
