import { Ctx, Query, Resolver } from "type-graphql";
import type { GovernanceContext } from "../context";
import { DataSharingAgreement } from "./agreement.types";

@Resolver(() => DataSharingAgreement)
export class AgreementResolver {
  @Query(() => [DataSharingAgreement], { description: "The agreements in their latest versions" })
  agreements(@Ctx() ctx: GovernanceContext) {
    return ctx.services.access.agreements();
  }
}
