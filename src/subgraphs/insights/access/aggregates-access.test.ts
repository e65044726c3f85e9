import { OrganisationCode } from "../../../platform/domain";
import { Principal, Purpose, Role } from "../../../platform/principal";
import type { Agreement } from "../../../policy/decide";
import { aggregateAccess } from "./aggregates-access";

const NOW = new Date("2026-10-01T12:00:00Z");
const AGGREGATES: Agreement = {
  id: "gmvs-to-gmca-aggregates",
  version: 1,
  holder: OrganisationCode.GMVS,
  recipients: [OrganisationCode.GMCA],
  categories: [],
  purposes: [Purpose.COMMISSIONING],
  lawfulBasis: "PUBLIC_TASK" as Agreement["lawfulBasis"],
  requiresConsent: false,
  startsOn: new Date("2026-04-01"),
  endsOn: new Date("2027-03-31"),
};
const gmca = (roles: Role[], purpose = Purpose.COMMISSIONING): Principal => ({ subject: "t", organisation: OrganisationCode.GMCA, roles, purpose });

describe("who may query the evidence base", () => {
  it.each([
    ["a GMCA commissioner, for commissioning", gmca([Role.COMMISSIONER]), [AGGREGATES], { allowed: true, agreementId: AGGREGATES.id }],
    ["a GMCA analyst, for commissioning", gmca([Role.ANALYST]), [AGGREGATES], { allowed: true, agreementId: AGGREGATES.id }],
    ["nobody signed in", null, [AGGREGATES], { allowed: false, reason: "NOT_AUTHENTICATED" }],
    ["a GMCA caseworker", gmca([Role.CASEWORKER]), [AGGREGATES], { allowed: false, reason: "ROLE_NOT_PERMITTED" }],
    ["a GMCA admin", gmca([Role.ADMIN]), [AGGREGATES], { allowed: false, reason: "ROLE_NOT_PERMITTED" }],
    ["a GMCA commissioner, for support", gmca([Role.COMMISSIONER], Purpose.SUPPORT), [AGGREGATES], { allowed: false, reason: "PURPOSE_NOT_COVERED" }],
    ["a GMCA commissioner with no agreement", gmca([Role.COMMISSIONER]), [], { allowed: false, reason: "NO_AGREEMENT" }],
    [
      "a GMCA commissioner whose agreement releases personal data",
      gmca([Role.COMMISSIONER]),
      [{ ...AGGREGATES, categories: ["DEMOGRAPHICS"] as Agreement["categories"] }],
      { allowed: false, reason: "NO_AGREEMENT" },
    ],
    [
      "a GMCA commissioner whose agreement has ended",
      gmca([Role.COMMISSIONER]),
      [{ ...AGGREGATES, endsOn: new Date("2026-09-30") }],
      { allowed: false, reason: "NO_AGREEMENT" },
    ],
    [
      "a GMCA commissioner whose agreement starts tomorrow",
      gmca([Role.COMMISSIONER]),
      [{ ...AGGREGATES, startsOn: new Date("2026-10-02") }],
      { allowed: false, reason: "NO_AGREEMENT" },
    ],
    [
      "a Pankhurst analyst, for commissioning",
      { ...gmca([Role.ANALYST]), organisation: OrganisationCode.PANKHURST },
      [AGGREGATES],
      { allowed: false, reason: "NO_AGREEMENT" },
    ],
  ])("%s: %j", (_name, principal, agreements, expected) => {
    expect(aggregateAccess(principal as Principal | null, agreements as Agreement[], NOW)).toEqual(expected);
  });
});
