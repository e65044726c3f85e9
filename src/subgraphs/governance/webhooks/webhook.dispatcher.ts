import { Webhook } from "standardwebhooks";
import type { DataSource } from "typeorm";
import { OrganisationCode } from "../../../platform/domain";
import { hubEventSchema } from "../../../platform/events/event";
import { createLogger, Logger } from "../../../platform/logger";
import { Purpose } from "../../../platform/principal";
import { inOwnUnitOfWork } from "../../../platform/unit-of-work";
import { mayBeTold } from "./webhook.projection";
import { WebhookDeliveryStatus } from "./webhook.types";

const silent = createLogger("silent");

export interface DispatcherOptions {
  /** The wait after each failed attempt, in ms; once all are used the delivery is dead. */
  retryScheduleMs: readonly number[];
  /** How long one attempt may take. */
  timeoutMs: number;
  /** How often to look for deliveries due; 0: only when asked (dispatchDue). */
  intervalMs: number;
  /** Deliveries claimed per round. */
  batch?: number;
  logger?: Logger;
}

interface ClaimedRow {
  id: string;
  event_id: string;
  payload: string;
  tries_this_round: number;
  endpoint_id: string;
  organisation: OrganisationCode;
  purpose: Purpose;
  url: string;
  secret: string;
}

/** What one attempt came to; `withheld`: not sent, as the organisation may no longer be told of the record. */
interface Outcome {
  ok: boolean;
  withheld?: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

const WITHHELD: Outcome = { ok: false, withheld: true, statusCode: null, error: "Withheld: the access policy no longer lets this endpoint be told of the record", durationMs: 0 };

/** Attempts' errors are shown to the endpoint's organisation: the kind of failure, never a stack or a response body. */
const MAX_ERROR_LENGTH = 200;

/**
 * Sends queued webhook deliveries, signed to the Standard Webhooks
 * specification: webhook-id is the event's id (the same on every attempt and
 * every replay, so a receiver drops a repeat), webhook-timestamp the time of
 * the attempt, webhook-signature the HMAC-SHA256 of both and the body under
 * the endpoint's secret. A 2xx answer delivers it; anything else (another
 * status, a redirect, which is not followed, a timeout, a refused
 * connection) is retried after the schedule's next wait, and once the
 * schedule is used up the delivery is dead.
 *
 * A delivery is claimed before it is sent by moving its due time past the
 * attempt's timeout (no connection is held while POSTing: the embedded
 * store has one), so two dispatchers never send it at once, and one that
 * dies mid-attempt leaves it to be tried again when the claim lapses:
 * delivery is at least once. Before each attempt the access decision is
 * made again, and a delivery it refuses is withheld (dead, not sent). Each
 * attempt is recorded, with the delivery's new state, in one transaction.
 */
export class WebhookDispatcher {
  private stopped = false;
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private round: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    if (this.running || this.options.intervalMs === 0) return;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    await this.round;
    this.running = null;
  }

  /** One round: sends every delivery due now; returns how many it attempted. Rounds never overlap, whoever asks. */
  dispatchDue(): Promise<number> {
    const round = this.round.then(() => this.sendDue());
    this.round = round.catch(() => 0);
    return round;
  }

  private async sendDue(): Promise<number> {
    const claimed = (await this.dataSource.query(
      `UPDATE governance.webhook_delivery d SET next_attempt_at = now() + make_interval(secs => $1::double precision)
       FROM governance.webhook_endpoint e
       WHERE e.id = d.endpoint_id AND d.id IN (
         SELECT d2.id FROM governance.webhook_delivery d2 JOIN governance.webhook_endpoint e2 ON e2.id = d2.endpoint_id
         WHERE d2.status = $2 AND d2.next_attempt_at <= now() AND e2.disabled_at IS NULL
         ORDER BY d2.next_attempt_at, d2.id LIMIT $3 FOR UPDATE OF d2 SKIP LOCKED)
       RETURNING d.id, d.event_id, d.payload, d.tries_this_round, e.id AS endpoint_id, e.organisation, e.purpose, e.url, e.secret`,
      [(2 * this.options.timeoutMs) / 1000, WebhookDeliveryStatus.PENDING, this.options.batch ?? 50],
    )) as [ClaimedRow[], number] | ClaimedRow[];
    // TypeORM hands an UPDATE ... RETURNING back as [rows, count] on PostgreSQL.
    const rows = (Array.isArray(claimed[0]) ? claimed[0] : claimed) as ClaimedRow[];
    await Promise.all(
      rows.map(async (row) => {
        let told: boolean;
        try {
          told = await this.mayStillBeTold(row);
        } catch (error) {
          this.logger.warn({ delivery: row.id, err: error instanceof Error ? error.message : String(error) }, "webhook access decision failed; the delivery waits for its claim to lapse");
          return;
        }
        await this.record(row, told ? await this.attempt(row) : WITHHELD);
      }),
    );
    return rows.length;
  }

  /**
   * Each attempt is a release: decided (and audited) again as the delivery
   * was queued, so a victim's withdrawn consent or a closed case stops a
   * retry as it stops the next query. A decision that cannot be made (the
   * store failing) leaves the claim to lapse and the delivery to be tried again.
   */
  private async mayStillBeTold(row: ClaimedRow): Promise<boolean> {
    const event = hubEventSchema.parse((JSON.parse(row.payload) as { data: unknown }).data);
    const endpoint = { id: row.endpoint_id, organisation: row.organisation, purpose: row.purpose };
    return inOwnUnitOfWork(this.dataSource, () => mayBeTold(this.dataSource, endpoint, event, this.logger));
  }

  private get logger(): Logger {
    return this.options.logger ?? silent;
  }

  private async attempt(row: ClaimedRow): Promise<Outcome> {
    const started = Date.now();
    const timestamp = new Date();
    const headers = {
      "content-type": "application/json",
      "webhook-id": row.event_id,
      "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
      "webhook-signature": new Webhook(row.secret).sign(row.event_id, timestamp, row.payload),
      "user-agent": "Casebridge-Webhooks",
    };
    try {
      const response = await fetch(row.url, { method: "POST", headers, body: row.payload, redirect: "manual", signal: AbortSignal.timeout(this.options.timeoutMs) });
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: Date.now() - started };
    } catch (error) {
      return { ok: false, statusCode: null, error: failureOf(error, this.options.timeoutMs), durationMs: Date.now() - started };
    }
  }

  /** The attempt and the delivery's next state, together; a delivery disabled or replayed meanwhile keeps the state it was given. */
  private async record(row: ClaimedRow, outcome: Outcome): Promise<void> {
    const schedule = this.options.retryScheduleMs;
    const tries = row.tries_this_round + 1;
    const wait = schedule[tries - 1];
    try {
      await this.dataSource.transaction(async (m) => {
        await m.query(
          `INSERT INTO governance.webhook_attempt (delivery_id, n, attempted_at, status_code, error, duration_ms)
           SELECT $1, coalesce(max(n), 0) + 1, now(), $2, $3, $4 FROM governance.webhook_attempt WHERE delivery_id = $1`,
          [row.id, outcome.statusCode, outcome.error, outcome.durationMs],
        );
        if (outcome.withheld) {
          // Not retried: the decision would be the same. Replay decides again, once the organisation may be told.
          await m.query(`UPDATE governance.webhook_delivery SET status = $2, dead_at = now(), next_attempt_at = NULL WHERE id = $1 AND status = $3`, [
            row.id,
            WebhookDeliveryStatus.DEAD,
            WebhookDeliveryStatus.PENDING,
          ]);
        } else if (outcome.ok) {
          await m.query(`UPDATE governance.webhook_delivery SET status = $2, delivered_at = now(), next_attempt_at = NULL, tries_this_round = $3 WHERE id = $1 AND status = $4`, [
            row.id,
            WebhookDeliveryStatus.DELIVERED,
            tries,
            WebhookDeliveryStatus.PENDING,
          ]);
        } else if (wait === undefined) {
          await m.query(`UPDATE governance.webhook_delivery SET status = $2, dead_at = now(), next_attempt_at = NULL, tries_this_round = $3 WHERE id = $1 AND status = $4`, [
            row.id,
            WebhookDeliveryStatus.DEAD,
            tries,
            WebhookDeliveryStatus.PENDING,
          ]);
        } else {
          await m.query(
            `UPDATE governance.webhook_delivery SET next_attempt_at = now() + make_interval(secs => $2::double precision), tries_this_round = $3 WHERE id = $1 AND status = $4`,
            [row.id, wait / 1000, tries, WebhookDeliveryStatus.PENDING],
          );
        }
      });
    } catch (error) {
      // The claim lapses and the delivery is tried again: at least once, and the receiver drops a repeat by webhook-id.
      this.options.logger?.warn({ delivery: row.id, err: error instanceof Error ? error.message : String(error) }, "webhook attempt not recorded");
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let count = 0;
      try {
        count = await this.dispatchDue();
      } catch (error) {
        this.options.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, "webhook dispatch round failed; retrying");
      }
      if (this.stopped) break;
      if (count > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.intervalMs);
        timer.unref?.();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}

function failureOf(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; cause?: { code?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `No answer within ${timeoutMs} ms`;
  const code = e?.cause?.code;
  return (code ? `Connection failed: ${code}` : "Connection failed").slice(0, MAX_ERROR_LENGTH);
}
