import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { PartnerCode } from "../connectors/partners";
import { Borough, InvestigationStatus, PoliceCrime } from "../connectors/police/types";
import { Hub, startHub } from "../src/hub";
import { signDevToken } from "../src/platform/auth";
import { loadConfig } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { createLogger } from "../src/platform/logger";
import { Purpose, Role } from "../src/platform/principal";
import { sqlStatementsFor } from "../src/platform/sql-metrics";
import { runInsightsBench } from "./insights";
import { runLoadBench } from "./load";
import { addPartnerRecords, pankhurstEpisodeRecord } from "../test/support/partners";
import { time } from "./timing";

/**
 * `npm run bench`: first the load run (bench/load.ts: the shared case view
 * at 50 connections over the large data set, written to bench/results.md);
 * then the case view through the gateway (HTTP, token
 * checks, query planning, three subgraphs, an access decision and audit per
 * field) against the floor for the same data fetched directly, measured in
 * one run on the same store; then the SQL statements and police API calls
 * one request makes for 1, 10 and 100 cases. Uses DATABASE_URL where set,
 * else PGlite. Then the insights evidence base over a million facts
 * (bench/insights.ts).
 *
 * Crimes live in the police records API (its local stand-in here), not in
 * SQL, so the floor is what any client would have to do at least: one SQL
 * statement for the cases, then one batch call to the police API for their
 * crimes and one to Pankhurst's API for their episodes. Both paths pay the
 * same HTTP hops to the sources.
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
  SELECT c.id, c.case_reference, c.borough, c.status, c.opened_at, c.crime_reference
  FROM victims."case" c
  ORDER BY c.opened_at DESC, c.id LIMIT $1`;

async function main(): Promise<void> {
  // Production settings, but tokens signed by a throwaway dev key pair of the bench's own.
  const devKeyFile = join(mkdtempSync(join(tmpdir(), "casebridge-bench-keys-")), "dev-keys.json");
  const config = loadConfig({ ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", AUTH_DEV_KEYS: "true", DEV_KEY_FILE: devKeyFile,
    INSIGHTS_PSEUDONYM_KEY: process.env.INSIGHTS_PSEUDONYM_KEY ?? "bench-only-pseudonym-key-synthetic-data-0001",
    GATEWAY_SIGNING_KEY: process.env.GATEWAY_SIGNING_KEY ?? "bench-only-gateway-signing-key-synthetic-0001",
    // Its queries are measured as written here, not from schema/operations; the load run measures with the safelist on.
    OPERATIONS_SAFELIST: "false",
  });
  const hub = await startHub(config, createLogger("silent"), { ephemeralPorts: true });
  const policeStandIn = hub.sources.standIns.police;
  if (!policeStandIn) throw new Error("the bench runs against the police API stand-in; unset POLICE_API_URL");
  const sql = new Client({ connectionString: hub.db.url });
  await sql.connect();
  try {
    process.stdout.write(`store: ${hub.db.embedded ? "PGlite (embedded)" : "PostgreSQL server"}; police records API: local stand-in over HTTP; ${CASES} synthetic cases; ${ROUNDS} rounds\n`);
    for (const crime of benchCrimes(CASES)) policeStandIn.recordChange(crime);
    await generateCases(hub.db.dataSource.query.bind(hub.db.dataSource), CASES);
    await generateEpisodes(hub);

    const token = await signDevToken(config.auth, { subject: "bench", organisation: OrganisationCode.GMVS, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT });
    // The floor calls the police API through the connector directly: one batch call for a page's crimes, no GraphQL.
    const police = hub.sources.police;
    const pankhurst = hub.sources.partners.get(PartnerCode.PANKHURST)!;
    const viaGateway = () => post(hub.url, CASE_VIEW, { first: PAGE }, token);
    const viaFloor = async () => {
      const { rows } = await sql.query<{ id: string; crime_reference: string | null }>(BARE_SQL, [PAGE]);
      const [crimes, episodes] = await Promise.all([
        police.fetchByKeys(rows.flatMap((row) => (row.crime_reference ? [row.crime_reference] : []))),
        pankhurst.fetchByKeys(rows.map((row) => row.id)),
      ]);
      return { rows, crimes, episodes };
    };
    const gatewayCases = ((await viaGateway()).body as { data: { cases: { crime: { offenceCode: string | null } | null }[] } }).data.cases;
    const floor = await viaFloor();
    if (gatewayCases.length !== PAGE || floor.rows.length !== PAGE) throw new Error(`expected ${PAGE} cases from both paths, got ${gatewayCases.length} and ${floor.rows.length}`);
    if (gatewayCases.some((c) => !c.crime?.offenceCode) || floor.crimes.some((c) => !c)) throw new Error("expected every case's crime from both paths");

    const gateway = await time(viaGateway, ROUNDS, 30);
    const bare = await time(viaFloor, ROUNDS, 30);
    const rows = [
      ["gateway (3 subgraphs, police via its API)", gateway],
      ["floor: bare SQL (one statement) + one police and one Pankhurst API batch call", bare],
    ] as const;
    process.stdout.write(`\n| path | mean ms | p50 ms | p95 ms | req/s (1 client) |\n|---|---|---|---|---|\n`);
    for (const [name, s] of rows) {
      process.stdout.write(`| ${name} | ${s.mean.toFixed(2)} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${(1000 / s.mean).toFixed(0)} |\n`);
    }
    process.stdout.write(`\nratio gateway / floor: p50 ${(gateway.p50 / bare.p50).toFixed(1)}x, p95 ${(gateway.p95 / bare.p95).toFixed(1)}x\n`);

    process.stdout.write(`\n| cases in the answer | SQL statements per request | police API calls per request |\n|---|---|---|\n`);
    for (const first of [1, 10, 100]) {
      const before = policeStandIn.requestCount();
      const { requestId } = await post(hub.url, CASE_VIEW, { first }, token);
      process.stdout.write(`| ${first} | ${sqlStatementsFor(requestId)} | ${policeStandIn.requestCount() - before} |\n`);
    }
  } finally {
    await sql.end();
    await hub.close();
  }
}

/** `requestId`: the hub's own id for the request (it makes one per request), to count its SQL statements by. */
async function post(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<{ body: unknown; requestId: string }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
  return { body, requestId: response.headers.get("x-request-id") ?? "" };
}


const BOROUGHS = Object.values(Borough);

/** Synthetic crimes, one per case, as GMP's system would hold them; no real person behind any. */
function benchCrimes(count: number): PoliceCrime[] {
  return Array.from({ length: count }, (_, index) => {
    const i = index + 1;
    const reference = benchCrimeReference(i);
    const recordedAt = new Date(Date.now() - i * 86_400_000).toISOString();
    return {
      crimeReference: reference,
      recordedAt,
      offence: { homeOfficeCode: "8L", description: "Harassment" },
      flags: { domesticAbuse: i % 3 === 0, stalking: i % 4 === 0, harassment: true, controllingOrCoercive: false, hateCrimeStrand: null, modernSlavery: false, fraud: false },
      borough: BOROUGHS[i % BOROUGHS.length] as Borough,
      status: InvestigationStatus.UNDER_INVESTIGATION,
      outcome: null,
      classificationHistory: [{ at: recordedAt, homeOfficeCode: "8L", description: "Harassment", reason: "Classified on recording" }],
      stalkingTriage: null,
      victimRef: `SYN-VICTIM-B${i}`,
      suspectRef: null,
    };
  });
}

function benchCrimeReference(i: number): string {
  return `SYN/B${String(i).padStart(5, "0")}/26`;
}

/**
 * Synthetic cases, each with its crime's reference and a partner episode,
 * and what governance knows of each: the person behind case and crime, and
 * GMVS's open case with them (without which GMVS may not see the crime).
 */
async function generateCases(query: (sql: string, params: unknown[]) => Promise<unknown>, count: number): Promise<void> {
  await query(
    `INSERT INTO victims."case" (case_reference, borough, thematic_lead, status, opened_at, crime_reference)
     SELECT 'GMVS-BENCH-' || i, 'MANCHESTER', 'GENERAL', 'OPEN', now() - make_interval(mins => i), 'SYN/B' || lpad(i::text, 5, '0') || '/26'
     FROM generate_series(1, $1) AS i ON CONFLICT DO NOTHING`,
    [count],
  );
  const benchCases = `SELECT c.id, c.crime_reference, md5('bench-subject-' || c.case_reference)::uuid AS subject_id
                      FROM victims."case" c WHERE c.case_reference LIKE 'GMVS-BENCH-%'`;
  await query(`INSERT INTO governance.subject (id) SELECT subject_id FROM (${benchCases}) b ON CONFLICT DO NOTHING`, []);
  await query(
    `INSERT INTO governance.subject_link (system, local_ref, subject_id)
     SELECT 'gmvs-case', b.id::text, b.subject_id FROM (${benchCases}) b
     UNION ALL SELECT 'police-crime', b.crime_reference, b.subject_id FROM (${benchCases}) b
     ON CONFLICT DO NOTHING`,
    [],
  );
  await query(
    `INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at)
     SELECT b.subject_id, 'GMVS', 'gmvs-case', b.id::text, now() FROM (${benchCases}) b ON CONFLICT DO NOTHING`,
    [],
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

/** Each part reports its own failure; the insights part runs whatever became of the case view. */
async function all(): Promise<void> {
  let failed = false;
  // BENCH_PARTS (e.g. "load") runs some of them; all by default.
  const only = process.env.BENCH_PARTS?.split(",").map((p) => p.trim());
  for (const [name, part] of [
    ["load", runLoadBench],
    ["case view", main],
    ["insights", runInsightsBench],
  ] as const) {
    if (only && !only.includes(name)) continue;
    await part().catch((error: unknown) => {
      failed = true;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`bench (${name}) failed: ${message.slice(0, 2_000)}\n`);
    });
  }
  process.exit(failed ? 1 : 0);
}

void all();
