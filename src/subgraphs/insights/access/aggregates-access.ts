import { rule } from "graphql-shield";
import { appError, ErrorCode } from "../../../platform/errors";
import { Principal, Purpose, Role } from "../../../platform/principal";
import type { GuardedContext } from "../../../policy/access";
import type { Agreement } from "../../../policy/decide";

/** Who works on aggregates (src/policy/decide.ts keeps them from personal data altogether). */
export const AGGREGATE_ROLES: readonly Role[] = [Role.COMMISSIONER, Role.ANALYST];

export type AggregateAccess =
  | { allowed: true; agreementId: string }
  | { allowed: false; reason: "NOT_AUTHENTICATED" | "ROLE_NOT_PERMITTED" | "PURPOSE_NOT_COVERED" | "NO_AGREEMENT" };

/**
 * May this caller query the evidence base? Pure. Allowed only when all hold:
 * 1. a commissioner or analyst role;
 * 2. the token's purpose is commissioning;
 * 3. the caller's organisation is a recipient of an agreement in force for
 *    commissioning whose categories are empty: aggregates only, no category
 *    of personal data (gmvs-to-gmca-aggregates.v1.json).
 * The types are @NonPersonal, so decide() never runs on them: this is the guard.
 */
export function aggregateAccess(principal: Principal | null, agreements: readonly Agreement[], now: Date): AggregateAccess {
  if (!principal) return { allowed: false, reason: "NOT_AUTHENTICATED" };
  if (!principal.roles.some((r) => AGGREGATE_ROLES.includes(r))) return { allowed: false, reason: "ROLE_NOT_PERMITTED" };
  if (principal.purpose !== Purpose.COMMISSIONING) return { allowed: false, reason: "PURPOSE_NOT_COVERED" };
  const agreement = agreements.find(
    (a) =>
      a.recipients.includes(principal.organisation) &&
      a.purposes.includes(Purpose.COMMISSIONING) &&
      a.categories.length === 0 &&
      a.startsOn <= now &&
      (a.endsOn === null || now < a.endsOn),
  );
  return agreement ? { allowed: true, agreementId: agreement.id } : { allowed: false, reason: "NO_AGREEMENT" };
}

/** The shield rule on every evidence-base root field; agreements read once per request, through governance's interface. */
export const aggregatesUnderAgreement = () =>
  rule({ cache: "contextual" })(async (_parent, _args, ctx: GuardedContext) => {
    if (!ctx.principal) return appError(ErrorCode.UNAUTHENTICATED, "A bearer token is required");
    const access = aggregateAccess(ctx.principal, await ctx.access.agreements(), new Date());
    if (access.allowed) return true;
    return appError(
      ErrorCode.FORBIDDEN,
      "The evidence base is for commissioners and analysts, for commissioning, under an aggregates-only agreement",
      { reason: access.reason },
    );
  });
