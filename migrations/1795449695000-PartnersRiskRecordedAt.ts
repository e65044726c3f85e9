import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * partners: when each risk assessment and MARAC referral row was written, for
 * the insights fact feed to read them in the order they were written.
 * `assessed_at` and `raised_at` will not do: a MARAC referral raised by the
 * partner sync carries the partner's assessment time, which can be long
 * before the row is written, so a reader past it would never see the row.
 * Existing rows take their assessment and raising times.
 */
export class PartnersRiskRecordedAt1795449695000 implements MigrationInterface {
  name = "PartnersRiskRecordedAt1795449695000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, from] of [
      ["risk_assessment", "assessed_at"],
      ["marac_referral", "raised_at"],
    ] as const) {
      await queryRunner.query(`ALTER TABLE partners.${table} ADD COLUMN recorded_at timestamptz`);
      await queryRunner.query(`UPDATE partners.${table} SET recorded_at = ${from}`);
      await queryRunner.query(`ALTER TABLE partners.${table} ALTER COLUMN recorded_at SET DEFAULT clock_timestamp(), ALTER COLUMN recorded_at SET NOT NULL`);
      await queryRunner.query(`CREATE INDEX ${table}_recorded_idx ON partners.${table} (recorded_at, id)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["risk_assessment", "marac_referral"]) {
      await queryRunner.query(`ALTER TABLE partners.${table} DROP COLUMN recorded_at`);
    }
  }
}
