import { randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { OrganisationCode } from "../../../platform/domain";
import type { EventHandler } from "../../../platform/events/bus";
import { handledOnce } from "../../../platform/events/consumer";
import { HubEvent } from "../../../platform/events/event";
import type { Logger } from "../../../platform/logger";
import { Principal, Purpose, Role } from "../../../platform/principal";
import { inOwnUnitOfWork } from "../../../platform/unit-of-work";
import { AccessEvaluator } from "../../../policy/access";
import { knownRecordsOf } from "../../../policy/shield";
import { SqlGovernance } from "../port/sql-governance";
import { holderOfRecord } from "../worklist/worklist.projection";
import { EventNotice, WebhookDeliveryStatus } from "./webhook.types";

/** The consumer's name on the bus and in governance.event_handled. */
export const WEBHOOK_CONSUMER = "governance-webhooks";

/** What the decision needs of an endpoint. */
export interface EndpointForDecision {
  id: string;
  organisation: OrganisationCode;
  purpose: Purpose;
}

/**
 * Whether the endpoint's organisation may be told of the event's record,
 * decided and audited as a worklist read is (knownRecordsOf on the record's
 * holder, existence and addressee), for the purpose the endpoint was
 * registered for. The endpoint receives as the organisation's caseworkers
 * would: its system's users are those staff. The audit names the endpoint
 * as the actor, and is written on the store's current unit of work, so it
 * commits with what the decision led to, or not at all.
 */
export async function mayBeTold(dataSource: DataSource, endpoint: EndpointForDecision, event: HubEvent, logger: Logger): Promise<boolean> {
  const principal: Principal = { subject: `webhook-endpoint:${endpoint.id}`, organisation: endpoint.organisation, roles: [Role.CASEWORKER], purpose: endpoint.purpose };
  const requestId = randomUUID();
  const access = new AccessEvaluator(new SqlGovernance(dataSource), principal, requestId, null);
  const notice = Object.assign(new EventNotice(), {
    organisation: endpoint.organisation,
    holder: holderOfRecord(event),
    caseId: event.caseId,
    recordType: event.record.type,
    recordId: event.record.id,
  });
  const known = await knownRecordsOf(EventNotice, [notice], { principal, access, requestId, callerRequestId: null, logger });
  await access.flush();
  return known.length === 1;
}

interface EndpointRow {
  id: string;
  organisation: OrganisationCode;
  purpose: Purpose;
}

/**
 * Queues one delivery per enabled endpoint of each party to the event that
 * takes its type and may be told of its record; an endpoint of an
 * organisation that is not a party, or may not know the record exists, is
 * sent nothing (and the refusal is audited). Unique on (endpoint, event):
 * an event handled twice is queued once.
 */
async function enqueueDeliveries(dataSource: DataSource, m: EntityManager, event: HubEvent, logger: Logger): Promise<void> {
  const endpoints = (await m.query(
    `SELECT id, organisation, purpose FROM governance.webhook_endpoint
     WHERE organisation = ANY($1::text[]) AND disabled_at IS NULL AND (cardinality(event_types) = 0 OR $2 = ANY(event_types))
     ORDER BY registered_at, id`,
    [event.parties, event.type],
  )) as EndpointRow[];
  // Created at the millisecond: the delivery log's cursor names a creation time as a JavaScript Date holds it.
  for (const endpoint of endpoints) {
    if (!(await mayBeTold(dataSource, endpoint, event, logger))) continue;
    await m.query(
      `INSERT INTO governance.webhook_delivery (id, endpoint_id, organisation, event_id, event_type, payload, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now(), date_trunc('milliseconds', now())) ON CONFLICT (endpoint_id, event_id) DO NOTHING`,
      [randomUUID(), endpoint.id, endpoint.organisation, event.id, event.type, webhookPayload(event), WebhookDeliveryStatus.PENDING],
    );
  }
}

/**
 * The body POSTed, as Standard Webhooks recommends (type, timestamp, data),
 * with the event's wire form as its data: ids, types and times, never
 * personal data (hubEventSchema is strict). Kept as sent, so every attempt
 * signs the same bytes.
 */
export function webhookPayload(event: HubEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: event });
}

/**
 * The bus consumer: handled once, in one unit of work with everything it
 * writes (the handled mark, the deliveries, the audit of each decision), so
 * a failure leaves nothing half-written and the bus delivers the event again.
 */
export function webhookConsumer(dataSource: DataSource, logger: Logger): EventHandler {
  const handle = handledOnce(dataSource, WEBHOOK_CONSUMER, (m, event) => enqueueDeliveries(dataSource, m, event, logger));
  return (event) => inOwnUnitOfWork(dataSource, () => handle(event));
}
