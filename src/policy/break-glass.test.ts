import { GraphQLError } from "graphql";
import { DEFAULT_BREAK_GLASS_REFERENCE_PATTERN } from "../platform/config";
import { OrganisationCode } from "../platform/domain";
import { Purpose, Role } from "../platform/principal";
import { breakGlassRequest, MAX_BREAK_GLASS_REASON, parseBreakGlassReason, startOfLondonDay } from "./break-glass";

const pattern = new RegExp(`^(?:${DEFAULT_BREAK_GLASS_REFERENCE_PATTERN})$`, "u");
const WHY = "Neighbour reports threats to kill; welfare visit now";
const supervisor = { subject: "s", organisation: OrganisationCode.PANKHURST, roles: [Role.SUPERVISOR], purpose: Purpose.SAFEGUARDING };

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return error instanceof GraphQLError ? { code: error.extensions.code, reason: error.extensions.reason ?? null, status: (error.extensions.http as { status: number }).status } : error;
  }
  return null;
}

describe("parseBreakGlassReason", () => {
  it.each([
    [`GMP-20261201-0001: ${WHY}`, "GMP-20261201-0001", WHY],
    [`  SG-MCR-004512 :  ${WHY.replace(/ /g, "   ")} `, "SG-MCR-004512", WHY],
    [`SG-2026A: ${WHY}: see log`, "SG-2026A", `${WHY}: see log`],
  ])("reads %j", (value, reference, justification) => {
    expect(parseBreakGlassReason(value, pattern)).toEqual({ reference, justification, text: `${reference}: ${justification}` });
  });

  it.each([
    ["aaaaaaaaaaaaaaaaaaaaaa"],
    [WHY],
    [`GMP-2026120-0001: ${WHY}`],
    [`gmp-20261201-0001: ${WHY}`],
    [`GMP-20261201-0001 ${WHY}`],
    ["GMP-20261201-0001: "],
    ["GMP-20261201-0001: aaaaaaaaaaaaaaaaaaaaaaaa"],
    ["GMP-20261201-0001: welfare visit now"],
    ["GMP-20261201-0001: too short a why"],
    [`GMP-20261201-0001: ${WHY}\nsecond line`],
  ])("refuses %j as INVALID_INPUT (400)", (value) => {
    expect(refusal(() => parseBreakGlassReason(value, pattern))).toEqual({ code: "INVALID_INPUT", reason: null, status: 400 });
  });

  it("refuses a reason over the length limit", () => {
    expect(refusal(() => parseBreakGlassReason(`GMP-20261201-0001: ${"why ".repeat(MAX_BREAK_GLASS_REASON / 4)}`, pattern))).toEqual({ code: "INVALID_INPUT", reason: null, status: 400 });
  });
});

describe("breakGlassRequest", () => {
  it("is null where no reason is sent", () => {
    expect(breakGlassRequest(undefined, supervisor, { referencePattern: pattern })).toBeNull();
    expect(breakGlassRequest("  ", supervisor, { referencePattern: pattern })).toBeNull();
  });

  it("is for supervisors only", () => {
    expect(breakGlassRequest(`SG-MCR-1: ${WHY}`, supervisor, { referencePattern: pattern })?.reference).toBe("SG-MCR-1");
    const caseworker = { ...supervisor, roles: [Role.CASEWORKER] };
    expect(refusal(() => breakGlassRequest(`SG-MCR-1: ${WHY}`, caseworker, { referencePattern: pattern }))).toEqual({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED", status: 403 });
  });
});

describe("startOfLondonDay", () => {
  it.each([
    ["winter (GMT)", "2026-01-15T12:00:00Z", "2026-01-15T00:00:00.000Z"],
    ["summer (BST): midnight is 23:00 UTC the day before", "2026-07-01T10:00:00Z", "2026-06-30T23:00:00.000Z"],
    ["summer, after 23:00 UTC: already the next London day", "2026-07-01T23:30:00Z", "2026-07-01T23:00:00.000Z"],
    ["the day the clocks go forward, after the change", "2026-03-29T12:00:00Z", "2026-03-29T00:00:00.000Z"],
    ["the day the clocks go back, after the change", "2026-10-25T12:00:00Z", "2026-10-24T23:00:00.000Z"],
    ["exactly midnight", "2026-01-15T00:00:00Z", "2026-01-15T00:00:00.000Z"],
  ])("%s", (_name, now, midnight) => {
    expect(startOfLondonDay(new Date(now)).toISOString()).toBe(midnight);
  });
});
