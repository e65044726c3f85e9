import { Field, ObjectType, registerEnumType } from "type-graphql";
import { AgeBand } from "../../../../connectors/partners";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive } from "../../../policy/sensitive";
import { partnerRecord, PartnerRecordOf } from "../records/partner-record";

registerEnumType(AgeBand, { name: "HourglassAgeBand", description: "The victim's age band, as Hourglass's returns give it (no date of birth): bands from 60 up, unlike the hub's AgeBand" });

/**
 * What Hourglass, the older people's service, records about a case. Age band
 * and older victim are DEMOGRAPHICS; economic abuse says what kind of abuse
 * the person suffers, a fact of the case as GMVS's thematic lead is, so
 * CASE_NOTES; the specialist worker and the return month are the support
 * given, SUPPORT.
 */
@PersonalData<HourglassCaseDetails>("HourglassCaseDetails", partnerRecord)
@ObjectType({ description: "Hourglass's details of an older victim's case, from its latest monthly return" })
export class HourglassCaseDetails implements PartnerRecordOf {
  caseId!: string;
  provider!: OrganisationCode;

  @Sensitive(DataCategory.DEMOGRAPHICS)
  @Field(() => Boolean, { nullable: true, description: "Aged 60 or over by the age band; false when the band is not known" })
  olderVictim!: boolean | null;

  @Sensitive(DataCategory.DEMOGRAPHICS)
  @Field(() => AgeBand, { nullable: true })
  ageBand!: AgeBand | null;

  @Sensitive(DataCategory.CASE_NOTES)
  @Field(() => Boolean, { nullable: true, description: "Economic abuse, including through technology, is part of the case" })
  economicAbuse!: boolean | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "Hourglass's specialist worker in Greater Manchester, as a role label" })
  specialistWorker!: string | null;

  @Sensitive(DataCategory.SUPPORT)
  @Field(() => String, { nullable: true, description: "YYYY-MM: the monthly return these details come from" })
  latestReturnMonth!: string | null;
}
