import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { MatchCandidateStatus } from "./intake.types";

/** A scored likeness between a newly referred person and one already known, for a caseworker to confirm or reject. */
@Entity({ schema: "victims", name: "victim_match_candidate" })
export class MatchCandidateRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The record made at intake. */
  @Column({ name: "victim_id", type: "uuid" })
  victimId!: string;

  /** The person already known who may be the same. */
  @Column({ name: "candidate_victim_id", type: "uuid" })
  candidateVictimId!: string;

  /** The case the intake opened. */
  @Column({ name: "case_id", type: "uuid" })
  caseId!: string;

  @Column({ type: "numeric", precision: 4, scale: 3, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  score!: number;

  @Column({ type: "text", array: true })
  reasons!: string[];

  @Column({ type: "text" })
  status!: MatchCandidateStatus;

  @Column({ name: "created_at", type: "timestamptz", default: () => "now()" })
  createdAt!: Date;

  @Column({ name: "decided_at", type: "timestamptz", nullable: true })
  decidedAt!: Date | null;

  @Column({ name: "decided_by", type: "text", nullable: true })
  decidedBy!: string | null;
}
