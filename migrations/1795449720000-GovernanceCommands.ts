import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Victims and partners tell governance who their records are about, who has
 * a reason to see them and what they changed (subject links, relationships,
 * audit events) without writing governance's tables: each writes commands
 * to an outbox in its own schema, in the transaction of the change, and
 * governance applies them (src/policy/governance-commands.ts). `tx` is the
 * writing transaction, so that work still inside it reads its own commands
 * before governance has them; the lease lets one process at a time send a
 * schema's commands, in order. Governance records each command it applied,
 * so one sent twice changes nothing.
 */
export class GovernanceCommands1795449720000 implements MigrationInterface {
  name = "GovernanceCommands1795449720000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const schema of ["victims", "partners"]) {
      await queryRunner.query(`
        CREATE TABLE ${schema}.governance_command (
          seq bigserial PRIMARY KEY,
          id uuid NOT NULL UNIQUE,
          tx bigint NOT NULL DEFAULT txid_current(),
          command jsonb NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          applied_at timestamptz,
          outcome text
        )`);
      await queryRunner.query(`CREATE INDEX governance_command_pending ON ${schema}.governance_command (seq) WHERE applied_at IS NULL`);
      await queryRunner.query(`CREATE INDEX governance_command_tx ON ${schema}.governance_command (tx) WHERE applied_at IS NULL`);
      await queryRunner.query(`CREATE TABLE ${schema}.governance_command_lease (id smallint PRIMARY KEY CHECK (id = 1), holder text, until timestamptz NOT NULL)`);
      await queryRunner.query(`INSERT INTO ${schema}.governance_command_lease (id, holder, until) VALUES (1, NULL, '-infinity')`);
    }
    await queryRunner.query(`
      CREATE TABLE governance.command_applied (
        source text NOT NULL,
        command_id uuid NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        outcome text NOT NULL,
        PRIMARY KEY (source, command_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE governance.command_applied`);
    for (const schema of ["victims", "partners"]) {
      await queryRunner.query(`DROP TABLE ${schema}.governance_command_lease`);
      await queryRunner.query(`DROP TABLE ${schema}.governance_command`);
    }
  }
}
