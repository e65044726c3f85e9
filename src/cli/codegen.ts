import { generate } from "@graphql-codegen/cli";
import { join, relative } from "node:path";
import config from "../../codegen";
import { ROOT, staleSdkFiles } from "../sdk/codegen";

/**
 * `npm run codegen:check`: writes nothing, exits 1 naming every stale file in
 * src/sdk/generated. `--render [--documents <glob>]...` prints what codegen
 * would write as JSON (path → content), for the staleness test.
 * (`npm run codegen` itself is the graphql-codegen CLI over codegen.ts.)
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
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
