import { PoliceApiClient } from "../connectors/police/client";
import { GeneratedPoliceRecords, PoliceStandIn, STAND_IN_TOKEN as POLICE_STAND_IN_TOKEN } from "../connectors/police/stand-in";
import { PartnerCode, PartnerConnector } from "../connectors/partners";
import { GeneratedPartnerRecords, PARTNER_REGISTRY, PartnerConnectorOptions, PartnerStandIn } from "../connectors/registry";
import { SpanKind } from "@opentelemetry/api";
import { SourceUnavailableError } from "../connectors/contract";
import type { Config } from "./platform/config";
import type { Logger } from "./platform/logger";
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
 * started is closed again. `emptyDataDir`, in-process only: an empty
 * PGlite data directory for the stand-ins that are databases to start from
 * (connectors/sql/embedded.ts); tests make it once per run.
 */
export async function startSources(
  settings: SourceSettings,
  logger: Logger,
  generated: GeneratedStandInData = {},
  emptyDataDir?: Blob,
): Promise<Sources> {
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error: unknown) => logger.warn({ err: error }, "closing a source failed"));
  };
  try {
    let police: PoliceApiClient;
    let policeStandIn: PoliceStandIn | undefined;
    if (settings.police.baseUrl && settings.police.token) {
      police = new PoliceApiClient({ baseUrl: settings.police.baseUrl, token: settings.police.token, timeoutMs: settings.timeoutMs, breaker: settings.breaker });
    } else {
      policeStandIn = new PoliceStandIn({ generated: generated.police });
      const running = await policeStandIn.start();
      closers.push(() => running.close());
      police = new PoliceApiClient({ baseUrl: running.url, token: POLICE_STAND_IN_TOKEN, timeoutMs: settings.timeoutMs, breaker: settings.breaker });
      logger.info({ source: "police", url: running.url }, "police records API stand-in started");
    }

    const partners = new Map<PartnerCode, PartnerConnector>();
    const partnerStandIns = new Map<PartnerCode, PartnerStandIn>();
    for (const [code, entry] of PARTNER_REGISTRY) {
      let options = configuredPartner(code, settings);
      if (!options) {
        const standIn = await entry.startStandIn({ generated: generated.partners?.[code], emptyDataDir });
        closers.push(() => standIn.close());
        partnerStandIns.set(code, standIn);
        options = standIn.options;
        logger.info({ source: code.toLowerCase() }, "partner stand-in started");
      }
      const connector = await entry.create({ ...options, timeoutMs: settings.timeoutMs, breaker: settings.breaker });
      closers.push(() => connector.close());
      partners.set(code, connector);
    }

    return {
      police: traced("police", police),
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
