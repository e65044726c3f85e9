import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { NonPersonal, PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";
import { DueWhen } from "./due";
import { EntitlementException, EntitlementStatus } from "../victims-code/engine";
import { EnhancedRightsReason, EntitlementCode, PoliceEventKind } from "../victims-code/rules";

registerEnumType(EntitlementCode, { name: "VictimsCodeEntitlementCode", description: "A timed duty under a Victims' Code right" });
registerEnumType(EntitlementStatus, { name: "VictimsCodeEntitlementStatus" });
registerEnumType(EntitlementException, { name: "VictimsCodeEntitlementException" });
registerEnumType(EnhancedRightsReason, { name: "VictimsCodeEnhancedRightsReason", description: "Why Enhanced Rights applied: recorded on the case, or worked out from the crime's classification or flags" });
registerEnumType(DueWhen, { name: "VictimsCodeDueWhen", description: "Where an entitlement not yet met stands at the time of asking, on the London calendar" });
registerEnumType(PoliceEventKind, { name: "VictimsCodeEvent", description: "A police event that starts a Victims' Code clock" });

/** One entitlement that arose for the case: when it fell due and whether it was met. */
@PersonalData<VictimsCodeEntitlement>("VictimsCodeEntitlement", { subject: (e) => ({ system: SubjectSystem.GMVS_CASE, ref: e.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT })
@ObjectType({ description: "A Victims' Code entitlement of one case and its timeliness" })
export class VictimsCodeEntitlement {
  /** Not a GraphQL field: names the subject. */
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true, description: "The right's number, 1 to 12" })
  right!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => EntitlementCode, { nullable: true })
  entitlement!: EntitlementCode | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => PoliceEventKind, { nullable: true, description: "What started the clock" })
  event!: PoliceEventKind | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  eventAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The police investigation update that started the clock; null for the crime report" })
  policeUpdateId!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Boolean, { nullable: true, description: "Whether the Enhanced Rights time applied" })
  enhancedRights!: boolean | null;

  // A reason names the crime's kind (stalking, domestic abuse, hate crime): the category of risk, as the case's own flags are.
  @Sensitive(DataCategory.RISK)
  @Field(() => [EnhancedRightsReason], { nullable: true, description: "Why the Enhanced Rights time applied; empty where it did not" })
  enhancedRightsReasons!: EnhancedRightsReason[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true })
  workingDaysAllowed!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true, description: "The last instant that counts as on time" })
  dueAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  fulfilledAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "Who told the victim in time or late: the organisation (GMP, the duty holder, or GMVS); null where no one has" })
  fulfilledBy!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => EntitlementStatus, { nullable: true })
  status!: EntitlementStatus | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => EntitlementException, { nullable: true })
  exception!: EntitlementException | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The Victims' Code rule version whose numbers were applied" })
  ruleVersion!: string | null;
}

@PersonalData<VictimsCodeCompliance>("VictimsCodeCompliance", { subject: (c) => ({ system: SubjectSystem.GMVS_CASE, ref: c.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT })
@ObjectType({ description: "Victims' Code timeliness of one case" })
export class VictimsCodeCompliance {
  /** Not a GraphQL field: names the subject. */
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true, description: "The instant PENDING was judged against MISSED" })
  assessedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [VictimsCodeEntitlement], { nullable: true, description: "In order of the events that started them" })
  entitlements!: VictimsCodeEntitlement[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true })
  met!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true })
  late!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true })
  missed!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true })
  pending!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Int, { nullable: true })
  notApplicable!: number | null;
}

/** One entitlement still to do on one case: a line of a duty holder's worklist. */
@PersonalData<VictimsCodeDueItem>("VictimsCodeDueItem", { subject: (d) => ({ system: SubjectSystem.GMVS_CASE, ref: d.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT }, ["caseId"])
@ObjectType({ description: "A Victims' Code entitlement not yet met on one case" })
export class VictimsCodeDueItem {
  @Field(() => ID, { description: "The case, to open it with `case(id:)`" })
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => DueWhen, { nullable: true })
  when!: DueWhen | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => VictimsCodeEntitlement, { nullable: true })
  entitlement!: VictimsCodeEntitlement | null;
}

@NonPersonal("VictimsCodeDuePage", "a page's position and whether more follow, worked out over the records the caller may know of only")
@ObjectType({ description: "One page of what is due, by deadline" })
export class VictimsCodeDuePage {
  @Field(() => [VictimsCodeDueItem])
  items!: VictimsCodeDueItem[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on an empty page" })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}
