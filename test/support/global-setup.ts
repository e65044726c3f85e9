import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEMPLATES_ENV } from "./store";

/**
 * A directory of this run's own for the embedded store's templates
 * (embeddedTemplate in ./store), so no run starts from a store that an older
 * checkout's migrations or seeds made. The workers inherit the variable;
 * global-teardown.ts removes the directory.
 */
export default async function setup(): Promise<void> {
  process.env[TEMPLATES_ENV] = mkdtempSync(join(tmpdir(), "casebridge-pglite-templates-"));
}
