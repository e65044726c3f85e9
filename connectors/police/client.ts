import type { z } from "zod";
import { ChangeBatch, Connector, Page, SourceHealth, SourceUnavailableError, UnavailableReason } from "../contract";
import { BreakerOptions, CircuitBreaker, CircuitState } from "./breaker";
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

export interface BackoffOptions {
  /** Ceiling of the first retry's delay; each further retry doubles it. */
  baseMs: number;
  maxMs: number;
}

export interface PoliceApiClientOptions {
  baseUrl: string;
  /** Bearer token for the police records API. */
  token: string;
  /** Per HTTP request, body included. */
  timeoutMs?: number;
  /** Further attempts after the first, for network errors, 5xx and 429 only. */
  retries?: number;
  backoff?: BackoffOptions;
  breaker?: BreakerOptions;
  /** Injected by tests; default Date.now. */
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); default Math.random. */
  random?: () => number;
}

const DEFAULTS = {
  timeoutMs: 2_000,
  retries: 2,
  backoff: { baseMs: 100, maxMs: 1_000 },
  breaker: { failureThreshold: 5, coolDownMs: 30_000 },
};

/** An answer with a non-2xx status; `status` decides whether to retry and whether the source is at fault. */
export class PoliceHttpError extends SourceUnavailableError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(POLICE_SOURCE, "HTTP_ERROR", message);
  }
}

/**
 * "Full jitter" exponential backoff: a uniform delay below
 * min(maxMs, baseMs * 2^retry), so clients that failed together do not
 * retry together (AWS Architecture Blog, "Exponential Backoff And Jitter").
 */
export function backoffDelay(retry: number, backoff: BackoffOptions, random: () => number): number {
  return Math.floor(random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** retry));
}

/**
 * The police records API (openapi.yaml). Every failure surfaces as a
 * SourceUnavailableError with source "police". Every call this client makes
 * is a read (the batch endpoints use POST only to carry up to 100 references
 * in a body), so each is safe to retry; a timeout is not retried, because a
 * source too slow to answer is only made slower by asking again.
 */
export class PoliceApiClient implements Connector<string, PoliceCrime, CrimeSearch> {
  readonly source = POLICE_SOURCE;
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoff: BackoffOptions;
  private readonly breaker: CircuitBreaker;
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(options: PoliceApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.retries = options.retries ?? DEFAULTS.retries;
    this.backoff = options.backoff ?? DEFAULTS.backoff;
    this.clock = options.clock ?? Date.now;
    this.breaker = new CircuitBreaker(options.breaker ?? DEFAULTS.breaker, this.clock);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  get circuitState(): CircuitState {
    return this.breaker.currentState;
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
    return this.call("GET", `/crimes?${params}`, undefined, crimePageSchema, this.retries);
  }

  /** Batches hold at most 100 crimes (PAGE_LIMIT) whatever `limit` asks. */
  async changesSince(cursor: string | null, limit: number): Promise<ChangeBatch<PoliceCrime>> {
    const params = new URLSearchParams({ limit: String(pageSize(limit)) });
    if (cursor !== null) params.set("cursor", cursor);
    return this.call("GET", `/changes?${params}`, undefined, changeBatchSchema, this.retries);
  }

  /** Never throws for an unavailable source: reports it DOWN with the reason. No retries, so it answers quickly. */
  async health(): Promise<SourceHealth> {
    const checkedAt = new Date(this.clock());
    try {
      const { status } = await this.call("GET", "/health", undefined, healthSchema, 0);
      return { source: this.source, status, checkedAt };
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      return { source: this.source, status: "DOWN", checkedAt, detail: `${error.reason}: ${error.message}` };
    }
  }

  private async batch<T>(path: string, references: readonly string[], item: z.ZodType<T>): Promise<T[]> {
    const unique = [...new Set(references)];
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += BATCH_LIMIT) chunks.push(unique.slice(i, i + BATCH_LIMIT));
    const pages = await Promise.all(
      chunks.map((chunk) => this.call("POST", path, { references: chunk }, itemsSchema(item), this.retries)),
    );
    return pages.flatMap((page) => page.items);
  }

  /** One logical call: the breaker's permission, then up to 1 + retries HTTP attempts. */
  private async call<T>(method: "GET" | "POST", path: string, body: unknown, schema: z.ZodType<T>, retries: number): Promise<T> {
    if (!this.breaker.tryAcquire()) {
      throw unavailable("CIRCUIT_OPEN", `police records API circuit is open after repeated failures; next trial in ${this.breaker.retryAfterMs} ms`);
    }
    try {
      const result = await this.withRetries(() => this.attempt(method, path, body, schema), retries);
      this.breaker.recordSuccess();
      return result;
    } catch (error) {
      // A 4xx is an answer: the source is up, the request was wrong.
      if (isSourceFault(error)) this.breaker.recordFailure();
      else this.breaker.recordSuccess();
      throw error;
    }
  }

  private async withRetries<T>(attempt: () => Promise<T>, retries: number): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        return await attempt();
      } catch (error) {
        if (retry >= retries || !isRetryable(error)) throw error;
        await this.sleep(backoffDelay(retry, this.backoff, this.random));
      }
    }
  }

  private async attempt<T>(method: "GET" | "POST", path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      if (isTimeout(error)) {
        throw unavailable("TIMEOUT", `${method} ${pathOnly(path)} got no answer within ${this.timeoutMs} ms`);
      }
      throw unavailable("NETWORK", `${method} ${pathOnly(path)} failed: ${networkCause(error)}`);
    }
    if (!response.ok) {
      throw new PoliceHttpError(response.status, `${method} ${pathOnly(path)} answered HTTP ${response.status}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw unavailable("INVALID_RESPONSE", `${method} ${pathOnly(path)} answered with a body that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      // Issue paths and messages only: never echo the body, which may hold personal data.
      const issue = parsed.error.issues[0];
      throw unavailable(
        "INVALID_RESPONSE",
        `${method} ${pathOnly(path)} answered an unexpected shape at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
      );
    }
    return parsed.data;
  }
}

function unavailable(reason: Exclude<UnavailableReason, "HTTP_ERROR">, message: string): SourceUnavailableError {
  return new SourceUnavailableError(POLICE_SOURCE, reason, message);
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

function isRetryable(error: unknown): boolean {
  if (error instanceof PoliceHttpError) return error.status >= 500 || error.status === 429;
  return error instanceof SourceUnavailableError && error.reason === "NETWORK";
}

function isSourceFault(error: unknown): boolean {
  return !(error instanceof PoliceHttpError) || error.status >= 500 || error.status === 429;
}

/** AbortSignal.timeout rejects with a DOMException named TimeoutError; compared by name, since it may come from another realm. */
function isTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && "name" in error && error.name === "TimeoutError";
}

/** undici reports "fetch failed" and puts the useful part (ECONNREFUSED, socket closed) in `cause`. */
function networkCause(error: unknown): string {
  const cause = typeof error === "object" && error !== null && "cause" in error ? error.cause : error;
  if (typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string") return cause.code;
  return cause instanceof Error ? cause.message : "network error";
}

/** Query strings may carry a cursor or a borough; messages name only the path. */
function pathOnly(path: string): string {
  return path.split("?")[0];
}
