import DataLoader from "dataloader";
import { ServiceEpisodeRecord } from "./episode.entity";
import { EpisodeService } from "./episode.service";

export function createEpisodeLoaders(episodes: EpisodeService) {
  return {
    episodeById: new DataLoader<string, ServiceEpisodeRecord | null>((ids) => episodes.findByIds(ids)),
    episodesByCaseId: new DataLoader<string, ServiceEpisodeRecord[]>((ids) => episodes.findByCaseIds(ids)),
  };
}
