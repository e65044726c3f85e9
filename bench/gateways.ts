import { ChildProcess, execSync, fork } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { largeId, largeSizes, pankhurstSharedCases } from "./large-data";
import { assertWholeView, CaseView, challengerDatabase, percentiles, persistedOperation } from "./load";
import type { GatewaysReady } from "./gateways-hub";

/**
 * `npm run bench:gateways`: @apollo/gateway (the hub's) against Hive Gateway
 * (bench/hive-gateway.ts, with its JavaScript planner and with its Rust
 * planner) over the same committed supergraph and the same running
 * subgraphs (bench/gateways-hub.ts, a process of its own), in one run.
 *
 * The shared case view (schema/operations/shared-case-view.graphql) at 1,
 * 10 and 50 connections, each request from a different Pankhurst
 * caseworker's token for a different case, so that no gateway can answer
 * two requests with one subgraph call. The runs are interleaved: every
 * round goes through each connection count, the gateways in a rotating
 * order, so that the machine's load (2 cores, shared) falls on all alike;
 * the load average is recorded around every run. Every gateway's answer for
 * sample cases is checked whole and equal to the others' before measuring,
 * and the report is written only when no request failed.
 *
 * Writes bench/gateway-comparison.md. BENCH_ROUNDS (default 2),
 * BENCH_DURATION seconds per run (default 10), DATABASE_URL for a
 * PostgreSQL server (else PGlite), SEED_LARGE_SCALE (default 0.02).
 */

const LEVELS = [1, 10, 50] as const;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 5);
const CASE_POOL = 3_000;
const REPORT = join(__dirname, "gateway-comparison.md");
/** "Clearly better": at least this much more throughput at 10 and at 50 connections, with p95 no worse. */
const CLEARLY_BETTER = 1.2;

type GatewayKey = "apollo" | "hive" | "hiveRust";
const GATEWAYS: GatewayKey[] = ["apollo", "hive", "hiveRust"];

const version = (pkg: string) => (JSON.parse(readFileSync(join(__dirname, "..", "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
const NAMES: Record<GatewayKey, string> = {
  apollo: `@apollo/gateway ${version("@apollo/gateway")}`,
  hive: `Hive Gateway ${version("@graphql-hive/gateway-runtime")} (JavaScript planner)`,
  hiveRust: `Hive Gateway ${version("@graphql-hive/gateway-runtime")} (Rust planner, router-runtime ${version("@graphql-hive/router-runtime")})`,
};

const ONE = persistedOperation("SharedCaseView");

interface Run {
  requests: number;
  latencies: number[];
  seconds: number;
  non2xx: number;
  transportErrors: number;
  bodyErrors: number;
  errorSamples: string[];
  load: number[];
}

const emptyRun = (): Run => ({ requests: 0, latencies: [], seconds: 0, non2xx: 0, transportErrors: 0, bodyErrors: 0, errorSamples: [], load: [] });

function startHub(env: Record<string, string>): Promise<{ ready: GatewaysReady; stop(): Promise<void> }> {
  const child: ChildProcess = fork(join(__dirname, "gateways-hub.ts"), [], {
    execArgv: ["-r", "ts-node/register/transpile-only"],
    env: { ...process.env, ...env, NODE_ENV: "test" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`hub process exited (${code}) before it was ready`)));
    child.on("message", (message: { ready?: GatewaysReady }) => {
      if (!message.ready) return;
      resolve({
        ready: message.ready,
        stop: () =>
          new Promise((done) => {
            child.once("exit", () => done());
            child.send({ id: 0, method: "stop" });
          }),
      });
    });
  });
}

async function caseView(url: string, token: string, id: string): Promise<CaseView> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: ONE, variables: { id } }),
  });
  const body = (await response.json()) as { data?: { case?: CaseView }; errors?: unknown[] };
  if (response.status !== 200 || body.errors) throw new Error(`${url} SharedCaseView ${id}: HTTP ${response.status}, errors ${JSON.stringify(body.errors)?.slice(0, 1000)}`);
  assertWholeView(body.data?.case, `${url} SharedCaseView`);
  return body.data!.case!;
}

/** Every gateway gives the same, whole answer for the first, middle and last case, each asked by a different user. */
async function checkAnswers(ready: GatewaysReady, ids: readonly string[]): Promise<void> {
  for (const [i, id] of [ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]].entries()) {
    const [apollo, ...others] = await Promise.all(GATEWAYS.map((g) => caseView(ready[g], ready.tokens[i], id)));
    for (const [j, other] of others.entries()) {
      if (JSON.stringify(other) !== JSON.stringify(apollo)) throw new Error(`case ${id}: ${NAMES[GATEWAYS[j + 1]]} answers differently from ${NAMES.apollo}`);
    }
  }
}

async function load(url: string, ready: GatewaysReady, ids: readonly string[], connections: number, durationS: number, into: Run): Promise<void> {
  let n = 0;
  const loadBefore = loadavg()[0];
  const options: autocannon.Options = {
    url,
    connections,
    duration: durationS,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        // A different user and a different case on every request.
        setupRequest: (request) => {
          const i = n++;
          return {
            ...request,
            headers: { ...request.headers, authorization: `Bearer ${ready.tokens[i % ready.tokens.length]}` },
            body: JSON.stringify({ query: ONE, variables: { id: ids[(i * 7) % ids.length] } }),
          };
        },
        onResponse: (_status: number, body: string) => {
          if (body.includes('"errors"')) {
            into.bodyErrors++;
            if (into.errorSamples.length < 3) into.errorSamples.push(body.slice(body.indexOf('"errors"'), body.indexOf('"errors"') + 400));
          }
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => into.latencies.push(responseTime));
  });
  into.requests = into.latencies.length;
  into.seconds += durationS;
  into.non2xx += result.non2xx;
  into.transportErrors += result.errors + result.timeouts;
  into.load.push(loadBefore, loadavg()[0]);
}

// ---------------------------------------------------------------- the report

interface Row {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  load: number;
}

function summarise(run: Run): Row {
  return { rps: run.requests / run.seconds, ...percentiles(run.latencies), requests: run.requests, load: run.load.reduce((a, b) => a + b, 0) / run.load.length };
}

const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);
const pct = (ratio: number) => `${ratio >= 1 ? "+" : ""}${f0((ratio - 1) * 100)}%`;

function report(input: { store: string; challenger: boolean; rows: Record<GatewayKey, Record<number, Row>>; loadAtEnd: number[]; started: Date; users: number; cases: number }): string {
  const { rows } = input;
  const commit = (() => {
    try {
      return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
    } catch {
      return "unknown";
    }
  })();
  const table = LEVELS.map((c) =>
    GATEWAYS.map((g) => {
      const r = rows[g][c];
      return `| ${c} | ${NAMES[g]} | ${f0(r.rps)} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.p99)} | ${r.requests} | ${r.load.toFixed(1)} |`;
    }).join("\n"),
  ).join("\n");
  const compare = (g: GatewayKey) =>
    LEVELS.map((c) => {
      const a = rows.apollo[c];
      const b = rows[g][c];
      return `at ${c} connection${c === 1 ? "" : "s"} ${f0(b.rps)} against ${f0(a.rps)} requests/s (${pct(b.rps / a.rps)}), p95 ${f1(b.p95)} against ${f1(a.p95)} ms (${pct(b.p95 / a.p95)})`;
    }).join("; ");
  const clearlyBetter = (g: GatewayKey) => [10, 50].every((c) => rows[g][c].rps >= CLEARLY_BETTER * rows.apollo[c].rps && rows[g][c].p95 <= rows.apollo[c].p95);
  const best = GATEWAYS.filter((g) => g !== "apollo" && clearlyBetter(g));
  const verdict = best.length
    ? `By this run, ${best.map((g) => NAMES[g]).join(" and ")} ${best.length > 1 ? "are" : "is"} clearly better than ${NAMES.apollo}: at least ${pct(CLEARLY_BETTER)} throughput at 10 and at 50 connections with p95 no worse.`
    : `By this run, no Hive Gateway configuration is clearly better than ${NAMES.apollo} (the bar: at least ${pct(CLEARLY_BETTER)} throughput at 10 and at 50 connections with p95 no worse), so the hub keeps @apollo/gateway.`;
  return `# Gateways compared: the shared case view

Written by \`npm run bench:gateways\` (bench/gateways.ts) on ${input.started.toISOString()}.

- Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, commit ${commit}; shared with other work, so the load average is in the table (1-minute, averaged over the starts and ends of that gateway's runs at that level); at the end of the run ${input.loadAtEnd.map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min).
- Store: ${input.store}${input.challenger ? `; Challenger's case database in a database of its own on the same server` : ""}. One process holds the five subgraphs, the source stand-ins (police records API and Pankhurst's API over HTTP on loopback, computed on demand from bench/large-data.ts) and all three gateways, as the embedded hub holds its gateway; the gateways are measured in turn, never at once. The load generator (autocannon) is the parent process.
- Gateways, over the same committed schema/supergraph.graphql and the same subgraph servers: ${GATEWAYS.map((g) => NAMES[g]).join("; ")}. Each verifies the caller's token, applies the hub's operation limits (graphql-armor, one config), forwards the caller's Authorization and the hub's request id, and signs the gateway proof for every subgraph request; the subgraphs require the proof. The operations safelist is off for all, and source calls time out after 15 s instead of the hub's 2 s: on a machine this loaded some source calls wait seconds for their turn at 50 connections, and the shorter bound turns a few answers partial for every gateway alike.
- Query: \`SharedCaseView\` (schema/operations/shared-case-view.graphql): case, victim, crime with updates and orders, referrals, episodes, risk assessments, justice timeline; victims, police and partners subgraphs, governance's policy tables behind every field, with the access decision and audit on. Each request is a different user (${input.users} Pankhurst caseworker tokens, one subject each) and a different case (${input.cases.toLocaleString("en-GB")} cases shared with Pankhurst), so no gateway can serve two requests from one subgraph call. Before measuring, each gateway's answer for three cases was checked whole and identical to the others'.
- Schedule: ${ROUNDS} rounds; in each, ${LEVELS.join(", ")} connections in turn, every gateway ${DURATION_S} s at each, in a rotating order; a ${WARMUP_S} s warm-up per gateway first. Figures pool each gateway's runs at a level (${ROUNDS * DURATION_S} s each). No request failed: no non-2xx, no transport error or timeout, no GraphQL error in any body (the script refuses to write a run with any, or with none measured).

## Throughput and latency

| connections | gateway | requests/s | p50 ms | p95 ms | p99 ms | requests | load avg |
|---|---|---|---|---|---|---|---|
${table}

Against ${NAMES.apollo}:
- ${NAMES.hive}: ${compare("hive")}.
- ${NAMES.hiveRust}: ${compare("hiveRust")}.

${verdict}

## Federated subscriptions

The hub has no subscriptions yet; what each gateway offers when it does:
- @apollo/gateway: none; it plans and runs queries and mutations only. Apollo's federated subscriptions are in Apollo Router (a separate binary; see its licence terms for the feature).
- Hive Gateway runtime: built in. To clients over Server-Sent Events (served by the runtime as it is) and over WebSocket (graphql-ws, a dependency of the runtime, once the HTTP server's upgrade is handed to it); to subgraphs over WebSocket, HTTP callbacks or SSE, set per subgraph under \`transportEntries\`; fields of each event owned by other subgraphs are fetched as for a query. Not tried here: the hub has no subscription to serve.

## Audit semantics under deduplication

Each caller's consultation is audited by the subgraphs from the caller's own token, so two callers must never share a subgraph request. @apollo/gateway sends every subgraph request it plans (it does not merge POSTs). Hive Gateway's HTTP executor merges identical in-flight subgraph requests by URL, method, body and, only where headers were set on the execution request, those headers; headers added in \`onFetch\` come after that key. bench/hive-gateway.ts therefore puts the caller's Authorization and the hub's request id in through \`propagateHeaders\`, ahead of the key, so two callers' requests (two request ids) never merge, and signs the proof in \`onFetch\` over the body as sent. test/gateway-audit.test.ts proves, for the hub's gateway, that two users' identical queries in flight together are audited each under its own caller, the police consultation included.

## The federation gateway audit

The Guild's federation-gateway-audit (commit f59c05e) was read, not run here: its CLI needs Node 22 or later (\`Promise.withResolvers\`; it pins 24.16) and this machine runs ${process.version}; and before each suite it kills whatever listens on the gateway's port, 4000, which on this shared machine is the hub's default port. It tests the gateway product over its own subgraphs, so its published results stand for our configuration as well. The suites that apply to this supergraph (simple keys, one non-resolvable key reference, an interface and a union, enums and inputs shared across subgraphs, mutations; no @requires, @provides, @override, @external, @inaccessible or @interfaceObject): abstract-types, child-type-mismatch, enum-intersection, include-skip, input-object-intersection, mutations, null-keys, parent-entity-call, simple-entity-call, typename, union-interface-distributed. Each of the three passes all 57 of their cases in the audit's own results. Over the whole audit its README reports Apollo Gateway 193 of 199 cases, Hive Gateway 197, Hive Gateway with the Rust planner 196 (its per-gateway results files, 192 cases: 186, 192, 192). What Apollo Gateway fails there (keys-mashup, non-resolvable-interface-object, requires-with-argument, requires-with-argument-conflict) needs many keys on one entity, @interfaceObject or @requires, none of which this supergraph uses.
`;
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  const started = new Date();
  const sizes = largeSizes(Number(process.env.SEED_LARGE_SCALE ?? 0.02));
  const ids = pankhurstSharedCases(CASE_POOL, sizes).map((i) => largeId("case", i));
  process.stdout.write(`gateways bench: ${ROUNDS} rounds, ${DURATION_S} s per run at ${LEVELS.join("/")} connections, ${ids.length} cases\n`);
  // As in bench/load.ts: Challenger's PGlite stand-in serves one session at a time and, under
  // 50 connections, times out; on a server store it gets a database of its own there.
  const hubEnv: Record<string, string> = process.env.DATABASE_URL ? { CHALLENGER_DATABASE_URL: await challengerDatabase(process.env.DATABASE_URL) } : {};
  const hub = await startHub(hubEnv);
  const runs = Object.fromEntries(GATEWAYS.map((g) => [g, Object.fromEntries(LEVELS.map((c) => [c, emptyRun()]))])) as Record<GatewayKey, Record<number, Run>>;
  try {
    await checkAnswers(hub.ready, ids);
    for (const g of GATEWAYS) await load(hub.ready[g], hub.ready, ids, 10, WARMUP_S, emptyRun());
    let turn = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of LEVELS) {
        // Rotate who goes first, so no gateway always runs right after another's load.
        const order = GATEWAYS.map((_, k) => GATEWAYS[(k + turn) % GATEWAYS.length]);
        turn++;
        for (const g of order) {
          process.stdout.write(`round ${round + 1}, ${connections} connections, ${NAMES[g]} (load ${loadavg()[0].toFixed(1)})\n`);
          await load(hub.ready[g], hub.ready, ids, connections, DURATION_S, runs[g][connections]);
        }
      }
    }
  } finally {
    await hub.stop();
  }
  const failures = GATEWAYS.flatMap((g) =>
    LEVELS.flatMap((c) => {
      const r = runs[g][c];
      return r.requests === 0 || r.non2xx || r.transportErrors || r.bodyErrors
        ? [`${NAMES[g]} at ${c}: ${r.requests} requests, ${r.non2xx} non-2xx, ${r.transportErrors} transport errors, ${r.bodyErrors} with GraphQL errors ${JSON.stringify(r.errorSamples)}`]
        : [];
    }),
  );
  const rows = Object.fromEntries(GATEWAYS.map((g) => [g, Object.fromEntries(LEVELS.map((c) => [c, summarise(runs[g][c])]))])) as Record<GatewayKey, Record<number, Row>>;
  const markdown = report({ store: hub.ready.store, challenger: Boolean(hubEnv.CHALLENGER_DATABASE_URL), rows, loadAtEnd: loadavg(), started, users: hub.ready.tokens.length, cases: ids.length });
  if (failures.length) {
    process.stdout.write(`\n${markdown}\n`);
    throw new Error(`not written: requests failed or none were measured:\n${failures.join("\n")}`);
  }
  writeFileSync(REPORT, markdown);
  process.stdout.write(`\n${markdown}\n(written to ${REPORT})\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`gateways bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
