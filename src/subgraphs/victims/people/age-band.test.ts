import { AgeBand } from "../../../platform/domain";
import { ageBandOn, ageOn } from "./age-band";

describe("age band on a date", () => {
  it.each([
    ["2008-11-24", "2026-11-23", 17, AgeBand.UNDER_18, "the day before the 18th birthday"],
    ["2008-11-23", "2026-11-23", 18, AgeBand.AGE_18_24, "on the 18th birthday"],
    ["2002-02-28", "2026-11-23", 24, AgeBand.AGE_18_24, "24"],
    ["2001-11-23", "2026-11-23", 25, AgeBand.AGE_25_34, "25 today"],
    ["1952-01-01", "2026-11-23", 74, AgeBand.AGE_65_74, "74"],
    ["1951-11-23", "2026-11-23", 75, AgeBand.AGE_75_PLUS, "75 today"],
    ["2004-02-29", "2026-02-28", 21, AgeBand.AGE_18_24, "a leap-day birthday not yet reached on 28 February"],
  ])("born %s, on %s: %i, %s (%s)", (dob, on, age, band) => {
    expect(ageOn(dob, on)).toBe(age);
    expect(ageBandOn(dob, on)).toBe(band);
  });
});
