import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

export interface StoredRightScore {
  right: number;
  score: number;
}

@Entity({ schema: "victims", name: "survey_response" })
export class SurveyResponseRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "case_id", type: "uuid" })
  caseId!: string;

  @Column({ name: "responded_at", type: "timestamptz" })
  respondedAt!: Date;

  @Column({ type: "smallint", nullable: true })
  overall!: number | null;

  @Column({ name: "right_scores", type: "jsonb", default: () => "'[]'" })
  rightScores!: StoredRightScore[];
}
