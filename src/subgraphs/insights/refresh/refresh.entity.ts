import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity({ schema: "insights", name: "refresh_run" })
export class RefreshRunRecord {
  @PrimaryGeneratedColumn("identity", { type: "bigint" })
  id!: string;

  @Column({ name: "started_at", type: "timestamptz" })
  startedAt!: Date;

  @Column({ name: "finished_at", type: "timestamptz", nullable: true })
  finishedAt!: Date | null;

  @Column({ name: "facts_written", type: "integer" })
  factsWritten!: number;

  /** RUNNING, FINISHED or FAILED (refresh.service.ts RefreshStatus). */
  @Column({ type: "text", default: "FINISHED" })
  status!: string;

  /** Per source: upserted, deleted, rejected, batches. */
  @Column({ name: "facts_by_source", type: "jsonb", default: () => "'{}'::jsonb" })
  factsBySource!: Record<string, unknown>;

  /** The class of error a failed run ended with; never its message (which can quote data). */
  @Column({ type: "text", nullable: true })
  error!: string | null;
}
