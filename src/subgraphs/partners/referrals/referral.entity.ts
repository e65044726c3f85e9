import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ReferralStatus } from "../../../../connectors/partners";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";

/** A referral out, GMVS → partner service (migration 1795449630000). */
@Entity({ schema: "partners", name: "referral" })
export class ReferralRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  /** The GMVS case it was referred under (a federation key, not a foreign key). */
  @Index()
  @Column({ name: "case_id", type: "uuid" })
  caseId!: string;

  @Column({ type: "text" })
  partner!: OrganisationCode;

  @Column({ type: "text" })
  service!: string;

  @Column({ type: "text", array: true })
  categories!: DataCategory[];

  @Column({ name: "consent_id", type: "uuid", nullable: true })
  consentId!: string | null;

  @Column({ type: "text" })
  reason!: string;

  @Column({ type: "text" })
  status!: ReferralStatus;

  @Column({ name: "sent_by", type: "text" })
  sentBy!: string;

  @Column({ name: "sent_at", type: "timestamptz" })
  sentAt!: Date;

  @Column({ name: "received_at", type: "timestamptz", nullable: true })
  receivedAt!: Date | null;

  @Column({ name: "accepted_at", type: "timestamptz", nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: "declined_at", type: "timestamptz", nullable: true })
  declinedAt!: Date | null;

  @Column({ name: "decline_reason", type: "text", nullable: true })
  declineReason!: string | null;

  @Column({ name: "withdrawn_at", type: "timestamptz", nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: "withdraw_reason", type: "text", nullable: true })
  withdrawReason!: string | null;

  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt!: Date | null;

  @Column({ name: "first_contact_at", type: "timestamptz", nullable: true })
  firstContactAt!: Date | null;

  /** Moves with every change: the watermark readers of changes (insights) follow. */
  @Column({ name: "updated_at", type: "timestamptz", precision: 3 })
  updatedAt!: Date;
}
