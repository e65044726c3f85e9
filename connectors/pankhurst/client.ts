import type { ChangeBatch, Page, SourceHealth } from "../contract";
import { SourceUnavailableError } from "../contract";
import { CircuitState } from "../http/breaker";
import { HttpStatusError, inBatches, JsonHttpClient, JsonHttpClientOptions } from "../http/json-client";
import { referralSchema } from "../partner-schemas";
import {
  PartnerCaseRecord,
  PartnerCode,
  PartnerReferral,
  ReferralAction,
  ReferralNotFoundError,
  ReferralTransitionError,
  WritablePartnerConnector,
} from "../partners";
import { casePageSchema, casesSchema, changeBatchSchema, healthSchema, transitionRefusalSchema } from "./schemas";
import { BATCH_LIMIT, PAGE_LIMIT, PankhurstCase } from "./types";

export const PANKHURST_SOURCE = "pankhurst";

/** Base URL, token, timeout, retries, backoff and breaker: see connectors/http/json-client.ts. */
export type PankhurstClientOptions = JsonHttpClientOptions;

const PATH_OF_ACTION: Readonly<Record<ReferralAction, string>> = {
  [ReferralAction.RECEIVE]: "receive",
  [ReferralAction.ACCEPT]: "accept",
  [ReferralAction.DECLINE]: "decline",
};

/**
 * Pankhurst Trust's case-management API (openapi.yaml), a REST partner.
 * Every failure to answer surfaces as a SourceUnavailableError with source
 * "pankhurst". Reads are safe to retry; so are the referral writes, because
 * the API applies them idempotently (asking for the state a referral is
 * already in changes nothing), so a retry after a lost answer is harmless.
 * A refused transition (409) surfaces as ReferralTransitionError, an unknown
 * referral (404) as ReferralNotFoundError: the source answered, so neither
 * counts against the circuit breaker.
 */
export class PankhurstClient implements WritablePartnerConnector {
  readonly source = PANKHURST_SOURCE;
  readonly partner = PartnerCode.PANKHURST;
  private readonly http: JsonHttpClient;
  private readonly clock: () => number;

  constructor(options: PankhurstClientOptions) {
    this.http = new JsonHttpClient({ source: PANKHURST_SOURCE, name: "Pankhurst case API" }, options);
    this.clock = options.clock ?? Date.now;
  }

  get circuitState(): CircuitState {
    return this.http.circuitState;
  }

  /** One HTTP call per 100 case ids; results in key order, null where Pankhurst holds nothing for the case. */
  async fetchByKeys(gmvsCaseIds: readonly string[]): Promise<(PartnerCaseRecord | null)[]> {
    const pages = await Promise.all(
      inBatches(gmvsCaseIds, BATCH_LIMIT).map((caseIds) => this.http.call("POST", "/cases:batch", { caseIds }, casesSchema)),
    );
    const byCase = new Map(pages.flatMap((page) => page.items).map((item) => [item.gmvsCaseId, item]));
    return gmvsCaseIds.map((id) => {
      const found = byCase.get(id);
      return found ? toRecord(found) : null;
    });
  }

  /** Every case Pankhurst holds, in GMVS case id order; at most 100 a page (PAGE_LIMIT) whatever `first` asks. */
  async search(_query: Record<string, never>, page: { first: number; after?: string }): Promise<Page<PartnerCaseRecord>> {
    const params = new URLSearchParams({ first: String(pageSize(page.first)) });
    if (page.after) params.set("after", page.after);
    const { items, nextCursor } = await this.http.call("GET", `/cases?${params}`, undefined, casePageSchema);
    return nextCursor ? { items: items.map(toRecord), nextCursor } : { items: items.map(toRecord) };
  }

  /** Batches hold at most 100 cases (PAGE_LIMIT) whatever `limit` asks. */
  async changesSince(cursor: string | null, limit: number): Promise<ChangeBatch<PartnerCaseRecord>> {
    const params = new URLSearchParams({ limit: String(pageSize(limit)) });
    if (cursor !== null) params.set("cursor", cursor);
    const batch = await this.http.call("GET", `/changes?${params}`, undefined, changeBatchSchema);
    return { ...batch, items: batch.items.map(toRecord) };
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

  async recordReferralReceived(referralId: string, at: Date): Promise<PartnerReferral> {
    return this.transition(referralId, ReferralAction.RECEIVE, { at: at.toISOString() });
  }

  async acceptReferral(referralId: string, at: Date): Promise<PartnerReferral> {
    return this.transition(referralId, ReferralAction.ACCEPT, { at: at.toISOString() });
  }

  async declineReferral(referralId: string, reason: string, at: Date): Promise<PartnerReferral> {
    if (reason.trim() === "") throw new RangeError("a decline needs a reason");
    return this.transition(referralId, ReferralAction.DECLINE, { at: at.toISOString(), reason });
  }

  /** Nothing to release: fetch's connection pool is the process's. */
  async close(): Promise<void> {}

  private async transition(referralId: string, action: ReferralAction, body: object): Promise<PartnerReferral> {
    const path = `/referrals/${encodeURIComponent(referralId)}:${PATH_OF_ACTION[action]}`;
    try {
      return await this.http.call("POST", path, body, referralSchema);
    } catch (error) {
      if (error instanceof HttpStatusError && error.status === 404) throw new ReferralNotFoundError(this.source, referralId);
      if (error instanceof HttpStatusError && error.status === 409) {
        const refusal = transitionRefusalSchema.safeParse(error.body);
        if (refusal.success) throw new ReferralTransitionError(this.source, referralId, action, refusal.data.currentStatus);
      }
      throw error;
    }
  }
}

function toRecord(item: PankhurstCase): PartnerCaseRecord {
  return { ...item, hourglass: null, challenger: null };
}

function pageSize(requested: number): number {
  return Math.min(Math.max(1, Math.floor(requested)), PAGE_LIMIT);
}
