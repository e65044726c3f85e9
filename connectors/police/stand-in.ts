import { z } from "zod";
import {
  BadRequest,
  HttpStandIn,
  intParam,
  RecordedRequest,
  RunningStandIn,
  safeJson,
  StandInMode,
  StandInRequest,
} from "../http/stand-in-server";
import { POLICE_SEED, PoliceSeed } from "./seed";
import {
  ApiError,
  BATCH_LIMIT,
  Borough,
  Classification,
  CrimeFlags,
  InvestigationUpdate,
  PAGE_LIMIT,
  PoliceCrime,
  ProtectiveOrder,
} from "./types";

export { POLICE_SEED } from "./seed";
export type { PoliceSeed } from "./seed";

/**
 * A local stand-in for the police records API (openapi.yaml): a real HTTP
 * server on loopback over synthetic data, for the embedded hub and for
 * tests. Test controls: setMode() to make it fail in the ways a real source
 * fails, `requests` to count the HTTP calls it received, recordChange() to
 * add or change a crime after a client has read it, reclassify() to
 * reclassify one as police do, recordUpdate() and recordOrder() to add an
 * investigation update or a protective order.
 */

export type { RecordedRequest, RunningStandIn, StandInMode } from "../http/stand-in-server";

/** A test credential, not a secret: the stand-in only checks that the caller sends the one it was given. */
export const STAND_IN_TOKEN = "synthetic-police-stand-in-token";

const DEFAULT_PAGE = 20;
const DEFAULT_CHANGES = 50;

const batchBody = z.object({ references: z.array(z.string().min(1)).max(BATCH_LIMIT) });

/**
 * Records the stand-in computes on demand instead of holding: a large
 * synthetic data set (the load benchmark's hundreds of thousands of crimes)
 * as a pure function of the crime reference, so it costs no memory until
 * asked for. Held records (the seed, recordChange) take precedence; the
 * search and change feed cover held records only.
 */
export interface GeneratedPoliceRecords {
  crime(crimeReference: string): PoliceCrime | undefined;
  updates(crimeReference: string): InvestigationUpdate[];
  orders(crimeReference: string): ProtectiveOrder[];
}

export class PoliceStandIn {
  private readonly http: HttpStandIn;
  private readonly crimes = new Map<string, { crime: PoliceCrime; changeSeq: number }>();
  /** By crime reference, each list in the order recorded. */
  private readonly updates = new Map<string, InvestigationUpdate[]>();
  private readonly orders = new Map<string, ProtectiveOrder[]>();
  private readonly generated: GeneratedPoliceRecords | undefined;
  private changeSeq = 0;
  private running: RunningStandIn | undefined;

  constructor(options: { token?: string; seed?: PoliceSeed; generated?: GeneratedPoliceRecords } = {}) {
    this.http = new HttpStandIn({ name: "police records API", token: options.token ?? STAND_IN_TOKEN, route: (request) => this.route(request) });
    const seed = structuredClone(options.seed ?? POLICE_SEED);
    for (const crime of seed.crimes) this.recordChange(crime);
    for (const update of seed.updates) append(this.updates, update);
    for (const order of seed.orders) append(this.orders, order);
    this.generated = options.generated;
  }

  /** Every request received, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.http.requests;
  }

  setMode(mode: StandInMode, options: { delayMs?: number; afterRequests?: number } = {}): void {
    this.http.setMode(mode, options);
  }

  /** HTTP requests received, optionally only those to one path (e.g. "/crimes:batch"). */
  requestCount(path?: string): number {
    return this.http.requestCount(path);
  }

  /** Adds or replaces a crime and moves it to the end of the change feed. */
  recordChange(crime: PoliceCrime): void {
    this.changeSeq += 1;
    this.crimes.set(crime.crimeReference, { crime: structuredClone(crime), changeSeq: this.changeSeq });
  }

  /** A copy of the crime as held, or undefined where there is none. */
  crime(crimeReference: string): PoliceCrime | undefined {
    const crime = this.heldOrGenerated(crimeReference);
    return crime ? structuredClone(crime) : undefined;
  }

  /**
   * Reclassifies a crime as the police system does: the new classification
   * is appended to the history (the earlier ones are kept, oldest first) and
   * becomes the current offence; `flags` given are changed; the crime moves
   * to the end of the change feed.
   */
  reclassify(crimeReference: string, classification: Classification, flags: Partial<CrimeFlags> = {}): PoliceCrime {
    const crime = this.crime(crimeReference);
    if (!crime) throw new Error(`no crime ${crimeReference} to reclassify`);
    const last = crime.classificationHistory[crime.classificationHistory.length - 1];
    if (last && Date.parse(classification.at) < Date.parse(last.at)) throw new Error("a reclassification cannot predate the current classification");
    crime.classificationHistory.push({ ...classification });
    crime.offence = { homeOfficeCode: classification.homeOfficeCode, description: classification.description };
    crime.flags = { ...crime.flags, ...flags };
    this.recordChange(crime);
    return crime;
  }

  /** Adds an investigation update to its crime. */
  recordUpdate(update: InvestigationUpdate): void {
    append(this.updates, structuredClone(update));
  }

  /** Adds a protective order to its crime. */
  recordOrder(order: ProtectiveOrder): void {
    append(this.orders, structuredClone(order));
  }

  async start(port = 0): Promise<RunningStandIn> {
    this.running = await this.http.start(port);
    return this.running;
  }

  /** Where it listens once started. */
  get url(): string | undefined {
    return this.running?.url;
  }

  private async route(req: StandInRequest): Promise<[number, unknown]> {
    const { path: pathname, query: searchParams } = req;
    const route = `${req.method} ${pathname}`;
    if (route === "GET /crimes") return [200, this.search(searchParams)];
    if (route === "GET /changes") return [200, this.changes(searchParams)];
    if (route === "POST /crimes:batch") {
      const references = new Set((await readBatch(req)).references);
      return [200, { items: this.crimesFor(references).reverse() }]; // "any order": reversed, so clients must not rely on it
    }
    if (route === "POST /updates:batch") {
      const references = new Set((await readBatch(req)).references);
      return [200, { items: [...references].flatMap((reference) => this.updatesFor(reference)) }];
    }
    if (route === "POST /orders:batch") {
      const references = new Set((await readBatch(req)).references);
      return [200, { items: [...references].flatMap((reference) => this.ordersFor(reference)) }];
    }
    // Crime references contain "/", so they arrive percent-encoded as one path segment.
    const single = /^\/crimes\/([^/]+)(\/updates)?$/.exec(pathname);
    if (req.method === "GET" && single) {
      const reference = decodeURIComponent(single[1]);
      const crime = this.heldOrGenerated(reference);
      if (!crime) return [404, error("NOT_FOUND", "no crime with that reference")];
      return single[2] ? [200, { items: this.updatesFor(reference) }] : [200, crime];
    }
    return [404, error("NOT_FOUND", `no route ${route}`)];
  }

  private heldOrGenerated(reference: string): PoliceCrime | undefined {
    return this.crimes.get(reference)?.crime ?? this.generated?.crime(reference);
  }

  private crimesFor(references: Set<string>): PoliceCrime[] {
    return [...references].flatMap((reference) => this.heldOrGenerated(reference) ?? []);
  }

  private updatesFor(reference: string): InvestigationUpdate[] {
    return [...(this.generated?.updates(reference) ?? []), ...(this.updates.get(reference) ?? [])];
  }

  private ordersFor(reference: string): ProtectiveOrder[] {
    return [...(this.generated?.orders(reference) ?? []), ...(this.orders.get(reference) ?? [])];
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

function append<T extends { crimeReference: string }>(index: Map<string, T[]>, item: T): void {
  const list = index.get(item.crimeReference);
  if (list) list.push(item);
  else index.set(item.crimeReference, [item]);
}

async function readBatch(req: StandInRequest): Promise<z.infer<typeof batchBody>> {
  const parsed = batchBody.safeParse(await req.json());
  if (!parsed.success) throw new BadRequest(`body must be {"references": [...]} with at most ${BATCH_LIMIT} references`);
  return parsed.data;
}

function error(code: ApiError["code"], message: string): ApiError {
  return { code, message };
}

/** `node -r ts-node/register/transpile-only connectors/police/stand-in.ts [port]` serves the seed until stopped. */
if (require.main === module) {
  const port = Number(process.argv[2] ?? 4010);
  new PoliceStandIn().start(port).then(({ url }) => {
    process.stdout.write(`police records API stand-in at ${url} (bearer token: ${STAND_IN_TOKEN})\n`);
  });
}
