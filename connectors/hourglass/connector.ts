import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ChangeBatch, ImportReport, Page, SourceHealth, SourceUnavailableError } from "../contract";
import {
  emptyCaseRecord,
  OLDER_AGE_BANDS,
  PartnerCaseRecord,
  PartnerCode,
  PartnerConnector,
  ServiceEpisode,
  SupportAction,
} from "../partners";
import { HourglassReturnRow, parseHourglassReturns } from "./returns-csv";
import type { HourglassReturnStore } from "./store";

export const HOURGLASS_SOURCE = "hourglass";

/** Hourglass's returns name no service: every episode is its specialist service in Greater Manchester (DOMAIN.md). */
export const HOURGLASS_SERVICE = "Older people's specialist support";

const PAGE_LIMIT = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Hourglass, a file-returns partner: it sends one CSV a month (FORMAT.md),
 * which importFile() checks row by row and lands in a store; every read
 * comes from the store, never the files. Read-only towards Hourglass: the
 * returns carry no referral states, so this connector has no referral
 * writes, and Hourglass records hold no referrals (GMVS knows what it sent).
 */
export class HourglassConnector implements PartnerConnector {
  readonly source = HOURGLASS_SOURCE;
  readonly partner = PartnerCode.HOURGLASS;
  private readonly clock: () => number;
  private readonly readTimeoutMs: number | undefined;

  /**
   * `readTimeoutMs` bounds every read of the landing store, whatever the
   * store (a SQL store bounds its statements too; an in-memory one, or a
   * landing database that stops answering, would not): past it, the read
   * fails as TIMEOUT and the hub answers without Hourglass's part.
   */
  constructor(
    private readonly store: HourglassReturnStore,
    options: { clock?: () => number; readTimeoutMs?: number } = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.readTimeoutMs = options.readTimeoutMs;
  }

  /** Loads a return's good rows and reports its bad ones; importing the same file again adds nothing. */
  async importFile(file: string): Promise<ImportReport> {
    const { rows, rejected } = parseHourglassReturns(await readFile(file, "utf8"));
    const saved = await this.store.saveRows(rows, file);
    return { source: this.source, file, accepted: saved.inserted + saved.replaced, duplicates: saved.duplicates, rejected };
  }

  /** Imports every .csv file in the directory, in name order (so months in order, for files named by month). */
  async importDirectory(directory: string): Promise<ImportReport[]> {
    const files = (await readdir(directory)).filter((name) => name.endsWith(".csv")).sort();
    const reports: ImportReport[] = [];
    for (const name of files) reports.push(await this.importFile(join(directory, name)));
    return reports;
  }

  /** One store read for the whole batch; results in key order, null where no return mentions the case. */
  async fetchByKeys(gmvsCaseIds: readonly string[]): Promise<(PartnerCaseRecord | null)[]> {
    const wanted = [...new Set(gmvsCaseIds.map((id) => id.toLowerCase()).filter((id) => UUID.test(id)))];
    const byCase = recordsByCase(wanted.length === 0 ? [] : await this.read("reading returns for cases", () => this.store.rowsForCases(wanted)));
    return gmvsCaseIds.map((id) => byCase.get(id.toLowerCase()) ?? null);
  }

  /** Every case in the loaded returns, in GMVS case id order; at most 100 a page. */
  async search(_query: Record<string, never>, page: { first: number; after?: string }): Promise<Page<PartnerCaseRecord>> {
    const after = page.after ?? null;
    if (after !== null && !UUID.test(after)) throw new RangeError("after is not a cursor this connector issued");
    const first = Math.min(Math.max(1, Math.floor(page.first)), PAGE_LIMIT);
    const ids = await this.read("listing cases", () => this.store.caseIdsAfter(after, first + 1));
    const pageIds = ids.slice(0, first);
    const records = await this.fetchByKeys(pageIds);
    const items = records.filter((record): record is PartnerCaseRecord => record !== null);
    return ids.length > first ? { items, nextCursor: pageIds[pageIds.length - 1] } : { items };
  }

  /** Cases whose returns were loaded or corrected after the cursor, oldest change first; the cursor is a load sequence number. */
  async changesSince(cursor: string | null, limit: number): Promise<ChangeBatch<PartnerCaseRecord>> {
    if (cursor !== null && !/^\d+$/.test(cursor)) throw new RangeError("cursor is not one this connector issued");
    const since = cursor === null ? 0 : Number(cursor);
    const size = Math.min(Math.max(1, Math.floor(limit)), PAGE_LIMIT);
    const changed = await this.read("reading changes", () => this.store.casesChangedSince(since, size + 1));
    const page = changed.slice(0, size);
    const records = await this.fetchByKeys(page.map((change) => change.gmvsCaseId));
    return {
      items: records.filter((record): record is PartnerCaseRecord => record !== null),
      cursor: String(page.length > 0 ? page[page.length - 1].loadSeq : since),
      hasMore: changed.length > size,
    };
  }

  /** UP with the latest return month; DEGRADED before any return is loaded; DOWN when the store does not answer. */
  async health(): Promise<SourceHealth> {
    const checkedAt = new Date(this.clock());
    try {
      const month = await this.read("reading the latest return month", () => this.store.latestReturnMonth());
      return month === null
        ? { source: this.source, status: "DEGRADED", checkedAt, detail: "no monthly return loaded yet" }
        : { source: this.source, status: "UP", checkedAt, detail: `latest return ${month}` };
    } catch (error) {
      if (!(error instanceof SourceUnavailableError)) throw error;
      return { source: this.source, status: "DOWN", checkedAt, detail: `${error.reason}: ${error.message}` };
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }

  private async read<T>(operation: string, call: () => Promise<T>): Promise<T> {
    const limit = this.readTimeoutMs;
    if (!limit) return call();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new SourceUnavailableError(HOURGLASS_SOURCE, "TIMEOUT", `${operation}: the landing store did not answer within ${limit} ms`)),
        limit,
      );
    });
    try {
      return await Promise.race([call(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * One record per case from all its monthly rows. Each episode is as its
 * latest return states it; a support action (episode, kind, date) takes
 * the status of its latest return; the Hourglass details (age band, economic
 * abuse, worker) come from the case's latest row.
 */
function recordsByCase(rows: readonly HourglassReturnRow[]): Map<string, PartnerCaseRecord> {
  const ordered = [...rows].sort((a, b) => a.returnMonth.localeCompare(b.returnMonth) || a.episodeId.localeCompare(b.episodeId));
  const records = new Map<string, PartnerCaseRecord>();
  const episodes = new Map<string, ServiceEpisode>();
  const actions = new Map<string, SupportAction>();
  for (const row of ordered) {
    const record = records.get(row.gmvsCaseId) ?? emptyCaseRecord(PartnerCode.HOURGLASS, row.gmvsCaseId);
    records.set(row.gmvsCaseId, record);
    record.hourglass = {
      ageBand: row.ageBand,
      olderVictim: OLDER_AGE_BANDS.has(row.ageBand),
      economicAbuse: row.economicAbuse,
      specialistWorker: row.worker,
      latestReturnMonth: row.returnMonth,
    };
    episodes.set(`${row.gmvsCaseId}|${row.episodeId}`, {
      id: row.episodeId,
      gmvsCaseId: row.gmvsCaseId,
      partner: PartnerCode.HOURGLASS,
      service: HOURGLASS_SERVICE,
      worker: row.worker,
      start: startOfDay(row.episodeStart),
      end: row.episodeEnd === null ? null : startOfDay(row.episodeEnd),
      closureReason: row.closureReason,
      outcome: null,
    });
    for (const action of row.supportActions) {
      const id = `${row.episodeId}:${action.kind}:${action.date}`;
      actions.set(`${row.gmvsCaseId}|${id}`, { id, gmvsCaseId: row.gmvsCaseId, ...action });
    }
  }
  for (const episode of episodes.values()) records.get(episode.gmvsCaseId)?.episodes.push(episode);
  for (const action of actions.values()) records.get(action.gmvsCaseId)?.supportActions.push(action);
  for (const record of records.values()) {
    record.episodes.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
    record.supportActions.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  }
  return records;
}

/** Returns give days; the shared shape has instants: a day stands as its midnight UTC (FORMAT.md). */
function startOfDay(day: string): string {
  return `${day}T00:00:00.000Z`;
}
