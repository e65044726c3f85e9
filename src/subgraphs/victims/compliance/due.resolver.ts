import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { OrganisationCode } from "../../../platform/domain";
import { pageSize } from "../../../platform/paging";
import { DataCategory } from "../../../policy/categories";
import { referenceTo, SubjectSystem } from "../../../policy/sensitive";
import { codeRecordOf } from "../cases/case.resolver";
import type { VictimsContext } from "../context";
import { fromEngine } from "../source-errors";
import { assessCase, entitlementOf } from "./compliance";
import { VictimsCodeDuePage } from "./compliance.types";
import { dueOf, DueWhen, pageOfDue } from "./due";

@Resolver()
export class DueResolver {
  /**
   * GMVS's worklist across its open cases. A case joins it only if the
   * caller may know it exists, decided (and audited) before paging, so
   * neither a short page nor `hasNextPage` says anything of a case left out.
   * GMP, the duty holder, is not offered this list: it names GMVS's cases
   * and counts GMVS's contacts, which GMP has no basis to know of.
   */
  @Query(() => VictimsCodeDuePage, {
    description:
      "Victims' Code entitlements not yet met across GMVS's open cases, by deadline (the overdue first), paged by cursor. SOURCE_UNAVAILABLE when the police record cannot be read",
  })
  async victimsCodeDue(
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("when", () => [DueWhen], { defaultValue: [], description: "Only these; all three when empty" }) when: DueWhen[],
    @Ctx() ctx: VictimsContext,
  ): Promise<VictimsCodeDuePage> {
    const size = pageSize(first);
    const cases = await ctx.services.cases.open();
    const known = await Promise.all(
      cases.map(async (c) => {
        const outcome = await ctx.access.decideFor({ system: SubjectSystem.GMVS_CASE, ref: c.id }, OrganisationCode.GMVS, DataCategory.SUPPORT, referenceTo("Case", c.id));
        return outcome.decision === "ALLOW";
      }),
    );
    const now = ctx.services.clock();
    const due = await Promise.all(
      cases
        .filter((_, i) => known[i])
        .map(async (c) => {
          const record = await codeRecordOf(c, ctx);
          return dueOf(c.id, fromEngine(() => assessCase(c, record, now)), now);
        }),
    );
    const page = pageOfDue(due.flat(), { first: size, after, when });
    return {
      items: page.items.map((item) => ({ caseId: item.caseId, when: item.when, entitlement: entitlementOf(item.caseId, item.assessment) })),
      endCursor: page.endCursor,
      hasNextPage: page.hasNextPage,
    };
  }
}
