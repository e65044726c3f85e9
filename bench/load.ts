import { ChildProcess, execSync, fork } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { Pool } from "pg";
import { PankhurstClient } from "../connectors/pankhurst/client";
import { PoliceApiClient } from "../connectors/police/client";
import type { AccessMode } from "../src/policy/permit-all";
import { largeId, largeSizes, LargeSizes, pankhurstSharedCases } from "./large-data";
import { auditorSection } from "./results-file";
import type { HubCounters, HubReady } from "./load-hub";

/**
 * The load benchmark (issue 8), part of `npm run bench`: the shared case
 * view (schema/operations/shared-case-view.graphql) as a Pankhurst
 * caseworker, through the gateway, at 50 concurrent connections over the
 * large synthetic data set (bench/large-data.ts; written by the hub process
 * when missing). Three runs of BENCH_DURATION seconds (default 20), each
 * after a short warm-up:
 *   1. the hub as deployed (access decision and audit on every field);
 *   2. the same hub with the in-process permit-all-unaudited access mode:
 *      the cost of authorisation and audit is the difference;
 *   3. the floor: the same data fetched directly, one SQL statement for what
 *      is in SQL and one batch call per kind of thing to the police and
 *      Pankhurst stand-ins, 50 at a time.
 * Then SQL statements and source calls per request for 1, 10 and 100 cases,
 * and the hub process's memory. Writes bench/results.md and prints it.
 *
 * The hub runs in a child process (bench/load-hub.ts); the load generator
 * and the floor's client in this one. Loopback only.
 */

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 4);
const CASE_POOL = 3_000;
/** The hub's pool (src/platform/database.ts); the floor gets the same number of connections. */
const SQL_POOL = 10;
const RESULTS = join(__dirname, "results.md");
export const NOTES = join(__dirname, "load-notes.md");

const TARGET_RPS = 300;
const TARGET_AUTHZ_COST = 0.15;
const TARGET_FLOOR_RATIO = 10;

export interface RunStats {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  transportErrors: number;
  /** Responses whose body carried GraphQL errors (every body is checked; a few are kept). */
  bodyErrors: number;
  errorSamples: string[];
}

export interface PerRequestCounts {
  rows: number;
  sql: number;
  police: number;
  pankhurst: number;
}

// ---------------------------------------------------------------- the hub process

interface HubProcess {
  ready: HubReady;
  call<T>(method: "counters" | "memory" | "stop"): Promise<T>;
  call<T>(method: "sqlFor", requestId: string): Promise<T>;
}

function startHubProcess(access: AccessMode, env: Record<string, string>): Promise<HubProcess> {
  const child: ChildProcess = fork(join(__dirname, "load-hub.ts"), [], {
    execArgv: ["-r", "ts-node/register/transpile-only"],
    env: { ...process.env, ...env, BENCH_ACCESS: access, NODE_ENV: "test" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`hub process exited (${code}) before it was ready`)));
    child.on("message", (message: { ready?: HubReady; id?: number; result?: unknown }) => {
      if (message.ready) {
        const ready = message.ready;
        resolve({
          ready,
          call: ((method: string, requestId?: string) =>
            new Promise((done) => {
              const id = next++;
              pending.set(id, done as (result: unknown) => void);
              child.send({ id, method, requestId });
            })) as HubProcess["call"],
        });
      } else if (message.id !== undefined) {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      }
    });
  });
}

/**
 * Challenger's case database on the same PostgreSQL server, in a database of
 * its own (<store>_challenger), as a deployment has it. Its in-process PGlite
 * stand-in serves one session at a time and, asked for every case in every
 * request, would measure PGlite rather than the hub. Created with the
 * connector's schema.sql and seed.sql where missing.
 */
export async function challengerDatabase(storeUrl: string): Promise<string> {
  const url = new URL(storeUrl);
  const name = `${url.pathname.slice(1)}_challenger`;
  const admin = new Pool({ connectionString: storeUrl, max: 1 });
  try {
    const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rows.length) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  const challenger = new Pool({ connectionString: url.toString(), max: 1 });
  try {
    const { rows } = await challenger.query(`SELECT 1 FROM information_schema.schemata WHERE schema_name = 'challenger'`);
    if (!rows.length) {
      for (const file of ["schema.sql", "seed.sql"]) await challenger.query(readFileSync(join(__dirname, "..", "connectors", "challenger", file), "utf8"));
    }
  } finally {
    await challenger.end();
  }
  return url.toString();
}

// ---------------------------------------------------------------- operations

export function persistedOperation(name: string): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, "..", "src", "sdk", "generated", "persisted-documents.json"), "utf8")) as Record<string, string>;
  const text = Object.values(manifest).find((t) => t.includes(`query ${name}(`));
  if (!text) throw new Error(`operation ${name} is not in the persisted operations manifest; run npm run codegen`);
  return text;
}

const ONE = persistedOperation("SharedCaseView");
const MANY = persistedOperation("SharedCaseViews");

export interface CaseView {
  id: string;
  victim: { familyName: string | null } | null;
  crime: { crimeReference: string; offenceCode: string | null; updates: unknown[] | null; orders: unknown[] | null } | null;
  referrals: unknown[];
  episodes: unknown[];
  riskAssessments: unknown[];
  justiceTimeline: unknown[] | null;
}

/** `requestId`: the hub's own id for the request (it makes one per request), to count its SQL statements by. */
async function post(ready: HubReady, query: string, variables: Record<string, unknown>) {
  const response = await fetch(ready.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ready.token}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    requestId: response.headers.get("x-request-id") ?? "",
    body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] },
  };
}

/** Refuses to measure an error path: every case answers in full, with no error at all (the agreements allow Pankhurst all of it). */
export function assertWholeView(kase: CaseView | null | undefined, where: string): void {
  if (!kase) throw new Error(`${where}: no case in the answer`);
  const missing = [
    kase.victim?.familyName ? null : "victim",
    kase.crime?.offenceCode ? null : "crime",
    Array.isArray(kase.crime?.updates) ? null : "crime.updates",
    Array.isArray(kase.crime?.orders) ? null : "crime.orders",
    kase.referrals.length ? null : "referrals",
    kase.episodes.length ? null : "episodes",
    kase.riskAssessments.length ? null : "riskAssessments",
    kase.justiceTimeline?.length ? null : "justiceTimeline",
  ].filter(Boolean);
  if (missing.length) throw new Error(`${where}: case ${kase.id} came back without ${missing.join(", ")}`);
}

async function checkAnswers(ready: HubReady, ids: readonly string[]): Promise<void> {
  for (const id of [ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1]]) {
    const { status, body } = await post(ready, ONE, { id });
    if (status !== 200 || body.errors) throw new Error(`SharedCaseView ${id}: HTTP ${status}, errors ${JSON.stringify(body.errors)?.slice(0, 1000)}`);
    assertWholeView(body.data?.case as CaseView, "SharedCaseView");
  }
  const { status, body } = await post(ready, MANY, { first: 10 });
  if (status !== 200 || body.errors) throw new Error(`SharedCaseViews: HTTP ${status}, errors ${JSON.stringify(body.errors)?.slice(0, 1000)}`);
  const referrals = body.data?.referralsForMe as { case: CaseView }[];
  if (referrals.length !== 10) throw new Error(`SharedCaseViews: expected 10 referrals, got ${referrals.length}`);
  for (const r of referrals) assertWholeView(r.case, "SharedCaseViews");
}

// ---------------------------------------------------------------- measuring

export function percentiles(samples: number[]): Pick<RunStats, "p50" | "p95" | "p99"> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

async function loadGateway(ready: HubReady, ids: readonly string[], durationS: number): Promise<RunStats> {
  let n = 0;
  let bodyErrors = 0;
  const errorSamples: string[] = [];
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url: ready.url,
    connections: CONNECTIONS,
    duration: durationS,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ready.token}` },
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ query: ONE, variables: { id: ids[n++ % ids.length] } }) }),
        onResponse: (_status: number, body: string) => {
          if (body.includes('"errors"')) {
            bodyErrors++;
            if (errorSamples.length < 3) errorSamples.push(body.slice(0, 500));
          }
        },
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    requests: latencies.length,
    rps: latencies.length / durationS,
    ...percentiles(latencies),
    non2xx: result.non2xx,
    transportErrors: result.errors + result.timeouts,
    bodyErrors,
    errorSamples,
  };
}

/** The same data as directly as it can be had: one SQL statement, then one batch call per kind of police record and one to Pankhurst. */
function floorFetcher(ready: HubReady) {
  const pool = new Pool({ connectionString: ready.databaseUrl, max: SQL_POOL });
  const police = new PoliceApiClient({ baseUrl: ready.police.baseUrl, token: ready.police.token });
  const pankhurst = new PankhurstClient({ baseUrl: ready.pankhurst.baseUrl, token: ready.pankhurst.token });
  const sql = `
    SELECT c.id, c.case_reference, c.borough, c.status, c.opened_at, c.crime_reference, c.crime_reported_at, c.referral_received_at,
           c.referral_route, c.closed_at,
           json_build_object('id', v.id, 'given_name', v.given_name, 'family_name', v.family_name, 'date_of_birth', v.date_of_birth,
                             'phone', v.phone, 'postcode', v.postcode) AS victim,
           (SELECT coalesce(json_agg(r ORDER BY r.sent_at), '[]') FROM
              (SELECT id, partner, service, status, sent_at, accepted_at FROM partners.referral WHERE case_id = c.id AND partner = 'PANKHURST') r) AS referrals,
           (SELECT coalesce(json_agg(a ORDER BY a.assessed_at), '[]') FROM
              (SELECT id, tool, assessed_at FROM partners.risk_assessment WHERE case_id = c.id) a) AS recorded_risk,
           (SELECT coalesce(json_agg(k ORDER BY k.occurred_at), '[]') FROM
              (SELECT id, occurred_at, purpose FROM victims.contact WHERE case_id = c.id) k) AS contacts
    FROM victims."case" c LEFT JOIN victims.victim v ON v.id = c.victim_id
    WHERE c.id = $1`;
  const fetchOne = async (id: string) => {
    const [fromSql, records] = await Promise.all([
      (async () => {
        const { rows } = await pool.query<{ crime_reference: string | null }>(sql, [id]);
        const references = rows.flatMap((row) => (row.crime_reference ? [row.crime_reference] : []));
        const [crimes, updates, orders] = await Promise.all([police.fetchByKeys(references), police.updatesForCrimes(references), police.ordersForCrimes(references)]);
        return { rows, crimes, updates, orders };
      })(),
      pankhurst.fetchByKeys([id]),
    ]);
    return { ...fromSql, records };
  };
  return { fetchOne, close: () => pool.end() };
}

async function loadFloor(fetchOne: (id: string) => Promise<{ rows: unknown[]; crimes: unknown[]; records: unknown[] }>, ids: readonly string[], durationS: number): Promise<RunStats> {
  let n = 0;
  let failures = 0;
  const latencies: number[] = [];
  const until = Date.now() + durationS * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const started = process.hrtime.bigint();
      try {
        const answer = await fetchOne(ids[n++ % ids.length]);
        if (answer.rows.length !== 1 || !answer.crimes[0] || !answer.records[0]) failures++;
      } catch {
        failures++;
      }
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return { requests: latencies.length, rps: latencies.length / durationS, ...percentiles(latencies), non2xx: 0, transportErrors: failures, bodyErrors: 0, errorSamples: [] };
}

/** Waits until requests the load left in flight have drained from the hub: its source call counters stop moving. */
async function quiet(hub: HubProcess): Promise<void> {
  let last = await hub.call<HubCounters>("counters");
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await hub.call<HubCounters>("counters");
    if (now.police === last.police && now.pankhurst === last.pankhurst) return;
    last = now;
  }
}

async function perRequestCounts(hub: HubProcess): Promise<PerRequestCounts[]> {
  await quiet(hub);
  const counts: PerRequestCounts[] = [];
  for (const rows of [1, 10, 100]) {
    const before = await hub.call<HubCounters>("counters");
    const { body, requestId } = await post(hub.ready, MANY, { first: rows });
    const after = await hub.call<HubCounters>("counters");
    const referrals = (body.data?.referralsForMe ?? []) as { case: CaseView }[];
    if (body.errors || referrals.length !== rows) throw new Error(`SharedCaseViews first ${rows}: ${referrals.length} back, errors ${JSON.stringify(body.errors)?.slice(0, 500)}`);
    referrals.forEach((r) => assertWholeView(r.case, `SharedCaseViews first ${rows}`));
    counts.push({ rows, sql: await hub.call<number>("sqlFor", requestId), police: after.police - before.police, pankhurst: after.pankhurst - before.pankhurst });
  }
  return counts;
}

// ---------------------------------------------------------------- the report

/**
 * Why a run must not be recorded: a run with no requests has no latency
 * (percentiles of nothing are NaN) and one with errors measured an error
 * path. Empty: fit to record.
 */
export function unrecordable(runs: Record<string, RunStats>): string[] {
  const problems: string[] = [];
  for (const [name, run] of Object.entries(runs)) {
    if (run.requests === 0) problems.push(`${name}: no requests completed`);
    if (run.non2xx > 0) problems.push(`${name}: ${run.non2xx} non-2xx answers`);
    if (run.transportErrors > 0) problems.push(`${name}: ${run.transportErrors} transport errors or failed fetches`);
    if (run.bodyErrors > 0) problems.push(`${name}: ${run.bodyErrors} answers with GraphQL errors${run.errorSamples.length ? ` (e.g. ${run.errorSamples[0].slice(0, 200)})` : ""}`);
    for (const field of ["rps", "p50", "p95", "p99"] as const) {
      if (!Number.isFinite(run[field])) problems.push(`${name}: ${field} is ${run[field]}`);
    }
  }
  return problems;
}

/** The numbers bench/load-notes.md may quote, by name. */
export function noteNumbers(guarded: RunStats, permitAll: RunStats, floor: RunStats, counts: readonly PerRequestCounts[]): Record<string, string> {
  return {
    "guarded.rps": guarded.rps.toFixed(0),
    "permitAll.rps": permitAll.rps.toFixed(0),
    "floor.rps": floor.rps.toFixed(0),
    "guarded.p95": ms(guarded.p95),
    "permitAll.p95": ms(permitAll.p95),
    "floor.p95": ms(floor.p95),
    floorRatio: (guarded.p95 / floor.p95).toFixed(1),
    sqlPerRequest: String(counts[0]?.sql ?? "?"),
  };
}

export interface TargetVerdict {
  /** What the target is about, as the summary names it: "throughput". */
  name: string;
  met: boolean;
}

/** The summary sentence, from the verdicts: never one written for another run's numbers. */
export function targetsSummary(verdicts: readonly TargetVerdict[]): string {
  const words = ["None", "One", "Two", "Three", "Four", "Five"];
  const met = verdicts.filter((v) => v.met).length;
  const missed = verdicts.filter((v) => !v.met).map((v) => v.name);
  const count = `${words[met] ?? met} of the ${(words[verdicts.length] ?? String(verdicts.length)).toLowerCase()} targets ${met === 1 ? "is" : "are"} met`;
  if (missed.length === 0) return `${count}.`;
  return `${count}; ${missed.join(" and ")} ${missed.length === 1 ? "is" : "are"} not.`;
}

/**
 * The notes (bench/load-notes.md) with this run's numbers in them: each
 * {{name}} is replaced by the value of that name; a name not given refuses
 * the report, so the prose cannot quote a number the run did not make.
 */
export function renderNotes(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_whole, name: string) => {
    if (!(name in values)) throw new Error(`bench/load-notes.md names {{${name}}}, which the report does not have (it has ${Object.keys(values).join(", ")})`);
    return values[name];
  });
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const ms = (value: number) => value.toFixed(1);

function machine(): string {
  const commit = (() => {
    try {
      const sha = execSync("git rev-parse --short HEAD", { cwd: __dirname }).toString().trim();
      const dirty = execSync("git status --porcelain -- src connectors bench migrations schema", { cwd: __dirname }).toString().trim() !== "";
      return dirty ? `${sha} with uncommitted changes` : sha;
    } catch {
      return "unknown";
    }
  })();
  // Other work on the machine skews every figure: the load average says how much there was.
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}, commit ${commit}; load average at the end of the run ${loadavg().map((l) => l.toFixed(1)).join(" / ")} (1 / 5 / 15 min)`;
}

function report(input: {
  store: string;
  challenger: string;
  sizes: LargeSizes;
  pool: number;
  guarded: RunStats;
  permitAll: RunStats;
  floor: RunStats;
  counts: PerRequestCounts[];
  memory: { guarded: NodeJS.MemoryUsage; permitAll: NodeJS.MemoryUsage; generator: NodeJS.MemoryUsage };
}): string {
  const { guarded, permitAll, floor, counts, memory, sizes } = input;
  const authzCost = guarded.p95 / permitAll.p95 - 1;
  const floorRatio = guarded.p95 / floor.p95;
  const verdict = (ok: boolean) => (ok ? "met" : "**not met**");
  const row = (name: string, pick: (s: RunStats) => string) => `| ${name} | ${pick(guarded)} | ${pick(permitAll)} | ${pick(floor)} |`;
  const constant = counts.every((c) => c.sql === counts[0].sql && c.police === counts[0].police && c.pankhurst === counts[0].pankhurst);
  const verdicts: TargetVerdict[] = [
    { name: "throughput", met: guarded.rps >= TARGET_RPS },
    { name: "the cost of authorisation and audit", met: authzCost <= TARGET_AUTHZ_COST },
    { name: "the distance from bare SQL", met: floorRatio <= TARGET_FLOOR_RATIO },
  ];
  const notes = `${targetsSummary(verdicts)}${existsSync(NOTES) ? ` ${renderNotes(readFileSync(NOTES, "utf8").trim(), noteNumbers(guarded, permitAll, floor, counts))}` : ""}`;
  return `# Load benchmark: the shared case view

Written by \`npm run bench\` (bench/load.ts) on ${new Date().toISOString()}.

- Machine: ${machine()}.
- Store: ${input.store}. Sources: the police records API and Pankhurst's API as their local HTTP stand-ins (loopback) and Hourglass's returns as its stand-in, all in the hub's process; Challenger's case database ${input.challenger}.
- Data (\`npm run seed:large\`, bench/large-data.ts): ${sizes.victims.toLocaleString("en-GB")} victims, ${sizes.cases.toLocaleString("en-GB")} GMVS cases, ${sizes.crimes.toLocaleString("en-GB")} crimes with their updates and orders, ${sizes.referrals.toLocaleString("en-GB")} referrals, with their subjects, links, relationships and consents.
- Query: \`SharedCaseView\` (schema/operations/shared-case-view.graphql) as a Pankhurst caseworker, purpose support: case, victim, crime with updates and orders, referrals, episodes, risk assessments, justice timeline. Victims, police, partners subgraphs, governance's policy tables behind every field. The case id varies per request over ${input.pool.toLocaleString("en-GB")} cases shared with Pankhurst (accepted referral, consent on file); every answer checked in full, with no error, before measuring.
- Load: autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per run after a ${WARMUP_S} s warm-up; the load generator in its own process, the hub (gateway, five subgraphs, stand-ins) in another. Hub config: NODE_ENV=test (the permit-all mode refuses production) with the operations safelist on, logging off.

## Throughput and latency at ${CONNECTIONS} connections

| | gateway, as deployed | gateway, permit-all and no audit | floor: bare SQL + direct source calls |
|---|---|---|---|
${row("requests/s", (s) => s.rps.toFixed(0))}
${row("p50 ms", (s) => ms(s.p50))}
${row("p95 ms", (s) => ms(s.p95))}
${row("p99 ms", (s) => ms(s.p99))}
${row("requests in the run", (s) => String(s.requests))}
${row("non-2xx", (s) => String(s.non2xx))}
${row("transport errors / failed fetches", (s) => String(s.transportErrors))}
${row("responses with GraphQL errors", (s) => String(s.bodyErrors))}

The floor fetches the same data with one SQL statement (case, victim, referrals, recorded risk, contacts) and, at once, one batch call each for the crime, its updates and its orders to the police API and one to Pankhurst's, ${CONNECTIONS} at a time over a pool of ${SQL_POOL} connections (the hub's pool size); it makes no access decision, writes no audit and builds no timeline.

| target | reached | |
|---|---|---|
| ≥ ${TARGET_RPS} requests/s for the shared case view | ${guarded.rps.toFixed(0)} requests/s | ${verdict(guarded.rps >= TARGET_RPS)} |
| authorisation + audit ≤ ${TARGET_AUTHZ_COST * 100}% of p95 | p95 ${ms(guarded.p95)} ms against ${ms(permitAll.p95)} ms: ${(authzCost * 100).toFixed(0)}% (throughput ${((1 - guarded.rps / permitAll.rps) * 100).toFixed(0)}% lower) | ${verdict(authzCost <= TARGET_AUTHZ_COST)} |
| p95 within ${TARGET_FLOOR_RATIO}x of bare SQL | ${floorRatio.toFixed(1)}x (${ms(guarded.p95)} ms against ${ms(floor.p95)} ms) | ${verdict(floorRatio <= TARGET_FLOOR_RATIO)} |
${guarded.errorSamples.length || permitAll.errorSamples.length ? `\nSampled error bodies: ${JSON.stringify([...guarded.errorSamples, ...permitAll.errorSamples])}\n` : ""}
## Statements and source calls per request

\`SharedCaseViews\` (the same view for each accepted referral to Pankhurst, newest first) with 1, 10 and 100 cases in the answer, counted by request id in the hub:

| cases in the answer | SQL statements | police API calls | Pankhurst API calls |
|---|---|---|---|
${counts.map((c) => `| ${c.rows} | ${c.sql} | ${c.police} | ${c.pankhurst} |`).join("\n")}

${constant ? "Constant across sizes." : "**Not constant across sizes.**"}

## Memory

| process | RSS MB | V8 heap used MB |
|---|---|---|
| hub after the as-deployed run (gateway + 5 subgraphs + source stand-ins, one process) | ${mb(memory.guarded.rss)} | ${mb(memory.guarded.heapUsed)} |
| hub after the permit-all run (a fresh process) | ${mb(memory.permitAll.rss)} | ${mb(memory.permitAll.heapUsed)} |
| load generator and floor client | ${mb(memory.generator.rss)} | ${mb(memory.generator.heapUsed)} |

The gateway and the subgraphs share one process in the embedded hub, so their RSS is reported together; the stand-ins (police API over the generated crimes, computed on demand; Pankhurst; Hourglass; Challenger's PGlite where no PostgreSQL server is used) are in it too.

## What holds it back

${notes}
`;
}

// ---------------------------------------------------------------- the run

export async function runLoadBench(): Promise<void> {
  const sizes = largeSizes(Number(process.env.SEED_LARGE_SCALE ?? 1));
  const ids = pankhurstSharedCases(CASE_POOL, sizes).map((i) => largeId("case", i));
  const store = process.env.DATABASE_URL ? `PostgreSQL server (${new URL(process.env.DATABASE_URL).pathname.slice(1)} on loopback)` : "PGlite (embedded)";
  const hubEnv: Record<string, string> = process.env.DATABASE_URL ? { CHALLENGER_DATABASE_URL: await challengerDatabase(process.env.DATABASE_URL) } : {};
  process.stdout.write(`load bench: ${store}; ${DURATION_S} s per run at ${CONNECTIONS} connections over ${ids.length} cases\n`);

  process.stdout.write("starting the hub as deployed (writes the large data set where missing)...\n");
  const hub = await startHubProcess("guarded", hubEnv);
  let guarded: RunStats, floor: RunStats, counts: PerRequestCounts[], guardedMemory: NodeJS.MemoryUsage;
  try {
    await checkAnswers(hub.ready, ids);
    await loadGateway(hub.ready, ids, WARMUP_S);
    process.stdout.write("gateway, as deployed...\n");
    guarded = await loadGateway(hub.ready, ids, DURATION_S);
    guardedMemory = await hub.call<NodeJS.MemoryUsage>("memory");
    counts = await perRequestCounts(hub);
    process.stdout.write("floor...\n");
    const fetcher = floorFetcher(hub.ready);
    try {
      const sample = await fetcher.fetchOne(ids[0]);
      if (sample.rows.length !== 1 || !sample.crimes[0] || !sample.records[0]) throw new Error("the floor did not find the case, its crime or Pankhurst's record");
      await loadFloor(fetcher.fetchOne, ids, WARMUP_S);
      floor = await loadFloor(fetcher.fetchOne, ids, DURATION_S);
    } finally {
      await fetcher.close();
    }
  } finally {
    await hub.call("stop");
  }

  process.stdout.write("gateway, permit-all and no audit...\n");
  const open = await startHubProcess("permit-all-unaudited", hubEnv);
  let permitAll: RunStats, permitAllMemory: NodeJS.MemoryUsage;
  try {
    await checkAnswers(open.ready, ids);
    await loadGateway(open.ready, ids, WARMUP_S);
    permitAll = await loadGateway(open.ready, ids, DURATION_S);
    permitAllMemory = await open.call<NodeJS.MemoryUsage>("memory");
  } finally {
    await open.call("stop");
  }

  // Nothing is written from a run that measured nothing or measured errors: the last good results stay.
  const problems = unrecordable({ "as deployed": guarded, "permit-all": permitAll, floor });
  if (problems.length) throw new Error(`not recording this run in ${RESULTS}:\n  - ${problems.join("\n  - ")}`);
  const markdown = report({
    store,
    challenger: hubEnv.CHALLENGER_DATABASE_URL ? `in a database of its own on the same PostgreSQL server (${new URL(hubEnv.CHALLENGER_DATABASE_URL).pathname.slice(1)})` : "as its in-process PGlite stand-in",
    sizes,
    pool: ids.length,
    guarded,
    permitAll,
    floor,
    counts,
    memory: { guarded: guardedMemory, permitAll: permitAllMemory, generator: process.memoryUsage() },
  });
  // The disclosure auditor's section is another command's run (npm run audit:disclosure): kept as it stands.
  const kept = existsSync(RESULTS) ? auditorSection(readFileSync(RESULTS, "utf8")) : "";
  writeFileSync(RESULTS, kept ? `${markdown.replace(/\n*$/, "")}\n\n${kept}` : markdown);
  process.stdout.write(`\n${markdown}\n(written to ${RESULTS}${kept ? ", keeping the disclosure auditor's section" : ""})\n`);
}

if (require.main === module) {
  runLoadBench().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`load bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
