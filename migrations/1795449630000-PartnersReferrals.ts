import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * partners: referrals out, GMVS → partner service (DESIGN.md, Data ownership:
 * partners; issues 5 and 9). One row per referral, with a timestamp per state
 * it has been in. The checks keep each row true to the referral state machine
 * (src/subgraphs/partners/referrals/referral.state.ts) even against a writer
 * that bypasses it: a decline always carries its reason, a state's timestamp
 * is set once the referral has reached that state. `updated_at` moves with
 * every change, for readers that follow changes (insights).
 */
export class PartnersReferrals1795449630000 implements MigrationInterface {
  name = "PartnersReferrals1795449630000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS partners`);
    await queryRunner.query(`
      CREATE TABLE partners.referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        partner text NOT NULL,
        service text NOT NULL CHECK (length(btrim(service)) > 0),
        categories text[] NOT NULL CHECK (cardinality(categories) > 0),
        consent_id uuid,
        reason text NOT NULL,
        status text NOT NULL CHECK (status IN ('SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'CLOSED')),
        sent_by text NOT NULL,
        sent_at timestamptz NOT NULL,
        received_at timestamptz,
        accepted_at timestamptz,
        declined_at timestamptz,
        decline_reason text,
        withdrawn_at timestamptz,
        withdraw_reason text,
        closed_at timestamptz,
        first_contact_at timestamptz,
        -- Millisecond precision, as JavaScript's Date: a watermark read back compares equal to the row it came from.
        updated_at timestamptz(3) NOT NULL,
        CHECK ((declined_at IS NULL) = (decline_reason IS NULL)),
        CHECK ((withdrawn_at IS NULL) = (withdraw_reason IS NULL)),
        CHECK (status <> 'RECEIVED' OR received_at IS NOT NULL),
        CHECK (status <> 'ACCEPTED' OR accepted_at IS NOT NULL),
        CHECK (status <> 'DECLINED' OR declined_at IS NOT NULL),
        CHECK (status <> 'WITHDRAWN' OR withdrawn_at IS NOT NULL),
        CHECK (status <> 'CLOSED' OR closed_at IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX referral_case_id_idx ON partners.referral (case_id)`);
    await queryRunner.query(`CREATE INDEX referral_partner_status_idx ON partners.referral (partner, status, sent_at DESC)`);
    await queryRunner.query(`CREATE INDEX referral_updated_at_idx ON partners.referral (updated_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE partners.referral`);
  }
}
