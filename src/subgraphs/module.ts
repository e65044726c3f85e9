import type { GraphQLSchema } from "graphql";
import type { DataSourceOptions } from "typeorm";
import type { SubgraphName } from "../platform/config";
import type { GuardedContext } from "../policy/access";
import type { Database } from "../platform/database";
import type { Logger } from "../platform/logger";
import type { Sources } from "../sources";

/**
 * What each subgraph folder exports: its schema (built without a database, so
 * the SDL can be emitted anywhere), its entities, its services (made once per
 * process), its per-request context (fresh DataLoaders every request) and its
 * synthetic seed. Its schema comes guarded (src/policy/shield.ts).
 */
export interface SubgraphModule<TServices = unknown, TContext extends GuardedContext = GuardedContext> {
  name: SubgraphName;
  entities: NonNullable<DataSourceOptions["entities"]>;
  buildSchema(): Promise<GraphQLSchema>;
  /** `sources`: the source systems behind the hub (src/sources.ts), shared by every subgraph in the process. */
  createServices(db: Database, sources: Sources): TServices;
  createContext(services: TServices, base: GuardedContext): TContext;
  seed(db: Database): Promise<void>;
  /** Work to do once the services exist, before the subgraph serves (e.g. catching up with a source's change feed). Must not fail for a source that is down. */
  start?(services: TServices, logger: Logger): Promise<void>;
}
