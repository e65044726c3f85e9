import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * GMP, the duty holder for Right 6, records that it told the victim of one of
 * its own investigation updates. Kept by crime, not by GMVS case: GMP records
 * it without knowing (or being told) whether GMVS has a case for the crime.
 */
export class VictimsInformedByDutyHolders1795449660000 implements MigrationInterface {
  name = "VictimsInformedByDutyHolders1795449660000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE victims.victim_informed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        crime_reference text NOT NULL,
        police_update_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        channel text NOT NULL,
        organisation text NOT NULL,
        made_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX victim_informed_crime_idx ON victims.victim_informed (crime_reference)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE victims.victim_informed`);
  }
}
