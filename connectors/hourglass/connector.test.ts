import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AgeBand, EpisodeClosureReason, PartnerCode, SupportActionKind, SupportActionStatus } from "../partners";
import { SYNTHETIC_GMVS_CASE_IDS as CASE } from "../synthetic";
import { HourglassConnector } from "./connector";
import { RETURN_COLUMNS } from "./returns-csv";
import { HourglassStandInStore } from "./stand-in";
import { InMemoryHourglassStore } from "./store";

const FIXTURES = join(__dirname, "fixtures");
const OCTOBER = join(FIXTURES, "2026-10-hourglass-returns.synthetic.csv");
const NOVEMBER = join(FIXTURES, "2026-11-hourglass-returns.synthetic.csv");

function connector() {
  const store = new InMemoryHourglassStore();
  return { store, hourglass: new HourglassConnector(store) };
}

describe("Hourglass returns import", () => {
  it("loads the good rows of a return and reports each bad one by line and reason", async () => {
    const { hourglass, store } = connector();

    const report = await hourglass.importFile(OCTOBER);

    expect(report).toMatchObject({ source: "hourglass", file: OCTOBER, accepted: 3, duplicates: 0 });
    expect(report.rejected).toEqual([
      { line: 4, reason: "malformed quoting (CSV_QUOTE_NOT_CLOSED)" },
      { line: 5, reason: 'unknown age_band "90+"' },
      { line: 6, reason: 'episode_start "2026-09-31" is not a date (YYYY-MM-DD)' },
      { line: 7, reason: expect.stringMatching(/^duplicate: line 2 already returns case 5eed0000-0000-4000-8000-000000000004/) },
      { line: 8, reason: "expected 12 columns, found 11" },
      { line: 9, reason: 'unknown support action code "DOORBELL"' },
    ]);
    expect(store.size).toBe(3);
  });

  it("adds nothing when the same return is imported again", async () => {
    const { hourglass, store } = connector();
    await hourglass.importFile(OCTOBER);

    const again = await hourglass.importFile(OCTOBER);

    expect(again).toMatchObject({ accepted: 0, duplicates: 3 });
    expect(again.rejected).toHaveLength(6);
    expect(store.size).toBe(3);
  });

  it("imports every return in a directory in month order", async () => {
    const { hourglass } = connector();

    const reports = await hourglass.importDirectory(FIXTURES);

    expect(reports.map((r) => [r.file, r.accepted, r.rejected.length])).toEqual([
      [OCTOBER, 3, 6],
      [NOVEMBER, 2, 1],
    ]);
  });

  it("replaces a corrected row rather than adding a second one for the same month", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hourglass-"));
    try {
      const row = (economicAbuse: string) =>
        `2026-10,${CASE.olderPerson},HG-EP-0008,HG-W03,Specialist Worker W3,85+,${economicAbuse},,OPEN,2026-10-01,,`;
      const { hourglass, store } = connector();
      await writeFile(join(dir, "first.csv"), [RETURN_COLUMNS.join(","), row("N")].join("\n"));
      await writeFile(join(dir, "corrected.csv"), [RETURN_COLUMNS.join(","), row("Y")].join("\n"));
      await hourglass.importFile(join(dir, "first.csv"));

      const report = await hourglass.importFile(join(dir, "corrected.csv"));

      expect(report).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] });
      expect(store.size).toBe(1);
      const [record] = await hourglass.fetchByKeys([CASE.olderPerson]);
      expect(record?.hourglass?.economicAbuse).toBe(true);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe("HourglassConnector reads", () => {
  async function loaded() {
    const { hourglass } = connector();
    await hourglass.importDirectory(FIXTURES);
    return hourglass;
  }

  it("returns each case as its latest return states it, in key order, null where no return mentions it", async () => {
    const hourglass = await loaded();

    const [older, unknown, selfReferral] = await hourglass.fetchByKeys([CASE.olderPerson, CASE.clientM, CASE.selfReferral]);

    expect(unknown).toBeNull();
    expect(older).toMatchObject({
      partner: PartnerCode.HOURGLASS,
      referrals: [],
      riskAssessments: [],
      challenger: null,
      hourglass: { ageBand: AgeBand.AGE_85_AND_OVER, olderVictim: true, economicAbuse: false, latestReturnMonth: "2026-11" },
    });
    expect(older?.hourglass?.specialistWorker).toEqual({ id: "HG-W03", displayName: "Specialist Worker W3" });
    expect(selfReferral?.episodes).toEqual([
      expect.objectContaining({
        id: "5eed0000-0000-4000-8000-0000000000e3",
        start: "2026-10-08T00:00:00.000Z",
        end: "2026-11-05T00:00:00.000Z",
        closureReason: EpisodeClosureReason.SUPPORT_COMPLETED,
      }),
    ]);
  });

  it("gives each support action the status of its latest return", async () => {
    const hourglass = await loaded();

    const [record] = await hourglass.fetchByKeys([CASE.selfReferral]);

    expect(record?.supportActions.map((a) => [a.kind, a.status, a.date])).toEqual([
      [SupportActionKind.ONLINE_SAFETY_EMAIL, SupportActionStatus.COMPLETED, "2026-10-12"],
      [SupportActionKind.ONLINE_SAFETY_SOCIAL_MEDIA, SupportActionStatus.COMPLETED, "2026-10-20"],
      [SupportActionKind.COUNSELLING_REFERRAL, SupportActionStatus.COMPLETED, "2026-11-02"],
    ]);
  });

  it("matches case ids whatever their letter case, and answers null for a key that is no UUID", async () => {
    const hourglass = await loaded();

    const records = await hourglass.fetchByKeys([CASE.olderPerson.toUpperCase(), "not-a-case-id"]);

    expect(records[0]?.gmvsCaseId).toBe(CASE.olderPerson);
    expect(records[1]).toBeNull();
  });

  it("pages through every case in GMVS case id order", async () => {
    const hourglass = await loaded();

    const first = await hourglass.search({}, { first: 2 });
    const second = await hourglass.search({}, { first: 2, after: first.nextCursor });

    expect([...first.items, ...second.items].map((r) => r.gmvsCaseId)).toEqual([CASE.selfReferral, CASE.olderPerson, CASE.olderPersonSupported]);
    expect(second.nextCursor).toBeUndefined();
  });

  it("feeds each case once per change, and again when a later return changes it", async () => {
    const { hourglass } = connector();
    await hourglass.importFile(OCTOBER);
    const first = await hourglass.changesSince(null, 10);
    expect(first.items.map((r) => r.gmvsCaseId).sort()).toEqual([CASE.selfReferral, CASE.olderPerson, CASE.olderPersonSupported].sort());

    await hourglass.importFile(NOVEMBER);
    const next = await hourglass.changesSince(first.cursor, 10);

    expect(next.items.map((r) => r.gmvsCaseId).sort()).toEqual([CASE.selfReferral, CASE.olderPerson].sort());
    expect(await hourglass.changesSince(next.cursor, 10)).toEqual({ items: [], cursor: next.cursor, hasMore: false });
  });

  it("reports DEGRADED before any return is loaded, then UP with the latest month", async () => {
    const { hourglass } = connector();
    expect(await hourglass.health()).toMatchObject({ status: "DEGRADED" });

    await hourglass.importDirectory(FIXTURES);

    expect(await hourglass.health()).toMatchObject({ source: "hourglass", status: "UP", detail: "latest return 2026-11" });
  });
});

describe("HourglassConnector with a landing store too slow to answer", () => {
  it("gives up a read at readTimeoutMs as TIMEOUT, and reads again once the store answers in time", async () => {
    const store = new HourglassStandInStore();
    const hourglass = new HourglassConnector(store, { readTimeoutMs: 100 });
    await hourglass.importDirectory(FIXTURES);
    store.setDelay(400);
    const started = performance.now();

    await expect(hourglass.fetchByKeys([CASE.selfReferral])).rejects.toMatchObject({ source: "hourglass", reason: "TIMEOUT" });
    expect(performance.now() - started).toBeLessThan(350);
    await new Promise((resolve) => setTimeout(resolve, 400)); // the abandoned read finishes before the test does

    store.setDelay(0);
    const [record] = await hourglass.fetchByKeys([CASE.selfReferral]);
    expect(record?.partner).toBe(PartnerCode.HOURGLASS);
  });
});
