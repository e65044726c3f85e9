import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * governance: what the access decision reads (agreements, subjects and their
 * links, consents, relationships) and the audit it writes. The audit is
 * append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for every role,
 * the table's owner included, and each row chains the previous row's hash.
 */
export class GovernanceAccess1795449606000 implements MigrationInterface {
  name = "GovernanceAccess1795449606000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE governance.data_sharing_agreement (
        id text NOT NULL,
        version integer NOT NULL,
        title text NOT NULL,
        holder text NOT NULL,
        recipients text[] NOT NULL,
        categories text[] NOT NULL,
        purposes text[] NOT NULL,
        lawful_basis text NOT NULL,
        requires_consent boolean NOT NULL,
        starts_on timestamptz NOT NULL,
        ends_on timestamptz,
        source_file text NOT NULL,
        PRIMARY KEY (id, version)
      )`);
    await queryRunner.query(`CREATE TABLE governance.subject (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), created_at timestamptz NOT NULL DEFAULT now())`);
    await queryRunner.query(`
      CREATE TABLE governance.subject_link (
        system text NOT NULL,
        local_ref text NOT NULL,
        subject_id uuid NOT NULL REFERENCES governance.subject (id),
        PRIMARY KEY (system, local_ref)
      )`);
    await queryRunner.query(`CREATE INDEX subject_link_subject_idx ON governance.subject_link (subject_id)`);
    await queryRunner.query(`
      CREATE TABLE governance.consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_id uuid NOT NULL REFERENCES governance.subject (id),
        recipient text NOT NULL,
        categories text[] NOT NULL,
        purposes text[] NOT NULL,
        given_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by text
      )`);
    await queryRunner.query(`CREATE INDEX consent_subject_idx ON governance.consent (subject_id)`);
    await queryRunner.query(`
      CREATE TABLE governance.relationship (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_id uuid NOT NULL REFERENCES governance.subject (id),
        organisation text NOT NULL,
        kind text NOT NULL,
        source_ref text NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        UNIQUE (organisation, kind, source_ref)
      )`);
    await queryRunner.query(`CREATE INDEX relationship_subject_idx ON governance.relationship (subject_id)`);
    await queryRunner.query(`
      CREATE TABLE governance.audit_event (
        seq bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        request_id text NOT NULL,
        actor text,
        organisation text,
        roles text[] NOT NULL,
        purpose text,
        subject_id uuid,
        category text NOT NULL,
        holder text NOT NULL,
        decision text NOT NULL,
        reason text,
        agreement_id text,
        consent_id uuid,
        break_glass_reason text,
        prev_hash text NOT NULL,
        hash text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_event_subject_idx ON governance.audit_event (subject_id)`);
    await queryRunner.query(`CREATE INDEX audit_event_holder_idx ON governance.audit_event (holder, seq)`);
    await queryRunner.query(`
      CREATE FUNCTION governance.audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'governance.audit_event is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON governance.audit_event
      FOR EACH ROW EXECUTE FUNCTION governance.audit_event_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON governance.audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION governance.audit_event_is_append_only()`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON governance.audit_event FROM PUBLIC`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE governance.audit_event`);
    await queryRunner.query(`DROP FUNCTION governance.audit_event_is_append_only()`);
    await queryRunner.query(`DROP TABLE governance.relationship`);
    await queryRunner.query(`DROP TABLE governance.consent`);
    await queryRunner.query(`DROP TABLE governance.subject_link`);
    await queryRunner.query(`DROP TABLE governance.subject`);
    await queryRunner.query(`DROP TABLE governance.data_sharing_agreement`);
  }
}
