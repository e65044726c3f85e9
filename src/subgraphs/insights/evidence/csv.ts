import { DIMENSIONS } from "./dimensions";
import type { EvidenceTableValue, StatisticValue } from "./evidence.service";

/** What a suppressed figure reads as in a CSV, as ONS and NHS tables mark confidential cells. */
export const SUPPRESSED_MARKER = "[c]";

/**
 * One RFC 4180 field: quoted where it holds a comma, a quote or a line break,
 * quotes doubled. A field a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) is defused with a leading apostrophe
 * (OWASP, CSV injection).
 */
export function csvField(raw: string): string {
  const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const figure = (s: StatisticValue | null): string => (s === null ? "" : s.suppressed ? SUPPRESSED_MARKER : s.value === null ? "" : String(s.value));
const reason = (s: StatisticValue | null): string => (s?.suppressed ? (s.suppressionReason ?? "") : "");

/**
 * A table as CSV: a header, one line per cell (the labels of its coordinates,
 * "All" in totals, then each figure, with "[c]" where suppressed and why),
 * then footnote lines. Lines end CRLF (RFC 4180).
 */
export function evidenceTableCsv(table: EvidenceTableValue): string {
  const kind = table.cells[0]?.median ? "wait" : table.cells[0]?.rate ? "rate" : "count";
  const header = [
    ...table.by.map((d) => DIMENSIONS[d].label),
    "count",
    "count suppression",
    ...(kind === "wait" ? ["median days", "median suppression", "90th percentile days", "90th percentile suppression"] : []),
    ...(kind === "rate" ? ["rate", "rate suppression"] : []),
  ];
  const lines = [header];
  for (const cell of table.cells) {
    lines.push([
      ...cell.coordinates.map((c) => c.label),
      figure(cell.count),
      reason(cell.count),
      ...(kind === "wait" ? [figure(cell.median), reason(cell.median), figure(cell.p90), reason(cell.p90)] : []),
      ...(kind === "rate" ? [figure(cell.rate), reason(cell.rate)] : []),
    ]);
  }
  lines.push([]);
  lines.push([`${SUPPRESSED_MARKER} suppressed to protect individuals.`]);
  for (const note of table.footnotes) lines.push([note]);
  lines.push([`Measure: ${table.measure} (${table.description}). Refreshed: ${table.refreshedAt?.toISOString() ?? "never"}.`]);
  return lines.map((fields) => fields.map(csvField).join(",")).join("\r\n") + "\r\n";
}
