import type { DataSource, EntityManager } from "typeorm";
import type { Logger } from "../logger";
import type { EventBus } from "./bus";
import { Rounds } from "../rounds";
import { EventInput, HubEvent, hubEventSchema, newEvent, OutboxOwner } from "./event";

/**
 * Writes events to `owner`'s outbox on `manager`: call it inside the
 * transaction that makes the change, so the events exist exactly when the
 * change does (a rollback takes them with it). Returns them as published.
 */
export async function emitEvents(manager: EntityManager, owner: OutboxOwner, inputs: readonly EventInput[]): Promise<HubEvent[]> {
  const events = inputs.map((input) => newEvent(owner, input));
  for (const e of events) {
    await manager.query(
      `INSERT INTO ${owner}.outbox_event (id, type, case_id, record_type, record_id, parties, occurred_at, due_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.id, e.type, e.caseId, e.record.type, e.record.id, e.parties, e.occurredAt, e.dueAt],
    );
  }
  return events;
}

interface OutboxRow {
  seq: string;
  id: string;
  type: string;
  case_id: string | null;
  record_type: string;
  record_id: string;
  parties: string[] | string;
  occurred_at: Date | string;
  due_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();
/** PGlite hands text[] back as its literal ("{GMVS,PANKHURST}") where pg parses it. */
const textArray = (value: string[] | string) => (Array.isArray(value) ? value : value.replace(/^\{|\}$/g, "").split(",").filter(Boolean));

function toEvent(owner: OutboxOwner, row: OutboxRow): HubEvent {
  return hubEventSchema.parse({
    id: row.id,
    type: row.type,
    source: owner,
    caseId: row.case_id,
    record: { type: row.record_type, id: row.record_id },
    parties: textArray(row.parties),
    occurredAt: iso(row.occurred_at),
    dueAt: row.due_at === null ? null : iso(row.due_at),
  });
}

export interface RelayOptions {
  /** How often to look for events when the last look found none; 0: only when asked (drain, settle). */
  idleMs?: number;
  /** Events read and published per round. */
  batch?: number;
  logger?: Logger;
}

/**
 * Relays one outbox to the bus: reads unpublished events in `seq` order,
 * publishes each (the bus resolves once it holds the event durably, or, in
 * process, once every consumer has handled it), then marks them published.
 * A relay stopped or killed between the two publishes them again on its next
 * round: delivery is at least once and consumers are idempotent. No
 * connection is held while publishing, so an in-process consumer writing to
 * the same embedded store (one connection) is never blocked by its relay.
 *
 * One relay per outbox: each subgraph process relays only its own. Within
 * one relay, events go out in the order their rows were numbered; two
 * changes to one case committed by concurrent transactions are numbered in
 * the order they were written, which for one record is its row lock's order.
 */
export class OutboxRelay {
  private readonly rounds: Rounds<number>;
  private readonly batch: number;
  /** Events published by this relay, for operators and the kill test. */
  published = 0;

  constructor(
    private readonly dataSource: DataSource,
    readonly owner: OutboxOwner,
    private readonly bus: EventBus,
    options: RelayOptions = {},
  ) {
    this.batch = options.batch ?? 100;
    this.rounds = new Rounds(() => this.publishWaiting(), options.idleMs ?? 250, (error) =>
      options.logger?.warn({ outbox: owner, err: error instanceof Error ? error.message : String(error) }, "outbox relay round failed; retrying"),
    );
  }

  start(): void {
    this.rounds.start();
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One round: publishes what is waiting; returns how many events it published. Rounds never overlap, whoever asks. */
  drain(): Promise<number> {
    return this.rounds.drain();
  }

  /** Rounds until the outbox has nothing waiting: what was committed before the call has been published. */
  async settle(): Promise<void> {
    while ((await this.drain()) > 0);
  }

  private async publishWaiting(): Promise<number> {
    const rows: OutboxRow[] = await this.dataSource.query(
      `SELECT seq, id, type, case_id, record_type, record_id, parties, occurred_at, due_at FROM ${this.owner}.outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
      [this.batch],
    );
    if (rows.length === 0) return 0;
    const done: string[] = [];
    try {
      for (const row of rows) {
        await this.bus.publish(toEvent(this.owner, row));
        done.push(row.seq);
      }
    } finally {
      // What was published is marked even when a later publish failed: the rest go out, in order, next round.
      if (done.length) await this.dataSource.query(`UPDATE ${this.owner}.outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[])`, [done]);
      this.published += done.length;
    }
    return done.length;
  }
}
