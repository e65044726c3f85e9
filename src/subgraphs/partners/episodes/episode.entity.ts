import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { OrganisationCode } from "../../../platform/domain";
import { EpisodeStatus } from "./episode.types";

@Entity({ schema: "partners", name: "service_episode" })
export class ServiceEpisodeRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The GMVS case this episode was referred under (a federation key, not a foreign key). */
  @Index()
  @Column({ name: "case_id", type: "uuid" })
  caseId!: string;

  @Column({ type: "text" })
  provider!: OrganisationCode;

  @Column({ type: "text" })
  service!: string;

  @Column({ type: "text" })
  status!: EpisodeStatus;

  @Column({ name: "started_at", type: "timestamptz" })
  startedAt!: Date;

  @Column({ name: "ended_at", type: "timestamptz", nullable: true })
  endedAt!: Date | null;
}
