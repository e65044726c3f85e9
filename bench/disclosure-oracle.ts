import type { PublishedCell, PublishedTable } from "./disclosure-auditor";

/**
 * The true counts behind published evidence-base cells, read with SQL straight
 * off the insights fact tables (migrations/1795449640000-InsightsEvidenceBase.ts),
 * written apart from the hub's EvidenceService, its dimension SQL and its
 * measure definitions, so a mistake there is not repeated here.
 */

/** Which facts each measure's `count` counts. */
const POPULATIONS: Record<string, { table: string; where: string | null }> = {
  REFERRALS: { table: "insights.referral_fact", where: null },
  OUTCOMES: { table: "insights.referral_fact", where: "outcome IS NOT NULL" },
  WAIT_TO_FIRST_CONTACT: { table: "insights.referral_fact", where: "days_to_first_contact IS NOT NULL" },
  WAIT_TO_ACCEPTANCE: { table: "insights.referral_fact", where: "days_to_acceptance IS NOT NULL" },
  OPEN_WAITING_LIST: { table: "insights.referral_fact", where: "waiting" },
  // Compliance is over the entitlements assessed: met, late or missed.
  VICTIMS_CODE_COMPLIANCE: { table: "insights.entitlement_fact", where: "status IN ('MET', 'LATE', 'MISSED')" },
  SURVEY_SATISFACTION: { table: "insights.survey_fact", where: null },
  // Every risk assessment (DASH and S-DASH) and every MARAC referral.
  RISK_ASSESSMENTS: { table: "insights.risk_assessment_fact", where: null },
  MARAC_REFERRALS: { table: "insights.marac_referral_fact", where: null },
  // Every protective order, whatever its kind and outcome.
  PROTECTIVE_ORDERS: { table: "insights.protective_order_fact", where: null },
  // Every outcome measured at least twice.
  COPE_AND_RECOVER: { table: "insights.cope_recover_fact", where: null },
  // Every NRM referral and Duty to Notify return, whatever its stage; every place-of-safety stay, ended or not.
  NRM_SUBMISSIONS: { table: "insights.nrm_submission_fact", where: null },
  PLACE_OF_SAFETY_STAYS: { table: "insights.place_of_safety_stay_fact", where: null },
  // A rate's numerators (bench/disclosure-auditor.ts numeratorTable): entitlements met on time; answers of 4 or 5.
  "VICTIMS_CODE_COMPLIANCE#NUMERATOR": { table: "insights.entitlement_fact", where: "status = 'MET'" },
  "SURVEY_SATISFACTION#NUMERATOR": { table: "insights.survey_fact", where: "score >= 4" },
  // Outcomes better at the latest measurement than at the first.
  "COPE_AND_RECOVER#NUMERATOR": { table: "insights.cope_recover_fact", where: "improved" },
};

const yesNo = (column: string) => `(CASE WHEN ${column} THEN 'YES' ELSE 'NO' END)`;

/** Each dimension as a text expression over a fact table's columns. */
const COLUMNS: Record<string, string> = {
  MONTH: "to_char(month, 'YYYY-MM')",
  BOROUGH: "borough",
  CRIME_TYPE: "crime_type",
  DOMESTIC_ABUSE: yesNo("domestic_abuse"),
  STALKING: yesNo("stalking"),
  HATE_CRIME: yesNo("hate_crime"),
  MODERN_SLAVERY: yesNo("modern_slavery"),
  FRAUD: yesNo("fraud"),
  ROUTE: "route",
  SERVICE: "service",
  REFERRAL_STATUS: "status",
  OUTCOME: "outcome",
  AGE_BAND: "age_band",
  SEX: "sex",
  ETHNICITY: "ethnicity",
  ETHNIC_GROUP: "ethnic_group",
  DISABILITY: "disability",
  ENTITLEMENT: "entitlement",
  ENHANCED_RIGHTS: yesNo("enhanced_rights"),
  SURVEY_RIGHT: "survey_right",
  RISK_TOOL: "risk_tool",
  RISK_LEVEL: "risk_level",
  ORDER_KIND: "order_kind",
  ORDER_OUTCOME: "order_outcome",
  OUTCOME_AREA: "outcome_area",
  SUBMISSION_KIND: "submission_kind",
  NRM_STAGE: "nrm_stage",
  STAY_LENGTH: "stay_length",
};

export type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The true count of every cell of a table, in the table's cell order. */
export async function trueCounts(query: Query, table: PublishedTable): Promise<number[]> {
  const population = POPULATIONS[table.measure];
  if (!population) throw new Error(`the oracle does not know what ${table.measure} counts`);
  const params: unknown[] = [];
  const where = population.where ? [population.where] : [];
  for (const [dimension, values] of Object.entries(table.filter.values ?? {})) {
    if (!values) continue;
    params.push(values);
    where.push(`${column(dimension)} = ANY($${params.length}::text[])`);
  }
  if (table.filter.fromMonth) {
    params.push(`${table.filter.fromMonth}-01`);
    where.push(`month >= $${params.length}::date`);
  }
  if (table.filter.toMonth) {
    params.push(`${table.filter.toMonth}-01`);
    where.push(`month <= $${params.length}::date`);
  }
  const dims = table.by.map((d, i) => `${column(d)} AS d${i}`);
  // GROUPING tells a total's null from a null value; bit i (from the left) set: dimension i added up.
  const grouping = table.by.length ? `GROUPING(${table.by.map((_, i) => `d${i}`).join(", ")})` : "0";
  const aliases = table.by.map((_, i) => `d${i}`);
  // Aliases are not names GROUP BY CUBE can see: group a subquery's columns.
  const sql =
    `SELECT ${[...aliases, `${grouping} AS g`, "count(*)::bigint AS n"].join(", ")} ` +
    `FROM (SELECT ${["1 AS one", ...dims].join(", ")} FROM ${population.table}${where.length ? ` WHERE ${where.join(" AND ")}` : ""}) facts` +
    (aliases.length ? ` GROUP BY CUBE (${aliases.join(", ")})` : "");
  const rows = await query(sql, params);
  const k = table.by.length;
  const counts = new Map<string, number>();
  for (const row of rows) {
    const g = Number(row.g);
    const key = table.by.map((_, i) => (g & (1 << (k - 1 - i)) ? "*" : `=${String(row[`d${i}`])}`)).join("|");
    counts.set(key, Number(row.n));
  }
  return table.cells.map((cell) => counts.get(keyOf(table, cell)) ?? 0);
}

function keyOf(table: PublishedTable, cell: PublishedCell): string {
  return table.by
    .map((d) => {
      const coordinate = cell.coordinates.find((c) => c.dimension === d);
      if (!coordinate) throw new Error(`a cell of ${table.measure} by ${table.by.join(", ")} has no ${d} coordinate`);
      return coordinate.value === null ? "*" : `=${coordinate.value}`;
    })
    .join("|");
}

function column(dimension: string): string {
  const sql = COLUMNS[dimension];
  if (!sql) throw new Error(`the oracle does not know dimension ${dimension}`);
  return sql;
}
