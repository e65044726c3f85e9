import { embeddedTemplate } from "../test/support/store";
import { acceptsReferralWrites, PartnerCode, PartnerConnector } from "./partners";
import { fetchFromPartners, PARTNER_REGISTRY, PartnerStandIn } from "./registry";
import { emptyEmbeddedDataDir } from "./sql/embedded";
import { SYNTHETIC_GMVS_CASE_IDS as CASE } from "./synthetic";

/** Every partner through the registry, each against its own stand-in over its real protocol. */

const standIns = new Map<PartnerCode, PartnerStandIn>();
const connectors: PartnerConnector[] = [];

beforeAll(async () => {
  // Challenger's database starts from the run's empty store (test/support/store.ts), as a test hub's does.
  const emptyDataDir = await embeddedTemplate("empty", emptyEmbeddedDataDir);
  for (const entry of PARTNER_REGISTRY.values()) {
    const standIn = await entry.startStandIn({ emptyDataDir });
    standIns.set(entry.partner, standIn);
    connectors.push(await entry.create({ ...standIn.options, timeoutMs: 1_000 }));
  }
});

afterAll(async () => {
  await Promise.all(connectors.map((connector) => connector.close()));
  await Promise.all([...standIns.values()].map((standIn) => standIn.close()));
});

afterEach(() => {
  for (const standIn of standIns.values()) standIn.setAvailable(true);
});

const CASES = [CASE.clientM, CASE.selfReferral, CASE.trafficking];

describe("partner registry", () => {
  it("has an entry for every partner code, each building the connector for that partner", () => {
    expect([...PARTNER_REGISTRY.keys()].sort()).toEqual(Object.values(PartnerCode).sort());
    expect(connectors.map((connector) => connector.partner)).toEqual([...PARTNER_REGISTRY.keys()]);
  });

  it("says truly which connectors take referral updates", () => {
    for (const connector of connectors) {
      expect(acceptsReferralWrites(connector)).toBe(PARTNER_REGISTRY.get(connector.partner)?.acceptsReferralWrites);
    }
  });

  it("refuses to build a connector without the options its kind needs", async () => {
    await expect(PARTNER_REGISTRY.get(PartnerCode.PANKHURST)?.create({ baseUrl: "http://127.0.0.1:1" })).rejects.toThrow(/token/);
    await expect(PARTNER_REGISTRY.get(PartnerCode.HOURGLASS)?.create({})).rejects.toThrow(/returnsDir/);
    await expect(PARTNER_REGISTRY.get(PartnerCode.CHALLENGER)?.create({})).rejects.toThrow(/databaseUrl/);
  });

  it("fetches the same cases from all three partners, each answering for the cases it holds", async () => {
    const { records, unavailable } = await fetchFromPartners(connectors, CASES);

    expect(unavailable).toEqual([]);
    expect(records.get(PartnerCode.PANKHURST)?.map((r) => r?.gmvsCaseId ?? null)).toEqual([CASE.clientM, null, null]);
    expect(records.get(PartnerCode.HOURGLASS)?.map((r) => r?.gmvsCaseId ?? null)).toEqual([null, CASE.selfReferral, null]);
    expect(records.get(PartnerCode.CHALLENGER)?.map((r) => r?.gmvsCaseId ?? null)).toEqual([null, null, CASE.trafficking]);
  });

  it("still returns Hourglass's and Challenger's records when Pankhurst is down, with an error naming pankhurst", async () => {
    standIns.get(PartnerCode.PANKHURST)?.setAvailable(false);

    const { records, unavailable } = await fetchFromPartners(connectors, CASES);

    expect(records.has(PartnerCode.PANKHURST)).toBe(false);
    expect(records.get(PartnerCode.HOURGLASS)?.[1]?.hourglass).toMatchObject({ olderVictim: true, economicAbuse: true });
    expect(records.get(PartnerCode.CHALLENGER)?.[2]?.challenger?.nrmSubmissions).toHaveLength(1);
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0]).toMatchObject({ source: "pankhurst", reason: "NETWORK" });
  });

  it("still returns Pankhurst's and Hourglass's records when Challenger's database is down, with an error naming challenger", async () => {
    standIns.get(PartnerCode.CHALLENGER)?.setAvailable(false);

    const { records, unavailable } = await fetchFromPartners(connectors, CASES);

    expect(records.get(PartnerCode.PANKHURST)?.[0]?.gmvsCaseId).toBe(CASE.clientM);
    expect(records.get(PartnerCode.HOURGLASS)?.[1]?.gmvsCaseId).toBe(CASE.selfReferral);
    expect(unavailable.map((error) => [error.source, error.reason])).toEqual([["challenger", "NETWORK"]]);
  });

  it("still returns Pankhurst's and Challenger's records when Hourglass's landing store is down, with an error naming hourglass", async () => {
    standIns.get(PartnerCode.HOURGLASS)?.setAvailable(false);

    const { records, unavailable } = await fetchFromPartners(connectors, CASES);

    expect(records.has(PartnerCode.HOURGLASS)).toBe(false);
    expect(records.get(PartnerCode.PANKHURST)?.[0]?.gmvsCaseId).toBe(CASE.clientM);
    expect(records.get(PartnerCode.CHALLENGER)?.[2]?.gmvsCaseId).toBe(CASE.trafficking);
    expect(unavailable.map((error) => [error.source, error.reason])).toEqual([["hourglass", "NETWORK"]]);
  });

  it("adds a case record through the Pankhurst stand-in that the connector then returns", async () => {
    const gmvsCaseId = "5eed0000-0000-4000-8000-0000000000f1";
    const record = { ...(await connectors[0].fetchByKeys([CASE.clientM]))[0]!, gmvsCaseId, referrals: [], riskAssessments: [], safetyPlans: [], supportActions: [], outcomes: [] };
    record.episodes = record.episodes.map((episode) => ({ ...episode, id: "PK-EP-TEST-1", gmvsCaseId }));
    await standIns.get(PartnerCode.PANKHURST)?.addCaseRecords?.([record]);

    const [found] = await connectors[0].fetchByKeys([gmvsCaseId]);

    expect(found?.episodes.map((episode) => episode.id)).toEqual(["PK-EP-TEST-1"]);
  });
});
