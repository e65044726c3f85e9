import type { Logger } from "../logger";
import { HubEvent, hubEventSchema } from "./event";

/** Handles one event; throws to have it delivered again later. Must be idempotent: delivery is at least once. */
export type EventHandler = (event: HubEvent) => Promise<void>;

/**
 * Where events go once their change has committed. Two implementations with
 * one contract: in process (the embedded default, InProcessBus) and NATS
 * JetStream (production, jetstream.ts). Either way: at least once, and a
 * durable consumer sees events in the order they were published.
 */
export interface EventBus {
  /** Resolves once the event is safe: stored by the broker, or handled by every consumer in process. */
  publish(event: HubEvent): Promise<void>;
  /**
   * A durable consumer: `name` keeps its place across restarts (the broker
   * remembers what it acknowledged); one event at a time, in order; an event
   * whose handler throws is delivered again after a pause.
   */
  consume(name: string, handler: EventHandler): Promise<() => Promise<void>>;
  /** Live events from now on, for subscriptions; nothing is replayed and a slow listener is not waited for. */
  listen(listener: (event: HubEvent) => void): () => void;
  close(): Promise<void>;
}

/** How many times the in-process bus tries a consumer before leaving the event to the relay's next round. */
const IN_PROCESS_ATTEMPTS = 3;

/**
 * The embedded default: one process, no broker. `publish` hands the event to
 * every durable consumer in turn and resolves once each has handled it, so
 * the relay marks an event published only after its consumers are done: a
 * process killed in between publishes it again on restart, and the
 * consumers, idempotent, change nothing the second time. Each consumer runs
 * one event at a time (publishes from several outboxes queue behind it).
 */
export class InProcessBus implements EventBus {
  private readonly consumers = new Map<string, { handler: EventHandler; queue: Promise<void> }>();
  private readonly listeners = new Set<(event: HubEvent) => void>();

  constructor(private readonly logger?: Logger) {}

  async publish(event: HubEvent): Promise<void> {
    const checked = hubEventSchema.parse(event);
    for (const [name, consumer] of this.consumers) {
      const run = consumer.queue.then(() => this.deliver(name, consumer.handler, checked));
      consumer.queue = run.catch(() => undefined);
      await run;
    }
    for (const listener of this.listeners) {
      try {
        listener(checked);
      } catch (error) {
        this.logger?.warn({ err: error instanceof Error ? error.message : String(error) }, "event listener failed");
      }
    }
  }

  private async deliver(name: string, handler: EventHandler, event: HubEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await handler(event);
      } catch (error) {
        if (attempt >= IN_PROCESS_ATTEMPTS) throw error;
        this.logger?.warn({ consumer: name, event: event.id, attempt, err: error instanceof Error ? error.message : String(error) }, "event consumer failed; retrying");
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  async consume(name: string, handler: EventHandler): Promise<() => Promise<void>> {
    if (this.consumers.has(name)) throw new Error(`event consumer ${name} is already registered`);
    const consumer = { handler, queue: Promise.resolve() };
    this.consumers.set(name, consumer);
    return async () => {
      this.consumers.delete(name);
      await consumer.queue;
    };
  }

  listen(listener: (event: HubEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers.values()].map((c) => c.queue));
    this.consumers.clear();
    this.listeners.clear();
  }
}
