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
 * insights: cope-and-recover outcomes, one fact per outcome area a partner
 * measured for a victim at least twice, saying whether the latest score is
 * better than the first, with its case's context, under the same disclosure
 * control as referrals. A small table read directly: no cube.
 */
export class InsightsCopeRecoverFacts1795449710000 implements MigrationInterface {
  name = "InsightsCopeRecoverFacts1795449710000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insights.cope_recover_fact (
        fact_key text PRIMARY KEY,
        source text NOT NULL,
        ${CONTEXT_COLUMNS},
        outcome_area text NOT NULL,
        improved boolean NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        ${RECORD_KEY}
      )`);
    await queryRunner.query(`CREATE INDEX cope_recover_fact_month_idx ON insights.cope_recover_fact (month, outcome_area)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE insights.cope_recover_fact`);
  }
}
