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
 * insights: Challenger's modern-slavery work with survivors, under the same
 * disclosure control as referrals: one fact per NRM referral or Duty to
 * Notify return (its kind and how far its decisions have got), and one per
 * place-of-safety stay (how long it lasted), each with its case's context.
 * Small tables read directly: no cube.
 */
export class InsightsModernSlaveryFacts1795449715000 implements MigrationInterface {
  name = "InsightsModernSlaveryFacts1795449715000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insights.nrm_submission_fact (
        fact_key text PRIMARY KEY,
        source text NOT NULL,
        ${CONTEXT_COLUMNS},
        submission_kind text NOT NULL,
        nrm_stage text NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        ${RECORD_KEY}
      )`);
    await queryRunner.query(`CREATE INDEX nrm_submission_fact_month_idx ON insights.nrm_submission_fact (month, submission_kind)`);
    await queryRunner.query(`
      CREATE TABLE insights.place_of_safety_stay_fact (
        fact_key text PRIMARY KEY,
        source text NOT NULL,
        ${CONTEXT_COLUMNS},
        stay_length text NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        ${RECORD_KEY}
      )`);
    await queryRunner.query(`CREATE INDEX place_of_safety_stay_fact_month_idx ON insights.place_of_safety_stay_fact (month)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE insights.place_of_safety_stay_fact`);
    await queryRunner.query(`DROP TABLE insights.nrm_submission_fact`);
  }
}
