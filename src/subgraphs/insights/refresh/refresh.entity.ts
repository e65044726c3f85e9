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
}
