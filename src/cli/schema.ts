import "reflect-metadata";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderSchemas, SCHEMA_DIR } from "../gateway/compose";

/**
 * `npm run schema`: writes schema/<subgraph>.graphql and schema/supergraph.graphql.
 * `npm run schema -- --check`: writes nothing, exits 1 naming every stale file.
 */
async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const files = await renderSchemas();
  const stale: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(SCHEMA_DIR, name);
    const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (current === content) continue;
    if (check) stale.push(`schema/${name}`);
    else {
      writeFileSync(path, content);
      process.stdout.write(`wrote schema/${name}\n`);
    }
  }
  if (stale.length) {
    process.stderr.write(`Stale generated schema (run \`npm run schema\`):\n${stale.map((s) => `  - ${s}`).join("\n")}\n`);
    process.exit(1);
  }
  if (check) process.stdout.write("schema is up to date\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
