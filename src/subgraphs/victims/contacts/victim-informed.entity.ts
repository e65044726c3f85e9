import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ContactChannel } from "./contact.types";

/** A duty holder (GMP) told the victim of one of its investigation updates (Victims' Code Right 6). */
@Entity({ schema: "victims", name: "victim_informed" })
export class VictimInformedRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "crime_reference", type: "text" })
  crimeReference!: string;

  @Column({ name: "police_update_id", type: "text" })
  policeUpdateId!: string;

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
