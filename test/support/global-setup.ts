import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../src/platform/config";
import { hubStoreTemplate, standInTemplate } from "./hub";
import { TEMPLATES_ENV, testServerUrl } from "./store";

/**
 * A directory of this run's own for the embedded store's templates
 * (embeddedTemplate in ./store), so no run starts from a store that an older
 * checkout's migrations or seeds made. The workers inherit the variable;
 * global-teardown.ts removes the directory.
 *
 * The templates every run needs are built here, once, before any worker
 * starts: otherwise the first file of each worker builds them inside its
 * first beforeAll, which testTimeout bounds, both workers at once, while
 * each also compiles the sources cold. Only where the hubs' stores are
 * embedded: the empty store for the stand-ins that are databases and the
 * seeded hub store (on a PostgreSQL server, both are databases there). Any
 * other (the "migrated" one), or one a test asks for anyway, is built on
 * first use.
 */
export default async function setup(): Promise<void> {
  process.env[TEMPLATES_ENV] = mkdtempSync(join(tmpdir(), "casebridge-pglite-templates-"));
  if (testServerUrl()) return;
  await standInTemplate();
  await hubStoreTemplate(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }));
}
