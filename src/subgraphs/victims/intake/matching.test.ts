import fc from "fast-check";
import { CANDIDATE_THRESHOLD, ExactIdentifier, jaroWinkler, KnownPerson, matchPerson, MatchReason, PersonDetails } from "./matching";

const known = (id: string, details: PersonDetails): KnownPerson => ({ id, ...details });
const personA: PersonDetails = {
  givenName: "Test",
  familyName: "Person A",
  dateOfBirth: "1990-04-12",
  email: "test.person.a@example.invalid",
  phone: "07700 900001",
  postcode: "M1 1AA",
  policeVictimRef: "SYN-VICTIM-000901",
};

describe("exact identifiers match automatically", () => {
  it.each([
    ["the police victim reference", { policeVictimRef: "SYN-VICTIM-000901" }, ExactIdentifier.POLICE_VICTIM_REF],
    ["the same email and date of birth", { email: "TEST.Person.A@example.invalid ", dateOfBirth: "1990-04-12" }, ExactIdentifier.EMAIL_AND_DATE_OF_BIRTH],
    ["the same phone (+44 form) and date of birth", { phone: "+44 7700 900001", dateOfBirth: "1990-04-12" }, ExactIdentifier.PHONE_AND_DATE_OF_BIRTH],
  ])("matches on %s", (_label, incoming, identifier) => {
    const outcome = matchPerson(incoming, [known("a", personA), known("b", { givenName: "Test", familyName: "Person B" })]);
    expect(outcome.exact?.person.id).toBe("a");
    expect(outcome.exact?.identifier).toBe(identifier);
    expect(outcome.candidates).toEqual([]);
  });

  it("does not match on an email without a date of birth", () => {
    const outcome = matchPerson({ email: personA.email }, [known("a", personA)]);
    expect(outcome.exact).toBeNull();
    expect(outcome.candidates.map((c) => c.person.id)).toEqual(["a"]);
    expect(outcome.candidates[0]?.reasons).toContain(MatchReason.SAME_IDENTIFIER);
  });

  it("puts a shared police reference with a different date of birth to a caseworker instead", () => {
    const outcome = matchPerson({ policeVictimRef: personA.policeVictimRef, dateOfBirth: "1991-04-12" }, [known("a", personA)]);
    expect(outcome.exact).toBeNull();
    expect(outcome.candidates[0]?.reasons).toEqual(expect.arrayContaining([MatchReason.SAME_IDENTIFIER, MatchReason.DIFFERENT_DATE_OF_BIRTH]));
  });

  it("takes neither of two people the details identify exactly", () => {
    const twin = known("b", { ...personA, policeVictimRef: null, phone: null });
    const outcome = matchPerson({ email: personA.email, dateOfBirth: personA.dateOfBirth }, [known("a", personA), twin]);
    expect(outcome.exact).toBeNull();
    expect(outcome.candidates.map((c) => c.person.id).sort()).toEqual(["a", "b"]);
  });
});

describe("scored candidates are only ever candidates", () => {
  it.each([
    ["a similar name, the same date of birth and postcode", true, { givenName: "Test", familyName: "Persn A", dateOfBirth: "1990-04-12", postcode: "m11aa" }],
    ["a similar name and the same date of birth", true, { givenName: "Test", familyName: "Person A", dateOfBirth: "1990-04-12" }],
    ["a similar name only", false, { givenName: "Test", familyName: "Person A" }],
    ["the same postcode only", false, { givenName: "Other", familyName: "Someone", postcode: "M1 1AA" }],
    ["the same name and postcode but a different date of birth", false, { givenName: "Test", familyName: "Person A", dateOfBirth: "1990-04-13", postcode: "M1 1AA" }],
  ])("%s → candidate: %s", (_label, isCandidate, incoming) => {
    const outcome = matchPerson(incoming, [known("a", personA)]);
    expect(outcome.exact).toBeNull();
    expect(outcome.candidates.length === 1).toBe(isCandidate);
    if (isCandidate) expect(outcome.candidates[0]!.score).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD);
  });

  it("scores identical names 1 and unrelated ones low", () => {
    expect(jaroWinkler("test person a", "test person a")).toBe(1);
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3); // Winkler's own example
    expect(jaroWinkler("abc", "xyz")).toBe(0);
  });
});

describe("property: records with different dates of birth", () => {
  const date = fc.date({ min: new Date("1920-01-01T00:00:00Z"), max: new Date("2020-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const text = fc.option(fc.constantFrom("Test", "Person A", "Person B", "test.person@example.invalid", "07700 900001", "M1 1AA", "SYN-VICTIM-1"), { nil: null });
  const details = fc.record({
    policeVictimRef: text,
    givenName: text,
    familyName: text,
    email: text,
    phone: text,
    postcode: text,
  });

  it("are never matched automatically, whatever else they share", () => {
    fc.assert(
      fc.property(details, details, date, date, fc.boolean(), (a, b, dobA, dobB, copyIdentifiers) => {
        fc.pre(dobA !== dobB);
        // Half the time the second record shares every identifier of the first.
        const other = copyIdentifiers ? { ...a, dateOfBirth: dobB } : { ...b, dateOfBirth: dobB };
        const outcome = matchPerson({ ...a, dateOfBirth: dobA }, [known("k", other)]);
        expect(outcome.exact).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
