import "reflect-metadata";
import { Config, ConfigError, loadConfig, SUBGRAPH_NAMES, SubgraphName } from "./platform/config";
import { createLogger } from "./platform/logger";
import type { RunningServer } from "./platform/http";
import { startTracing } from "./platform/tracing";

/**
 * `npm run serve -- <police|victims|partners|governance|insights|gateway>`:
 * one piece alone, as docker-compose runs them. A subgraph listens on its own
 * port; the gateway finds subgraphs at POLICE_URL, VICTIMS_URL, and so on.
 */
async function main(): Promise<void> {
  const piece = process.argv[2];
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Before the hub's modules load, so that http and pg are instrumented as they are first required.
  const tracing = await startTracing({ otlp: config.tracing.otlp, serviceName: config.tracing.serviceName ?? `casebridge-${piece ?? "piece"}` });
  const { countAuditBatches, governancePortFor, hubMetrics, prepareDatabase, startGateway, startSubgraph } = await import("./hub");
  const { startSources } = await import("./sources");
  const { createEventBus } = await import("./platform/events");
  let running: RunningServer;
  let closeDb = async () => {};
  if (piece === "gateway") {
    // The worklist stream hears of changes from the subgraphs' processes through the broker.
    const bus = config.events.natsUrl ? await createEventBus(config, logger) : undefined;
    if (!bus) logger.warn("EVENTS_NATS_URL is unset: the gateway serves no worklist stream");
    closeDb = async () => {
      await bus?.close();
    };
    running = await startGateway(gatewayUrls(config), config, logger, config.gatewayPort, undefined, bus);
  } else if ((SUBGRAPH_NAMES as readonly string[]).includes(piece ?? "")) {
    const name = piece as SubgraphName;
    const db = await prepareDatabase(config, [name], logger);
    // Run alone, a subgraph serves its own /metrics: its sources, its audit, its refresh.
    const metrics = hubMetrics();
    countAuditBatches(db, metrics);
    const sources = await startSources(config.sources, logger, {}, {}, metrics);
    // Apart from the others, a subgraph's events reach their consumers (in other processes) only through a broker.
    if (!config.events.natsUrl) logger.warn({ piece }, "EVENTS_NATS_URL is unset: this piece's events reach only consumers in its own process");
    const bus = await createEventBus(config, logger);
    closeDb = async () => {
      await bus.close();
      await sources.close();
      await db.close();
    };
    running = await startSubgraph(name, db, config, logger, config.subgraphPorts[name], sources, "guarded", { metrics, serveMetrics: true }, { bus }, governancePortFor(name, db, config));
  } else {
    throw new ConfigError([`serve: name one of ${[...SUBGRAPH_NAMES, "gateway"].join(", ")} (got ${JSON.stringify(piece ?? "")})`]);
  }
  logger.info({ piece, url: running.url }, "serving");
  const stop = async () => {
    await running.close();
    await closeDb();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

function gatewayUrls(config: Config): Record<SubgraphName, string> {
  const missing = SUBGRAPH_NAMES.filter((name) => !config.subgraphUrls[name]);
  if (missing.length) throw new ConfigError(missing.map((name) => `${name.toUpperCase()}_URL: required to run the gateway alone`));
  return config.subgraphUrls as Record<SubgraphName, string>;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
