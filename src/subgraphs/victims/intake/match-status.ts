import { appError, ErrorCode } from "../../../platform/errors";
import { MatchCandidateStatus } from "./intake.types";

export enum MatchAction {
  CONFIRM = "CONFIRM",
  REJECT = "REJECT",
}

/** A candidate is decided once: confirmed or rejected, never both, never again. */
const TRANSITIONS: Readonly<Record<MatchCandidateStatus, Partial<Record<MatchAction, MatchCandidateStatus>>>> = {
  [MatchCandidateStatus.PENDING]: { [MatchAction.CONFIRM]: MatchCandidateStatus.CONFIRMED, [MatchAction.REJECT]: MatchCandidateStatus.REJECTED },
  [MatchCandidateStatus.CONFIRMED]: {},
  [MatchCandidateStatus.REJECTED]: {},
};

/** The one way a match candidate's status changes; CONFLICT where the transition is not allowed. */
export function transitionMatch(from: MatchCandidateStatus, action: MatchAction): MatchCandidateStatus {
  const to = TRANSITIONS[from]?.[action];
  if (to === undefined) {
    throw appError(ErrorCode.CONFLICT, `This match was already ${from.toLowerCase()}; it cannot be ${action === MatchAction.CONFIRM ? "confirmed" : "rejected"}`, {
      status: from,
      action,
    });
  }
  return to;
}
