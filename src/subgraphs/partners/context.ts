import type { GuardedContext } from "../../policy/access";
import { createEpisodeLoaders } from "./episodes/episode.loaders";
import { EpisodeService } from "./episodes/episode.service";

export interface PartnersServices {
  episodes: EpisodeService;
}

export function createPartnersContext(services: PartnersServices, base: GuardedContext) {
  return { ...base, services, loaders: createEpisodeLoaders(services.episodes) };
}
export type PartnersContext = ReturnType<typeof createPartnersContext>;
