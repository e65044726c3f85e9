import { chain, rule } from "graphql-shield";
import { OrganisationCode } from "../../../platform/domain";
import { Role } from "../../../platform/principal";
import { organisationIs, roleIs } from "../../../policy/shield";
import type { PartnersContext } from "../context";
import { noSuchReferral, notAddressedToYou } from "./referral.service";

/** Only staff of the organisation the referral (`id` argument) is addressed to: a Pankhurst advocate cannot accept a Hourglass referral. */
const addressedToCaller = rule({ cache: "no_cache" })(async (_parent, args: { id: string }, ctx: PartnersContext) => {
  const referral = await ctx.loaders.referralById.load(args.id);
  if (!referral) return noSuchReferral();
  return referral.partner === ctx.principal.organisation ? true : notAddressedToYou(ctx.principal.organisation, referral);
});

const caseworkers = roleIs(Role.CASEWORKER, Role.SUPERVISOR);

/** GMVS makes, withdraws and closes referrals (issue 5). */
export const gmvsCaseworker = chain(organisationIs(OrganisationCode.GMVS), caseworkers);

/** The partner receives, accepts or declines, and records first contact (issue 9). */
export const addresseeCaseworker = chain(caseworkers, addressedToCaller);

/** A partner's staff list what is addressed to them. */
export const anyCaseworker = caseworkers;
