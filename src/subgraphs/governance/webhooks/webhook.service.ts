import { randomBytes, randomUUID } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { isUuid } from "../../../platform/batch";
import { OrganisationCode } from "../../../platform/domain";
import { appError, ErrorCode } from "../../../platform/errors";
import { EventType, hubEventSchema } from "../../../platform/events/event";
import type { Logger } from "../../../platform/logger";
import { Purpose } from "../../../platform/principal";
import { Actor, changeEvent } from "../../../policy/audit";
import { appendAuditEvents } from "../audit/chain";
import { mayBeTold } from "./webhook.projection";
import { endpointUrl } from "./webhook.url";
import { RegisteredWebhookEndpoint, RegisterWebhookEndpointInput, WebhookAttempt, WebhookDelivery, WebhookDeliveryPage, WebhookDeliveryStatus, WebhookEndpoint } from "./webhook.types";

/** The audit's category for changes to an organisation's webhook settings: about its own integration, no one's personal data. */
const WEBHOOK_AUDIT_CATEGORY = "WEBHOOK";

/** Standard Webhooks: a secret is whsec_ and base64 of 24 to 64 random bytes; 32 is what its reference libraries make. */
const SECRET_BYTES = 32;

/** The most endpoints one organisation keeps enabled: more than any partner system needs, and a bound on one event's fan-out. */
export const MAX_ENABLED_ENDPOINTS = 10;

interface EndpointRow {
  id: string;
  organisation: string;
  url: string;
  event_types: string[] | string;
  purpose: string;
  registered_at: Date | string;
  disabled_at: Date | string | null;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  organisation: string;
  event_id: string;
  event_type: string;
  status: string;
  created_at: Date | string;
  next_attempt_at: Date | string | null;
  delivered_at: Date | string | null;
  dead_at: Date | string | null;
}

interface AttemptRow {
  delivery_id: string;
  n: number;
  attempted_at: Date | string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

const ENDPOINT_COLUMNS = "id, organisation, url, event_types, purpose, registered_at, disabled_at";
const DELIVERY_COLUMNS = "id, endpoint_id, organisation, event_id, event_type, status, created_at, next_attempt_at, delivered_at, dead_at";

/** PGlite hands text[] back as its literal ("{A,B}") where pg parses it. */
const textArray = (value: string[] | string) => (Array.isArray(value) ? value : value.replace(/^\{|\}$/g, "").split(",").filter(Boolean));
const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * An organisation's webhook endpoints, deliveries and dead letters: each
 * organisation's administrator manages its own, and another organisation's
 * are answered as if they did not exist (NOT_FOUND, absent from lists).
 * Every change is written in one transaction with its audit event.
 */
export class WebhookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: { allowHttpLoopback: boolean },
  ) {}

  /** Registers an endpoint for the caller's organisation; the signing secret is in the answer, and never again. */
  async register(actor: Actor, input: RegisterWebhookEndpointInput): Promise<RegisteredWebhookEndpoint> {
    const url = endpointUrl(input.url, this.options.allowHttpLoopback);
    const eventTypes = [...new Set(input.eventTypes ?? [])];
    const known = new Set<string>(Object.values(EventType));
    const unknown = eventTypes.filter((t) => !known.has(t));
    if (unknown.length > 0) {
      throw appError(ErrorCode.INVALID_INPUT, `Unknown event type ${unknown.join(", ")}; the types are ${[...known].join(", ")}`, { argument: "eventTypes" });
    }
    const organisation = actor.principal.organisation;
    const secret = `whsec_${randomBytes(SECRET_BYTES).toString("base64")}`;
    return this.dataSource.transaction(async (m) => {
      // Registrations for one organisation take turns, so the bound below holds under concurrent ones.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('governance.webhook_endpoint'), hashtext($1))`, [organisation]);
      const [{ n }] = (await m.query(`SELECT count(*)::int AS n FROM governance.webhook_endpoint WHERE organisation = $1 AND disabled_at IS NULL`, [organisation])) as [{ n: number }];
      if (n >= MAX_ENABLED_ENDPOINTS) throw appError(ErrorCode.CONFLICT, `Your organisation has ${MAX_ENABLED_ENDPOINTS} endpoints enabled; disable one first`);
      const [row] = (await m.query(
        `INSERT INTO governance.webhook_endpoint (id, organisation, url, event_types, purpose, secret, registered_by, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now()) RETURNING ${ENDPOINT_COLUMNS}`,
        [randomUUID(), organisation, url, eventTypes, input.purpose ?? Purpose.SUPPORT, secret, actor.principal.subject],
      )) as EndpointRow[];
      await audit(m, actor, "WEBHOOK_ENDPOINT_REGISTERED");
      return Object.assign(new RegisteredWebhookEndpoint(), { endpoint: toEndpoint(row as EndpointRow), secret });
    });
  }

  /** The organisation's endpoints, enabled first, newest first; never their secrets. */
  async endpointsOf(organisation: OrganisationCode): Promise<WebhookEndpoint[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM governance.webhook_endpoint WHERE organisation = $1 ORDER BY disabled_at IS NOT NULL, registered_at DESC, id`,
      [organisation],
    )) as EndpointRow[];
    return rows.map(toEndpoint);
  }

  /** Stops sending to an endpoint (its pending deliveries wait, unsent). Disabling one already disabled changes nothing and is not audited. */
  async disable(actor: Actor, id: string): Promise<WebhookEndpoint> {
    const notFound = () => appError(ErrorCode.NOT_FOUND, "No such webhook endpoint", { argument: "id" });
    if (!isUuid(id)) throw notFound();
    return this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(`SELECT ${ENDPOINT_COLUMNS} FROM governance.webhook_endpoint WHERE id = $1 AND organisation = $2 FOR UPDATE`, [
        id,
        actor.principal.organisation,
      ])) as EndpointRow[];
      if (!row) throw notFound();
      if (row.disabled_at !== null) return toEndpoint(row);
      const [updated] = (await m.query(
        `UPDATE governance.webhook_endpoint SET disabled_at = now(), disabled_by = $2 WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
        [id, actor.principal.subject],
      )) as [EndpointRow[], number];
      await audit(m, actor, "WEBHOOK_ENDPOINT_DISABLED");
      return toEndpoint((updated as EndpointRow[])[0] as EndpointRow);
    });
  }

  /** The organisation's deliveries, newest first, each with its attempts; only `status` where given (DEAD: the dead letters). */
  async deliveriesOf(organisation: OrganisationCode, first: number, after: string | null, status: WebhookDeliveryStatus | null): Promise<WebhookDeliveryPage> {
    const from = after === null ? null : decodeCursor(after);
    const rows = (await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM governance.webhook_delivery
       WHERE organisation = $1 AND ($2::text IS NULL OR status = $2)
         AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
       ORDER BY created_at DESC, id DESC LIMIT $5`,
      [organisation, status, from?.createdAt ?? null, from?.id ?? null, first + 1],
    )) as DeliveryRow[];
    const page = rows.slice(0, first);
    const attempts = page.length
      ? ((await this.dataSource.query(
          `SELECT delivery_id, n, attempted_at, status_code, error, duration_ms FROM governance.webhook_attempt WHERE delivery_id = ANY($1::uuid[]) ORDER BY delivery_id, n`,
          [page.map((r) => r.id)],
        )) as AttemptRow[])
      : [];
    const items = page.map((r) => toDelivery(r, attempts));
    const last = page[page.length - 1];
    return Object.assign(new WebhookDeliveryPage(), { items, endCursor: last ? cursorOf(last) : null, hasNextPage: rows.length > first });
  }

  /**
   * Queues a dead letter again, with the whole retry schedule before it: for
   * after the organisation has fixed its receiver. NOT_FOUND for another
   * organisation's delivery; CONFLICT for one not dead, or whose endpoint is
   * disabled (nothing would be sent). The event keeps its id: a receiver
   * that did take it drops the repeat. Whether the organisation may still
   * be told of the event's record is decided again, as when it was queued
   * (a victim may have withdrawn her consent since): where it may not, the
   * letter stays dead (CONFLICT), and the refusal is audited.
   */
  async replay(actor: Actor & { logger: Logger }, id: string): Promise<WebhookDelivery> {
    const notFound = () => appError(ErrorCode.NOT_FOUND, "No such webhook delivery", { argument: "id" });
    if (!isUuid(id)) throw notFound();
    const organisation = actor.principal.organisation;
    const read = async (m: EntityManager) =>
      ((await m.query(
        `SELECT d.status, d.payload, e.id AS endpoint_id, e.purpose, e.disabled_at
         FROM governance.webhook_delivery d JOIN governance.webhook_endpoint e ON e.id = d.endpoint_id
         WHERE d.id = $1 AND d.organisation = $2 FOR UPDATE OF d`,
        [id, organisation],
      )) as { status: string; payload: string; endpoint_id: string; purpose: Purpose; disabled_at: Date | null }[])[0];
    const replayable = (row: Awaited<ReturnType<typeof read>>) => {
      if (!row) throw notFound();
      if (row.status !== WebhookDeliveryStatus.DEAD) throw appError(ErrorCode.CONFLICT, "Only a dead letter can be replayed; this delivery is " + row.status.toLowerCase());
      if (row.disabled_at !== null) throw appError(ErrorCode.CONFLICT, "Its endpoint is disabled; register the receiver again to be sent new events");
      return row;
    };
    // The decision's policy reads and its audit run on the mutation's unit of work (one connection, src/platform/unit-of-work.ts),
    // inside this transaction: a refusal commits with the transaction (its audit kept) and is answered after it.
    const replayed = await this.dataSource.transaction(async (m) => {
      const letter = replayable(await read(m));
      const event = hubEventSchema.parse((JSON.parse(letter.payload) as { data: unknown }).data);
      if (!(await mayBeTold(this.dataSource, { id: letter.endpoint_id, organisation, purpose: letter.purpose }, event, actor.logger))) return null;
      await m.query(
        `UPDATE governance.webhook_delivery SET status = $2, tries_this_round = 0, next_attempt_at = now(), dead_at = NULL, replayed_by = $3, replayed_at = now() WHERE id = $1`,
        [id, WebhookDeliveryStatus.PENDING, actor.principal.subject],
      );
      await audit(m, actor, "WEBHOOK_DELIVERY_REPLAYED");
      const [updated] = (await m.query(`SELECT ${DELIVERY_COLUMNS} FROM governance.webhook_delivery WHERE id = $1`, [id])) as DeliveryRow[];
      const attempts = (await m.query(`SELECT delivery_id, n, attempted_at, status_code, error, duration_ms FROM governance.webhook_attempt WHERE delivery_id = $1 ORDER BY n`, [
        id,
      ])) as AttemptRow[];
      return toDelivery(updated as DeliveryRow, attempts);
    });
    if (!replayed) throw appError(ErrorCode.CONFLICT, "This event can no longer be sent to the endpoint");
    return replayed;
  }
}

function audit(m: EntityManager, actor: Actor, reason: string): Promise<void> {
  const organisation = actor.principal.organisation;
  return appendAuditEvents(m, [changeEvent(actor, { subjectId: null, category: WEBHOOK_AUDIT_CATEGORY, holder: organisation, reason })]);
}

function toEndpoint(r: EndpointRow): WebhookEndpoint {
  return Object.assign(new WebhookEndpoint(), {
    id: r.id,
    url: r.url,
    eventTypes: textArray(r.event_types),
    purpose: r.purpose as Purpose,
    registeredAt: new Date(r.registered_at),
    disabledAt: dateOrNull(r.disabled_at),
  });
}

function toDelivery(r: DeliveryRow, attempts: readonly AttemptRow[]): WebhookDelivery {
  return Object.assign(new WebhookDelivery(), {
    id: r.id,
    endpointId: r.endpoint_id,
    organisation: r.organisation as OrganisationCode,
    eventId: r.event_id,
    eventType: r.event_type,
    status: r.status as WebhookDeliveryStatus,
    createdAt: new Date(r.created_at),
    nextAttemptAt: dateOrNull(r.next_attempt_at),
    deliveredAt: dateOrNull(r.delivered_at),
    deadAt: dateOrNull(r.dead_at),
    attempts: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) =>
        Object.assign(new WebhookAttempt(), {
          number: Number(a.n),
          attemptedAt: new Date(a.attempted_at),
          statusCode: a.status_code === null ? null : Number(a.status_code),
          error: a.error,
          durationMs: Number(a.duration_ms),
        }),
      ),
  });
}

/** An opaque cursor: the last delivery's creation time (to the microsecond the store keeps, as text) and id. */
const cursorOf = (r: DeliveryRow) => Buffer.from(`${new Date(r.created_at).toISOString()}|${r.id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !isUuid(id)) {
    throw appError(ErrorCode.INVALID_INPUT, "Not a cursor this list gave", { argument: "after" });
  }
  return { createdAt, id };
}
