import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Appending to the audit chain in one statement. An append took five round
 * trips (begin, the chain's lock, the last event, the insert, commit), three
 * of them while holding the lock that every writer waits for; a shared case
 * view, audited by three subgraphs, spent fifteen of its statements there.
 * The function takes the lock, reads the chain's head and inserts each event
 * with its hash in the server, so the lock is held for no round trip at all.
 *
 * The hash is the one eventHash() in src/policy/audit.ts makes and
 * `npm run audit:verify` checks: SHA-256 of the previous hash, a newline and
 * the event's content, a JSON array whose first element is the event's
 * position. The writer sends the content after the position (`rest`, the
 * array's text from its first comma, which it alone knows how to serialise),
 * and the position is joined on here, where it is known.
 */
export class GovernanceAuditAppendFunction1795449692000 implements MigrationInterface {
  name = "GovernanceAuditAppendFunction1795449692000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION governance.append_audit_events(events jsonb) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        last_seq bigint;
        prev text;
        next_hash text;
        e jsonb;
      BEGIN
        -- The same lock as lockAuditChain(): one order for every writer, held until the caller's transaction ends.
        PERFORM pg_advisory_xact_lock(7405101);
        SELECT seq, hash INTO last_seq, prev FROM governance.audit_event ORDER BY seq DESC LIMIT 1;
        IF NOT FOUND THEN
          last_seq := 0;
          prev := repeat('0', 64);
        END IF;
        FOR e IN SELECT value FROM jsonb_array_elements(events) LOOP
          last_seq := last_seq + 1;
          next_hash := encode(sha256(convert_to(prev || chr(10) || '[' || last_seq::text || (e->>'rest'), 'UTF8')), 'hex');
          INSERT INTO governance.audit_event (seq, at, request_id, actor, organisation, roles, purpose, subject_id, category, holder, decision, reason,
                                              agreement_id, consent_id, break_glass_reason, prev_hash, hash, records, caller_request_id)
          VALUES (last_seq, (e->>'at')::timestamptz, e->>'requestId', e->>'actor', e->>'organisation',
                  ARRAY(SELECT jsonb_array_elements_text(e->'roles')), e->>'purpose', (e->>'subjectId')::uuid, e->>'category', e->>'holder',
                  e->>'decision', e->>'reason', e->>'agreementId', (e->>'consentId')::uuid, e->>'breakGlassReason', prev, next_hash,
                  ARRAY(SELECT jsonb_array_elements_text(e->'records')), e->>'callerRequestId');
          prev := next_hash;
        END LOOP;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION governance.append_audit_events(jsonb)`);
  }
}
