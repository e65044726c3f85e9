import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { EnhancedRightsCategory, EnhancedRightsReason } from "../victims-code/rules";

/**
 * What was recorded of a victim's Enhanced Rights, from a date on: at
 * referral, or by a caseworker with the reason for their judgement. Never
 * changed once written; a new judgement is a new row, so the record shows
 * what applied to each past decision.
 */
@Entity({ schema: "victims", name: "enhanced_rights_record" })
export class EnhancedRightsRecord {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ name: "case_id", type: "uuid" })
  caseId!: string;

  /** The categories that apply from `appliesFrom` on; [] for none. */
  @Column({ type: "text", array: true })
  categories!: EnhancedRightsCategory[];

  /** Reasons worked out from the crime that the caseworker judged not to apply. */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  withheld!: EnhancedRightsReason[];

  @Column({ name: "applies_from", type: "timestamptz" })
  appliesFrom!: Date;

  @Column({ type: "text" })
  reason!: string;

  @Column({ name: "recorded_by", type: "text" })
  recordedBy!: string;

  @Column({ name: "recorded_at", type: "timestamptz" })
  recordedAt!: Date;
}
