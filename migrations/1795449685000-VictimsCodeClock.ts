import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Where the Victims' Code clock (src/subgraphs/victims/victims-code/clock.ts)
 * keeps each timed entitlement it has announced: one row per case,
 * entitlement and the event that started it, with where it last stood, so
 * each step (due, overdue, met) is announced once, in the transaction that
 * records it.
 */
export class VictimsCodeClock1795449685000 implements MigrationInterface {
  name = "VictimsCodeClock1795449685000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE victims.entitlement_clock (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES victims."case" (id),
        entitlement text NOT NULL,
        trigger_id text NOT NULL,
        due_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('DUE', 'OVERDUE', 'MET')),
        changed_at timestamptz NOT NULL,
        UNIQUE (case_id, entitlement, trigger_id)
      )`);
    await queryRunner.query(`CREATE INDEX entitlement_clock_open ON victims.entitlement_clock (case_id) WHERE state <> 'MET'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE victims.entitlement_clock`);
  }
}
