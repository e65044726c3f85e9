import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { NeedLevel, NeedsOutcome } from "./needs.types";

@Entity({ schema: "victims", name: "needs_assessment" })
export class NeedsAssessmentRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "case_id", type: "uuid" })
  caseId!: string;

  @Column({ name: "assessed_at", type: "timestamptz" })
  assessedAt!: Date;

  @Column({ name: "assessed_by", type: "text" })
  assessedBy!: string;

  @Column({ type: "text" })
  practical!: NeedLevel;

  @Column({ type: "text" })
  emotional!: NeedLevel;

  @Column({ type: "text" })
  safety!: NeedLevel;

  @Column({ type: "text" })
  health!: NeedLevel;

  @Column({ type: "text" })
  financial!: NeedLevel;

  @Column({ type: "text" })
  communication!: NeedLevel;

  @Column({ type: "text", nullable: true })
  notes!: string | null;

  @Column({ type: "text" })
  outcome!: NeedsOutcome;

  /** "YYYY-MM-DD". */
  @Column({ name: "review_on", type: "date", nullable: true })
  reviewOn!: string | null;
}
