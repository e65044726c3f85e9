import loadHighs from "highs";
import { DIMENSIONS } from "../src/subgraphs/insights/evidence/dimensions";
import { monthsBetween } from "../src/subgraphs/insights/evidence/evidence.service";
import { MEASURES } from "../src/subgraphs/insights/evidence/measures";

/**
 * A linear-programming disclosure auditor for the evidence base.
 *
 * Secondary suppression protects a small count within one table; a caller
 * who asks many related tables (a borough's total, then the same borough
 * filtered to every other ethnic group) can still difference a suppressed
 * count back out. This module takes everything a caller was shown and asks
 * what the caller can know: the unknown true counts of the finest
 * cross-classification of every dimension the tables use are the variables
 * (x ≥ 0), every published count cell bounds the sum of its finest cells,
 * and for each protected cell two LPs (minimise and maximise its true count)
 * give the interval the caller can pin it to.
 *
 * What a published count says (the rule's maximumPerturbation D; 0, exact
 * counts, where the rule does not carry it):
 * - shown p ≥ 1: the true count is in [max(1, p − D), p + D] (a true 0 is
 *   always published as 0, so a published p ≥ 1 is never a true 0);
 * - shown 0: exactly 0 (the cell-key table never takes a non-zero count to
 *   0, and exact counts are exact);
 * - PRIMARY_SMALL_COUNT: the published value was 1 … minimumCount − 1, so
 *   [1, minimumCount − 1 + D];
 * - anything else suppressed: only that it is a count (x ≥ 0 already says so).
 *
 * The LP relaxation is enough for a lower bound on what a caller learns: the
 * true counts are integers, so the caller's interval is [⌈min⌉, ⌊max⌋] and
 * that is what is reported.
 */

/** A coordinate as the API publishes it: a value, or null for a total. */
export interface PublishedCoordinate {
  dimension: string;
  value: string | null;
}

export interface PublishedCount {
  value: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

export interface PublishedCell {
  coordinates: PublishedCoordinate[];
  count: PublishedCount;
  /** A rate measure's rate: with its count shown, it gives its numerator's published count back (numeratorTable). */
  rate?: { value: number | null; suppressed: boolean } | null;
}

/**
 * A rate measure's numerators as a table of their own: a shown rate over a
 * shown denominator is the published numerator divided by it (rounded to 4
 * places, so for any denominator under 5,000 the product rounds back to it
 * exactly), so a caller has every such numerator as a published count. Its
 * measure is the rate's with NUMERATOR_SUFFIX; its population is the rate's
 * facts in the numerator. A hidden rate gives nothing here: a caller cannot
 * tell which of its reasons hid it.
 */
export const NUMERATOR_SUFFIX = "#NUMERATOR";

export function numeratorTable(table: PublishedTable): PublishedTable | null {
  const spec = MEASURES[table.measure as keyof typeof MEASURES];
  if (spec?.kind !== "rate") return null;
  return {
    ...table,
    measure: `${table.measure}${NUMERATOR_SUFFIX}`,
    cells: table.cells.map((cell) => {
      const { count, rate } = cell;
      let value: number | null = null;
      if (!count.suppressed && count.value === 0) value = 0;
      else if (!count.suppressed && count.value !== null && rate && !rate.suppressed && rate.value !== null) value = Math.round(rate.value * count.value);
      return { coordinates: cell.coordinates, count: value === null ? { value: null, suppressed: true, suppressionReason: null } : { value, suppressed: false, suppressionReason: null } };
    }),
  };
}

export interface PublishedFilter {
  /** YYYY-MM, inclusive. */
  fromMonth?: string | null;
  toMonth?: string | null;
  /** Only these values of each dimension. */
  values?: Partial<Record<string, readonly string[]>>;
}

/** One table as a caller received it, with the filter the caller asked for. */
export interface PublishedTable {
  measure: string;
  /** As published: includes any dimension the measure always splits by. */
  by: string[];
  filter: PublishedFilter;
  cells: PublishedCell[];
}

export interface AuditRule {
  id?: string;
  minimumCount: number;
  /** D: a published count p means the true count is within [p − D, p + D]; absent means exact counts. */
  maximumPerturbation?: number | null;
  /** The narrowest interval a caller may pin a protected count to, where the rule says; else minimumCount − 1. */
  minimumIntervalWidth?: number | null;
}

export interface CellRef {
  table: number;
  cell: number;
}

export interface AuditOptions {
  /** The cells to find intervals for (the oracle's protected cells: true count 1 … minimumCount − 1). */
  protectedCells: readonly CellRef[];
  /** Narrower than this is a leak; the rule's minimumIntervalWidth, else minimumCount − 1, unless given. */
  threshold?: number;
  /** Each dimension's values; MONTH's come from the tables. Defaults to the hub's DIMENSIONS. */
  domains?: Partial<Record<string, readonly string[]>>;
  /**
   * Dimensions whose facts may lie outside the domain (a nullable column:
   * referral_fact.outcome is null until a referral closes). Such facts are in
   * a table that neither splits nor filters by the dimension, and in no cell
   * of one that does. Defaults to NULLABLE_DIMENSIONS.
   */
  open?: readonly string[];
  /** Which tables share variables: the same facts counted the same way. Defaults to the measure's facts and `where`. */
  population?: (measure: string) => string;
  /** Told after each protected cell's LPs: how many cells are done of how many, for a long audit's progress line. */
  progress?: (done: number, of: number) => void;
}

export interface CellInterval extends CellRef {
  population: string;
  /** The LP optimum (real). */
  lpMin: number;
  lpMax: number;
  /** What a caller can rely on, the counts being integers: [⌈lpMin⌉, ⌊lpMax⌋]; Infinity when unbounded. */
  min: number;
  max: number;
  width: number;
}

export interface PopulationStats {
  population: string;
  tables: number;
  dimensions: string[];
  /** Finest cells, before and after dropping those the published data proves to be zero. */
  variables: number;
  variablesKeptAfterZeros: number;
  constraints: number;
  lpSolves: number;
}

export interface AuditResult {
  tables: number;
  /** Published count cells. */
  cells: number;
  protectedCells: number;
  threshold: number;
  intervals: CellInterval[];
  /** The narrowest interval of any protected cell (ties: the first found). */
  narrowest: CellInterval | null;
  /** Protected cells pinned narrower than the threshold. */
  leaks: CellInterval[];
  populations: PopulationStats[];
}

/** referral_fact.outcome is the one nullable dimension column (migrations/1795449640000-InsightsEvidenceBase.ts). */
export const NULLABLE_DIMENSIONS = ["OUTCOME"];

/** Facts outside every value a table names. */
export const OUTSIDE = "\u0000outside";
const MONTH = "MONTH";
const BEFORE = "\u0000before";
const AFTER = "\uffffafter";
const EPSILON = 1e-6;

/** The count definition a measure's count cells share: the fact table and which facts count. */
export function defaultPopulation(measure: string): string {
  const numerator = measure.endsWith(NUMERATOR_SUFFIX);
  const spec = MEASURES[measure.replace(NUMERATOR_SUFFIX, "") as keyof typeof MEASURES];
  if (!spec) throw new Error(`unknown measure ${measure}`);
  const where = [spec.where, numerator ? spec.numerator : null].filter(Boolean);
  return `${spec.facts}${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
}

function defaultDomain(dimension: string): readonly string[] {
  const spec = DIMENSIONS[dimension as keyof typeof DIMENSIONS];
  if (!spec) throw new Error(`unknown dimension ${dimension}`);
  if (!spec.domain) throw new Error(`${dimension} has no fixed domain`);
  return spec.domain.map((v) => v.value);
}

/** The bounds on a cell's true count that its published count gives, or null for none beyond x ≥ 0. */
export function boundsOf(count: PublishedCount, rule: AuditRule): { lo: number; hi: number } | null {
  const d = rule.maximumPerturbation ?? 0;
  if (count.suppressed) {
    if (count.suppressionReason === "PRIMARY_SMALL_COUNT") return { lo: 1, hi: rule.minimumCount - 1 + d };
    return null;
  }
  if (count.value === null) return null;
  if (count.value === 0) return { lo: 0, hi: 0 };
  return { lo: Math.max(1, count.value - d), hi: count.value + d };
}

/** The interval of each protected cell's true count that the published tables allow. */
export async function auditDisclosure(tables: readonly PublishedTable[], rule: AuditRule, options: AuditOptions): Promise<AuditResult> {
  const threshold = options.threshold ?? rule.minimumIntervalWidth ?? rule.minimumCount - 1;
  const population = options.population ?? defaultPopulation;
  const open = new Set(options.open ?? NULLABLE_DIMENSIONS);
  const domainOf = (d: string) => options.domains?.[d] ?? defaultDomain(d);
  const highs = await solver();

  const byPopulation = new Map<string, number[]>();
  tables.forEach((t, i) => {
    const key = population(t.measure);
    byPopulation.set(key, [...(byPopulation.get(key) ?? []), i]);
  });
  const protectedByTable = new Map<number, CellRef[]>();
  for (const ref of options.protectedCells) protectedByTable.set(ref.table, [...(protectedByTable.get(ref.table) ?? []), ref]);

  const intervals: CellInterval[] = [];
  const populations: PopulationStats[] = [];
  for (const [key, members] of byPopulation) {
    const lattice = latticeOf(
      members.map((i) => tables[i] as PublishedTable),
      domainOf,
      open,
    );
    const rows = new Map<string, { atoms: number[]; lo: number; hi: number }>();
    for (const i of members) {
      const table = tables[i] as PublishedTable;
      for (const cell of table.cells) {
        const bounds = boundsOf(cell.count, rule);
        if (!bounds) continue;
        const atoms = lattice.atomsOf(table, cell);
        const rowKey = atoms.join(",");
        const row = rows.get(rowKey);
        // The same finest cells published twice: both bounds hold.
        if (row) {
          row.lo = Math.max(row.lo, bounds.lo);
          row.hi = Math.min(row.hi, bounds.hi);
        } else rows.set(rowKey, { atoms, lo: bounds.lo, hi: bounds.hi });
      }
    }
    // Finest cells inside a cell published as at most 0 are zero: proven by the data, so left out of the LP.
    const zero = new Uint8Array(lattice.size);
    for (const row of rows.values()) if (row.hi <= 0) for (const a of row.atoms) zero[a] = 1;
    const column = new Int32Array(lattice.size).fill(-1);
    let columns = 0;
    for (let a = 0; a < lattice.size; a++) if (!zero[a]) column[a] = columns++;
    const kept = [...rows.values()]
      .map((row) => ({ ...row, cols: row.atoms.map((a) => column[a] as number).filter((c) => c >= 0) }))
      .filter((row) => row.cols.length > 0 || row.lo > 0);
    for (const row of kept) if (row.cols.length === 0) throw new Error(`published counts contradict each other in ${key}: a cell proven zero is at least ${row.lo}`);

    const starts = [0];
    const indices: number[] = [];
    for (const row of kept) {
      indices.push(...row.cols);
      starts.push(indices.length);
    }
    const stats: PopulationStats = {
      population: key,
      tables: members.length,
      dimensions: lattice.dimensions,
      variables: lattice.size,
      variablesKeptAfterZeros: columns,
      constraints: kept.length,
      lpSolves: 0,
    };
    populations.push(stats);
    const refs = members.flatMap((i) => protectedByTable.get(i) ?? []);
    if (!refs.length) continue;
    const model = highs.createModel({
      numCols: Math.max(columns, 1),
      numRows: kept.length,
      colCost: new Float64Array(Math.max(columns, 1)),
      colLower: new Float64Array(Math.max(columns, 1)),
      colUpper: new Float64Array(Math.max(columns, 1)).fill(highs.infinity),
      rowLower: kept.map((r) => r.lo),
      rowUpper: kept.map((r) => (Number.isFinite(r.hi) ? r.hi : highs.infinity)),
      matrix: { format: "csr", numRows: kept.length, numCols: Math.max(columns, 1), starts, indices, values: new Float64Array(indices.length).fill(1) },
    });
    try {
      model.options.set({ output_flag: false, simplex_strategy: 4 });
      // A protected cell asked in several tables has the same finest cells each time: solve it once.
      const solved = new Map<string, { lpMin: number; lpMax: number }>();
      let previous: number[] = [];
      for (const ref of refs) {
        const table = tables[ref.table] as PublishedTable;
        const cols = lattice
          .atomsOf(table, table.cells[ref.cell] as PublishedCell)
          .map((a) => column[a] as number)
          .filter((c) => c >= 0);
        const cellKey = cols.join(",");
        let answer = solved.get(cellKey);
        if (!answer) {
          if (cols.length === 0) answer = { lpMin: 0, lpMax: 0 };
          else {
            if (previous.length) model.changeColsCost({ kind: "set", indices: previous }, new Float64Array(previous.length));
            model.changeColsCost({ kind: "set", indices: cols }, new Float64Array(cols.length).fill(1));
            previous = cols;
            const lpMin = solve(model, highs, highs.constants.objectiveSense.minimize, key);
            const lpMax = solve(model, highs, highs.constants.objectiveSense.maximize, key);
            stats.lpSolves += 2;
            answer = { lpMin, lpMax };
          }
          solved.set(cellKey, answer);
        }
        const min = Math.ceil(answer.lpMin - EPSILON);
        const max = Number.isFinite(answer.lpMax) ? Math.floor(answer.lpMax + EPSILON) : Infinity;
        intervals.push({ ...ref, population: key, lpMin: answer.lpMin, lpMax: answer.lpMax, min, max, width: max - min });
        options.progress?.(intervals.length, options.protectedCells.length);
      }
    } finally {
      model.dispose();
    }
  }

  let narrowest: CellInterval | null = null;
  for (const interval of intervals) if (!narrowest || interval.width < narrowest.width) narrowest = interval;
  return {
    tables: tables.length,
    cells: tables.reduce((n, t) => n + t.cells.length, 0),
    protectedCells: options.protectedCells.length,
    threshold,
    intervals,
    narrowest,
    leaks: intervals.filter((i) => i.width < threshold),
    populations,
  };
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let loaded: Promise<Highs> | undefined;
/** One WebAssembly instance for every audit in the process: loading it is the slow part of a small audit. */
const solver = () => (loaded ??= loadHighs());
type Model = ReturnType<Highs["createModel"]>;

function solve(model: Model, highs: Highs, sense: Parameters<Model["changeObjectiveSense"]>[0], population: string): number {
  model.changeObjectiveSense(sense);
  model.run();
  const status = model.getModelStatus();
  if (status === highs.constants.modelStatus.optimal) return model.getObjectiveValue();
  if (status === highs.constants.modelStatus.unbounded && sense === highs.constants.objectiveSense.maximize) return Infinity;
  // Infeasible: the published counts contradict each other as modelled, so the auditor's model is wrong, not the data.
  if (status === highs.constants.modelStatus.infeasible) throw new Error(`the published counts of ${population} are infeasible as modelled`);
  throw new Error(`LP for ${population} ended with model status ${status}`);
}

interface Lattice {
  dimensions: string[];
  size: number;
  /** The finest cells (atoms) a published cell is the sum of, ascending. */
  atomsOf(table: PublishedTable, cell: PublishedCell): number[];
}

/**
 * The finest cross-classification the tables of one population can tell
 * apart. Per dimension, values no table tells apart (months inside every
 * asked range alike, an ethnic group every filter keeps or drops together)
 * are merged into one class: the LP's variables are the product of the
 * classes, not of the raw values, which keeps it to thousands of columns.
 */
function latticeOf(tables: readonly PublishedTable[], domainOf: (d: string) => readonly string[], open: ReadonlySet<string>): Lattice {
  const dimensions = [...new Set(tables.flatMap((t) => [...t.by, ...Object.keys(t.filter.values ?? {}), ...(t.filter.fromMonth || t.filter.toMonth ? [MONTH] : [])]))];
  // MONTH: every month from the first to the last any table names, and one class each for the months before and after
  // them (facts there are in a table with no range, or a range open at that end).
  const named: string[] = [];
  for (const t of tables) {
    for (const m of [t.filter.fromMonth, t.filter.toMonth, ...(t.filter.values?.[MONTH] ?? [])]) if (m) named.push(m);
    for (const c of t.cells) for (const co of c.coordinates) if (co.dimension === MONTH && co.value) named.push(co.value);
  }
  named.sort();
  const months = named.length ? monthsBetween(named[0] as string, named[named.length - 1] as string) : [];
  const baseValues = new Map<string, string[]>();
  for (const d of dimensions) {
    const values = d === MONTH ? [BEFORE, ...months, AFTER] : [...domainOf(d)];
    baseValues.set(d, open.has(d) ? [...values, OUTSIDE] : values);
  }
  // A table's scope on a dimension: the base values its facts may take there.
  const scopeOf = (t: PublishedTable, d: string): Set<string> => {
    const base = baseValues.get(d) as string[];
    let scope = base;
    const filtered = t.filter.values?.[d];
    if (filtered) scope = scope.filter((v) => filtered.includes(v));
    if (d === MONTH && (t.filter.fromMonth || t.filter.toMonth)) {
      // BEFORE sorts before every month and AFTER after every one, so a range open at one end keeps that end's class.
      scope = scope.filter((v) => (!t.filter.fromMonth || v >= t.filter.fromMonth) && (!t.filter.toMonth || v <= t.filter.toMonth));
    }
    // Splitting by a dimension counts only facts with a value of its domain (a null outcome is in no row).
    if (t.by.includes(d)) scope = scope.filter((v) => v !== OUTSIDE);
    return new Set(scope);
  };
  const scopes = tables.map((t) => new Map(dimensions.map((d) => [d, scopeOf(t, d)])));

  // Classes: base values with the same signature across every table.
  const classOf = new Map<string, Map<string, number>>();
  const classCount: number[] = [];
  for (const d of dimensions) {
    const signatures = new Map<string, number>();
    const of = new Map<string, number>();
    for (const v of baseValues.get(d) as string[]) {
      const signature = tables
        .map((t, i) => {
          const inScope = (scopes[i] as Map<string, Set<string>>).get(d)?.has(v) ?? true;
          if (!inScope) return "-";
          return t.by.includes(d) ? `=${v}` : "+";
        })
        .join("|");
      if (!signatures.has(signature)) signatures.set(signature, signatures.size);
      of.set(v, signatures.get(signature) as number);
    }
    classOf.set(d, of);
    classCount.push(signatures.size);
  }
  const size = classCount.reduce((a, b) => a * b, 1);
  const stride: number[] = [];
  let s = 1;
  for (let k = dimensions.length - 1; k >= 0; k--) {
    stride[k] = s;
    s *= classCount[k] as number;
  }

  const tableIndex = new Map(tables.map((t, i) => [t, i]));
  return {
    dimensions,
    size,
    atomsOf(table, cell) {
      const i = tableIndex.get(table);
      if (i === undefined) throw new Error("table is not of this population");
      const perDimension = dimensions.map((d) => {
        const coordinate = cell.coordinates.find((c) => c.dimension === d);
        const values = coordinate && coordinate.value !== null ? [coordinate.value] : [...((scopes[i] as Map<string, Set<string>>).get(d) as Set<string>)];
        const of = classOf.get(d) as Map<string, number>;
        return [...new Set(values.map((v) => {
          const c = of.get(v);
          if (c === undefined) throw new Error(`${d} value ${v} is outside its domain`);
          return c;
        }))];
      });
      let atoms = [0];
      perDimension.forEach((classes, k) => {
        atoms = atoms.flatMap((a) => classes.map((c) => a + c * (stride[k] as number)));
      });
      return atoms.sort((a, b) => a - b);
    },
  };
}
