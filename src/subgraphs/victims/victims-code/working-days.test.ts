import fc from "fast-check";
import { BankHolidayDataError, calendarFrom, calendarRunsOutWarning, DIVISION, ENGLAND_AND_WALES_BANK_HOLIDAYS, mergeBankHolidays } from "./bank-holidays";
import {
  CalendarOutOfRangeError,
  addCalendarDays,
  addWorkingDays,
  endOfLondonDay,
  isWorkingDay,
  londonDateOf,
  startOfLondonDay,
  weekdayOf,
  workingDayDeadline,
} from "./working-days";

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher): an independent check on the data. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

describe("England and Wales bank-holiday data", () => {
  const holidays = ENGLAND_AND_WALES_BANK_HOLIDAYS.holidays;

  it("lists every bank holiday on a weekday, inside the covered range, once, in date order", () => {
    const dates = holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const holiday of holidays) {
      expect([1, 2, 3, 4, 5]).toContain(weekdayOf(holiday.date));
      expect(holiday.date >= ENGLAND_AND_WALES_BANK_HOLIDAYS.coversFrom).toBe(true);
      expect(holiday.date <= ENGLAND_AND_WALES_BANK_HOLIDAYS.coversTo).toBe(true);
    }
  });

  // 2020 moved the early May holiday to VE day; 2022 moved the spring one and added the Jubilee and the state funeral; 2023 added the coronation.
  it.each([
    [2018, 8], [2019, 8], [2020, 8], [2021, 8], [2022, 10], [2023, 9], [2024, 8], [2025, 8], [2026, 8], [2027, 8],
  ])("has every bank holiday of %i (%i)", (year, count) => {
    expect(holidays.filter((h) => h.date.startsWith(`${year}-`))).toHaveLength(count);
  });

  it("covers whole years, 2018 to 2027, and nothing after: 2028 is not published yet", () => {
    expect([ENGLAND_AND_WALES_BANK_HOLIDAYS.coversFrom, ENGLAND_AND_WALES_BANK_HOLIDAYS.coversTo]).toEqual(["2018-01-01", "2027-12-31"]);
  });

  it.each([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])("puts Good Friday and Easter Monday around Easter Sunday %i", (year) => {
    const easter = easterSunday(year);
    const dates = holidays.map((h) => h.date);
    expect(dates).toContain(addCalendarDays(easter, -2));
    expect(dates).toContain(addCalendarDays(easter, 1));
  });

  it("marks the weekdays standing in for weekend holidays as substitutes, each just after a weekend holiday", () => {
    const substitutes = holidays.filter((h) => h.substitute).map((h) => h.date);
    expect(substitutes).toEqual(["2020-12-28", "2021-12-27", "2021-12-28", "2022-01-03", "2022-12-27", "2023-01-02", "2026-12-28", "2027-12-27", "2027-12-28"]);
    for (const date of substitutes) {
      // A Monday, or the Tuesday after when the 25th and 26th both fall at a weekend.
      expect([1, 2]).toContain(weekdayOf(date));
      expect(weekdayOf(addCalendarDays(date, -weekdayOf(date)))).toBe(0);
    }
  });
});

describe("calendarFrom and mergeBankHolidays: GOV.UK's file, checked", () => {
  const event = (date: string, title = "A bank holiday", notes = "") => ({ title, date, notes, bunting: true });
  const doc = (...dates: string[]) => ({ [DIVISION]: { division: DIVISION, events: dates.map((d) => event(d)) } });

  it("refuses a document that is not GOV.UK's format, naming where", () => {
    expect(() => calendarFrom({ scotland: {} })).toThrow(BankHolidayDataError);
    expect(() => calendarFrom({ [DIVISION]: { division: DIVISION, events: [{ date: "2025-01-01" }] } })).toThrow(/england-and-wales\.events\.0\.title/);
  });

  it("refuses a weekend day, a date twice, a date that does not exist, and a missing year", () => {
    expect(() => calendarFrom(doc("2025-06-07"))).toThrow(/weekend/);
    expect(() => calendarFrom(doc("2025-01-01", "2025-01-01"))).toThrow(/twice/);
    expect(() => calendarFrom(doc("2025-02-30"))).toThrow(/not a calendar date/);
    expect(() => calendarFrom(doc("2024-01-01", "2026-01-01"))).toThrow(/No bank holidays listed for 2025/);
  });

  it("lays a download's years over the held ones, keeps the years it no longer lists, and says what changed", () => {
    const held = doc("2024-01-01", "2025-01-01", "2025-12-25");
    const merged = mergeBankHolidays(held, doc("2025-01-01", "2025-12-26", "2026-01-01"));
    expect(merged.calendar.holidays.map((h) => h.date)).toEqual(["2024-01-01", "2025-01-01", "2025-12-26", "2026-01-01"]);
    expect([merged.calendar.coversFrom, merged.calendar.coversTo]).toEqual(["2024-01-01", "2026-12-31"]);
    expect(merged.changes).toEqual([
      { year: 2025, added: ["2025-12-26"], removed: ["2025-12-25"] },
      { year: 2026, added: ["2026-01-01"], removed: [] },
    ]);
  });

  it("warns the operator within 120 days of the data's last day, and not before", () => {
    expect(calendarRunsOutWarning(new Date("2027-08-01T00:00:00Z"))).toBeUndefined();
    expect(calendarRunsOutWarning(new Date("2027-09-10T00:00:00Z"))).toMatch(/end 2027-12-31 \(112 days\).*bank-holidays:refresh/);
    expect(calendarRunsOutWarning(new Date("2028-02-01T00:00:00Z"))).toMatch(/\(0 days\)/);
  });

  it("refuses a download that would leave a gap after the held years", () => {
    expect(() => mergeBankHolidays(doc("2024-01-01"), doc("2026-01-01"))).toThrow(/No bank holidays listed for 2025/);
  });
});

describe("isWorkingDay", () => {
  it.each([
    ["2025-06-06", true, "an ordinary Friday"],
    ["2025-06-07", false, "a Saturday"],
    ["2025-06-08", false, "a Sunday"],
    ["2025-04-18", false, "Good Friday 2025"],
    ["2025-04-21", false, "Easter Monday 2025"],
    ["2025-04-22", true, "the Tuesday after Easter 2025"],
    ["2025-12-25", false, "Christmas Day 2025"],
    ["2025-12-26", false, "Boxing Day 2025"],
    ["2026-12-28", false, "the Boxing Day substitute, Monday 28 December 2026"],
    ["2026-12-29", true, "Tuesday 29 December 2026"],
    ["2027-12-27", false, "the Christmas substitute, Monday 27 December 2027"],
    ["2027-12-28", false, "the Boxing Day substitute, Tuesday 28 December 2027"],
    ["2027-12-29", true, "Wednesday 29 December 2027"],
  ])("treats %s as a working day: %s (%s)", (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it("refuses a date before the bank-holiday data starts rather than guessing", () => {
    expect(() => isWorkingDay("2017-12-29")).toThrow(CalendarOutOfRangeError);
    expect(() => isWorkingDay("2017-12-29")).toThrow(/covers 2018-01-01 to 2027-12-31/);
  });

  it("refuses a date after the bank-holiday data ends rather than guessing", () => {
    expect(() => isWorkingDay("2028-01-04")).toThrow(CalendarOutOfRangeError);
  });

  it("rejects text that is not a calendar date", () => {
    expect(() => isWorkingDay("2025-02-30")).toThrow(RangeError);
    expect(() => isWorkingDay("30/01/2025")).toThrow(RangeError);
  });
});

describe("addWorkingDays: the event's day is day 0", () => {
  it.each([
    // [from, working days, expected, why]
    ["2025-06-04", 1, "2025-06-05", "Wednesday + 1 is Thursday"],
    ["2025-06-06", 1, "2025-06-09", "Friday + 1 skips the weekend to Monday"],
    ["2025-06-06", 2, "2025-06-10", "Friday + 2 is Tuesday"],
    ["2025-06-06", 5, "2025-06-13", "Friday + 5 is the next Friday"],
    ["2025-06-04", 5, "2025-06-11", "Wednesday + 5 spans a weekend to Wednesday"],
    ["2025-06-07", 1, "2025-06-09", "Saturday + 1 is Monday"],
    ["2025-06-08", 1, "2025-06-09", "Sunday + 1 is Monday"],
    ["2025-04-17", 1, "2025-04-22", "Thursday before Easter + 1 skips Good Friday, the weekend and Easter Monday"],
    ["2025-04-16", 2, "2025-04-22", "Wednesday before Easter + 2 is the Tuesday after"],
    ["2025-04-17", 5, "2025-04-28", "Thursday before Easter + 5"],
    ["2025-12-24", 1, "2025-12-29", "Christmas Eve 2025 + 1 skips Christmas, Boxing Day and the weekend"],
    ["2025-12-24", 5, "2026-01-05", "Christmas Eve 2025 + 5 also skips New Year's Day"],
    ["2026-12-24", 1, "2026-12-29", "Christmas Eve 2026 + 1 skips the Boxing Day substitute on Monday 28"],
    ["2027-12-24", 1, "2027-12-29", "Christmas Eve 2027 + 1 skips both substitute days, Monday 27 and Tuesday 28"],
    ["2027-12-24", 2, "2027-12-30", "Christmas Eve 2027 + 2"],
    ["2022-09-16", 1, "2022-09-20", "Friday 16 September 2022 + 1 skips the state funeral, Monday 19"],
    ["2022-06-01", 1, "2022-06-06", "1 June 2022 + 1 skips the spring holiday and the Jubilee, 2 and 3 June"],
  ])("%s + %i working days is %s (%s)", (from, days, expected) => {
    expect(addWorkingDays(from, days)).toBe(expected);
  });

  it("refuses a deadline that would run past the end of the bank-holiday data", () => {
    expect(addWorkingDays("2027-12-30", 1)).toBe("2027-12-31");
    expect(() => addWorkingDays("2027-12-31", 1)).toThrow(CalendarOutOfRangeError);
  });

  it("refuses zero, negative and fractional working days", () => {
    expect(() => addWorkingDays("2025-06-04", 0)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-06-04", -1)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-06-04", 1.5)).toThrow(RangeError);
  });
});

describe("London dates and day boundaries", () => {
  it.each([
    ["2025-06-12T23:30:00Z", "2025-06-13", "23:30 UTC in British Summer Time is 00:30 the next London day"],
    ["2025-06-12T22:59:59Z", "2025-06-12", "22:59:59 UTC in summer is still 23:59:59 the same London day"],
    ["2025-01-09T23:30:00Z", "2025-01-09", "23:30 UTC in winter (GMT) is the same London day"],
    ["2025-03-30T00:59:59Z", "2025-03-30", "just before the clocks go forward"],
    ["2025-03-30T23:00:00Z", "2025-03-31", "midnight on the first BST night"],
    ["2025-10-25T23:00:00Z", "2025-10-26", "midnight on the night the clocks go back"],
    ["2025-10-26T23:30:00Z", "2025-10-26", "after the clocks go back, 23:30 UTC is 23:30 London"],
  ])("puts %s on London date %s (%s)", (instant, expected) => {
    expect(londonDateOf(new Date(instant))).toBe(expected);
  });

  it.each([
    ["2025-01-10", "2025-01-10T00:00:00.000Z", "2025-01-10T23:59:59.999Z"],
    ["2025-06-16", "2025-06-15T23:00:00.000Z", "2025-06-16T22:59:59.999Z"],
    ["2025-03-30", "2025-03-30T00:00:00.000Z", "2025-03-30T22:59:59.999Z"], // a 23-hour day
    ["2025-10-26", "2025-10-25T23:00:00.000Z", "2025-10-26T23:59:59.999Z"], // a 25-hour day
  ])("starts London day %s at %s and ends it at %s", (date, start, end) => {
    expect(startOfLondonDay(date).toISOString()).toBe(start);
    expect(endOfLondonDay(date).toISOString()).toBe(end);
  });
});

describe("workingDayDeadline", () => {
  it.each([
    ["2025-06-12T23:30:00Z", 1, "2025-06-16T22:59:59.999Z", "a BST evening event counts from the next London day (Friday), due end of Monday"],
    ["2025-06-12T21:30:00Z", 1, "2025-06-13T22:59:59.999Z", "the same evening an hour earlier is Thursday, due end of Friday"],
    ["2025-01-09T23:30:00Z", 1, "2025-01-10T23:59:59.999Z", "a winter evening event stays on Thursday, due end of Friday (GMT)"],
    ["2025-03-28T12:00:00Z", 1, "2025-03-31T22:59:59.999Z", "a Friday before the clocks go forward is due end of Monday in BST"],
    ["2025-10-24T12:00:00Z", 1, "2025-10-27T23:59:59.999Z", "a Friday before the clocks go back is due end of Monday in GMT"],
    ["2025-06-06T08:00:00Z", 5, "2025-06-13T22:59:59.999Z", "a Friday event, 5 working days, due end of the next Friday"],
  ])("%s + %i working days is due at %s (%s)", (occurredAt, days, expected) => {
    expect(workingDayDeadline(new Date(occurredAt), days).toISOString()).toBe(expected);
  });

  it("always falls due at the end of a working day, later than the event's own London day", () => {
    const from = new Date("2018-01-01T00:00:00Z").getTime();
    // Early enough in 2027 that 10 working days still fall inside the data.
    const to = new Date("2027-11-30T00:00:00Z").getTime();
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 10 }), (ms, days) => {
        const occurredAt = new Date(ms);
        const dueAt = workingDayDeadline(occurredAt, days);
        const dueDate = londonDateOf(dueAt);
        expect(isWorkingDay(dueDate)).toBe(true);
        expect(dueAt.getTime()).toBeGreaterThan(occurredAt.getTime());
        expect(dueDate > londonDateOf(occurredAt)).toBe(true);
        // The deadline is the last millisecond of its London day.
        expect(londonDateOf(new Date(dueAt.getTime() + 1))).toBe(addCalendarDays(dueDate, 1));
      }),
      { numRuns: 500 },
    );
  });
});
