import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ContactChannel } from "./contact.types";

/** A duty holder (GMP, or a partner for it) told the victim of one of GMP's investigation updates, or of the crime report itself (Right 3). */
@Entity({ schema: "victims", name: "victim_informed" })
export class VictimInformedRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "crime_reference", type: "text" })
  crimeReference!: string;

  /** Null: the crime report itself (written confirmation and information on reporting). */
  @Column({ name: "police_update_id", type: "text", nullable: true })
  policeUpdateId!: string | null;

  @Column({ name: "occurred_at", type: "timestamptz" })
  occurredAt!: Date;

  @Column({ type: "text" })
  channel!: ContactChannel;

  /** Who told the victim: the organisation, then its worker's label. */
  @Column({ type: "text" })
  organisation!: string;

  @Column({ name: "made_by", type: "text" })
  madeBy!: string;

  @Column({ name: "recorded_at", type: "timestamptz", default: () => "now()" })
  recordedAt!: Date;
}
