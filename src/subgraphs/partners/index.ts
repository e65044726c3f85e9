import { buildFederatedSchema } from "../../platform/federation";
import { authenticated, guardSchema } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { createPartnersContext, PartnersContext, PartnersServices } from "./context";
import { ServiceEpisodeRecord } from "./episodes/episode.entity";
import { CaseEpisodesResolver, EpisodeResolver } from "./episodes/episode.resolver";
import { CaseEpisodes, ServiceEpisode } from "./episodes/episode.types";
import { EpisodeService } from "./episodes/episode.service";
import { seedPartners } from "./seed";

export const partners: SubgraphModule<PartnersServices, PartnersContext> = {
  name: "partners",
  entities: [ServiceEpisodeRecord],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<PartnersContext>(
        { resolvers: [EpisodeResolver, CaseEpisodesResolver], orphanedTypes: [CaseEpisodes] },
        {
          ServiceEpisode: { __resolveReference: (reference, ctx) => ctx.loaders.episodeById.load(String(reference.id)) },
          // Any GMVS case id: partners answer with the episodes they hold for it (possibly none).
          Case: { __resolveReference: (reference) => ({ id: String(reference.id) }) },
        },
      ),
      [ServiceEpisode, CaseEpisodes],
      { Query: { serviceEpisode: authenticated } },
    ),
  createServices: (db) => ({ episodes: new EpisodeService(db.dataSource) }),
  createContext: createPartnersContext,
  seed: seedPartners,
};
