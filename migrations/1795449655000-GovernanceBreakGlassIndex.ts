import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A supervisor's break-glass uses today are counted from the audit
 * (src/policy/break-glass.ts) on every request that asks to break glass:
 * a small partial index over the grants alone keeps that count off the
 * whole log.
 */
export class GovernanceBreakGlassIndex1795449655000 implements MigrationInterface {
  name = "GovernanceBreakGlassIndex1795449655000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX audit_event_break_glass_idx ON governance.audit_event (actor, organisation, at) WHERE break_glass_reason IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX governance.audit_event_break_glass_idx`);
  }
}
