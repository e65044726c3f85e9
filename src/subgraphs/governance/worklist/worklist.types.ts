import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { EventRecordType } from "../../../platform/events/event";
import { DataCategory } from "../../../policy/categories";
import { NonPersonal, PersonalData, SubjectSystem } from "../../../policy/sensitive";
import { WorklistKind } from "./worklist.projection";

registerEnumType(WorklistKind, { name: "WorklistKind", description: "What an organisation has to do about a record" });
registerEnumType(EventRecordType, { name: "WorklistRecordType", description: "The kind of record a worklist item is about: the type to ask for it by its id" });

/** Records whose existence is RISK data: a MARAC referral says the victim is at high risk, an assessment that she was assessed for it. */
const RISK_RECORDS = new Set<EventRecordType>([EventRecordType.MARAC_REFERRAL, EventRecordType.RISK_ASSESSMENT]);

/** What knowing that a record of this type exists tells: as much as the record itself. The worklist and the webhooks decide with it. */
export function existenceOfRecord(recordType: EventRecordType): DataCategory {
  return RISK_RECORDS.has(recordType) ? DataCategory.RISK : DataCategory.SUPPORT;
}

/**
 * The organisation told of a record that knows it exists whatever decide()
 * says of the person (it was a party to the change), except a MARAC
 * referral, which every agency sees only as the MARAC agreement allows (for
 * safeguarding), decided like the record itself.
 */
export function addresseeOfRecord(recordType: EventRecordType, organisation: OrganisationCode): OrganisationCode | null {
  return recordType === EventRecordType.MARAC_REFERRAL ? null : organisation;
}

/**
 * An item on one organisation's worklist. It names a record, so it is
 * personal data about the record's victim: the organisation it is addressed
 * to knows of the record already (it was a party to the change that put the
 * item there), except a MARAC referral, which every agency sees only as the
 * MARAC agreement allows (for safeguarding), decided like the record itself.
 */
@PersonalData<WorklistItem>(
  "WorklistItem",
  {
    subject: (i) => (i.caseId ? { system: SubjectSystem.GMVS_CASE, ref: i.caseId } : null),
    holder: (i) => i.holder,
    existence: (i) => existenceOfRecord(i.recordType),
    addressee: (i) => addresseeOfRecord(i.recordType, i.organisation),
    reference: (i) => i.id,
  },
  ["id", "kind", "caseId", "recordType", "recordId", "openedAt", "dueAt", "overdue"],
)
@ObjectType({ description: "Something an organisation has to do about a record, and when it falls due" })
export class WorklistItem {
  /** Not GraphQL fields: whose worklist, and whose record. */
  organisation!: OrganisationCode;
  holder!: OrganisationCode;

  @Field(() => ID)
  id!: string;

  @Field(() => WorklistKind)
  kind!: WorklistKind;

  @Field(() => ID, { nullable: true, description: "The GMVS case the record belongs to" })
  caseId!: string | null;

  @Field(() => EventRecordType)
  recordType!: EventRecordType;

  @Field(() => ID, { description: "The record's id: ask for it as its type says" })
  recordId!: string;

  @Field()
  openedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When it falls due; null where nothing sets a time" })
  dueAt!: Date | null;

  @Field({ description: "Whether it is past its due time now" })
  overdue!: boolean;
}

@NonPersonal("WorklistPage", "a page's position and whether more follow, worked out over the items the caller may know of only")
@ObjectType({ description: "A page of a worklist, earliest due first (items with no due time last)" })
export class WorklistPage {
  @Field(() => [WorklistItem])
  items!: WorklistItem[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page" })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}
