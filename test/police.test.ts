import { randomUUID } from "node:crypto";
import { OrganisationCode } from "../src/platform/domain";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { graphql, startTestHub, TestHub } from "./support/hub";
import { policeStandIn } from "./support/police";

/**
 * The police subgraph over the police records API stand-in, through the
 * gateway: what a crime carries, who sees which part of it, batching, and
 * the police half of the Escalation story (DESIGN.md story 2).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

type Errors = { path?: (string | number)[]; extensions?: Record<string, unknown> }[];
const refusals = (errors: Errors = []) => Object.fromEntries(errors.map((e) => [e.path?.join("."), `${e.extensions?.code}:${e.extensions?.reason}`]));

const CRIME_FIELDS = `crimeReference recordedAt offence { code description } offenceCode offenceDescription
  classificationHistory { at code description reason } borough status outcome
  domesticAbuse stalking harassment controllingOrCoercive hateCrimeStrand modernSlavery fraud
  stalkingTriage { reviewedAt risk linesOfEnquiry spoConsidered legacyCase }
  victimRef suspectRef
  updates { id kind occurredAt summary }
  orders { id kind status appliedOn grantedOn expiresOn }`;

describe("a crime as GMP, its holder, sees it", () => {
  it("carries the classification, every flag, the triage, the identity references, and the updates oldest first with the orders", async () => {
    const { body } = await graphql<{ crime: Record<string, unknown> }>(
      hub.url,
      `query($ref: ID!) { crime(crimeReference: $ref) { ${CRIME_FIELDS} } }`,
      { ref: "SYN/000101/26" },
      await hub.as({ organisation: OrganisationCode.GMP }),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.crime).toEqual({
      crimeReference: "SYN/000101/26",
      recordedAt: "2026-09-01T10:15:00.000Z",
      offence: { code: "8Q", description: "Stalking" },
      offenceCode: "8Q",
      offenceDescription: "Stalking",
      classificationHistory: [{ at: "2026-09-01T10:15:00.000Z", code: "8Q", description: "Stalking", reason: "Classified on recording" }],
      borough: "MANCHESTER",
      status: "SUSPECT_CHARGED",
      outcome: null,
      domesticAbuse: true,
      stalking: true,
      harassment: false,
      controllingOrCoercive: false,
      hateCrimeStrand: null,
      modernSlavery: false,
      fraud: false,
      stalkingTriage: {
        reviewedAt: "2026-09-02T09:30:00.000Z",
        risk: "HIGH",
        linesOfEnquiry: expect.arrayContaining(["Request call data for the suspect's number"]),
        spoConsidered: true,
        legacyCase: false,
      },
      victimRef: "SYN-VICTIM-000101",
      suspectRef: "SYN-SUSPECT-000101",
      updates: ["ARREST", "INTERVIEWED_UNDER_CAUTION", "RELEASED_ON_BAIL_WITH_CONDITIONS", "CHARGED", "COURT_HEARING"].map((kind) =>
        expect.objectContaining({ kind }),
      ),
      orders: [{ id: "SYN-ORDER-000101-1", kind: "STALKING_PROTECTION_ORDER", status: "GRANTED", appliedOn: "2026-09-08", grantedOn: "2026-09-22", expiresOn: "2028-09-22" }],
    });
  });

  it("lists the most recent crimes in one borough through the police API's search", async () => {
    const police = policeStandIn(hub);
    const before = police.requestCount("/crimes");
    const { body } = await graphql<{ crimes: { crimeReference: string; borough: string }[] }>(
      hub.url,
      `{ crimes(first: 10, borough: SALFORD) { crimeReference borough } }`,
      {},
      await hub.as({ organisation: OrganisationCode.GMP }),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.crimes).toEqual([{ crimeReference: "SYN/000102/26", borough: "SALFORD" }]);
    expect(police.requestCount("/crimes") - before).toBe(1);
  });

  it("fetches any number of crimes with their updates and orders in three police API calls", async () => {
    const police = policeStandIn(hub);
    const gmp = await hub.as({ organisation: OrganisationCode.GMP });
    const calls: number[] = [];
    for (const first of [1, 4, 9]) {
      const before = police.requestCount();
      const { body } = await graphql<{ crimes: unknown[] }>(
        hub.url,
        `query($first: Int!) { crimes(first: $first) { crimeReference updates { kind } orders { kind } } }`,
        { first },
        gmp,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.crimes).toHaveLength(first);
      calls.push(police.requestCount() - before);
    }
    expect(calls).toEqual([3, 3, 3]);
  });

  it("lets no organisation but GMP list crimes", async () => {
    const { body } = await graphql(hub.url, `{ crimes(first: 5) { crimeReference } }`, {}, await hub.as({ organisation: OrganisationCode.GMVS }));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ROLE_NOT_PERMITTED" });
  });
});

const CASE_CRIME = `query($id: ID!) { case(id: $id) { caseReference crime { ${CRIME_FIELDS} } } }`;
type CaseCrime = { case: { caseReference: string; crime: Record<string, unknown> } };

describe("who sees which part of a crime", () => {
  it("gives GMVS the victim's and suspect's identity references and the triage, which its agreement with GMP covers, but not a hate crime strand", async () => {
    const { body } = await graphql<CaseCrime>(hub.url, CASE_CRIME, { id: SYNTHETIC_CASE_IDS.clientM }, await hub.as({ organisation: OrganisationCode.GMVS }));
    expect(body.data?.case.crime).toMatchObject({ victimRef: "SYN-VICTIM-000101", suspectRef: "SYN-SUSPECT-000101", stalkingTriage: { risk: "HIGH" }, hateCrimeStrand: null });
    // A strand says which characteristic the victim was targeted for: special category data no GMP agreement shares.
    expect(refusals(body.errors)).toEqual({ "case.crime.hateCrimeStrand": "FORBIDDEN:NO_AGREEMENT" });
  });

  it("gives Client M's Restore advocate exactly the police updates her agreement and consent allow: no identity, no triage, nothing else", async () => {
    const restore = await hub.as({ organisation: OrganisationCode.PANKHURST, subject: "advocate-a7" });
    const { body } = await graphql<CaseCrime>(hub.url, CASE_CRIME, { id: SYNTHETIC_CASE_IDS.clientM }, restore);
    const crime = body.data?.case.crime;
    // Offence details and investigation updates: gmp-to-pankhurst-support, with Client M's consent.
    expect(crime).toMatchObject({
      offenceDescription: "Stalking",
      offence: { code: "8Q" },
      classificationHistory: [expect.objectContaining({ code: "8Q" })],
      status: "SUSPECT_CHARGED",
      stalking: true,
      orders: [expect.objectContaining({ kind: "STALKING_PROTECTION_ORDER", status: "GRANTED" })],
    });
    expect((crime?.updates as unknown[]).length).toBe(5);
    // Her consent names IDENTITY, but the agreement does not: consent cannot widen an agreement.
    // The triage is RISK and a hate crime strand PROTECTED_CHARACTERISTICS: no agreement gives either to Pankhurst.
    expect(crime).toMatchObject({ victimRef: null, suspectRef: null, stalkingTriage: null, hateCrimeStrand: null });
    expect(refusals(body.errors)).toEqual({
      "case.crime.victimRef": "FORBIDDEN:NO_AGREEMENT",
      "case.crime.suspectRef": "FORBIDDEN:NO_AGREEMENT",
      "case.crime.stalkingTriage": "FORBIDDEN:NO_AGREEMENT",
      "case.crime.hateCrimeStrand": "FORBIDDEN:NO_AGREEMENT",
    });
  });

  it("shows a Restore advocate none of the police record of a victim she has no relationship with, and asks the police API for none of it", async () => {
    const police = policeStandIn(hub);
    const restore = await hub.as({ organisation: OrganisationCode.PANKHURST, subject: "advocate-a7" });
    const before = police.requestCount("/updates:batch") + police.requestCount("/orders:batch");
    const { body } = await graphql<CaseCrime>(hub.url, CASE_CRIME, { id: SYNTHETIC_CASE_IDS.harassment }, restore);
    // Not even that the case exists: the same answer as for an unknown id.
    const unknown = await graphql<CaseCrime>(hub.url, CASE_CRIME, { id: randomUUID() }, restore);
    expect(body).toEqual({ data: { case: null } });
    expect(unknown.body).toEqual(body);
    // A withheld record is never resolved further, so nothing was fetched for it.
    expect(police.requestCount("/updates:batch") + police.requestCount("/orders:batch")).toBe(before);
  });
});

describe("story 2, Escalation: harassment reclassified as stalking involving serious alarm or distress", () => {
  it("keeps both classifications, oldest first, with the new one as the current offence, as GMVS sees it", async () => {
    const gmvs = await hub.as({ organisation: OrganisationCode.GMVS });
    const query = `query($id: ID!) { case(id: $id) { crime { crimeReference offenceCode offenceDescription offence { code description } stalking harassment classificationHistory { at code description reason } } } }`;
    const before = await graphql<CaseCrime>(hub.url, query, { id: SYNTHETIC_CASE_IDS.harassment }, gmvs);
    expect(before.body.data?.case.crime).toMatchObject({ crimeReference: "SYN/000102/26", offenceCode: "8L", offenceDescription: "Harassment" });

    const reason = "Reviewed: course of conduct causing serious alarm or distress with a substantial adverse effect on day-to-day activities";
    policeStandIn(hub).reclassify(
      "SYN/000102/26",
      // Protection from Harassment Act 1997 s.4A, classed under 8Q stalking (DOMAIN-REFERENCE.md 3.1).
      { at: "2026-09-20T11:00:00Z", homeOfficeCode: "8Q", description: "Stalking involving serious alarm or distress", reason },
      { stalking: true },
    );

    const after = await graphql<CaseCrime>(hub.url, query, { id: SYNTHETIC_CASE_IDS.harassment }, gmvs);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.case.crime).toEqual({
      crimeReference: "SYN/000102/26",
      offenceCode: "8Q",
      offenceDescription: "Stalking involving serious alarm or distress",
      offence: { code: "8Q", description: "Stalking involving serious alarm or distress" },
      stalking: true,
      harassment: true,
      classificationHistory: [
        { at: "2026-09-03T18:40:00.000Z", code: "8L", description: "Harassment", reason: "Classified on recording" },
        { at: "2026-09-20T11:00:00.000Z", code: "8Q", description: "Stalking involving serious alarm or distress", reason },
      ],
    });
  });
});
