import type { DataSource, EntityManager } from "typeorm";
import { inUnitOfWork } from "../../../platform/unit-of-work";
import { AuditEvent, AuditEventInput, contentAfterPosition } from "../../../policy/audit";

/**
 * Governance's audit chain in its store (governance.audit_event): appends,
 * the group commit for reads' events, and the chain read back. The event,
 * its hash and the chain's verification are the policy's (src/policy/audit.ts),
 * so a subgraph builds events without reaching this store.
 */

/**
 * Serialises appends across every process sharing the store, so the chain
 * has one order. governance.append_audit_events takes the same lock.
 */
const AUDIT_CHAIN_LOCK = 7_405_101;

/** Holds the chain's lock until the transaction ends: appends, and reads that must see every append before them (a break-glass cap), in one order. */
export async function lockAuditChain(transaction: EntityManager): Promise<void> {
  await transaction.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK]);
}

/**
 * Appends in one statement (governance.append_audit_events takes the chain's
 * lock, reads its head and hashes in the server): inside the caller's
 * transaction, the audit commits (or not) with the work it records; outside
 * one, the statement is its own transaction.
 */
export async function appendAuditEvents(manager: EntityManager, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const wire = events.map((e) => ({
    at: e.at.toISOString(),
    requestId: e.requestId,
    actor: e.actor,
    organisation: e.organisation,
    roles: e.roles,
    purpose: e.purpose,
    subjectId: e.subjectId,
    category: e.category,
    holder: e.holder,
    decision: e.decision,
    reason: e.reason,
    agreementId: e.agreementId,
    consentId: e.consentId,
    breakGlassReason: e.breakGlassReason,
    records: [...(e.records ?? [])],
    callerRequestId: e.callerRequestId ?? null,
    rest: contentAfterPosition(e),
  }));
  await manager.query(`SELECT governance.append_audit_events($1::jsonb)`, [JSON.stringify(wire)]);
}

/**
 * Group commit for reads' audit events: every request in this process that
 * finishes while a write is under way joins the next one, so the chain's
 * lock is taken once per batch, not once per request and subgraph. Each
 * caller still waits until its own events have committed (a response never
 * leaves before its audit), and if a batch fails every request in it fails,
 * so nothing is released unrecorded.
 */
class AuditWriter {
  private queue: { events: readonly AuditEventInput[]; queuedAt: bigint; resolve(): void; reject(error: unknown): void }[] = [];
  private draining = false;

  constructor(private readonly dataSource: DataSource) {}

  write(events: readonly AuditEventInput[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ events, queuedAt: process.hrtime.bigint(), resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        const events = batch.flatMap((b) => b.events);
        await appendAuditEvents(this.dataSource.manager, events);
        const committed = process.hrtime.bigint();
        const observer = observers.get(this.dataSource);
        observer?.batch(events.length, batch.map((b) => Number(committed - b.queuedAt) / 1e9));
        for (const b of batch) b.resolve();
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    this.draining = false;
  }
}

const writers = new WeakMap<DataSource, AuditWriter>();

/** Told of each committed group-commit batch: its events, and how long each request in it waited (seconds). */
export interface AuditBatchObserver {
  batch(events: number, waitsSeconds: readonly number[]): void;
}
const observers = new WeakMap<DataSource, AuditBatchObserver>();

/** For operators' metrics: one observer per store; a later one replaces it. */
export function observeAuditBatches(dataSource: DataSource, observer: AuditBatchObserver): void {
  observers.set(dataSource, observer);
}

/**
 * Appends in a transaction of its own, grouped with other requests'
 * (AuditWriter): for reads, whose audit is all the work there is. In a
 * mutation's unit of work, in that unit instead, never in a batch whose
 * commit would not wait for the mutation's.
 */
export function recordAudit(dataSource: DataSource, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return Promise.resolve();
  if (inUnitOfWork(dataSource)) return dataSource.transaction((m) => appendAuditEvents(m, events));
  let writer = writers.get(dataSource);
  if (!writer) writers.set(dataSource, (writer = new AuditWriter(dataSource)));
  return writer.write(events);
}

interface AuditRow {
  seq: string;
  at: Date;
  request_id: string;
  actor: string | null;
  organisation: string | null;
  roles: string[];
  purpose: string | null;
  subject_id: string | null;
  category: string;
  holder: string;
  decision: "ALLOW" | "DENY";
  reason: string | null;
  agreement_id: string | null;
  consent_id: string | null;
  break_glass_reason: string | null;
  prev_hash: string;
  hash: string;
  records: string[];
  caller_request_id: string | null;
}

export function toAuditEvent(r: AuditRow): AuditEvent {
  return {
    seq: Number(r.seq),
    at: r.at,
    requestId: r.request_id,
    callerRequestId: r.caller_request_id,
    records: r.records,
    actor: r.actor,
    organisation: r.organisation,
    roles: r.roles,
    purpose: r.purpose,
    subjectId: r.subject_id,
    category: r.category,
    holder: r.holder,
    decision: r.decision,
    reason: r.reason,
    agreementId: r.agreement_id,
    consentId: r.consent_id,
    breakGlassReason: r.break_glass_reason,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export async function readAuditChain(dataSource: DataSource): Promise<AuditEvent[]> {
  const rows: AuditRow[] = await dataSource.query(`SELECT * FROM governance.audit_event ORDER BY seq`);
  return rows.map(toAuditEvent);
}
