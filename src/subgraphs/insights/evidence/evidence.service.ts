import type { DataSource } from "typeorm";
import { appError, ErrorCode } from "../../../platform/errors";
import {
  buildTable,
  cellKey,
  cellsOf,
  Coordinate,
  LatticeCell,
  statisticSuppression,
  suppressCounts,
  suppressRates,
  SuppressionReason,
  TableShape,
  TOTAL,
} from "../disclosure/disclosure";
import { perturbationTable } from "../disclosure/cell-key";
import { DisclosureRule, disclosureRuleInForce } from "../disclosure/rules";
import { Cube, cubeFor } from "./cubes";
import { Dimension, DIMENSIONS, labelOf } from "./dimensions";
import { Measure, MEASURES, MeasureSpec } from "./measures";

/** At most this many dimensions at once: a needs assessment reads two- and three-way tables. */
export const MAX_DIMENSIONS = 3;
/** Cells in one table, margins included. */
export const MAX_CELLS = 20_000;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface EvidenceFilterValues {
  /** YYYY-MM, inclusive. */
  fromMonth?: string | null;
  toMonth?: string | null;
  /** Only these values of each dimension. */
  values?: Partial<Record<Dimension, readonly string[]>>;
}

export interface EvidenceRequest {
  measure: Measure;
  by: readonly Dimension[];
  filter?: EvidenceFilterValues | null;
}

export interface StatisticValue {
  value: number | null;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
}

export interface CellCoordinate {
  dimension: Dimension;
  /** null: every value (a total). */
  value: string | null;
  label: string;
}

export interface EvidenceCellValue extends StatisticValue {
  coordinates: CellCoordinate[];
  isTotal: boolean;
  count: StatisticValue;
  median: StatisticValue | null;
  p90: StatisticValue | null;
  rate: StatisticValue | null;
}

export interface EvidenceTableValue {
  measure: Measure;
  by: Dimension[];
  description: string;
  countUnit: string;
  valueUnit: string;
  rule: Omit<DisclosureRule, "minimumIntervalWidth"> & { maximumPerturbation: number; perturbationVariance: number; minimumIntervalWidth: number | null };
  /** Where the figures came from: a materialised cube or the facts. */
  readFrom: string;
  refreshedAt: Date | null;
  cells: EvidenceCellValue[];
  footnotes: string[];
}

interface Plan {
  spec: MeasureSpec;
  by: Dimension[];
  shapeMargins: boolean[];
  filters: { dimension: Dimension; values: readonly string[] }[];
  fromMonth: string | null;
  toMonth: string | null;
  cube: Cube | null;
}

interface BodyRow {
  coordinates: Coordinate[];
  n: number;
  /** The sum of the record keys of the facts counted (cell-key.ts). */
  k: number;
  num: number;
  numK: number;
  median: number | null;
  p90: number | null;
  grouping: number;
}

/**
 * The evidence base's queries: one SQL statement per table (plus one for when
 * the data was last refreshed), then disclosure control on every cell.
 */
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async table(request: EvidenceRequest): Promise<EvidenceTableValue> {
    const plan = this.plan(request);
    const rule = disclosureRuleInForce(this.now().toISOString().slice(0, 10));
    const [rows, refreshedAt] = await Promise.all([this.rows(plan), this.refreshedAt()]);
    const body = rows.filter((r) => r.grouping === 0);
    const shape = this.shape(plan, body);
    if (cellsOf(shape).length > MAX_CELLS) {
      throw appError(ErrorCode.INVALID_INPUT, `That table would have more than ${MAX_CELLS} cells: split by fewer dimensions or filter`);
    }
    const cells = assemble(plan, shape, rows, rule);
    return {
      measure: request.measure,
      by: plan.by,
      description: plan.spec.description,
      countUnit: plan.spec.countUnit,
      valueUnit: plan.spec.kind === "count" ? plan.spec.countUnit : plan.spec.kind === "wait" ? "days (median)" : "proportion (0 to 1)",
      rule: {
        ...rule,
        maximumPerturbation: rule.cellKey?.maximumPerturbation ?? 0,
        perturbationVariance: rule.cellKey?.variance ?? 0,
        minimumIntervalWidth: rule.minimumIntervalWidth ?? null,
      },
      readFrom: plan.cube?.table ?? `insights.${plan.spec.facts}`,
      refreshedAt,
      cells,
      footnotes: footnotes(plan, rule),
    };
  }

  /** When the evidence base last finished a refresh. */
  async refreshedAt(): Promise<Date | null> {
    const rows = (await this.dataSource.query(
      `SELECT max(finished_at) AS at FROM insights.refresh_run WHERE status = 'FINISHED'`,
    )) as { at: Date | null }[];
    return rows[0]?.at ?? null;
  }

  /** Checks the request and decides where to read from. */
  plan(request: EvidenceRequest): Plan {
    const spec = MEASURES[request.measure];
    const by = [...request.by];
    if (spec.alwaysBy && !by.includes(spec.alwaysBy)) by.unshift(spec.alwaysBy);
    if (new Set(by).size !== by.length) throw appError(ErrorCode.INVALID_INPUT, "Name each dimension once in `by`");
    if (by.length > MAX_DIMENSIONS) throw appError(ErrorCode.INVALID_INPUT, `Split by at most ${MAX_DIMENSIONS} dimensions at once`);
    const filter = request.filter ?? {};
    const filters = Object.entries(filter.values ?? {})
      .filter(([, values]) => values !== undefined && values !== null)
      .map(([dimension, values]) => ({ dimension: dimension as Dimension, values: values as readonly string[] }));
    for (const d of [...by, ...filters.map((f) => f.dimension)]) {
      if (!DIMENSIONS[d].facts.includes(spec.facts)) {
        throw appError(ErrorCode.INVALID_INPUT, `${request.measure} cannot be split or filtered by ${d}`, { dimension: d });
      }
    }
    for (const f of filters) {
      const domain = DIMENSIONS[f.dimension].domain;
      const unknown = domain ? f.values.filter((v) => !domain.some((d) => d.value === v)) : [];
      if (unknown.length) throw appError(ErrorCode.INVALID_INPUT, `Unknown ${f.dimension} values: ${unknown.join(", ")}`, { dimension: f.dimension });
    }
    for (const [name, month] of [["fromMonth", filter.fromMonth], ["toMonth", filter.toMonth]] as const) {
      if (month && !MONTH.test(month)) throw appError(ErrorCode.INVALID_INPUT, `${name} must be YYYY-MM`);
    }
    if (filter.fromMonth && filter.toMonth && filter.fromMonth > filter.toMonth) {
      throw appError(ErrorCode.INVALID_INPUT, "fromMonth is after toMonth");
    }
    const needed = new Set([...by, ...filters.map((f) => f.dimension)]);
    refuseFinerThanPublished(request.measure, spec, needed, filter);
    if (filter.fromMonth || filter.toMonth) needed.add(Dimension.MONTH);
    return {
      spec,
      by,
      shapeMargins: by.map((d) => !(d === spec.alwaysBy && spec.alwaysByHasTotal === false)),
      filters,
      fromMonth: filter.fromMonth ?? null,
      toMonth: filter.toMonth ?? null,
      cube: cubeFor(request.measure, needed),
    };
  }

  /** The SQL for a plan and its parameters; the bench times the same statement bare. */
  sql(plan: Plan): { text: string; params: unknown[] } {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (plan.spec.where && !plan.cube) where.push(plan.spec.where);
    if (plan.cube) {
      const wait = plan.cube.measures.get(measureOf(plan.spec))?.wait;
      if (wait) where.push(`wait = ${param(wait)}`);
    }
    for (const f of plan.filters) where.push(`${DIMENSIONS[f.dimension].sql} = ANY(${param(f.values)}::text[])`);
    if (plan.fromMonth) where.push(`month >= ${param(`${plan.fromMonth}-01`)}::date`);
    if (plan.toMonth) where.push(`month <= ${param(`${plan.toMonth}-01`)}::date`);
    const from = plan.cube?.table ?? `insights.${plan.spec.facts}`;
    const whereSql = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const dims = plan.by.map((d, i) => `${DIMENSIONS[d].sql} AS d${i}`);
    const aliases = plan.by.map((_, i) => `d${i}`);
    const sets = groupingSets(aliases, plan.shapeMargins);
    const grouping = aliases.length ? `GROUPING(${aliases.join(", ")})` : "0";

    if (plan.spec.kind !== "wait") {
      const n = plan.cube ? "sum(n)::bigint" : "count(*)::bigint";
      const k = plan.cube ? "sum(k)::bigint" : "sum(record_key)::bigint";
      const num = plan.spec.numerator ? `count(*) FILTER (WHERE ${plan.spec.numerator})::bigint` : "0::bigint";
      const numK = plan.spec.numerator ? `sum(record_key) FILTER (WHERE ${plan.spec.numerator})::bigint` : "0::bigint";
      const groupBy = aliases.length ? `GROUP BY ${aliases.map((_, i) => i + 1).join(", ")}` : "";
      return {
        text: `SELECT ${[...dims, `0 AS g`, `${n} AS n`, `${k} AS k`, `${num} AS num`, `${numK} AS num_k`].join(", ")} FROM ${from} ${whereSql} ${groupBy}`,
        params,
      };
    }
    if (plan.cube) {
      // Histogram: per grouping set, the first day at which the running count reaches half (and nine tenths) of the total,
      // which is exactly percentile_disc(0.5) (and (0.9)) over the facts.
      const partition = ["g", ...aliases].join(", ");
      const histogramSets = sets.map((set) => `(${[...set, "days"].join(", ")})`).join(", ");
      return {
        text: `
          WITH s AS (SELECT ${[...dims, "days", "n", "k"].join(", ")} FROM ${from} ${whereSql}),
          h AS (SELECT ${[...aliases, `${grouping} AS g`, "days", "sum(n)::bigint AS n", "sum(k)::bigint AS k"].join(", ")} FROM s GROUP BY GROUPING SETS (${histogramSets})),
          c AS (SELECT ${[...aliases, "g", "days", "n"].join(", ")}, sum(n) OVER (PARTITION BY ${partition} ORDER BY days) AS cum,
                       sum(n) OVER (PARTITION BY ${partition}) AS total, sum(k) OVER (PARTITION BY ${partition}) AS k_total FROM h)
          SELECT ${[...aliases, "g"].join(", ")}, max(total)::bigint AS n, max(k_total)::bigint AS k, 0::bigint AS num, 0::bigint AS num_k,
                 min(days) FILTER (WHERE cum * 2 >= total) AS median, min(days) FILTER (WHERE cum * 10 >= total * 9) AS p90
          FROM c GROUP BY ${partition}`,
        params,
      };
    }
    const setsSql = sets.map((set) => `(${set.join(", ")})`).join(", ");
    return {
      text: `
        SELECT ${[...aliases, `${grouping} AS g`].join(", ")}, count(*)::bigint AS n, sum(rk)::bigint AS k, 0::bigint AS num, 0::bigint AS num_k,
               percentile_disc(0.5) WITHIN GROUP (ORDER BY w) AS median, percentile_disc(0.9) WITHIN GROUP (ORDER BY w) AS p90
        FROM (SELECT ${[...dims, `${plan.spec.days} AS w`, "record_key AS rk"].join(", ")} FROM ${from} ${whereSql}) s
        GROUP BY GROUPING SETS (${setsSql})`,
      params,
    };
  }

  private async rows(plan: Plan): Promise<BodyRow[]> {
    const { text, params } = this.sql(plan);
    const raw = (await this.dataSource.query(text, params)) as Record<string, unknown>[];
    const k = plan.by.length;
    return raw.map((r) => {
      const grouping = Number(r.g);
      return {
        coordinates: plan.by.map((_, i) => (grouping & (1 << (k - 1 - i)) ? TOTAL : String(r[`d${i}`]))),
        n: Number(r.n),
        k: Number(r.k ?? 0),
        num: Number(r.num),
        numK: Number(r.num_k ?? 0),
        median: r.median === null || r.median === undefined ? null : Number(r.median),
        p90: r.p90 === null || r.p90 === undefined ? null : Number(r.p90),
        grouping,
      };
    });
  }

  private shape(plan: Plan, body: BodyRow[]): TableShape {
    return {
      domains: plan.by.map((d, i) => {
        const filtered = plan.filters.find((f) => f.dimension === d)?.values;
        const domain = DIMENSIONS[d].domain;
        if (domain) return domain.map((v) => v.value).filter((v) => !filtered || filtered.includes(v));
        // MONTH: every month of the asked range, else the months in the data.
        if (plan.fromMonth && plan.toMonth) return monthsBetween(plan.fromMonth, plan.toMonth);
        return [...new Set(body.map((r) => r.coordinates[i] as string))].sort();
      }),
      margins: plan.shapeMargins,
    };
  }
}

/** Every subset of the dimensions that have a margin, always with those that have none; the full set first. */
function groupingSets(aliases: string[], margins: boolean[]): string[][] {
  const optional = aliases.filter((_, i) => margins[i]);
  const sets: string[][] = [];
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const dropped = new Set(optional.filter((_, i) => mask & (1 << i)));
    sets.push(aliases.filter((a) => !dropped.has(a)));
  }
  return sets;
}

function measureOf(spec: MeasureSpec): Measure {
  return (Object.entries(MEASURES).find(([, s]) => s === spec) as [Measure, MeasureSpec])[0];
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split("-").map(Number) as [number, number];
  for (let guard = 0; guard < 1200; guard++) {
    const value = `${year}-${String(month).padStart(2, "0")}`;
    if (value > to) break;
    months.push(value);
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

const shown = (value: number | null): StatisticValue => ({ value, suppressed: false, suppressionReason: null });
const hidden = (reason: SuppressionReason): StatisticValue => ({ value: null, suppressed: true, suppressionReason: reason });

/** Puts counts, statistics and their suppression together, cell by cell. */
function assemble(plan: Plan, shape: TableShape, rows: BodyRow[], rule: DisclosureRule): EvidenceCellValue[] {
  const bodies = { n: new Map<string, number>(), k: new Map<string, number>(), num: new Map<string, number>(), numK: new Map<string, number>() };
  for (const row of rows) {
    if (row.grouping !== 0) continue;
    for (const field of ["n", "k", "num", "numK"] as const) bodies[field].set(cellKey(row.coordinates), row[field]);
  }
  // Every cell is perturbed by its own facts, margins included: a total is not the sum of the published cells it totals.
  const trueCounts = buildTable(shape, bodies.n);
  const countTable = publishedCounts(trueCounts, buildTable(shape, bodies.k), rule);
  const numeratorTable = publishedCounts(buildTable(shape, bodies.num), buildTable(shape, bodies.numK), rule, countTable);
  const statistics = new Map(rows.map((r) => [cellKey(r.coordinates), r]));
  let hiddenCounts: Map<string, SuppressionReason>;
  let hiddenRates = new Map<string, SuppressionReason>();
  if (plan.spec.kind === "rate") {
    const result = suppressRates(shape, countTable, numeratorTable, rule, trueCounts);
    hiddenCounts = result.denominators;
    hiddenRates = result.rates;
  } else {
    hiddenCounts = suppressCounts(shape, countTable, rule);
  }

  return cellsOf(shape).map((coordinates) => {
    const key = cellKey(coordinates);
    const cell = countTable.get(key) as LatticeCell;
    const countReason = hiddenCounts.get(key);
    const count = countReason ? hidden(countReason) : shown(cell.count);
    let median: StatisticValue | null = null;
    let p90: StatisticValue | null = null;
    let rate: StatisticValue | null = null;
    if (plan.spec.kind === "wait") {
      // Over the true count: a median needs that many real waits behind it, whatever its published count says.
      const reason = statisticSuppression((trueCounts.get(key) as LatticeCell).count, countReason !== undefined, rule);
      const stats = statistics.get(key);
      median = reason ? hidden(reason) : shown(stats?.median ?? null);
      p90 = reason ? hidden(reason) : shown(stats?.p90 ?? null);
    }
    if (plan.spec.kind === "rate") {
      const reason = hiddenRates.get(key);
      const numerator = (numeratorTable.get(key) as LatticeCell).count;
      rate = reason ? hidden(reason) : shown(cell.count === 0 ? null : round(numerator / cell.count, 4));
    }
    const headline = plan.spec.kind === "wait" ? (median as StatisticValue) : plan.spec.kind === "rate" ? (rate as StatisticValue) : count;
    return {
      ...headline,
      coordinates: coordinates.map((value, i) => {
        const dimension = plan.by[i] as Dimension;
        return { dimension, value, label: value === TOTAL ? "All" : labelOf(dimension, value) };
      }),
      isTotal: coordinates.some((c) => c === TOTAL),
      count,
      median,
      p90,
      rate,
    };
  });
}

/**
 * The counts as published under the rule: each cell perturbed by the
 * cell-key method where the rule uses it (the same facts, the same
 * perturbation), else as counted. A numerator is never published above its
 * own published denominator.
 */
function publishedCounts(
  counts: Map<string, LatticeCell>,
  recordKeySums: ReadonlyMap<string, LatticeCell>,
  rule: DisclosureRule,
  denominators?: ReadonlyMap<string, LatticeCell>,
): Map<string, LatticeCell> {
  if (!rule.cellKey) return counts;
  const table = perturbationTable(rule.cellKey);
  const published = new Map<string, LatticeCell>();
  for (const [key, cell] of counts) {
    let count = table.perturb(cell.count, (recordKeySums.get(key) as LatticeCell).count);
    if (denominators) count = Math.min(count, (denominators.get(key) as LatticeCell).count);
    published.set(key, { coordinates: cell.coordinates, count });
  }
  return published;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

function footnotes(plan: Plan, rule: DisclosureRule): string[] {
  const perturbation = rule.cellKey
    ? `every count is first perturbed by the cell-key method, by at most ${rule.cellKey.maximumPerturbation} either way, ` +
      `the same way each time it counts the same facts, so asking again or differencing overlapping tables gives nothing back; ` +
      `zeros are not perturbed and no non-zero count is shown as 0; a total is perturbed on its own, so it need not equal the sum of its cells; then `
    : "";
  const notes = [
    `Disclosure control (rule ${rule.id}): ${perturbation}counts from 1 to ${rule.minimumCount - 1} are suppressed (PRIMARY_SMALL_COUNT); ` +
      `further cells are suppressed so that none can be worked out from a total (SECONDARY_COMPLEMENTARY); ` +
      `rates, medians and percentiles over a suppressed count or fewer than ${rule.minimumForStatistics} ${rule.cellKey ? "true " : ""}observations are suppressed (DENOMINATOR_SUPPRESSED). ` +
      `Zeros are ${rule.showZeros ? "shown" : "suppressed"}.`,
    `Counts are ${plan.spec.countUnit}.`,
  ];
  if (plan.spec.kind === "wait") notes.push("Waits are whole days from the day the referral was made; the median and 90th percentile are observed values.");
  if (plan.spec.facts === "entitlement_fact") notes.push("A victim can have more than one entitlement (one per key decision): counts are of entitlements, not people.");
  if (plan.spec.facts === "survey_fact") notes.push("Each right is a separate question to the same people, so rights are not added up.");
  if (plan.spec.facts === "risk_assessment_fact") {
    notes.push(
      "A victim can be assessed more than once: counts are of assessments, not people. Only assessments recorded through Casebridge are counted, not those held only in partners' own systems; an S-DASH screen has no level of its own (Not graded).",
    );
  }
  if (plan.spec.facts === "marac_referral_fact") {
    notes.push("Counts are of referrals raised (one per high-risk assessment, whether recorded through Casebridge or in a partner's own system), not people.");
  }
  if (plan.spec.facts === "cope_recover_fact") {
    notes.push(
      "Counts are of outcomes a partner measured at least twice for a victim (one per outcome area), not people; a single measurement shows no change and is not counted. Each area is a separate measure of the same people, so areas are not added up. The outcome areas are not confirmed against the grant terms.",
    );
  }
  if (plan.spec.facts === "nrm_submission_fact") {
    notes.push(
      "Counts are of submissions, not people, and only those Challenger made for survivors GMVS supports, read from Challenger's own records: not the national NRM statistics, and not referrals other first responders made. " +
        "Each is counted in the month it was submitted, at the stage its decisions had reached when last read: a decision made since is counted at the next refresh, in the submission's month, not the decision's. " +
        "A Duty to Notify return is anonymous and asks for no decision, so it is not for decision, never pending; the age group and consent are not given, and no time to decision is measured.",
    );
  }
  if (plan.spec.facts === "place_of_safety_stay_fact") {
    notes.push(
      "Counts are of stays, not people, in Challenger's place of safety by survivors GMVS supports, each in the month it began. A stay's length is in London calendar days from the day it began to the day it ended; a stay still open when last read is counted as still staying. Nothing is said of where.",
    );
  }
  if (plan.spec.facts === "protective_order_fact") {
    notes.push(
      "Counts are of orders, not people, and only those on crimes of victims GMVS supports. Each is counted in the month it was applied for (a notice: given), by its latest status on the police record as last read with its case: the record keeps no breach date, so an order breached and since varied or expired counts as issued.",
    );
  }
  return notes;
}

/**
 * A measure's coarse-only split (MeasureSpec.coarseOnly) asked more finely:
 * with another dimension (an area, a month, who the victims were), or over a
 * period that is not whole calendar years. Refused before anything is read,
 * naming the rule, whatever the data.
 */
function refuseFinerThanPublished(measure: Measure, spec: MeasureSpec, asked: ReadonlySet<Dimension>, filter: { fromMonth?: string | null; toMonth?: string | null }): void {
  const coarse = spec.coarseOnly;
  const detail = coarse?.dimensions.find((d) => asked.has(d));
  if (!coarse || !detail) return;
  const allowed = [...coarse.dimensions, ...coarse.onlyWith];
  const refuse = (why: string) =>
    appError(
      ErrorCode.INVALID_INPUT,
      `${measure} by ${detail} is published only with ${allowed.join(", ")}, for Greater Manchester as a whole, for all time or whole calendar years: ${why}`,
      { dimension: detail, reason: "FINER_THAN_PUBLISHED" },
    );
  const other = [...asked].find((d) => !allowed.includes(d));
  if (other) throw refuse(`not with ${other}`);
  const { fromMonth, toMonth } = filter;
  if (!fromMonth && !toMonth) return;
  if (!fromMonth || !toMonth || !fromMonth.endsWith("-01") || !toMonth.endsWith("-12")) throw refuse("a period runs from a January to a December");
}
