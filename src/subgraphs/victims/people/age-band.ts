import { AgeBand } from "../../../platform/domain";

/** Lower bounds in whole years, youngest first: the bands insights reports by. Under 18 is a child (Children Act 1989 s.105). */
const BANDS: readonly [number, AgeBand][] = [
  [0, AgeBand.UNDER_18],
  [18, AgeBand.AGE_18_24],
  [25, AgeBand.AGE_25_34],
  [35, AgeBand.AGE_35_44],
  [45, AgeBand.AGE_45_54],
  [55, AgeBand.AGE_55_64],
  [65, AgeBand.AGE_65_74],
  [75, AgeBand.AGE_75_PLUS],
];

/** Whole years between a date of birth and a date, both "YYYY-MM-DD". */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageBandOn(dateOfBirth: string, on: string): AgeBand {
  const age = ageOn(dateOfBirth, on);
  let band = AgeBand.UNDER_18;
  for (const [from, b] of BANDS) if (age >= from) band = b;
  return band;
}
