import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Signed webhooks for partner systems that cannot hold a connection
 * (src/subgraphs/governance/webhooks): the endpoints each organisation's
 * administrator registers, one delivery per event and endpoint (unique, so
 * an event handled twice is queued once), and every attempt made at it.
 * A delivery is PENDING until an attempt succeeds (DELIVERED) or the retry
 * schedule runs out (DEAD: the dead-letter list, replayable).
 */
export class GovernanceWebhooks1795449680000 implements MigrationInterface {
  name = "GovernanceWebhooks1795449680000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE governance.webhook_endpoint (
        id uuid PRIMARY KEY,
        organisation text NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL DEFAULT '{}',
        purpose text NOT NULL,
        secret text NOT NULL,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL,
        disabled_by text,
        disabled_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX webhook_endpoint_enabled ON governance.webhook_endpoint (organisation) WHERE disabled_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE governance.webhook_delivery (
        id uuid PRIMARY KEY,
        endpoint_id uuid NOT NULL REFERENCES governance.webhook_endpoint (id),
        organisation text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
        tries_this_round integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        dead_at timestamptz,
        replayed_by text,
        replayed_at timestamptz,
        UNIQUE (endpoint_id, event_id)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_due ON governance.webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_log ON governance.webhook_delivery (organisation, created_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE governance.webhook_attempt (
        delivery_id uuid NOT NULL REFERENCES governance.webhook_delivery (id),
        n integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        status_code integer,
        error text,
        duration_ms integer NOT NULL,
        PRIMARY KEY (delivery_id, n)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE governance.webhook_attempt`);
    await queryRunner.query(`DROP TABLE governance.webhook_delivery`);
    await queryRunner.query(`DROP TABLE governance.webhook_endpoint`);
  }
}
