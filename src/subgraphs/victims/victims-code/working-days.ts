import { BankHolidayCalendar, ENGLAND_AND_WALES_BANK_HOLIDAYS, IsoDate } from "./bank-holidays";

/**
 * Working-day arithmetic for Victims' Code deadlines.
 *
 * A working day is Monday to Friday and not an England and Wales bank holiday
 * (DOMAIN-REFERENCE.md §8.4: "Working-day calculator: England and Wales bank
 * holidays"). Days are London days: an instant is first turned into its
 * calendar date in Europe/London, so 23:30 UTC on a summer evening is already
 * the next day (British Summer Time is UTC+1).
 *
 * "Within N working days" of an event means: by the end (23:59:59.999 London
 * time) of the Nth working day after the event's London date. The event's own
 * day is day 0 and never counts, whatever the hour and whether or not it is a
 * working day. So an event on a Friday with N = 1 is due by the end of Monday
 * (Tuesday if Monday is a bank holiday); an event on a Saturday with N = 1 is
 * also due by the end of Monday.
 *
 * Outside the dates the bank-holiday list covers, the functions throw a
 * CalendarOutOfRangeError rather than guess that a day is a working day.
 */

export class CalendarOutOfRangeError extends Error {
  readonly code = "CALENDAR_OUT_OF_RANGE";
  constructor(
    readonly date: IsoDate,
    readonly calendar: Pick<BankHolidayCalendar, "id" | "coversFrom" | "coversTo">,
  ) {
    super(
      `No bank-holiday data for ${date}: calendar ${calendar.id} covers ${calendar.coversFrom} to ${calendar.coversTo}. ` +
        `Add the year from gov.uk/bank-holidays before computing deadlines there.`,
    );
    this.name = "CalendarOutOfRangeError";
  }
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a calendar date; throws on anything that is not a real date. */
function dayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return ms / DAY_MS;
}

function fromDayNumber(days: number): IsoDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date `days` after (or before, if negative) `date`. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. A calendar date has a weekday regardless of time zone. */
export function weekdayOf(date: IsoDate): number {
  return new Date(dayNumber(date) * DAY_MS).getUTCDay();
}

// Built once: constructing an Intl.DateTimeFormat is far costlier than using one.
// hourCycle h23 so midnight reads "00", never "24".
const LONDON = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

interface WallClock {
  readonly date: IsoDate;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function londonWallClock(instant: Date): WallClock {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid Date");
  const parts = LONDON.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => {
    const found = parts.find((p) => p.type === type);
    if (!found) throw new Error(`Intl.DateTimeFormat gave no ${type} part`);
    return found.value;
  };
  return {
    date: `${part("year")}-${part("month")}-${part("day")}`,
    hour: Number(part("hour")),
    minute: Number(part("minute")),
    second: Number(part("second")),
  };
}

/** The calendar date in Europe/London on which an instant falls. */
export function londonDateOf(instant: Date): IsoDate {
  return londonWallClock(instant).date;
}

/**
 * The first instant (00:00 London time) of a London date. Midnight always
 * exists exactly once in London: the clocks change at 01:00 UTC, not at
 * midnight, so there is no gap or repeat to resolve.
 */
export function startOfLondonDay(date: IsoDate): Date {
  const guess = dayNumber(date) * DAY_MS; // 00:00 UTC on that date
  const wall = londonWallClock(new Date(guess));
  // London's offset from UTC at `guess`, from the wall clock read as if it were UTC.
  const offsetMs = dayNumber(wall.date) * DAY_MS + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000 - guess;
  const start = new Date(guess - offsetMs);
  const check = londonWallClock(start);
  if (check.date !== date || check.hour !== 0 || check.minute !== 0 || check.second !== 0) {
    throw new Error(`Could not find London midnight for ${date}`);
  }
  return start;
}

/** The last millisecond (23:59:59.999 London time) of a London date: a deadline "by the end of" that day. */
export function endOfLondonDay(date: IsoDate): Date {
  return new Date(startOfLondonDay(addCalendarDays(date, 1)).getTime() - 1);
}

function assertCovered(date: IsoDate, calendar: BankHolidayCalendar): void {
  // ISO dates compare correctly as strings once they are known to be well formed.
  dayNumber(date);
  if (date < calendar.coversFrom || date > calendar.coversTo) throw new CalendarOutOfRangeError(date, calendar);
}

const holidaySets = new WeakMap<BankHolidayCalendar, ReadonlySet<IsoDate>>();
function holidaySet(calendar: BankHolidayCalendar): ReadonlySet<IsoDate> {
  let set = holidaySets.get(calendar);
  if (!set) {
    set = new Set(calendar.holidays.map((h) => h.date));
    holidaySets.set(calendar, set);
  }
  return set;
}

/** True for Monday to Friday that is not a bank holiday. Throws CalendarOutOfRangeError outside the calendar. */
export function isWorkingDay(date: IsoDate, calendar: BankHolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAYS): boolean {
  assertCovered(date, calendar);
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6 && !holidaySet(calendar).has(date);
}

/**
 * The Nth working day after `date` (day 0, not counted). N must be a whole
 * number of at least 1: every Code deadline is at least one working day.
 */
export function addWorkingDays(
  date: IsoDate,
  workingDays: number,
  calendar: BankHolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAYS,
): IsoDate {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`Working days must be a whole number of at least 1, got ${workingDays}`);
  }
  assertCovered(date, calendar);
  let day = date;
  let counted = 0;
  while (counted < workingDays) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return day;
}

/**
 * When something "within N working days" of `occurredAt` falls due: the end of
 * the Nth working day after the event's London date (see the rule at the top
 * of this file).
 */
export function workingDayDeadline(
  occurredAt: Date,
  workingDays: number,
  calendar: BankHolidayCalendar = ENGLAND_AND_WALES_BANK_HOLIDAYS,
): Date {
  return endOfLondonDay(addWorkingDays(londonDateOf(occurredAt), workingDays, calendar));
}
