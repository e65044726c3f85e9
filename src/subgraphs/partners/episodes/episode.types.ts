import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { EpisodeClosureReason, EpisodeOutcome } from "../../../../connectors/partners";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";
import { partnerRecord, PartnerRecordOf } from "../records/partner-record";

export enum EpisodeStatus {
  ACTIVE = "ACTIVE",
  CLOSED = "CLOSED",
}
registerEnumType(EpisodeStatus, { name: "EpisodeStatus" });
registerEnumType(EpisodeClosureReason, { name: "EpisodeClosureReason", description: "Why a partner's support episode ended" });
registerEnumType(EpisodeOutcome, { name: "EpisodeOutcome", description: "Whether the needs the support plan set out were met, recorded at closure" });

/** An episode is about the victim of the GMVS case it was referred under; the partner providing it holds it. */
@PersonalData<ServiceEpisode>("ServiceEpisode", partnerRecord, ["id"])
@ObjectType({ description: "A period of support by a partner service for one GMVS case, as the partner's own system records it" })
export class ServiceEpisode implements PartnerRecordOf {
  /** The partner system's id for the episode. */
  @Field(() => ID)
  id!: string;

  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => OrganisationCode, { nullable: true, description: "The partner organisation providing the service" })
  provider!: OrganisationCode;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The service within the organisation, e.g. Restore" })
  service!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The worker supporting the victim, as a role label (e.g. Advocate A7)" })
  worker!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => EpisodeStatus, { nullable: true, description: "ACTIVE until the episode has an end" })
  status!: EpisodeStatus | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => EpisodeClosureReason, { nullable: true, description: "Set once the episode has ended" })
  closureReason!: EpisodeClosureReason | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => EpisodeOutcome, { nullable: true, description: "Set once the episode has ended, where the partner records it" })
  outcome!: EpisodeOutcome | null;
}

/**
 * Partners add to the GMVS case what their own systems hold for it (read
 * through the connectors) and what the hub keeps for them (risk
 * assessments recorded here, MARAC referrals); every record guards its own
 * fields.
 */
/**
 * The partners' view of a GMVS case: its id and the links to partner
 * records (each guarded in its own right). A case id is GMVS's record: a
 * caller that may not know the case exists gets null for it here too, also
 * when it asks this subgraph for the entity directly.
 */
@PersonalData<CaseEpisodes>(
  "Case",
  { subject: (c) => ({ system: SubjectSystem.GMVS_CASE, ref: c.id }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT },
  ["id", "referrals", "episodes", "riskAssessments", "safetyPlans", "supportActions", "outcomes", "hourglass", "challenger", "maracReferrals"],
)
@Directive('@key(fields: "id")')
@ObjectType("Case")
export class CaseEpisodes {
  @Field(() => ID)
  id!: string;
}
