import { z } from "zod";
import { BadRequest, HttpStandIn, intParam, RecordedRequest, RunningStandIn, StandInMode, StandInRequest } from "../http/stand-in-server";
import { instant } from "../partner-schemas";
import { applyReferralAction, PartnerReferral, ReferralAction, ReferralTransitionError } from "../partners";
import { PANKHURST_SEED, PankhurstSeed } from "./seed";
import { ApiError, BATCH_LIMIT, PAGE_LIMIT, PankhurstCase } from "./types";

export { PANKHURST_SEED } from "./seed";
export type { RunningStandIn, StandInMode } from "../http/stand-in-server";

/**
 * A local stand-in for Pankhurst's case-management API (openapi.yaml): a
 * real HTTP server on loopback over synthetic data, for the embedded hub and
 * for tests. Test controls: setMode() ("down", "slow", "malformed", ...),
 * requestCount() to count the HTTP calls it received, recordChange() to
 * change a case after a client has read it.
 */

/** A test credential, not a secret: the stand-in only checks that the caller sends the one it was given. */
export const PANKHURST_STAND_IN_TOKEN = "synthetic-pankhurst-stand-in-token";

const DEFAULT_PAGE = 20;
const DEFAULT_CHANGES = 50;

const batchBody = z.object({ caseIds: z.array(z.string().min(1)).max(BATCH_LIMIT) });
const receiveOrAcceptBody = z.object({ at: instant });
const declineBody = z.object({ at: instant, reason: z.string().trim().min(1) });

const ACTIONS: Readonly<Record<string, ReferralAction>> = {
  receive: ReferralAction.RECEIVE,
  accept: ReferralAction.ACCEPT,
  decline: ReferralAction.DECLINE,
};

/**
 * Case records the stand-in computes on demand instead of holding: a large
 * synthetic data set (the load benchmark's) as a pure function of the GMVS
 * case id, so it costs no memory until asked for. Held records (the seed,
 * recordChange) take precedence; paging, the change feed and referral
 * writes cover held records only.
 */
export type GeneratedPankhurstCases = (gmvsCaseId: string) => PankhurstCase | undefined;

export class PankhurstStandIn {
  private readonly http: HttpStandIn;
  private readonly cases = new Map<string, { record: PankhurstCase; changeSeq: number }>();
  private readonly generated: GeneratedPankhurstCases | undefined;
  private changeSeq = 0;

  constructor(options: { token?: string; seed?: PankhurstSeed; generated?: GeneratedPankhurstCases } = {}) {
    this.http = new HttpStandIn({ name: "Pankhurst case API", token: options.token ?? PANKHURST_STAND_IN_TOKEN, route: (request) => this.route(request) });
    for (const record of (options.seed ?? PANKHURST_SEED).cases) this.recordChange(record);
    this.generated = options.generated;
  }

  /** Every request received, oldest first. */
  get requests(): readonly RecordedRequest[] {
    return this.http.requests;
  }

  setMode(mode: StandInMode, options: { delayMs?: number } = {}): void {
    this.http.setMode(mode, options);
  }

  /** HTTP requests received, optionally only those to one path (e.g. "/cases:batch"). */
  requestCount(path?: string): number {
    return this.http.requestCount(path);
  }

  /** Adds or replaces a case and moves it to the end of the change feed. */
  recordChange(record: PankhurstCase): void {
    this.changeSeq += 1;
    this.cases.set(record.gmvsCaseId, { record: structuredClone(record), changeSeq: this.changeSeq });
  }

  /** The referral as the stand-in now holds it, for tests to check a write. */
  referral(referralId: string): PartnerReferral | undefined {
    return this.findReferral(referralId)?.referral;
  }

  start(port = 0): Promise<RunningStandIn> {
    return this.http.start(port);
  }

  private async route(req: StandInRequest): Promise<[number, unknown]> {
    const route = `${req.method} ${req.path}`;
    if (route === "GET /cases") return [200, this.page(req.query)];
    if (route === "GET /changes") return [200, this.changes(req.query)];
    if (route === "POST /cases:batch") {
      const parsed = batchBody.safeParse(await req.json());
      if (!parsed.success) throw new BadRequest(`body must be {"caseIds": [...]} with at most ${BATCH_LIMIT} ids`);
      const ids = [...new Set(parsed.data.caseIds)];
      // "any order": held records newest change first, then generated ones, so clients must not rely on it.
      const held = ids.flatMap((id) => this.cases.get(id) ?? []).sort((a, b) => b.changeSeq - a.changeSeq);
      const generated = this.generated ? ids.filter((id) => !this.cases.has(id)).flatMap((id) => this.generated?.(id) ?? []) : [];
      return [200, { items: [...held.map((entry) => entry.record), ...generated] }];
    }
    const write = /^\/referrals\/([^/:]+):(receive|accept|decline)$/.exec(req.path);
    if (req.method === "POST" && write) return this.transition(decodeURIComponent(write[1]), ACTIONS[write[2]], await req.json());
    return [404, error("NOT_FOUND", `no route ${route}`)];
  }

  private transition(referralId: string, action: ReferralAction, body: unknown): [number, unknown] {
    const found = this.findReferral(referralId);
    if (!found) return [404, error("NOT_FOUND", "no referral with that id")];
    const input = parseTransition(action, body);
    let updated: PartnerReferral;
    try {
      updated = applyReferralAction("pankhurst", found.referral, action, new Date(input.at).toISOString(), input.reason);
    } catch (err) {
      if (!(err instanceof ReferralTransitionError)) throw err;
      const refusal: ApiError = { code: "INVALID_TRANSITION", message: err.message, currentStatus: err.currentStatus };
      return [409, refusal];
    }
    if (updated !== found.referral) {
      const record = structuredClone(found.record);
      record.referrals = record.referrals.map((r) => (r.id === referralId ? updated : r));
      this.recordChange(record);
    }
    return [200, updated];
  }

  private findReferral(referralId: string): { record: PankhurstCase; referral: PartnerReferral } | undefined {
    for (const { record } of this.cases.values()) {
      const referral = record.referrals.find((r) => r.id === referralId);
      if (referral) return { record, referral };
    }
    return undefined;
  }

  /** Cases in GMVS case id order; the cursor is the last id returned. */
  private page(params: URLSearchParams) {
    const first = intParam(params, "first", DEFAULT_PAGE, PAGE_LIMIT);
    const after = params.get("after");
    const ordered = [...this.cases.values()]
      .map((entry) => entry.record)
      .filter((record) => after === null || record.gmvsCaseId > after)
      .sort((a, b) => a.gmvsCaseId.localeCompare(b.gmvsCaseId));
    const items = ordered.slice(0, first);
    const last = items[items.length - 1];
    return ordered.length > first && last ? { items, nextCursor: last.gmvsCaseId } : { items };
  }

  /** Cases changed after the cursor, oldest change first; the cursor is the change sequence number. */
  private changes(params: URLSearchParams) {
    const limit = intParam(params, "limit", DEFAULT_CHANGES, PAGE_LIMIT);
    const raw = params.get("cursor");
    if (raw !== null && !/^\d+$/.test(raw)) throw new BadRequest("cursor is not one this API issued");
    const since = raw === null ? 0 : Number(raw);
    const changed = [...this.cases.values()].filter((entry) => entry.changeSeq > since).sort((a, b) => a.changeSeq - b.changeSeq);
    const page = changed.slice(0, limit);
    const cursor = page.length > 0 ? page[page.length - 1].changeSeq : since;
    return { items: page.map((entry) => entry.record), cursor: String(cursor), hasMore: changed.length > limit };
  }
}

function parseTransition(action: ReferralAction, body: unknown): { at: string; reason?: string } {
  if (action === ReferralAction.DECLINE) {
    const parsed = declineBody.safeParse(body);
    if (!parsed.success) throw new BadRequest('body must be {"at": <date-time>, "reason": <text>}');
    return parsed.data;
  }
  const parsed = receiveOrAcceptBody.safeParse(body);
  if (!parsed.success) throw new BadRequest('body must be {"at": <date-time>}');
  return parsed.data;
}

function error(code: ApiError["code"], message: string): ApiError {
  return { code, message };
}

/** `node -r ts-node/register/transpile-only connectors/pankhurst/stand-in.ts [port]` serves the seed until stopped. */
if (require.main === module) {
  const port = Number(process.argv[2] ?? 4020);
  new PankhurstStandIn().start(port).then(({ url }) => {
    process.stdout.write(`Pankhurst case API stand-in at ${url} (bearer token: ${PANKHURST_STAND_IN_TOKEN})\n`);
  });
}
