import { hubFactSources } from "../../src/insights-facts/sources";
import { londonMonthOf } from "../../src/insights-facts/categories";
import { RefreshService } from "../../src/subgraphs/insights/refresh/refresh.service";
import { startTestHub, TestHub } from "../support/hub";
import { actors, consentTo, Data, policeReferral, referToRestore, send } from "./support";

/**
 * DESIGN.md story 4, Commissioner: GMCA pulls demand, waiting times,
 * referral routes and Victims' Code compliance by borough and by disability,
 * small cells suppressed, and exports CSV, from an evidence base refreshed
 * (as the hub's schedule does) from the real fact sources over referrals
 * made in this test through the gateway.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => {
  await hub?.close();
});

const TABLE = `query($measure: Measure!, $by: [Dimension!]!, $filter: EvidenceFilter) {
  evidenceBase(measure: $measure, by: $by, filter: $filter) {
    by cells { coordinates { value } value suppressed suppressionReason count { value } median { value suppressed } rate { value suppressed } } } }`;
type Cell = { coordinates: { value: string | null }[]; value: number | null; suppressed: boolean; suppressionReason: string | null; count: { value: number | null }; median: { value: number | null } | null; rate: { value: number | null } | null };
const at = (cells: Cell[], ...values: (string | null)[]) => cells.find((c) => c.coordinates.every((co, i) => co.value === values[i]));

it("gives GMCA demand, waits, routes and Victims' Code compliance by borough and disability from the referrals made, small cells suppressed, and CSV", async () => {
  const as = actors(hub);
  const referred = async (borough: string, disability: string) =>
    policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: borough as never, flags: { stalking: true } }, { disability });
  // Bury: 7 victims not disabled (each contacted by GMVS, 5 referred on to Restore), 2 disabled; Wigan: 6 not disabled.
  const bury = [];
  for (let i = 0; i < 7; i++) bury.push(await referred("BURY", "NOT_DISABLED"));
  for (let i = 0; i < 2; i++) await referred("BURY", "LIMITED_A_LOT");
  for (let i = 0; i < 6; i++) await referred("WIGAN", "NOT_DISABLED");
  for (const [i, v] of bury.entries()) {
    await send(
      hub,
      `mutation($id: ID!, $input: ContactInput!) { recordContact(caseId: $id, input: $input) { id } }`,
      { id: v.caseId, input: { occurredAt: new Date().toISOString(), channel: "PHONE", purpose: "FIRST_CONTACT", summary: "Synthetic first contact" } },
      as.gmvs(),
    );
    if (i < 5) await referToRestore(hub, v.caseId, await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]));
  }

  const outcome = await new RefreshService(hub.db.dataSource, hubFactSources(hub.db, hub.sources), { pseudonymKey: hub.config.insights.pseudonymKey, batchSize: 500 }).refresh();
  expect(outcome.status).toBe("FINISHED");

  const month = londonMonthOf(new Date());
  const filter = { fromMonth: month, toMonth: month, boroughs: ["BURY", "WIGAN"] };
  const table = async (measure: string, by: string[], f: Record<string, unknown> = filter): Promise<Cell[]> =>
    ((await send(hub, TABLE, { measure, by, filter: f }, as.commissioner())).data as Data).evidenceBase.cells;

  // Demand by borough and disability: GMVS intakes and referrals on.
  const demand = await table("REFERRALS", ["BOROUGH", "DISABILITY"]);
  expect(at(demand, "BURY", "DISABLED")).toMatchObject({ value: null, suppressed: true, suppressionReason: "PRIMARY_SMALL_COUNT" });
  // Two disabled victims in Bury (and so in all): too few to show. Their row and columns would give them away by
  // subtraction, so complements go too; true zeros stay; the grand total is safe.
  const shown = (c: Cell) => [c.coordinates.map((x) => x.value ?? "*").join("/"), c.value, c.suppressionReason];
  expect(demand.map(shown)).toEqual([
    ["BURY/DISABLED", null, "PRIMARY_SMALL_COUNT"],
    ["BURY/NOT_DISABLED", null, "SECONDARY_COMPLEMENTARY"],
    ["BURY/NOT_KNOWN", 0, null],
    ["BURY/*", null, "SECONDARY_COMPLEMENTARY"],
    ["WIGAN/DISABLED", 0, null],
    ["WIGAN/NOT_DISABLED", null, "SECONDARY_COMPLEMENTARY"],
    ["WIGAN/NOT_KNOWN", 0, null],
    ["WIGAN/*", null, "SECONDARY_COMPLEMENTARY"],
    ["*/DISABLED", null, "PRIMARY_SMALL_COUNT"],
    ["*/NOT_DISABLED", null, "SECONDARY_COMPLEMENTARY"],
    ["*/NOT_KNOWN", 0, null],
    ["*/*", 20, null],
  ]);
  // By borough alone, demand is large enough to show.
  const byBoroughDemand = await table("REFERRALS", ["BOROUGH"]);
  expect(at(byBoroughDemand, "BURY")).toMatchObject({ value: 14, suppressed: false });
  expect(at(byBoroughDemand, "WIGAN")).toMatchObject({ value: 6, suppressed: false });

  // Referral routes: police into GMVS, then partner (GMVS on to Restore).
  const routes = await table("REFERRALS", ["ROUTE", "SERVICE"], { ...filter, boroughs: ["BURY"] });
  expect(at(routes, "POLICE", "GMVS")).toMatchObject({ value: 9, suppressed: false });
  expect(at(routes, "PARTNER", "PANKHURST_RESTORE")).toMatchObject({ value: 5, suppressed: false });

  // Waiting time to first contact: GMVS reached each Bury victim the day it had the referral.
  const waits = await table("WAIT_TO_FIRST_CONTACT", ["BOROUGH"]);
  expect(at(waits, "BURY")).toMatchObject({ count: { value: 7 }, median: { value: 0, suppressed: false } });

  // Victims' Code Right 4 by borough and by disability: every referral reached GMVS within two working days.
  const byBorough = await table("VICTIMS_CODE_COMPLIANCE", ["BOROUGH"]);
  expect(at(byBorough, "R4_REFERRAL_TO_SUPPORT_SERVICES", "BURY")).toMatchObject({ count: { value: 9 }, rate: { value: 1, suppressed: false } });
  expect(at(byBorough, "R4_REFERRAL_TO_SUPPORT_SERVICES", "WIGAN")).toMatchObject({ count: { value: 6 }, rate: { value: 1, suppressed: false } });
  const byDisability = await table("VICTIMS_CODE_COMPLIANCE", ["DISABILITY"]);
  // Two disabled victims: their rate is withheld, and so is its complement; the total for Right 4 is shown.
  expect(at(byDisability, "R4_REFERRAL_TO_SUPPORT_SERVICES", "DISABLED")).toMatchObject({ suppressed: true, suppressionReason: "DENOMINATOR_SUPPRESSED", rate: { value: null } });
  expect(at(byDisability, "R4_REFERRAL_TO_SUPPORT_SERVICES", "NOT_DISABLED")).toMatchObject({ suppressed: true, rate: { value: null } });
  expect(at(byDisability, "R4_REFERRAL_TO_SUPPORT_SERVICES", null)).toMatchObject({ count: { value: 15 }, rate: { value: 1, suppressed: false } });

  // The same demand as CSV, the small cell marked.
  const csv = (await send(hub, `query($filter: EvidenceFilter) { evidenceBaseCsv(measure: REFERRALS, by: [BOROUGH, DISABILITY], filter: $filter) }`, { filter }, as.commissioner())).data
    ?.evidenceBaseCsv as string;
  const lines = csv.split("\r\n");
  expect(lines[0]).toMatch(/^Borough,Disability,/);
  expect(lines.find((l) => l.startsWith("Bury,Disabled,"))).toMatch(/^Bury,Disabled,\[c\],PRIMARY_SMALL_COUNT/);
  expect(lines.find((l) => l.startsWith("Wigan,Not disabled,"))).toMatch(/^Wigan,Not disabled,\[c\],SECONDARY_COMPLEMENTARY/);
  expect(lines.find((l) => l.startsWith("Wigan,Disabled,"))).toMatch(/^Wigan,Disabled,0,/);
});
