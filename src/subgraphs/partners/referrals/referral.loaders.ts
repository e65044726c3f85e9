import DataLoader from "dataloader";
import { ReferralService } from "./referral.service";
import { Referral } from "./referral.types";

/** Made per request: one statement per kind of lookup, whatever the number of cases or referrals asked for. */
export function createReferralLoaders(referrals: ReferralService) {
  return {
    referralById: new DataLoader<string, Referral | null>((ids) => referrals.findByIds(ids)),
    referralsByCaseId: new DataLoader<string, Referral[]>((ids) => referrals.findByCaseIds(ids)),
  };
}
