import type { CellKeyParameters } from "./cell-key";

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
  /**
   * The cell-key method (cell-key.ts), where the rule uses it: every count is
   * perturbed by the facts it counts before suppression looks at it, so that
   * overlapping queries cannot be differenced back to a small count. A rule
   * without it publishes true counts (suppression alone).
   */
  readonly cellKey?: CellKeyParameters;
  /**
   * The narrowest interval a caller may pin a protected count (a true count
   * from 1 to minimumCount − 1) to, from every table they can ask together:
   * what the disclosure auditor (bench/disclosure-audit.ts) holds the rule
   * to. Absent: the rule makes no claim across tables.
   */
  readonly minimumIntervalWidth?: number;
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
  {
    // Suppression inside one table did not hold across tables: a borough's total less the same borough over every
    // other ethnic group gave back a suppressed count. Counts are now perturbed by the cell-key method first.
    id: "gm-victims-sdc-2026.2",
    effectiveFrom: "2026-12-03",
    minimumCount: 5,
    showZeros: true,
    // Medians and rates are judged by their true count, and a statistic withheld tells a reader its count is under
    // this: at the minimum count plus the largest perturbation, that never narrows a small count below what its
    // own perturbed figure already allows.
    minimumForStatistics: 10,
    cellKey: { maximumPerturbation: 5, variance: 3 },
    // No narrower than suppression alone ever said of a small count (1 to 4: a width of 3), whatever else is asked.
    minimumIntervalWidth: 3,
    source:
      "As gm-victims-sdc-2026.1 (DOMAIN.md, Sharing and privacy), with counts perturbed before suppression by the cell-key method: ONS, " +
      "'Protecting personal data in Census 2021 results' (cell key perturbation: the same records always get the same " +
      "perturbation); perturbation table by maximum entropy as in Giessing (2016), 'Computational issues in the design " +
      "of transition probabilities and disclosure risk estimation for additive noise' (doi:10.1007/978-3-319-45381-1_18) " +
      "and the R package ptable (D = 5, V = 3; zeros not perturbed; no non-zero count published as zero).",
  },
];

/** The rule in force on a date (YYYY-MM-DD); the earliest rule applies before any is in force. */
export function disclosureRuleInForce(on: string): DisclosureRule {
  const inForce = [...DISCLOSURE_RULES].filter((r) => r.effectiveFrom <= on).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return inForce[0] ?? (DISCLOSURE_RULES[0] as DisclosureRule);
}
