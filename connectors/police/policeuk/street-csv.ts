import { createHash } from "node:crypto";
import type { RejectedRow } from "../../contract";
import { hasColumns, readCsvLines } from "../../csv/lines";
import { Borough } from "../types";

/**
 * The police.uk street-level crime CSV (one file per force per month, e.g.
 * 2026-09-greater-manchester-street.csv): parse, validate row by row, map to
 * a Greater Manchester borough, and count demand by month × borough × crime
 * type. Pure: no file or store access here (see load.ts).
 */

/** The 12 columns, in order (DOMAIN-REFERENCE.md 3.2 [S]). */
export const STREET_CSV_COLUMNS = [
  "Crime ID",
  "Month",
  "Reported by",
  "Falls within",
  "Longitude",
  "Latitude",
  "Location",
  "LSOA code",
  "LSOA name",
  "Crime type",
  "Last outcome category",
  "Context",
] as const;

/**
 * The 14 police.uk crime types (DOMAIN-REFERENCE.md 3.2 [S], from
 * https://ukcrimestats.com/blog/faqs/what-do-the-crime-categories-mean/).
 * police.uk has changed its categories before: a row with a type not listed
 * here is rejected, so a new one shows up in the report rather than vanishing.
 */
export const POLICE_UK_CRIME_TYPES = [
  "Anti-social behaviour",
  "Bicycle theft",
  "Burglary",
  "Criminal damage and arson",
  "Drugs",
  "Other crime",
  "Other theft",
  "Possession of weapons",
  "Public order",
  "Robbery",
  "Shoplifting",
  "Theft from the person",
  "Vehicle crime",
  "Violence and sexual offences",
] as const;
export type PoliceUkCrimeType = (typeof POLICE_UK_CRIME_TYPES)[number];

/** An LSOA name is its local authority's name and a code, e.g. "Bolton 001A" (DOMAIN-REFERENCE.md 0 [S]). */
const LSOA_NAME = /^(.+) (\d{3}[A-Z])$/;

const BOROUGH_BY_LOCAL_AUTHORITY: ReadonlyMap<string, Borough> = new Map([
  ["Bolton", Borough.BOLTON],
  ["Bury", Borough.BURY],
  ["Manchester", Borough.MANCHESTER],
  ["Oldham", Borough.OLDHAM],
  ["Rochdale", Borough.ROCHDALE],
  ["Salford", Borough.SALFORD],
  ["Stockport", Borough.STOCKPORT],
  ["Tameside", Borough.TAMESIDE],
  ["Trafford", Borough.TRAFFORD],
  ["Wigan", Borough.WIGAN],
]);

/** Crime IDs are 64-character hexadecimal persistent ids (DOMAIN-REFERENCE.md 3.2 [S]). */
const CRIME_ID = /^[0-9a-f]{64}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export interface StreetCrimeRecord {
  /**
   * Stable across re-imports of the same file: "crime:<Crime ID>", or for a
   * row without one (anti-social behaviour) "row:<sha-256 of its fields>:<n>",
   * n counting identical rows within the file, so two identical incidents in
   * one month stay two and a second import of the file matches both.
   */
  idempotencyKey: string;
  /** 1-based line in the file, the header being line 1. */
  line: number;
  crimeId: string | null;
  month: string;
  reportedBy: string;
  fallsWithin: string;
  longitude: number | null;
  latitude: number | null;
  location: string;
  lsoaCode: string;
  lsoaName: string;
  borough: Borough;
  crimeType: PoliceUkCrimeType;
  lastOutcomeCategory: string | null;
  context: string | null;
}

export interface StreetCsvParse {
  records: StreetCrimeRecord[];
  rejected: RejectedRow[];
}

export interface DemandCount {
  month: string;
  borough: Borough;
  crimeType: PoliceUkCrimeType;
  count: number;
}

/** Reads every line (connectors/csv/lines.ts); blank lines carry no row and are passed over. */
export function parseStreetCsv(text: string): StreetCsvParse {
  const { header, rows } = readCsvLines(text);
  if (!hasColumns(header, STREET_CSV_COLUMNS)) {
    return { records: [], rejected: [{ line: 1, reason: `header is not the police.uk street-level columns: ${STREET_CSV_COLUMNS.join(",")}` }] };
  }

  const records: StreetCrimeRecord[] = [];
  const rejected: RejectedRow[] = [];
  const occurrences = new Map<string, number>();
  for (const row of rows) {
    if ("reason" in row) {
      rejected.push(row);
      continue;
    }
    const valid = validateRow(row.fields);
    if ("reason" in valid) rejected.push({ line: row.line, reason: valid.reason });
    else records.push({ ...valid, line: row.line, idempotencyKey: idempotencyKey(valid.crimeId, row.fields, occurrences) });
  }
  return { records, rejected };
}

/** Counts each idempotency key once, so a row repeated in a file is not double-counted. */
export function demandByArea(records: readonly StreetCrimeRecord[]): DemandCount[] {
  const seen = new Set<string>();
  const counts = new Map<string, DemandCount>();
  for (const record of records) {
    if (seen.has(record.idempotencyKey)) continue;
    seen.add(record.idempotencyKey);
    const cell = `${record.month}|${record.borough}|${record.crimeType}`;
    const existing = counts.get(cell);
    if (existing) existing.count += 1;
    else counts.set(cell, { month: record.month, borough: record.borough, crimeType: record.crimeType, count: 1 });
  }
  return [...counts.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || a.borough.localeCompare(b.borough) || a.crimeType.localeCompare(b.crimeType),
  );
}

/** The borough an LSOA lies in, from the local authority name that prefixes the LSOA name. */
export function boroughOfLsoa(lsoaName: string): { borough: Borough } | { reason: string } {
  if (lsoaName === "") return { reason: "no LSOA name, so the row cannot be placed in a borough" };
  const match = LSOA_NAME.exec(lsoaName);
  if (!match) return { reason: `LSOA name "${lsoaName}" is not "<local authority> <code>"` };
  const borough = BOROUGH_BY_LOCAL_AUTHORITY.get(match[1]);
  return borough ? { borough } : { reason: `LSOA "${lsoaName}" is outside Greater Manchester` };
}

type ValidRow = Omit<StreetCrimeRecord, "line" | "idempotencyKey">;

function isCrimeType(value: string): value is PoliceUkCrimeType {
  return (POLICE_UK_CRIME_TYPES as readonly string[]).includes(value);
}

function validateRow(fields: string[]): ValidRow | { reason: string } {
  if (fields.length !== STREET_CSV_COLUMNS.length) {
    return { reason: `expected ${STREET_CSV_COLUMNS.length} columns, found ${fields.length}` };
  }
  const [crimeId, month, reportedBy, fallsWithin, longitude, latitude, location, lsoaCode, lsoaName, crimeType, lastOutcome, context] =
    fields;
  const problems: string[] = [];
  const required = { Month: month, "Reported by": reportedBy, "Falls within": fallsWithin, "Crime type": crimeType };
  for (const [column, value] of Object.entries(required)) if (value === "") problems.push(`${column} is empty`);

  if (month !== "" && !MONTH.test(month)) problems.push(`Month "${month}" is not YYYY-MM`);
  if (crimeId !== "" && !CRIME_ID.test(crimeId)) problems.push("Crime ID is not a 64-character hexadecimal id");
  const lon = coordinate("Longitude", longitude, 180, problems);
  const lat = coordinate("Latitude", latitude, 90, problems);
  if ((longitude === "") !== (latitude === "")) problems.push("Longitude and Latitude must both be given or both be empty");
  const type = isCrimeType(crimeType) ? crimeType : null;
  if (crimeType !== "" && type === null) problems.push(`unknown crime type "${crimeType}"`);
  const place = boroughOfLsoa(lsoaName);
  if ("reason" in place) problems.push(place.reason);

  if (problems.length > 0 || type === null || "reason" in place) return { reason: problems.join("; ") };
  return {
    crimeId: crimeId || null,
    month,
    reportedBy,
    fallsWithin,
    longitude: lon,
    latitude: lat,
    location,
    lsoaCode,
    lsoaName,
    borough: place.borough,
    crimeType: type,
    lastOutcomeCategory: lastOutcome || null,
    context: context || null,
  };
}

/** Empty is allowed (a crime police.uk could not place); anything else must be a number in range. */
function coordinate(column: string, raw: string, limit: number, problems: string[]): number | null {
  if (raw === "") return null;
  const value = Number(raw);
  if (!DECIMAL.test(raw) || Math.abs(value) > limit) {
    problems.push(`${column} "${raw}" is not a number from -${limit} to ${limit}`);
    return null;
  }
  return value;
}

/** Hashes the fields as they stand in the file, so the key does not move when this mapping changes. */
function idempotencyKey(crimeId: string | null, fields: string[], occurrences: Map<string, number>): string {
  if (crimeId) return `crime:${crimeId}`;
  const hash = createHash("sha256").update(JSON.stringify(fields)).digest("hex");
  const n = (occurrences.get(hash) ?? 0) + 1;
  occurrences.set(hash, n);
  return `row:${hash}:${n}`;
}
