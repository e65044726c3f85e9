import { DIMENSIONS } from "../src/subgraphs/insights/evidence/dimensions";
import { auditDisclosure, AuditRule, CellInterval, CellRef, NUMERATOR_SUFFIX, numeratorTable, PopulationStats, PublishedCell, PublishedFilter, PublishedTable } from "./disclosure-auditor";
import { Query, trueCounts } from "./disclosure-oracle";

/**
 * The disclosure audit from the caller's side: a commissioner asks many
 * related evidence-base tables over real HTTP GraphQL, the oracle reads the
 * true counts off the facts, and the auditor finds how narrowly the tables
 * together pin each protected cell (true count 1 … minimumCount − 1).
 */

export interface TableRequest {
  measure: string;
  by: string[];
  filter: PublishedFilter;
}

/** The synthetic facts' months (src/subgraphs/insights/facts/sources.ts: the twelve months to 2026-09). */
const QUARTERS: [string, string][] = [
  ["2025-10", "2025-12"],
  ["2026-01", "2026-03"],
  ["2026-04", "2026-06"],
  ["2026-07", "2026-09"],
];
const HALF_YEARS: [string, string][] = [
  ["2025-10", "2026-03"],
  ["2026-01", "2026-06"],
  ["2026-04", "2026-09"],
];

const domain = (d: string) => (DIMENSIONS[d as keyof typeof DIMENSIONS].domain ?? []).map((v) => v.value);
const rest = (d: string, values: string[]) => domain(d).filter((v) => !values.includes(v));
const referrals = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "REFERRALS", by, filter });

/**
 * The known attack: each borough's total, and the same boroughs filtered to
 * every ethnic group but one; the difference is that group's count per
 * borough, suppressed or not in the borough × ethnic group table.
 */
export function differencingAttack(): TableRequest[] {
  return [
    referrals(["BOROUGH"]),
    referrals(["BOROUGH", "ETHNIC_GROUP"]),
    ...domain("ETHNIC_GROUP").map((group) => referrals(["BOROUGH"], { values: { ETHNIC_GROUP: rest("ETHNIC_GROUP", [group]) } })),
  ];
}

/**
 * Risk assessments and MARAC referrals, populations of their own: by borough
 * and by risk tool × level, each borough's total against the same borough
 * filtered to every risk level but one, and MARAC referrals under the
 * ethnic-group differencing attack.
 */
export function riskFamily(): TableRequest[] {
  const risk = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "RISK_ASSESSMENTS", by, filter });
  const marac = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "MARAC_REFERRALS", by, filter });
  return [
    risk(["BOROUGH"]),
    risk(["RISK_TOOL", "RISK_LEVEL"]),
    risk(["BOROUGH", "RISK_LEVEL"]),
    ...domain("RISK_LEVEL").map((level) => risk(["BOROUGH"], { values: { RISK_LEVEL: rest("RISK_LEVEL", [level]) } })),
    ...domain("RISK_LEVEL").map((level) => risk(["BOROUGH"], { values: { RISK_LEVEL: [level] } })),
    marac(["BOROUGH"]),
    marac(["BOROUGH", "ETHNIC_GROUP"]),
    ...domain("ETHNIC_GROUP").map((group) => marac(["BOROUGH"], { values: { ETHNIC_GROUP: rest("ETHNIC_GROUP", [group]) } })),
  ];
}

const orders = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "PROTECTIVE_ORDERS", by, filter });

/**
 * Protective orders, a population of their own: by borough, kind and
 * outcome, each borough's total against the same borough filtered to every
 * outcome but one and every kind but one, each outcome alone, and the
 * ethnic-group differencing attack.
 */
export function ordersFamily(): TableRequest[] {
  return [
    orders(["BOROUGH"]),
    orders(["ORDER_KIND", "ORDER_OUTCOME"]),
    orders(["BOROUGH", "ORDER_KIND"]),
    orders(["BOROUGH", "ORDER_OUTCOME"]),
    ...domain("ORDER_OUTCOME").map((outcome) => orders(["BOROUGH"], { values: { ORDER_OUTCOME: rest("ORDER_OUTCOME", [outcome]) } })),
    ...domain("ORDER_OUTCOME").map((outcome) => orders(["BOROUGH"], { values: { ORDER_OUTCOME: [outcome] } })),
    ...domain("ORDER_KIND").map((kind) => orders(["BOROUGH", "ORDER_OUTCOME"], { values: { ORDER_KIND: rest("ORDER_KIND", [kind]) } })),
    orders(["BOROUGH", "ETHNIC_GROUP"]),
    ...domain("ETHNIC_GROUP").map((group) => orders(["BOROUGH"], { values: { ETHNIC_GROUP: rest("ETHNIC_GROUP", [group]) } })),
  ];
}

const copeRecover = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "COPE_AND_RECOVER", by, filter });

/**
 * Cope-and-recover outcomes, a rate over a population of its own, always by
 * outcome area: by borough, sex and disability, each borough against the
 * rest, and the ethnic-group differencing attack, with the rates' numerators
 * audited as counts.
 */
export function outcomesFamily(): TableRequest[] {
  return [
    copeRecover(["BOROUGH"]),
    copeRecover(["SEX"]),
    copeRecover(["BOROUGH", "SEX"]),
    copeRecover(["BOROUGH", "DISABILITY"]),
    ...domain("BOROUGH").flatMap((borough) => [
      copeRecover(["DISABILITY"], { values: { BOROUGH: [borough] } }),
      copeRecover(["DISABILITY"], { values: { BOROUGH: rest("BOROUGH", [borough]) } }),
    ]),
    copeRecover(["BOROUGH", "ETHNIC_GROUP"]),
    ...domain("ETHNIC_GROUP").map((group) => copeRecover(["BOROUGH"], { values: { ETHNIC_GROUP: rest("ETHNIC_GROUP", [group]) } })),
  ];
}

const nrm = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "NRM_SUBMISSIONS", by, filter });
const stays = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "PLACE_OF_SAFETY_STAYS", by, filter });

/** Whole calendar years: the only periods NRM_SUBMISSIONS is published by NRM_STAGE for. */
const YEARS: [string, string][] = [
  ["2025-01", "2025-12"],
  ["2026-01", "2026-12"],
];

/**
 * Challenger's NRM submissions and place-of-safety stays, populations of
 * their own and very small ones: by borough and kind; by decision stage
 * only as it is served (with kind alone, for Greater Manchester, for all
 * time and each calendar year), each stage alone and against every stage
 * but one, each kind against every kind but one; the ethnic-group
 * differencing attack on submissions; stays by borough and length with each
 * length's complement, and by sex.
 */
export function modernSlaveryFamily(): TableRequest[] {
  return [
    nrm(["BOROUGH"]),
    nrm(["SUBMISSION_KIND", "NRM_STAGE"]),
    nrm(["NRM_STAGE"]),
    nrm(["BOROUGH", "SUBMISSION_KIND"]),
    ...domain("NRM_STAGE").map((stage) => nrm(["SUBMISSION_KIND"], { values: { NRM_STAGE: rest("NRM_STAGE", [stage]) } })),
    ...domain("NRM_STAGE").map((stage) => nrm(["SUBMISSION_KIND"], { values: { NRM_STAGE: [stage] } })),
    ...domain("SUBMISSION_KIND").map((kind) => nrm(["NRM_STAGE"], { values: { SUBMISSION_KIND: rest("SUBMISSION_KIND", [kind]) } })),
    ...YEARS.flatMap(([fromMonth, toMonth]) => [nrm(["SUBMISSION_KIND", "NRM_STAGE"], { fromMonth, toMonth }), nrm(["BOROUGH"], { fromMonth, toMonth })]),
    nrm(["BOROUGH", "ETHNIC_GROUP"]),
    ...domain("ETHNIC_GROUP").map((group) => nrm(["BOROUGH"], { values: { ETHNIC_GROUP: rest("ETHNIC_GROUP", [group]) } })),
    stays(["BOROUGH"]),
    stays(["STAY_LENGTH"]),
    stays(["BOROUGH", "STAY_LENGTH"]),
    ...domain("STAY_LENGTH").map((length) => stays(["BOROUGH"], { values: { STAY_LENGTH: rest("STAY_LENGTH", [length]) } })),
    stays(["BOROUGH", "SEX"]),
  ];
}

/** The attack, each ethnic group alone, and borough × ethnic group a quarter at a time, and the risk, orders, outcomes and modern-slavery families: quick enough for a test. */
export function smallFamily(): TableRequest[] {
  return [
    ...riskFamily(),
    ...ordersFamily(),
    ...outcomesFamily(),
    ...modernSlaveryFamily(),
    ...differencingAttack(),
    referrals(["ETHNIC_GROUP"]),
    ...domain("ETHNIC_GROUP").map((group) => referrals(["BOROUGH"], { values: { ETHNIC_GROUP: [group] } })),
    ...QUARTERS.map(([fromMonth, toMonth]) => referrals(["BOROUGH", "ETHNIC_GROUP"], { fromMonth, toMonth })),
  ];
}

/**
 * A commissioner's many overlapping questions over referrals (borough, ethnic
 * group, sex, disability, by quarter) and Victims' Code compliance (borough,
 * disability): every pair of dimensions, value sets with their complements,
 * overlapping month ranges, margins throughout. Kept to dimensions whose
 * cross-classification is a few thousand finest cells per fact table.
 */
export function commissionerFamily(): TableRequest[] {
  const dims = ["BOROUGH", "ETHNIC_GROUP", "SEX", "DISABILITY"];
  const pairs = dims.flatMap((a, i) => dims.slice(i + 1).map((b) => [a, b]));
  const requests: TableRequest[] = [...differencingAttack()];
  // Every single dimension and pair, and two three-way tables.
  for (const d of dims) if (d !== "BOROUGH") requests.push(referrals([d]));
  for (const pair of pairs) if (pair.join() !== "BOROUGH,ETHNIC_GROUP") requests.push(referrals(pair));
  requests.push(referrals(["BOROUGH", "ETHNIC_GROUP", "SEX"]), referrals(["BOROUGH", "ETHNIC_GROUP", "DISABILITY"]));
  // Each ethnic group alone (the attack's complements).
  for (const group of domain("ETHNIC_GROUP")) requests.push(referrals(["BOROUGH"], { values: { ETHNIC_GROUP: [group] } }));
  // Each borough, and the rest of Greater Manchester, by ethnic group × sex and by ethnic group × disability.
  for (const borough of domain("BOROUGH")) {
    for (const values of [[borough], rest("BOROUGH", [borough])]) {
      requests.push(referrals(["ETHNIC_GROUP", "SEX"], { values: { BOROUGH: values } }));
      requests.push(referrals(["ETHNIC_GROUP", "DISABILITY"], { values: { BOROUGH: values } }));
    }
  }
  // Each sex and each disability status, and the rest, by borough × ethnic group.
  for (const d of ["SEX", "DISABILITY"]) {
    for (const value of domain(d)) {
      requests.push(referrals(["BOROUGH", "ETHNIC_GROUP"], { values: { [d]: [value] } }));
      requests.push(referrals(["BOROUGH", "ETHNIC_GROUP"], { values: { [d]: rest(d, [value]) } }));
    }
  }
  // Each ethnic group, and the rest, by borough × sex and by borough × disability.
  for (const group of domain("ETHNIC_GROUP")) {
    for (const values of [[group], rest("ETHNIC_GROUP", [group])]) {
      requests.push(referrals(["BOROUGH", "SEX"], { values: { ETHNIC_GROUP: values } }));
      requests.push(referrals(["BOROUGH", "DISABILITY"], { values: { ETHNIC_GROUP: values } }));
    }
  }
  // Quarters and overlapping half-years.
  for (const [fromMonth, toMonth] of [...QUARTERS, ...HALF_YEARS]) {
    for (const by of [["BOROUGH"], ["ETHNIC_GROUP"], ["BOROUGH", "ETHNIC_GROUP"], ["SEX", "DISABILITY"], ["BOROUGH", "SEX"]]) {
      requests.push(referrals(by, { fromMonth, toMonth }));
    }
  }
  // The attack again, a quarter at a time.
  for (const [fromMonth, toMonth] of QUARTERS) {
    for (const group of domain("ETHNIC_GROUP")) {
      requests.push(referrals(["BOROUGH"], { fromMonth, toMonth, values: { ETHNIC_GROUP: rest("ETHNIC_GROUP", [group]) } }));
    }
  }
  // Each borough a quarter at a time, by ethnic group; one range open at its start.
  for (const borough of domain("BOROUGH")) {
    for (const [fromMonth, toMonth] of QUARTERS) requests.push(referrals(["ETHNIC_GROUP"], { fromMonth, toMonth, values: { BOROUGH: [borough] } }));
  }
  requests.push(referrals(["BOROUGH", "ETHNIC_GROUP"], { toMonth: "2026-03" }));
  // Victims' Code compliance: its assessed entitlements are a population of their own.
  const compliance = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "VICTIMS_CODE_COMPLIANCE", by, filter });
  requests.push(compliance([]), compliance(["BOROUGH"]), compliance(["DISABILITY"]), compliance(["BOROUGH", "DISABILITY"]));
  for (const borough of domain("BOROUGH")) {
    requests.push(compliance(["DISABILITY"], { values: { BOROUGH: [borough] } }), compliance(["DISABILITY"], { values: { BOROUGH: rest("BOROUGH", [borough]) } }));
  }
  // Risk assessments and MARAC referrals: the risk family, by sex and quarter too, and the differencing attack a quarter at a time.
  requests.push(...riskFamily());
  const risk = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "RISK_ASSESSMENTS", by, filter });
  const marac = (by: string[], filter: PublishedFilter = {}): TableRequest => ({ measure: "MARAC_REFERRALS", by, filter });
  requests.push(risk(["RISK_LEVEL", "SEX"]), risk(["BOROUGH", "RISK_TOOL"]), marac(["SEX", "DISABILITY"]), marac(["BOROUGH", "SEX"]));
  for (const [fromMonth, toMonth] of QUARTERS) {
    requests.push(risk(["BOROUGH", "RISK_LEVEL"], { fromMonth, toMonth }), marac(["BOROUGH"], { fromMonth, toMonth }));
    for (const level of domain("RISK_LEVEL")) requests.push(risk(["BOROUGH"], { fromMonth, toMonth, values: { RISK_LEVEL: rest("RISK_LEVEL", [level]) } }));
  }
  // Protective orders: the orders family, by sex and disability, and by borough and outcome a quarter at a time with each outcome's complement.
  requests.push(...ordersFamily());
  requests.push(orders(["ORDER_OUTCOME", "SEX"]), orders(["ORDER_KIND", "DISABILITY"]), orders(["BOROUGH", "SEX"]));
  for (const [fromMonth, toMonth] of QUARTERS) {
    requests.push(orders(["BOROUGH", "ORDER_OUTCOME"], { fromMonth, toMonth }), orders(["BOROUGH", "ORDER_KIND"], { fromMonth, toMonth }));
    for (const outcome of domain("ORDER_OUTCOME")) requests.push(orders(["BOROUGH"], { fromMonth, toMonth, values: { ORDER_OUTCOME: rest("ORDER_OUTCOME", [outcome]) } }));
  }
  // Cope-and-recover outcomes: the outcomes family, and by borough a quarter at a time.
  requests.push(...outcomesFamily());
  for (const [fromMonth, toMonth] of QUARTERS) requests.push(copeRecover(["BOROUGH"], { fromMonth, toMonth }));
  // NRM submissions and place-of-safety stays: the modern-slavery family, and by borough (stage is not served by area or quarter) a quarter at a time.
  requests.push(...modernSlaveryFamily());
  for (const [fromMonth, toMonth] of QUARTERS) requests.push(nrm(["BOROUGH"], { fromMonth, toMonth }), nrm(["BOROUGH", "SUBMISSION_KIND"], { fromMonth, toMonth }), stays(["BOROUGH"], { fromMonth, toMonth }));
  return requests;
}

/** The GraphQL filter's field for each dimension a filter can name (EvidenceFilter). */
const FILTER_FIELDS: Record<string, string> = {
  BOROUGH: "boroughs",
  CRIME_TYPE: "crimeTypes",
  ROUTE: "routes",
  SERVICE: "services",
  OUTCOME: "outcomes",
  AGE_BAND: "ageBands",
  SEX: "sexes",
  ETHNICITY: "ethnicities",
  ETHNIC_GROUP: "ethnicGroups",
  DISABILITY: "disabilities",
  RISK_TOOL: "riskTools",
  RISK_LEVEL: "riskLevels",
  ORDER_KIND: "orderKinds",
  ORDER_OUTCOME: "orderOutcomes",
  OUTCOME_AREA: "outcomeAreas",
  SUBMISSION_KIND: "submissionKinds",
  NRM_STAGE: "nrmStages",
  STAY_LENGTH: "stayLengths",
};

function filterInput(filter: PublishedFilter): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (filter.fromMonth) input.fromMonth = filter.fromMonth;
  if (filter.toMonth) input.toMonth = filter.toMonth;
  for (const [dimension, values] of Object.entries(filter.values ?? {})) {
    const field = FILTER_FIELDS[dimension];
    if (!field) throw new Error(`the evidence filter has no field for ${dimension}`);
    input[field] = values;
  }
  return input;
}

const TABLE = /* GraphQL */ `
  query DisclosureAudit($measure: Measure!, $by: [Dimension!]!, $filter: EvidenceFilter) {
    evidenceBase(measure: $measure, by: $by, filter: $filter) {
      measure by
      rule { id minimumCount maximumPerturbation minimumIntervalWidth }
      cells { coordinates { dimension value } count { value suppressed suppressionReason } rate { value suppressed } }
    }
  }`;

export interface PublishedRule extends AuditRule {
  id: string;
}

interface Answer {
  data?: { evidenceBase: { measure: string; by: string[]; rule: PublishedRule; cells: PublishedCell[] } | null } | null;
  errors?: { message: string }[];
}

async function post(url: string, headers: Record<string, string>, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as Answer;
}

export interface TableError {
  request: TableRequest;
  message: string;
}

/**
 * Asks every table, with the rule each was protected under: its
 * maximumPerturbation (cell-key perturbation; 0, exact counts) and its
 * minimumIntervalWidth (the audit threshold, where the rule makes a claim).
 */
export async function askTables(
  url: string,
  headers: Record<string, string>,
  requests: readonly TableRequest[],
): Promise<{ tables: PublishedTable[]; rule: PublishedRule | null; errors: TableError[] }> {
  const tables: PublishedTable[] = [];
  const errors: TableError[] = [];
  let rule: PublishedRule | null = null;
  for (const request of requests) {
    const answer = await post(url, headers, TABLE, { measure: request.measure, by: request.by, filter: filterInput(request.filter) });
    const table = answer.data?.evidenceBase;
    if (answer.errors?.length || !table) {
      errors.push({ request, message: answer.errors?.map((e) => e.message).join("; ") ?? "no table" });
      continue;
    }
    if (rule && rule.id !== table.rule.id) errors.push({ request, message: `rule ${table.rule.id} differs from ${rule.id}` });
    rule ??= table.rule;
    const published: PublishedTable = { measure: table.measure, by: table.by, filter: request.filter, cells: table.cells };
    tables.push(published);
    // A rate's numerators are published counts too (rate × denominator): audited as a table of their own.
    const numerators = numeratorTable(published);
    if (numerators) tables.push(numerators);
  }
  return { tables, rule, errors };
}

export interface LocatedInterval extends CellInterval {
  trueCount: number;
  describe: string;
  /** The cell's interval from its own table alone. */
  alone?: { min: number; max: number };
}

export interface DisclosureAuditReport {
  rule: PublishedRule;
  /** Tables asked and answered. */
  tables: number;
  /** Tables of rates' numerators derived from them (numeratorTable), audited beside them. */
  numeratorTables: number;
  cells: number;
  protectedCells: number;
  threshold: number;
  /** Among equally narrow intervals, the one its own table alone protected best: what the other tables gave away. */
  narrowest: LocatedInterval | null;
  leaks: number;
  /** Protected cells pinned to one value (width 0). */
  pinnedExactly: number;
  /** The same, each table audited on its own: what suppression within one table already gives away. */
  withinOneTable: { leaks: number; pinnedExactly: number; narrowest: LocatedInterval | null };
  /** Protected cells whose true count the LP excluded: the auditor's model would be wrong. */
  trueCountOutside: LocatedInterval[];
  populations: PopulationStats[];
  errors: TableError[];
  seconds: { ask: number; oracle: number; lp: number };
}

export function describeCell(table: PublishedTable, cell: PublishedCell): string {
  const filter = [
    ...(table.filter.fromMonth || table.filter.toMonth ? [`months ${table.filter.fromMonth ?? "…"} to ${table.filter.toMonth ?? "…"}`] : []),
    ...Object.entries(table.filter.values ?? {}).map(([d, v]) => `${d} in [${(v ?? []).join(", ")}]`),
  ];
  const at = cell.coordinates.map((c) => `${c.dimension}=${c.value ?? "all"}`).join(", ");
  return `${table.measure} by [${table.by.join(", ")}]${filter.length ? ` where ${filter.join("; ")}` : ""}: cell ${at || "total"}`;
}

/** Asks the tables, reads the true counts, and audits. `threshold` overrides the rule's (minimumIntervalWidth, else minimumCount − 1). */
export async function runDisclosureAudit(options: {
  url: string;
  headers: Record<string, string>;
  query: Query;
  requests: readonly TableRequest[];
  threshold?: number;
  progress?: (done: number, of: number) => void;
}): Promise<DisclosureAuditReport> {
  let started = Date.now();
  const { tables, rule, errors } = await askTables(options.url, options.headers, options.requests);
  const ask = (Date.now() - started) / 1000;
  if (!rule) throw new Error(`no table was published: ${errors.map((e) => e.message).join("; ")}`);
  started = Date.now();
  const truth: number[][] = [];
  for (const table of tables) truth.push(await trueCounts(options.query, table));
  const oracle = (Date.now() - started) / 1000;
  const protectedCells: CellRef[] = [];
  truth.forEach((counts, table) => counts.forEach((n, cell) => n >= 1 && n < rule.minimumCount && protectedCells.push({ table, cell })));
  started = Date.now();
  const result = await auditDisclosure(tables, rule, { protectedCells, threshold: options.threshold, progress: options.progress });
  const alone: CellInterval[] = [];
  for (let t = 0; t < tables.length; t++) {
    const own = protectedCells.filter((ref) => ref.table === t).map((ref) => ({ table: 0, cell: ref.cell }));
    if (!own.length) continue;
    const single = await auditDisclosure([tables[t] as PublishedTable], rule, { protectedCells: own, threshold: options.threshold });
    alone.push(...single.intervals.map((i) => ({ ...i, table: t })));
  }
  const lp = (Date.now() - started) / 1000;
  const aloneOf = new Map(alone.map((i) => [`${i.table}:${i.cell}`, { min: i.min, max: i.max }]));
  const aloneWidth = (i: CellInterval) => {
    const a = aloneOf.get(`${i.table}:${i.cell}`);
    return a ? a.max - a.min : 0;
  };
  let narrowest: CellInterval | null = null;
  for (const i of result.intervals) {
    if (!narrowest || i.width < narrowest.width || (i.width === narrowest.width && aloneWidth(i) > aloneWidth(narrowest))) narrowest = i;
  }
  const locate = (interval: CellInterval): LocatedInterval => {
    const table = tables[interval.table] as PublishedTable;
    return { ...interval, trueCount: (truth[interval.table] as number[])[interval.cell] as number, describe: describeCell(table, table.cells[interval.cell] as PublishedCell) };
  };
  return {
    rule,
    tables: tables.filter((t) => !t.measure.endsWith(NUMERATOR_SUFFIX)).length,
    numeratorTables: tables.filter((t) => t.measure.endsWith(NUMERATOR_SUFFIX)).length,
    cells: tables.filter((t) => !t.measure.endsWith(NUMERATOR_SUFFIX)).reduce((n, t) => n + t.cells.length, 0),
    protectedCells: result.protectedCells,
    threshold: result.threshold,
    narrowest: narrowest && { ...locate(narrowest), alone: aloneOf.get(`${narrowest.table}:${narrowest.cell}`) },
    leaks: result.leaks.length,
    pinnedExactly: result.intervals.filter((i) => i.width === 0).length,
    withinOneTable: {
      leaks: alone.filter((i) => i.width < result.threshold).length,
      pinnedExactly: alone.filter((i) => i.width === 0).length,
      narrowest: alone.length ? locate(alone.reduce((a, b) => (b.width < a.width ? b : a))) : null,
    },
    trueCountOutside: result.intervals.map(locate).filter((i) => i.trueCount < i.min || i.trueCount > i.max),
    populations: result.populations,
    errors,
    seconds: { ask, oracle, lp },
  };
}
