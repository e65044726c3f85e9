import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SqlSource, SqlSourceOptions } from "../sql/source";
import { AgeBand, EpisodeClosureReason } from "../partners";
import { HourglassReturnRow, ReturnedSupportAction, ReturnStatus } from "./returns-csv";
import type { HourglassReturnStore, SaveResult } from "./store";

/**
 * Hourglass returns in PostgreSQL, schema `hourglass_returns` (schema.sql
 * beside this file), the hub's landing table for them. Each method is one
 * statement, however many rows or cases it handles.
 */
export class SqlHourglassStore implements HourglassReturnStore {
  private constructor(private readonly sql: SqlSource) {}

  /** Connects and creates the schema and table if missing. `source` names it in errors ("hourglass"). */
  static async open(source: string, options: SqlSourceOptions): Promise<SqlHourglassStore> {
    const sql = new SqlSource(source, options);
    try {
      // Several statements, so sent without parameters (simple query protocol).
      await sql.query("creating the hourglass_returns schema", await readFile(join(__dirname, "schema.sql"), "utf8"));
    } catch (error) {
      await sql.close();
      throw error;
    }
    return new SqlHourglassStore(sql);
  }

  async saveRows(rows: readonly HourglassReturnRow[], file: string): Promise<SaveResult> {
    if (rows.length === 0) return { inserted: 0, replaced: 0, duplicates: 0 };
    const records = rows.map((row) => ({
      idempotency_key: row.idempotencyKey,
      content_hash: row.contentHash,
      return_month: row.returnMonth,
      gmvs_case_id: row.gmvsCaseId,
      episode_id: row.episodeId,
      worker_id: row.worker.id,
      worker_name: row.worker.displayName,
      age_band: row.ageBand,
      economic_abuse: row.economicAbuse,
      support_actions: row.supportActions,
      status: row.status,
      episode_start: row.episodeStart,
      episode_end: row.episodeEnd,
      closure_reason: row.closureReason,
      source_line: row.line,
    }));
    // One statement for the whole file. A row whose key is stored with the
    // same hash is left alone and not returned: a duplicate. xmax = 0 tells
    // an inserted row from an updated one (PostgreSQL system columns).
    const saved = await this.sql.query<{ inserted: boolean }>(
      "saving returns",
      `INSERT INTO hourglass_returns.monthly_return AS stored
         (idempotency_key, content_hash, return_month, gmvs_case_id, episode_id, worker_id, worker_name, age_band,
          economic_abuse, support_actions, status, episode_start, episode_end, closure_reason, source_file, source_line)
       SELECT r.idempotency_key, r.content_hash, r.return_month, r.gmvs_case_id, r.episode_id, r.worker_id, r.worker_name, r.age_band,
              r.economic_abuse, r.support_actions, r.status, r.episode_start, r.episode_end, r.closure_reason, $2, r.source_line
         FROM jsonb_to_recordset($1::jsonb) AS r(
           idempotency_key text, content_hash text, return_month text, gmvs_case_id uuid, episode_id text, worker_id text,
           worker_name text, age_band text, economic_abuse boolean, support_actions jsonb, status text, episode_start date,
           episode_end date, closure_reason text, source_line integer)
       ON CONFLICT (idempotency_key) DO UPDATE SET
         content_hash = EXCLUDED.content_hash, return_month = EXCLUDED.return_month, gmvs_case_id = EXCLUDED.gmvs_case_id,
         episode_id = EXCLUDED.episode_id, worker_id = EXCLUDED.worker_id, worker_name = EXCLUDED.worker_name,
         age_band = EXCLUDED.age_band, economic_abuse = EXCLUDED.economic_abuse, support_actions = EXCLUDED.support_actions,
         status = EXCLUDED.status, episode_start = EXCLUDED.episode_start, episode_end = EXCLUDED.episode_end,
         closure_reason = EXCLUDED.closure_reason, source_file = EXCLUDED.source_file, source_line = EXCLUDED.source_line,
         load_seq = nextval('hourglass_returns.load_seq'), loaded_at = now()
       WHERE stored.content_hash <> EXCLUDED.content_hash
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(records), file],
    );
    const inserted = saved.filter((row) => row.inserted).length;
    return { inserted, replaced: saved.length - inserted, duplicates: rows.length - saved.length };
  }

  /** Callers pass UUIDs only (the connector drops other keys): the column is uuid. */
  async rowsForCases(gmvsCaseIds: readonly string[]): Promise<HourglassReturnRow[]> {
    if (gmvsCaseIds.length === 0) return [];
    const rows = await this.sql.query<StoredRow>(
      "reading returns",
      `SELECT idempotency_key, content_hash, source_line, return_month, gmvs_case_id::text AS gmvs_case_id, episode_id, worker_id,
              worker_name, age_band, economic_abuse, support_actions, status, episode_start::text AS episode_start,
              episode_end::text AS episode_end, closure_reason
         FROM hourglass_returns.monthly_return
        WHERE gmvs_case_id = ANY($1::uuid[])
        ORDER BY return_month, episode_id`,
      [[...new Set(gmvsCaseIds)]],
    );
    return rows.map(toReturnRow);
  }

  async caseIdsAfter(after: string | null, first: number): Promise<string[]> {
    const rows = await this.sql.query<{ gmvs_case_id: string }>(
      "listing cases",
      `SELECT DISTINCT gmvs_case_id::text AS gmvs_case_id FROM hourglass_returns.monthly_return
        WHERE $1::uuid IS NULL OR gmvs_case_id > $1::uuid
        ORDER BY gmvs_case_id LIMIT $2`,
      [after, first],
    );
    return rows.map((row) => row.gmvs_case_id);
  }

  async casesChangedSince(since: number, limit: number): Promise<{ gmvsCaseId: string; loadSeq: number }[]> {
    const rows = await this.sql.query<{ gmvs_case_id: string; load_seq: string }>(
      "reading changes",
      `SELECT gmvs_case_id::text AS gmvs_case_id, max(load_seq) AS load_seq FROM hourglass_returns.monthly_return
        GROUP BY gmvs_case_id HAVING max(load_seq) > $1
        ORDER BY max(load_seq) LIMIT $2`,
      [since, limit],
    );
    return rows.map((row) => ({ gmvsCaseId: row.gmvs_case_id, loadSeq: Number(row.load_seq) }));
  }

  async latestReturnMonth(): Promise<string | null> {
    const rows = await this.sql.query<{ month: string | null }>("reading the latest return", "SELECT max(return_month) AS month FROM hourglass_returns.monthly_return");
    return rows[0]?.month ?? null;
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}

interface StoredRow {
  idempotency_key: string;
  content_hash: string;
  source_line: number;
  return_month: string;
  gmvs_case_id: string;
  episode_id: string;
  worker_id: string;
  worker_name: string;
  age_band: AgeBand;
  economic_abuse: boolean;
  support_actions: ReturnedSupportAction[];
  status: ReturnStatus;
  episode_start: string;
  episode_end: string | null;
  closure_reason: EpisodeClosureReason | null;
}

/** The table's values were checked on import (returns-csv.ts), so they are read back as the types they were written from. */
function toReturnRow(row: StoredRow): HourglassReturnRow {
  return {
    idempotencyKey: row.idempotency_key,
    contentHash: row.content_hash,
    line: row.source_line,
    returnMonth: row.return_month,
    gmvsCaseId: row.gmvs_case_id,
    episodeId: row.episode_id,
    worker: { id: row.worker_id, displayName: row.worker_name },
    ageBand: row.age_band,
    economicAbuse: row.economic_abuse,
    supportActions: row.support_actions,
    status: row.status,
    episodeStart: row.episode_start,
    episodeEnd: row.episode_end,
    closureReason: row.closure_reason,
  };
}
