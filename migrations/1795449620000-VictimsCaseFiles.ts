import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * victims: the GMVS case file (issue 5). The victim as a person, the case's
 * intake and Victims' Code facts, needs assessments, contacts with the
 * victim, survey responses and scored match candidates for a caseworker to
 * confirm. New columns on victims."case" have defaults or are nullable, so
 * inserts written before this migration keep working.
 */
export class VictimsCaseFiles1795449620000 implements MigrationInterface {
  name = "VictimsCaseFiles1795449620000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE victims.victim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        police_victim_ref text,
        given_name text,
        family_name text,
        date_of_birth date,
        email text,
        phone text,
        postcode text,
        address_line text,
        age_band text,
        sex text,
        ethnicity text,
        disability text,
        religion text,
        -- Set when a caseworker confirmed this record is the same person as another: the other is kept.
        merged_into uuid REFERENCES victims.victim (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Exact identifiers first: these are what matching looks up.
    await queryRunner.query(`CREATE UNIQUE INDEX victim_police_ref_idx ON victims.victim (police_victim_ref) WHERE police_victim_ref IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX victim_dob_idx ON victims.victim (date_of_birth)`);
    await queryRunner.query(`CREATE INDEX victim_email_idx ON victims.victim (lower(email))`);
    await queryRunner.query(`CREATE INDEX victim_family_name_idx ON victims.victim (lower(family_name))`);
    await queryRunner.query(`CREATE INDEX victim_postcode_idx ON victims.victim (postcode)`);

    await queryRunner.query(`CREATE SEQUENCE victims.case_reference_seq START 1000`);
    await queryRunner.query(`
      ALTER TABLE victims."case"
        ADD COLUMN victim_id uuid REFERENCES victims.victim (id),
        ADD COLUMN referral_route text,
        ADD COLUMN assigned_worker text,
        ADD COLUMN enhanced_rights text[] NOT NULL DEFAULT '{}',
        ADD COLUMN crime_reported_at timestamptz,
        ADD COLUMN referral_received_at timestamptz,
        ADD COLUMN referral_declined boolean NOT NULL DEFAULT false,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closure_reason text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`CREATE INDEX case_victim_idx ON victims."case" (victim_id)`);

    await queryRunner.query(`
      CREATE TABLE victims.needs_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES victims."case" (id),
        assessed_at timestamptz NOT NULL,
        assessed_by text NOT NULL,
        practical text NOT NULL,
        emotional text NOT NULL,
        safety text NOT NULL,
        health text NOT NULL,
        financial text NOT NULL,
        communication text NOT NULL,
        notes text,
        outcome text NOT NULL,
        review_on date
      )`);
    await queryRunner.query(`CREATE INDEX needs_assessment_case_idx ON victims.needs_assessment (case_id, assessed_at)`);

    await queryRunner.query(`
      CREATE TABLE victims.contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES victims."case" (id),
        occurred_at timestamptz NOT NULL,
        channel text NOT NULL,
        purpose text NOT NULL,
        summary text NOT NULL,
        made_by text NOT NULL,
        police_update_id text,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX contact_case_idx ON victims.contact (case_id, occurred_at)`);

    await queryRunner.query(`
      CREATE TABLE victims.survey_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES victims."case" (id),
        responded_at timestamptz NOT NULL,
        overall smallint,
        right_scores jsonb NOT NULL DEFAULT '[]'
      )`);
    await queryRunner.query(`CREATE INDEX survey_response_case_idx ON victims.survey_response (case_id, responded_at)`);

    await queryRunner.query(`
      CREATE TABLE victims.victim_match_candidate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        victim_id uuid NOT NULL REFERENCES victims.victim (id),
        candidate_victim_id uuid NOT NULL REFERENCES victims.victim (id),
        case_id uuid NOT NULL REFERENCES victims."case" (id),
        score numeric(4, 3) NOT NULL,
        reasons text[] NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz,
        decided_by text,
        UNIQUE (victim_id, candidate_victim_id)
      )`);
    await queryRunner.query(`CREATE INDEX victim_match_candidate_status_idx ON victims.victim_match_candidate (status, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE victims.victim_match_candidate`);
    await queryRunner.query(`DROP TABLE victims.survey_response`);
    await queryRunner.query(`DROP TABLE victims.contact`);
    await queryRunner.query(`DROP TABLE victims.needs_assessment`);
    await queryRunner.query(`
      ALTER TABLE victims."case"
        DROP COLUMN victim_id, DROP COLUMN referral_route, DROP COLUMN assigned_worker, DROP COLUMN enhanced_rights,
        DROP COLUMN crime_reported_at, DROP COLUMN referral_received_at, DROP COLUMN referral_declined,
        DROP COLUMN closed_at, DROP COLUMN closure_reason, DROP COLUMN updated_at`);
    await queryRunner.query(`DROP SEQUENCE victims.case_reference_seq`);
    await queryRunner.query(`DROP TABLE victims.victim`);
  }
}
