import { randomUUID } from "node:crypto";
import { z } from "zod";
import { OrganisationCode } from "../domain";

/**
 * A hub event: that something another organisation may act on happened to a
 * record. It carries ids, types and times, never personal data (no names,
 * references, free text or categories of what was shared): a recipient reads
 * the record itself through GraphQL, where the access policy decides what it
 * may see. Events are written to the owning subgraph's outbox in the
 * transaction that makes the change (outbox.ts) and delivered at least once
 * (bus.ts), in order per case.
 */
export enum EventType {
  CASE_OPENED = "CASE_OPENED",
  CASE_CLOSED = "CASE_CLOSED",
  CASE_REOPENED = "CASE_REOPENED",
  REFERRAL_SENT = "REFERRAL_SENT",
  REFERRAL_RECEIVED = "REFERRAL_RECEIVED",
  REFERRAL_ACCEPTED = "REFERRAL_ACCEPTED",
  REFERRAL_DECLINED = "REFERRAL_DECLINED",
  REFERRAL_WITHDRAWN = "REFERRAL_WITHDRAWN",
  REFERRAL_CLOSED = "REFERRAL_CLOSED",
  REFERRAL_FIRST_CONTACT = "REFERRAL_FIRST_CONTACT",
  CONSENT_RECORDED = "CONSENT_RECORDED",
  CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN",
  RISK_ASSESSMENT_RECORDED = "RISK_ASSESSMENT_RECORDED",
  MARAC_REFERRAL_RAISED = "MARAC_REFERRAL_RAISED",
  VICTIM_CONTACTED = "VICTIM_CONTACTED",
  /** A referred person may be one GMVS already knows: a caseworker is to confirm or reject the match. */
  MATCH_CANDIDATE_RAISED = "MATCH_CANDIDATE_RAISED",
  /** A caseworker confirmed or rejected a match (or confirming another rejected it). */
  MATCH_CANDIDATE_DECIDED = "MATCH_CANDIDATE_DECIDED",
  /** A Victims' Code entitlement started (a police update, a report): `dueAt` is its deadline. */
  ENTITLEMENT_DUE = "ENTITLEMENT_DUE",
  /** An entitlement passed its deadline unmet. */
  ENTITLEMENT_OVERDUE = "ENTITLEMENT_OVERDUE",
  /** An entitlement announced as due no longer is: met (late or not), or no longer owed. */
  ENTITLEMENT_MET = "ENTITLEMENT_MET",
}

/** What kind of record an event is about: the type a recipient asks GraphQL for. */
export enum EventRecordType {
  CASE = "CASE",
  REFERRAL = "REFERRAL",
  CONSENT = "CONSENT",
  RISK_ASSESSMENT = "RISK_ASSESSMENT",
  MARAC_REFERRAL = "MARAC_REFERRAL",
  CONTACT = "CONTACT",
  MATCH_CANDIDATE = "MATCH_CANDIDATE",
  /** A timed Victims' Code entitlement of a case: the case's victimsCodeCompliance lists it. */
  ENTITLEMENT = "ENTITLEMENT",
}

/** The subgraphs that keep an outbox: each owns the table its events are written to. */
export const OUTBOX_OWNERS = ["victims", "partners", "governance"] as const;
export type OutboxOwner = (typeof OUTBOX_OWNERS)[number];

const isoTime = z.string().datetime({ offset: true });

/**
 * The wire form, strict: a field that is not here cannot be published or
 * accepted, so personal data cannot ride along by accident.
 */
export const hubEventSchema = z
  .object({
    id: z.string().uuid(),
    type: z.nativeEnum(EventType),
    source: z.enum(OUTBOX_OWNERS),
    /** The GMVS case the record belongs to, where it belongs to one: the key events are ordered by. */
    caseId: z.string().uuid().nullable(),
    record: z.object({ type: z.nativeEnum(EventRecordType), id: z.string().uuid() }).strict(),
    /** The organisations with a part in the record (its holder, the partner it is addressed to): who is told of it. */
    parties: z.array(z.nativeEnum(OrganisationCode)).min(1),
    occurredAt: isoTime,
    /** When what the event asks of its parties falls due, where the record says. */
    dueAt: isoTime.nullable(),
  })
  .strict();

export type HubEvent = z.infer<typeof hubEventSchema>;

/** What a service says happened; the outbox gives it an id, its source and its time. */
export interface EventInput {
  type: EventType;
  caseId: string | null;
  record: { type: EventRecordType; id: string };
  parties: readonly OrganisationCode[];
  occurredAt: Date;
  dueAt?: Date | null;
}

export function newEvent(source: OutboxOwner, input: EventInput): HubEvent {
  return hubEventSchema.parse({
    id: randomUUID(),
    type: input.type,
    source,
    caseId: input.caseId,
    record: { ...input.record },
    parties: [...new Set(input.parties)],
    occurredAt: input.occurredAt.toISOString(),
    dueAt: input.dueAt ? input.dueAt.toISOString() : null,
  });
}
