import { CsvError, parse } from "csv-parse/sync";

/**
 * Reading a returns CSV line by line, for importers that must report every
 * bad row and lose none of the good ones. Every line is one record: the
 * returns we import never put a line break inside a field, so a malformed
 * quote is reported on its own line and cannot swallow the rows after it
 * (csv-parse's skip_records_with_error does not recover reliably from one).
 */

/** One line of the file: its fields, or why they could not be read. `line` is 1-based, the header being line 1. */
export type CsvLine = { line: number; fields: string[] } | { line: number; reason: string };

export interface CsvFile {
  /** The first line's fields, or why they could not be read. */
  header: string[] | { reason: string };
  /** Every later line that is not blank, in file order. */
  rows: CsvLine[];
}

/** Splits a file into lines (through a byte order mark and CRLF line ends) and each line into fields. */
export function readCsvLines(text: string): CsvFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop(); // the file's final line end
  const [header = [""], ...rest] = fieldsOfLines(lines);
  const rows: CsvLine[] = [];
  for (const [index, fields] of rest.entries()) {
    const line = index + 2;
    if (!Array.isArray(fields)) rows.push({ line, reason: fields.reason });
    else if (!isBlank(fields)) rows.push({ line, fields });
  }
  return { header, rows };
}

/** Whether a header is exactly these column names, in this order. */
export function hasColumns(header: CsvFile["header"], columns: readonly string[]): header is string[] {
  return Array.isArray(header) && header.length === columns.length && header.every((name, i) => name === columns[i]);
}

/** Each line's fields, or why they could not be read. */
function fieldsOfLines(lines: string[]): (string[] | { reason: string })[] {
  // One csv-parse call for the whole file is ten times quicker than one per
  // line; it stands when it yields one record per line and no quoting error.
  try {
    const records: string[][] = parse(lines.join("\n"), { relax_column_count: true, skip_empty_lines: false, record_delimiter: "\n" });
    if (records.length === lines.length) return records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
  }
  return lines.map(fieldsOfLine);
}

/** A line with nothing on it but spaces. */
function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0].trim() === "";
}

function fieldsOfLine(line: string): string[] | { reason: string } {
  try {
    const [fields = [""]] = parse(line, { relax_column_count: true });
    return fields;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { reason: `malformed quoting (${error.code})` };
  }
}
