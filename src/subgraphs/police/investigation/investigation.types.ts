import { GraphQLLocalDate } from "graphql-scalars";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { InvestigationUpdateKind, ProtectiveOrderKind, ProtectiveOrderStatus } from "../../../../connectors/police/types";
import { DataCategory } from "../../../policy/categories";
import { PersonalData, Sensitive } from "../../../policy/sensitive";
import { aboutTheVictim } from "../subject";

// The police records API's enumerations (connectors/police/types.ts), registered here once.
export { InvestigationUpdateKind, ProtectiveOrderKind, ProtectiveOrderStatus };
registerEnumType(InvestigationUpdateKind, {
  name: "InvestigationUpdateKind",
  description: "Investigation and court events; the pre-charge ones are the decisions Victims' Code Right 6 says the victim must be told of",
});
registerEnumType(ProtectiveOrderKind, {
  name: "ProtectiveOrderKind",
  description: "Stalking Protection Act 2019; Domestic Abuse Act 2021 Part 3 (DOMAIN-REFERENCE.md 4.1, 4.2)",
});
registerEnumType(ProtectiveOrderStatus, { name: "ProtectiveOrderStatus" });

/**
 * An investigation or court event on a crime. INVESTIGATION_UPDATES: these
 * are the updates the victim is kept told of (Victims' Code Right 6), and
 * what an updates agreement such as gmp-to-pankhurst-support shares.
 */
@PersonalData<InvestigationUpdate>("InvestigationUpdate", aboutTheVictim(DataCategory.INVESTIGATION_UPDATES), ["id"])
@ObjectType({ description: "An investigation or court event on a crime" })
export class InvestigationUpdate {
  @Field(() => ID)
  id!: string;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => InvestigationUpdateKind, { nullable: true })
  kind!: InvestigationUpdateKind | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => Date, { nullable: true })
  occurredAt!: Date | null;

  // Can carry bail conditions; still an update the victim is told of, so the same category.
  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => String, { nullable: true })
  summary!: string | null;

  /** Not a field: names the subject. */
  crimeReference!: string;
}

/**
 * A protective order applied for on a crime. INVESTIGATION_UPDATES: an
 * order's application, grant, variation, breach and expiry are steps in how
 * police deal with the crime that the victim (and an advocate planning her
 * safety) is told of, not offence details.
 */
@PersonalData<ProtectiveOrder>("ProtectiveOrder", aboutTheVictim(DataCategory.INVESTIGATION_UPDATES), ["id"])
@ObjectType({ description: "A Stalking Protection Order or a Domestic Abuse Protection Notice or Order" })
export class ProtectiveOrder {
  @Field(() => ID)
  id!: string;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => ProtectiveOrderKind, { nullable: true })
  kind!: ProtectiveOrderKind | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => ProtectiveOrderStatus, { nullable: true })
  status!: ProtectiveOrderStatus | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => GraphQLLocalDate, { nullable: true, description: "The day police applied to court or, for a notice, the day a senior officer gave it" })
  appliedOn!: string | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => GraphQLLocalDate, { nullable: true })
  grantedOn!: string | null;

  @Sensitive(DataCategory.INVESTIGATION_UPDATES)
  @Field(() => GraphQLLocalDate, { nullable: true, description: "Null where the order runs until further order" })
  expiresOn!: string | null;

  crimeReference!: string;
}
