import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What DPA 2018 s.62 asks of a consultation and disclosure log that the
 * first audit table did not hold: the records consulted, disclosed or
 * withheld (not only whose they were), and the caller's own request id kept
 * apart from the hub's, so that no caller can file its events under another
 * organisation's request. Events written before carry an empty list and no
 * caller id; their hashes cover what they held (src/policy/audit.ts).
 */
export class GovernanceAuditRecords1795449645000 implements MigrationInterface {
  name = "GovernanceAuditRecords1795449645000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE governance.audit_event ADD COLUMN records text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE governance.audit_event ADD COLUMN caller_request_id text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE governance.audit_event DROP COLUMN caller_request_id`);
    await queryRunner.query(`ALTER TABLE governance.audit_event DROP COLUMN records`);
  }
}
