import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Each subgraph that changes what another organisation may act on keeps an
 * outbox in its own schema: events are written there in the transaction of
 * the change and relayed to the bus in `seq` order (src/platform/events).
 * Governance records which events each of its consumers has handled (so a
 * redelivery changes nothing) and keeps the worklists they build.
 */
export class EventOutboxes1795449675000 implements MigrationInterface {
  name = "EventOutboxes1795449675000";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const schema of ["victims", "partners", "governance"]) {
      await queryRunner.query(`
        CREATE TABLE ${schema}.outbox_event (
          seq bigserial PRIMARY KEY,
          id uuid NOT NULL UNIQUE,
          type text NOT NULL,
          case_id uuid,
          record_type text NOT NULL,
          record_id uuid NOT NULL,
          parties text[] NOT NULL,
          occurred_at timestamptz NOT NULL,
          due_at timestamptz,
          published_at timestamptz
        )`);
      await queryRunner.query(`CREATE INDEX outbox_event_unpublished ON ${schema}.outbox_event (seq) WHERE published_at IS NULL`);
    }
    await queryRunner.query(`
      CREATE TABLE governance.event_handled (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE governance.worklist_item (
        id uuid PRIMARY KEY,
        organisation text NOT NULL,
        kind text NOT NULL,
        holder text NOT NULL,
        case_id uuid,
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        opened_by uuid NOT NULL,
        opened_at timestamptz NOT NULL,
        due_at timestamptz,
        closed_by uuid,
        closed_at timestamptz,
        UNIQUE (organisation, kind, record_id)
      )`);
    await queryRunner.query(`CREATE INDEX worklist_item_open ON governance.worklist_item (organisation, due_at, id) WHERE closed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE governance.worklist_item`);
    await queryRunner.query(`DROP TABLE governance.event_handled`);
    for (const schema of ["victims", "partners", "governance"]) await queryRunner.query(`DROP TABLE ${schema}.outbox_event`);
  }
}
