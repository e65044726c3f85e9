import { join } from "node:path";
import { Borough } from "../types";
import { InMemoryPoliceUkStore, loadPoliceUkCsv } from "./load";
import { boroughOfLsoa, demandByArea, parseStreetCsv, STREET_CSV_COLUMNS } from "./street-csv";

const FIXTURE = join(__dirname, "fixtures", "2026-09-greater-manchester-street.synthetic.csv");
const HEADER = STREET_CSV_COLUMNS.join(",");
const CRIME_ID = "a".repeat(64);

function row(overrides: Partial<Record<(typeof STREET_CSV_COLUMNS)[number], string>> = {}): string {
  const values: Record<(typeof STREET_CSV_COLUMNS)[number], string> = {
    "Crime ID": CRIME_ID,
    Month: "2026-09",
    "Reported by": "Greater Manchester Police",
    "Falls within": "Greater Manchester Police",
    Longitude: "-2.2",
    Latitude: "53.4",
    Location: "On or near Synthetic Street",
    "LSOA code": "E01999999",
    "LSOA name": "Manchester 001A",
    "Crime type": "Burglary",
    "Last outcome category": "Under investigation",
    Context: "",
    ...overrides,
  };
  return STREET_CSV_COLUMNS.map((column) => values[column]).join(",");
}

describe("police.uk street-level CSV import", () => {
  it("loads the fixture's good rows and reports each bad row by line number and reason", async () => {
    const { report } = await loadPoliceUkCsv(FIXTURE, new InMemoryPoliceUkStore());

    expect(report).toMatchObject({ source: "police.uk", file: FIXTURE, accepted: 10, duplicates: 0 });
    expect(report.rejected).toEqual([
      { line: 6, reason: "expected 12 columns, found 10" },
      { line: 8, reason: 'Month "2026-13" is not YYYY-MM' },
      { line: 9, reason: 'unknown crime type "Stalking"' },
      { line: 10, reason: 'LSOA "Blackburn with Darwen 001A" is outside Greater Manchester' },
      { line: 11, reason: "malformed quoting (INVALID_OPENING_QUOTE)" },
      { line: 14, reason: 'Latitude "north" is not a number from -90 to 90' },
      { line: 18, reason: "no LSOA name, so the row cannot be placed in a borough" },
    ]);
  });

  it("adds nothing on a second import of the same file", async () => {
    const store = new InMemoryPoliceUkStore();
    await loadPoliceUkCsv(FIXTURE, store);

    const { report } = await loadPoliceUkCsv(FIXTURE, store);

    expect(report.accepted).toBe(0);
    expect(report.duplicates).toBe(10);
    expect(store.rows.size).toBe(10);
  });

  it("counts demand by month, borough and crime type", async () => {
    const { demand } = await loadPoliceUkCsv(FIXTURE, new InMemoryPoliceUkStore());

    expect(demand).toContainEqual({ month: "2026-09", borough: Borough.SALFORD, crimeType: "Anti-social behaviour", count: 2 });
    expect(demand).toContainEqual({ month: "2026-09", borough: Borough.BOLTON, crimeType: "Violence and sexual offences", count: 1 });
    expect(demand.reduce((sum, cell) => sum + cell.count, 0)).toBe(10);
  });

  it("reads quoted fields holding commas and doubled quotes, through a byte order mark and CRLF line ends", () => {
    const text = `\uFEFF${HEADER}\r\n${row({ Location: '"On or near ""The Synthetic Arms"", Synthetic Road"' })}\r\n`;

    const { records, rejected } = parseStreetCsv(text);

    expect(rejected).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ crimeId: CRIME_ID, location: 'On or near "The Synthetic Arms", Synthetic Road', context: null, line: 2 });
  });

  it("counts blank lines in line numbers without reporting them", () => {
    const { records, rejected } = parseStreetCsv([HEADER, row(), "", "  ", row({ Month: "2026-9" })].join("\r\n"));

    expect(records.map((r) => r.line)).toEqual([2]);
    expect(rejected).toEqual([{ line: 5, reason: 'Month "2026-9" is not YYYY-MM' }]);
  });

  it("keys a row by its Crime ID, and identical rows without one by content and occurrence", () => {
    const antiSocial = row({ "Crime ID": "", "Crime type": "Anti-social behaviour", "Last outcome category": "" });
    const text = [HEADER, row(), antiSocial, antiSocial].join("\n");

    const first = parseStreetCsv(text).records.map((r) => r.idempotencyKey);
    const again = parseStreetCsv(text.replace(/\n/g, "\r\n")).records.map((r) => r.idempotencyKey);

    expect(first[0]).toBe(`crime:${CRIME_ID}`);
    expect(first[1]).toMatch(/^row:[0-9a-f]{64}:1$/);
    expect(first[2]).toBe(first[1].replace(/:1$/, ":2"));
    expect(again).toEqual(first);
  });

  it("does not count a Crime ID twice in demand when a file repeats it", () => {
    const { records } = parseStreetCsv([HEADER, row(), row()].join("\n"));

    expect(demandByArea(records)).toEqual([{ month: "2026-09", borough: Borough.MANCHESTER, crimeType: "Burglary", count: 1 }]);
  });

  it("rejects every row when the header is not the police.uk columns", () => {
    const { records, rejected } = parseStreetCsv(["Crime ID,Month,Crime type", row()].join("\n"));

    expect(records).toEqual([]);
    expect(rejected).toEqual([{ line: 1, reason: expect.stringContaining("header is not the police.uk street-level columns") }]);
  });

  it.each([
    [{ "Crime ID": "not-a-hash" }, "Crime ID is not a 64-character hexadecimal id"],
    [{ Month: "" }, "Month is empty"],
    [{ Month: "09-2026" }, 'Month "09-2026" is not YYYY-MM'],
    [{ "Reported by": "" }, "Reported by is empty"],
    [{ Longitude: "" }, "Longitude and Latitude must both be given or both be empty"],
    [{ Longitude: "-200" }, 'Longitude "-200" is not a number from -180 to 180'],
    [{ Latitude: " " }, 'Latitude " " is not a number from -90 to 90'],
    [{ "Crime type": "" }, "Crime type is empty"],
  ])("rejects a row with %j: %s", (overrides, reason) => {
    const { records, rejected } = parseStreetCsv([HEADER, row(overrides)].join("\n"));

    expect(records).toEqual([]);
    expect(rejected).toEqual([{ line: 2, reason }]);
  });

  it("accepts a row with neither longitude nor latitude", () => {
    const { records } = parseStreetCsv([HEADER, row({ Longitude: "", Latitude: "" })].join("\n"));

    expect(records[0]).toMatchObject({ longitude: null, latitude: null });
  });

  it.each([
    ["Bolton 001A", Borough.BOLTON],
    ["Bury 015C", Borough.BURY],
    ["Manchester 006B", Borough.MANCHESTER],
    ["Oldham 010D", Borough.OLDHAM],
    ["Rochdale 002A", Borough.ROCHDALE],
    ["Salford 031E", Borough.SALFORD],
    ["Stockport 027B", Borough.STOCKPORT],
    ["Tameside 004A", Borough.TAMESIDE],
    ["Trafford 019C", Borough.TRAFFORD],
    ["Wigan 040F", Borough.WIGAN],
  ])("places LSOA %s in %s", (lsoaName, borough) => {
    expect(boroughOfLsoa(lsoaName)).toEqual({ borough });
  });

  it.each([["Camden 027B"], ["Blackburn with Darwen 001A"], ["Manchester"], ["Greater Manchester 001A"]])(
    "places LSOA %s in no Greater Manchester borough",
    (lsoaName) => {
      expect(boroughOfLsoa(lsoaName)).toHaveProperty("reason");
    },
  );
});
