import type { DisclosureRule } from "./rules";

/**
 * Statistical disclosure control for the evidence base: pure functions over a
 * table of counts and its margins.
 *
 * A table has k dimensions, each with a domain of values. Its cells are every
 * combination of a domain value or TOTAL per dimension (TOTAL only where the
 * dimension has a margin): for two dimensions, the body, the row totals, the
 * column totals and the grand total. A "line" is a total cell together with
 * the cells it is the sum of along one dimension (a row with its row total, a
 * column with its column total, and so on at every level). If exactly one cell
 * of a line is hidden, subtraction recovers it; so after primary suppression
 * (small counts), secondary suppression hides one more cell in every such line
 * until no line has exactly one hidden cell.
 */

export enum SuppressionReason {
  /** A count from 1 to the rule's minimum − 1. */
  PRIMARY_SMALL_COUNT = "PRIMARY_SMALL_COUNT",
  /** Hidden so that another hidden cell cannot be worked out from a total. */
  SECONDARY_COMPLEMENTARY = "SECONDARY_COMPLEMENTARY",
  /** A rate or statistic whose count behind it is hidden or too small. */
  DENOMINATOR_SUPPRESSED = "DENOMINATOR_SUPPRESSED",
}

/** A coordinate: a value of the dimension's domain, or TOTAL (all of them). */
export const TOTAL = null;
export type Coordinate = string | typeof TOTAL;

export interface TableShape {
  /** The values of each dimension, in display order. */
  domains: readonly (readonly string[])[];
  /** Whether each dimension has a TOTAL margin (a survey's rights are never added up, say). */
  margins: readonly boolean[];
}

export interface LatticeCell {
  coordinates: Coordinate[];
  count: number;
}

export const cellKey = (coordinates: readonly Coordinate[]): string => coordinates.map((c) => (c === TOTAL ? "\u0001" : c)).join("\u0000");

/** Every cell of the table, body and margins, in a stable order (body first, grand total last). */
export function cellsOf(shape: TableShape): Coordinate[][] {
  let cells: Coordinate[][] = [[]];
  shape.domains.forEach((domain, d) => {
    const options: Coordinate[] = shape.margins[d] ? [...domain, TOTAL] : [...domain];
    cells = cells.flatMap((prefix) => options.map((o) => [...prefix, o]));
  });
  return cells;
}

/**
 * The whole table from counts of its body cells (keyed by cellKey of domain
 * values; absent means 0). Margins are summed here, so every total is exactly
 * the sum of its line.
 */
export function buildTable(shape: TableShape, body: ReadonlyMap<string, number>): Map<string, LatticeCell> {
  const table = new Map<string, LatticeCell>();
  for (const coordinates of cellsOf(shape)) table.set(cellKey(coordinates), { coordinates, count: 0 });
  for (const [key, count] of body) {
    const cell = table.get(key);
    if (!cell || cell.coordinates.some((c) => c === TOTAL)) throw new Error(`count for a cell outside the table: ${JSON.stringify(key)}`);
    // Add the count to the cell and to every margin above it.
    const coordinates = cell.coordinates;
    const marginDims = shape.margins.map((m, d) => (m ? d : -1)).filter((d) => d >= 0);
    for (let mask = 0; mask < 1 << marginDims.length; mask++) {
      const target = [...coordinates];
      marginDims.forEach((d, i) => {
        if (mask & (1 << i)) target[d] = TOTAL;
      });
      (table.get(cellKey(target)) as LatticeCell).count += count;
    }
  }
  return table;
}

/** Each line: a total cell and the cells it sums along one dimension. */
export function linesOf(shape: TableShape): { total: string; members: string[] }[] {
  const lines: { total: string; members: string[] }[] = [];
  for (const coordinates of cellsOf(shape)) {
    coordinates.forEach((c, d) => {
      if (c !== TOTAL) return;
      const members = (shape.domains[d] as readonly string[]).map((value) => {
        const member = [...coordinates];
        member[d] = value;
        return cellKey(member);
      });
      lines.push({ total: cellKey(coordinates), members });
    });
  }
  return lines;
}

/** Primary suppression of one count under the rule: 1 … minimum − 1 (and 0 where zeros are not shown). */
export function isSmallCount(count: number, rule: DisclosureRule): boolean {
  if (count === 0) return !rule.showZeros;
  return count > 0 && count < rule.minimumCount;
}

/**
 * Suppression for a whole table: `primary` gives each cell's own reason to be
 * hidden (or null); then complementary cells are hidden until no line has
 * exactly one hidden cell. Among a line's visible cells the complement is the
 * smallest non-zero body cell (least information lost, and a hidden zero
 * protects little), else the line's total, else a zero. Deterministic.
 */
export function suppressTable(
  shape: TableShape,
  table: ReadonlyMap<string, LatticeCell>,
  primary: (cell: LatticeCell) => SuppressionReason | null,
): Map<string, SuppressionReason> {
  const hidden = new Map<string, SuppressionReason>();
  for (const [key, cell] of table) {
    const reason = primary(cell);
    if (reason) hidden.set(key, reason);
  }
  const lines = linesOf(shape);
  const countOf = (key: string) => (table.get(key) as LatticeCell).count;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const all = [line.total, ...line.members];
      if (all.filter((k) => hidden.has(k)).length !== 1) continue;
      const visible = line.members.filter((k) => !hidden.has(k));
      const nonZero = visible.filter((k) => countOf(k) > 0).sort((a, b) => countOf(a) - countOf(b) || a.localeCompare(b));
      const complement = nonZero[0] ?? (hidden.has(line.total) ? undefined : line.total) ?? visible.sort()[0];
      if (complement === undefined) continue; // unreachable: a line with one hidden cell has another visible one
      hidden.set(complement, SuppressionReason.SECONDARY_COMPLEMENTARY);
      changed = true;
    }
  }
  return hidden;
}

/** Counts under the rule: small counts hidden, then complements. */
export function suppressCounts(shape: TableShape, table: ReadonlyMap<string, LatticeCell>, rule: DisclosureRule): Map<string, SuppressionReason> {
  return suppressTable(shape, table, (cell) => (isSmallCount(cell.count, rule) ? SuppressionReason.PRIMARY_SMALL_COUNT : null));
}

/**
 * A rate numerator / denominator over the same table. The denominators are
 * protected as counts. A numerator is hidden where its denominator is hidden
 * (DENOMINATOR_SUPPRESSED), where it or its complement (denominator −
 * numerator) is a small count, since with the denominator shown either gives
 * the other away, and then as complements across its own lines, so a hidden
 * rate cannot be rebuilt from the total's rate either. A rate is shown only
 * where its numerator is. `observations` are the true denominators where
 * the published ones are perturbed: a rate needs that many real
 * observations behind it, whatever its published denominator says.
 */
export function suppressRates(
  shape: TableShape,
  denominators: ReadonlyMap<string, LatticeCell>,
  numerators: ReadonlyMap<string, LatticeCell>,
  rule: DisclosureRule,
  observations: ReadonlyMap<string, LatticeCell> = denominators,
): { denominators: Map<string, SuppressionReason>; rates: Map<string, SuppressionReason> } {
  const hiddenDenominators = suppressCounts(shape, denominators, rule);
  const rates = suppressTable(shape, numerators, (cell) => {
    const key = cellKey(cell.coordinates);
    const denominator = (denominators.get(key) as LatticeCell).count;
    if (denominator === 0) return null; // no rate to give (and the numerator is known to be 0)
    const observed = (observations.get(key) as LatticeCell).count;
    if (hiddenDenominators.has(key) || observed < rule.minimumForStatistics) return SuppressionReason.DENOMINATOR_SUPPRESSED;
    if (isSmallCount(cell.count, rule) || isSmallCount(denominator - cell.count, rule)) return SuppressionReason.PRIMARY_SMALL_COUNT;
    return null;
  });
  // A zero denominator has no rate at all; that is not a suppression but an absence (value null, not suppressed).
  return { denominators: hiddenDenominators, rates };
}

/** Medians and percentiles: hidden where the count behind them is hidden or under the minimum. */
export function statisticSuppression(count: number, countHidden: boolean, rule: DisclosureRule): SuppressionReason | null {
  if (count === 0) return null;
  return countHidden || count < rule.minimumForStatistics ? SuppressionReason.DENOMINATOR_SUPPRESSED : null;
}
