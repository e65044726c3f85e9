import { MigrationInterface, QueryRunner } from "typeorm";

/** victims: GMVS case files. gen_random_uuid() is built into PostgreSQL 13+ and PGlite; no extension needed. */
export class VictimsCases1795449603000 implements MigrationInterface {
  name = "VictimsCases1795449603000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS victims`);
    await queryRunner.query(`
      CREATE TABLE victims."case" (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_reference text NOT NULL UNIQUE,
        borough text NOT NULL,
        thematic_lead text NOT NULL,
        status text NOT NULL,
        opened_at timestamptz NOT NULL,
        crime_reference text
      )`);
    await queryRunner.query(`CREATE INDEX case_opened_at_idx ON victims."case" (opened_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE victims."case"`);
  }
}
