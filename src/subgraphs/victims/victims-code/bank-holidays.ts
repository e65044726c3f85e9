import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * England and Wales bank holidays, as data.
 *
 * The source is GOV.UK's machine-readable list, https://www.gov.uk/bank-holidays.json,
 * division `england-and-wales`. Bank holidays are set by the Banking and
 * Financial Dealings Act 1971 and by royal proclamation; substitute days and
 * one-off holidays (2020's VE day move, 2022's Jubilee and state funeral,
 * 2023's coronation) are decided each year, so this is a list and not a rule.
 *
 * data/bank-holidays.json keeps that division in GOV.UK's own format, one
 * whole year after another. `npm run bank-holidays:refresh -- <file>` takes
 * a copy of bank-holidays.json an operator downloaded and merges its years
 * in (refresh.ts): GOV.UK drops old years, and a legacy case still needs them.
 * The years shipped (2018 to 2027) were transcribed into that format, not
 * downloaded (this repository is built without internet access); the first
 * refresh replaces every year GOV.UK still publishes with its own copy.
 */

/** A calendar date in Europe/London, "YYYY-MM-DD". */
export type IsoDate = string;

export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
  /** GOV.UK's "Substitute day": a weekday standing in for a holiday that fell at a weekend. */
  readonly substitute: boolean;
}

export interface BankHolidayCalendar {
  readonly id: string;
  readonly source: string;
  /** First and last dates (inclusive) the list is known to be complete for: whole years. Outside these, working-day arithmetic refuses to answer. */
  readonly coversFrom: IsoDate;
  readonly coversTo: IsoDate;
  readonly holidays: readonly BankHoliday[];
}

export const DIVISION = "england-and-wales";
export const BANK_HOLIDAYS_FILE = join(__dirname, "data", "bank-holidays.json");
const SOURCE = "https://www.gov.uk/bank-holidays.json (england-and-wales)";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** GOV.UK's format, as far as the hub reads it; other divisions and fields are allowed and ignored. */
export const govUkBankHolidays = z.object({
  [DIVISION]: z.object({
    division: z.literal(DIVISION),
    events: z
      .array(
        z.object({
          title: z.string().min(1),
          date: z.string().regex(ISO_DATE, "a YYYY-MM-DD date"),
          notes: z.string(),
          bunting: z.boolean(),
        }),
      )
      .min(1),
  }),
});
export type GovUkBankHolidays = z.infer<typeof govUkBankHolidays>;

export class BankHolidayDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BankHolidayDataError";
  }
}

/**
 * The calendar a GOV.UK-format document describes, checked: real dates, each
 * on a weekday (a bank holiday at a weekend is always moved to a substitute
 * day), none twice, and every year from the first to the last present (a
 * missing year would make every day in it look like a working day).
 */
export function calendarFrom(document: unknown): BankHolidayCalendar {
  const parsed = govUkBankHolidays.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BankHolidayDataError(`Not GOV.UK bank-holiday data for ${DIVISION}: ${issue.path.join(".") || "(document)"}: ${issue.message}`);
  }
  const events = [...parsed.data[DIVISION].events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const seen = new Set<IsoDate>();
  for (const event of events) {
    const day = new Date(`${event.date}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== event.date) throw new BankHolidayDataError(`${event.date} is not a calendar date`);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) throw new BankHolidayDataError(`${event.date} (${event.title}) is a weekend day`);
    if (seen.has(event.date)) throw new BankHolidayDataError(`${event.date} is listed twice`);
    seen.add(event.date);
  }
  const first = Number(events[0].date.slice(0, 4));
  const last = Number(events[events.length - 1].date.slice(0, 4));
  const years = new Set(events.map((e) => Number(e.date.slice(0, 4))));
  for (let year = first; year <= last; year++) {
    if (!years.has(year)) throw new BankHolidayDataError(`No bank holidays listed for ${year}, between ${first} and ${last}`);
  }
  return {
    id: `${DIVISION}@${first}-${last}`,
    source: SOURCE,
    coversFrom: `${first}-01-01`,
    coversTo: `${last}-12-31`,
    holidays: events.map((e) => ({ date: e.date, name: e.title, substitute: /substitute day/i.test(e.notes) })),
  };
}

/** The calendar the hub times deadlines with, read once from data/bank-holidays.json. */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: BankHolidayCalendar = calendarFrom(JSON.parse(readFileSync(BANK_HOLIDAYS_FILE, "utf8")));

export interface BankHolidayMerge {
  readonly document: GovUkBankHolidays;
  readonly calendar: BankHolidayCalendar;
  /** Per year the download holds: the dates it adds to and removes from what was held. */
  readonly changes: readonly { year: number; added: IsoDate[]; removed: IsoDate[] }[];
}

/**
 * The held data with a downloaded GOV.UK file's years laid over it: every
 * year the download lists replaces that year whole; years it no longer lists
 * (GOV.UK keeps only recent ones) stay as held. The result is checked as a
 * whole (calendarFrom) before anyone writes it.
 */
export function mergeBankHolidays(held: unknown, downloaded: unknown): BankHolidayMerge {
  // Both checked first, so either one's fault is a BankHolidayDataError with its reason.
  calendarFrom(held);
  calendarFrom(downloaded);
  const current = govUkBankHolidays.parse(held);
  const incoming = govUkBankHolidays.parse(downloaded)[DIVISION].events;
  const yearOf = (date: IsoDate) => Number(date.slice(0, 4));
  const replaced = new Set(incoming.map((e) => yearOf(e.date)));
  const kept = current[DIVISION].events.filter((e) => !replaced.has(yearOf(e.date)));
  const events = [...kept, ...incoming.map(({ title, date, notes, bunting }) => ({ title, date, notes, bunting }))].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const document = { [DIVISION]: { division: DIVISION, events } } as GovUkBankHolidays;
  const calendar = calendarFrom(document);
  const before = new Set(current[DIVISION].events.map((e) => e.date));
  const after = new Set(incoming.map((e) => e.date));
  const changes = [...replaced].sort().map((year) => ({
    year,
    added: [...after].filter((d) => yearOf(d) === year && !before.has(d)).sort(),
    removed: [...before].filter((d) => yearOf(d) === year && !after.has(d)).sort(),
  }));
  return { document, calendar, changes };
}

/**
 * A warning for the operator when the calendar runs out within `days`: past
 * its last day every new deadline is refused, police referrals included, so
 * the refresh has to come before that.
 */
export function calendarRunsOutWarning(now: Date, days = 120, calendar: BankHolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAYS): string | undefined {
  const left = Math.floor((Date.parse(`${calendar.coversTo}T23:59:59Z`) - now.getTime()) / 86_400_000);
  if (left >= days) return undefined;
  return `England and Wales bank holidays end ${calendar.coversTo} (${Math.max(left, 0)} days): Victims' Code deadlines after it are refused. Download https://www.gov.uk/bank-holidays.json and run npm run bank-holidays:refresh -- <file>.`;
}
