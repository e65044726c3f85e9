import { createHash } from "node:crypto";
import type { Principal } from "../platform/principal";

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
export function contentAfterPosition(e: AuditEventInput): string {
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

export interface ChainProblem {
  seq: number;
  problem: "CHANGED" | "MISSING_BEFORE" | "OUT_OF_ORDER";
  detail: string;
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
