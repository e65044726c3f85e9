import { Column, Entity, PrimaryColumn } from "typeorm";
import { Borough } from "../../../platform/domain";
import { InvestigationStatus } from "./crime.types";

/** A crime record as held for the police subgraph (police schema). */
@Entity({ schema: "police", name: "crime" })
export class CrimeRecord {
  @PrimaryColumn({ name: "crime_reference", type: "text" })
  crimeReference!: string;

  @Column({ name: "recorded_at", type: "timestamptz" })
  recordedAt!: Date;

  /** Home Office Counting Rules offence classification code. */
  @Column({ name: "offence_code", type: "text" })
  offenceCode!: string;

  @Column({ name: "offence_description", type: "text" })
  offenceDescription!: string;

  @Column({ type: "text" })
  borough!: Borough;

  @Column({ type: "text" })
  status!: InvestigationStatus;

  @Column({ name: "domestic_abuse", type: "boolean" })
  domesticAbuse!: boolean;

  @Column({ type: "boolean" })
  stalking!: boolean;
}
