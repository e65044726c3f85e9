import { buildFederatedSchema } from "../../platform/federation";
import { authenticated, guardSchema } from "../../policy/shield";
import type { SubgraphModule } from "../module";
import { createPartnersContext, PartnersContext, PartnersServices } from "./context";
import { ServiceEpisodeRecord } from "./episodes/episode.entity";
import { CaseEpisodesResolver, EpisodeResolver } from "./episodes/episode.resolver";
import { CaseEpisodes, ServiceEpisode } from "./episodes/episode.types";
import { EpisodeService } from "./episodes/episode.service";
import { ReferralRecord } from "./referrals/referral.entity";
import { CaseReferralsResolver, ReferralResolver } from "./referrals/referral.resolver";
import { addresseeCaseworker, anyCaseworker, gmvsCaseworker } from "./referrals/referral.rules";
import { seedReferrals } from "./referrals/referral.seed";
import { ReferralService } from "./referrals/referral.service";
import { Referral } from "./referrals/referral.types";
import { seedPartners } from "./seed";

export const partners: SubgraphModule<PartnersServices, PartnersContext> = {
  name: "partners",
  entities: [ServiceEpisodeRecord, ReferralRecord],
  buildSchema: async () =>
    guardSchema(
      await buildFederatedSchema<PartnersContext>(
        { resolvers: [EpisodeResolver, CaseEpisodesResolver, ReferralResolver, CaseReferralsResolver], orphanedTypes: [CaseEpisodes] },
        {
          ServiceEpisode: { __resolveReference: (reference, ctx) => ctx.loaders.episodeById.load(String(reference.id)) },
          // Any GMVS case id: partners answer with the episodes they hold for it (possibly none).
          Case: { __resolveReference: (reference) => ({ id: String(reference.id) }) },
          Referral: { __resolveReference: (reference, ctx) => ReferralResolver.visible(String(reference.id), ctx) },
        },
      ),
      [ServiceEpisode, CaseEpisodes, Referral],
      {
        Query: { serviceEpisode: authenticated, referral: authenticated, referralsForMe: anyCaseworker },
        Mutation: {
          referToService: gmvsCaseworker,
          withdrawReferral: gmvsCaseworker,
          closeReferral: gmvsCaseworker,
          receiveReferral: addresseeCaseworker,
          acceptReferral: addresseeCaseworker,
          declineReferral: addresseeCaseworker,
          recordFirstContact: addresseeCaseworker,
        },
      },
    ),
  createServices: (db) => ({ episodes: new EpisodeService(db.dataSource), referrals: new ReferralService(db.dataSource) }),
  createContext: createPartnersContext,
  seed: async (db) => {
    await seedPartners(db);
    await seedReferrals(db);
  },
};
