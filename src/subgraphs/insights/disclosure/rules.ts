/**
 * Statistical disclosure control as versioned rule data (DOMAIN.md: keep every
 * threshold in versioned data with an effective date, and cite its source).
 * A new rule is a new entry with its own `effectiveFrom`; every table reports
 * the id of the rule it was protected under.
 */
export interface DisclosureRule {
  readonly id: string;
  /** First date (YYYY-MM-DD) the rule applies to queries. */
  readonly effectiveFrom: string;
  /** Counts from 1 to minimumCount − 1 are suppressed (primary suppression). */
  readonly minimumCount: number;
  /**
   * Whether a count of 0 is shown. A zero says nobody in the cell, which
   * discloses nothing about a person; publishing true zeros is the common
   * practice (DOMAIN-REFERENCE.md §5.6) and lets a reader tell "none" from
   * "few". A zero may still be hidden as a complementary cell.
   */
  readonly showZeros: boolean;
  /** Medians, percentiles and rates need at least this many observations behind them. */
  readonly minimumForStatistics: number;
  readonly source: string;
}

export const DISCLOSURE_RULES: readonly DisclosureRule[] = [
  {
    id: "gm-victims-sdc-2026.1",
    effectiveFrom: "2026-01-01",
    minimumCount: 5,
    showZeros: true,
    minimumForStatistics: 5,
    source:
      "DOMAIN.md, Sharing and privacy: suppress counts under 5, secondary suppression so totals cannot reveal a suppressed cell, " +
      "no rates over suppressed denominators. DOMAIN-REFERENCE.md §5.6: NHS Digital's rule before September 2018 " +
      "(https://digital.nhs.uk/data-and-information/data-tools-and-services/data-services/hospital-episode-statistics/" +
      "change-to-disclosure-control-methodology-for-hes-and-ecds-from-september-2018): small counts suppressed with " +
      "secondary suppression; common practice: show genuine zeros, suppress rates on small denominators.",
  },
];

/** The rule in force on a date (YYYY-MM-DD); the earliest rule applies before any is in force. */
export function disclosureRuleInForce(on: string): DisclosureRule {
  const inForce = [...DISCLOSURE_RULES].filter((r) => r.effectiveFrom <= on).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return inForce[0] ?? (DISCLOSURE_RULES[0] as DisclosureRule);
}
