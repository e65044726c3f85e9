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
 * Hourglass's data unavailable. In memory rather than in a database of its
 * own, so that starting the hub costs no further embedded database.
 */

export const HOURGLASS_FIXTURES = join(__dirname, "fixtures");

export class HourglassStandInStore extends InMemoryHourglassStore {
  private available = true;
  private reads = 0;

  setAvailable(available: boolean): void {
    this.available = available;
  }

  /** Calls to the store (each one statement in the SQL store). */
  callCount(): number {
    return this.reads;
  }

  override async saveRows(rows: readonly HourglassReturnRow[]): Promise<SaveResult> {
    this.check();
    return super.saveRows(rows);
  }

  override async rowsForCases(gmvsCaseIds: readonly string[]): Promise<HourglassReturnRow[]> {
    this.check();
    return super.rowsForCases(gmvsCaseIds);
  }

  override async caseIdsAfter(after: string | null, first: number): Promise<string[]> {
    this.check();
    return super.caseIdsAfter(after, first);
  }

  override async casesChangedSince(since: number, limit: number): Promise<{ gmvsCaseId: string; loadSeq: number }[]> {
    this.check();
    return super.casesChangedSince(since, limit);
  }

  override async latestReturnMonth(): Promise<string | null> {
    this.check();
    return super.latestReturnMonth();
  }

  private check(): void {
    this.reads += 1;
    if (!this.available) throw new SourceUnavailableError("hourglass", "NETWORK", "Hourglass landing store stand-in is down");
  }
}
