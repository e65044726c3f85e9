import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { VictimsContext } from "../context";
import { appError, ErrorCode, fromSource } from "../../../platform/errors";
import { OrganisationCode } from "../../../platform/domain";
import { DataCategory } from "../../../policy/categories";
import { referenceTo, SubjectSystem } from "../../../policy/sensitive";
import { Contact, ContactInput, VictimInformedInput, VictimInformedReceipt } from "./contact.types";

@Resolver(() => Contact)
export class ContactResolver {
  @Mutation(() => Contact, { description: "Record an update given to the victim. CONFLICT on a closed case" })
  recordContact(@Arg("caseId", () => ID) caseId: string, @Arg("input", () => ContactInput) input: ContactInput, @Ctx() ctx: VictimsContext) {
    return ctx.services.contacts.record(ctx, caseId, input, (crimeReference) => fromSource(() => ctx.loaders.policeUpdatesByCrime.load(crimeReference)));
  }

  @Mutation(() => VictimInformedReceipt, {
    description:
      "GMP, or a partner whose agreement with GMP and the victim's consent let it see the update, records that it told the victim of one of GMP's investigation updates, or (no update named) gave the written confirmation and information on reporting the crime: it counts towards the Victims' Code entitlement the update (or the report) started, attributed to whoever told",
  })
  async recordVictimInformed(@Arg("input", () => VictimInformedInput) input: VictimInformedInput, @Ctx() ctx: VictimsContext) {
    if (ctx.principal.organisation !== OrganisationCode.GMP) {
      // A partner tells the victim of a decision only if it may see that decision. Decided before the update is
      // looked up, so a partner with no basis learns nothing of whether the crime or the update exists.
      const crimeReference = input.crimeReference.trim();
      const outcome = await ctx.access.decideFor(
        { system: SubjectSystem.POLICE_CRIME, ref: crimeReference },
        OrganisationCode.GMP,
        DataCategory.INVESTIGATION_UPDATES,
        referenceTo("Crime", crimeReference),
      );
      if (outcome.decision === "DENY") throw appError(ErrorCode.FORBIDDEN, "Not released", { reason: "NO_BASIS" });
    }
    return ctx.services.contacts.recordInformed(ctx, input, {
      updatesFor: (crimeReference) => fromSource(() => ctx.loaders.policeUpdatesByCrime.load(crimeReference)),
      crimeFor: (crimeReference) => fromSource(() => ctx.loaders.policeCrimeByReference.load(crimeReference)),
    });
  }
}
