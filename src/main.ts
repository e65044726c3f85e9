import "reflect-metadata";
import { ConfigError, loadConfig } from "./platform/config";
import { createLogger } from "./platform/logger";
import { startTracing } from "./platform/tracing";

/** `npm start`: the gateway and every subgraph in one process on one store. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Before the hub's modules load, so that http and pg are instrumented as they are first required.
  const tracing = await startTracing({ otlp: config.tracing.otlp, serviceName: config.tracing.serviceName ?? "casebridge" });
  const { startHub } = await import("./hub");
  const { cachedEmptyDataDir, startsEmpty } = await import("./platform/pglite-cache");
  // Embedded stores (the hub's, and the stand-ins' that are databases) start from a kept empty data directory, not
  // initdb each; where every store is a PostgreSQL server there is none to start.
  const embedded = !config.databaseUrl || !config.sources.challenger.databaseUrl;
  const emptyDataDir = embedded ? await cachedEmptyDataDir(config.pgliteCacheDir, logger) : undefined;
  const hub = await startHub(config, logger, { emptyDataDir, pgliteTemplate: emptyDataDir && startsEmpty(config.pgliteDataDir) ? emptyDataDir : undefined });
  const shownUrl = hub.url.replace("127.0.0.1", "localhost");
  logger.info({ url: shownUrl, tracing: tracing ? "otlp" : "off" }, "Casebridge is ready");
  process.stdout.write(`\nCasebridge is ready: ${shownUrl}\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    try {
      await hub.close();
      await tracing?.shutdown();
    } catch (error) {
      logger.error({ err: error }, "shutdown failed");
      process.exit(1);
    }
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Casebridge failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
