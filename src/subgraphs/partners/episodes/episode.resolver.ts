import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { PartnersContext } from "../context";
import { CaseEpisodes, ServiceEpisode } from "./episode.types";

@Resolver(() => ServiceEpisode)
export class EpisodeResolver {
  @Query(() => ServiceEpisode, { nullable: true })
  serviceEpisode(@Arg("id", () => ID) id: string, @Ctx() ctx: PartnersContext) {
    return ctx.loaders.episodeById.load(id);
  }
}

@Resolver(() => CaseEpisodes)
export class CaseEpisodesResolver {
  @FieldResolver(() => [ServiceEpisode], { description: "Partner service episodes for this case" })
  episodes(@Root() c: CaseEpisodes, @Ctx() ctx: PartnersContext) {
    return ctx.loaders.episodesByCaseId.load(c.id);
  }
}
