import type { HourglassReturnRow } from "./returns-csv";

/**
 * Where loaded returns land. Rows are keyed by their idempotency key
 * (return month, case, episode), so importing a file twice adds nothing
 * twice. A row resent with the same values is a duplicate; one resent with
 * different values is a correction and replaces the stored row (FORMAT.md).
 */
export interface HourglassReturnStore {
  saveRows(rows: readonly HourglassReturnRow[], file: string): Promise<SaveResult>;
  /** Every stored row for these cases, in one read. */
  rowsForCases(gmvsCaseIds: readonly string[]): Promise<HourglassReturnRow[]>;
  /** Case ids with any stored row, ascending, after `after` (exclusive). */
  caseIdsAfter(after: string | null, first: number): Promise<string[]>;
  /**
   * Cases with a row stored or replaced after load sequence number `since`,
   * in the order of their latest change; `loadSeq` is that latest change.
   */
  casesChangedSince(since: number, limit: number): Promise<{ gmvsCaseId: string; loadSeq: number }[]>;
  /** The latest return month loaded, null before any. */
  latestReturnMonth(): Promise<string | null>;
  close(): Promise<void>;
}

export interface SaveResult {
  inserted: number;
  /** Corrections: stored under the same key with different values. */
  replaced: number;
  duplicates: number;
}

/** A HourglassReturnStore in memory, for tests and the embedded default. */
export class InMemoryHourglassStore implements HourglassReturnStore {
  private readonly rows = new Map<string, { row: HourglassReturnRow; loadSeq: number }>();
  private loadSeq = 0;

  get size(): number {
    return this.rows.size;
  }

  async saveRows(rows: readonly HourglassReturnRow[]): Promise<SaveResult> {
    const result: SaveResult = { inserted: 0, replaced: 0, duplicates: 0 };
    for (const row of rows) {
      const stored = this.rows.get(row.idempotencyKey);
      if (stored?.row.contentHash === row.contentHash) {
        result.duplicates += 1;
        continue;
      }
      if (stored) result.replaced += 1;
      else result.inserted += 1;
      this.loadSeq += 1;
      this.rows.set(row.idempotencyKey, { row: structuredClone(row), loadSeq: this.loadSeq });
    }
    return result;
  }

  async rowsForCases(gmvsCaseIds: readonly string[]): Promise<HourglassReturnRow[]> {
    const wanted = new Set(gmvsCaseIds);
    return [...this.rows.values()].filter(({ row }) => wanted.has(row.gmvsCaseId)).map(({ row }) => structuredClone(row));
  }

  async caseIdsAfter(after: string | null, first: number): Promise<string[]> {
    const ids = new Set([...this.rows.values()].map(({ row }) => row.gmvsCaseId));
    return [...ids]
      .filter((id) => after === null || id > after)
      .sort()
      .slice(0, first);
  }

  async casesChangedSince(since: number, limit: number): Promise<{ gmvsCaseId: string; loadSeq: number }[]> {
    const latest = new Map<string, number>();
    for (const { row, loadSeq } of this.rows.values()) latest.set(row.gmvsCaseId, Math.max(loadSeq, latest.get(row.gmvsCaseId) ?? 0));
    return [...latest]
      .filter(([, loadSeq]) => loadSeq > since)
      .sort((a, b) => a[1] - b[1])
      .slice(0, limit)
      .map(([gmvsCaseId, loadSeq]) => ({ gmvsCaseId, loadSeq }));
  }

  async latestReturnMonth(): Promise<string | null> {
    const months = [...this.rows.values()].map(({ row }) => row.returnMonth).sort();
    return months[months.length - 1] ?? null;
  }

  async close(): Promise<void> {}
}
