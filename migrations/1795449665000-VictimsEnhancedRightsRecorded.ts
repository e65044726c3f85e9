import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Enhanced Rights as a dated record: each judgement (at referral, or a
 * caseworker's, with its reason) applies from its own date, so a category
 * recorded today no longer shortens the clocks of decisions made before it.
 * A case's categories recorded before this held no date; they are carried
 * over as applying from the crime's report (or the case's opening), which is
 * what the engine assumed of them until now.
 */
export class VictimsEnhancedRightsRecorded1795449665000 implements MigrationInterface {
  name = "VictimsEnhancedRightsRecorded1795449665000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE victims.enhanced_rights_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES victims."case" (id),
        categories text[] NOT NULL,
        withheld text[] NOT NULL DEFAULT '{}',
        applies_from timestamptz NOT NULL,
        reason text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX enhanced_rights_record_case_idx ON victims.enhanced_rights_record (case_id, applies_from)`);
    await queryRunner.query(`
      INSERT INTO victims.enhanced_rights_record (case_id, categories, applies_from, reason, recorded_by, recorded_at)
      SELECT id, enhanced_rights, coalesce(crime_reported_at, opened_at), 'Recorded on the case before Enhanced Rights were dated', 'migration', now()
      FROM victims."case" WHERE cardinality(enhanced_rights) > 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE victims.enhanced_rights_record`);
  }
}
