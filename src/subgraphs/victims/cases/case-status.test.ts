import { GraphQLError } from "graphql";
import { MatchCandidateStatus } from "../intake/intake.types";
import { MatchAction, transitionMatch } from "../intake/match-status";
import { CaseAction, transitionCase } from "./case-status";
import { CaseStatus } from "./case.types";

function refusal(work: () => unknown): GraphQLError {
  try {
    work();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error("expected a refusal");
}

describe("the case state machine", () => {
  it.each([
    [CaseStatus.AWAITING_ASSESSMENT, CaseAction.RECORD_ASSESSMENT, CaseStatus.OPEN],
    [CaseStatus.AWAITING_ASSESSMENT, CaseAction.CLOSE, CaseStatus.CLOSED],
    [CaseStatus.OPEN, CaseAction.RECORD_ASSESSMENT, CaseStatus.OPEN],
    [CaseStatus.OPEN, CaseAction.CLOSE, CaseStatus.CLOSED],
    [CaseStatus.CLOSED, CaseAction.REOPEN, CaseStatus.OPEN],
  ])("allows %s --%s--> %s", (from, action, to) => {
    expect(transitionCase(from, action)).toBe(to);
  });

  it.each([
    [CaseStatus.CLOSED, CaseAction.CLOSE, "A closed case cannot be closed"],
    [CaseStatus.CLOSED, CaseAction.RECORD_ASSESSMENT, "A closed case cannot have a needs assessment recorded"],
    [CaseStatus.OPEN, CaseAction.REOPEN, "An open case cannot be reopened"],
    [CaseStatus.AWAITING_ASSESSMENT, CaseAction.REOPEN, "An awaiting assessment case cannot be reopened"],
  ])("refuses %s --%s--> with CONFLICT naming the status and action", (from, action, message) => {
    const error = refusal(() => transitionCase(from, action));
    expect(error.extensions).toMatchObject({ code: "CONFLICT", status: from, action });
    expect(error.message).toBe(message);
  });

  it("has an answer, allowed or refused, for every status and action", () => {
    for (const from of Object.values(CaseStatus)) {
      for (const action of Object.values(CaseAction)) {
        try {
          expect(Object.values(CaseStatus)).toContain(transitionCase(from, action));
        } catch (error) {
          expect((error as GraphQLError).extensions.code).toBe("CONFLICT");
        }
      }
    }
  });
});

describe("the match candidate state machine", () => {
  it.each([
    [MatchAction.CONFIRM, MatchCandidateStatus.CONFIRMED],
    [MatchAction.REJECT, MatchCandidateStatus.REJECTED],
  ])("decides a pending candidate once: %s → %s", (action, to) => {
    expect(transitionMatch(MatchCandidateStatus.PENDING, action)).toBe(to);
  });

  it.each([
    [MatchCandidateStatus.CONFIRMED, MatchAction.CONFIRM],
    [MatchCandidateStatus.CONFIRMED, MatchAction.REJECT],
    [MatchCandidateStatus.REJECTED, MatchAction.CONFIRM],
    [MatchCandidateStatus.REJECTED, MatchAction.REJECT],
  ])("refuses to change a %s candidate by %s", (from, action) => {
    expect(refusal(() => transitionMatch(from, action)).extensions).toMatchObject({ code: "CONFLICT", status: from, action });
  });
});
