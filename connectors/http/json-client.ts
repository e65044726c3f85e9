import { request } from "undici";
import type { z } from "zod";
import { SourceUnavailableError, UnavailableReason } from "../contract";
import { BreakerOptions, CircuitBreaker, CircuitState } from "./breaker";

/**
 * The HTTP half shared by every REST connector: bearer token, a timeout per
 * request, bounded retries with jittered backoff, a circuit breaker, and
 * zod validation of every answer. Each failure surfaces as a
 * SourceUnavailableError naming the connector's source; messages name the
 * method and path only, never a query string or a body, which may hold
 * personal data.
 */

export type HttpMethod = "GET" | "POST";

export interface BackoffOptions {
  /** Ceiling of the first retry's delay; each further retry doubles it. */
  baseMs: number;
  maxMs: number;
}

export interface JsonHttpClientOptions {
  baseUrl: string;
  /** Bearer token for the source's API. */
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

export interface SourceIdentity {
  /** The `source` of every error raised, e.g. "police". */
  source: string;
  /** How messages name the API, e.g. "police records API". */
  name: string;
}

const DEFAULTS = {
  timeoutMs: 2_000,
  retries: 2,
  backoff: { baseMs: 100, maxMs: 1_000 },
  breaker: { failureThreshold: 5, coolDownMs: 30_000 },
};

/** An answer with a non-2xx status; `status` decides whether to retry and whether the source is at fault. */
export class HttpStatusError extends SourceUnavailableError {
  constructor(
    source: string,
    readonly status: number,
    message: string,
    /**
     * The answer's body parsed as JSON (undefined when it was not JSON), for
     * a caller that acts on an answered 4xx, such as a 409's current state.
     * Never copied into a message.
     */
    readonly body: unknown,
  ) {
    super(source, "HTTP_ERROR", message);
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

/** The distinct keys, in batches of at most `size`: one request each. */
export function inBatches(keys: readonly string[], size: number): string[][] {
  const unique = [...new Set(keys)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size));
  return batches;
}

/**
 * Only calls that are safe to repeat may go through here: reads, and writes
 * the source applies idempotently. A timeout is never retried, because a
 * source too slow to answer is only made slower by asking again.
 */
export class JsonHttpClient {
  readonly retries: number;
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly backoff: BackoffOptions;
  private readonly breaker: CircuitBreaker;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly identity: SourceIdentity,
    options: JsonHttpClientOptions,
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
    this.retries = options.retries ?? DEFAULTS.retries;
    this.backoff = options.backoff ?? DEFAULTS.backoff;
    this.breaker = new CircuitBreaker(options.breaker ?? DEFAULTS.breaker, options.clock ?? Date.now);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  get circuitState(): CircuitState {
    return this.breaker.currentState;
  }

  /** One logical call: the breaker's permission, then up to 1 + retries HTTP attempts. */
  async call<T>(method: HttpMethod, path: string, body: unknown, schema: z.ZodType<T>, retries = this.retries): Promise<T> {
    if (!this.breaker.tryAcquire()) {
      throw this.unavailable(
        "CIRCUIT_OPEN",
        `${this.identity.name} circuit is open after repeated failures; next trial in ${this.breaker.retryAfterMs} ms`,
      );
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

  private async attempt<T>(method: HttpMethod, path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    const where = `${method} ${pathOnly(path)}`;
    let status: number;
    let text: string;
    try {
      // undici's own request rather than fetch: the same HTTP/1.1 client without the WHATWG
      // Request/Response objects and streams, about a quarter of fetch's CPU per call measured
      // on this machine, and every request of the hub makes several source calls.
      const response = await request(this.baseUrl + path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      if (isTimeout(error)) throw this.unavailable("TIMEOUT", `${where} got no answer within ${this.timeoutMs} ms`);
      throw this.unavailable("NETWORK", `${where} failed: ${networkCause(error)}`);
    }
    const json = parseJson(text);
    if (status < 200 || status > 299) {
      throw new HttpStatusError(this.identity.source, status, `${where} answered HTTP ${status}`, json.ok ? json.value : undefined);
    }
    if (!json.ok) throw this.unavailable("INVALID_RESPONSE", `${where} answered with a body that is not JSON`);
    const parsed = schema.safeParse(json.value);
    if (!parsed.success) {
      // Issue paths and messages only: never echo the body, which may hold personal data.
      const issue = parsed.error.issues[0];
      throw this.unavailable("INVALID_RESPONSE", `${where} answered an unexpected shape at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`);
    }
    return parsed.data;
  }

  private unavailable(reason: Exclude<UnavailableReason, "HTTP_ERROR">, message: string): SourceUnavailableError {
    return new SourceUnavailableError(this.identity.source, reason, message);
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof HttpStatusError) return error.status >= 500 || error.status === 429;
  return error instanceof SourceUnavailableError && error.reason === "NETWORK";
}

function isSourceFault(error: unknown): boolean {
  return !(error instanceof HttpStatusError) || error.status >= 500 || error.status === 429;
}

/** AbortSignal.timeout rejects with a DOMException named TimeoutError; compared by name, since it may come from another realm. */
function isTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && "name" in error && error.name === "TimeoutError";
}

/** The useful part of a network failure: undici's request puts the code (ECONNREFUSED, UND_ERR_SOCKET) on the error; fetch wraps it in `cause`. */
function networkCause(error: unknown): string {
  const cause = typeof error === "object" && error !== null && "cause" in error ? error.cause : error;
  if (typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string") return cause.code;
  return cause instanceof Error ? cause.message : "network error";
}

/** Query strings may carry a cursor or a filter; messages name only the path. */
function pathOnly(path: string): string {
  return path.split("?")[0];
}
