import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RunResult } from "../test/differential/run";
import { installMutant, MUTANTS } from "../test/differential/mutants";

/**
 * `npm run oracle -- --requests 100000 [--seed N] [--out bench/oracle-results]`:
 * the differential test (test/differential) at any size, on one hub (PGlite,
 * or TEST_DATABASE_URL / DATABASE_URL). Writes the count, seed, duration and
 * every disagreement to <out>.json, and a summary to <out>.md. Exits 1 on
 * any disagreement. `--minutes M` stops after M minutes with what it reached;
 * `--log-level error` lets the hub log (to stdout) while it runs.
 *
 * `npm run oracle -- --mutants [--requests 4000]`: the mutation harness. Each
 * single-condition removal in test/differential/mutants.ts runs in a process
 * of its own (`--mutant <name>`), until the first disagreement or the given
 * number of requests; writes bench/oracle-mutants.{md,json}. Exits 1 if a
 * mutant not marked equivalent survives.
 */

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

async function run(requests: number, seed: number, stopAtFirst: boolean, deadline?: number): Promise<RunResult> {
  // Loaded only now, so a mutant installed before is the module the hub gets.
  const { startTestHub } = await import("../test/support/hub");
  const { DIFFERENTIAL_ENV, runDifferential } = await import("../test/differential/run");
  // The hub is silent unless asked (`--log-level error` shows why a request failed).
  const hub = await startTestHub({ ...DIFFERENTIAL_ENV, LOG_LEVEL: arg("log-level") ?? "silent" });
  let last = Date.now();
  try {
    return await runDifferential(hub, {
      seed,
      requests,
      stopAtFirst,
      deadline,
      onProgress: (done) => {
        if (Date.now() - last > 30_000) {
          last = Date.now();
          process.stderr.write(`${done}/${requests}\n`);
        }
      },
    });
  } finally {
    await hub.close();
  }
}

async function differential(): Promise<number> {
  const requests = Number(arg("requests") ?? 100_000);
  const seed = Number(arg("seed") ?? Date.now() % 1_000_000);
  const out = arg("out") ?? join(__dirname, "oracle-results");
  const minutes = arg("minutes");
  const result = await run(requests, seed, false, minutes ? Date.now() + Number(minutes) * 60_000 : undefined);
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
    result.disagreements.length ? `Disagreements: ${result.disagreements.length}, each in full in ${out.split("/").pop()}.json.` : "No disagreements.",
    "",
  ];
  writeFileSync(`${out}.md`, lines.join("\n"));
  process.stdout.write(lines.join("\n"));
  return result.disagreements.length ? 1 : 0;
}

/** In a process of its own: one mutant, one run, one line of JSON on stdout. */
async function oneMutant(name: string): Promise<number> {
  const mutant = MUTANTS.find((m) => m.name === name);
  if (!mutant) throw new Error(`no mutant named ${name}`);
  installMutant(mutant);
  const result = await run(Number(arg("requests") ?? 4000), Number(arg("seed") ?? 1), true);
  const first = result.disagreements[0];
  process.stdout.write(`\nMUTANT-RESULT ${JSON.stringify({ name, requests: result.requests, ms: result.ms, killed: Boolean(first), first: first && { kind: first.kind, caller: first.caller, query: first.query, variables: first.variables, expected: first.expected, actual: first.actual } })}\n`);
  return 0;
}

function mutants(): number {
  const requests = arg("requests") ?? "4000";
  const seed = arg("seed") ?? "1";
  const only = arg("only");
  type Result = { name: string; equivalent?: string; requests: number; ms: number; killed: boolean; error?: string; first?: { kind: string; query: string; caller: unknown; expected: string; actual: string } };
  const out = join(__dirname, "oracle-mutants");
  // With --only, the other mutants keep their last recorded results.
  const kept: Result[] = only && existsSync(`${out}.json`) ? JSON.parse(readFileSync(`${out}.json`, "utf8")) : [];
  const fresh: Result[] = [];
  for (const mutant of MUTANTS.filter((m) => !only || m.name.includes(only))) {
    process.stderr.write(`mutant: ${mutant.name} ... `);
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, "--mutant", mutant.name, "--requests", requests, "--seed", seed], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const line = child.stdout.split("\n").find((l) => l.startsWith("MUTANT-RESULT "));
    const parsed = line ? JSON.parse(line.slice("MUTANT-RESULT ".length)) : { name: mutant.name, requests: 0, ms: 0, killed: false, error: child.stderr.slice(-2000) };
    fresh.push(parsed);
    process.stderr.write(parsed.error ? "ERROR\n" : parsed.killed ? `killed after ${parsed.requests} requests\n` : `survived ${parsed.requests} requests\n`);
  }
  const results = MUTANTS.flatMap((m) => {
    const r = fresh.find((x) => x.name === m.name) ?? kept.find((x) => x.name === m.name);
    return r ? [{ ...r, equivalent: m.equivalent }] : [];
  });
  writeFileSync(`${out}.json`, JSON.stringify(results, null, 2) + "\n");
  const lines = [
    "# Mutation harness for the differential test",
    "",
    `\`npm run oracle -- --mutants --requests ${requests} --seed ${seed}\`: each single-condition removal from the access policy (test/differential/mutants.ts) in a hub of its own, run until the oracle first disagrees or ${requests} requests pass. A mutant the oracle cannot see is listed with why (an equivalent mutant).`,
    "",
    "| mutant | result | requests to the first disagreement | first disagreement |",
    "|---|---|---|---|",
    ...results.map((r) => `| ${r.name} | ${r.error ? "error" : r.killed ? "killed" : r.equivalent ? `survived (equivalent: ${r.equivalent})` : "**survived**"} | ${r.requests} | ${r.first ? `${r.first.kind}: \`${r.first.query.replace(/\|/g, "\\|").slice(0, 160)}\`` : ""} |`),
    "",
  ];
  writeFileSync(`${out}.md`, lines.join("\n"));
  process.stdout.write(lines.join("\n"));
  return results.some((r) => r.error || (!r.killed && !r.equivalent)) ? 1 : 0;
}

const main = async () => (arg("mutant") ? oneMutant(arg("mutant") as string) : flag("mutants") ? mutants() : differential());
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
