import { POLICE_SOURCE, PoliceApiClient } from "../connectors/police/client";
import { sharedWithinRequest } from "./platform/request-shared";
import { GeneratedPoliceRecords, PoliceStandIn, STAND_IN_TOKEN as POLICE_STAND_IN_TOKEN } from "../connectors/police/stand-in";
import { PartnerCode, PartnerConnector } from "../connectors/partners";
import { GeneratedPartnerRecords, PARTNER_REGISTRY, PartnerConnectorOptions, PartnerStandIn, StandInOptions } from "../connectors/registry";
import { SpanKind } from "@opentelemetry/api";
import { SourceUnavailableError } from "../connectors/contract";
import { BreakerOptions, CircuitState } from "../connectors/http/breaker";
import type { Config } from "./platform/config";
import type { Logger } from "./platform/logger";
import type { HubMetrics } from "./platform/metrics";
import type { DependencyCheck } from "./platform/readiness";
import { inSpan, tracingActive } from "./platform/tracing";

/**
 * The source systems behind the subgraphs: the police records API and each
 * partner's system, reached through their connectors (connectors/). Where
 * config names no real source, a local stand-in that speaks the same
 * protocol over synthetic data is started in this process: the embedded
 * default and the tests. Made once per process and shared by every
 * subgraph in it; subgraphs batch their calls per request with DataLoader.
 */
export interface Sources {
  police: PoliceApiClient;
  partners: ReadonlyMap<PartnerCode, PartnerConnector>;
  /** The stand-ins this process started, for tests to break, slow or change; empty where every source is real. */
  standIns: {
    police?: PoliceStandIn;
    partners: ReadonlyMap<PartnerCode, PartnerStandIn>;
  };
  close(): Promise<void>;
}

export type SourceSettings = Config["sources"];

/**
 * Extra synthetic records for the stand-ins, computed on demand (the load
 * benchmark's large data set, bench/large-data.ts). In-process only: no
 * config or environment setting reaches it.
 */
export interface GeneratedStandInData {
  police?: GeneratedPoliceRecords;
  partners?: Partial<Record<PartnerCode, GeneratedPartnerRecords>>;
}

/**
 * Starts (or connects to) every source system. On failure, whatever was
 * started is closed again. `databases`, in-process only: for the stand-ins
 * that are databases, an empty PGlite data directory to start from
 * (connectors/sql/embedded.ts; tests make it once per run), or where to make
 * a database of each one's own instead (tests on a PostgreSQL server). With `metrics`,
 * every call the subgraphs make to a source is timed and each circuit
 * breaker's state is reported; breaker changes are logged either way.
 */
export async function startSources(
  settings: SourceSettings,
  logger: Logger,
  generated: GeneratedStandInData = {},
  databases: Pick<StandInOptions, "emptyDataDir" | "database"> = {},
  metrics?: HubMetrics,
): Promise<Sources> {
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error: unknown) => logger.warn({ err: error }, "closing a source failed"));
  };
  const breaker = (source: string): BreakerOptions => ({ ...settings.breaker, onStateChange: (to, from) => logCircuitChange(logger, metrics, source, to, from, settings.breaker.coolDownMs) });
  try {
    let police: PoliceApiClient;
    let policeStandIn: PoliceStandIn | undefined;
    if (settings.police.baseUrl && settings.police.token) {
      police = new PoliceApiClient({ baseUrl: settings.police.baseUrl, token: settings.police.token, timeoutMs: settings.timeoutMs, breaker: breaker(POLICE_SOURCE) });
    } else {
      policeStandIn = new PoliceStandIn({ generated: generated.police });
      const running = await policeStandIn.start();
      closers.push(() => running.close());
      police = new PoliceApiClient({ baseUrl: running.url, token: POLICE_STAND_IN_TOKEN, timeoutMs: settings.timeoutMs, breaker: breaker(POLICE_SOURCE) });
      logger.info({ source: "police", url: running.url }, "police records API stand-in started");
    }

    const partners = new Map<PartnerCode, PartnerConnector>();
    const partnerStandIns = new Map<PartnerCode, PartnerStandIn>();
    for (const [code, entry] of PARTNER_REGISTRY) {
      let options = configuredPartner(code, settings);
      if (!options) {
        const standIn = await entry.startStandIn({ generated: generated.partners?.[code], ...databases });
        closers.push(() => standIn.close());
        partnerStandIns.set(code, standIn);
        options = standIn.options;
        logger.info({ source: code.toLowerCase() }, "partner stand-in started");
      }
      const connector = await entry.create({ ...options, timeoutMs: settings.timeoutMs, breaker: breaker(code.toLowerCase()) });
      closers.push(() => connector.close());
      partners.set(code, metrics ? timed(connector, metrics) : connector);
    }
    if (metrics) {
      for (const connector of [police, ...partners.values()]) {
        if (hasCircuit(connector)) metrics.watchCircuit(connector.source, () => connector.circuitState);
      }
      police = timed(police, metrics);
    }

    return {
      // The timeline (victims) and the crime (police) of one request share their police calls.
      police: sharedWithinRequest(traced("police", police), ["fetchByKeys", "updatesForCrimes", "ordersForCrimes"]),
      partners: new Map([...partners].map(([code, connector]) => [code, traced(code.toLowerCase(), connector)])),
      standIns: { police: policeStandIn, partners: partnerStandIns },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * Where tracing is on, each call to a source system (a connector's method)
 * in a span of its own: the source, the method and how many keys a batch
 * asked for, never the keys, the arguments or the answer. A failure names
 * its reason (TIMEOUT, CIRCUIT_OPEN, ...), never its message. The HTTP or
 * SQL spans of the call, where its library makes them, sit inside.
 */
function traced<T extends object>(source: string, connector: T): T {
  if (!tracingActive()) return connector;
  return new Proxy(connector, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function" || typeof property !== "string" || property === "close") return value;
      return (...args: unknown[]) =>
        inSpan(
          `${source} ${property}`,
          SpanKind.CLIENT,
          { "casebridge.source": source, "casebridge.source.method": property, ...(Array.isArray(args[0]) ? { "casebridge.source.keys": args[0].length } : {}) },
          () => (value as (...a: unknown[]) => unknown).apply(target, args),
          (error) => (error instanceof SourceUnavailableError ? error.reason : error instanceof Error ? error.name : "ERROR"),
        );
    },
  });
}

/** The options for a partner's real system, or undefined where config names none (a stand-in is started). */
function configuredPartner(code: PartnerCode, settings: SourceSettings): PartnerConnectorOptions | undefined {
  switch (code) {
    case PartnerCode.PANKHURST:
      return settings.pankhurst.baseUrl ? { baseUrl: settings.pankhurst.baseUrl, token: settings.pankhurst.token } : undefined;
    case PartnerCode.HOURGLASS:
      return settings.hourglass.returnsDir ? { returnsDir: settings.hourglass.returnsDir } : undefined;
    case PartnerCode.CHALLENGER:
      return settings.challenger.databaseUrl ? { databaseUrl: settings.challenger.databaseUrl } : undefined;
  }
}

/** The source names the connectors use: config's SOURCE_NAMES must be these (test/config.test.ts). */
export const CONNECTED_SOURCE_NAMES = [POLICE_SOURCE, ...[...PARTNER_REGISTRY.keys()].map((code) => code.toLowerCase())];

function hasCircuit(connector: object): connector is { source: string; circuitState: CircuitState } {
  return "circuitState" in connector;
}

/** An open circuit is an outage an operator should see (warn); half-open and closed are it ending (info). */
function logCircuitChange(logger: Logger, metrics: HubMetrics | undefined, source: string, to: CircuitState, from: CircuitState, coolDownMs: number): void {
  metrics?.circuitTransitions.inc({ source, state: to });
  if (to === CircuitState.OPEN) logger.warn({ source, from, to, coolDownMs }, `${source} circuit opened: calls refused for ${coolDownMs} ms`);
  else if (to === CircuitState.HALF_OPEN) logger.info({ source, from, to }, `${source} circuit half-open: one trial call`);
  else logger.info({ source, from, to }, `${source} circuit closed: answering again`);
}

/**
 * Times every call the subgraphs make through a connector (what a request
 * waits for: retries and breaker refusals included), by the connector's
 * `source` and outcome. A Proxy, so each connector keeps its own shape (its
 * referral writes, its circuit state) without a wrapper per kind. Its own
 * health probe is not a subgraph's call and is not timed; neither is
 * anything that does not return a promise.
 */
function timed<T extends { source: string }>(connector: T, metrics: HubMetrics): T {
  return new Proxy(connector, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function" || property === "health" || property === "close") return value;
      return (...args: unknown[]) => {
        const started = process.hrtime.bigint();
        const result: unknown = value.apply(target, args);
        if (!(result instanceof Promise)) return result;
        const observe = (outcome: string) =>
          metrics.sourceCallSeconds.observe({ source: target.source, outcome }, Number(process.hrtime.bigint() - started) / 1e9);
        return result.then(
          (answer: unknown) => (observe("ok"), answer),
          (error: unknown) => {
            observe(error instanceof SourceUnavailableError ? error.reason : "error");
            throw error;
          },
        );
      };
    },
  });
}

/** Longest a readiness probe waits for one source; the gateway waits 2 s for a subgraph's whole answer. */
const PROBE_TIMEOUT_MS = 1_000;

/**
 * Each named source's state for /readyz: a source whose circuit is open is
 * reported so without being called (the breaker would refuse the call
 * anyway); any other is asked for its health, within PROBE_TIMEOUT_MS. A
 * failed probe counts against the breaker like any call: a source that
 * stays down opens its circuit whether or not anyone is asking it for data.
 */
export async function checkSources(sources: Sources, names: readonly string[], required: ReadonlySet<string>): Promise<Record<string, DependencyCheck>> {
  const connectors = [sources.police, ...sources.partners.values()].filter((c) => names.includes(c.source));
  const checks = await Promise.all(
    connectors.map(async (connector): Promise<[string, DependencyCheck]> => {
      const needed = required.has(connector.source);
      if (hasCircuit(connector) && connector.circuitState === CircuitState.OPEN) return [connector.source, { state: "circuit-open", required: needed, reason: "CIRCUIT_OPEN" }];
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"TIMEOUT">((resolve) => (timer = setTimeout(() => resolve("TIMEOUT"), PROBE_TIMEOUT_MS)));
      const health = await Promise.race([connector.health().catch(() => "ERROR" as const), timeout]).finally(() => clearTimeout(timer));
      if (typeof health === "string") return [connector.source, { state: "down", required: needed, reason: health }];
      if (health.status === "UP") return [connector.source, { state: "up", required: needed }];
      if (health.status === "DEGRADED") return [connector.source, { state: "degraded", required: needed }];
      // health.detail is "REASON: message"; only the reason leaves the process (the message may name a path or a host).
      const reason = /^[A-Z_]+(?=:)/.exec(health.detail ?? "")?.[0] ?? "DOWN";
      return [connector.source, { state: reason === "CIRCUIT_OPEN" ? "circuit-open" : "down", required: needed, reason }];
    }),
  );
  return Object.fromEntries(checks);
}
