import { londonMonthOf } from "../../src/insights-facts/categories";
import { RefreshService } from "../../src/subgraphs/insights/refresh/refresh.service";
import { expectPublished } from "../support/evidence";
import { feedSourcesOf, startTestHub, TEST_GATEWAY_SIGNING_KEY, TestHub } from "../support/hub";
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
  hub = await startTestHub({ GATEWAY_SIGNING_KEY: TEST_GATEWAY_SIGNING_KEY });
});
afterAll(async () => {
  await hub?.close();
});

const TABLE = `query($measure: Measure!, $by: [Dimension!]!, $filter: EvidenceFilter) {
  evidenceBase(measure: $measure, by: $by, filter: $filter) {
    by rule { id minimumCount maximumPerturbation }
    cells { coordinates { value } value suppressed suppressionReason count { value suppressed suppressionReason } median { value suppressed } rate { value suppressed suppressionReason } } } }`;
type Stat = { value: number | null; suppressed: boolean; suppressionReason: string | null };
type Cell = { coordinates: { value: string | null }[]; value: number | null; suppressed: boolean; suppressionReason: string | null; count: Stat; median: Stat | null; rate: Stat | null };
type Rule = { id: string; minimumCount: number; maximumPerturbation: number };
type Table = { by: string[]; rule: Rule; cells: Cell[] };
const at = (table: Table, ...values: (string | null)[]) => table.cells.find((c) => c.coordinates.every((co, i) => co.value === values[i])) as Cell;

it("gives GMCA demand, waits, routes and Victims' Code compliance by borough and disability from the referrals made, small cells suppressed, and CSV", async () => {
  const as = actors(hub);
  const referred = async (borough: string, disability: string) =>
    policeReferral(hub, { homeOfficeCode: "8Q", description: "Stalking", borough: borough as never, flags: { stalking: true } }, { disability });
  // Bury: 12 victims not disabled (each contacted by GMVS, 5 referred on to Restore), 2 disabled; Wigan: 10 not disabled.
  // Enough in each that medians and rates (10 true observations at least) are shown.
  const bury = [];
  for (let i = 0; i < 12; i++) bury.push(await referred("BURY", "NOT_DISABLED"));
  for (let i = 0; i < 2; i++) await referred("BURY", "LIMITED_A_LOT");
  for (let i = 0; i < 10; i++) await referred("WIGAN", "NOT_DISABLED");
  for (const [i, v] of bury.entries()) {
    await send(
      hub,
      `mutation($id: ID!, $input: ContactInput!) { recordContact(caseId: $id, input: $input) { id } }`,
      { id: v.caseId, input: { occurredAt: new Date().toISOString(), channel: "PHONE", purpose: "FIRST_CONTACT", summary: "Synthetic first contact" } },
      as.gmvs(),
    );
    if (i < 5) await referToRestore(hub, v.caseId, await consentTo(hub, v.caseId, "PANKHURST", ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]));
  }

  const outcome = await new RefreshService(hub.db.dataSource, feedSourcesOf(hub), { pseudonymKey: hub.config.insights.pseudonymKey, batchSize: 500 }).refresh();
  expect(outcome.status).toBe("FINISHED");

  const month = londonMonthOf(new Date());
  const filter = { fromMonth: month, toMonth: month, boroughs: ["BURY", "WIGAN"] };
  const table = async (measure: string, by: string[], f: Record<string, unknown> = filter): Promise<Table> =>
    ((await send(hub, TABLE, { measure, by, filter: f }, as.commissioner())).data as Data).evidenceBase;

  // Demand by borough and disability: GMVS intakes and referrals on. Every count is the true one perturbed by the
  // cell-key method; a perturbed count of 1 to 4 is hidden, and then enough others that none can be had by subtraction.
  const demand = await table("REFERRALS", ["BOROUGH", "DISABILITY"]);
  const truth: Record<string, number> = {
    "BURY/DISABLED": 2, "BURY/NOT_DISABLED": 17, "BURY/NOT_KNOWN": 0, "BURY/*": 19,
    "WIGAN/DISABLED": 0, "WIGAN/NOT_DISABLED": 10, "WIGAN/NOT_KNOWN": 0, "WIGAN/*": 10,
    "*/DISABLED": 2, "*/NOT_DISABLED": 27, "*/NOT_KNOWN": 0, "*/*": 29,
  };
  const name = (c: Cell) => c.coordinates.map((x) => x.value ?? "*").join("/");
  expect(demand.cells.map(name)).toEqual(Object.keys(truth));
  for (const cell of demand.cells) expectPublished(cell.count, truth[name(cell)] as number, demand.rule);
  // True zeros are shown as zeros; the two disabled victims are hidden or shown perturbed, never as 1 to 4.
  expect(at(demand, "WIGAN", "DISABLED")).toMatchObject({ value: 0, suppressed: false });
  const lines = [["BURY/DISABLED", "BURY/NOT_DISABLED", "BURY/NOT_KNOWN", "BURY/*"], ["WIGAN/DISABLED", "WIGAN/NOT_DISABLED", "WIGAN/NOT_KNOWN", "WIGAN/*"],
    ["*/DISABLED", "*/NOT_DISABLED", "*/NOT_KNOWN", "*/*"], ["BURY/DISABLED", "WIGAN/DISABLED", "*/DISABLED"], ["BURY/NOT_DISABLED", "WIGAN/NOT_DISABLED", "*/NOT_DISABLED"],
    ["BURY/NOT_KNOWN", "WIGAN/NOT_KNOWN", "*/NOT_KNOWN"], ["BURY/*", "WIGAN/*", "*/*"]];
  const hidden = new Set(demand.cells.filter((c) => c.suppressed).map(name));
  for (const line of lines) expect(line.filter((c) => hidden.has(c)).length).not.toBe(1);
  // Asked again, the same figures.
  expect((await table("REFERRALS", ["BOROUGH", "DISABILITY"])).cells).toEqual(demand.cells);
  // By borough alone, demand is large enough to show.
  const byBoroughDemand = await table("REFERRALS", ["BOROUGH"]);
  expectPublished(at(byBoroughDemand, "BURY").count, 19, byBoroughDemand.rule);
  expect(at(byBoroughDemand, "BURY").suppressed).toBe(false);

  // Referral routes: police into GMVS, then partner (GMVS on to Restore).
  const routes = await table("REFERRALS", ["ROUTE", "SERVICE"], { ...filter, boroughs: ["BURY"] });
  // (Five referrals on may be perturbed down to a hidden count, and then a complement goes with them: either way, within the rule.)
  expectPublished(at(routes, "POLICE", "GMVS").count, 14, routes.rule);
  expectPublished(at(routes, "PARTNER", "PANKHURST_RESTORE").count, 5, routes.rule);

  // Waiting time to first contact: GMVS reached each of the twelve Bury victims the day it had the referral.
  const waits = await table("WAIT_TO_FIRST_CONTACT", ["BOROUGH"]);
  expectPublished(at(waits, "BURY").count, 12, waits.rule);
  expect(at(waits, "BURY").median).toMatchObject({ value: 0, suppressed: false });

  // Victims' Code Right 4 by borough and by disability: every referral reached GMVS within two working days. All met,
  // so numerator and denominator are the same facts, perturbed alike: the rate is exactly 1.
  const byBorough = await table("VICTIMS_CODE_COMPLIANCE", ["BOROUGH"]);
  expect(at(byBorough, "R4_REFERRAL_TO_SUPPORT_SERVICES", "BURY").rate).toMatchObject({ value: 1, suppressed: false });
  expect(at(byBorough, "R4_REFERRAL_TO_SUPPORT_SERVICES", "WIGAN").rate).toMatchObject({ value: 1, suppressed: false });
  expectPublished(at(byBorough, "R4_REFERRAL_TO_SUPPORT_SERVICES", "BURY").count, 14, byBorough.rule);
  const byDisability = await table("VICTIMS_CODE_COMPLIANCE", ["DISABILITY"]);
  // Two disabled victims: their rate is withheld, and so is its complement; the total for Right 4 is shown.
  expect(at(byDisability, "R4_REFERRAL_TO_SUPPORT_SERVICES", "DISABLED").rate).toMatchObject({ value: null, suppressed: true, suppressionReason: "DENOMINATOR_SUPPRESSED" });
  expect(at(byDisability, "R4_REFERRAL_TO_SUPPORT_SERVICES", "NOT_DISABLED").rate).toMatchObject({ value: null, suppressed: true });
  expect(at(byDisability, "R4_REFERRAL_TO_SUPPORT_SERVICES", null).rate).toMatchObject({ value: 1, suppressed: false });

  // The same demand as CSV: the same figures, the hidden cells marked.
  const csv = (await send(hub, `query($filter: EvidenceFilter) { evidenceBaseCsv(measure: REFERRALS, by: [BOROUGH, DISABILITY], filter: $filter) }`, { filter }, as.commissioner())).data
    ?.evidenceBaseCsv as string;
  const rows = csv.split("\r\n");
  expect(rows[0]).toMatch(/^Borough,Disability,/);
  const csvCount = (c: Cell) => (c.count.suppressed ? `[c],${c.count.suppressionReason}` : `${c.count.value},`);
  expect(rows.find((l) => l.startsWith("Bury,Disabled,"))).toMatch(new RegExp(`^Bury,Disabled,${csvCount(at(demand, "BURY", "DISABLED")).replace(/[[\]]/g, "\\$&")}`));
  expect(rows.find((l) => l.startsWith("Wigan,Not disabled,"))).toMatch(new RegExp(`^Wigan,Not disabled,${csvCount(at(demand, "WIGAN", "NOT_DISABLED")).replace(/[[\]]/g, "\\$&")}`));
  expect(rows.find((l) => l.startsWith("Wigan,Disabled,"))).toMatch(/^Wigan,Disabled,0,/);
});
