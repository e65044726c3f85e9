import { OrganisationCode } from "../../../platform/domain";
import { EventInput, EventRecordType, EventType } from "../../../platform/events/event";

/** A GMVS case opening, closing or reopening: GMVS's own record, so GMVS alone is told. */
export function caseEvent(type: EventType.CASE_OPENED | EventType.CASE_CLOSED | EventType.CASE_REOPENED, caseId: string, at: Date): EventInput {
  return { type, caseId, record: { type: EventRecordType.CASE, id: caseId }, parties: [OrganisationCode.GMVS], occurredAt: at };
}
