import "reflect-metadata";
import { appendFileSync } from "node:fs";
import { DataSource } from "typeorm";
import { EventBus, InProcessBus } from "../../src/platform/events/bus";
import { handledOnce } from "../../src/platform/events/consumer";
import { JetStreamBus } from "../../src/platform/events/jetstream";
import { OutboxRelay } from "../../src/platform/events/outbox";
import { applyToWorklists } from "../../src/subgraphs/governance/worklist/worklist.projection";
import { GovernanceCommandRelay } from "../../src/policy/governance-commands";
import { SqlGovernance } from "../../src/subgraphs/governance/port/sql-governance";

/**
 * One process of the kill test (test/events-kill.test.ts): the victims
 * outbox's relay, governance's worklist consumer, or both, over the test's
 * store and (where one is configured) NATS JetStream. Every delivery the
 * consumer is handed is appended to a log before it is applied, so the test
 * can count redeliveries. Killed at random by the test; never stops itself.
 */
const [role, databaseUrl, natsUrl, stream, log] = process.argv.slice(2) as [string, string, string, string, string];
export const KILL_TEST_CONSUMER = "kill-test-worklist";

async function main(): Promise<void> {
  const dataSource = new DataSource({ type: "postgres", url: databaseUrl, entities: [], extra: { max: 1 } });
  await dataSource.initialize();
  const bus: EventBus = natsUrl ? await JetStreamBus.connect({ servers: natsUrl, stream, ackWaitMs: 1_000 }) : new InProcessBus();
  if (role === "consumer" || role === "both") {
    const apply = handledOnce(dataSource, KILL_TEST_CONSUMER, applyToWorklists);
    await bus.consume(KILL_TEST_CONSUMER, async (event) => {
      appendFileSync(log, `${event.id}\n`);
      await apply(event);
    });
  }
  if (role === "relay" || role === "both") new OutboxRelay(dataSource, "victims", bus, { idleMs: 20, batch: 5 }).start();
  // Every process also sends the victims' commands to governance, so two senders contend for the outbox's lease as
  // replicas would; a short lease, so a sender killed holding it is taken over within the test's time.
  new GovernanceCommandRelay(dataSource, "victims", new SqlGovernance(dataSource), { idleMs: 20, batch: 5, leaseSeconds: 1 }).start();
  process.stdout.write("ready\n");
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
