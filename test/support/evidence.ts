/** A published figure of an evidence-base cell, as the API gives it. */
export interface PublishedStat {
  value: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

/** What a table says of the rule it was protected under. */
export interface PublishedRule {
  minimumCount: number;
  maximumPerturbation: number;
}

/**
 * What the cell-key rule promises of a published count whose true count a
 * test knows: within the rule's largest perturbation of it, a zero only for
 * a zero, and, if shown, not a small count; if hidden, for a reason. It
 * holds whatever the facts' record keys, so it needs no fixed keys.
 */
export function expectPublished(stat: PublishedStat, truth: number, rule: PublishedRule): void {
  expect(rule.maximumPerturbation).toBeGreaterThan(0);
  if (stat.suppressed) {
    expect(stat.value).toBeNull();
    expect(stat.suppressionReason).not.toBeNull();
    return;
  }
  const value = stat.value as number;
  expect(Math.abs(value - truth)).toBeLessThanOrEqual(rule.maximumPerturbation);
  expect(value === 0).toBe(truth === 0);
  expect(value === 0 || value >= rule.minimumCount).toBe(true);
}

/** One evidence-base table as a commissioner's front end asks for it: every cell with its count and, for a rate measure, its rate. */
export const EVIDENCE_TABLE = `query($measure: Measure!, $by: [Dimension!]!, $filter: EvidenceFilter) {
  evidenceBase(measure: $measure, by: $by, filter: $filter) {
    measure by countUnit footnotes
    rule { minimumCount maximumPerturbation }
    cells { coordinates { dimension value } isTotal count { value suppressed suppressionReason } rate { value suppressed suppressionReason } }
  } }`;
/** The same table as CSV. */
export const EVIDENCE_CSV = `query($measure: Measure!, $by: [Dimension!]!, $filter: EvidenceFilter) { evidenceBaseCsv(measure: $measure, by: $by, filter: $filter) }`;

export interface EvidenceCell {
  coordinates: { dimension: string; value: string | null }[];
  isTotal: boolean;
  count: PublishedStat;
  rate: PublishedStat | null;
}
export type EvidenceTable = { evidenceBase: { by: string[]; rule: PublishedRule; cells: EvidenceCell[]; countUnit: string; footnotes: string[] } };
