import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { EventRecordType } from "../../../platform/events/event";
import { DataCategory } from "../../../policy/categories";
import { NonPersonal, PersonalData, SubjectSystem } from "../../../policy/sensitive";
import { WorklistKind } from "./worklist.projection";

registerEnumType(WorklistKind, { name: "WorklistKind", description: "What an organisation has to do about a record" });
registerEnumType(EventRecordType, { name: "WorklistRecordType", description: "The kind of record a worklist item is about: the type to ask for it by its id" });

/** Kinds about a MARAC referral or a risk assessment: their existence is RISK data. */
const RISK_KINDS = new Set<WorklistKind>([WorklistKind.MARAC_REFERRAL, WorklistKind.SAFETY_PLAN_REVIEW_DUE]);

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
    existence: (i) => existenceOf(i.kind),
    addressee: (i) => (i.kind === WorklistKind.MARAC_REFERRAL ? null : i.organisation),
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

/** What an item's existence tells: as much as the record it names. */
function existenceOf(kind: WorklistKind): DataCategory {
  return RISK_KINDS.has(kind) ? DataCategory.RISK : DataCategory.SUPPORT;
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
