import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * GMP records telling the victim of the crime report itself (Right 3's
 * written confirmation and information on reporting) as it records telling
 * them of an update: the same record with no update named.
 */
export class VictimsInformedOfTheReport1795449670000 implements MigrationInterface {
  name = "VictimsInformedOfTheReport1795449670000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE victims.victim_informed ALTER COLUMN police_update_id DROP NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM victims.victim_informed WHERE police_update_id IS NULL`);
    await queryRunner.query(`ALTER TABLE victims.victim_informed ALTER COLUMN police_update_id SET NOT NULL`);
  }
}
