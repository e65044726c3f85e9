import { randomUUID } from "node:crypto";
import { OrganisationCode } from "../src/platform/domain";
import { RefreshService } from "../src/subgraphs/insights/refresh/refresh.service";
import { feedSourcesOf, graphql, startTestHub, TEST_GATEWAY_SIGNING_KEY, TestHub } from "./support/hub";
import { recordCrime } from "./support/police";

/**
 * Issue 6: the evidence base fed by the hub's real fact sources (GMVS case
 * files and referrals out, src/insights-facts), made through the gateway and
 * refreshed as the schedule and `npm run insights:refresh` do.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ GATEWAY_SIGNING_KEY: TEST_GATEWAY_SIGNING_KEY });
});
afterAll(async () => {
  await hub?.close();
});

const gmp = () => hub.as({ organisation: OrganisationCode.GMP });
const gmvs = () => hub.as({ organisation: OrganisationCode.GMVS });
const pankhurst = () => hub.as({ organisation: OrganisationCode.PANKHURST });

function refresh() {
  return new RefreshService(hub.db.dataSource, feedSourcesOf(hub), { pseudonymKey: hub.config.insights.pseudonymKey, batchSize: 7 }).refresh();
}

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, headers: Promise<Record<string, string>>): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any -- read by path
  const { body } = await graphql<T>(hub.url, query, variables, await headers);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

/** GMP refers a victim of a stalking crime in `borough` to GMVS; GMVS records her consent to Pankhurst and refers her on. */
async function referredToPankhurst(borough: string, person: Record<string, string>) {
  const tag = randomUUID().slice(0, 8);
  const crimeReference = `SYN/F${tag.slice(0, 5)}/26`;
  recordCrime(hub, { crimeReference, homeOfficeCode: "8Q", description: "Stalking", borough: borough as never, flags: { stalking: true, domesticAbuse: true } });
  const { receivePoliceReferral } = await ok(
    `mutation($input: PoliceReferralInput!) { receivePoliceReferral(input: $input) { caseId } }`,
    {
      input: {
        crimeReference,
        crimeReportedAt: new Date(Date.now() - 3_600_000).toISOString(),
        victimOptedOut: false,
        policeVictimRef: `SYN-VICTIM-${tag}`,
        victim: { givenName: "Test", familyName: `Person F${tag}`, dateOfBirth: "1988-04-05", email: `test.f${tag}@example.invalid`, postcode: "M1 9ZZ", ...person },
        borough,
        thematicLead: "STALKING",
      },
    },
    gmp(),
  );
  const caseId = receivePoliceReferral.caseId as string;
  const { recordConsent } = await ok(
    `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`,
    { input: { caseId, recipient: "PANKHURST", categories: ["IDENTITY", "CONTACT", "SUPPORT"], purposes: ["SUPPORT"] } },
    gmvs(),
  );
  const { referToService } = await ok(
    `mutation($caseId: ID!, $consentId: ID) { referToService(caseId: $caseId, partner: PANKHURST, service: "Restore", categories: [IDENTITY, CONTACT, SUPPORT], consentId: $consentId, reason: "Synthetic: stalking advocacy") { id } }`,
    { caseId, consentId: recordConsent.id },
    gmvs(),
  );
  return { caseId, crimeReference, referralId: referToService.id as string, tag };
}

type FactRow = Record<string, unknown>;
const referralFacts = (borough: string): Promise<FactRow[]> =>
  hub.db.dataSource.query(`SELECT * FROM insights.referral_fact WHERE borough = $1 ORDER BY service`, [borough]);

describe("the evidence base from the hub's own fact sources", () => {
  it("counts a referral made through the gateway once, however often it is refreshed, and follows its withdrawal", async () => {
    const borough = "TAMESIDE";
    const { referralId } = await referredToPankhurst(borough, { sex: "FEMALE", ethnicity: "WHITE", disability: "LIMITED_A_LITTLE", ageBand: "AGE_35_44" });
    const first = await refresh();
    expect(first.status).toBe("FINISHED");
    expect(first.bySource.victims?.rejected).toBe(0);
    expect(first.bySource.partners?.rejected).toBe(0);

    const facts = await referralFacts(borough);
    // GMVS's intake (route POLICE, service GMVS) and the referral on to Pankhurst Restore (route PARTNER).
    expect(facts.map((f) => [f.route, f.service, f.status])).toEqual([
      ["POLICE", "GMVS", "WAITING"],
      ["PARTNER", "PANKHURST_RESTORE", "WAITING"],
    ]);
    for (const f of facts) {
      expect(f).toMatchObject({
        crime_type: "VIOLENCE_AND_SEXUAL_OFFENCES",
        stalking: true,
        domestic_abuse: true,
        sex: "FEMALE",
        ethnicity: "WHITE_DETAIL_NOT_RECORDED",
        ethnic_group: "WHITE",
        disability: "DISABLED",
        age_band: "AGE_35_44",
      });
    }

    const again = await refresh();
    expect(again.factsWritten).toBe(0);
    expect(await referralFacts(borough)).toHaveLength(2);

    await ok(`mutation($id: ID!) { receiveReferral(id: $id) { id } }`, { id: referralId }, pankhurst());
    await ok(`mutation($id: ID!) { withdrawReferral(id: $id, reason: "The victim no longer wants the service") { id } }`, { id: referralId }, gmvs());
    const afterWithdrawal = await refresh();
    expect(afterWithdrawal.bySource.partners?.upserted).toBe(1);
    const [, out] = await referralFacts(borough);
    expect(out).toMatchObject({ service: "PANKHURST_RESTORE", status: "CLOSED", outcome: "DECLINED_SUPPORT" });
    expect(await referralFacts(borough)).toHaveLength(2);
  });

  it("stores no name, id, reference, contact detail or free text in the insights schema", async () => {
    const borough = "ROCHDALE";
    const made = await referredToPankhurst(borough, { sex: "MALE" });
    await refresh();
    const columns: { table_name: string; column_name: string }[] = await hub.db.dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'insights' AND table_name LIKE '%\\_fact' ORDER BY table_name, ordinal_position`,
    );
    const names = columns.map((c) => c.column_name);
    for (const forbidden of [/name/, /birth/, /email/, /phone/, /postcode/, /address/, /case/, /crime_ref/, /victim/, /reason/, /referral_id/, /subject/]) {
      expect(names.filter((n) => forbidden.test(n))).toEqual([]);
    }
    const contents = JSON.stringify(
      await hub.db.dataSource.query(
        `SELECT to_jsonb(r) AS row FROM insights.referral_fact r UNION ALL SELECT to_jsonb(e) FROM insights.entitlement_fact e UNION ALL SELECT to_jsonb(s) FROM insights.survey_fact s`,
      ),
    );
    const identifiers = [made.caseId, made.referralId, made.crimeReference, `Person F${made.tag}`, `test.f${made.tag}@example.invalid`, "1988-04-05", "M1 9ZZ", "SYN-VICTIM", "stalking advocacy"];
    for (const identifier of identifiers) expect(contents).not.toContain(identifier);
    // Fact keys are HMACs, not the source's keys.
    const keys: { fact_key: string }[] = await hub.db.dataSource.query(`SELECT fact_key FROM insights.referral_fact WHERE borough = $1`, [borough]);
    for (const { fact_key } of keys) expect(fact_key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves the watermark where it was when the police API is down, and catches up once it is back", async () => {
    const borough = "OLDHAM";
    await referredToPankhurst(borough, {});
    hub.sources.standIns.police!.setMode("down");
    try {
      await expect(refresh()).rejects.toThrow(/police records API/);
    } finally {
      hub.sources.standIns.police!.setMode("up");
    }
    expect(await referralFacts(borough)).toEqual([]);
    await refresh();
    expect((await referralFacts(borough)).map((f) => f.service)).toEqual(["GMVS", "PANKHURST_RESTORE"]);
  });
});
