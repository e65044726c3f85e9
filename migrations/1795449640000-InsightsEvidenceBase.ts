import { MigrationInterface, QueryRunner } from "typeorm";

/** The descriptive context every fact carries (src/subgraphs/insights/facts/facts.ts FactContext). */
const CONTEXT_COLUMNS = `
  month date NOT NULL CHECK (month = date_trunc('month', month)),
  borough text NOT NULL,
  crime_type text NOT NULL,
  domestic_abuse boolean NOT NULL,
  stalking boolean NOT NULL,
  hate_crime boolean NOT NULL,
  modern_slavery boolean NOT NULL,
  fraud boolean NOT NULL,
  age_band text NOT NULL,
  sex text NOT NULL,
  ethnicity text NOT NULL,
  ethnic_group text NOT NULL,
  disability text NOT NULL`;

/**
 * insights: the pseudonymised evidence base for commissioners.
 *
 * Facts hold no name, case id, crime reference or exact time: `fact_key` is an
 * HMAC of the source's key (so a refresh upserts), dates are months, and a
 * referral keeps only the day it was made and whole days to first contact
 * and to acceptance. Materialised cubes at coarser grains answer the main
 * queries (demand and waits by area and disability) without reading every
 * fact; they are refreshed CONCURRENTLY after each refresh that wrote facts,
 * so readers are never blocked, hence the unique index on each.
 */
export class InsightsEvidenceBase1795449640000 implements MigrationInterface {
  name = "InsightsEvidenceBase1795449640000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insights.referral_fact (
        fact_key text PRIMARY KEY,
        source text NOT NULL,
        ${CONTEXT_COLUMNS},
        route text NOT NULL,
        service text NOT NULL,
        status text NOT NULL,
        outcome text,
        sent_on date NOT NULL,
        days_to_first_contact integer CHECK (days_to_first_contact >= 0),
        days_to_acceptance integer CHECK (days_to_acceptance >= 0),
        waiting boolean NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX referral_fact_month_idx ON insights.referral_fact (month)`);
    await queryRunner.query(`CREATE INDEX referral_fact_borough_month_idx ON insights.referral_fact (borough, month)`);
    await queryRunner.query(`CREATE INDEX referral_fact_service_month_idx ON insights.referral_fact (service, month)`);
    await queryRunner.query(`CREATE INDEX referral_fact_waiting_idx ON insights.referral_fact (month) WHERE waiting`);

    await queryRunner.query(`
      CREATE TABLE insights.entitlement_fact (
        fact_key text PRIMARY KEY,
        source text NOT NULL,
        ${CONTEXT_COLUMNS},
        entitlement text NOT NULL,
        status text NOT NULL,
        enhanced_rights boolean NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX entitlement_fact_month_idx ON insights.entitlement_fact (month, entitlement)`);

    await queryRunner.query(`
      CREATE TABLE insights.survey_fact (
        fact_key text PRIMARY KEY,
        source text NOT NULL,
        ${CONTEXT_COLUMNS},
        survey_right text NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        refreshed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX survey_fact_month_idx ON insights.survey_fact (month, survey_right)`);

    /** Dimension values and their labels, for reporting tools reading the schema directly; the API takes them from code. */
    await queryRunner.query(`
      CREATE TABLE insights.dimension_value (
        dimension text NOT NULL,
        value text NOT NULL,
        label text NOT NULL,
        sort_order integer NOT NULL,
        PRIMARY KEY (dimension, value)
      )`);

    await queryRunner.query(`
      CREATE TABLE insights.source_watermark (
        source text PRIMARY KEY,
        watermark text NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`ALTER TABLE insights.refresh_run ADD COLUMN status text NOT NULL DEFAULT 'FINISHED'`);
    await queryRunner.query(`ALTER TABLE insights.refresh_run ADD COLUMN facts_by_source jsonb NOT NULL DEFAULT '{}'::jsonb`);
    await queryRunner.query(`ALTER TABLE insights.refresh_run ADD COLUMN error text`);

    /** police.uk street-level crime, area-level open data (connectors/police/policeuk); keyed as the parser keys rows. */
    await queryRunner.query(`
      CREATE TABLE insights.police_uk_crime (
        idempotency_key text PRIMARY KEY,
        month date NOT NULL,
        borough text NOT NULL,
        crime_type text NOT NULL,
        lsoa_code text NOT NULL,
        last_outcome_category text,
        source_file text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX police_uk_crime_month_idx ON insights.police_uk_crime (month, borough)`);

    await queryRunner.query(`
      CREATE MATERIALIZED VIEW insights.referral_count_cube AS
      SELECT month, borough, route, service, disability, sex, count(*)::bigint AS n
      FROM insights.referral_fact
      GROUP BY month, borough, route, service, disability, sex`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX referral_count_cube_key ON insights.referral_count_cube (month, borough, route, service, disability, sex)`,
    );
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW insights.referral_wait_cube AS
      SELECT month, borough, route, disability, 'FIRST_CONTACT'::text AS wait, days_to_first_contact AS days, count(*)::bigint AS n
      FROM insights.referral_fact WHERE days_to_first_contact IS NOT NULL
      GROUP BY month, borough, route, disability, days_to_first_contact
      UNION ALL
      SELECT month, borough, route, disability, 'ACCEPTANCE'::text, days_to_acceptance, count(*)::bigint
      FROM insights.referral_fact WHERE days_to_acceptance IS NOT NULL
      GROUP BY month, borough, route, disability, days_to_acceptance`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX referral_wait_cube_key ON insights.referral_wait_cube (wait, month, borough, route, disability, days)`,
    );
    await queryRunner.query(`
      CREATE MATERIALIZED VIEW insights.referral_service_wait_cube AS
      SELECT month, service, route, 'FIRST_CONTACT'::text AS wait, days_to_first_contact AS days, count(*)::bigint AS n
      FROM insights.referral_fact WHERE days_to_first_contact IS NOT NULL
      GROUP BY month, service, route, days_to_first_contact
      UNION ALL
      SELECT month, service, route, 'ACCEPTANCE'::text, days_to_acceptance, count(*)::bigint
      FROM insights.referral_fact WHERE days_to_acceptance IS NOT NULL
      GROUP BY month, service, route, days_to_acceptance`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX referral_service_wait_cube_key ON insights.referral_service_wait_cube (wait, month, service, route, days)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP MATERIALIZED VIEW insights.referral_service_wait_cube`);
    await queryRunner.query(`DROP MATERIALIZED VIEW insights.referral_wait_cube`);
    await queryRunner.query(`DROP MATERIALIZED VIEW insights.referral_count_cube`);
    await queryRunner.query(`DROP TABLE insights.police_uk_crime`);
    await queryRunner.query(`ALTER TABLE insights.refresh_run DROP COLUMN error, DROP COLUMN facts_by_source, DROP COLUMN status`);
    await queryRunner.query(`DROP TABLE insights.source_watermark`);
    await queryRunner.query(`DROP TABLE insights.dimension_value`);
    await queryRunner.query(`DROP TABLE insights.survey_fact`);
    await queryRunner.query(`DROP TABLE insights.entitlement_fact`);
    await queryRunner.query(`DROP TABLE insights.referral_fact`);
  }
}
