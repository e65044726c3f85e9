import type { DataSource, QueryRunner } from "typeorm";
import type { Logger } from "../../../platform/logger";
import {
  ethnicGroupOf,
  EntitlementFact,
  Fact,
  FactBatch,
  FactChange,
  FactContext,
  FactKind,
  FactSource,
  ReferralFact,
  ReferralStatus,
  RiskAssessmentFact,
  SurveyAnswerFact,
} from "../facts/facts";
import { factKey } from "../facts/pseudonymise";
import { factProblem } from "../facts/validate";
import { DIMENSION_VALUES } from "../evidence/dimensions";
import { RefreshRunRecord } from "./refresh.entity";

export enum RefreshStatus {
  RUNNING = "RUNNING",
  FINISHED = "FINISHED",
  FAILED = "FAILED",
}

export interface RefreshOutcome {
  /** SKIPPED: another refresh held the lock; this one did nothing. */
  status: RefreshStatus.FINISHED | RefreshStatus.FAILED | "SKIPPED";
  runId: string | null;
  factsWritten: number;
  bySource: Record<string, SourceRefresh>;
}

export interface SourceRefresh {
  upserted: number;
  deleted: number;
  rejected: number;
  batches: number;
}

export interface RefreshOptions {
  pseudonymKey: string;
  batchSize: number;
  logger?: Logger;
}

/** One lock for every process refreshing this store (pg advisory locks are per database). */
const REFRESH_LOCK = "SELECT pg_try_advisory_lock(hashtext('casebridge.insights.refresh')) AS locked";
const REFRESH_UNLOCK = "SELECT pg_advisory_unlock(hashtext('casebridge.insights.refresh'))";

/** The cubes the evidence queries read (evidence/cubes.ts), rebuilt after facts change. */
export const MATERIALISED_CUBES = ["insights.referral_count_cube", "insights.referral_wait_cube", "insights.referral_service_wait_cube"];

const DAY_MS = 86_400_000;

/** Stores with a refresh running in this process: a second one skips at once (see refresh()). */
const RUNNING = new WeakSet<DataSource>();

/** The connection a refresh works on; replaced when it is lent out (single-session stores, see readBatch). */
interface Session {
  runner: QueryRunner;
}

/**
 * Keeps the evidence base up to date: asks each FactSource for what changed
 * since its watermark, pseudonymises and upserts the facts, and moves the
 * watermark in the same transaction, batch by batch, so a crash loses at most
 * the batch in hand and a re-run starts where the last one committed. One
 * refresh at a time per store (advisory lock): a second, concurrent one
 * returns SKIPPED at once.
 */
export class RefreshService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: readonly FactSource[],
    private readonly options: RefreshOptions,
  ) {}

  /**
   * How far behind each fact source the evidence base may be: seconds since
   * a refresh last read it (every batch moves its watermark's time, changes
   * or none). For operators' metrics.
   */
  async lagBySource(): Promise<{ source: string; seconds: number }[]> {
    const rows = (await this.dataSource.query(
      `SELECT source, extract(epoch FROM clock_timestamp() - updated_at)::float8 AS seconds FROM insights.source_watermark ORDER BY source`,
    )) as { source: string; seconds: number }[];
    return rows.map((r) => ({ source: r.source, seconds: Number(r.seconds) }));
  }

  /** The most recent refresh, finished or not. */
  latest(): Promise<RefreshRunRecord | null> {
    return this.dataSource.getRepository(RefreshRunRecord).findOne({ where: {}, order: { startedAt: "DESC", id: "DESC" } });
  }

  async refresh(): Promise<RefreshOutcome> {
    const log = this.options.logger;
    // Advisory locks are re-entrant within a session, and an embedded store
    // is one session shared by the whole process: the process keeps its own count too.
    if (RUNNING.has(this.dataSource)) {
      log?.info("insights refresh skipped: another refresh is running");
      return { status: "SKIPPED", runId: null, factsWritten: 0, bySource: {} };
    }
    RUNNING.add(this.dataSource);
    // Everything on one connection: the session-level lock is held by it.
    const session: Session = { runner: this.dataSource.createQueryRunner() };
    try {
      await session.runner.connect();
      const [{ locked }] = (await session.runner.query(REFRESH_LOCK)) as { locked: boolean }[];
      if (!locked) {
        log?.info("insights refresh skipped: another refresh is running");
        return { status: "SKIPPED", runId: null, factsWritten: 0, bySource: {} };
      }
      try {
        return await this.run(session);
      } finally {
        await session.runner.query(REFRESH_UNLOCK);
      }
    } finally {
      await session.runner.release();
      RUNNING.delete(this.dataSource);
    }
  }

  /**
   * A batch from a source. The hub's own sources read the same store; where
   * the pool has one connection (embedded PGlite: a single session) the
   * refresh lends its connection to them for the read, or they would wait for
   * it for ever. The advisory lock stays held: it is the session's, and the
   * session is the same; no transaction is open between batches.
   */
  private async readBatch(session: Session, source: FactSource, watermark: string | null): Promise<FactBatch> {
    const pool = (this.dataSource.options as { extra?: { max?: number } }).extra?.max;
    if (pool !== 1) return source.changesSince(watermark, this.options.batchSize);
    await session.runner.release();
    try {
      return await source.changesSince(watermark, this.options.batchSize);
    } finally {
      session.runner = this.dataSource.createQueryRunner();
      await session.runner.connect();
    }
  }

  private async run(session: Session): Promise<RefreshOutcome> {
    let runner = session.runner;
    const log = this.options.logger;
    const [{ id: runId }] = (await runner.query(
      `INSERT INTO insights.refresh_run (started_at, facts_written, status) VALUES (clock_timestamp(), 0, 'RUNNING') RETURNING id`,
    )) as { id: string }[];
    const bySource: Record<string, SourceRefresh> = {};
    let factsWritten = 0;
    try {
      await this.syncDimensions(runner);
      for (const source of this.sources) {
        const tally: SourceRefresh = { upserted: 0, deleted: 0, rejected: 0, batches: 0 };
        bySource[source.name] = tally;
        for (;;) {
          const rows = (await runner.query(`SELECT watermark FROM insights.source_watermark WHERE source = $1`, [source.name])) as { watermark: string }[];
          const batch = await this.readBatch(session, source, rows[0]?.watermark ?? null);
          runner = session.runner;
          await runner.startTransaction();
          try {
            const written = await this.apply(runner, source.name, batch.facts);
            await runner.query(
              `INSERT INTO insights.source_watermark (source, watermark, updated_at) VALUES ($1, $2, clock_timestamp())
               ON CONFLICT (source) DO UPDATE SET watermark = EXCLUDED.watermark, updated_at = EXCLUDED.updated_at`,
              [source.name, batch.watermark],
            );
            await runner.commitTransaction();
            tally.upserted += written.upserted;
            tally.deleted += written.deleted;
            tally.rejected += written.rejected;
          } catch (error) {
            await runner.rollbackTransaction();
            throw error;
          }
          tally.batches += 1;
          factsWritten += batch.facts.length;
          if (batch.facts.length > 0) {
            log?.info({ source: source.name, batch: tally.batches, facts: batch.facts.length, ...tally }, "insights refresh: batch committed");
          }
          if (!batch.hasMore) break;
        }
        if (tally.rejected > 0) log?.warn({ source: source.name, rejected: tally.rejected }, "insights refresh: facts refused at the boundary");
      }
      if (factsWritten > 0) {
        // Rebuilding a cube over millions of facts outlasts the statement timeout that guards
        // requests (DATABASE_STATEMENT_TIMEOUT_MS); readers are not blocked (CONCURRENTLY), so lift it for this session only.
        await runner.query(`SET statement_timeout = 0`);
        try {
          for (const cube of MATERIALISED_CUBES) await runner.query(`REFRESH MATERIALIZED VIEW CONCURRENTLY ${cube}`);
        } finally {
          await runner.query(`RESET statement_timeout`);
        }
      }
      await runner.query(
        `UPDATE insights.refresh_run SET finished_at = clock_timestamp(), facts_written = $2, facts_by_source = $3::jsonb, status = 'FINISHED' WHERE id = $1`,
        [runId, factsWritten, JSON.stringify(bySource)],
      );
      log?.info({ runId, factsWritten, bySource }, "insights refresh finished");
      return { status: RefreshStatus.FINISHED, runId, factsWritten, bySource };
    } catch (error) {
      // Only the error's class goes into the record: a driver message can quote data.
      const detail = error instanceof Error ? error.name : "Error";
      await session.runner.query(
        `UPDATE insights.refresh_run SET finished_at = clock_timestamp(), facts_written = $2, facts_by_source = $3::jsonb, status = 'FAILED', error = $4 WHERE id = $1`,
        [runId, factsWritten, JSON.stringify(bySource), detail],
      );
      log?.error({ runId, err: error }, "insights refresh failed");
      throw error;
    }
  }

  /** One batch: the last change per fact wins; facts refused at the boundary are counted, not stored. */
  private async apply(runner: QueryRunner, source: string, changes: readonly FactChange[]) {
    const latest = new Map<string, FactChange>();
    for (const change of changes) {
      const kind = change.kind === "deletion" ? change.factKind : change.kind;
      latest.set(factKey(this.options.pseudonymKey, kind, source, change.sourceKey), change);
    }
    const rows: Record<FactKind, Record<string, unknown>[]> = { referral: [], entitlement: [], survey: [], risk_assessment: [], marac_referral: [], protective_order: [], cope_recover: [], nrm_submission: [], place_of_safety_stay: [] };
    const deletions: Record<FactKind, string[]> = { referral: [], entitlement: [], survey: [], risk_assessment: [], marac_referral: [], protective_order: [], cope_recover: [], nrm_submission: [], place_of_safety_stay: [] };
    let rejected = 0;
    for (const [key, change] of latest) {
      if (change.kind === "deletion") {
        deletions[change.factKind].push(key);
        continue;
      }
      if (factProblem(change as Fact) !== null) {
        rejected += 1;
        continue;
      }
      rows[change.kind].push(factRow(key, change));
    }
    let upserted = 0;
    let deleted = 0;
    for (const kind of Object.keys(rows) as FactKind[]) {
      if (rows[kind].length) await upsert(runner, `${kind}_fact`, COLUMNS[kind], source, rows[kind]);
      upserted += rows[kind].length;
      if (!deletions[kind].length) continue;
      const [{ n }] = (await runner.query(`WITH d AS (DELETE FROM insights.${kind}_fact WHERE fact_key = ANY($1::text[]) RETURNING 1) SELECT count(*) AS n FROM d`, [
        deletions[kind],
      ])) as { n: string }[];
      deleted += Number(n);
    }
    return { upserted, deleted, rejected };
  }

  /** Dimension values and labels for tools reading the schema directly. */
  private async syncDimensions(runner: QueryRunner): Promise<void> {
    const rows = DIMENSION_VALUES.flatMap(({ dimension, values }) => values.map((v, i) => ({ dimension, value: v.value, label: v.label, sort_order: i })));
    await runner.query(
      `INSERT INTO insights.dimension_value (dimension, value, label, sort_order)
       SELECT dimension, value, label, sort_order FROM jsonb_to_recordset($1::jsonb) AS r(dimension text, value text, label text, sort_order integer)
       ON CONFLICT (dimension, value) DO UPDATE SET label = EXCLUDED.label, sort_order = EXCLUDED.sort_order`,
      [JSON.stringify(rows)],
    );
  }
}

type Column = [name: string, type: string];

const CONTEXT_COLUMNS: Column[] = [
  ["month", "date"],
  ["borough", "text"],
  ["crime_type", "text"],
  ["domestic_abuse", "boolean"],
  ["stalking", "boolean"],
  ["hate_crime", "boolean"],
  ["modern_slavery", "boolean"],
  ["fraud", "boolean"],
  ["age_band", "text"],
  ["sex", "text"],
  ["ethnicity", "text"],
  ["ethnic_group", "text"],
  ["disability", "text"],
];
const REFERRAL_COLUMNS: Column[] = [
  ...CONTEXT_COLUMNS,
  ["route", "text"],
  ["service", "text"],
  ["status", "text"],
  ["outcome", "text"],
  ["sent_on", "date"],
  ["days_to_first_contact", "integer"],
  ["days_to_acceptance", "integer"],
  ["waiting", "boolean"],
];
const ENTITLEMENT_COLUMNS: Column[] = [...CONTEXT_COLUMNS, ["entitlement", "text"], ["status", "text"], ["enhanced_rights", "boolean"]];
const SURVEY_COLUMNS: Column[] = [...CONTEXT_COLUMNS, ["survey_right", "text"], ["score", "smallint"]];
const RISK_ASSESSMENT_COLUMNS: Column[] = [...CONTEXT_COLUMNS, ["risk_tool", "text"], ["risk_level", "text"]];
const PROTECTIVE_ORDER_COLUMNS: Column[] = [...CONTEXT_COLUMNS, ["order_kind", "text"], ["order_outcome", "text"]];
const COPE_RECOVER_COLUMNS: Column[] = [...CONTEXT_COLUMNS, ["outcome_area", "text"], ["improved", "boolean"]];
const NRM_SUBMISSION_COLUMNS: Column[] = [...CONTEXT_COLUMNS, ["submission_kind", "text"], ["nrm_stage", "text"]];
const PLACE_OF_SAFETY_STAY_COLUMNS: Column[] = [...CONTEXT_COLUMNS, ["stay_length", "text"]];

/** Each fact kind's columns; its table is insights.<kind>_fact. */
const COLUMNS: Record<FactKind, Column[]> = {
  referral: REFERRAL_COLUMNS,
  entitlement: ENTITLEMENT_COLUMNS,
  survey: SURVEY_COLUMNS,
  risk_assessment: RISK_ASSESSMENT_COLUMNS,
  marac_referral: CONTEXT_COLUMNS,
  protective_order: PROTECTIVE_ORDER_COLUMNS,
  cope_recover: COPE_RECOVER_COLUMNS,
  nrm_submission: NRM_SUBMISSION_COLUMNS,
  place_of_safety_stay: PLACE_OF_SAFETY_STAY_COLUMNS,
};

/** One statement per batch whatever its size: rows travel as one JSON parameter. */
async function upsert(runner: QueryRunner, table: string, columns: Column[], source: string, rows: Record<string, unknown>[]): Promise<void> {
  const names = columns.map(([name]) => name);
  await runner.query(
    `INSERT INTO insights.${table} (fact_key, source, ${names.join(", ")}, refreshed_at)
     SELECT r.fact_key, $2, ${names.map((n) => `r.${n}`).join(", ")}, clock_timestamp()
     FROM jsonb_to_recordset($1::jsonb) AS r(fact_key text, ${columns.map(([n, t]) => `${n} ${t}`).join(", ")})
     ON CONFLICT (fact_key) DO UPDATE SET source = EXCLUDED.source, ${names.map((n) => `${n} = EXCLUDED.${n}`).join(", ")}, refreshed_at = EXCLUDED.refreshed_at`,
    [JSON.stringify(rows), source],
  );
}

function contextRow(key: string, fact: FactContext): Record<string, unknown> {
  return {
    fact_key: key,
    month: `${fact.month}-01`,
    borough: fact.borough,
    crime_type: fact.crimeType,
    domestic_abuse: fact.flags.domesticAbuse,
    stalking: fact.flags.stalking,
    hate_crime: fact.flags.hateCrime,
    modern_slavery: fact.flags.modernSlavery,
    fraud: fact.flags.fraud,
    age_band: fact.ageBand,
    sex: fact.sex,
    ethnicity: fact.ethnicity,
    ethnic_group: ethnicGroupOf(fact.ethnicity),
    disability: fact.disability,
  };
}

/** Whole days from when the referral was made; only these, never the times themselves, are stored. */
const daysBetween = (from: Date, to: Date | null) => (to === null ? null : Math.floor((to.getTime() - from.getTime()) / DAY_MS));

function referralRow(key: string, fact: ReferralFact): Record<string, unknown> {
  return {
    ...contextRow(key, fact),
    route: fact.route,
    service: fact.service,
    status: fact.status,
    outcome: fact.outcome,
    sent_on: fact.sentAt.toISOString().slice(0, 10),
    days_to_first_contact: daysBetween(fact.sentAt, fact.firstContactAt),
    days_to_acceptance: daysBetween(fact.sentAt, fact.acceptedAt),
    waiting: fact.status === ReferralStatus.WAITING,
  };
}

function entitlementRow(key: string, fact: EntitlementFact): Record<string, unknown> {
  return { ...contextRow(key, fact), entitlement: fact.entitlement, status: fact.status, enhanced_rights: fact.enhancedRights };
}

function surveyRow(key: string, fact: SurveyAnswerFact): Record<string, unknown> {
  return { ...contextRow(key, fact), survey_right: fact.right, score: fact.score };
}

function riskAssessmentRow(key: string, fact: RiskAssessmentFact): Record<string, unknown> {
  return { ...contextRow(key, fact), risk_tool: fact.tool, risk_level: fact.level };
}

function factRow(key: string, fact: Fact): Record<string, unknown> {
  switch (fact.kind) {
    case "referral":
      return referralRow(key, fact);
    case "entitlement":
      return entitlementRow(key, fact);
    case "survey":
      return surveyRow(key, fact);
    case "risk_assessment":
      return riskAssessmentRow(key, fact);
    case "marac_referral":
      return contextRow(key, fact);
    case "protective_order":
      return { ...contextRow(key, fact), order_kind: fact.orderKind, order_outcome: fact.outcome };
    case "cope_recover":
      return { ...contextRow(key, fact), outcome_area: fact.area, improved: fact.improved };
    case "nrm_submission":
      return { ...contextRow(key, fact), submission_kind: fact.submissionKind, nrm_stage: fact.stage };
    case "place_of_safety_stay":
      return { ...contextRow(key, fact), stay_length: fact.length };
  }
}
