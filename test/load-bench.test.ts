import { readFileSync } from "node:fs";
import { PartnerCode } from "../connectors/partners";
import { largeCrime, largeId, largePoliceRecords, largeStandInData, LargeSizes, isPankhurstSharedCase, largePankhurstRecord, crimeReference, victimOfCase, partnerOfReferral, referralStatus, caseOfReferral } from "../bench/large-data";
import { seedLarge } from "../bench/seed-large";
import { startHub } from "../src/hub";
import { loadConfig } from "../src/platform/config";
import { OrganisationCode } from "../src/platform/domain";
import { createLogger } from "../src/platform/logger";
import { assertAccessModeAllowed, PermitAllRefusedError } from "../src/policy/permit-all";
import { startTestHub, TestHub } from "./support/hub";

/**
 * The load benchmark's pieces that must be right for its figures to mean
 * anything (bench/load.ts runs the benchmark itself, outside `npm test`):
 * the large data set's generator agrees with itself and between the
 * database and the source stand-ins, and the permit-all comparison mode
 * cannot run in production.
 */

const SIZES: LargeSizes = { victims: 20, cases: 30, crimes: 60, referrals: 40 };
const SHARED_CASE_VIEW = readFileSync("schema/operations/shared-case-view.graphql", "utf8");

async function caseView(hub: TestHub, id: string) {
  const res = await fetch(hub.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(await hub.as({ organisation: OrganisationCode.PANKHURST })) },
    body: JSON.stringify({ query: SHARED_CASE_VIEW, operationName: "SharedCaseView", variables: { id } }),
  });
  return (await res.json()) as { data?: { case: Record<string, unknown> | null }; errors?: { path?: unknown[]; extensions?: { code?: string } }[] };
}

/** A case whose victim Pankhurst has no open relationship with: no referral to it of any of their cases, or only declined ones. */
function notSharedWithPankhurst(): number {
  const cases = Array.from({ length: SIZES.cases }, (_, k) => k + 1);
  const referrals = Array.from({ length: SIZES.referrals }, (_, k) => k + 1);
  const open = referrals.filter((r) => partnerOfReferral(r, SIZES) === PartnerCode.PANKHURST && referralStatus(r) !== "DECLINED");
  const shared = new Set(open.map((r) => victimOfCase(caseOfReferral(r, SIZES), SIZES)));
  const i = cases.find((n) => !shared.has(victimOfCase(n, SIZES)));
  if (i === undefined) throw new Error("every victim is shared with Pankhurst at these sizes");
  return i;
}

async function auditCount(hub: TestHub): Promise<number> {
  const [{ count }] = (await hub.db.dataSource.query(`SELECT count(*)::int AS count FROM governance.audit_event`)) as { count: number }[];
  return count;
}

describe("the large synthetic data set", () => {
  it("generates the same crimes, updates, orders and partner records from the same numbers every time", () => {
    const a = largeStandInData(SIZES);
    const b = largeStandInData(SIZES);
    for (let j = 1; j <= SIZES.crimes; j++) {
      const reference = crimeReference(j);
      expect(a.police?.crime(reference)).toEqual(b.police?.crime(reference));
      expect(a.police?.updates(reference)).toEqual(b.police?.updates(reference));
      expect(a.police?.orders(reference)).toEqual(b.police?.orders(reference));
    }
    for (let i = 1; i <= SIZES.cases; i++) {
      expect(a.partners?.[PartnerCode.PANKHURST]?.(largeId("case", i))).toEqual(b.partners?.[PartnerCode.PANKHURST]?.(largeId("case", i)));
    }
    expect(largeCrime(7, SIZES)).toEqual(largeCrime(7, SIZES));
  });

  it("serves no crime beyond the last one generated", () => {
    const police = largePoliceRecords(SIZES);
    expect(police.crime(crimeReference(SIZES.crimes))).toBeDefined();
    expect(police.crime(crimeReference(SIZES.crimes + 1))).toBeUndefined();
    expect(police.updates(crimeReference(SIZES.crimes + 1))).toEqual([]);
  });

  describe("seeded into the store", () => {
    let hub: TestHub;
    beforeAll(async () => {
      hub = await startTestHub({}, { standInData: largeStandInData(SIZES) });
      await seedLarge((sql, params) => hub.db.dataSource.query(sql, params), SIZES);
    });
    afterAll(() => hub?.close());

    it("adds nothing when run again", async () => {
      const count = async () =>
        (await hub.db.dataSource.query(
          `SELECT (SELECT count(*) FROM victims."case") + (SELECT count(*) FROM partners.referral) + (SELECT count(*) FROM governance.relationship)
                + (SELECT count(*) FROM governance.consent) + (SELECT count(*) FROM governance.subject_link) AS n`,
        )) as { n: string }[];
      const before = await count();
      await seedLarge((sql, params) => hub.db.dataSource.query(sql, params), SIZES);
      expect(await count()).toEqual(before);
    });

    it("gives every case a crime the police API holds, and the police the victim's reference the store holds", async () => {
      const rows = (await hub.db.dataSource.query(
        `SELECT c.crime_reference, v.police_victim_ref FROM victims."case" c JOIN victims.victim v ON v.id = c.victim_id WHERE c.id::text LIKE 'b2000000-%'`,
      )) as { crime_reference: string; police_victim_ref: string }[];
      expect(rows).toHaveLength(SIZES.cases);
      const police = largePoliceRecords(SIZES);
      for (const row of rows) expect(police.crime(row.crime_reference)?.victimRef).toBe(row.police_victim_ref);
    });

    it("gives Pankhurst records for exactly the cases it has an accepted referral, an open relationship and consent for", async () => {
      const shared = (await hub.db.dataSource.query(
        `SELECT DISTINCT r.case_id FROM partners.referral r
         JOIN governance.relationship rel ON rel.source_ref = r.id::text AND rel.organisation = 'PANKHURST' AND rel.closed_at IS NULL
         JOIN governance.consent c ON c.id = r.consent_id AND c.recipient = 'PANKHURST' AND c.withdrawn_at IS NULL
         WHERE r.partner = 'PANKHURST' AND r.status = 'ACCEPTED' AND r.id::text LIKE 'b4000000-%'`,
      )) as { case_id: string }[];
      const fromStore = shared.map((r) => r.case_id).sort();
      const fromSource = Array.from({ length: SIZES.cases }, (_, k) => k + 1)
        .filter((i) => largePankhurstRecord(i, SIZES) !== undefined)
        .map((i) => largeId("case", i))
        .sort();
      expect(fromStore.length).toBeGreaterThan(0);
      expect(fromStore).toEqual(fromSource);
    });

    it("shows a Pankhurst caseworker the whole shared case view of a case shared with it, without a refusal", async () => {
      const i = Array.from({ length: SIZES.cases }, (_, k) => k + 1).find((n) => isPankhurstSharedCase(n, SIZES) && n % 6 === 4) as number;
      const body = await caseView(hub, largeId("case", i));
      expect(body.errors).toBeUndefined();
      const kase = body.data?.case as { victim: { familyName: string }; crime: { crimeReference: string; updates: unknown[] }; episodes: unknown[]; riskAssessments: unknown[] };
      expect(kase.victim.familyName).toMatch(/^Person \d{6}$/);
      expect(kase.crime.crimeReference).toBe(crimeReference(i));
      expect(kase.crime.updates).toHaveLength(i % 5);
      expect(kase.episodes).toHaveLength(1);
      expect(kase.riskAssessments.length).toBeGreaterThan(0);
    });
  });
});

describe("the permit-all comparison mode", () => {
  it.each([
    ["guarded", "production", "production", true],
    ["permit-all-unaudited", "test", "test", true],
    ["permit-all-unaudited", "development", undefined, true],
    ["permit-all-unaudited", "production", "test", false],
    ["permit-all-unaudited", "test", "production", false],
  ] as const)("mode %s with config %s and process NODE_ENV %s may start: %s", (mode, configEnv, processEnv, allowed) => {
    const check = () => assertAccessModeAllowed(mode, { env: configEnv }, { NODE_ENV: processEnv });
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(PermitAllRefusedError);
  });

  it("refuses to start a hub under NODE_ENV=production before opening anything", async () => {
    const config = loadConfig({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      AUTH_DEV_KEYS: "true",
      INSIGHTS_PSEUDONYM_KEY: "test-only-insights-pseudonym-key-0000000",
      GATEWAY_SIGNING_KEY: "test-only-gateway-signing-key-000000000000",
    });
    await expect(startHub(config, createLogger("silent"), { ephemeralPorts: true, access: "permit-all-unaudited" })).rejects.toThrow(PermitAllRefusedError);
  });

  it("refuses to start a hub whose process runs under NODE_ENV=production, whatever the config says", async () => {
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", AUTH_DEV_KEYS: "true" });
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await expect(startHub(config, createLogger("silent"), { ephemeralPorts: true, access: "permit-all-unaudited" })).rejects.toThrow(PermitAllRefusedError);
    } finally {
      process.env.NODE_ENV = saved;
    }
  });

  it("is not reachable from configuration: a hub started from config alone refuses a partner what it may not see, and audits it", async () => {
    const hub = await startTestHub({ ACCESS: "permit-all-unaudited", ACCESS_MODE: "permit-all-unaudited" }, { standInData: largeStandInData(SIZES) });
    try {
      await seedLarge((sql, params) => hub.db.dataSource.query(sql, params), SIZES);
      const before = await auditCount(hub);
      const body = await caseView(hub, largeId("case", notSharedWithPankhurst()));
      // Withheld as if it did not exist, and the refusal audited.
      expect(body.data?.case ?? null).toBeNull();
      expect(await auditCount(hub)).toBeGreaterThan(before);
    } finally {
      await hub.close();
    }
  });

  it("releases what the guarded hub refuses, and writes no audit", async () => {
    const hub = await startTestHub({}, { access: "permit-all-unaudited", standInData: largeStandInData(SIZES) });
    try {
      await seedLarge((sql, params) => hub.db.dataSource.query(sql, params), SIZES);
      const before = await auditCount(hub);
      const i = notSharedWithPankhurst();
      const body = await caseView(hub, largeId("case", i));
      expect(body.errors).toBeUndefined();
      expect((body.data?.case as { victim: { familyName: string } }).victim.familyName).toBe(`Person ${String(victimOfCase(i, SIZES)).padStart(6, "0")}`);
      expect(await auditCount(hub)).toBe(before);
    } finally {
      await hub.close();
    }
  });
});
