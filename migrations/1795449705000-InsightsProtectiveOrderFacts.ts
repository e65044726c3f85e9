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
 * insights: protective orders (SPO, DAPN, DAPO) on the crimes of victims GMVS
 * supports, one fact each, with its kind, where it has got to (applied for,
 * issued, breached) and its case's context, under the same disclosure
 * control as referrals. A small table read directly: no cube.
 */
export class InsightsProtectiveOrderFacts1795449705000 implements MigrationInterface {
  name = "InsightsProtectiveOrderFacts1795449705000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insights.protective_order_fact (
        fact_key text PRIMARY KEY,
        source text NOT NULL,
        ${CONTEXT_COLUMNS},
        order_kind text NOT NULL,
        order_outcome text NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        ${RECORD_KEY}
      )`);
    await queryRunner.query(`CREATE INDEX protective_order_fact_month_idx ON insights.protective_order_fact (month, order_kind, order_outcome)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE insights.protective_order_fact`);
  }
}
