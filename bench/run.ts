import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { PartnerCode } from "../connectors/partners";
import { Hub, startHub } from "../src/hub";
import { loadConfig } from "../src/platform/config";
import { createLogger } from "../src/platform/logger";
import { sqlStatementsFor } from "../src/platform/sql-metrics";
import { addPartnerRecords, pankhurstEpisodeRecord } from "../test/support/partners";

/**
 * `npm run bench`: the shared case view through the gateway (HTTP, query
 * planning, three subgraphs) against the bare SQL that fetches the hub's own
 * part of the same data (the episodes come from Pankhurst's API through its
 * connector, which no SQL statement can stand in for),
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
         cr.crime_reference, cr.offence_code, cr.offence_description, cr.status AS crime_status, cr.domestic_abuse, cr.stalking
  FROM victims."case" c LEFT JOIN police.crime cr ON cr.crime_reference = c.crime_reference
  ORDER BY c.opened_at DESC, c.id LIMIT $1`;

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent" });
  const hub = await startHub(config, createLogger("silent"), { ephemeralPorts: true });
  const sql = new Client({ connectionString: hub.db.url });
  await sql.connect();
  try {
    process.stdout.write(`store: ${hub.db.embedded ? "PGlite (embedded)" : "PostgreSQL server"}; ${CASES} synthetic cases; ${ROUNDS} rounds\n`);
    await generateCases(hub.db.dataSource.query.bind(hub.db.dataSource), CASES);
    await generateEpisodes(hub);

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

async function post(url: string, query: string, variables: Record<string, unknown>, requestId?: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(requestId ? { "x-request-id": requestId } : {}) },
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
}

/** One Restore episode per bench case, in Pankhurst's system (its stand-in), as partners' episodes now are. */
async function generateEpisodes(hub: Hub): Promise<void> {
  const cases = (await hub.db.dataSource.query(`SELECT id, opened_at FROM victims."case" WHERE case_reference LIKE 'GMVS-BENCH-%'`)) as { id: string; opened_at: Date }[];
  await addPartnerRecords(
    hub.sources,
    PartnerCode.PANKHURST,
    cases.map((c, i) => pankhurstEpisodeRecord(c.id, { episodeId: `PK-EP-BENCH-${i}`, start: c.opened_at })),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
