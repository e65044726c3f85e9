import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { VictimsContext } from "../context";
import { fromSource } from "../../../platform/errors";
import { Contact, ContactInput, VictimInformedInput, VictimInformedReceipt } from "./contact.types";

@Resolver(() => Contact)
export class ContactResolver {
  @Mutation(() => Contact, { description: "Record an update given to the victim. CONFLICT on a closed case" })
  recordContact(@Arg("caseId", () => ID) caseId: string, @Arg("input", () => ContactInput) input: ContactInput, @Ctx() ctx: VictimsContext) {
    return ctx.services.contacts.record(ctx, caseId, input, (crimeReference) => fromSource(() => ctx.loaders.policeUpdatesByCrime.load(crimeReference)));
  }

  @Mutation(() => VictimInformedReceipt, { description: "GMP records that it told the victim of one of its investigation updates: it counts towards Victims' Code Right 6, attributed to GMP" })
  recordVictimInformed(@Arg("input", () => VictimInformedInput) input: VictimInformedInput, @Ctx() ctx: VictimsContext) {
    return ctx.services.contacts.recordInformed(ctx, input, (crimeReference) => fromSource(() => ctx.loaders.policeUpdatesByCrime.load(crimeReference)));
  }
}
