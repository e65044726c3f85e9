import { assessEntitlements, EntitlementAssessment } from "./engine";
import { ClassifiedCrime, enhancedRightsFromCrime } from "./enhanced-rights";
import { EnhancedRightsCategory, EnhancedRightsReason, EntitlementCode, PoliceEventKind } from "./rules";

const crime = (over: Partial<ClassifiedCrime> & { codes?: [string, string][] }): ClassifiedCrime => ({
  recordedAt: "2026-03-02T10:00:00.000Z",
  flags: {},
  classificationHistory: (over.codes ?? [["2026-03-02T10:00:00.000Z", "8L"]]).map(([at, homeOfficeCode]) => ({ at, homeOfficeCode })),
  ...over,
});

/**
 * Written from the Code's list of victims entitled to Enhanced Rights (rules.ts
 * names the source beside each rule): which records give them, for what
 * reason, and from when.
 */
describe("Enhanced Rights worked out from the police record", () => {
  it.each<[string, ClassifiedCrime, [EnhancedRightsReason, EnhancedRightsCategory, string][]]>([
    ["harassment alone: none (only repeated harassment is persistent targeting, which a caseworker judges)", crime({ flags: { harassment: true } as never }), []],
    [
      "harassment reclassified as stalking: persistently targeted from the reclassification",
      crime({ codes: [["2026-03-02T10:00:00.000Z", "8L"], ["2026-04-20T09:00:00.000Z", "8Q"]], flags: { stalking: true } }),
      [[EnhancedRightsReason.STALKING, EnhancedRightsCategory.PERSISTENTLY_TARGETED, "2026-04-20T09:00:00.000Z"]],
    ],
    [
      "a stalking flag on another offence: from the crime's recording (the record gives flags no dates)",
      crime({ flags: { stalking: true } }),
      [[EnhancedRightsReason.STALKING, EnhancedRightsCategory.PERSISTENTLY_TARGETED, "2026-03-02T10:00:00.000Z"]],
    ],
    ["domestic abuse flag: most serious crime", crime({ flags: { domesticAbuse: true } }), [[EnhancedRightsReason.DOMESTIC_ABUSE, EnhancedRightsCategory.MOST_SERIOUS_CRIME, "2026-03-02T10:00:00.000Z"]]],
    [
      "controlling or coercive behaviour (8U): most serious crime, from when it was so classified",
      crime({ codes: [["2026-03-02T10:00:00.000Z", "8L"], ["2026-05-01T12:00:00.000Z", "8U"]] }),
      [[EnhancedRightsReason.CONTROLLING_OR_COERCIVE, EnhancedRightsCategory.MOST_SERIOUS_CRIME, "2026-05-01T12:00:00.000Z"]],
    ],
    ["a hate crime strand: most serious crime", crime({ flags: { hateCrimeStrand: "RACE" } }), [[EnhancedRightsReason.HATE_CRIME, EnhancedRightsCategory.MOST_SERIOUS_CRIME, "2026-03-02T10:00:00.000Z"]]],
    ["no hate crime strand (null): none", crime({ flags: { hateCrimeStrand: null } }), []],
    [
      "modern slavery (106): human trafficking, from the classification",
      crime({ codes: [["2026-02-01T08:00:00.000Z", "106"]], flags: { modernSlavery: true } }),
      [[EnhancedRightsReason.HUMAN_TRAFFICKING, EnhancedRightsCategory.MOST_SERIOUS_CRIME, "2026-02-01T08:00:00.000Z"]],
    ],
  ])("%s", (_label, record, expected) => {
    expect(enhancedRightsFromCrime(record).map((b) => [b.reason, b.category, b.from?.toISOString()])).toEqual(expected);
  });
});

describe("the engine applies worked-out Enhanced Rights from their date, not before", () => {
  const reclassifiedAt = new Date("2026-04-20T09:00:00.000Z");
  const assess = (recorded: EnhancedRightsCategory[] = []): EntitlementAssessment[] =>
    assessEntitlements(
      {
        enhancedRights: recorded,
        enhancedRightsFrom: [{ category: EnhancedRightsCategory.PERSISTENTLY_TARGETED, reason: EnhancedRightsReason.STALKING, from: reclassifiedAt }],
        referralDeclined: false,
        policeEvents: [
          { id: "before", kind: PoliceEventKind.SUSPECT_ARRESTED, occurredAt: new Date("2026-04-14T10:00:00.000Z") },
          { id: "after", kind: PoliceEventKind.SUSPECT_CHARGED, occurredAt: new Date("2026-04-21T10:00:00.000Z") },
        ],
        contacts: [],
      },
      { now: new Date("2026-06-01T00:00:00Z") },
    ).filter((r) => r.entitlement === EntitlementCode.R6_TOLD_OF_KEY_DECISION);

  it("gives the standard 5 working days to a decision before the reclassification and 1 to one after, with the reason", () => {
    expect(assess().map((r) => [r.triggeringEvent.id, r.workingDaysAllowed, r.enhancedRightsReasons, r.dueAt?.toISOString()])).toEqual([
      // Tuesday 14 April 2026 + 5 working days: Tuesday 21 April, 23:59:59.999 BST.
      ["before", 5, [], "2026-04-21T22:59:59.999Z"],
      // Tuesday 21 April + 1: Wednesday 22 April.
      ["after", 1, [EnhancedRightsReason.STALKING], "2026-04-22T22:59:59.999Z"],
    ]);
  });

  it("still applies a category recorded on the case to every event, and says so", () => {
    expect(assess([EnhancedRightsCategory.VULNERABLE]).map((r) => [r.triggeringEvent.id, r.workingDaysAllowed, r.enhancedRightsReasons])).toEqual([
      ["before", 1, [EnhancedRightsReason.RECORDED]],
      ["after", 1, [EnhancedRightsReason.RECORDED, EnhancedRightsReason.STALKING]],
    ]);
  });
});
