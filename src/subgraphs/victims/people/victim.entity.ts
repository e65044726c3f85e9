import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { AgeBand, Disability, Ethnicity, Religion, Sex } from "../../../platform/domain";

/** A person GMVS supports. One person, however many cases; matching keeps two people from becoming one. */
@Entity({ schema: "victims", name: "victim" })
export class VictimRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** GMP's opaque victim reference (the police API's `victimRef`), where the police referred them. */
  @Column({ name: "police_victim_ref", type: "text", nullable: true })
  policeVictimRef!: string | null;

  @Column({ name: "given_name", type: "text", nullable: true })
  givenName!: string | null;

  @Column({ name: "family_name", type: "text", nullable: true })
  familyName!: string | null;

  /** A calendar date, "YYYY-MM-DD" (TypeORM returns `date` columns as strings). */
  @Column({ name: "date_of_birth", type: "date", nullable: true })
  dateOfBirth!: string | null;

  @Column({ type: "text", nullable: true })
  email!: string | null;

  @Column({ type: "text", nullable: true })
  phone!: string | null;

  @Column({ type: "text", nullable: true })
  postcode!: string | null;

  @Column({ name: "address_line", type: "text", nullable: true })
  addressLine!: string | null;

  @Column({ name: "age_band", type: "text", nullable: true })
  ageBand!: AgeBand | null;

  @Column({ type: "text", nullable: true })
  sex!: Sex | null;

  @Column({ type: "text", nullable: true })
  ethnicity!: Ethnicity | null;

  @Column({ type: "text", nullable: true })
  disability!: Disability | null;

  @Column({ type: "text", nullable: true })
  religion!: Religion | null;

  /** Set when a caseworker confirmed this record is the same person as another, which is kept. */
  @Column({ name: "merged_into", type: "uuid", nullable: true })
  mergedInto!: string | null;

  @Column({ name: "created_at", type: "timestamptz" })
  createdAt!: Date;

  @Column({ name: "updated_at", type: "timestamptz" })
  updatedAt!: Date;
}
