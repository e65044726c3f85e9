import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * police: the subgraph now reads crimes from the police records API
 * (connectors/police); the police system is the record and the hub keeps no
 * copy, so the table 1795449602000 made goes. The schema stays: the police
 * subgraph's namespace, should it ever hold anything of its own.
 */
export class PoliceCrimesFromSource1795449610000 implements MigrationInterface {
  name = "PoliceCrimesFromSource1795449610000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS police.crime`);
  }

  /** Puts back the empty table as 1795449602000 made it; its rows lived in the police system all along. */
  async down(queryRunner: QueryRunner): Promise<void> {
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
}
