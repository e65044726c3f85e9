import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { SUBGRAPH_NAMES } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { INPUT_BOUNDS, requiredBounds } from "../src/platform/input-bounds";
import { SYNTHETIC_CASE_IDS } from "../src/platform/synthetic";
import { SUBGRAPHS } from "../src/subgraphs";
import { graphql, startTestHub, TestHub } from "./support/hub";

/**
 * Input bounds from the caller's side: a value over its declared maximum is
 * refused with INVALID_INPUT naming the argument, by the gateway before any
 * subgraph is asked and by a subgraph asked directly, and nothing is written
 * or audited; a value at the maximum is accepted; and no argument of any
 * subgraph is without a declared bound.
 */
describe("every argument and input field has a declared bound", () => {
  it("declares a length for every String and ID, and a size for every list, of every subgraph; and nothing else", async () => {
    const missing: string[] = [];
    const tooSmallForTheEnum: string[] = [];
    const seen = new Set<string>();
    for (const name of SUBGRAPH_NAMES) {
      for (const required of requiredBounds(await SUBGRAPHS[name].buildSchema())) {
        seen.add(required.key);
        const declared = INPUT_BOUNDS[required.key]?.[required.needs];
        if (declared === undefined) missing.push(`${name}: ${required.key} needs ${required.needs}`);
        else if (required.enumValues !== undefined && declared < required.enumValues) tooSmallForTheEnum.push(`${required.key}: ${declared} < ${required.enumValues} values`);
      }
    }
    expect(missing).toEqual([]);
    expect(tooSmallForTheEnum).toEqual([]);
    // An entry that bounds nothing is a typo or a field since removed: either way a bound someone thinks holds does not.
    expect(Object.keys(INPUT_BOUNDS).filter((key) => !seen.has(key))).toEqual([]);
  });
});

let hub: TestHub;
let gmvs: Record<string, string>;
beforeAll(async () => {
  hub = await startTestHub();
  gmvs = await hub.as({ organisation: OrganisationCode.GMVS });
});
afterAll(async () => {
  await hub?.close();
});

const SELF_REFER = /* GraphQL */ `
  mutation SelfRefer($input: SelfReferralInput!) {
    selfRefer(input: $input) { case { id victim { givenName familyName } } }
  }
`;
const RECORD_CONTACT = /* GraphQL */ `
  mutation RecordContact($caseId: ID!, $summary: String!) {
    recordContact(caseId: $caseId, input: { occurredAt: "2026-10-16T10:00:00Z", channel: PHONE, purpose: PROGRESS_UPDATE, summary: $summary }) { id summary }
  }
`;

/** Rows in every table a referral or a contact writes to, and the audit log. */
async function written(): Promise<Record<string, number>> {
  const [row] = await hub.db.dataSource.query(`
    SELECT (SELECT count(*)::int FROM victims.victim) AS victims,
           (SELECT count(*)::int FROM victims."case") AS cases,
           (SELECT count(*)::int FROM victims.contact) AS contacts,
           (SELECT count(*)::int FROM governance.subject_link) AS subject_links,
           (SELECT count(*)::int FROM governance.relationship) AS relationships,
           (SELECT count(*)::int FROM governance.audit_event) AS audit_events`);
  return row;
}

function person(overrides: Record<string, unknown> = {}) {
  return { givenName: "Test", familyName: `Person B${randomUUID().slice(0, 8)}`, dateOfBirth: "1991-03-04", ...overrides };
}

describe("a value over its bound, through the gateway", () => {
  it("refuses a 500 KB given name with INVALID_INPUT naming input.victim.givenName, and writes nothing", async () => {
    const before = await written();
    const victim = person({ givenName: "a".repeat(500 * 1024) });
    const response = await graphql(hub.url, SELF_REFER, { input: { victim, borough: "SALFORD" } }, gmvs);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]).toMatchObject({
      message: "input.victim.givenName is longer than 100 characters",
      extensions: { code: "INVALID_INPUT", argument: "input.victim.givenName", maxLength: 100 },
    });
    expect(await written()).toEqual(before);
    const stored = await hub.db.dataSource.query(`SELECT count(*)::int AS n FROM victims.victim WHERE family_name = $1`, [victim.familyName]);
    expect(stored).toEqual([{ n: 0 }]);
  });

  it("refuses a literal in the operation's text the same as a variable", async () => {
    const before = await written();
    const gmp = await hub.as({ organisation: OrganisationCode.GMP });
    const response = await graphql(
      hub.url,
      `mutation { receivePoliceReferral(input: {
          crimeReference: "${"SYN/".repeat(20)}", crimeReportedAt: "2026-10-01T09:00:00Z", victimOptedOut: false, policeVictimRef: "SYN-V-1",
          victim: { givenName: "Test" }, borough: BURY }) { caseId } }`,
      {},
      gmp,
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "input.crimeReference", maxLength: 64 });
    expect(await written()).toEqual(before);
  });

  it("refuses a list over its size with INVALID_INPUT naming it, and writes nothing", async () => {
    const before = await written();
    const enhancedRights = Array.from({ length: 51 }, () => "PERSISTENTLY_TARGETED");
    const response = await graphql(hub.url, SELF_REFER, { input: { victim: person(), borough: "SALFORD", enhancedRights } }, gmvs);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]).toMatchObject({
      message: "input.enhancedRights has more than 50 items",
      extensions: { code: "INVALID_INPUT", argument: "input.enhancedRights", maxItems: 50 },
    });
    expect(await written()).toEqual(before);
  });

  it("accepts a contact summary of exactly 4,000 characters and refuses 4,001, writing nothing", async () => {
    const before = await written();
    const over = await graphql(hub.url, RECORD_CONTACT, { caseId: SYNTHETIC_CASE_IDS.selfReferral, summary: "b".repeat(4_001) }, gmvs);
    expect(over.status).toBe(400);
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "input.summary", maxLength: 4_000 });
    expect(await written()).toEqual(before);

    const atLimit = await graphql<{ recordContact: { summary: string } }>(hub.url, RECORD_CONTACT, { caseId: SYNTHETIC_CASE_IDS.selfReferral, summary: "b".repeat(4_000) }, gmvs);
    expect(atLimit.body.errors).toBeUndefined();
    expect(atLimit.body.data?.recordContact.summary).toHaveLength(4_000);
  });

  it("counts characters, not UTF-16 units: a 100-character name in a script outside the BMP is accepted", async () => {
    // U+1D49C MATHEMATICAL SCRIPT CAPITAL A: one character, two UTF-16 units.
    const givenName = "\u{1D49C}".repeat(100);
    const accepted = await graphql<{ selfRefer: { case: { victim: { givenName: string } } } }>(hub.url, SELF_REFER, { input: { victim: person({ givenName }), borough: "SALFORD" } }, gmvs);
    expect(accepted.body.errors).toBeUndefined();
    expect(accepted.body.data?.selfRefer.case.victim.givenName).toBe(givenName);

    const refused = await graphql(hub.url, SELF_REFER, { input: { victim: person({ givenName: `${givenName}a` }), borough: "SALFORD" } }, gmvs);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "input.victim.givenName" });
  });
});

describe("a value over its bound, sent straight to a subgraph", () => {
  it("is refused by the subgraph itself, with nothing written", async () => {
    const before = await written();
    const response = await graphql(hub.subgraphs.victims.url, SELF_REFER, { input: { victim: person({ familyName: "c".repeat(101) }), borough: "SALFORD" } }, gmvs);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "INVALID_INPUT", argument: "input.victim.familyName", maxLength: 100 });
    expect(await written()).toEqual(before);
  });
});
