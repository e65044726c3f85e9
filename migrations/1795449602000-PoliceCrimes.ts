import { MigrationInterface, QueryRunner } from "typeorm";

/** police: crime records held for the police subgraph. */
export class PoliceCrimes1795449602000 implements MigrationInterface {
  name = "PoliceCrimes1795449602000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS police`);
    await queryRunner.query(`
      CREATE TABLE police.crime (
        crime_reference text PRIMARY KEY,
        recorded_at timestamptz NOT NULL,
        offence_code text NOT NULL,
        offence_description text NOT NULL,
        borough text NOT NULL,
        status text NOT NULL,
        domestic_abuse boolean NOT NULL DEFAULT false,
        stalking boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`CREATE INDEX crime_recorded_at_idx ON police.crime (recorded_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE police.crime`);
  }
}
