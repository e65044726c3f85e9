/**
 * England and Wales bank holidays, as data.
 *
 * Source: GOV.UK "UK bank holidays", division england-and-wales,
 * https://www.gov.uk/bank-holidays (machine-readable: https://www.gov.uk/bank-holidays.json).
 * Bank holidays are set by the Banking and Financial Dealings Act 1971 and by
 * royal proclamation; substitute days and one-off holidays (2022's Jubilee and
 * state funeral, 2023's coronation) are decided each year, so this is a list
 * and not a rule. When gov.uk publishes a new year, append it here and move
 * `coversTo`; nothing else changes.
 *
 * Verification: 2024–2027 were transcribed from the published pattern and
 * cross-checked against independent copies of the gov.uk list; the gov.uk
 * page itself was not fetched when this file was written [S/M]. 2028 is not
 * yet published by gov.uk as far as we know: it is projected from the standing
 * pattern (first Monday of May, last Mondays of May and August, Easter from
 * the Gregorian computus, weekend days moved to the next weekday) and marked
 * `projected: true` [M]. Re-check 2028 against gov.uk once it is published.
 */

/** A calendar date in Europe/London, "YYYY-MM-DD". */
export type IsoDate = string;

export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
  /** The holiday's own date when this is a substitute weekday for a weekend holiday. */
  readonly substituteFor?: IsoDate;
  /** Projected from the standing pattern, not yet read from a gov.uk publication [M]. */
  readonly projected?: true;
}

export interface BankHolidayCalendar {
  readonly id: string;
  readonly source: string;
  /** First and last dates (inclusive) the list is known to be complete for. Outside these, working-day arithmetic refuses to answer. */
  readonly coversFrom: IsoDate;
  readonly coversTo: IsoDate;
  readonly holidays: readonly BankHoliday[];
}

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: BankHolidayCalendar = {
  id: "england-and-wales@2024-2028",
  source: "https://www.gov.uk/bank-holidays (england-and-wales)",
  coversFrom: "2024-01-01",
  coversTo: "2028-12-31",
  holidays: [
    // 2024 (Easter Sunday 31 March)
    { date: "2024-01-01", name: "New Year's Day" },
    { date: "2024-03-29", name: "Good Friday" },
    { date: "2024-04-01", name: "Easter Monday" },
    { date: "2024-05-06", name: "Early May bank holiday" },
    { date: "2024-05-27", name: "Spring bank holiday" },
    { date: "2024-08-26", name: "Summer bank holiday" },
    { date: "2024-12-25", name: "Christmas Day" },
    { date: "2024-12-26", name: "Boxing Day" },
    // 2025 (Easter Sunday 20 April)
    { date: "2025-01-01", name: "New Year's Day" },
    { date: "2025-04-18", name: "Good Friday" },
    { date: "2025-04-21", name: "Easter Monday" },
    { date: "2025-05-05", name: "Early May bank holiday" },
    { date: "2025-05-26", name: "Spring bank holiday" },
    { date: "2025-08-25", name: "Summer bank holiday" },
    { date: "2025-12-25", name: "Christmas Day" },
    { date: "2025-12-26", name: "Boxing Day" },
    // 2026 (Easter Sunday 5 April). Boxing Day, 26 December, is a Saturday.
    { date: "2026-01-01", name: "New Year's Day" },
    { date: "2026-04-03", name: "Good Friday" },
    { date: "2026-04-06", name: "Easter Monday" },
    { date: "2026-05-04", name: "Early May bank holiday" },
    { date: "2026-05-25", name: "Spring bank holiday" },
    { date: "2026-08-31", name: "Summer bank holiday" },
    { date: "2026-12-25", name: "Christmas Day" },
    { date: "2026-12-28", name: "Boxing Day (substitute day)", substituteFor: "2026-12-26" },
    // 2027 (Easter Sunday 28 March). Christmas Day is a Saturday, Boxing Day a Sunday.
    { date: "2027-01-01", name: "New Year's Day" },
    { date: "2027-03-26", name: "Good Friday" },
    { date: "2027-03-29", name: "Easter Monday" },
    { date: "2027-05-03", name: "Early May bank holiday" },
    { date: "2027-05-31", name: "Spring bank holiday" },
    { date: "2027-08-30", name: "Summer bank holiday" },
    { date: "2027-12-27", name: "Christmas Day (substitute day)", substituteFor: "2027-12-25" },
    { date: "2027-12-28", name: "Boxing Day (substitute day)", substituteFor: "2027-12-26" },
    // 2028 (Easter Sunday 16 April), projected [M]. New Year's Day is a Saturday.
    { date: "2028-01-03", name: "New Year's Day (substitute day)", substituteFor: "2028-01-01", projected: true },
    { date: "2028-04-14", name: "Good Friday", projected: true },
    { date: "2028-04-17", name: "Easter Monday", projected: true },
    { date: "2028-05-01", name: "Early May bank holiday", projected: true },
    { date: "2028-05-29", name: "Spring bank holiday", projected: true },
    { date: "2028-08-28", name: "Summer bank holiday", projected: true },
    { date: "2028-12-25", name: "Christmas Day", projected: true },
    { date: "2028-12-26", name: "Boxing Day", projected: true },
  ],
};
