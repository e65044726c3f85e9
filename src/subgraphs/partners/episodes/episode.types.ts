import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { NonPersonal, PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";

export enum EpisodeStatus {
  ACTIVE = "ACTIVE",
  CLOSED = "CLOSED",
}
registerEnumType(EpisodeStatus, { name: "EpisodeStatus" });

/** An episode is about the victim of the GMVS case it was referred under; the partner providing it holds it. */
@PersonalData<ServiceEpisode>("ServiceEpisode", { subject: (e) => ({ system: SubjectSystem.GMVS_CASE, ref: e.caseId }), holder: (e) => e.provider }, ["id"])
@Directive('@key(fields: "id")')
@ObjectType({ description: "A period of support by a partner service for one GMVS case" })
export class ServiceEpisode {
  @Field(() => ID)
  id!: string;

  /** Not a GraphQL field: the GMVS case the episode was referred under. */
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => OrganisationCode, { nullable: true, description: "The partner organisation providing the service" })
  provider!: OrganisationCode;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "The service within the organisation, e.g. Restore" })
  service!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => EpisodeStatus, { nullable: true })
  status!: EpisodeStatus | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;
}

/** Partners add the episodes to the GMVS case they were referred under; each episode guards its own fields. */
@NonPersonal("Case", "the case id and links to episodes, each of which is guarded")
@Directive('@key(fields: "id")')
@ObjectType("Case")
export class CaseEpisodes {
  @Field(() => ID)
  id!: string;
}
