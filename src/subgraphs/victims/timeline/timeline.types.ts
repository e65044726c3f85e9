import { Field, ID, InterfaceType, ObjectType, registerEnumType } from "type-graphql";
import { InvestigationUpdateKind } from "../../../../connectors/police/types";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive, SubjectSystem } from "../../../policy/sensitive";
import { GmvsTimelineEvent } from "./update-kinds";

/** What a timeline entry records: a police update, a GMVS event, or a contact with the victim. */
export const JusticeTimelineEntryKind = { ...InvestigationUpdateKind, ...GmvsTimelineEvent, VICTIM_CONTACTED: "VICTIM_CONTACTED" } as const;
export type JusticeTimelineEntryKind = (typeof JusticeTimelineEntryKind)[keyof typeof JusticeTimelineEntryKind];
registerEnumType(JusticeTimelineEntryKind, { name: "JusticeTimelineEntryKind" });

/**
 * One step of the case from report to court outcome. Police updates are
 * GMP's records about the crime; GMVS events and contacts are GMVS's about
 * the case; each is released under its own holder's agreements.
 */
@InterfaceType("JusticeTimelineEntry", {
  resolveType: (entry: { holder: OrganisationCode }) => (entry.holder === OrganisationCode.GMP ? "PoliceTimelineEntry" : "GmvsTimelineEntry"),
})
export abstract class JusticeTimelineEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationCode, { description: "Whose record this step is" })
  holder!: OrganisationCode;

  @Field(() => Date, { nullable: true })
  at!: Date | null;

  @Field(() => JusticeTimelineEntryKind, { nullable: true })
  kind!: JusticeTimelineEntryKind | null;

  @Field(() => String, { nullable: true, description: "What happened, in plain words" })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "The record's own words: the police summary, or what GMVS said" })
  detail!: string | null;

  @Field(() => String, { nullable: true, description: "What happens next, in plain words" })
  whatHappensNext!: string | null;
}

/** A police investigation or court update about the case's crime: GMP's record, released under GMP's agreements. */
@PersonalData<PoliceTimelineEntry>(
  "PoliceTimelineEntry",
  { subject: (e) => ({ system: SubjectSystem.POLICE_CRIME, ref: e.crimeReference }), holder: OrganisationCode.GMP, existence: DataCategory.INVESTIGATION_UPDATES },
  ["id", "holder"],
)
@ObjectType({ implements: JusticeTimelineEntry, description: "A police update on the justice timeline" })
export class PoliceTimelineEntry implements JusticeTimelineEntry {
  @Field(() => ID, { description: "The police update's id" })
  id!: string;

  @Field(() => OrganisationCode)
  holder!: OrganisationCode;

  /** Not a GraphQL field: names the subject. */
  crimeReference!: string;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => Date, { nullable: true })
  at!: Date | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => JusticeTimelineEntryKind, { nullable: true })
  kind!: JusticeTimelineEntryKind | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => String, { nullable: true })
  title!: string | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => String, { nullable: true })
  detail!: string | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => String, { nullable: true })
  whatHappensNext!: string | null;
}

/** A GMVS event or contact with the victim: GMVS's record. */
@PersonalData<GmvsTimelineEntry>(
  "GmvsTimelineEntry",
  { subject: (e) => ({ system: SubjectSystem.GMVS_CASE, ref: e.caseId }), holder: OrganisationCode.GMVS, existence: DataCategory.SUPPORT },
  ["id", "holder"],
)
@ObjectType({ implements: JusticeTimelineEntry, description: "A GMVS event or contact on the justice timeline" })
export class GmvsTimelineEntry implements JusticeTimelineEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganisationCode)
  holder!: OrganisationCode;

  /** Not a GraphQL field: names the subject. */
  caseId!: string;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => Date, { nullable: true })
  at!: Date | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => JusticeTimelineEntryKind, { nullable: true })
  kind!: JusticeTimelineEntryKind | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true })
  title!: string | null;

  @Sensitive(DataCategory.CASE_NOTES)
  @Field(() => String, { nullable: true })
  detail!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true })
  whatHappensNext!: string | null;
}
