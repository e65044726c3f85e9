import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startTestHub } from "../test/support/hub";
import { runDifferential, RunResult } from "../test/differential/run";

/**
 * `npm run oracle -- --requests 100000 [--seed N] [--out bench/oracle-results]`:
 * the differential test (test/differential) at any size, on one hub (PGlite,
 * or TEST_DATABASE_URL / DATABASE_URL). Writes the count, seed, duration and
 * every disagreement to <out>.json, and a summary to <out>.md. Exits 1 on
 * any disagreement.
 */

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const requests = Number(arg("requests") ?? 100_000);
  const seed = Number(arg("seed") ?? Date.now() % 1_000_000);
  const out = arg("out") ?? join(__dirname, "oracle-results");
  const hub = await startTestHub();
  let last = Date.now();
  let result: RunResult;
  try {
    result = await runDifferential(hub, {
      seed,
      requests,
      onProgress: (done) => {
        if (Date.now() - last > 10_000) {
          last = Date.now();
          process.stderr.write(`${done}/${requests}\n`);
        }
      },
    });
  } finally {
    await hub.close();
  }
  const rate = result.requests / (result.ms / 1000);
  const store = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
  writeFileSync(`${out}.json`, JSON.stringify({ seed, store, ...result, ratePerSecond: Math.round(rate * 10) / 10 }, null, 2) + "\n");
  const lines = [
    "# Differential test against the oracle",
    "",
    "`npm run oracle -- --requests N --seed S`: random worlds and requests (test/differential), every answer compared with the oracle's.",
    "",
    `| requests | worlds | seed | store | duration | rate | disagreements |`,
    `|---|---|---|---|---|---|---|`,
    `| ${result.requests} | ${result.worlds} | ${seed} | ${store} | ${(result.ms / 1000).toFixed(1)} s | ${rate.toFixed(1)}/s | ${result.disagreements.length} |`,
    "",
    "Requests by kind:",
    "",
    ...Object.entries(result.kinds)
      .sort()
      .map(([kind, n]) => `- ${kind}: ${n}`),
    "",
    `Answers with at least one refused field (FORBIDDEN): ${result.refusals}; showing at least one record: ${result.showing}; withholding at least one record that exists: ${result.withholding}.`,
    "",
    result.disagreements.length ? `Disagreements: see ${out.split("/").pop()}.json.` : "No disagreements.",
    "",
  ];
  writeFileSync(`${out}.md`, lines.join("\n"));
  process.stdout.write(lines.join("\n"));
  process.exit(result.disagreements.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
