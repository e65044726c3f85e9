import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, JetStreamClient, JetStreamManager, RetentionPolicy, StorageType } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import type { Logger } from "../logger";
import type { EventBus, EventHandler } from "./bus";
import { HubEvent, hubEventSchema } from "./event";

type NatsConnection = Awaited<ReturnType<typeof connect>>;

/** The stream every hub event is kept in, and the subjects it takes: casebridge.events.<source>.<type>. */
export const EVENT_STREAM = "CASEBRIDGE_EVENTS";
const SUBJECT_ROOT = "casebridge.events";
const NANOS_PER_MS = 1_000_000;
/** How long a consumer has to acknowledge an event before JetStream delivers it again (a consumer that died holding it). */
const ACK_WAIT_MS = 30_000;
/** How long JetStream remembers a message id to drop a second publish of it (a relay that published, then died before marking). */
const DUPLICATE_WINDOW_MS = 24 * 60 * 60_000;
/** How long before a failed event is tried again. */
const RETRY_DELAY_MS = 1_000;

export interface JetStreamOptions {
  servers: string;
  /** Another stream name keeps tests apart on one server. */
  stream?: string;
  /** How long before an unacknowledged event goes to the consumer again; tests that kill consumers shorten it. */
  ackWaitMs?: number;
  logger?: Logger;
}

/**
 * Events through NATS JetStream: `publish` resolves on the server's
 * acknowledgement that the event is stored (file storage), with the event's
 * id as its message id, so a relay that publishes one twice stores it once.
 * Durable consumers are pull consumers with explicit acks and one event in
 * flight at a time, so each sees the stream's order and a crash between
 * handling and acknowledging redelivers the event to an idempotent handler.
 */
export class JetStreamBus implements EventBus {
  private readonly stopping: (() => Promise<void>)[] = [];

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    readonly stream: string,
    private readonly logger?: Logger,
    private readonly ackWaitMs = ACK_WAIT_MS,
  ) {}

  static async connect(options: JetStreamOptions): Promise<JetStreamBus> {
    const stream = options.stream ?? EVENT_STREAM;
    const nc = await connect({ servers: options.servers.split(",").map((s) => s.trim()), name: "casebridge", maxReconnectAttempts: -1 });
    try {
      const jsm = await jetstreamManager(nc);
      const config = {
        name: stream,
        subjects: [`${subjectRoot(stream)}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: DUPLICATE_WINDOW_MS * NANOS_PER_MS,
      };
      try {
        await jsm.streams.info(stream);
        await jsm.streams.update(stream, config);
      } catch {
        await jsm.streams.add(config);
      }
      return new JetStreamBus(nc, jetstream(nc), jsm, stream, options.logger, options.ackWaitMs);
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  async publish(event: HubEvent): Promise<void> {
    const checked = hubEventSchema.parse(event);
    await this.js.publish(`${subjectRoot(this.stream)}.${checked.source}.${checked.type}`, JSON.stringify(checked), { msgID: checked.id });
  }

  async consume(name: string, handler: EventHandler): Promise<() => Promise<void>> {
    const durable = { durable_name: name, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, max_ack_pending: 1, ack_wait: this.ackWaitMs * NANOS_PER_MS };
    try {
      await this.jsm.consumers.info(this.stream, name);
    } catch {
      await this.jsm.consumers.add(this.stream, durable);
    }
    const consumer = await this.js.consumers.get(this.stream, name);
    const messages = await consumer.consume({ max_messages: 1 });
    const done = (async () => {
      for await (const m of messages) {
        let event: HubEvent;
        try {
          event = hubEventSchema.parse(m.json());
        } catch (error) {
          // Not an event this hub wrote: acknowledged, so it cannot block the consumer's order forever, and logged.
          this.logger?.error({ consumer: name, seq: m.seq, err: error instanceof Error ? error.message : String(error) }, "malformed event dropped");
          m.ack();
          continue;
        }
        try {
          await handler(event);
          await m.ackAck();
        } catch (error) {
          this.logger?.warn({ consumer: name, event: event.id, err: error instanceof Error ? error.message : String(error) }, "event consumer failed; redelivering");
          m.nak(RETRY_DELAY_MS);
        }
      }
    })();
    const stop = async () => {
      await messages.close();
      await done;
    };
    this.stopping.push(stop);
    return stop;
  }

  listen(listener: (event: HubEvent) => void): () => void {
    let closed = false;
    let close = async () => {};
    void (async () => {
      const consumer = await this.js.consumers.get(this.stream, { deliver_policy: DeliverPolicy.New });
      const messages = await consumer.consume();
      close = async () => {
        await messages.close();
      };
      if (closed) return close();
      for await (const m of messages) {
        try {
          listener(hubEventSchema.parse(m.json()));
        } catch (error) {
          this.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, "event listener failed");
        }
      }
    })().catch((error: unknown) => this.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, "event listener stopped"));
    return () => {
      closed = true;
      void close();
    };
  }

  async close(): Promise<void> {
    for (const stop of this.stopping.splice(0)) await stop().catch(() => undefined);
    await this.nc.drain().catch(() => this.nc.close());
  }
}

/** Each stream its own subjects: tests that name their own stream never see the hub's events. */
function subjectRoot(stream: string): string {
  return stream === EVENT_STREAM ? SUBJECT_ROOT : `${SUBJECT_ROOT}-${stream.toLowerCase()}`;
}
