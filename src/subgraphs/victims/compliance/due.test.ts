import { EntitlementAssessment, EntitlementStatus } from "../victims-code/engine";
import { EntitlementCode, PoliceEventKind, VictimsCodeRight } from "../victims-code/rules";
import { DueEntitlement, dueOf, DueWhen, pageOfDue } from "./due";

const NOW = new Date("2026-06-03T10:00:00Z"); // Wednesday 3 June 2026, 11:00 in London

function assessment(id: string, status: EntitlementStatus, dueAt: string | null): EntitlementAssessment {
  return {
    right: VictimsCodeRight.R6,
    rightNumber: 6,
    entitlement: EntitlementCode.R6_TOLD_OF_KEY_DECISION,
    triggeringEvent: { id, kind: PoliceEventKind.SUSPECT_ARRESTED, occurredAt: new Date("2026-05-01T10:00:00Z") },
    enhancedRights: false,
    enhancedRightsReasons: [],
    workingDaysAllowed: dueAt ? 5 : null,
    dueAt: dueAt ? new Date(dueAt) : null,
    fulfilledAt: null,
    fulfilledBy: null,
    status,
    exception: null,
    ruleVersion: "victims-code-2021",
  };
}

describe("dueOf", () => {
  it.each([
    [EntitlementStatus.MISSED, "2026-06-02T22:59:59.999Z", DueWhen.OVERDUE, "missed yesterday"],
    [EntitlementStatus.PENDING, "2026-06-03T22:59:59.999Z", DueWhen.DUE_TODAY, "due at the end of today, London time"],
    [EntitlementStatus.PENDING, "2026-06-04T22:59:59.999Z", DueWhen.DUE_LATER, "due tomorrow"],
  ])("puts a %s entitlement due %s in %s (%s)", (status, dueAt, when) => {
    expect(dueOf("c1", [assessment("e1", status, dueAt)], NOW).map((d) => d.when)).toEqual([when]);
  });

  it("leaves out what is done or owed nothing: MET, LATE and NOT_APPLICABLE", () => {
    const done = [
      assessment("e1", EntitlementStatus.MET, "2026-06-02T22:59:59.999Z"),
      assessment("e2", EntitlementStatus.LATE, "2026-06-02T22:59:59.999Z"),
      assessment("e3", EntitlementStatus.NOT_APPLICABLE, null),
    ];
    expect(dueOf("c1", done, NOW)).toEqual([]);
  });

  it("counts a deadline at 23:30 UTC in summer as the next London day", () => {
    // 2026-06-03T23:30Z is 00:30 on Thursday 4 June in London: not today.
    expect(dueOf("c1", [assessment("e1", EntitlementStatus.PENDING, "2026-06-03T23:30:00.000Z")], NOW)[0]?.when).toBe(DueWhen.DUE_LATER);
  });
});

describe("pageOfDue", () => {
  // Forty items over ten cases and four deadlines, with ties to break.
  const items: DueEntitlement[] = [];
  for (let c = 0; c < 10; c++) {
    for (let d = 0; d < 4; d++) {
      const status = d === 0 ? EntitlementStatus.MISSED : EntitlementStatus.PENDING;
      items.push(...dueOf(`case-${c}`, [assessment(`e${d}`, status, `2026-06-0${2 + d}T22:59:59.999Z`)], NOW));
    }
  }
  const key = (d: DueEntitlement) => `${d.caseId}/${d.assessment.triggeringEvent.id}`;

  it.each([1, 3, 7, 40, 100])("pages of %i visit every item once, in deadline order", (first) => {
    const seen: DueEntitlement[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = pageOfDue([...items].reverse(), { first, after, when: [] });
      seen.push(...page.items);
      expect(page.items.length).toBeLessThanOrEqual(first);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen.map(key).sort()).toEqual(items.map(key).sort());
    const deadlines = seen.map((d) => d.assessment.dueAt!.getTime());
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
  });

  it("neither repeats nor skips when an item before the cursor is done between pages", () => {
    const first = pageOfDue(items, { first: 5, when: [] });
    const remaining = items.filter((d) => d !== first.items[0]);
    const second = pageOfDue(remaining, { first: 100, after: first.endCursor, when: [] });
    expect(second.items.map(key)).toEqual(
      items
        .filter((d) => !first.items.includes(d))
        .sort((a, b) => a.assessment.dueAt!.getTime() - b.assessment.dueAt!.getTime() || (a.caseId < b.caseId ? -1 : 1))
        .map(key),
    );
  });

  it("keeps only the windows asked for", () => {
    const page = pageOfDue(items, { first: 100, when: [DueWhen.OVERDUE, DueWhen.DUE_TODAY] });
    expect(new Set(page.items.map((d) => d.when))).toEqual(new Set([DueWhen.OVERDUE, DueWhen.DUE_TODAY]));
    expect(page.items).toHaveLength(20);
  });

  it("ends with no cursor on an empty page", () => {
    expect(pageOfDue([], { first: 5, when: [] })).toEqual({ items: [], endCursor: null, hasNextPage: false });
  });

  it.each(["not-base64!", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["x","c","e","v"]').toString("base64url"), ""])(
    "refuses a cursor it did not give (%j) with INVALID_INPUT",
    (after) => {
      if (after === "") {
        // An empty cursor is no cursor: the first page.
        expect(pageOfDue(items, { first: 1, after, when: [] }).items).toHaveLength(1);
        return;
      }
      expect(() => pageOfDue(items, { first: 1, after, when: [] })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "INVALID_INPUT", argument: "after" }) }));
    },
  );
});
