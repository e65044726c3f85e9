import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import type { Principal } from "../platform/principal";
import { inUnitOfWork } from "../platform/unit-of-work";

/**
 * One consultation, release or refusal of a category of a subject's data,
 * with what DPA 2018 s.62 asks of the log: who (actor, organisation, roles),
 * why (purpose; the agreement, consent or break-glass reason that justified
 * it, or the refusal reason), when, the recipient (the caller's
 * organisation), whose data (subject, holder) and which records.
 */
export interface AuditEventInput {
  at: Date;
  /** The hub's own id for the request; never one a caller chose. */
  requestId: string;
  /** The x-request-id the caller sent, if any: kept for the caller's own tracing, never used to correlate. */
  callerRequestId?: string | null;
  /** The records concerned, as Type:reference; empty where none is (a refused operation, a consent recorded). */
  records?: readonly string[];
  actor: string | null;
  organisation: string | null;
  roles: string[];
  purpose: string | null;
  subjectId: string | null;
  category: string;
  holder: string;
  decision: "ALLOW" | "DENY";
  reason: string | null;
  agreementId: string | null;
  consentId: string | null;
  breakGlassReason: string | null;
}

/** Who is making a change: the verified caller and the request it belongs to. */
export interface Actor {
  principal: Principal;
  requestId: string;
  callerRequestId?: string | null;
}

/**
 * The audit event of a change an actor made to personal data: what kind of
 * data, whose (subject) and whose record (holder), and which change (reason,
 * e.g. CONSENT_RECORDED, REFERRAL_SENT). The one builder for writes' events.
 */
export function changeEvent(
  actor: Actor,
  change: {
    subjectId: string | null;
    category: string;
    holder: string;
    reason: string;
    at?: Date;
    decision?: "ALLOW" | "DENY";
    agreementId?: string | null;
    consentId?: string | null;
  },
): AuditEventInput {
  return {
    at: change.at ?? new Date(),
    requestId: actor.requestId,
    callerRequestId: actor.callerRequestId ?? null,
    actor: actor.principal.subject,
    organisation: actor.principal.organisation,
    roles: actor.principal.roles,
    purpose: actor.principal.purpose,
    subjectId: change.subjectId,
    category: change.category,
    holder: change.holder,
    decision: change.decision ?? "ALLOW",
    reason: change.reason,
    agreementId: change.agreementId ?? null,
    consentId: change.consentId ?? null,
    breakGlassReason: null,
  };
}

export interface AuditEvent extends AuditEventInput {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = "0".repeat(64);
/**
 * Serialises appends across every process sharing the store, so the chain
 * has one order. governance.append_audit_events takes the same lock.
 */
const AUDIT_CHAIN_LOCK = 7_405_101;

/**
 * The hash covers every field in a fixed order, the position and the
 * previous hash: a change, removal or reorder breaks it. The records and the
 * caller's request id came later: an event that has either hashes them after
 * the rest, one that has neither hashes as events always did, so the chain
 * written before them still verifies.
 */
export function eventHash(prevHash: string, seq: number, e: AuditEventInput): string {
  const content = `[${seq}${contentAfterPosition(e)}`;
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}

/**
 * The hashed content of an event after its position: the JSON array of its
 * fields from the comma that follows the position. The chain's append
 * function (governance.append_audit_events) joins the position on in the
 * server, so both sides hash the same text.
 */
function contentAfterPosition(e: AuditEventInput): string {
  const fields: unknown[] = [
    e.at.toISOString(),
    e.requestId,
    e.actor,
    e.organisation,
    e.roles,
    e.purpose,
    e.subjectId,
    e.category,
    e.holder,
    e.decision,
    e.reason,
    e.agreementId,
    e.consentId,
    e.breakGlassReason,
  ];
  const records = e.records ?? [];
  const callerRequestId = e.callerRequestId ?? null;
  if (records.length > 0 || callerRequestId !== null) fields.push(records, callerRequestId);
  return `,${JSON.stringify(fields).slice(1)}`;
}

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

export interface ChainProblem {
  seq: number;
  problem: "CHANGED" | "MISSING_BEFORE" | "OUT_OF_ORDER";
  detail: string;
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

/**
 * Walks the chain in stored order and names the first event that does not
 * follow: a changed row fails its own hash, a removed one leaves a gap in
 * the sequence, a reordered one does not chain from the event before it.
 */
export function verifyChain(events: readonly AuditEvent[]): ChainProblem | null {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) {
      return { seq: e.seq, problem: "MISSING_BEFORE", detail: `expected event ${expectedSeq} next, found ${e.seq}: events are missing` };
    }
    if (e.prevHash !== prev) return { seq: e.seq, problem: "OUT_OF_ORDER", detail: `event ${e.seq} does not chain from event ${e.seq - 1}` };
    if (eventHash(prev, e.seq, e) !== e.hash) return { seq: e.seq, problem: "CHANGED", detail: `event ${e.seq} does not match its hash: it was changed` };
    prev = e.hash;
    expectedSeq += 1;
  }
  return null;
}

export async function readAuditChain(dataSource: DataSource): Promise<AuditEvent[]> {
  const rows: AuditRow[] = await dataSource.query(`SELECT * FROM governance.audit_event ORDER BY seq`);
  return rows.map(toAuditEvent);
}
