import { appError, ErrorCode } from "../../../platform/errors";
import { EntitlementAssessment, EntitlementStatus } from "../victims-code/engine";
import { londonDateOf } from "../victims-code/working-days";

/**
 * What is due: the entitlements not yet met across a duty holder's cases,
 * as a worklist. Pure: the caller brings the assessments and `now`.
 */

/** Where an unmet entitlement stands on the London calendar at `now`. */
export enum DueWhen {
  /** Past its deadline and still not done (the engine's MISSED). */
  OVERDUE = "OVERDUE",
  /** Its deadline falls today, London time, and it is not done yet. */
  DUE_TODAY = "DUE_TODAY",
  /** Its deadline is on a later day. */
  DUE_LATER = "DUE_LATER",
}

export interface DueEntitlement {
  readonly caseId: string;
  readonly when: DueWhen;
  readonly assessment: EntitlementAssessment;
}

/** The order a worklist is read in, and the position a cursor names: deadline first, then a stable tie-break. */
interface Position {
  readonly dueAt: number;
  readonly caseId: string;
  readonly entitlement: string;
  readonly eventId: string;
}

function positionOf(item: DueEntitlement): Position {
  // Only PENDING and MISSED rows are due, and both always have a deadline.
  return { dueAt: item.assessment.dueAt!.getTime(), caseId: item.caseId, entitlement: item.assessment.entitlement, eventId: item.assessment.triggeringEvent.id };
}

function compare(a: Position, b: Position): number {
  if (a.dueAt !== b.dueAt) return a.dueAt - b.dueAt;
  for (const key of ["caseId", "entitlement", "eventId"] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

/**
 * The case's entitlements still to do at `now`: PENDING (due today or
 * later) and MISSED (overdue). MET, LATE and NOT_APPLICABLE ones are done or
 * owe nothing.
 */
export function dueOf(caseId: string, assessments: readonly EntitlementAssessment[], now: Date): DueEntitlement[] {
  const today = londonDateOf(now);
  const due: DueEntitlement[] = [];
  for (const assessment of assessments) {
    if (assessment.dueAt === null) continue;
    if (assessment.status === EntitlementStatus.MISSED) due.push({ caseId, when: DueWhen.OVERDUE, assessment });
    else if (assessment.status === EntitlementStatus.PENDING) {
      due.push({ caseId, when: londonDateOf(assessment.dueAt) === today ? DueWhen.DUE_TODAY : DueWhen.DUE_LATER, assessment });
    }
  }
  return due;
}

/**
 * An opaque cursor: the position of the last item of a page. It names a
 * case id the caller was already shown, and nothing else, so it tells a
 * caller nothing new; it is encoded only so that callers do not build one.
 */
export function cursorOf(item: DueEntitlement): string {
  const p = positionOf(item);
  return Buffer.from(JSON.stringify([p.dueAt, p.caseId, p.entitlement, p.eventId])).toString("base64url");
}

function positionFrom(cursor: string): Position {
  const invalid = () => appError(ErrorCode.INVALID_INPUT, "Not a cursor this list gave", { argument: "after" });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalid();
  const [dueAt, caseId, entitlement, eventId] = parsed as unknown[];
  if (!Number.isSafeInteger(dueAt) || typeof caseId !== "string" || typeof entitlement !== "string" || typeof eventId !== "string") throw invalid();
  return { dueAt: dueAt as number, caseId, entitlement, eventId };
}

export interface DuePage {
  readonly items: DueEntitlement[];
  /** The cursor of the page's last item, to ask for the next page with; null on an empty page. */
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/**
 * One page of the worklist: the items in `when` (all three when empty),
 * by deadline, after the cursor's position. A cursor is a position, not an
 * index, so items done or added between pages neither repeat nor skip the
 * rest.
 */
export function pageOfDue(items: readonly DueEntitlement[], options: { first: number; after?: string | null; when: readonly DueWhen[] }): DuePage {
  const after = options.after ? positionFrom(options.after) : null;
  const wanted = new Set(options.when.length ? options.when : Object.values(DueWhen));
  const ordered = items
    .filter((item) => wanted.has(item.when))
    .filter((item) => after === null || compare(positionOf(item), after) > 0)
    .sort((a, b) => compare(positionOf(a), positionOf(b)));
  const page = ordered.slice(0, options.first);
  const last = page[page.length - 1];
  return { items: page, endCursor: last ? cursorOf(last) : null, hasNextPage: ordered.length > page.length };
}
