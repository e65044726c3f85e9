import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * partners: service episodes now come from the partners' own systems
 * through their connectors, so the hub's copy goes. The hub keeps only what
 * the partner systems do not: risk assessments recorded through the hub
 * (partner systems' APIs take no risk writes), the MARAC referrals raised
 * from high-risk assessments of either origin, and how far the hub has read
 * each partner's change feed.
 */
export class PartnersRiskAndMarac1795449635000 implements MigrationInterface {
  name = "PartnersRiskAndMarac1795449635000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS partners.service_episode`);
    await queryRunner.query(`
      CREATE TABLE partners.risk_assessment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        partner text NOT NULL,
        tool text NOT NULL,
        question_set_version text NOT NULL,
        -- Every answer as given, keyed by question id: the score is derived, the answers are the record.
        answers jsonb NOT NULL,
        professional_judgement text CHECK (professional_judgement IN ('STANDARD', 'MEDIUM', 'HIGH')),
        police_call_outs_last_12_months integer CHECK (police_call_outs_last_12_months >= 0),
        assessed_at timestamptz NOT NULL,
        assessor text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX risk_assessment_case_id_idx ON partners.risk_assessment (case_id)`);
    await queryRunner.query(`
      CREATE TABLE partners.marac_referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        -- A hub assessment's uuid, or the partner system's own id for one read through a connector.
        assessment_id text NOT NULL,
        partner text NOT NULL,
        raised_at timestamptz NOT NULL,
        reasons text[] NOT NULL,
        -- One referral per assessment, whichever path saw it first.
        UNIQUE (partner, assessment_id)
      )`);
    await queryRunner.query(`CREATE INDEX marac_referral_case_id_idx ON partners.marac_referral (case_id)`);
    await queryRunner.query(`
      CREATE TABLE partners.connector_sync (
        partner text PRIMARY KEY,
        -- The connector's opaque changesSince cursor.
        cursor text NOT NULL,
        synced_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE partners.connector_sync`);
    await queryRunner.query(`DROP TABLE partners.marac_referral`);
    await queryRunner.query(`DROP TABLE partners.risk_assessment`);
    await queryRunner.query(`
      CREATE TABLE partners.service_episode (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        provider text NOT NULL,
        service text NOT NULL,
        status text NOT NULL,
        started_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX service_episode_case_id_idx ON partners.service_episode (case_id)`);
  }
}
