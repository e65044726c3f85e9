import type { DataSource, EntityManager } from "typeorm";
import type { EventHandler } from "./bus";
import type { HubEvent } from "./event";

/**
 * Makes a handler idempotent: the event's id is recorded against the
 * consumer's name in the transaction that applies it (governance keeps the
 * record), so a second delivery of the same event (the relay or the broker
 * trying again after a crash) finds it there and changes nothing.
 */
export function handledOnce(dataSource: DataSource, consumer: string, apply: (m: EntityManager, event: HubEvent) => Promise<void>): EventHandler {
  return (event) =>
    dataSource.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO governance.event_handled (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, event.id],
      );
      if (inserted.length === 0) return;
      await apply(m, event);
    });
}
