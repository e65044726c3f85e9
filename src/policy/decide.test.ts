import fc from "fast-check";
import { OrganisationCode } from "../platform/domain";
import { Principal, Purpose, Role } from "../platform/principal";
import { ALL_CATEGORIES, DataCategory } from "./categories";
import { Agreement, Consent, decide, LawfulBasis, PolicyFacts, Relationship } from "./decide";

const NOW = new Date("2026-11-23T12:00:00Z");
const SUBJECT = "00000000-0000-4000-8000-000000000001";
const restore: Principal = { subject: "advocate-a7", organisation: OrganisationCode.PANKHURST, roles: [Role.CASEWORKER], purpose: Purpose.SUPPORT };
const policeToPankhurst: Agreement = {
  id: "gmp-to-pankhurst",
  version: 1,
  holder: OrganisationCode.GMP,
  recipients: [OrganisationCode.PANKHURST],
  categories: [DataCategory.OFFENCE_DETAILS],
  purposes: [Purpose.SUPPORT],
  lawfulBasis: LawfulBasis.CONSENT,
  requiresConsent: true,
  startsOn: new Date("2026-04-01T00:00:00Z"),
  endsOn: new Date("2027-04-01T00:00:00Z"),
};
const consent: Consent = {
  id: "c1",
  subjectId: SUBJECT,
  recipient: OrganisationCode.PANKHURST,
  categories: [DataCategory.OFFENCE_DETAILS],
  purposes: [Purpose.SUPPORT],
  givenAt: new Date("2026-09-01T00:00:00Z"),
  withdrawnAt: null,
};
const episode: Relationship = { subjectId: SUBJECT, organisation: OrganisationCode.PANKHURST, kind: "service-episode", openedAt: new Date("2026-09-01"), closedAt: null };
const facts = (over: Partial<PolicyFacts> = {}): PolicyFacts => ({ agreements: [policeToPankhurst], consents: [consent], relationships: [episode], now: NOW, ...over });
const gmp = { id: SUBJECT, holder: OrganisationCode.GMP };

describe("decide", () => {
  it.each([
    ["releases police offence details to Pankhurst under agreement, consent and an open episode", restore, facts(), "ALLOW"],
    ["refuses anyone not authenticated", null, facts(), "NOT_AUTHENTICATED"],
    ["refuses an analyst, whose role sees aggregates only", { ...restore, roles: [Role.ANALYST] }, facts(), "ROLE_NOT_PERMITTED"],
    ["refuses where the episode is closed", restore, facts({ relationships: [{ ...episode, closedAt: new Date("2026-10-01") }] }), "NO_RELATIONSHIP"],
    ["refuses where the relationship is another organisation's", restore, facts({ relationships: [{ ...episode, organisation: OrganisationCode.HOURGLASS }] }), "NO_RELATIONSHIP"],
    ["refuses without an agreement", restore, facts({ agreements: [] }), "NO_AGREEMENT"],
    ["refuses an agreement not yet in force", restore, facts({ agreements: [{ ...policeToPankhurst, startsOn: new Date("2027-01-01") }] }), "NO_AGREEMENT"],
    ["refuses an expired agreement", restore, facts({ agreements: [{ ...policeToPankhurst, endsOn: NOW }] }), "NO_AGREEMENT"],
    ["refuses a purpose the agreement does not cover", { ...restore, purpose: Purpose.INVESTIGATION }, facts(), "PURPOSE_NOT_COVERED"],
    ["refuses without consent where the agreement needs it", restore, facts({ consents: [] }), "NO_CONSENT"],
    ["refuses a consent for another category", restore, facts({ consents: [{ ...consent, categories: [DataCategory.SUPPORT] }] }), "NO_CONSENT"],
    ["refuses after the consent is withdrawn", restore, facts({ consents: [{ ...consent, withdrawnAt: new Date("2026-11-01") }] }), "CONSENT_WITHDRAWN"],
    ["releases when a fresh consent follows a withdrawn one", restore, facts({ consents: [{ ...consent, withdrawnAt: new Date("2026-11-01") }, { ...consent, id: "c2", givenAt: new Date("2026-11-02") }] }), "ALLOW"],
    ["releases without consent under a safeguarding agreement", restore, facts({ consents: [], agreements: [{ ...policeToPankhurst, lawfulBasis: LawfulBasis.SAFEGUARDING, requiresConsent: false }] }), "ALLOW"],
  ] as [string, Principal | null, PolicyFacts, string][])("%s", (_name, principal, f, expected) => {
    const d = decide(principal, gmp, DataCategory.OFFENCE_DETAILS, principal?.purpose ?? Purpose.SUPPORT, f);
    expect(d.decision === "ALLOW" ? "ALLOW" : d.reason).toBe(expected);
  });

  it("names the agreement and consent a release rests on", () => {
    expect(decide(restore, gmp, DataCategory.OFFENCE_DETAILS, Purpose.SUPPORT, facts())).toEqual({ decision: "ALLOW", basis: "AGREEMENT", agreementId: "gmp-to-pankhurst", consentId: "c1" });
  });

  it("lets the holder's own staff see their own record without agreement or consent", () => {
    const gmpOfficer: Principal = { subject: "pc-1", organisation: OrganisationCode.GMP, roles: [Role.CASEWORKER], purpose: Purpose.INVESTIGATION };
    expect(decide(gmpOfficer, gmp, DataCategory.OFFENCE_DETAILS, Purpose.INVESTIGATION, facts({ agreements: [], consents: [], relationships: [] })).decision).toBe("ALLOW");
  });

  it("refuses a subject governance does not know", () => {
    const d = decide(restore, { id: null, holder: OrganisationCode.GMP }, DataCategory.OFFENCE_DETAILS, Purpose.SUPPORT, facts());
    expect(d).toMatchObject({ decision: "DENY", reason: "NO_RELATIONSHIP" });
  });
});

/** Random principals, agreements, consents and relationships: a release always has its three grounds. */
describe("decide, for any facts", () => {
  const org = fc.constantFrom(...Object.values(OrganisationCode));
  const category = fc.constantFrom(...ALL_CATEGORIES);
  const purpose = fc.constantFrom(...Object.values(Purpose));
  const date = fc.date({ min: new Date("2025-01-01"), max: new Date("2028-01-01"), noInvalidDate: true });
  const subjectId = fc.constantFrom(SUBJECT, "00000000-0000-4000-8000-000000000002");
  const principal = fc.record({ subject: fc.string(), organisation: org, roles: fc.subarray(Object.values(Role), { minLength: 1 }), purpose });
  const agreement = fc.record({
    id: fc.string(),
    version: fc.nat(),
    holder: org,
    recipients: fc.subarray(Object.values(OrganisationCode)),
    categories: fc.subarray(ALL_CATEGORIES),
    purposes: fc.subarray(Object.values(Purpose)),
    lawfulBasis: fc.constantFrom(...Object.values(LawfulBasis)),
    requiresConsent: fc.boolean(),
    startsOn: date,
    endsOn: fc.option(date, { nil: null }),
  });
  const consentArb = fc.record({
    id: fc.string(),
    subjectId,
    recipient: org,
    categories: fc.subarray(ALL_CATEGORIES),
    purposes: fc.subarray(Object.values(Purpose)),
    givenAt: date,
    withdrawnAt: fc.option(date, { nil: null }),
  });
  const relationship = fc.record({ subjectId, organisation: org, kind: fc.constant("episode"), openedAt: date, closedAt: fc.option(date, { nil: null }) });
  const input = fc.record({
    principal,
    holder: org,
    category,
    facts: fc.record({ agreements: fc.array(agreement, { maxLength: 4 }), consents: fc.array(consentArb, { maxLength: 4 }), relationships: fc.array(relationship, { maxLength: 4 }), now: date }),
  });

  it("never releases another organisation's data without an open relationship, an agreement in force for the category and purpose, and consent where it is needed", () => {
    fc.assert(
      fc.property(input, ({ principal: p, holder, category: c, facts: f }) => {
        const d = decide(p, { id: SUBJECT, holder }, c, p.purpose, f);
        if (d.decision !== "ALLOW") return true;
        if (!p.roles.includes(Role.CASEWORKER) && !p.roles.includes(Role.SUPERVISOR)) return false;
        if (p.organisation === holder) return true;
        const related = f.relationships.some((r) => r.subjectId === SUBJECT && r.organisation === p.organisation && r.closedAt === null);
        const agreements = f.agreements.filter(
          (a) => a.holder === holder && a.recipients.includes(p.organisation) && a.categories.includes(c) && a.purposes.includes(p.purpose) && a.startsOn <= f.now && (a.endsOn === null || f.now < a.endsOn),
        );
        const consented = f.consents.some(
          (k) => k.subjectId === SUBJECT && k.recipient === p.organisation && k.categories.includes(c) && k.purposes.includes(p.purpose) && k.givenAt <= f.now && (k.withdrawnAt === null || k.withdrawnAt > f.now),
        );
        return related && agreements.length > 0 && (agreements.some((a) => !a.requiresConsent) || consented);
      }),
      { numRuns: 3000 },
    );
  });

  it("withdrawing every consent never turns a refusal into a release", () => {
    fc.assert(
      fc.property(input, ({ principal: p, holder, category: c, facts: f }) => {
        const withdrawn = { ...f, consents: f.consents.map((k) => ({ ...k, withdrawnAt: k.withdrawnAt ?? f.now })) };
        const before = decide(p, { id: SUBJECT, holder }, c, p.purpose, f);
        const after = decide(p, { id: SUBJECT, holder }, c, p.purpose, withdrawn);
        return before.decision === "ALLOW" || after.decision === "DENY";
      }),
      { numRuns: 2000 },
    );
  });
});
