import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Borough } from "../../../platform/domain";
import { EnhancedRightsCategory } from "../victims-code/rules";
import { CaseClosureReason, CaseStatus, ReferralRoute, ThematicLead } from "./case.types";

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

  @Column({ name: "victim_id", type: "uuid", nullable: true })
  victimId!: string | null;

  /** Null on cases opened before intake was recorded. */
  @Column({ name: "referral_route", type: "text", nullable: true })
  referralRoute!: ReferralRoute | null;

  /** A worker label ("Caseworker C3"), never a name. */
  @Column({ name: "assigned_worker", type: "text", nullable: true })
  assignedWorker!: string | null;

  @Column({ name: "enhanced_rights", type: "text", array: true, default: () => "'{}'" })
  enhancedRights!: EnhancedRightsCategory[];

  /** When the victim reported the crime to the police: starts the Right 4 clock. */
  @Column({ name: "crime_reported_at", type: "timestamptz", nullable: true })
  crimeReportedAt!: Date | null;

  /** When GMVS received the police referral: when the details were passed on. */
  @Column({ name: "referral_received_at", type: "timestamptz", nullable: true })
  referralReceivedAt!: Date | null;

  /** The victim declined referral to support services (Right 4 is opt-out). */
  @Column({ name: "referral_declined", type: "boolean", default: false })
  referralDeclined!: boolean;

  @Column({ name: "closed_at", type: "timestamptz", nullable: true })
  closedAt!: Date | null;

  @Column({ name: "closure_reason", type: "text", nullable: true })
  closureReason!: CaseClosureReason | null;

  /** Moved forward by every change to the case or anything in it: the insights watermark reads it. */
  @Column({ name: "updated_at", type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;
}
