import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Borough } from "../../../platform/domain";
import { CaseStatus, ThematicLead } from "./case.types";

@Entity({ schema: "victims", name: "case" })
export class CaseRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "case_reference", type: "text", unique: true })
  caseReference!: string;

  @Column({ type: "text" })
  borough!: Borough;

  @Column({ name: "thematic_lead", type: "text" })
  thematicLead!: ThematicLead;

  @Column({ type: "text" })
  status!: CaseStatus;

  @Column({ name: "opened_at", type: "timestamptz" })
  openedAt!: Date;

  /** The police crime reference, where the victim reported to police. */
  @Column({ name: "crime_reference", type: "text", nullable: true })
  crimeReference!: string | null;
}
