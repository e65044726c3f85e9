import { Field, ID, Int, ObjectType } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { Purpose } from "../../../platform/principal";
import { DataCategory } from "../../../policy/categories";
import { LawfulBasis } from "../../../policy/decide";
import { NonPersonal } from "../../../policy/sensitive";
import { registerEnumType } from "type-graphql";

registerEnumType(LawfulBasis, { name: "LawfulBasis" });

@NonPersonal("DataSharingAgreement", "an agreement between organisations")
@ObjectType({ description: "A data-sharing agreement: who may receive which categories of whose records, for what, on what lawful basis" })
export class DataSharingAgreement {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field()
  title!: string;

  @Field(() => OrganisationCode)
  holder!: OrganisationCode;

  @Field(() => [OrganisationCode])
  recipients!: OrganisationCode[];

  @Field(() => [DataCategory])
  categories!: DataCategory[];

  @Field(() => [Purpose])
  purposes!: Purpose[];

  @Field(() => LawfulBasis)
  lawfulBasis!: LawfulBasis;

  @Field()
  requiresConsent!: boolean;

  @Field()
  startsOn!: Date;

  @Field(() => Date, { nullable: true })
  endsOn!: Date | null;

  @Field({ description: "The versioned file this agreement was loaded from" })
  sourceFile!: string;
}
