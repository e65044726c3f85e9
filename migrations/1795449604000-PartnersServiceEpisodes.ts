import { MigrationInterface, QueryRunner } from "typeorm";

/** partners: periods of support by a partner service, keyed to the GMVS case id. */
export class PartnersServiceEpisodes1795449604000 implements MigrationInterface {
  name = "PartnersServiceEpisodes1795449604000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS partners`);
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

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE partners.service_episode`);
  }
}
