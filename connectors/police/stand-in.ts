import { createServer, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { POLICE_SEED, PoliceSeed } from "./seed";
import { ApiError, BATCH_LIMIT, Borough, PAGE_LIMIT, InvestigationUpdate, PoliceCrime, ProtectiveOrder } from "./types";

export { POLICE_SEED } from "./seed";
export type { PoliceSeed } from "./seed";

/**
 * A local stand-in for the police records API (openapi.yaml): a real HTTP
 * server on loopback over synthetic data, for the embedded hub and for
 * tests. Test controls: setMode() to make it fail in the ways a real source
 * fails, `requests` to count the HTTP calls it received, recordChange() to
 * change a crime after a client has read it.
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

/** A test credential, not a secret: the stand-in only checks that the caller sends the one it was given. */
export const STAND_IN_TOKEN = "synthetic-police-stand-in-token";

const DEFAULT_PAGE = 20;
const DEFAULT_CHANGES = 50;
const MAX_BODY_BYTES = 64 * 1024;

const batchBody = z.object({ references: z.array(z.string().min(1)).max(BATCH_LIMIT) });

class BadRequest extends Error {}

export class PoliceStandIn {
  readonly requests: RecordedRequest[] = [];
  private readonly token: string;
  private readonly crimes = new Map<string, { crime: PoliceCrime; changeSeq: number }>();
  private readonly updates: InvestigationUpdate[];
  private readonly orders: ProtectiveOrder[];
  private changeSeq = 0;
  private mode: StandInMode = "up";
  private delayMs = 0;
  private readonly delays = new Set<NodeJS.Timeout>();

  constructor(options: { token?: string; seed?: PoliceSeed } = {}) {
    this.token = options.token ?? STAND_IN_TOKEN;
    const seed = structuredClone(options.seed ?? POLICE_SEED);
    for (const crime of seed.crimes) this.recordChange(crime);
    this.updates = seed.updates;
    this.orders = seed.orders;
  }

  setMode(mode: StandInMode, options: { delayMs?: number } = {}): void {
    this.mode = mode;
    this.delayMs = options.delayMs ?? 0;
  }

  /** HTTP requests received, optionally only those to one path (e.g. "/crimes:batch"). */
  requestCount(path?: string): number {
    return path === undefined ? this.requests.length : this.requests.filter((r) => r.path === path).length;
  }

  /** Adds or replaces a crime and moves it to the end of the change feed. */
  recordChange(crime: PoliceCrime): void {
    this.changeSeq += 1;
    this.crimes.set(crime.crimeReference, { crime: structuredClone(crime), changeSeq: this.changeSeq });
  }

  async start(port = 0): Promise<RunningStandIn> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch(() => send(res, 500, error("UNAVAILABLE", "stand-in failure")));
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
    this.requests.push({ method: req.method ?? "GET", path: url.pathname });

    switch (this.mode) {
      case "down":
        req.socket.destroy();
        return;
      case "failing":
        return send(res, 503, error("UNAVAILABLE", "police records API is unavailable"));
      case "malformed":
        res.writeHead(200, { "content-type": "application/json" }).end('{"items": [{"crimeReference": ');
        return;
      case "wrong-shape":
        return send(res, 200, { unexpected: true });
      case "slow":
        if (!(await this.delay(res))) return;
        break;
      case "up":
        break;
    }

    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { status: "UP" });
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return send(res, 401, error("UNAUTHORIZED", "a valid bearer token is required"));
    }
    try {
      const [status, body] = await this.route(req, url);
      send(res, status, body);
    } catch (err) {
      if (err instanceof BadRequest) return send(res, 400, error("INVALID_REQUEST", err.message));
      throw err;
    }
  }

  private async route(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
    const { pathname, searchParams } = url;
    const route = `${req.method} ${pathname}`;
    if (route === "GET /crimes") return [200, this.search(searchParams)];
    if (route === "GET /changes") return [200, this.changes(searchParams)];
    if (route === "POST /crimes:batch") {
      const references = new Set((await readBatch(req)).references);
      return [200, { items: this.crimesFor(references).reverse() }]; // "any order": reversed, so clients must not rely on it
    }
    if (route === "POST /updates:batch") {
      const references = new Set((await readBatch(req)).references);
      return [200, { items: this.updates.filter((u) => references.has(u.crimeReference)) }];
    }
    if (route === "POST /orders:batch") {
      const references = new Set((await readBatch(req)).references);
      return [200, { items: this.orders.filter((o) => references.has(o.crimeReference)) }];
    }
    // Crime references contain "/", so they arrive percent-encoded as one path segment.
    const single = /^\/crimes\/([^/]+)(\/updates)?$/.exec(pathname);
    if (req.method === "GET" && single) {
      const reference = decodeURIComponent(single[1]);
      const entry = this.crimes.get(reference);
      if (!entry) return [404, error("NOT_FOUND", "no crime with that reference")];
      return single[2] ? [200, { items: this.updates.filter((u) => u.crimeReference === reference) }] : [200, entry.crime];
    }
    return [404, error("NOT_FOUND", `no route ${route}`)];
  }

  private crimesFor(references: Set<string>): PoliceCrime[] {
    return [...references].flatMap((reference) => this.crimes.get(reference)?.crime ?? []);
  }

  /** Most recently recorded first; the cursor is the sort key of the last crime returned. */
  private search(params: URLSearchParams) {
    const first = intParam(params, "first", DEFAULT_PAGE, PAGE_LIMIT);
    const borough = params.get("borough");
    if (borough !== null && !(Object.values(Borough) as string[]).includes(borough)) throw new BadRequest("unknown borough");
    const after = params.get("after");
    const afterKey = after === null ? null : decodeSearchCursor(after);

    const ordered = [...this.crimes.values()]
      .map((entry) => entry.crime)
      .filter((crime) => borough === null || crime.borough === borough)
      .sort(compareRecent);
    const start = afterKey === null ? 0 : ordered.findIndex((crime) => compareRecent(crime, afterKey) > 0);
    const rest = start < 0 ? [] : ordered.slice(start);
    const items = rest.slice(0, first);
    const last = items[items.length - 1];
    return rest.length > first && last ? { items, nextCursor: encodeSearchCursor(last) } : { items };
  }

  /** Crimes changed after the cursor, oldest change first; the cursor is the change sequence number. */
  private changes(params: URLSearchParams) {
    const limit = intParam(params, "limit", DEFAULT_CHANGES, PAGE_LIMIT);
    const raw = params.get("cursor");
    if (raw !== null && !/^\d+$/.test(raw)) throw new BadRequest("cursor is not one this API issued");
    const since = raw === null ? 0 : Number(raw);
    const changed = [...this.crimes.values()].filter((entry) => entry.changeSeq > since).sort((a, b) => a.changeSeq - b.changeSeq);
    const page = changed.slice(0, limit);
    const cursor = page.length > 0 ? page[page.length - 1].changeSeq : since;
    return { items: page.map((entry) => entry.crime), cursor: String(cursor), hasMore: changed.length > limit };
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

type SearchKey = Pick<PoliceCrime, "recordedAt" | "crimeReference">;

function compareRecent(a: SearchKey, b: SearchKey): number {
  return Date.parse(b.recordedAt) - Date.parse(a.recordedAt) || a.crimeReference.localeCompare(b.crimeReference);
}

function encodeSearchCursor(crime: SearchKey): string {
  return Buffer.from(JSON.stringify([crime.recordedAt, crime.crimeReference])).toString("base64url");
}

function decodeSearchCursor(cursor: string): SearchKey {
  const parsed = z
    .tuple([z.iso.datetime({ offset: true }), z.string()])
    .safeParse(safeJson(Buffer.from(cursor, "base64url").toString("utf8")));
  if (!parsed.success) throw new BadRequest("cursor is not one this API issued");
  return { recordedAt: parsed.data[0], crimeReference: parsed.data[1] };
}

function intParam(params: URLSearchParams, name: string, fallback: number, max: number): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new BadRequest(`${name} must be an integer from 1 to ${max}`);
  return value;
}

async function readBatch(req: IncomingMessage): Promise<z.infer<typeof batchBody>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BadRequest("body too large");
    chunks.push(chunk as Buffer);
  }
  const parsed = batchBody.safeParse(safeJson(Buffer.concat(chunks).toString("utf8")));
  if (!parsed.success) throw new BadRequest(`body must be {"references": [...]} with at most ${BATCH_LIMIT} references`);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function error(code: ApiError["code"], message: string): ApiError {
  return { code, message };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** `node -r ts-node/register/transpile-only connectors/police/stand-in.ts [port]` serves the seed until stopped. */
if (require.main === module) {
  const port = Number(process.argv[2] ?? 4010);
  new PoliceStandIn().start(port).then(({ url }) => {
    process.stdout.write(`police records API stand-in at ${url} (bearer token: ${STAND_IN_TOKEN})\n`);
  });
}
