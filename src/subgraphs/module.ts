import type { Express } from "express";
import type { GraphQLSchema } from "graphql";
import type { DataSourceOptions } from "typeorm";
import type { Config, SubgraphName } from "../platform/config";
import type { GuardedContext } from "../policy/access";
import type { GovernancePort } from "../policy/governance-port";
import type { Database } from "../platform/database";
import type { Logger } from "../platform/logger";
import type { HubMetrics } from "../platform/metrics";
import type { Sources } from "../sources";
import type { EventHandler } from "../platform/events/bus";
import type { OutboxOwner } from "../platform/events/event";

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
  /**
   * `sources`: the source systems behind the hub (src/sources.ts), shared by
   * every subgraph in the process; `governance`: the policy's interface to
   * governance, for a subgraph that tells governance about its records.
   */
  createServices(db: Database, sources: Sources, config: Config, governance: GovernancePort): TServices;
  createContext(services: TServices, base: GuardedContext): TContext;
  /** `config` is absent where a tool re-runs a seed on its own; a seed then uses development defaults. */
  seed(db: Database, config?: Config): Promise<void>;
  /** Work to do once the services exist, before the subgraph serves (e.g. catching up with a source's change feed). Must not fail for a source that is down. */
  start?(services: TServices, logger: Logger): Promise<void>;
  /**
   * Background work the subgraph runs while it serves (e.g. a refresh
   * schedule), started with its services; the returned function stops it and
   * is awaited before the subgraph's server closes. Never keeps the process alive.
   */
  startBackground?(services: TServices, logger: Logger): () => Promise<void>;
  /** The outbox in this subgraph's schema its changes' events are written to (src/platform/events); its process relays it. */
  outbox?: OutboxOwner;
  /** Durable event consumers the subgraph runs: each a name on the bus and an idempotent handler. */
  consumers?(services: TServices): { name: string; handler: EventHandler }[];
  /**
   * Internal routes beside the subgraph's GraphQL endpoint, for other pieces
   * of the hub only (a fact feed): `serviceKey` is the hub's shared key their
   * service tokens are signed with; without one they refuse every request.
   */
  routes?(app: Express, services: TServices, internal: { serviceKey: string | undefined; logger: Logger }): void;
  /** Registers what the subgraph reports to operators' metrics (the gateway's /metrics). */
  observe?(services: TServices, metrics: HubMetrics): void;
}
