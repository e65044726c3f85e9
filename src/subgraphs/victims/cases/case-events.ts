import { OrganisationCode } from "../../../platform/domain";
import { EventInput, EventRecordType, EventType } from "../../../platform/events/event";

/** A possible match between a referred person and one GMVS knows, raised or decided: GMVS's own work, so GMVS alone is told. */
export function matchCandidateEvent(type: EventType.MATCH_CANDIDATE_RAISED | EventType.MATCH_CANDIDATE_DECIDED, candidate: { id: string; caseId: string }, at: Date): EventInput {
  return { type, caseId: candidate.caseId, record: { type: EventRecordType.MATCH_CANDIDATE, id: candidate.id }, parties: [OrganisationCode.GMVS], occurredAt: at };
}

/** A GMVS case opening, closing or reopening: GMVS's own record, so GMVS alone is told. */
export function caseEvent(type: EventType.CASE_OPENED | EventType.CASE_CLOSED | EventType.CASE_REOPENED, caseId: string, at: Date): EventInput {
  return { type, caseId, record: { type: EventRecordType.CASE, id: caseId }, parties: [OrganisationCode.GMVS], occurredAt: at };
}
