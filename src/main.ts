import "reflect-metadata";
import { startHub } from "./hub";
import { ConfigError, loadConfig } from "./platform/config";
import { createLogger } from "./platform/logger";

/** `npm start`: the gateway and every subgraph in one process on one store. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const hub = await startHub(config, logger);
  const shownUrl = hub.url.replace("127.0.0.1", "localhost");
  logger.info({ url: shownUrl }, "Casebridge is ready");
  process.stdout.write(`\nCasebridge is ready: ${shownUrl}\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    await hub.close();
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
