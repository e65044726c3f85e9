import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderSchemas, SCHEMA_DIR, staleSchemaFiles } from "../gateway/compose";
import { breakingForOperations } from "../gateway/operations-check";

/**
 * `npm run schema`: writes schema/<subgraph>.graphql and schema/supergraph.graphql.
 * `npm run schema:check`: writes nothing, exits 1 naming every stale file.
 * Either exits 1 when an operation in schema/operations no longer validates
 * against the supergraph (a breaking change for the front ends built on it).
 */
async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const rendered = await renderSchemas();
  const stale = staleSchemaFiles(rendered);
  // A change the committed operations no longer validate against breaks the front ends built on them.
  const breaking = breakingForOperations(rendered["supergraph.graphql"] as string);
  if (breaking.length) {
    process.stderr.write(`The schema breaks operations in schema/operations:\n${breaking.map((b) => `  - ${b}`).join("\n")}\n`);
    process.exitCode = 1;
    if (check) return;
  }
  if (check) {
    if (stale.length) {
      process.stderr.write(`Stale generated schema (run \`npm run schema\`):\n${stale.map((s) => `  - schema/${s}`).join("\n")}\n`);
      process.exit(1);
    }
    if (!breaking.length) process.stdout.write("schema is up to date\n");
    return;
  }
  for (const name of stale) {
    writeFileSync(join(SCHEMA_DIR, name), rendered[name] as string);
    process.stdout.write(`wrote schema/${name}\n`);
  }
  if (!stale.length) process.stdout.write("schema is up to date\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
