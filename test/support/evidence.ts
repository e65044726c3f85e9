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
