import type { GuardedContext } from "../../policy/access";
import { createEpisodeLoaders } from "./episodes/episode.loaders";
import { EpisodeService } from "./episodes/episode.service";
import { createReferralLoaders } from "./referrals/referral.loaders";
import { ReferralService } from "./referrals/referral.service";

export interface PartnersServices {
  episodes: EpisodeService;
  referrals: ReferralService;
}

export function createPartnersContext(services: PartnersServices, base: GuardedContext) {
  return { ...base, services, loaders: { ...createEpisodeLoaders(services.episodes), ...createReferralLoaders(services.referrals) } };
}
export type PartnersContext = ReturnType<typeof createPartnersContext>;
