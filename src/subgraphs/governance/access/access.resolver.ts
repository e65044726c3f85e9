import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { pageSize } from "../../../platform/paging";
import type { GovernanceContext } from "../context";
import { AccessExplanation, AuditEvent, Consent, RecordConsentInput } from "./access.types";

@Resolver()
export class AccessResolver {
  @Query(() => [AccessExplanation], { description: "What the caller may see of a case and why, releasing none of it" })
  explainAccess(@Arg("caseId", () => ID) caseId: string, @Ctx() ctx: GovernanceContext) {
    return ctx.services.access.explainAccess(ctx.access, caseId);
  }

  @Mutation(() => Consent, { description: "Record a victim's consent to share with one organisation" })
  recordConsent(@Arg("input", () => RecordConsentInput) input: RecordConsentInput, @Ctx() ctx: GovernanceContext) {
    return ctx.services.access.recordConsent(ctx, input);
  }

  @Mutation(() => Consent, { description: "Withdraw a consent; it takes effect on the next request" })
  withdrawConsent(@Arg("consentId", () => ID) consentId: string, @Ctx() ctx: GovernanceContext) {
    return ctx.services.access.withdrawConsent(ctx, consentId);
  }

  @Query(() => [AuditEvent], { description: "Releases and refusals of your organisation's records, newest first" })
  auditEvents(
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("breakGlassOnly", { defaultValue: false }) breakGlassOnly: boolean,
    @Ctx() ctx: GovernanceContext,
  ) {
    return ctx.services.access.auditForHolder(ctx.principal.organisation, pageSize(first), breakGlassOnly);
  }

  @Query(() => [AuditEvent], { description: "Subject access: who saw or was refused what of one victim's data" })
  subjectAccessExport(@Arg("caseId", () => ID) caseId: string, @Ctx() ctx: GovernanceContext) {
    return ctx.services.access.auditForSubject(caseId);
  }
}
