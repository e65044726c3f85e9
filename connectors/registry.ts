import { ChallengerConnector } from "./challenger/connector";
import { startChallengerStandIn } from "./challenger/stand-in";
import { SourceUnavailableError } from "./contract";
import type { StandInDatabaseMaker } from "./sql/embedded";
import type { BreakerOptions } from "./http/breaker";
import { HourglassConnector } from "./hourglass/connector";
import { SqlHourglassStore } from "./hourglass/sql-store";
import { HOURGLASS_FIXTURES, HourglassStandInStore } from "./hourglass/stand-in";
import { HourglassReturnStore, InMemoryHourglassStore } from "./hourglass/store";
import { PankhurstClient } from "./pankhurst/client";
import { GeneratedPankhurstCases, PANKHURST_STAND_IN_TOKEN, PankhurstStandIn } from "./pankhurst/stand-in";
import { PartnerCaseRecord, PartnerCode, PartnerConnector } from "./partners";

/**
 * Every partner connector by organisation code: how to build it from
 * config-like options, and how to start its local stand-in for the embedded
 * hub and for tests. Adding a partner is a new folder and one entry here
 * (README.md beside this file).
 */

/** The three kinds of partner system (DESIGN.md, Connectors). */
export enum PartnerSourceKind {
  REST = "REST",
  FILE_RETURNS = "FILE_RETURNS",
  SQL = "SQL",
}

/** Config-like options; each kind reads the ones it needs and refuses to start without them. */
export interface PartnerConnectorOptions {
  /** REST: the API's base URL. */
  baseUrl?: string;
  /** REST: its bearer token. */
  token?: string;
  /** File returns: the directory the partner's files arrive in. */
  returnsDir?: string;
  /** SQL: the partner's database; file returns: the hub's landing database (in memory when absent). */
  databaseUrl?: string;
  /** SQL: pool size; 1 for PGlite, which serves one session. */
  poolMax?: number;
  /** Per request or statement; file returns: per read of the landing store. */
  timeoutMs?: number;
  /** REST: the client's circuit breaker (connectors/http/breaker.ts). */
  breaker?: BreakerOptions;
  /** File returns: a landing store already open (a stand-in's, in memory); taken before databaseUrl. */
  landingStore?: HourglassReturnStore;
}

/** A running stand-in, and the options that point a connector at it. */
export interface PartnerStandIn {
  readonly options: PartnerConnectorOptions;
  /** Makes the stand-in fail as an outage would (false), or answer again (true). */
  setAvailable(available: boolean): void;
  /** Makes the stand-in hold every answer for `delayMs` (a slow system), or answer at once again (0). */
  setLatency(delayMs: number): void;
  /**
   * Adds (or replaces) what the partner holds for these cases, as if its
   * staff had recorded it: how tests set their partner data up. Absent where
   * the partner's system has no way in but its own (file returns arrive as
   * files: write one and import it).
   */
  addCaseRecords?(records: readonly PartnerCaseRecord[]): Promise<void>;
  /** Calls the source has received so far (HTTP requests, SQL statements): what tests count to show batching. */
  callCount(): number;
  close(): Promise<void>;
}

/**
 * Case records a stand-in computes on demand (a large synthetic data set as
 * a pure function of the GMVS case id), in-process only: for the load
 * benchmark. Only stand-ins whose system takes case records use it.
 */
export type GeneratedPartnerRecords = (gmvsCaseId: string) => PartnerCaseRecord | undefined;

/** In-process only: what a stand-in may start with besides its own synthetic data. */
export interface StandInOptions {
  /** Case records computed on demand (GeneratedPartnerRecords). */
  generated?: GeneratedPartnerRecords;
  /** For a stand-in that is a database: an empty PGlite data directory to start from instead of running initdb (connectors/sql/embedded.ts). */
  emptyDataDir?: Blob;
  /**
   * For a stand-in that is a database: where to make it instead of an
   * in-process PGlite (a database of its own on a PostgreSQL server, where
   * there is one: no WebAssembly database in the hub's process).
   */
  database?: StandInDatabaseMaker;
}

export interface PartnerRegistryEntry {
  readonly partner: PartnerCode;
  readonly kind: PartnerSourceKind;
  readonly description: string;
  /** Whether the connector takes referral updates (recordReferralReceived, acceptReferral, declineReferral). */
  readonly acceptsReferralWrites: boolean;
  create(options: PartnerConnectorOptions): Promise<PartnerConnector>;
  startStandIn(options?: StandInOptions): Promise<PartnerStandIn>;
}

export const PARTNER_REGISTRY: ReadonlyMap<PartnerCode, PartnerRegistryEntry> = new Map<PartnerCode, PartnerRegistryEntry>([
  [
    PartnerCode.PANKHURST,
    {
      partner: PartnerCode.PANKHURST,
      kind: PartnerSourceKind.REST,
      description: "Pankhurst Trust case API (Restore anti-stalking, domestic abuse support): connectors/pankhurst/openapi.yaml",
      acceptsReferralWrites: true,
      async create(options) {
        return new PankhurstClient({
          baseUrl: required(options.baseUrl, "PANKHURST", "baseUrl"),
          token: required(options.token, "PANKHURST", "token"),
          timeoutMs: options.timeoutMs,
          breaker: options.breaker,
        });
      },
      async startStandIn({ generated } = {}) {
        const standIn = new PankhurstStandIn({ generated: generated && pankhurstCase(generated) });
        const running = await standIn.start();
        return {
          options: { baseUrl: running.url, token: PANKHURST_STAND_IN_TOKEN },
          setAvailable: (available) => standIn.setMode(available ? "up" : "down"),
          setLatency: (delayMs) => standIn.setMode(delayMs > 0 ? "slow" : "up", { delayMs }),
          callCount: () => standIn.requestCount(),
          async addCaseRecords(records) {
            for (const { hourglass: _h, challenger: _c, ...record } of records) standIn.recordChange(record);
          },
          close: () => running.close(),
        };
      },
    },
  ],
  [
    PartnerCode.HOURGLASS,
    {
      partner: PartnerCode.HOURGLASS,
      kind: PartnerSourceKind.FILE_RETURNS,
      description: "Hourglass monthly CSV returns, read-only: connectors/hourglass/FORMAT.md",
      acceptsReferralWrites: false,
      /** Imports any returns in the directory not loaded yet (a re-import adds nothing), then reads from the store. */
      async create(options) {
        const returnsDir = required(options.returnsDir, "HOURGLASS", "returnsDir");
        const store = options.landingStore
          ? options.landingStore
          : options.databaseUrl
          ? await SqlHourglassStore.open("hourglass", { databaseUrl: options.databaseUrl, max: options.poolMax, statementTimeoutMs: options.timeoutMs })
          : new InMemoryHourglassStore();
        const connector = new HourglassConnector(store, { readTimeoutMs: options.timeoutMs });
        await connector.importDirectory(returnsDir);
        return connector;
      },
      /** The synthetic returns shipped with the connector, bad rows included, landed in a store that tests can take down. */
      async startStandIn() {
        const store = new HourglassStandInStore();
        return {
          options: { returnsDir: HOURGLASS_FIXTURES, landingStore: store },
          setAvailable: (available) => store.setAvailable(available),
          setLatency: (delayMs) => store.setDelay(delayMs),
          callCount: () => store.callCount(),
          close: async () => undefined,
        };
      },
    },
  ],
  [
    PartnerCode.CHALLENGER,
    {
      partner: PartnerCode.CHALLENGER,
      kind: PartnerSourceKind.SQL,
      description: "Challenger case database (NRM / Duty to Notify, place of safety, victim navigator): connectors/challenger/schema.sql",
      acceptsReferralWrites: true,
      async create(options) {
        return new ChallengerConnector({
          databaseUrl: required(options.databaseUrl, "CHALLENGER", "databaseUrl"),
          max: options.poolMax,
          statementTimeoutMs: options.timeoutMs,
          // A database too slow to let a session start is as unavailable as one too slow to answer a statement.
          connectTimeoutMs: options.timeoutMs,
        });
      },
      /** An in-process PGlite serves one session: hence a pool of 1 there; a PostgreSQL server, the connector's own default. */
      async startStandIn({ emptyDataDir, database } = {}) {
        const running = await startChallengerStandIn({ emptyDataDir, database });
        return {
          options: { databaseUrl: running.url, poolMax: database ? undefined : 1 },
          setAvailable: (available) => running.setMode(available ? "up" : "down"),
          setLatency: (delayMs) => running.setMode(delayMs > 0 ? "slow" : "up", { delayMs }),
          callCount: () => running.statementCount(),
          close: () => running.close(),
        };
      },
    },
  ],
]);

/** What every partner holds for the same cases: the records of those that answered, and one error for each that did not. */
export interface PartnerFetch {
  records: Map<PartnerCode, (PartnerCaseRecord | null)[]>;
  unavailable: SourceUnavailableError[];
}

/**
 * Asks every partner at once for the same GMVS cases. A partner that
 * cannot answer does not stop the others: its records are missing and its
 * SourceUnavailableError is listed, for the caller to return partial data
 * with a typed error (connectors/contract.ts).
 */
export async function fetchFromPartners(connectors: readonly PartnerConnector[], gmvsCaseIds: readonly string[]): Promise<PartnerFetch> {
  const settled = await Promise.allSettled(connectors.map((connector) => connector.fetchByKeys(gmvsCaseIds)));
  const result: PartnerFetch = { records: new Map(), unavailable: [] };
  settled.forEach((outcome, i) => {
    if (outcome.status === "fulfilled") result.records.set(connectors[i].partner, outcome.value);
    else if (outcome.reason instanceof SourceUnavailableError) result.unavailable.push(outcome.reason);
    else throw outcome.reason;
  });
  return result;
}

function pankhurstCase(generated: GeneratedPartnerRecords): GeneratedPankhurstCases {
  return (gmvsCaseId) => {
    const record = generated(gmvsCaseId);
    if (!record) return undefined;
    const { hourglass: _h, challenger: _c, ...pankhurst } = record;
    return pankhurst;
  };
}

function required(value: string | undefined, partner: string, option: keyof PartnerConnectorOptions): string {
  if (!value) throw new RangeError(`${partner} connector needs the ${option} option`);
  return value;
}
