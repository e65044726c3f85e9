import { MigrationInterface, QueryRunner } from "typeorm";

/** insights: a log of evidence-base refreshes. */
export class InsightsRefreshRuns1795449605000 implements MigrationInterface {
  name = "InsightsRefreshRuns1795449605000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS insights`);
    await queryRunner.query(`
      CREATE TABLE insights.refresh_run (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        facts_written integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE insights.refresh_run`);
  }
}
