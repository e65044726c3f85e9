import { generate } from "@graphql-codegen/cli";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import config, { GENERATED_DIR } from "../../codegen";
import { APOLLO_MANIFEST_PATH, documentsOf, readManifest, renderApolloManifest } from "../gateway/persisted-manifest";
import { MANIFEST_PATH } from "../gateway/safelist";
import { ROOT, staleSdkFiles } from "../sdk/codegen";

/**
 * `npm run codegen:check`: writes nothing, exits 1 naming every stale file in
 * src/sdk/generated. `--render [--documents <glob>]...` prints what codegen
 * would write as JSON (path → content), for the staleness test.
 * (`npm run codegen` is the graphql-codegen CLI over codegen.ts, then
 * `--apollo-manifest`, which writes the persisted operations again in Apollo's
 * manifest format, schema/persisted-query-manifest.json; the check covers it.)
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--apollo-manifest")) {
    // After graphql-codegen: the same persisted operations in Apollo's manifest format.
    writeFileSync(APOLLO_MANIFEST_PATH, renderApolloManifest(readManifest(MANIFEST_PATH)));
    process.stdout.write(`wrote ${relative(ROOT, APOLLO_MANIFEST_PATH)}\n`);
    return;
  }
  const documents = args.flatMap((arg, i) => (arg === "--documents" && args[i + 1] ? [args[i + 1] as string] : []));
  const outputs: { filename: string; content: string }[] = await generate(
    { ...config, ...(documents.length ? { documents } : {}), cwd: ROOT, silent: true, errorsOnly: true },
    false,
  );
  const rendered = Object.fromEntries(outputs.map((o) => [relative(ROOT, join(ROOT, o.filename)), o.content]));
  if (args.includes("--render")) {
    process.stdout.write(JSON.stringify(rendered));
    return;
  }
  const stale = staleSdkFiles(rendered);
  const persisted = rendered[join(GENERATED_DIR, "persisted-documents.json")];
  if (persisted !== undefined && (!existsSync(APOLLO_MANIFEST_PATH) || readFileSync(APOLLO_MANIFEST_PATH, "utf8") !== renderApolloManifest(documentsOf(JSON.parse(persisted))))) {
    stale.push(relative(ROOT, APOLLO_MANIFEST_PATH));
  }
  if (stale.length) {
    process.stderr.write(`Stale generated SDK (run \`npm run codegen\`):\n${stale.map((s) => `  - ${s}`).join("\n")}\n`);
    process.exit(1);
  }
  process.stdout.write("generated SDK is up to date\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
