import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { EventRecordType } from "../../../platform/events/event";
import { Purpose } from "../../../platform/principal";
import { NonPersonal, PersonalData, SubjectSystem } from "../../../policy/sensitive";
import { addresseeOfRecord, existenceOfRecord } from "../worklist/worklist.types";

/** Where a delivery stands: queued or waiting to retry, received by the endpoint, or given up on (a dead letter). */
export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  DEAD = "DEAD",
}
registerEnumType(WebhookDeliveryStatus, { name: "WebhookDeliveryStatus", description: "Where a webhook delivery stands" });

/**
 * An event as told to one of its parties' endpoints: not a GraphQL type,
 * the record the access decision is made about before anything is queued.
 * It names its record as a worklist item does, and is decided the same way
 * (the same holder, existence and addressee rules), so an organisation's
 * system is told by webhook exactly what its worklist would show it.
 */
@PersonalData<EventNotice>("EventNotice", {
  subject: (n) => (n.caseId ? { system: SubjectSystem.GMVS_CASE, ref: n.caseId } : null),
  holder: (n) => n.holder,
  existence: (n) => existenceOfRecord(n.recordType),
  addressee: (n) => addresseeOfRecord(n.recordType, n.organisation),
  reference: (n) => `${n.recordType}:${n.recordId}`,
})
export class EventNotice {
  organisation!: OrganisationCode;
  holder!: OrganisationCode;
  caseId!: string | null;
  recordType!: EventRecordType;
  recordId!: string;
}

@NonPersonal("WebhookEndpoint", "an organisation's own integration settings: where its system listens and for which event types")
@ObjectType({ description: "Where your organisation's system is sent signed webhooks" })
export class WebhookEndpoint {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The https URL events are POSTed to" })
  url!: string;

  @Field(() => [String], { description: "The event types sent; every type when empty" })
  eventTypes!: string[];

  @Field(() => Purpose, { description: "The purpose the endpoint's system is told of records for: the access decision for each event is made for it" })
  purpose!: Purpose;

  @Field()
  registeredAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it was disabled; null while events are sent to it" })
  disabledAt!: Date | null;
}

@NonPersonal("RegisteredWebhookEndpoint", "the endpoint and its signing secret, given once to the administrator who registered it")
@ObjectType({ description: "A newly registered endpoint and its signing secret: keep the secret now, it is never shown again" })
export class RegisteredWebhookEndpoint {
  @Field(() => WebhookEndpoint)
  endpoint!: WebhookEndpoint;

  @Field({ description: "The Standard Webhooks signing secret (whsec_...): verify each delivery's webhook-signature with it" })
  secret!: string;
}

@NonPersonal("WebhookAttempt", "one try at a delivery: when, the HTTP status the endpoint answered or why it failed")
@ObjectType({ description: "One attempt to deliver a webhook" })
export class WebhookAttempt {
  @Field(() => Int)
  number!: number;

  @Field()
  attemptedAt!: Date;

  @Field(() => Int, { nullable: true, description: "The HTTP status the endpoint answered; null where none came (timeout, refused connection)" })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: "Why the attempt failed; null where it succeeded" })
  error!: string | null;

  @Field(() => Int)
  durationMs!: number;
}

@NonPersonal(
  "WebhookDelivery",
  "names the event by its id and type only, never the case or record it is about: what was sent is read at the endpoint, and the record through GraphQL where the policy allows",
)
@ObjectType({ description: "One event queued for one of your endpoints, and every attempt to deliver it" })
export class WebhookDelivery {
  /** Not a GraphQL field: whose endpoint. */
  organisation!: OrganisationCode;

  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  endpointId!: string;

  @Field(() => ID, { description: "The event's id, sent as webhook-id: the same on every attempt, so a receiver can drop a repeat" })
  eventId!: string;

  @Field()
  eventType!: string;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the next attempt is due, while pending" })
  nextAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the retry schedule ran out" })
  deadAt!: Date | null;

  @Field(() => [WebhookAttempt], { description: "Every attempt, oldest first" })
  attempts!: WebhookAttempt[];
}

@NonPersonal("WebhookDeliveryPage", "a page's position over the caller's own deliveries")
@ObjectType({ description: "A page of your organisation's webhook deliveries, newest first" })
export class WebhookDeliveryPage {
  @Field(() => [WebhookDelivery])
  items!: WebhookDelivery[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page" })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@InputType({ description: "A webhook endpoint to register for your organisation" })
export class RegisterWebhookEndpointInput {
  @Field({ description: "https URL of your system's receiver" })
  url!: string;

  @Field(() => [String], { defaultValue: [], description: "Event types to send (e.g. REFERRAL_SENT); every type when empty" })
  eventTypes!: string[];

  @Field(() => Purpose, { defaultValue: Purpose.SUPPORT, description: "What your system uses the events for: an event is sent only where the agreements cover it for this purpose" })
  purpose!: Purpose;
}
