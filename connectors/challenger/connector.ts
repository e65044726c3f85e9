import { ChangeBatch, Page, SourceHealth, SourceUnavailableError } from "../contract";
import type { z } from "zod";
import { firstIssue, partnerCaseRecordSchema, referralSchema } from "../partner-schemas";
import {
  applyReferralAction,
  emptyCaseRecord,
  PartnerCaseRecord,
  PartnerCode,
  PartnerReferral,
  ReferralAction,
  ReferralNotFoundError,
  WritablePartnerConnector,
} from "../partners";
import { SqlSource, SqlSourceOptions, Statement } from "../sql/source";

export const CHALLENGER_SOURCE = "challenger";

const PAGE_LIMIT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Database URL, pool size, statement timeout and retries: see connectors/sql/source.ts. */
export type ChallengerConnectorOptions = SqlSourceOptions & { clock?: () => number };

/**
 * Challenger's own case database (schema.sql beside this file), a SQL
 * partner, read and written with parameterised SQL. A batch of cases is read
 * in one read-only transaction, one statement per kind of record, however
 * many cases it holds, so every kind comes from the same snapshot. Every
 * failure to answer surfaces as a SourceUnavailableError with source
 * "challenger": a database that cannot be reached as NETWORK, one that does
 * not answer within the statement timeout as TIMEOUT.
 */
export class ChallengerConnector implements WritablePartnerConnector {
  readonly source = CHALLENGER_SOURCE;
  readonly partner = PartnerCode.CHALLENGER;
  private readonly sql: SqlSource;
  private readonly clock: () => number;

  constructor(options: ChallengerConnectorOptions) {
    this.sql = new SqlSource(CHALLENGER_SOURCE, options);
    this.clock = options.clock ?? Date.now;
  }

  /** Eight SELECTs in one read-only transaction for the whole batch; results in key order, null where Challenger holds no such case. */
  async fetchByKeys(gmvsCaseIds: readonly string[]): Promise<(PartnerCaseRecord | null)[]> {
    const wanted = uuidsOf(gmvsCaseIds);
    const byCase = wanted.length === 0 ? new Map() : await this.sql.transaction("reading cases", "READ ONLY", (statement) => readCases(statement, wanted));
    return gmvsCaseIds.map((id) => byCase.get(id.toLowerCase()) ?? null);
  }

  /** Every case, in GMVS case id order; at most 100 a page. */
  async search(_query: Record<string, never>, page: { first: number; after?: string }): Promise<Page<PartnerCaseRecord>> {
    const after = page.after ?? null;
    if (after !== null && !UUID.test(after)) throw new RangeError("after is not a cursor this connector issued");
    const first = Math.min(Math.max(1, Math.floor(page.first)), PAGE_LIMIT);
    return this.sql.transaction("listing cases", "READ ONLY", async (statement) => {
      const ids = await statement<{ id: string }>(
        `SELECT gmvs_case_id::text AS id FROM challenger.survivor_case
          WHERE $1::uuid IS NULL OR gmvs_case_id > $1::uuid ORDER BY gmvs_case_id LIMIT $2`,
        [after, first + 1],
      );
      const pageIds = ids.slice(0, first).map((row) => row.id);
      const records = await readCases(statement, pageIds);
      const items = pageIds.flatMap((id) => records.get(id) ?? []);
      return ids.length > first ? { items, nextCursor: pageIds[pageIds.length - 1] } : { items };
    });
  }

  /** Cases changed after the cursor, oldest change first; the cursor is Challenger's change sequence number. */
  async changesSince(cursor: string | null, limit: number): Promise<ChangeBatch<PartnerCaseRecord>> {
    if (cursor !== null && !/^\d+$/.test(cursor)) throw new RangeError("cursor is not one this connector issued");
    const since = cursor ?? "0";
    const size = Math.min(Math.max(1, Math.floor(limit)), PAGE_LIMIT);
    return this.sql.transaction("reading changes", "READ ONLY", async (statement) => {
      const changed = await statement<{ id: string; change_seq: string }>(
        `SELECT gmvs_case_id::text AS id, change_seq FROM challenger.survivor_case
          WHERE change_seq > $1::bigint ORDER BY change_seq LIMIT $2`,
        [since, size + 1],
      );
      const page = changed.slice(0, size);
      const records = await readCases(statement, page.map((row) => row.id));
      return {
        items: page.flatMap((row) => records.get(row.id) ?? []),
        cursor: page.length > 0 ? page[page.length - 1].change_seq : since,
        hasMore: changed.length > size,
      };
    });
  }

  /** Never throws for an unavailable database: reports it DOWN with the reason. */
  async health(): Promise<SourceHealth> {
    const checkedAt = new Date(this.clock());
    try {
      await this.sql.query("checking health", "SELECT 1 FROM challenger.survivor_case LIMIT $1", [1]);
      return { source: this.source, status: "UP", checkedAt };
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      return { source: this.source, status: "DOWN", checkedAt, detail: `${error.reason}: ${error.message}` };
    }
  }

  recordReferralReceived(referralId: string, at: Date): Promise<PartnerReferral> {
    return this.transition(referralId, ReferralAction.RECEIVE, at);
  }

  acceptReferral(referralId: string, at: Date): Promise<PartnerReferral> {
    return this.transition(referralId, ReferralAction.ACCEPT, at);
  }

  async declineReferral(referralId: string, reason: string, at: Date): Promise<PartnerReferral> {
    if (reason.trim() === "") throw new RangeError("a decline needs a reason");
    return this.transition(referralId, ReferralAction.DECLINE, at, reason);
  }

  close(): Promise<void> {
    return this.sql.close();
  }

  /**
   * The referral state machine (applyReferralAction, connectors/partners.ts)
   * decides; the row is locked while it does, so two updates cannot both
   * pass from the same state.
   */
  private transition(referralId: string, action: ReferralAction, at: Date, reason?: string): Promise<PartnerReferral> {
    return this.sql.transaction("updating a referral", "READ WRITE", async (statement) => {
      const [row] = await statement<ReferralRow>(`${REFERRAL_SELECT} WHERE id = $1 FOR UPDATE`, [referralId]);
      if (!row) throw new ReferralNotFoundError(this.source, referralId);
      const current = validated(referralSchema, rawReferral(row), `referral ${referralId}`);
      const next = applyReferralAction(this.source, current, action, at.toISOString(), reason);
      if (next === current) return current;
      await statement(
        `UPDATE challenger.referral SET status = $2, received_at = $3, accepted_at = $4, declined_at = $5, decline_reason = $6 WHERE id = $1`,
        [referralId, next.status, next.receivedAt, next.acceptedAt, next.declinedAt, next.declineReason],
      );
      return next;
    });
  }
}

interface ReferralRow {
  id: string;
  gmvs_case_id: string;
  service: string;
  status: string;
  sent_at: Date;
  received_at: Date | null;
  accepted_at: Date | null;
  declined_at: Date | null;
  decline_reason: string | null;
  withdrawn_at: Date | null;
  closed_at: Date | null;
}

const REFERRAL_SELECT = `SELECT id, gmvs_case_id::text AS gmvs_case_id, service, status, sent_at, received_at, accepted_at,
  declined_at, decline_reason, withdrawn_at, closed_at FROM challenger.referral`;

/**
 * Every record for these cases: one statement per kind of record, each
 * taking the whole id list as one array parameter. Rows are assembled into
 * records and checked against the shared partner schema, so a value the
 * database holds outside the hub's enumerations is reported, not passed on.
 */
async function readCases(statement: Statement, ids: readonly string[]): Promise<Map<string, PartnerCaseRecord>> {
  const checked = new Map<string, PartnerCaseRecord>();
  if (ids.length === 0) return checked;
  const params = [ids];
  const records = new Map<string, RawCase>();
  const cases = await statement<{ id: string }>(`SELECT gmvs_case_id::text AS id FROM challenger.survivor_case WHERE gmvs_case_id = ANY($1::uuid[])`, params);
  for (const { id } of cases) {
    records.set(id, { ...emptyCaseRecord(PartnerCode.CHALLENGER, id), challenger: { nrmSubmissions: [], placeOfSafetyStays: [], navigatorContacts: [] } });
  }
  const of = (id: string) => records.get(id);

  for (const row of await statement<ReferralRow>(`${REFERRAL_SELECT} WHERE gmvs_case_id = ANY($1::uuid[]) ORDER BY sent_at, id`, params)) {
    of(row.gmvs_case_id)?.referrals.push(rawReferral(row));
  }
  for (const row of await statement<EpisodeRow>(
    `SELECT id, gmvs_case_id::text AS gmvs_case_id, service, worker_id, worker_name, started_at, ended_at, closure_reason, outcome
       FROM challenger.support_episode WHERE gmvs_case_id = ANY($1::uuid[]) ORDER BY started_at, id`,
    params,
  )) {
    of(row.gmvs_case_id)?.episodes.push({
      id: row.id,
      gmvsCaseId: row.gmvs_case_id,
      partner: PartnerCode.CHALLENGER,
      service: row.service,
      worker: { id: row.worker_id, displayName: row.worker_name },
      start: row.started_at.toISOString(),
      end: iso(row.ended_at),
      closureReason: row.closure_reason,
      outcome: row.outcome,
    });
  }
  for (const row of await statement<{ id: string; gmvs_case_id: string; kind: string; action_date: string; status: string }>(
    `SELECT id, gmvs_case_id::text AS gmvs_case_id, kind, action_date::text AS action_date, status
       FROM challenger.support_action WHERE gmvs_case_id = ANY($1::uuid[]) ORDER BY action_date, id`,
    params,
  )) {
    of(row.gmvs_case_id)?.supportActions.push({ id: row.id, gmvsCaseId: row.gmvs_case_id, kind: row.kind, date: row.action_date, status: row.status });
  }
  for (const row of await statement<{ id: string; gmvs_case_id: string; measure: string; value: number; recorded_at: Date }>(
    `SELECT id, gmvs_case_id::text AS gmvs_case_id, measure, value, recorded_at
       FROM challenger.outcome_measure WHERE gmvs_case_id = ANY($1::uuid[]) ORDER BY recorded_at, id`,
    params,
  )) {
    of(row.gmvs_case_id)?.outcomes.push({ id: row.id, gmvsCaseId: row.gmvs_case_id, measure: row.measure, value: row.value, recordedAt: row.recorded_at.toISOString() });
  }
  for (const row of await statement<NrmRow>(
    `SELECT id, gmvs_case_id::text AS gmvs_case_id, kind, age_group, consent_given, submitted_at, rg_decision, rg_decided_at, cg_decision, cg_decided_at
       FROM challenger.nrm_submission WHERE gmvs_case_id = ANY($1::uuid[]) ORDER BY submitted_at, id`,
    params,
  )) {
    of(row.gmvs_case_id)?.challenger?.nrmSubmissions.push({
      id: row.id,
      gmvsCaseId: row.gmvs_case_id,
      kind: row.kind,
      ageGroup: row.age_group,
      consentGiven: row.consent_given,
      submittedAt: row.submitted_at.toISOString(),
      reasonableGrounds: decision(row.rg_decision, row.rg_decided_at),
      conclusiveGrounds: decision(row.cg_decision, row.cg_decided_at),
    });
  }
  for (const row of await statement<{ id: string; gmvs_case_id: string; from_at: Date; to_at: Date | null }>(
    `SELECT id, gmvs_case_id::text AS gmvs_case_id, from_at, to_at
       FROM challenger.place_of_safety_stay WHERE gmvs_case_id = ANY($1::uuid[]) ORDER BY from_at, id`,
    params,
  )) {
    of(row.gmvs_case_id)?.challenger?.placeOfSafetyStays.push({ id: row.id, gmvsCaseId: row.gmvs_case_id, from: row.from_at.toISOString(), to: iso(row.to_at) });
  }
  for (const row of await statement<{ id: string; gmvs_case_id: string; contact_at: Date; channel: string; summary: string }>(
    `SELECT id, gmvs_case_id::text AS gmvs_case_id, contact_at, channel, summary
       FROM challenger.navigator_contact WHERE gmvs_case_id = ANY($1::uuid[]) ORDER BY contact_at, id`,
    params,
  )) {
    of(row.gmvs_case_id)?.challenger?.navigatorContacts.push({ id: row.id, gmvsCaseId: row.gmvs_case_id, at: row.contact_at.toISOString(), channel: row.channel, summary: row.summary });
  }

  for (const [id, record] of records) checked.set(id, validated(partnerCaseRecordSchema, record, `case ${id}`));
  return checked;
}

/**
 * A case as read, before its check: enumerations are still the database's
 * text, so the lists hold plain objects until partnerCaseRecordSchema types them.
 */
interface RawCase extends Pick<PartnerCaseRecord, "gmvsCaseId" | "partner" | "riskAssessments" | "safetyPlans" | "hourglass"> {
  referrals: object[];
  episodes: object[];
  supportActions: object[];
  outcomes: object[];
  challenger: { nrmSubmissions: object[]; placeOfSafetyStays: object[]; navigatorContacts: object[] };
}

/** A value the database holds outside the hub's enumerations or rules is reported, not passed on. */
function validated<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new SourceUnavailableError(CHALLENGER_SOURCE, "INVALID_RESPONSE", `${what} breaks the partner record shape at ${firstIssue(parsed.error)}`);
  return parsed.data;
}

interface EpisodeRow {
  id: string;
  gmvs_case_id: string;
  service: string;
  worker_id: string;
  worker_name: string;
  started_at: Date;
  ended_at: Date | null;
  closure_reason: string | null;
  outcome: string | null;
}

interface NrmRow {
  id: string;
  gmvs_case_id: string;
  kind: string;
  age_group: string;
  consent_given: boolean;
  submitted_at: Date;
  rg_decision: string | null;
  rg_decided_at: Date | null;
  cg_decision: string | null;
  cg_decided_at: Date | null;
}

function rawReferral(row: ReferralRow) {
  return {
    id: row.id,
    gmvsCaseId: row.gmvs_case_id,
    partner: PartnerCode.CHALLENGER,
    service: row.service,
    status: row.status,
    sentAt: row.sent_at.toISOString(),
    receivedAt: iso(row.received_at),
    acceptedAt: iso(row.accepted_at),
    declinedAt: iso(row.declined_at),
    declineReason: row.decline_reason,
    withdrawnAt: iso(row.withdrawn_at),
    closedAt: iso(row.closed_at),
  };
}

function decision(outcome: string | null, at: Date | null) {
  return outcome === null || at === null ? null : { decision: outcome, decidedAt: at.toISOString() };
}

function iso(at: Date | null): string | null {
  return at === null ? null : at.toISOString();
}

function uuidsOf(keys: readonly string[]): string[] {
  return [...new Set(keys.map((key) => key.toLowerCase()).filter((key) => UUID.test(key)))];
}
