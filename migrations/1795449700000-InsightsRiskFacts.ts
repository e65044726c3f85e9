import { MigrationInterface, QueryRunner } from "typeorm";

/** The descriptive context every fact carries, as in 1795449640000-InsightsEvidenceBase. */
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

/** As 1795449690000-InsightsRecordKeys: the cell-key method's record key, fixed by the fact's key. */
const RECORD_KEY = `record_key smallint GENERATED ALWAYS AS (get_byte(decode(md5(fact_key), 'hex'), 0)) STORED`;

/**
 * insights: risk assessments (DASH levels, S-DASH screens) and MARAC
 * referrals, one fact each, with their case's context, so commissioners can
 * count them by month, area and demographics under the same disclosure
 * control as referrals. Small tables read directly: no cubes.
 */
export class InsightsRiskFacts1795449700000 implements MigrationInterface {
  name = "InsightsRiskFacts1795449700000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insights.risk_assessment_fact (
        fact_key text PRIMARY KEY,
        source text NOT NULL,
        ${CONTEXT_COLUMNS},
        risk_tool text NOT NULL,
        risk_level text NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        ${RECORD_KEY}
      )`);
    await queryRunner.query(`CREATE INDEX risk_assessment_fact_month_idx ON insights.risk_assessment_fact (month, risk_tool, risk_level)`);
    await queryRunner.query(`
      CREATE TABLE insights.marac_referral_fact (
        fact_key text PRIMARY KEY,
        source text NOT NULL,
        ${CONTEXT_COLUMNS},
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        ${RECORD_KEY}
      )`);
    await queryRunner.query(`CREATE INDEX marac_referral_fact_month_idx ON insights.marac_referral_fact (month, borough)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE insights.marac_referral_fact`);
    await queryRunner.query(`DROP TABLE insights.risk_assessment_fact`);
  }
}
