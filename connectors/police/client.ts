import type { z } from "zod";
import { ChangeBatch, Connector, Page, SourceHealth, SourceUnavailableError } from "../contract";
import { CircuitState } from "../http/breaker";
import { inBatches, JsonHttpClient, JsonHttpClientOptions } from "../http/json-client";
import {
  changeBatchSchema,
  crimePageSchema,
  crimeSchema,
  healthSchema,
  investigationUpdateSchema,
  itemsSchema,
  protectiveOrderSchema,
} from "./schemas";
import { BATCH_LIMIT, CrimeSearch, PAGE_LIMIT, InvestigationUpdate, PoliceCrime, ProtectiveOrder } from "./types";

export const POLICE_SOURCE = "police";

/** Base URL, token, timeout, retries, backoff and breaker: see connectors/http/json-client.ts. */
export type PoliceApiClientOptions = JsonHttpClientOptions;

/**
 * The police records API (openapi.yaml). Every failure surfaces as a
 * SourceUnavailableError with source "police". Every call this client makes
 * is a read (the batch endpoints use POST only to carry up to 100 references
 * in a body), so each is safe to retry; a timeout is not retried, because a
 * source too slow to answer is only made slower by asking again.
 */
export class PoliceApiClient implements Connector<string, PoliceCrime, CrimeSearch> {
  readonly source = POLICE_SOURCE;
  private readonly http: JsonHttpClient;
  private readonly clock: () => number;

  constructor(options: PoliceApiClientOptions) {
    this.http = new JsonHttpClient({ source: POLICE_SOURCE, name: "police records API" }, options);
    this.clock = options.clock ?? Date.now;
  }

  get circuitState(): CircuitState {
    return this.http.circuitState;
  }

  /** One HTTP call per 100 references; results in key order, null where the source knows no such crime. */
  async fetchByKeys(crimeReferences: readonly string[]): Promise<(PoliceCrime | null)[]> {
    const crimes = await this.batch("/crimes:batch", crimeReferences, crimeSchema);
    const byReference = new Map(crimes.map((crime) => [crime.crimeReference, crime]));
    return crimeReferences.map((reference) => byReference.get(reference) ?? null);
  }

  /** Every investigation update for each crime, in key order, oldest first; an empty list where there are none. */
  async updatesForCrimes(crimeReferences: readonly string[]): Promise<InvestigationUpdate[][]> {
    const updates = await this.batch("/updates:batch", crimeReferences, investigationUpdateSchema);
    const sorted = [...updates].sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
    return groupByReference(crimeReferences, sorted);
  }

  /** Every protective order for each crime, in key order; an empty list where there are none. */
  async ordersForCrimes(crimeReferences: readonly string[]): Promise<ProtectiveOrder[][]> {
    const orders = await this.batch("/orders:batch", crimeReferences, protectiveOrderSchema);
    return groupByReference(crimeReferences, orders);
  }

  /** Pages hold at most 100 crimes (PAGE_LIMIT) whatever `first` asks. */
  async search(query: CrimeSearch, page: { first: number; after?: string }): Promise<Page<PoliceCrime>> {
    const params = new URLSearchParams({ first: String(pageSize(page.first)) });
    if (query.borough) params.set("borough", query.borough);
    if (page.after) params.set("after", page.after);
    return this.http.call("GET", `/crimes?${params}`, undefined, crimePageSchema);
  }

  /** Batches hold at most 100 crimes (PAGE_LIMIT) whatever `limit` asks. */
  async changesSince(cursor: string | null, limit: number): Promise<ChangeBatch<PoliceCrime>> {
    const params = new URLSearchParams({ limit: String(pageSize(limit)) });
    if (cursor !== null) params.set("cursor", cursor);
    return this.http.call("GET", `/changes?${params}`, undefined, changeBatchSchema);
  }

  /** Never throws for an unavailable source: reports it DOWN with the reason. No retries, so it answers quickly. */
  async health(): Promise<SourceHealth> {
    const checkedAt = new Date(this.clock());
    try {
      const { status } = await this.http.call("GET", "/health", undefined, healthSchema, 0);
      return { source: this.source, status, checkedAt };
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      return { source: this.source, status: "DOWN", checkedAt, detail: `${error.reason}: ${error.message}` };
    }
  }

  private async batch<T>(path: string, references: readonly string[], item: z.ZodType<T>): Promise<T[]> {
    const pages = await Promise.all(
      inBatches(references, BATCH_LIMIT).map((batch) => this.http.call("POST", path, { references: batch }, itemsSchema(item))),
    );
    return pages.flatMap((page) => page.items);
  }
}

function pageSize(requested: number): number {
  return Math.min(Math.max(1, Math.floor(requested)), PAGE_LIMIT);
}

function groupByReference<T extends { crimeReference: string }>(references: readonly string[], rows: readonly T[]): T[][] {
  const byReference = new Map<string, T[]>();
  for (const row of rows) {
    const list = byReference.get(row.crimeReference);
    if (list) list.push(row);
    else byReference.set(row.crimeReference, [row]);
  }
  return references.map((reference) => byReference.get(reference) ?? []);
}
