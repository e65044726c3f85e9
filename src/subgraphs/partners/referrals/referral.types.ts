import { Directive, Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { ReferralStatus } from "../../../../connectors/partners";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, ReleasedToAddressee, Sensitive, SubjectSystem } from "../../../policy/sensitive";
import { CaseEpisodes } from "../episodes/episode.types";

// The connectors' enum (connectors/partners.ts), registered once here: the
// states the hub and every partner system exchange are one set of values.
export { ReferralStatus };
registerEnumType(ReferralStatus, {
  name: "ReferralStatus",
  description: "Where a referral out (GMVS → partner) stands: SENT, RECEIVED, ACCEPTED or DECLINED by the partner, WITHDRAWN by GMVS, CLOSED",
});

/**
 * A referral out, GMVS → partner service (issues 5 and 9). Personal data
 * about the victim of the GMVS case; GMVS holds it (it is GMVS's referral),
 * and the partner it is addressed to sees it through the agreement, the
 * victim's consent and the relationship the referral opens. Categories: what
 * the referral says about the victim's circumstances in words (its reason,
 * a decline or withdrawal reason) is CASE_NOTES; the fact of the referral,
 * its service, states and times are SUPPORT.
 */
@PersonalData<Referral>(
  "Referral",
  { subject: (r) => ({ system: SubjectSystem.GMVS_CASE, ref: r.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT, addressee: (r) => r.partner },
  ["id"],
)
@Directive('@key(fields: "id")')
@ObjectType({ description: "A referral of a GMVS case's victim to a partner service, with a timestamp for each state it has been in" })
export class Referral {
  @Field(() => ID)
  id!: string;

  /** Not a GraphQL field (see `case`): the GMVS case it was referred under. */
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => CaseEpisodes, { nullable: true, description: "The GMVS case the referral was made under" })
  case!: CaseEpisodes | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => OrganisationCode, { nullable: true, description: "The partner organisation the referral is addressed to" })
  partner!: OrganisationCode | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The service within the organisation, e.g. Restore" })
  service!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => [DataCategory], { nullable: true, description: "The categories of the victim's data the referral shares with the partner" })
  categories!: DataCategory[] | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => ID, { nullable: true, description: "The victim's consent the referral was made under; null where the agreement needs none" })
  consentId!: string | null;

  @Sensitive(DataCategory.CASE_NOTES)
  @Field(() => String, { nullable: true, description: "Why GMVS referred, in words" })
  reason!: string | null;

  @ReleasedToAddressee<Referral>((r) => r.partner)
  @Sensitive(DataCategory.SUPPORT)
  @Field(() => ReferralStatus, { nullable: true })
  status!: ReferralStatus | null;

  @ReleasedToAddressee<Referral>((r) => r.partner)
  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @ReleasedToAddressee<Referral>((r) => r.partner)
  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true, description: "When the partner received it (GMVS sees that it arrived)" })
  receivedAt!: Date | null;

  @ReleasedToAddressee<Referral>((r) => r.partner)
  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @ReleasedToAddressee<Referral>((r) => r.partner)
  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  declinedAt!: Date | null;

  @Sensitive(DataCategory.CASE_NOTES)
  @Field(() => String, { nullable: true, description: "Why the partner declined; given with every decline" })
  declineReason!: string | null;

  @ReleasedToAddressee<Referral>((r) => r.partner)
  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  @Sensitive(DataCategory.CASE_NOTES)
  @Field(() => String, { nullable: true, description: "Why GMVS withdrew it, e.g. the victim no longer wants the service" })
  withdrawReason!: string | null;

  @ReleasedToAddressee<Referral>((r) => r.partner)
  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true, description: "When the partner first made contact with the victim" })
  firstContactAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Float, { nullable: true, description: "Elapsed hours from sent to first contact (two decimals); null until first contact" })
  waitingHoursToFirstContact!: number | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Float, { nullable: true, description: "Elapsed hours from sent to accepted (two decimals); null if never accepted" })
  waitingHoursToAcceptance!: number | null;
}
