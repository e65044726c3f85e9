import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ContactChannel, ContactPurpose } from "./contact.types";

@Entity({ schema: "victims", name: "contact" })
export class ContactRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "case_id", type: "uuid" })
  caseId!: string;

  @Column({ name: "occurred_at", type: "timestamptz" })
  occurredAt!: Date;

  @Column({ type: "text" })
  channel!: ContactChannel;

  @Column({ type: "text" })
  purpose!: ContactPurpose;

  @Column({ type: "text" })
  summary!: string;

  @Column({ name: "made_by", type: "text" })
  madeBy!: string;

  /** The police investigation update this contact told the victim about (Right 6). */
  @Column({ name: "police_update_id", type: "text", nullable: true })
  policeUpdateId!: string | null;

  @Column({ name: "recorded_at", type: "timestamptz", default: () => "now()" })
  recordedAt!: Date;
}
