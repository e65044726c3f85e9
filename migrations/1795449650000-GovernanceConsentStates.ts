import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Consent as one state per victim, recipient, category and purpose. A row of
 * governance.consent is a recording (what GMVS wrote down with the victim, by
 * whom, when); governance.consent_state holds what is in force, one row per
 * (subject, recipient, category, purpose), and at most one in force at a time
 * for each: a partial unique index, so two recordings racing cannot both put
 * the same consent in force. decide() reads the states.
 *
 * A trigger derives the states of every recording inserted, whoever inserts
 * it: a pair already in force stays with the recording that put it in force
 * (given from the earlier of the two times); a recording inserted withdrawn
 * gives withdrawn states. Withdrawing a recording withdraws the states it
 * put in force. Existing recordings are backfilled the same way: where two
 * were in force for one pair, the earlier keeps it.
 */
export class GovernanceConsentStates1795449650000 implements MigrationInterface {
  name = "GovernanceConsentStates1795449650000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE governance.consent_state (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consent_id uuid NOT NULL REFERENCES governance.consent (id),
        subject_id uuid NOT NULL REFERENCES governance.subject (id),
        recipient text NOT NULL,
        category text NOT NULL,
        purpose text NOT NULL,
        given_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by text
      )`);
    await queryRunner.query(`CREATE INDEX consent_state_subject_idx ON governance.consent_state (subject_id)`);
    await queryRunner.query(`CREATE INDEX consent_state_consent_idx ON governance.consent_state (consent_id)`);
    await queryRunner.query(`
      INSERT INTO governance.consent_state (consent_id, subject_id, recipient, category, purpose, given_at, withdrawn_at, withdrawn_by)
      SELECT DISTINCT c.id, c.subject_id, c.recipient, category, purpose, c.given_at, c.withdrawn_at, c.withdrawn_by
      FROM governance.consent c, unnest(c.categories) AS category, unnest(c.purposes) AS purpose
      WHERE c.withdrawn_at IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO governance.consent_state (consent_id, subject_id, recipient, category, purpose, given_at)
      SELECT DISTINCT ON (c.subject_id, c.recipient, category, purpose) c.id, c.subject_id, c.recipient, category, purpose, c.given_at
      FROM governance.consent c, unnest(c.categories) AS category, unnest(c.purposes) AS purpose
      WHERE c.withdrawn_at IS NULL
      ORDER BY c.subject_id, c.recipient, category, purpose, c.given_at, c.id`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX consent_state_one_in_force ON governance.consent_state (subject_id, recipient, category, purpose)
      WHERE withdrawn_at IS NULL`);
    await queryRunner.query(`
      CREATE FUNCTION governance.consent_states_of_recording() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.withdrawn_at IS NOT NULL THEN
          INSERT INTO governance.consent_state (consent_id, subject_id, recipient, category, purpose, given_at, withdrawn_at, withdrawn_by)
          SELECT DISTINCT NEW.id, NEW.subject_id, NEW.recipient, category, purpose, NEW.given_at, NEW.withdrawn_at, NEW.withdrawn_by
          FROM unnest(NEW.categories) AS category, unnest(NEW.purposes) AS purpose;
        ELSE
          INSERT INTO governance.consent_state (consent_id, subject_id, recipient, category, purpose, given_at)
          SELECT DISTINCT NEW.id, NEW.subject_id, NEW.recipient, category, purpose, NEW.given_at
          FROM unnest(NEW.categories) AS category, unnest(NEW.purposes) AS purpose
          ON CONFLICT (subject_id, recipient, category, purpose) WHERE withdrawn_at IS NULL
          DO UPDATE SET given_at = LEAST(governance.consent_state.given_at, EXCLUDED.given_at);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER consent_states_on_insert AFTER INSERT ON governance.consent
      FOR EACH ROW EXECUTE FUNCTION governance.consent_states_of_recording()`);
    await queryRunner.query(`
      CREATE FUNCTION governance.consent_withdraw_states() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE governance.consent_state SET withdrawn_at = NEW.withdrawn_at, withdrawn_by = NEW.withdrawn_by
        WHERE consent_id = NEW.id AND withdrawn_at IS NULL;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER consent_states_on_withdraw AFTER UPDATE OF withdrawn_at ON governance.consent
      FOR EACH ROW WHEN (OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL) EXECUTE FUNCTION governance.consent_withdraw_states()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER consent_states_on_withdraw ON governance.consent`);
    await queryRunner.query(`DROP FUNCTION governance.consent_withdraw_states()`);
    await queryRunner.query(`DROP TRIGGER consent_states_on_insert ON governance.consent`);
    await queryRunner.query(`DROP FUNCTION governance.consent_states_of_recording()`);
    await queryRunner.query(`DROP TABLE governance.consent_state`);
  }
}
