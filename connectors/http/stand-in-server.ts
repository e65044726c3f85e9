import { createServer, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The HTTP half of a REST source's local stand-in: a real server on
 * loopback that checks the bearer token, counts requests, and can be told
 * to fail the ways a real source fails. Each stand-in supplies its routes
 * over its own synthetic data.
 */

export type StandInMode =
  /** Answers normally. */
  | "up"
  /** Drops every connection without an answer: the client sees a network error. */
  | "down"
  /** Answers 503. */
  | "failing"
  /** Waits `delayMs` before answering normally. */
  | "slow"
  /** Answers 200 with a body that is not JSON. */
  | "malformed"
  /** Answers 200 with JSON of the wrong shape. */
  | "wrong-shape";

export interface RecordedRequest {
  method: string;
  path: string;
}

export interface RunningStandIn {
  url: string;
  close(): Promise<void>;
}

export interface StandInRequest {
  method: string;
  /** The path, percent-encoding kept, without the query string. */
  path: string;
  query: URLSearchParams;
  /** The body parsed as JSON; undefined when it is not JSON. Throws BadRequest when too large. */
  json(): Promise<unknown>;
}

/** A route's answer: status and JSON body. */
export type StandInAnswer = [number, unknown];

/** Thrown by a route for a request it refuses: answered 400 with the message. */
export class BadRequest extends Error {}

export interface HttpStandInOptions {
  /** How the 503 names the source, e.g. "police records API". */
  name: string;
  token: string;
  route(request: StandInRequest): Promise<StandInAnswer>;
}

const MAX_BODY_BYTES = 64 * 1024;

export class HttpStandIn {
  readonly requests: RecordedRequest[] = [];
  private mode: StandInMode = "up";
  private delayMs = 0;
  /** Requests still answered "up" before `mode` applies (setMode's `afterRequests`). */
  private upFor = 0;
  private readonly delays = new Set<NodeJS.Timeout>();

  constructor(private readonly options: HttpStandInOptions) {}

  /** `afterRequests`: answer that many more requests normally first, then fail (a source that goes down part-way through a caller's work). */
  setMode(mode: StandInMode, options: { delayMs?: number; afterRequests?: number } = {}): void {
    this.mode = mode;
    this.delayMs = options.delayMs ?? 0;
    this.upFor = options.afterRequests ?? 0;
  }

  /** HTTP requests received, optionally only those to one path (e.g. "/cases:batch"). */
  requestCount(path?: string): number {
    return path === undefined ? this.requests.length : this.requests.filter((r) => r.path === path).length;
  }

  async start(port = 0): Promise<RunningStandIn> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch(() => send(res, 500, { code: "UNAVAILABLE", message: "stand-in failure" }));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", resolve);
    });
    const { port: bound } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${bound}`,
      close: () =>
        new Promise<void>((resolve, reject) => {
          for (const timer of this.delays) clearTimeout(timer);
          this.delays.clear();
          server.close((err) => (err ? reject(err) : resolve()));
          server.closeAllConnections();
        }),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    this.requests.push({ method, path: url.pathname });

    const mode = this.upFor > 0 ? "up" : this.mode;
    if (this.upFor > 0) this.upFor -= 1;
    switch (mode) {
      case "down":
        req.socket.destroy();
        return;
      case "failing":
        return send(res, 503, { code: "UNAVAILABLE", message: `${this.options.name} is unavailable` });
      case "malformed":
        res.writeHead(200, { "content-type": "application/json" }).end('{"items": [{"id": ');
        return;
      case "wrong-shape":
        return send(res, 200, { unexpected: true });
      case "slow":
        if (!(await this.delay(res))) return;
        break;
      case "up":
        break;
    }

    if (method === "GET" && url.pathname === "/health") return send(res, 200, { status: "UP" });
    if (req.headers.authorization !== `Bearer ${this.options.token}`) {
      return send(res, 401, { code: "UNAUTHORIZED", message: "a valid bearer token is required" });
    }
    try {
      const [status, body] = await this.options.route({ method, path: url.pathname, query: url.searchParams, json: () => readJson(req) });
      send(res, status, body);
    } catch (err) {
      if (err instanceof BadRequest) return send(res, 400, { code: "INVALID_REQUEST", message: err.message });
      throw err;
    }
  }

  /** Resolves true once the delay has passed, false if the client went away first. */
  private delay(res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.delays.delete(timer);
        resolve(!res.destroyed);
      }, this.delayMs);
      this.delays.add(timer);
      res.once("close", () => {
        clearTimeout(timer);
        this.delays.delete(timer);
        resolve(false);
      });
    });
  }
}

/** A positive integer query parameter no larger than `max`, or `fallback` when absent. */
export function intParam(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new BadRequest(`${name} must be an integer from 1 to ${max}`);
  return value;
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest("body too large");
    chunks.push(chunk as Buffer);
  }
  return safeJson(Buffer.concat(chunks).toString("utf8"));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
