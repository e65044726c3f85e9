import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { Config, ConfigError, SUBGRAPH_NAMES, SubgraphName } from "./platform/config";
import { Database, DatabaseOptions, migrate, openDatabase, ping } from "./platform/database";
import { apolloDefaults, RunningServer, serve } from "./platform/http";
import { partialErrorsPlugin } from "./platform/partial";
import { inputBoundsPlugin } from "./platform/input-bounds";
import { useOperationSpans } from "./platform/operation-spans";
import { tracingActive } from "./platform/tracing";
import type { Logger } from "./platform/logger";
import { ephemeralSigningKey, useGatewayProof } from "./platform/gateway-proof";
import { createVerifier, signDevToken, TokenVerifier, verificationKeys } from "./platform/auth";
import { AccessEvaluator, BREAK_GLASS_HEADER, GuardedContext } from "./policy/access";
import { breakGlassRequest } from "./policy/break-glass";
import { auditPlugin } from "./policy/shield";
import type { GovernancePort } from "./policy/governance-port";
import { GovernanceClient } from "./policy/governance-client";
import { COMMAND_OWNERS, CommandOwner, GovernanceCommandRelay, pendingCommandsReader } from "./policy/governance-commands";
import { SqlGovernance } from "./subgraphs/governance/port/sql-governance";
import { AccessMode, assertAccessModeAllowed, PermitAllUnauditedEvaluator } from "./policy/permit-all";
import { createGateway } from "./gateway/gateway";
import { loadSafelist, safelistGuard } from "./gateway/safelist";
import { commissionerRoutes } from "./gateway/commissioner";
import { explorerRoutes } from "./gateway/explorer";
import { operationLimits, subgraphLimits } from "./gateway/limits";
import { SUBGRAPHS } from "./subgraphs";
import { calendarRunsOutWarning } from "./subgraphs/victims/victims-code/bank-holidays";
import { checkSources, CONNECTED_SOURCE_NAMES, GeneratedStandInData, Sources, startSources } from "./sources";
import type { StandInDatabaseMaker } from "../connectors/sql/embedded";
import { createMetrics, HubMetrics } from "./platform/metrics";
import { DependencyCheck, mergeChecks, Readiness, readinessOf } from "./platform/readiness";
import { HUB_STORE_SOURCE } from "./platform/errors";
import { observeAuditBatches } from "./subgraphs/governance/audit/chain";
import { parse, OperationDefinitionNode } from "graphql";
import { readFileSync } from "node:fs";
import { MANIFEST_PATH } from "./gateway/safelist";
import { createEventBus, EventBus, OutboxRelay } from "./platform/events";
import { subscriptionRoutes } from "./gateway/subscriptions";

/** Every entity of the given subgraphs, for one shared DataSource. */
export function entitiesOf(names: readonly SubgraphName[]) {
  return names.flatMap((name) => SUBGRAPHS[name].entities as unknown[]) as NonNullable<Parameters<typeof openDatabase>[0]["entities"]>;
}

/**
 * Opens the store for the given subgraphs, applies migrations and, when asked, seeds synthetic data.
 * Every statement is bounded by DATABASE_STATEMENT_TIMEOUT_MS; `connectVia` is for tests (DatabaseOptions).
 */
export async function prepareDatabase(
  config: Config,
  names: readonly SubgraphName[],
  logger: Logger,
  /** `statementTimeoutMs: 0` for tools whose statements may rightly run long (bulk loads); requests keep the configured bound. */
  options: Pick<DatabaseOptions, "connectVia" | "statementTimeoutMs" | "pgliteTemplate"> = {},
): Promise<Database> {
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDataDir: config.pgliteDataDir,
    entities: entitiesOf(names),
    statementTimeoutMs: options.statementTimeoutMs ?? config.databaseStatementTimeoutMs,
    connectVia: options.connectVia,
    pgliteTemplate: options.pgliteTemplate,
    logger,
  });
  logger.info({ store: db.embedded ? "pglite" : "postgresql" }, "database open");
  const applied = await migrate(db);
  if (applied.length) logger.info({ migrations: applied }, "migrations applied");
  if (config.seed) {
    // Seed in a stable order; each seed is idempotent, so a restart adds nothing twice.
    for (const name of names) await SUBGRAPHS[name].seed(db, config);
    // On one store with governance, what the seeds told governance is applied now, not by each process that opens it.
    if (names.includes("governance")) {
      for (const owner of commandOwnersOf(names)) await new GovernanceCommandRelay(db.dataSource, owner, new SqlGovernance(db.dataSource), { idleMs: 0, logger }).settle(600_000);
    }
    logger.info({ subgraphs: names }, "synthetic seed data present");
  }
  return db;
}

const isCommandOwner = (name: SubgraphName): name is CommandOwner => (COMMAND_OWNERS as readonly string[]).includes(name);
const commandOwnersOf = (names: readonly SubgraphName[]) => names.filter(isCommandOwner);

/** Every hop verifies the caller's token itself: no subgraph trusts the network. */
export async function tokenVerifier(config: Config): Promise<TokenVerifier> {
  return createVerifier(config.auth, await verificationKeys(config.auth));
}

/** The sources each subgraph reports in its /readyz: those it reads for its own fields. */
const SOURCES_REPORTED_BY: Partial<Record<SubgraphName, readonly string[]>> = {
  police: ["police"],
  partners: CONNECTED_SOURCE_NAMES.filter((name) => name !== "police"),
};

/** Operators' metrics for this process, naming only the operations the hub ships (platform/metrics.ts). */
export function hubMetrics(): HubMetrics {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, "utf8")) as Record<string, string>;
  const names = Object.values(manifest).flatMap((text) =>
    parse(text, { noLocation: true }).definitions.flatMap((d) => (d.kind === "OperationDefinition" && (d as OperationDefinitionNode).name ? [(d as OperationDefinitionNode).name!.value] : [])),
  );
  return createMetrics({ knownOperations: names });
}

/** Reads' group-commit audit batches (src/policy/audit.ts) into the metrics: their size and each request's wait. */
export function countAuditBatches(db: Database, metrics: HubMetrics): void {
  observeAuditBatches(db.dataSource, {
    batch(events, waits) {
      metrics.auditBatchEvents.observe(events);
      for (const wait of waits) metrics.auditLagSeconds.observe(wait);
    },
  });
}

/** Serves one subgraph over HTTP on the given port (0 picks a free one). */
export async function startSubgraph(
  name: SubgraphName,
  db: Database,
  config: Config,
  logger: Logger,
  port: number,
  sources: Sources,
  accessMode: AccessMode = "guarded",
  /** `metrics`: what the subgraph reports to them; `serveMetrics`: also at its own /metrics (run alone). */
  observe: { metrics?: HubMetrics; serveMetrics?: boolean } = {},
  /**
   * The process's event bus: the subgraph's consumers are registered on it
   * and its outbox relayed to it. `relayLater`: the relay is returned
   * unstarted (a hub in one process starts relays once every consumer is
   * registered, so the in-process bus has them all from the first event).
   */
  events?: { bus: EventBus; relayLater?: boolean },
  /**
   * How the access policy reaches governance (GovernancePort): over HTTP
   * for a subgraph on a store of its own (governancePortFor); by default,
   * governance's own adapter on this store.
   */
  governance?: GovernancePort,
): Promise<RunningSubgraph> {
  assertAccessModeAllowed(accessMode, config);
  // Apart from the gateway (`npm run serve`), no random key can be shared: a subgraph that requires proof needs the configured one.
  const { signingKey, required } = config.gatewayProof;
  if (required && !signingKey) throw new ConfigError([`GATEWAY_SIGNING_KEY: required while SUBGRAPH_REQUIRE_GATEWAY_PROOF is on and the ${name} subgraph runs apart from the gateway`]);
  const Evaluator = accessMode === "permit-all-unaudited" ? PermitAllUnauditedEvaluator : AccessEvaluator;
  const subgraph = SUBGRAPHS[name];
  const schema = await subgraph.buildSchema();
  const policy = governance ?? new SqlGovernance(db.dataSource);
  const services = subgraph.createServices(db, sources, config, policy);
  if (observe.metrics) subgraph.observe?.(services, observe.metrics);
  await subgraph.start?.(services, logger.child({ subgraph: name }));
  const verifier = await tokenVerifier(config);
  const log = logger.child({ subgraph: name });
  // What this subgraph tells governance goes through its command outbox (src/policy/governance-commands.ts).
  const commands = isCommandOwner(name) ? new GovernanceCommandRelay(db.dataSource, name, policy, { logger: log, idleMs: config.events.relayIntervalMs }) : undefined;
  // Governance's adapter is right here in one process: nothing waiting is left for the first request to miss. Apart, the relay sends it once governance answers.
  if (commands && !(policy instanceof GovernanceClient)) await commands.settle(600_000);
  const pending = commands ? pendingCommandsReader(db.dataSource, commands.owner) : null;
  if (!required && config.env === "production") log.warn("SUBGRAPH_REQUIRE_GATEWAY_PROOF is off: this subgraph runs operations sent straight to it, past the gateway's safelist and limits");
  // Defence in depth: a subgraph is reached only through the gateway, but it is on a network and checks the token itself.
  const limited = operationLimits(subgraphLimits(config.limits), { development: config.development, subgraph: true });
  const running = await serve({
    name,
    host: config.host,
    port,
    logger: log,
    requestsFrom: "gateway",
    graphqlGuards: signingKey ? [useGatewayProof({ key: signingKey, audience: name, required, logger: log })] : [],
    server: new ApolloServer<GuardedContext>({
      schema,
      ...apolloDefaults(config.development),
      ...limited,
      // Federated traces would tell any caller how long each field took; we do not report to Apollo Studio.
      plugins: [...apolloDefaults(config.development).plugins, ...limited.plugins, ApolloServerPluginInlineTraceDisabled(), inputBoundsPlugin(), auditPlugin({ dataSource: db.dataSource, afterCommit: commands && (() => commands.settle(5_000)) }), partialErrorsPlugin(), ...(tracingActive() ? [useOperationSpans<GuardedContext>({ subgraph: name })] : [])],
    }),
    context: async (base, req) => {
      const principal = await verifier.verify(req.headers.authorization);
      const reason = breakGlassRequest(req.headers[BREAK_GLASS_HEADER], principal, config.breakGlass);
      const breakGlass = reason && { reason, dailyCap: config.breakGlass.dailyCap };
      const access = new Evaluator(policy, principal, base.requestId, breakGlass, undefined, base.callerRequestId, pending);
      await access.admitBreakGlass();
      return subgraph.createContext(services, { ...base, principal, access });
    },
    routes: (app) => subgraph.routes?.(app, services, { serviceKey: signingKey, logger: log }),
    metrics: observe.serveMetrics ? observe.metrics : undefined,
    ready: async () => {
      const [store, checks] = await Promise.all([
        ping(db),
        checkSources(sources, SOURCES_REPORTED_BY[name] ?? [], config.sources.requiredForReadiness),
      ]);
      return readinessOf({ [HUB_STORE_SOURCE]: { state: store ? "up" : "down", required: true }, ...checks });
    },
  });
  const stopBackground = subgraph.startBackground?.(services, logger);
  commands?.start();
  const stopConsumers: (() => Promise<void>)[] = [];
  let relay: OutboxRelay | undefined;
  try {
    if (events) {
      for (const { name: consumer, handler } of subgraph.consumers?.(services) ?? []) stopConsumers.push(await events.bus.consume(consumer, handler));
      if (subgraph.outbox) {
        relay = new OutboxRelay(db.dataSource, subgraph.outbox, events.bus, { logger: log, idleMs: config.events.relayIntervalMs });
        if (!events.relayLater) relay.start();
      }
    }
  } catch (error) {
    for (const stop of stopConsumers) await stop();
    await stopBackground?.();
    await commands?.stop();
    await running.close();
    throw error;
  }
  return {
    ...running,
    relay,
    commands,
    async close() {
      await relay?.stop();
      for (const stop of stopConsumers) await stop();
      await stopBackground?.();
      await running.close();
      // After the server: a mutation answered as it closed still sends its commands.
      await commands?.stop();
      await commands?.drain().catch((error: unknown) => log.warn({ err: error }, "governance commands left waiting at close"));
    },
  };
}

/**
 * The policy's way to governance for a subgraph run on its own
 * (`npm run serve`): where GOVERNANCE_URL is set, governance's internal
 * routes, so the subgraph needs none of governance's tables in its store;
 * otherwise governance's adapter on the subgraph's store, which must then
 * hold governance's schema.
 */
export function governancePortFor(name: SubgraphName, db: Database, config: Config): GovernancePort {
  const url = config.subgraphUrls.governance;
  if (name === "governance" || !url) return new SqlGovernance(db.dataSource);
  const key = config.gatewayProof.signingKey;
  if (!key) throw new ConfigError([`GATEWAY_SIGNING_KEY: required for the ${name} subgraph to reach governance at GOVERNANCE_URL`]);
  return new GovernanceClient(url, key, name);
}

/** A subgraph serving, with the relay of its outbox where it keeps one and events flow. */
export interface RunningSubgraph extends RunningServer {
  relay?: OutboxRelay;
  /** Victims and partners: the relay of their commands to governance. */
  commands?: GovernanceCommandRelay;
}

/** Serves the gateway in front of subgraphs at the given URLs. Ready when every subgraph is. */
export async function startGateway(
  subgraphUrls: Record<SubgraphName, string>,
  config: Config,
  logger: Logger,
  port: number,
  metrics: HubMetrics = hubMetrics(),
  /** The bus the worklist subscriptions listen to; without one the gateway serves no stream. */
  events?: EventBus,
): Promise<RunningServer> {
  const verifier = await tokenVerifier(config);
  const log = logger.child({ subgraph: "gateway" });
  // The stream re-reads each subscriber's worklist through this gateway's own /graphql, known once it listens.
  let selfUrl = "";
  const explorer = explorerRoutes({
    development: config.development,
    // The explorer's token picker signs with the local dev key pair, and only where that is how tokens are made.
    issueDevToken:
      config.development && !config.auth.jwksUrl
        ? ({ organisation, role, purpose }) =>
            signDevToken(config.auth, { subject: `explorer-${organisation.toLowerCase()}-${role}`, organisation, roles: [role], purpose }, { expiresIn: `${Math.min(3_600, config.auth.maxTokenLifetimeSeconds)}s` })
        : undefined,
  });
  const commissioner = commissionerRoutes({ enabled: config.commissionerPage, graphqlUrl: () => selfUrl });
  const stream = events ? subscriptionRoutes({ bus: events, verifier, graphqlUrl: () => selfUrl, logger: log }) : undefined;
  const running = await serve({
    name: "gateway",
    host: config.host,
    port,
    logger: log,
    requestsFrom: "caller",
    // What a browser front end sends besides content-type and authorization: a break-glass reason, Apollo's CSRF header, its own request id.
    cors: { origins: config.corsOrigins, allowHeaders: [BREAK_GLASS_HEADER, "apollo-require-preflight", "x-request-id"] },
    graphqlGuards: config.operationsSafelist ? [safelistGuard(loadSafelist())] : [],
    routes: (app) => {
      stream?.(app);
      commissioner(app);
      explorer(app);
    },
    server: createGateway(subgraphUrls, config.development, config.limits, config.gatewayProof.signingKey),
    context: async (base, req) => {
      const principal = await verifier.verify(req.headers.authorization);
      // A malformed reason, or one from anyone but a supervisor, is refused here, before any subgraph is asked.
      const breakGlass = breakGlassRequest(req.headers[BREAK_GLASS_HEADER], principal, config.breakGlass);
      return { ...base, authorization: req.headers.authorization, breakGlassReason: breakGlass?.text };
    },
    metrics,
    // Ready when every subgraph is; each dependency as the subgraphs report it (the store at its worst).
    ready: async (): Promise<Readiness> => {
      const answers = await Promise.all(
        SUBGRAPH_NAMES.map(async (name) => {
          try {
            const res = await fetch(subgraphUrls[name].replace(/\/graphql$/, "/readyz"), { signal: AbortSignal.timeout(2000) });
            const body = (await res.json().catch(() => ({}))) as { checks?: Record<string, DependencyCheck> };
            return { name, ok: res.ok, checks: body.checks ?? {} };
          } catch {
            return { name, ok: false, checks: {} };
          }
        }),
      );
      const subgraphChecks = Object.fromEntries(answers.map((a): [string, DependencyCheck] => [`subgraph:${a.name}`, { state: a.ok ? "up" : "down", required: true }]));
      return readinessOf({ ...mergeChecks(answers.map((a) => a.checks)), ...subgraphChecks });
    },
  });
  selfUrl = running.url;
  return running;
}

export interface Hub {
  url: string;
  db: Database;
  sources: Sources;
  events: EventBus;
  /** Each outbox's relay: `settle()` publishes what is waiting now (tests, tools). */
  relays: OutboxRelay[];
  /** Publishes every event committed so far; in process, their consumers have handled them when it resolves. */
  settleEvents(): Promise<void>;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  gateway: RunningServer;
  close(): Promise<void>;
}

export interface HubOptions {
  /** Loopback ports picked by the system, so tests can run several hubs side by side. */
  ephemeralPorts?: boolean;
  /** A store already open (and migrated); the hub does not close it. */
  db?: Database;
  /**
   * In-process only, for the load benchmark: "permit-all-unaudited" swaps
   * the access decision for one that allows everything and audits nothing
   * (src/policy/permit-all.ts). Refused under NODE_ENV=production.
   */
  access?: AccessMode;
  /** In-process only, for the load benchmark: extra synthetic records the stand-ins compute on demand. */
  standInData?: GeneratedStandInData;
  /** In-process only (tests, `npm start`'s cache): an empty PGlite data directory the stand-ins that are databases start from (startSources). */
  emptyDataDir?: Blob;
  /** In-process only, for tests on a PostgreSQL server: where the stand-ins that are databases get one of their own instead (startSources). */
  standInDatabase?: StandInDatabaseMaker;
  /** In-process only (tests, `npm start`'s cache): an embedded store opened here starts as this dump (DatabaseOptions.pgliteTemplate). */
  pgliteTemplate?: Blob;
}

/**
 * The embedded default: every subgraph and the gateway in one process over one
 * store.
 */
export async function startHub(hubConfig: Config, logger: Logger, options: HubOptions = {}): Promise<Hub> {
  // One process: a random key, unset, serves the gateway and its subgraphs alike (production requires a configured one).
  const config: Config = { ...hubConfig, gatewayProof: { ...hubConfig.gatewayProof, signingKey: hubConfig.gatewayProof.signingKey ?? ephemeralSigningKey() } };
  const accessMode = options.access ?? "guarded";
  assertAccessModeAllowed(accessMode, config);
  const db = options.db ?? (await prepareDatabase(config, SUBGRAPH_NAMES, logger, { pgliteTemplate: options.pgliteTemplate }));
  const metrics = hubMetrics();
  countAuditBatches(db, metrics);
  const calendarWarning = calendarRunsOutWarning(new Date());
  if (calendarWarning) logger.warn(calendarWarning);
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  let sources: Sources | undefined;
  let bus: EventBus | undefined;
  try {
    bus = await createEventBus(config, logger);
    sources = await startSources(config.sources, logger, options.standInData, { emptyDataDir: options.emptyDataDir, database: options.standInDatabase }, metrics);
    // In SUBGRAPH_NAMES' order, each knowing where those before it listen: insights reads the victims' and partners' fact feeds.
    const started: Config["subgraphUrls"] = {};
    for (const name of SUBGRAPH_NAMES) {
      const withPeers: Config = { ...config, subgraphUrls: { ...config.subgraphUrls, ...started } };
      subgraphs[name] = await startSubgraph(name, db, withPeers, logger, options.ephemeralPorts ? 0 : config.subgraphPorts[name], sources, accessMode, { metrics }, { bus, relayLater: true });
      started[name] = subgraphs[name].url;
    }
    const relays = SUBGRAPH_NAMES.flatMap((name) => subgraphs[name].relay ?? []);
    for (const relay of relays) relay.start();
    const events = bus;
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])) as Record<SubgraphName, string>;
    const gateway = await startGateway(urls, config, logger, options.ephemeralPorts ? 0 : config.gatewayPort, metrics, bus);
    return {
      url: gateway.url,
      db,
      sources,
      events,
      relays,
      settleEvents: async () => {
        await Promise.all(relays.map((relay) => relay.settle()));
      },
      subgraphs,
      gateway,
      async close() {
        await gateway.close();
        // In the reverse of the order they started: a subgraph reading another's routes (insights the victims'
        // and partners' fact feeds) stops, finishing a refresh under way, while those routes still answer.
        for (const name of [...SUBGRAPH_NAMES].reverse()) await subgraphs[name].close();
        await events.close();
        await sources?.close();
        if (!options.db) await db.close();
      },
    };
  } catch (error) {
    for (const server of Object.values(subgraphs)) await server.close();
    await bus?.close();
    await sources?.close();
    if (!options.db) await db.close();
    throw error;
  }
}
