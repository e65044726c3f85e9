import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import type { GovernanceContext } from "../context";
import { Organisation } from "./organisation.types";

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => [Organisation])
  organisations(@Ctx() ctx: GovernanceContext) {
    return ctx.services.organisations.all();
  }

  @Query(() => Organisation, { nullable: true })
  organisation(@Arg("code", () => OrganisationCode) code: OrganisationCode, @Ctx() ctx: GovernanceContext) {
    return ctx.loaders.organisationByCode.load(code);
  }
}
