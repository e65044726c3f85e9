/**
 * The cell-key method (ONS; Marley and Leaver 2011; Giessing 2016): every
 * fact carries a record key, a number from 0 to 255 that the same fact always
 * has; a cell's key is the sum of its facts' record keys modulo 256; and a
 * published count is the true count plus a perturbation looked up from the
 * count and the cell key in a perturbation table. The same facts therefore
 * always get the same perturbation: asking again returns the same figure, and
 * the total of one borough minus that borough without one ethnic group is
 * the suppressed count plus the difference of two independent
 * perturbations, not the count.
 *
 * The table is built as the R package `ptable` builds one (maximum entropy
 * under constraints): for each true count, the perturbation's probabilities
 * maximise entropy subject to a mean of zero (unbiased), a fixed variance
 * where the count allows it, no perturbation larger than D, and no non-zero
 * count published as zero or below. Zeros are not perturbed: a published 0
 * means nobody, and a non-zero count is never shown as 0.
 */

/** Record keys and cell keys take this many values. */
export const CELL_KEY_RANGE = 256;

export interface CellKeyParameters {
  /** The largest perturbation (D): a published count is within D of the true one. */
  readonly maximumPerturbation: number;
  /** The perturbation's variance (V) where the count is large enough to allow it. */
  readonly variance: number;
}

/** The cell key of a cell from the sum of its facts' record keys. */
export const cellKeyOf = (recordKeySum: number): number => ((recordKeySum % CELL_KEY_RANGE) + CELL_KEY_RANGE) % CELL_KEY_RANGE;

/** One row of the table: perturbations, ascending, and each one's probability. */
export interface PerturbationRow {
  readonly perturbations: readonly number[];
  readonly probabilities: readonly number[];
}

/**
 * The probabilities p(d) ∝ exp(a·d + b·d²) over d in [lo, hi]: the maximum
 * entropy family under a mean and a second-moment constraint. `a` is found
 * for a mean of zero by bisection (the mean rises with a), `b` for the
 * variance by bisection (with the mean held at zero, the variance rises
 * with b).
 */
function maximumEntropy(lo: number, hi: number, variance: number): number[] {
  const ds = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const weights = (a: number, b: number) => {
    const exponents = ds.map((d) => a * d + b * d * d);
    const top = Math.max(...exponents);
    const w = exponents.map((e) => Math.exp(e - top));
    const sum = w.reduce((s, x) => s + x, 0);
    return w.map((x) => x / sum);
  };
  const moment = (p: number[], power: number) => p.reduce((s, x, i) => s + x * (ds[i] as number) ** power, 0);
  const zeroMean = (b: number) => {
    let low = -60;
    let high = 60;
    for (let i = 0; i < 200; i++) {
      const mid = (low + high) / 2;
      if (moment(weights(mid, b), 1) > 0) high = mid;
      else low = mid;
    }
    return weights((low + high) / 2, b);
  };
  let low = -30;
  let high = 3;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (moment(zeroMean(mid), 2) > variance) high = mid;
    else low = mid;
  }
  return zeroMean((low + high) / 2);
}

/**
 * The row for a true count: perturbations from max(1 − count, −D) (a
 * non-zero count stays at 1 or more) to +D. Where the count is too small for
 * the variance with a mean of zero, the variance is what the range allows;
 * a count of 1 can only stay 1 or rise, so with a mean of zero it stays.
 */
function rowFor(count: number, p: CellKeyParameters): PerturbationRow {
  if (count === 0 || p.maximumPerturbation === 0) return { perturbations: [0], probabilities: [1] };
  const lo = Math.max(1 - count, -p.maximumPerturbation);
  if (lo === 0) return { perturbations: [0], probabilities: [1] };
  const perturbations = Array.from({ length: p.maximumPerturbation - lo + 1 }, (_, i) => lo + i);
  return { perturbations, probabilities: maximumEntropy(lo, p.maximumPerturbation, p.variance) };
}

/**
 * The perturbation table: one row per true count up to the first whose row
 * no longer depends on the count (D + 1 and above: the full range is open),
 * and, for the lookup, each row as 256 slots, one per cell key. A slot's
 * perturbation is the one whose cumulative probability interval holds the
 * middle of the slot, so every probability is kept to within 1/256.
 */
export class PerturbationTable {
  readonly rows: readonly PerturbationRow[];
  private readonly slots: readonly Int8Array[];

  constructor(readonly parameters: CellKeyParameters) {
    if (!Number.isInteger(parameters.maximumPerturbation) || parameters.maximumPerturbation < 0 || parameters.maximumPerturbation > 20) {
      throw new Error("the maximum perturbation must be a whole number from 0 to 20");
    }
    this.rows = Array.from({ length: parameters.maximumPerturbation + 2 }, (_, count) => rowFor(count, parameters));
    this.slots = this.rows.map((row) => {
      const slots = new Int8Array(CELL_KEY_RANGE);
      let cumulative = 0;
      let d = 0;
      for (let k = 0; k < CELL_KEY_RANGE; k++) {
        const middle = (k + 0.5) / CELL_KEY_RANGE;
        while (d < row.perturbations.length - 1 && cumulative + (row.probabilities[d] as number) < middle) cumulative += row.probabilities[d++] as number;
        slots[k] = row.perturbations[d] as number;
      }
      return slots;
    });
  }

  /** The perturbation for a true count and a cell key. */
  perturbation(count: number, cellKey: number): number {
    if (!Number.isInteger(count) || count < 0) throw new Error(`a count must be a whole number of 0 or more, not ${count}`);
    const row = this.slots[Math.min(count, this.slots.length - 1)] as Int8Array;
    return row[cellKeyOf(cellKey)] as number;
  }

  /** The published count. */
  perturb(count: number, cellKey: number): number {
    return count + this.perturbation(count, cellKey);
  }
}

const tables = new Map<string, PerturbationTable>();

/** One table per parameter set, built once: building one solves a few hundred small bisections. */
export function perturbationTable(parameters: CellKeyParameters): PerturbationTable {
  const key = `${parameters.maximumPerturbation}/${parameters.variance}`;
  let table = tables.get(key);
  if (!table) tables.set(key, (table = new PerturbationTable(parameters)));
  return table;
}
