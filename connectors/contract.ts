/**
 * The one contract every connector implements (DESIGN.md, Connectors).
 * Connectors import nothing from src/; subgraphs import these types and map
 * `SourceUnavailableError` to a SOURCE_UNAVAILABLE GraphQL error.
 */

/** Why a source could not answer. */
export type UnavailableReason = "TIMEOUT" | "CIRCUIT_OPEN" | "NETWORK" | "HTTP_ERROR" | "INVALID_RESPONSE";

/** A source system did not answer usefully; the caller returns partial data with a typed error. */
export class SourceUnavailableError extends Error {
  constructor(
    readonly source: string,
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super(message);
    this.name = "SourceUnavailableError";
  }
}

export interface SourceHealth {
  source: string;
  status: "UP" | "DEGRADED" | "DOWN";
  checkedAt: Date;
  /** Safe to show an operator: never credentials or personal data. */
  detail?: string;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `after` for the next page. Absent on the last page. */
  nextCursor?: string;
}

export interface ChangeBatch<T> {
  items: T[];
  /** Opaque; pass back to `changesSince` to continue. Always present, even when `items` is empty. */
  cursor: string;
  hasMore: boolean;
}

/** A source of records of type T, identified by keys of type K. */
export interface Connector<K, T, Q = Record<string, never>> {
  readonly source: string;
  /** One call to the source for the whole batch (DataLoader's batch function); results in key order, null where unknown. */
  fetchByKeys(keys: readonly K[]): Promise<(T | null)[]>;
  search(query: Q, page: { first: number; after?: string }): Promise<Page<T>>;
  /** Records changed since the cursor (null: from the beginning), oldest change first. */
  changesSince(cursor: string | null, limit: number): Promise<ChangeBatch<T>>;
  health(): Promise<SourceHealth>;
}

/** File imports (CSV/JSON returns): what was loaded and what was refused, row by row. */
export interface RejectedRow {
  /** 1-based line number in the file, counting the header line. */
  line: number;
  reason: string;
}

export interface ImportReport {
  source: string;
  file: string;
  accepted: number;
  /** Rows already loaded by an earlier import of the same data: not added twice. */
  duplicates: number;
  rejected: RejectedRow[];
}
