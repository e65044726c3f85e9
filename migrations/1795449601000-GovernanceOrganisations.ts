import { MigrationInterface, QueryRunner } from "typeorm";

/** governance: the organisations that take part. */
export class GovernanceOrganisations1795449601000 implements MigrationInterface {
  name = "GovernanceOrganisations1795449601000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS governance`);
    await queryRunner.query(`
      CREATE TABLE governance.organisation (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE governance.organisation`);
  }
}
