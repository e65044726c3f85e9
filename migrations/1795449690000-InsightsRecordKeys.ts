import { MigrationInterface, QueryRunner } from "typeorm";

/** A fact's record key for the cell-key method: the first byte of an MD5 of its key, so the same fact always has the same one. */
const RECORD_KEY = (column: string) => `smallint GENERATED ALWAYS AS (get_byte(decode(md5(${column}), 'hex'), 0)) STORED`;

/**
 * Record keys for the cell-key method (src/subgraphs/insights/disclosure/
 * cell-key.ts): each fact gets a number from 0 to 255 derived from its key,
 * and each cube keeps the sum of its facts' record keys (`k`), which is all a
 * cell's key needs, at any grain. The fact keys are HMACs under the
 * pseudonym secret, so nobody without the secret can work out a fact's
 * record key; police.uk rows are open data, keyed by their own row key.
 * The cubes are rebuilt with the new column.
 */
export class InsightsRecordKeys1795449690000 implements MigrationInterface {
  name = "InsightsRecordKeys1795449690000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["referral_fact", "entitlement_fact", "survey_fact"]) {
      await queryRunner.query(`ALTER TABLE insights.${table} ADD COLUMN record_key ${RECORD_KEY("fact_key")}`);
    }
    await queryRunner.query(`ALTER TABLE insights.police_uk_crime ADD COLUMN record_key ${RECORD_KEY("idempotency_key")}`);
    await dropCubes(queryRunner);
    await createCubes(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropCubes(queryRunner);
    await createCubes(queryRunner, false);
    for (const table of ["referral_fact", "entitlement_fact", "survey_fact", "police_uk_crime"]) {
      await queryRunner.query(`ALTER TABLE insights.${table} DROP COLUMN record_key`);
    }
  }
}

async function dropCubes(queryRunner: QueryRunner): Promise<void> {
  for (const cube of ["referral_service_wait_cube", "referral_wait_cube", "referral_count_cube"]) {
    await queryRunner.query(`DROP MATERIALIZED VIEW insights.${cube}`);
  }
}

/** The cubes of 1795449640000-InsightsEvidenceBase, with the sum of their facts' record keys where `withKeys`. */
async function createCubes(queryRunner: QueryRunner, withKeys: boolean): Promise<void> {
  const k = withKeys ? ", sum(record_key)::bigint AS k" : "";
  const kUnnamed = withKeys ? ", sum(record_key)::bigint" : "";
  await queryRunner.query(`
    CREATE MATERIALIZED VIEW insights.referral_count_cube AS
    SELECT month, borough, route, service, disability, sex, count(*)::bigint AS n${k}
    FROM insights.referral_fact
    GROUP BY month, borough, route, service, disability, sex`);
  await queryRunner.query(`CREATE UNIQUE INDEX referral_count_cube_key ON insights.referral_count_cube (month, borough, route, service, disability, sex)`);
  await queryRunner.query(`
    CREATE MATERIALIZED VIEW insights.referral_wait_cube AS
    SELECT month, borough, route, disability, 'FIRST_CONTACT'::text AS wait, days_to_first_contact AS days, count(*)::bigint AS n${k}
    FROM insights.referral_fact WHERE days_to_first_contact IS NOT NULL
    GROUP BY month, borough, route, disability, days_to_first_contact
    UNION ALL
    SELECT month, borough, route, disability, 'ACCEPTANCE'::text, days_to_acceptance, count(*)::bigint${kUnnamed}
    FROM insights.referral_fact WHERE days_to_acceptance IS NOT NULL
    GROUP BY month, borough, route, disability, days_to_acceptance`);
  await queryRunner.query(`CREATE UNIQUE INDEX referral_wait_cube_key ON insights.referral_wait_cube (wait, month, borough, route, disability, days)`);
  await queryRunner.query(`
    CREATE MATERIALIZED VIEW insights.referral_service_wait_cube AS
    SELECT month, service, route, 'FIRST_CONTACT'::text AS wait, days_to_first_contact AS days, count(*)::bigint AS n${k}
    FROM insights.referral_fact WHERE days_to_first_contact IS NOT NULL
    GROUP BY month, service, route, days_to_first_contact
    UNION ALL
    SELECT month, service, route, 'ACCEPTANCE'::text, days_to_acceptance, count(*)::bigint${kUnnamed}
    FROM insights.referral_fact WHERE days_to_acceptance IS NOT NULL
    GROUP BY month, service, route, days_to_acceptance`);
  await queryRunner.query(`CREATE UNIQUE INDEX referral_service_wait_cube_key ON insights.referral_service_wait_cube (wait, month, service, route, days)`);
}
