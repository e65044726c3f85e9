import { appError, ErrorCode } from "../../../platform/errors";
import { CaseStatus } from "./case.types";

/** Everything that can change a case's status. */
export enum CaseAction {
  /** A needs assessment is recorded: an awaiting case opens; an open case stays open. */
  RECORD_ASSESSMENT = "RECORD_ASSESSMENT",
  CLOSE = "CLOSE",
  REOPEN = "REOPEN",
}

/**
 * The case state machine, as data: from each status, what each action leads
 * to. Anything not listed is refused. A closed case is reopened to OPEN (its
 * needs were assessed before); it cannot be assessed or closed again while
 * closed; an open or awaiting case cannot be "reopened".
 */
const TRANSITIONS: Readonly<Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>>> = {
  [CaseStatus.AWAITING_ASSESSMENT]: {
    [CaseAction.RECORD_ASSESSMENT]: CaseStatus.OPEN,
    [CaseAction.CLOSE]: CaseStatus.CLOSED,
  },
  [CaseStatus.OPEN]: {
    [CaseAction.RECORD_ASSESSMENT]: CaseStatus.OPEN,
    [CaseAction.CLOSE]: CaseStatus.CLOSED,
  },
  [CaseStatus.CLOSED]: {
    [CaseAction.REOPEN]: CaseStatus.OPEN,
  },
};

/**
 * The one way a case's status changes: the status after `action`, or a
 * CONFLICT error naming both, so the caller changes nothing.
 */
export function transitionCase(from: CaseStatus, action: CaseAction): CaseStatus {
  const to = TRANSITIONS[from]?.[action];
  if (to === undefined) {
    throw appError(ErrorCode.CONFLICT, `${article(from)} ${from.toLowerCase().replace(/_/g, " ")} case cannot ${ACTION_WORDS[action]}`, { status: from, action });
  }
  return to;
}

const ACTION_WORDS: Record<CaseAction, string> = {
  [CaseAction.RECORD_ASSESSMENT]: "have a needs assessment recorded",
  [CaseAction.CLOSE]: "be closed",
  [CaseAction.REOPEN]: "be reopened",
};

/** Changes to the rest of a case file (worker, flags, notes) are allowed only on a case that is not closed. */
export function assertCaseOpenForChanges(status: CaseStatus): void {
  if (status === CaseStatus.CLOSED) throw appError(ErrorCode.CONFLICT, "A closed case cannot be changed; reopen it first", { status });
}

const article = (status: CaseStatus) => (/^[AEIOU]/.test(status) ? "An" : "A");
