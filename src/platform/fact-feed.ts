import express, { type Express, type Request, type Response } from "express";
import { z } from "zod";
import type { Logger } from "./logger";
import { requireServiceToken, signServiceToken } from "./service-token";

/**
 * The internal routes through which the subgraphs that own case and referral
 * records give the insights subgraph their pseudonymised facts, so insights
 * never reads their tables and each can keep its own store. A feed is read in
 * pages from a watermark (none: from the beginning, which is how insights
 * rebuilds), and only by insights, with a service token.
 */
export const FACT_FEED_PATHS = {
  /** victims: the facts of the cases changed since `after`. */
  cases: "/internal/facts/cases",
  /** victims: the facts of given cases (a partner referral's context). */
  caseLookup: "/internal/facts/cases/lookup",
  /** partners: the facts of the referrals changed since `after`. */
  referrals: "/internal/facts/referrals",
  /** partners: the facts of the risk assessments recorded since `after`. */
  riskAssessments: "/internal/facts/risk-assessments",
  /** partners: the facts of the MARAC referrals raised since `after`. */
  maracReferrals: "/internal/facts/marac-referrals",
  /** partners: the cope-and-recover outcomes of the partner case records changed since `after` (each partner's cursor). */
  outcomes: "/internal/facts/outcomes",
  /** partners: Challenger's NRM referrals and Duty to Notify returns on the case records changed since `after` (its cursor). */
  nrmSubmissions: "/internal/facts/nrm-submissions",
  /** partners: Challenger's place-of-safety stays on the case records changed since `after` (its cursor). */
  placeOfSafetyStays: "/internal/facts/place-of-safety-stays",
} as const;

/** The only piece that reads the fact feeds. */
export const FACT_FEED_READER = "insights";
/** As large as the refresh's largest batch (INSIGHTS_REFRESH_BATCH). */
export const FACT_FEED_MAX_PAGE = 100_000;
/** A lookup is one page of referrals' cases at most. */
const lookupBody = z.object({ caseIds: z.array(z.string().uuid()).max(FACT_FEED_MAX_PAGE) }).strict();

const pageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(FACT_FEED_MAX_PAGE),
    /** The last page's watermark as JSON; absent from the beginning. */
    after: z.string().max(1_000).optional(),
  })
  .strict();

/** The fields of the feeds' facts and watermarks that are times: JSON carries them as ISO text. */
const TIME_FIELDS = new Set(["referredAt", "firstContactAt", "updatedAt", "sentAt", "receivedAt", "acceptedAt", "declinedAt", "withdrawnAt", "closedAt", "assessedAt", "raisedAt", "measuredAt", "submittedAt", "startedAt", "endedAt"]);

/** A feed's JSON read back with its times as Dates, as the owning service returned them. */
export function parseFeed<T>(text: string): T {
  return JSON.parse(text, (key, value: unknown) => (TIME_FIELDS.has(key) && typeof value === "string" ? new Date(value) : value)) as T;
}

/**
 * Serves a paged feed: `page(after, limit)` with `after` the watermark the
 * reader passed back, parsed by `watermark` (a malformed one is the reader's
 * fault, 400, never a read from the beginning).
 */
export function serveFeedPage<W>(
  app: Express,
  path: string,
  guard: express.RequestHandler,
  watermark: z.ZodType<W>,
  page: (after: W | null, limit: number) => Promise<unknown>,
): void {
  app.get(path, guard, (req: Request, res: Response, next) => {
    const query = pageQuery.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: `limit (1 to ${FACT_FEED_MAX_PAGE}) and an optional after are the only parameters` });
    let after: W | null = null;
    if (query.data.after !== undefined) {
      const parsed = watermark.safeParse(safeJson(query.data.after));
      if (!parsed.success) return void res.status(400).json({ error: "after is not a watermark this feed gave" });
      after = parsed.data;
    }
    page(after, query.data.limit).then((body) => res.json(body), next);
  });
}

/** Serves the case lookup: the facts of the case ids in the body, in their order. */
export function serveFeedLookup(app: Express, path: string, guard: express.RequestHandler, lookup: (caseIds: string[]) => Promise<unknown>): void {
  app.post(path, guard, express.json({ limit: "4mb" }), (req: Request, res: Response, next) => {
    const body = lookupBody.safeParse(req.body);
    if (!body.success) return void res.status(400).json({ error: "the body is { caseIds: [uuid, …] }" });
    lookup(body.data.caseIds).then((facts) => res.json(facts), next);
  });
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The guard on a feed route of `owner`: insights' service token, signed with the hub's key. */
export const feedGuard = (owner: string, key: string | undefined, logger: Logger) =>
  requireServiceToken({ key, issuers: [FACT_FEED_READER], audience: `${owner}-facts`, logger });

/** A watermark's times as the feed gives them: ISO text, read back as a Date. */
export const feedTime = z.string().datetime({ offset: true }).transform((text) => new Date(text));

/**
 * The reader's side: GET or POST JSON on an owner's feed with a fresh service
 * token. `base`: the owner's URL (its GraphQL endpoint's origin is used). A
 * non-2xx answer or an unreachable owner throws, so the refresh keeps its
 * watermark and reads the page again next time.
 */
export class FeedClient {
  constructor(
    private readonly owner: string,
    private readonly base: string,
    private readonly key: string,
  ) {}

  /** One page of a feed served by serveFeedPage: `after` is the watermark its last page gave (null from the beginning). */
  async page<T>(path: string, after: object | null, limit: number): Promise<T> {
    const url = new URL(path, this.base);
    url.searchParams.set("limit", String(limit));
    if (after) url.searchParams.set("after", JSON.stringify(after));
    return this.send<T>(url, { method: "GET" });
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>(new URL(path, this.base), { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
  }

  private async send<T>(url: URL, init: RequestInit): Promise<T> {
    const token = await signServiceToken(this.key, { issuer: FACT_FEED_READER, audience: `${this.owner}-facts` });
    const response = await fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(60_000) });
    const text = await response.text();
    if (!response.ok) throw new Error(`the ${this.owner} fact feed answered ${response.status} at ${url.pathname}`);
    return parseFeed<T>(text);
  }
}
