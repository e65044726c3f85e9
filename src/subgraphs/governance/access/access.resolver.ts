import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { pageSize } from "../../../platform/paging";
import type { GovernanceContext } from "../context";
import { AccessExplanation, AuditEvent, Consent, RecordConsentInput, WithdrawConsentInput } from "./access.types";

@Resolver()
export class AccessResolver {
  @Query(() => [AccessExplanation], { description: "What the caller may see of a case and why, releasing none of it" })
  explainAccess(@Arg("caseId", () => ID) caseId: string, @Ctx() ctx: GovernanceContext) {
    return ctx.services.access.explainAccess(ctx.access, caseId);
  }

  @Query(() => [Consent], {
    description: "A victim's consents, in force and withdrawn, oldest first: for GMVS, which records them; empty for anyone else, as for an unknown case",
  })
  consents(@Arg("caseId", () => ID) caseId: string, @Ctx() ctx: GovernanceContext) {
    return ctx.services.access.consentsOf(ctx.access, caseId);
  }

  @Mutation(() => Consent, {
    description: "Record a victim's consent to share with one organisation; where one in force already covers it all, that one is returned and nothing is recorded",
  })
  recordConsent(@Arg("input", () => RecordConsentInput) input: RecordConsentInput, @Ctx() ctx: GovernanceContext) {
    return ctx.services.access.recordConsent(ctx, input);
  }

  @Mutation(() => Consent, {
    description: "Withdraw a consent: every consent to its recipient covering its categories ends; it takes effect on the next request",
  })
  withdrawConsent(@Arg("consentId", () => ID) consentId: string, @Ctx() ctx: GovernanceContext) {
    return ctx.services.access.withdrawConsent(ctx, consentId);
  }

  @Mutation(() => [Consent], {
    description: "Withdraw a victim's consent to one organisation for some categories: every consent covering them ends; returns the consents concerned",
  })
  withdrawConsentFor(@Arg("input", () => WithdrawConsentInput) input: WithdrawConsentInput, @Ctx() ctx: GovernanceContext) {
    return ctx.services.access.withdrawConsentFor(ctx, input);
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
