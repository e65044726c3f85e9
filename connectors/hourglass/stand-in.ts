import { join } from "node:path";
import { SourceUnavailableError } from "../contract";
import type { HourglassReturnRow } from "./returns-csv";
import { InMemoryHourglassStore } from "./store";
import type { SaveResult } from "./store";

/**
 * The local stand-in for Hourglass: its monthly returns are the synthetic
 * CSV files in fixtures/ (bad rows included), landed in an in-memory store.
 * Hourglass has no live link to fail, but the hub's landing store does:
 * setAvailable(false) makes the store fail as a lost landing database
 * would (SourceUnavailableError, NETWORK), which is how tests make
 * Hourglass's data unavailable; setDelay(ms) makes every call wait first, as
 * a landing database under load would. In memory rather than in a database of its
 * own, so that starting the hub costs no further embedded database.
 */

export const HOURGLASS_FIXTURES = join(__dirname, "fixtures");

export class HourglassStandInStore extends InMemoryHourglassStore {
  private available = true;
  private delayMs = 0;
  private reads = 0;

  setAvailable(available: boolean): void {
    this.available = available;
  }

  /** Every call waits this long before answering (0: at once). */
  setDelay(delayMs: number): void {
    this.delayMs = delayMs;
  }

  /** Calls to the store (each one statement in the SQL store). */
  callCount(): number {
    return this.reads;
  }

  override async saveRows(rows: readonly HourglassReturnRow[]): Promise<SaveResult> {
    await this.check();
    return super.saveRows(rows);
  }

  override async rowsForCases(gmvsCaseIds: readonly string[]): Promise<HourglassReturnRow[]> {
    await this.check();
    return super.rowsForCases(gmvsCaseIds);
  }

  override async caseIdsAfter(after: string | null, first: number): Promise<string[]> {
    await this.check();
    return super.caseIdsAfter(after, first);
  }

  override async casesChangedSince(since: number, limit: number): Promise<{ gmvsCaseId: string; loadSeq: number }[]> {
    await this.check();
    return super.casesChangedSince(since, limit);
  }

  override async latestReturnMonth(): Promise<string | null> {
    await this.check();
    return super.latestReturnMonth();
  }

  private async check(): Promise<void> {
    this.reads += 1;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (!this.available) throw new SourceUnavailableError("hourglass", "NETWORK", "Hourglass landing store stand-in is down");
  }
}
