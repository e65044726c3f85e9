import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";

export enum EpisodeStatus {
  ACTIVE = "ACTIVE",
  CLOSED = "CLOSED",
}
registerEnumType(EpisodeStatus, { name: "EpisodeStatus" });

@Directive('@key(fields: "id")')
@ObjectType({ description: "A period of support by a partner service for one GMVS case" })
export class ServiceEpisode {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationCode, { description: "The partner organisation providing the service" })
  provider!: OrganisationCode;

  @Field({ description: "The service within the organisation, e.g. Restore" })
  service!: string;

  @Field(() => EpisodeStatus)
  status!: EpisodeStatus;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;
}

/** Partners add the episodes to the GMVS case they were referred under. */
@Directive('@key(fields: "id")')
@ObjectType("Case")
export class CaseEpisodes {
  @Field(() => ID)
  id!: string;
}
