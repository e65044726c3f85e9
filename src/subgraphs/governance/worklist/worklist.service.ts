import type { DataSource } from "typeorm";
import { isUuid } from "../../../platform/batch";
import { OrganisationCode } from "../../../platform/domain";
import { Principal, Purpose } from "../../../platform/principal";
import { appError, ErrorCode } from "../../../platform/errors";
import { EventRecordType } from "../../../platform/events/event";
import { WorklistKind } from "./worklist.projection";
import { WorklistItem } from "./worklist.types";

interface ItemRow {
  id: string;
  organisation: string;
  kind: string;
  holder: string;
  case_id: string | null;
  record_type: string;
  record_id: string;
  opened_at: Date | string;
  due_at: Date | string | null;
}

/** Items the organisation closes itself once done: what nothing else in the hub records the doing of. */
export const ACKNOWLEDGED_KINDS = new Set<WorklistKind>([WorklistKind.CONSENT_WITHDRAWN, WorklistKind.REFERRAL_WITHDRAWN, WorklistKind.MARAC_REFERRAL]);

/** The most open items one worklist read considers: far above any organisation's real list, and a bound on one request's work. */
const MAX_OPEN_ITEMS = 5_000;

export interface WorklistFilter {
  kinds: readonly WorklistKind[];
  dueBefore: Date | null;
}

export class WorklistService {
  constructor(
    private readonly dataSource: DataSource,
    readonly clock: () => Date = () => new Date(),
  ) {}

  /** An organisation's open items, earliest due first (no due time last), then by id. */
  async openFor(organisation: OrganisationCode, filter: WorklistFilter): Promise<WorklistItem[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, organisation, kind, holder, case_id, record_type, record_id, opened_at, due_at FROM governance.worklist_item
       WHERE organisation = $1 AND closed_at IS NULL
         AND (cardinality($2::text[]) = 0 OR kind = ANY($2::text[]))
         AND ($3::timestamptz IS NULL OR due_at < $3::timestamptz)
       ORDER BY due_at ASC NULLS LAST, id ASC LIMIT $4`,
      [organisation, [...filter.kinds], filter.dueBefore, MAX_OPEN_ITEMS],
    )) as ItemRow[];
    const now = this.clock();
    return rows.map((r) => toItem(r, now));
  }

  /**
   * The organisation marks an item it acknowledges done. NOT_FOUND for an
   * item that is not on its worklist (another's items are not known to it),
   * and for a MARAC referral's item asked for any purpose but safeguarding
   * (the only one the MARAC agreements cover). Checked before writing and
   * not audited, like any precondition: the item released in the answer is
   * audited as every release is. An item already closed is returned as it is.
   */
  async complete(principal: Pick<Principal, "organisation" | "purpose">, id: string): Promise<WorklistItem> {
    const notFound = () => appError(ErrorCode.NOT_FOUND, "No such worklist item", { argument: "id" });
    if (!isUuid(id)) throw notFound();
    return this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `SELECT id, organisation, kind, holder, case_id, record_type, record_id, opened_at, due_at FROM governance.worklist_item WHERE id = $1 AND organisation = $2 FOR UPDATE`,
        [id, principal.organisation],
      )) as ItemRow[];
      if (!row || (row.kind === WorklistKind.MARAC_REFERRAL && principal.purpose !== Purpose.SAFEGUARDING)) throw notFound();
      if (!ACKNOWLEDGED_KINDS.has(row.kind as WorklistKind)) {
        throw appError(ErrorCode.INVALID_INPUT, `A ${row.kind} item closes when the work is recorded, not by hand`, { argument: "id" });
      }
      await m.query(`UPDATE governance.worklist_item SET closed_at = now() WHERE id = $1 AND closed_at IS NULL`, [id]);
      return toItem(row, this.clock());
    });
  }
}

function toItem(r: ItemRow, now: Date): WorklistItem {
  const dueAt = r.due_at === null ? null : new Date(r.due_at);
  return Object.assign(new WorklistItem(), {
    id: r.id,
    organisation: r.organisation as OrganisationCode,
    holder: r.holder as OrganisationCode,
    kind: r.kind as WorklistKind,
    caseId: r.case_id,
    recordType: r.record_type as EventRecordType,
    recordId: r.record_id,
    openedAt: new Date(r.opened_at),
    dueAt,
    overdue: dueAt !== null && dueAt.getTime() < now.getTime(),
  });
}

/** An opaque cursor: the last item's due time and id. */
export function pageOfItems(items: readonly WorklistItem[], first: number, after: string | null): { items: WorklistItem[]; endCursor: string | null; hasNextPage: boolean } {
  let start = 0;
  if (after !== null) {
    const index = items.findIndex((i) => cursorOf(i) === after);
    if (index < 0) {
      // The item the cursor names may have closed since: resume after where it stood.
      const [due, id] = decodeCursor(after);
      start = items.findIndex((i) => compare(i, due, id) > 0);
      if (start < 0) start = items.length;
    } else start = index + 1;
  }
  const page = items.slice(start, start + first);
  const last = page[page.length - 1];
  return { items: page, endCursor: last ? cursorOf(last) : null, hasNextPage: start + first < items.length };
}

const FAR_FUTURE = 8.64e15;
const dueKey = (i: WorklistItem) => (i.dueAt ? i.dueAt.getTime() : FAR_FUTURE);
const cursorOf = (i: WorklistItem) => Buffer.from(`${dueKey(i)}:${i.id}`).toString("base64url");

function decodeCursor(cursor: string): [number, string] {
  const [due, id] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  if (!due || !id || !Number.isFinite(Number(due)) || !isUuid(id)) throw appError(ErrorCode.INVALID_INPUT, "Not a cursor this list gave", { argument: "after" });
  return [Number(due), id];
}

function compare(i: WorklistItem, due: number, id: string): number {
  return dueKey(i) - due || (i.id < id ? -1 : i.id > id ? 1 : 0);
}
