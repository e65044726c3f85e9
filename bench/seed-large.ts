import "reflect-metadata";
import { prepareDatabase } from "../src/hub";
import { loadConfig, SUBGRAPH_NAMES } from "../src/platform/config";
import { createLogger } from "../src/platform/logger";
import { REFERRAL_RELATIONSHIP } from "../src/subgraphs/partners/referrals/referral.service";
import {
  caseOpenedAtSql,
  crimeReferenceSql,
  largeIdSql,
  largeSizes,
  LargeSizes,
  partnerOfReferralSql,
  referralStatusSql,
} from "./large-data";

/**
 * `npm run seed:large`: the load benchmark's synthetic data set
 * (bench/large-data.ts) in the database named by DATABASE_URL (or
 * PGLITE_DATA_DIR): victims, GMVS cases, referrals out, and what governance
 * knows of them (subjects, links, relationships, consents). Set-based SQL
 * over generate_series, one statement per kind of row, so 100,000 victims
 * take seconds, not hours. Idempotent: a kind of row already present in full
 * is skipped, a partial one completed. SEED_LARGE_SCALE (default 1)
 * multiplies every size. The crimes, updates, orders and Pankhurst's
 * records are not written anywhere: the stand-ins compute them from the same
 * numbers (largeStandInData).
 */

export type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/** Categories each partner's consent covers, as the small seed's (src/subgraphs/governance/seed.ts). */
const PANKHURST_CATEGORIES = ["IDENTITY", "CONTACT", "ADDRESS", "CASE_NOTES", "SUPPORT", "OFFENCE_DETAILS", "INVESTIGATION_UPDATES"];
const OTHER_PARTNER_CATEGORIES = ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"];
const REFERRAL_CATEGORIES = ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"];

interface Step {
  name: string;
  rows: number;
  /** Rows of this kind already present. */
  count: string;
  insert: string;
  params?: unknown[];
}

function steps(s: LargeSizes): Step[] {
  const victimOf = (i: string) => `(((${i}) - 1) % ${s.victims} + 1)`;
  const caseOf = (r: string) => `(((${r}) - 1) % ${s.cases} + 1)`;
  const sentAt = (r: string) => `(${caseOpenedAtSql(caseOf(r))} + make_interval(days => CASE WHEN ${r} > ${s.cases} THEN 8 ELSE 1 END))`;
  const status = referralStatusSql("r");
  const partner = partnerOfReferralSql("r", s);
  return [
    {
      name: "subjects (one per victim)",
      rows: s.victims,
      count: `SELECT count(*) FROM governance.subject WHERE id::text LIKE 'b3000000-%'`,
      insert: `INSERT INTO governance.subject (id) SELECT ${largeIdSql("subject", "v")} FROM generate_series(1, ${s.victims}) v ON CONFLICT DO NOTHING`,
    },
    {
      name: "victims",
      rows: s.victims,
      count: `SELECT count(*) FROM victims.victim WHERE id::text LIKE 'b1000000-%'`,
      insert: `
        INSERT INTO victims.victim (id, police_victim_ref, given_name, family_name, date_of_birth, email, phone, postcode,
                                    age_band, sex, ethnicity, disability, religion)
        SELECT ${largeIdSql("victim", "v")}, 'SYN-VICTIM-L' || lpad(v::text, 6, '0'), 'Test', 'Person ' || lpad(v::text, 6, '0'),
               date '1950-01-01' + (v * 37) % 20000, 'test.person.' || lpad(v::text, 6, '0') || '@example.invalid',
               '07700 900' || lpad((v % 1000)::text, 3, '0'), 'ZZ99 ' || (v % 10) || 'ZZ',
               (ARRAY['AGE_18_24','AGE_25_34','AGE_35_44','AGE_45_54','AGE_55_64','AGE_65_74'])[v % 6 + 1],
               (ARRAY['FEMALE','FEMALE','MALE','PREFER_NOT_TO_SAY'])[v % 4 + 1],
               (ARRAY['WHITE','ASIAN','BLACK','MIXED','OTHER'])[v % 5 + 1],
               (ARRAY['NOT_DISABLED','NOT_DISABLED','LIMITED_A_LITTLE','LIMITED_A_LOT'])[v % 4 + 1],
               (ARRAY['NO_RELIGION','CHRISTIAN','MUSLIM','OTHER'])[v % 4 + 1]
        FROM generate_series(1, ${s.victims}) v ON CONFLICT DO NOTHING`,
    },
    {
      name: "cases (each with its crime)",
      rows: s.cases,
      count: `SELECT count(*) FROM victims."case" WHERE id::text LIKE 'b2000000-%'`,
      insert: `
        INSERT INTO victims."case" (id, case_reference, borough, thematic_lead, status, opened_at, crime_reference, victim_id,
                                    referral_route, crime_reported_at, referral_received_at)
        SELECT ${largeIdSql("case", "i")}, 'GMVS-L-' || lpad(i::text, 7, '0'),
               (ARRAY['BOLTON','BURY','MANCHESTER','OLDHAM','ROCHDALE','SALFORD','STOCKPORT','TAMESIDE','TRAFFORD','WIGAN'])[i % 10 + 1],
               CASE WHEN i % 5 IN (0, 4) THEN 'STALKING' ELSE 'DOMESTIC_ABUSE' END, 'OPEN', ${caseOpenedAtSql("i")},
               ${crimeReferenceSql("i")}, ${largeIdSql("victim", victimOf("i"))}, 'POLICE',
               ${caseOpenedAtSql("i")} - interval '1 day', ${caseOpenedAtSql("i")}
        FROM generate_series(1, ${s.cases}) i ON CONFLICT DO NOTHING`,
    },
    {
      name: "subject links (victim, case, crime)",
      rows: s.victims + 2 * s.cases,
      count: `SELECT count(*) FROM governance.subject_link WHERE subject_id::text LIKE 'b3000000-%'`,
      insert: `
        INSERT INTO governance.subject_link (system, local_ref, subject_id)
        SELECT 'gmvs-victim', ${largeIdSql("victim", "v")}::text, ${largeIdSql("subject", "v")} FROM generate_series(1, ${s.victims}) v
        UNION ALL
        SELECT 'gmvs-case', ${largeIdSql("case", "i")}::text, ${largeIdSql("subject", victimOf("i"))} FROM generate_series(1, ${s.cases}) i
        UNION ALL
        SELECT 'police-crime', ${crimeReferenceSql("i")}, ${largeIdSql("subject", victimOf("i"))} FROM generate_series(1, ${s.cases}) i
        ON CONFLICT DO NOTHING`,
    },
    {
      name: "consents (one per referral, to its partner)",
      rows: s.referrals,
      count: `SELECT count(*) FROM governance.consent WHERE id::text LIKE 'b5000000-%'`,
      insert: `
        INSERT INTO governance.consent (id, subject_id, recipient, categories, purposes, given_at, recorded_by)
        SELECT ${largeIdSql("consent", "r")}, ${largeIdSql("subject", victimOf(caseOf("r")))}, ${partner},
               CASE WHEN ${partner} = 'PANKHURST' THEN $1::text[] ELSE $2::text[] END, '{support}', ${sentAt("r")} - interval '1 hour', 'seed-large'
        FROM generate_series(1, ${s.referrals}) r ON CONFLICT DO NOTHING`,
      params: [PANKHURST_CATEGORIES, OTHER_PARTNER_CATEGORIES],
    },
    {
      name: "referrals out",
      rows: s.referrals,
      count: `SELECT count(*) FROM partners.referral WHERE id::text LIKE 'b4000000-%'`,
      insert: `
        INSERT INTO partners.referral (id, case_id, partner, service, categories, consent_id, reason, status, sent_by, sent_at,
                                       received_at, accepted_at, declined_at, decline_reason, first_contact_at, updated_at)
        SELECT ${largeIdSql("referral", "r")}, ${largeIdSql("case", caseOf("r"))}, ${partner},
               CASE ${partner} WHEN 'PANKHURST' THEN 'Restore' WHEN 'HOURGLASS' THEN 'Economic abuse' ELSE 'Victim navigator' END,
               $1::text[], ${largeIdSql("consent", "r")}, 'Synthetic: made-up referral ' || r, ${status}, 'seed-large', ${sentAt("r")},
               CASE WHEN ${status} <> 'SENT' THEN ${sentAt("r")} + interval '4 hours' END,
               CASE WHEN ${status} = 'ACCEPTED' THEN ${sentAt("r")} + interval '2 days' END,
               CASE WHEN ${status} = 'DECLINED' THEN ${sentAt("r")} + interval '1 day' END,
               CASE WHEN ${status} = 'DECLINED' THEN 'Synthetic: outside the service''s area' END,
               CASE WHEN ${status} = 'ACCEPTED' THEN ${sentAt("r")} + interval '3 days' END,
               ${sentAt("r")} + CASE ${status} WHEN 'ACCEPTED' THEN interval '3 days' WHEN 'SENT' THEN interval '0' ELSE interval '1 day' END
        FROM generate_series(1, ${s.referrals}) r ON CONFLICT DO NOTHING`,
      params: [REFERRAL_CATEGORIES],
    },
    {
      name: "relationships (GMVS case, GMP crime, partner referral)",
      rows: 2 * s.cases + s.referrals,
      count: `SELECT count(*) FROM governance.relationship WHERE subject_id::text LIKE 'b3000000-%'`,
      insert: `
        INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at, closed_at)
        SELECT ${largeIdSql("subject", victimOf("i"))}, 'GMVS', 'gmvs-case', ${largeIdSql("case", "i")}::text, ${caseOpenedAtSql("i")}, NULL::timestamptz
        FROM generate_series(1, ${s.cases}) i
        UNION ALL
        SELECT ${largeIdSql("subject", victimOf("i"))}, 'GMP', 'police-crime', ${crimeReferenceSql("i")}, ${caseOpenedAtSql("i")} - interval '1 day', NULL
        FROM generate_series(1, ${s.cases}) i
        UNION ALL
        SELECT ${largeIdSql("subject", victimOf(caseOf("r")))}, ${partner}, '${REFERRAL_RELATIONSHIP}', ${largeIdSql("referral", "r")}::text, ${sentAt("r")},
               CASE WHEN ${status} = 'DECLINED' THEN ${sentAt("r")} + interval '1 day' END
        FROM generate_series(1, ${s.referrals}) r
        ON CONFLICT DO NOTHING`,
    },
  ];
}

/** Writes the large data set, reporting each step. */
export async function seedLarge(query: Query, sizes: LargeSizes, progress: (line: string) => void = () => undefined): Promise<void> {
  for (const step of steps(sizes)) {
    const present = Number(((await query(step.count)) as { count: string }[])[0].count);
    if (present >= step.rows) {
      progress(`${step.name}: ${present.toLocaleString("en-GB")} present`);
      continue;
    }
    const started = Date.now();
    await query(step.insert, step.params ?? []);
    progress(`${step.name}: ${step.rows.toLocaleString("en-GB")} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  await query(`ANALYZE`);
}

async function main(): Promise<void> {
  const scale = Number(process.env.SEED_LARGE_SCALE ?? 1);
  const sizes = largeSizes(scale);
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
  // Set-based inserts of hundreds of thousands of rows outlast the bound that guards requests.
  const db = await prepareDatabase(config, SUBGRAPH_NAMES, createLogger(config.logLevel), { statementTimeoutMs: 0 });
  try {
    process.stdout.write(
      `seed:large into ${db.embedded ? "PGlite" : "PostgreSQL"}: ${sizes.victims} victims, ${sizes.cases} cases, ${sizes.crimes} crimes (police stand-in), ${sizes.referrals} referrals\n`,
    );
    await seedLarge((sql, params) => db.dataSource.query(sql, params), sizes, (line) => process.stdout.write(`  ${line}\n`));
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`seed:large failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
