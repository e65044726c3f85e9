import type { GraphQLSchema } from "graphql";
import type { DataSourceOptions } from "typeorm";
import type { SubgraphName } from "./config";
import type { RequestContext } from "./context";
import type { Database } from "./database";

/**
 * What each subgraph folder exports: its schema (built without a database, so
 * the SDL can be emitted anywhere), its entities, its services (made once per
 * process), its per-request context (fresh DataLoaders every request) and its
 * synthetic seed.
 */
export interface SubgraphModule<TServices = unknown, TContext extends RequestContext = RequestContext> {
  name: SubgraphName;
  entities: NonNullable<DataSourceOptions["entities"]>;
  buildSchema(): Promise<GraphQLSchema>;
  createServices(db: Database): TServices;
  createContext(services: TServices, base: RequestContext): TContext;
  seed(db: Database): Promise<void>;
}
