import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { BANK_HOLIDAYS_FILE, BankHolidayDataError, mergeBankHolidays } from "../subgraphs/victims/victims-code/bank-holidays";

/**
 * `npm run bank-holidays:refresh -- <bank-holidays.json>`: lays the years of
 * a copy of https://www.gov.uk/bank-holidays.json that the operator
 * downloaded over the hub's England and Wales bank holidays
 * (src/subgraphs/victims/victims-code/data/bank-holidays.json), says what
 * changed, and writes the file whole or not at all. The hub reads it at start,
 * so restart (or redeploy) after. A file that is not GOV.UK's format, or that
 * would leave a gap, is refused with the reason and nothing is written.
 */
function main(): number {
  const path = process.argv[2];
  if (!path || path.startsWith("-")) {
    process.stderr.write("Usage: npm run bank-holidays:refresh -- <path to a downloaded https://www.gov.uk/bank-holidays.json>\n");
    return 2;
  }
  let downloaded: unknown;
  try {
    downloaded = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    process.stderr.write(`Cannot read ${path} as JSON: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    const { document, calendar, changes } = mergeBankHolidays(JSON.parse(readFileSync(BANK_HOLIDAYS_FILE, "utf8")), downloaded);
    for (const { year, added, removed } of changes) {
      const what = [...added.map((d) => `+${d}`), ...removed.map((d) => `-${d}`)].join(" ");
      process.stdout.write(`${year}: ${what || "unchanged"}\n`);
    }
    const partial = `${BANK_HOLIDAYS_FILE}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(document, null, 2) + "\n");
    renameSync(partial, BANK_HOLIDAYS_FILE);
    process.stdout.write(`England and Wales bank holidays now cover ${calendar.coversFrom} to ${calendar.coversTo} (${BANK_HOLIDAYS_FILE}); restart the hub to use them.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof BankHolidayDataError)) throw error;
    process.stderr.write(`Refused, nothing written: ${error.message}\n`);
    return 1;
  }
}

process.exitCode = main();
