import type { Config } from "../config";
import type { Logger } from "../logger";
import { EventBus, InProcessBus } from "./bus";
import { JetStreamBus } from "./jetstream";

/** The process's bus: NATS JetStream where EVENTS_NATS_URL names servers, else in process. */
export async function createEventBus(config: Pick<Config, "events">, logger: Logger): Promise<EventBus> {
  if (!config.events.natsUrl) return new InProcessBus(logger.child({ component: "events" }));
  const bus = await JetStreamBus.connect({ servers: config.events.natsUrl, stream: config.events.stream, logger: logger.child({ component: "events" }) });
  logger.info({ stream: bus.stream }, "events through NATS JetStream");
  return bus;
}

export type { EventBus, EventHandler } from "./bus";
export { OutboxRelay, emitEvents } from "./outbox";
