import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { startHub } from "../src/hub";
import { signDevToken } from "../src/platform/auth";
import { loadConfig } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { createLogger } from "../src/platform/logger";
import { Purpose, Role } from "../src/platform/principal";
import { sqlStatementsFor } from "../src/platform/sql-metrics";
import { runInsightsBench } from "./insights";

/**
 * `npm run bench`: then the insights evidence base over a million facts
 * (bench/insights.ts). First, the shared case view through the gateway (HTTP, query
 * planning, three subgraphs) against the bare SQL that fetches the same data,
 * measured in one run on the same store, and the SQL statements one request
 * makes for 1, 10 and 100 cases. Uses DATABASE_URL where set, else PGlite.
 */
const CASES = 200;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const PAGE = 20;

const CASE_VIEW = `query CaseView($first: Int!) {
  cases(first: $first) {
    id caseReference borough status openedAt
    crime { crimeReference offenceCode offenceDescription status domesticAbuse stalking }
    episodes { provider service status startedAt }
  }
}`;

const BARE_SQL = `
  SELECT c.id, c.case_reference, c.borough, c.status, c.opened_at,
         cr.crime_reference, cr.offence_code, cr.offence_description, cr.status AS crime_status, cr.domestic_abuse, cr.stalking,
         COALESCE((SELECT json_agg(json_build_object('provider', e.provider, 'service', e.service, 'status', e.status, 'startedAt', e.started_at)
                            ORDER BY e.started_at)
                   FROM partners.service_episode e WHERE e.case_id = c.id), '[]') AS episodes
  FROM victims."case" c LEFT JOIN police.crime cr ON cr.crime_reference = c.crime_reference
  ORDER BY c.opened_at DESC, c.id LIMIT $1`;

async function main(): Promise<void> {
  // Production settings, with the dev key pair (made for this run) standing in for an identity provider.
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    AUTH_DEV_KEYS: "true",
    DEV_KEY_FILE: join(mkdtempSync(join(tmpdir(), "casebridge-bench-")), "dev-keys.json"),
    INSIGHTS_PSEUDONYM_KEY: process.env.INSIGHTS_PSEUDONYM_KEY ?? "bench-only-pseudonym-key-synthetic-data-0001",
  });
  const hub = await startHub(config, createLogger("silent"), { ephemeralPorts: true });
  authorization = `Bearer ${await signDevToken(config.auth, { subject: "bench", organisation: OrganisationCode.GMVS, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT })}`;
  const sql = new Client({ connectionString: hub.db.url });
  await sql.connect();
  try {
    process.stdout.write(`store: ${hub.db.embedded ? "PGlite (embedded)" : "PostgreSQL server"}; ${CASES} synthetic cases; ${ROUNDS} rounds\n`);
    await generateCases(hub.db.dataSource.query.bind(hub.db.dataSource), CASES);

    const viaGateway = () => post(hub.url, CASE_VIEW, { first: PAGE });
    const viaSql = () => sql.query(BARE_SQL, [PAGE]);
    const gatewayRows = ((await viaGateway()) as { data: { cases: unknown[] } }).data.cases.length;
    const sqlRows = (await viaSql()).rowCount;
    if (gatewayRows !== PAGE || sqlRows !== PAGE) throw new Error(`expected ${PAGE} cases from both paths, got ${gatewayRows} and ${sqlRows}`);

    const gateway = await time(viaGateway);
    const bare = await time(viaSql);
    const rows = [
      ["gateway (3 subgraphs)", gateway],
      ["bare SQL (one statement)", bare],
    ] as const;
    process.stdout.write(`\n| path | mean ms | p50 ms | p95 ms | req/s (1 client) |\n|---|---|---|---|---|\n`);
    for (const [name, s] of rows) {
      process.stdout.write(`| ${name} | ${s.mean.toFixed(2)} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${(1000 / s.mean).toFixed(0)} |\n`);
    }
    process.stdout.write(`\nratio gateway / bare SQL: p50 ${(gateway.p50 / bare.p50).toFixed(1)}x, p95 ${(gateway.p95 / bare.p95).toFixed(1)}x\n`);

    process.stdout.write(`\n| cases in the answer | SQL statements per request |\n|---|---|\n`);
    for (const first of [1, 10, 100]) {
      const requestId = `bench-${first}-${randomUUID()}`;
      await post(hub.url, CASE_VIEW, { first }, requestId);
      process.stdout.write(`| ${first} | ${sqlStatementsFor(requestId)} |\n`);
    }
  } finally {
    await sql.end();
    await hub.close();
  }
}

let authorization = "";

async function post(url: string, query: string, variables: Record<string, unknown>, requestId?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization, ...(requestId ? { "x-request-id": requestId } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
  return body;
}

async function time(fn: () => Promise<unknown>): Promise<{ mean: number; p50: number; p95: number }> {
  for (let i = 0; i < 30; i++) await fn(); // warm-up: JIT, query plan cache, connections
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number;
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p50: at(0.5), p95: at(0.95) };
}

/** Synthetic cases, each with a crime and one or two partner episodes; no real person behind any. */
async function generateCases(query: (sql: string, params: unknown[]) => Promise<unknown>, count: number): Promise<void> {
  await query(
    `INSERT INTO police.crime (crime_reference, recorded_at, offence_code, offence_description, borough, status, domestic_abuse, stalking)
     SELECT 'SYN/B' || lpad(i::text, 5, '0') || '/26', now() - make_interval(days => i), '8L', 'Harassment',
            (ARRAY['BOLTON','BURY','MANCHESTER','OLDHAM','ROCHDALE','SALFORD','STOCKPORT','TAMESIDE','TRAFFORD','WIGAN'])[1 + i % 10],
            'UNDER_INVESTIGATION', i % 3 = 0, i % 4 = 0
     FROM generate_series(1, $1) AS i ON CONFLICT DO NOTHING`,
    [count],
  );
  await query(
    `INSERT INTO victims."case" (case_reference, borough, thematic_lead, status, opened_at, crime_reference)
     SELECT 'GMVS-BENCH-' || i, 'MANCHESTER', 'GENERAL', 'OPEN', now() - make_interval(mins => i), 'SYN/B' || lpad(i::text, 5, '0') || '/26'
     FROM generate_series(1, $1) AS i ON CONFLICT DO NOTHING`,
    [count],
  );
  await query(
    `INSERT INTO partners.service_episode (case_id, provider, service, status, started_at)
     SELECT c.id, 'PANKHURST', 'Restore', 'ACTIVE', c.opened_at FROM victims."case" c WHERE c.case_reference LIKE 'GMVS-BENCH-%'`,
    [],
  );
}

/** Each part reports its own failure; the insights part runs whatever became of the case view. */
async function all(): Promise<void> {
  let failed = false;
  for (const [name, part] of [
    ["case view", main],
    ["insights", runInsightsBench],
  ] as const) {
    await part().catch((error: unknown) => {
      failed = true;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`bench (${name}) failed: ${message.slice(0, 2_000)}\n`);
    });
  }
  process.exit(failed ? 1 : 0);
}

void all();
