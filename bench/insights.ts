import "reflect-metadata";
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
import { Dimension } from "../src/subgraphs/insights/evidence/dimensions";
import { EvidenceService } from "../src/subgraphs/insights/evidence/evidence.service";
import { Measure } from "../src/subgraphs/insights/evidence/measures";
import { MATERIALISED_CUBES } from "../src/subgraphs/insights/refresh/refresh.service";
import { time } from "./timing";

/**
 * The insights part of `npm run bench`: generates BENCH_INSIGHTS_REFERRALS
 * (default 1,000,000) synthetic referral facts in SQL (generate_series over a
 * seeded hash: fast, and the same data every run), rebuilds the cubes, then
 * times the main evidence-base query (demand and waiting times by borough ×
 * disability, one request, disclosure control included) through the gateway
 * against the bare SQL for the same aggregates, and the same aggregates
 * straight off the facts without the cubes. Uses DATABASE_URL where set, else PGlite.
 */
const REFERRALS = Number(process.env.BENCH_INSIGHTS_REFERRALS ?? 1_000_000);
const ROUNDS = Number(process.env.BENCH_INSIGHTS_ROUNDS ?? 30);
const SEED = 20_261_001;

const MAIN_QUERY = `query Commissioner($by: [Dimension!]!) {
  demand: evidenceBase(measure: REFERRALS, by: $by) { cells { coordinates { value } value suppressed suppressionReason } }
  waits: evidenceBase(measure: WAIT_TO_FIRST_CONTACT, by: $by) {
    cells { coordinates { value } count { value suppressed } median { value suppressed } p90 { value suppressed } }
  }
}`;
const BY = [Dimension.BOROUGH, Dimension.DISABILITY];

export async function runInsightsBench(): Promise<void> {
  const keyFile = join(mkdtempSync(join(tmpdir(), "casebridge-bench-")), "dev-keys.json");
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    AUTH_DEV_KEYS: "true",
    DEV_KEY_FILE: keyFile,
    INSIGHTS_PSEUDONYM_KEY: process.env.INSIGHTS_PSEUDONYM_KEY ?? "bench-only-pseudonym-key-synthetic-data-0001",
    GATEWAY_SIGNING_KEY: process.env.GATEWAY_SIGNING_KEY ?? "bench-only-gateway-signing-key-synthetic-0001",
    // Its queries are measured as written here, not from schema/operations; the load run measures with the safelist on.
    OPERATIONS_SAFELIST: "false",
    INSIGHTS_FACT_SOURCES: "none",
    INSIGHTS_REFRESH_MS: "0",
  });
  const hub = await startHub(config, createLogger("silent"), { ephemeralPorts: true });
  const sql = new Client({ connectionString: hub.db.url });
  await sql.connect();
  try {
    const store = hub.db.embedded ? "PGlite (embedded)" : "PostgreSQL server";
    process.stdout.write(`\n## insights: ${store}; ${REFERRALS.toLocaleString("en-GB")} synthetic referral facts; ${ROUNDS} rounds\n`);
    let started = Date.now();
    await generateReferralFacts(hub.db.dataSource.query.bind(hub.db.dataSource), REFERRALS);
    const [{ n }] = (await hub.db.dataSource.query(`SELECT count(*)::bigint AS n FROM insights.referral_fact`)) as { n: string }[];
    process.stdout.write(`generated ${Number(n).toLocaleString("en-GB")} facts in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    started = Date.now();
    for (const cube of MATERIALISED_CUBES) await hub.db.dataSource.query(`REFRESH MATERIALIZED VIEW ${cube}`);
    await hub.db.dataSource.query(`ANALYZE insights.referral_fact`);
    for (const cube of MATERIALISED_CUBES) await hub.db.dataSource.query(`ANALYZE ${cube}`);
    process.stdout.write(`cubes rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    const token = await signDevToken(config.auth, {
      subject: "bench-commissioner",
      organisation: OrganisationCode.GMCA,
      roles: [Role.COMMISSIONER],
      purpose: Purpose.COMMISSIONING,
    });
    const service = new EvidenceService(hub.db.dataSource);
    const plans = [Measure.REFERRALS, Measure.WAIT_TO_FIRST_CONTACT].map((measure) => service.plan({ measure, by: BY }));
    const viaCubes = plans.map((plan) => service.sql(plan));
    const viaFacts = plans.map((plan) => service.sql({ ...plan, cube: null }));
    process.stdout.write(`reads from: ${plans.map((p) => p.cube?.table ?? "facts").join(", ")}\n`);

    const viaGateway = async () => {
      const response = await fetch(hub.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: MAIN_QUERY, variables: { by: BY } }),
      });
      const body = (await response.json()) as { data?: { demand: { cells: unknown[] } }; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
      return body.data.demand.cells.length;
    };
    const bare = (statements: { text: string; params: unknown[] }[]) => async () => {
      let rows = 0;
      for (const s of statements) rows += (await sql.query(s.text, s.params)).rowCount ?? 0;
      return rows;
    };
    const cells = await viaGateway();
    if (cells !== 4 * 11) throw new Error(`expected 44 cells (10 boroughs and a total × 3 disability values and a total), got ${cells}`);

    const gateway = await time(viaGateway, ROUNDS, 3);
    const cubeSql = await time(bare(viaCubes), ROUNDS, 3);
    const factSql = await time(bare(viaFacts), Math.min(ROUNDS, 10), 3);
    process.stdout.write(`\n| demand + waiting times by borough × disability | mean ms | p50 ms | p95 ms |\n|---|---|---|---|\n`);
    for (const [name, s] of [
      ["gateway (HTTP, plan, shield, disclosure control)", gateway],
      ["bare SQL, same aggregates from the cubes", cubeSql],
      ["bare SQL, same aggregates from the facts (no cubes)", factSql],
    ] as const) {
      process.stdout.write(`| ${name} | ${s.mean.toFixed(1)} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} |\n`);
    }
    process.stdout.write(
      `\nratio gateway / bare SQL (cubes): p50 ${(gateway.p50 / cubeSql.p50).toFixed(1)}x; ` +
        `facts / cubes: p50 ${(factSql.p50 / cubeSql.p50).toFixed(1)}x\n`,
    );
  } finally {
    await sql.end();
    await hub.close();
  }
}


/**
 * Referral facts straight into the fact table, in chunks of 200,000: each
 * column from its own seeded hash of the row number, so the data is the same
 * every run. Shapes follow the synthetic FactSource (population-weighted
 * boroughs are left uniform here; waits exponential, partner services slower).
 */
async function generateReferralFacts(query: (sql: string, params: unknown[]) => Promise<unknown>, count: number): Promise<void> {
  const CHUNK = 200_000;
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await query(
      `INSERT INTO insights.referral_fact (fact_key, source, month, borough, crime_type, domestic_abuse, stalking, hate_crime, modern_slavery, fraud,
         age_band, sex, ethnicity, ethnic_group, disability, route, service, status, outcome, sent_on, days_to_first_contact, days_to_acceptance, waiting)
       SELECT md5('bench:' || i), 'bench', month, borough, crime_type, h4 % 100 < 30, h4 % 100 >= 90, h5 % 100 < 6, service = 'CHALLENGER', h5 % 100 >= 96,
         (ARRAY['UNDER_16','AGE_16_17','AGE_18_24','AGE_25_34','AGE_35_44','AGE_45_54','AGE_55_64','AGE_65_74','AGE_75_PLUS','NOT_KNOWN'])[1 + h6 % 10],
         (ARRAY['FEMALE','FEMALE','MALE','OTHER','NOT_KNOWN','FEMALE','MALE','FEMALE'])[1 + h6 / 10 % 8],
         ethnicity, CASE WHEN ethnicity = 'NOT_STATED' THEN 'NOT_STATED' ELSE split_part(ethnicity, '_', 1) END,
         disability, route, service, status,
         CASE WHEN status = 'CLOSED' THEN (ARRAY['SUPPORT_COMPLETED','SUPPORT_COMPLETED','DECLINED_SUPPORT','COULD_NOT_CONTACT_SAFELY','REFERRED_ON'])[1 + h7 % 5] END,
         month + (h7 % 28),
         CASE WHEN status <> 'WAITING' THEN contact_days END,
         CASE WHEN status IN ('ACCEPTED', 'CLOSED') THEN contact_days + accept_extra END,
         status = 'WAITING'
       FROM (
         SELECT i, h4, h5, h6, h7,
           (date '2025-10-01' + make_interval(months => h1 % 12))::date AS month,
           (ARRAY['BOLTON','BURY','MANCHESTER','OLDHAM','ROCHDALE','SALFORD','STOCKPORT','TAMESIDE','TRAFFORD','WIGAN'])[1 + h1 / 12 % 10] AS borough,
           (ARRAY['VIOLENCE_AND_SEXUAL_OFFENCES','VIOLENCE_AND_SEXUAL_OFFENCES','PUBLIC_ORDER','BURGLARY','CRIMINAL_DAMAGE_AND_ARSON','OTHER_CRIME','ROBBERY','NOT_REPORTED_TO_POLICE'])[1 + h2 % 8] AS crime_type,
           CASE WHEN h2 / 8 % 100 < 18 THEN 'DISABLED' WHEN h2 / 8 % 100 < 83 THEN 'NOT_DISABLED' ELSE 'NOT_KNOWN' END AS disability,
           CASE WHEN h3 % 100 < 60 THEN 'POLICE' WHEN h3 % 100 < 85 THEN 'SELF' ELSE 'PARTNER' END AS route,
           (ARRAY['GMVS','GMVS','GMVS','PANKHURST_RESTORE','PANKHURST_DOMESTIC_ABUSE','HOURGLASS','CHALLENGER','OTHER'])[1 + h3 / 100 % 8] AS service,
           CASE WHEN h4 / 100 % 100 < 8 THEN 'WAITING' WHEN h4 / 100 % 100 < 14 THEN 'CONTACTED' WHEN h4 / 100 % 100 < 38 THEN 'ACCEPTED' ELSE 'CLOSED' END AS status,
           (ARRAY['WHITE_BRITISH','WHITE_BRITISH','WHITE_BRITISH','WHITE_BRITISH','WHITE_BRITISH','WHITE_BRITISH','ASIAN_PAKISTANI','BLACK_AFRICAN','WHITE_OTHER','NOT_STATED'])[1 + h5 / 100 % 10] AS ethnicity,
           floor(-ln(1 - (h6 / 80 % 10000) / 10000.0) * CASE WHEN h3 / 100 % 8 < 3 THEN 2.5 ELSE 6 END)::int AS contact_days,
           floor(-ln(1 - (h7 / 5 % 10000) / 10000.0) * 4)::int AS accept_extra
         FROM (
           SELECT i,
             hashint4(i # ${SEED}) & 2147483647 AS h1, hashint4(i # ${SEED + 1}) & 2147483647 AS h2,
             hashint4(i # ${SEED + 2}) & 2147483647 AS h3, hashint4(i # ${SEED + 3}) & 2147483647 AS h4,
             hashint4(i # ${SEED + 4}) & 2147483647 AS h5, hashint4(i # ${SEED + 5}) & 2147483647 AS h6,
             hashint4(i # ${SEED + 6}) & 2147483647 AS h7
           FROM generate_series($1::int, $2::int) AS i
         ) hashes
       ) g
       ON CONFLICT (fact_key) DO NOTHING`,
      [from, to],
    );
  }
}

if (require.main === module) {
  runInsightsBench().catch((error: unknown) => {
    process.stderr.write(`insights bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
