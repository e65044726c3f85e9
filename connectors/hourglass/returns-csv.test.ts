import { AgeBand, EpisodeClosureReason, SupportActionKind, SupportActionStatus } from "../partners";
import { parseHourglassReturns, RETURN_COLUMNS, ReturnStatus } from "./returns-csv";

const HEADER = RETURN_COLUMNS.join(",");
type Column = (typeof RETURN_COLUMNS)[number];

function row(overrides: Partial<Record<Column, string>> = {}): string {
  const values: Record<Column, string> = {
    return_month: "2026-10",
    gmvs_case_id: "5eed0000-0000-4000-8000-000000000004",
    episode_id: "HG-EP-0001",
    worker_id: "HG-W03",
    worker_name: "Specialist Worker W3",
    age_band: "75-84",
    economic_abuse: "Y",
    support_actions: "OSE:COMPLETED:2026-10-12",
    status: "OPEN",
    episode_start: "2026-10-08",
    episode_end: "",
    closure_reason: "",
    ...overrides,
  };
  return RETURN_COLUMNS.map((column) => values[column]).join(",");
}

describe("Hourglass monthly return parsing", () => {
  it("maps Hourglass's codes to the hub's values", () => {
    const { rows, rejected } = parseHourglassReturns([HEADER, row({ support_actions: "OSE:COMPLETED:2026-10-12;THVD:PLANNED:2026-10-30" })].join("\n"));

    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({
      line: 2,
      idempotencyKey: "2026-10|5eed0000-0000-4000-8000-000000000004|HG-EP-0001",
      ageBand: AgeBand.AGE_75_TO_84,
      economicAbuse: true,
      status: ReturnStatus.OPEN,
      worker: { id: "HG-W03", displayName: "Specialist Worker W3" },
      supportActions: [
        { kind: SupportActionKind.ONLINE_SAFETY_EMAIL, status: SupportActionStatus.COMPLETED, date: "2026-10-12" },
        { kind: SupportActionKind.TARGET_HARDENING_VIDEO_DOORBELL, status: SupportActionStatus.PLANNED, date: "2026-10-30" },
      ],
    });
  });

  it("accepts a closed episode with its end and reason", () => {
    const { rows } = parseHourglassReturns([HEADER, row({ status: "CLOSED", episode_end: "2026-10-20", closure_reason: "UNSAFE" })].join("\n"));

    expect(rows[0]).toMatchObject({ status: ReturnStatus.CLOSED, episodeEnd: "2026-10-20", closureReason: EpisodeClosureReason.UNSAFE_TO_CONTACT });
  });

  it("reports a repeat of an earlier line's case, episode and month, keeping the first", () => {
    const { rows, rejected } = parseHourglassReturns([HEADER, row(), row({ economic_abuse: "N" }), row({ episode_id: "HG-EP-0002" })].join("\n"));

    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(rejected).toEqual([{ line: 3, reason: expect.stringMatching(/^duplicate: line 2 already returns/) }]);
  });

  it("keys a resent row alike and a corrected row by the same key with another hash", () => {
    const [first] = parseHourglassReturns([HEADER, row()].join("\r\n")).rows;
    const [resent] = parseHourglassReturns(`\uFEFF${[HEADER, row()].join("\n")}\n`).rows;
    const [corrected] = parseHourglassReturns([HEADER, row({ economic_abuse: "N" })].join("\n")).rows;

    expect(resent.idempotencyKey).toBe(first.idempotencyKey);
    expect(resent.contentHash).toBe(first.contentHash);
    expect(corrected.idempotencyKey).toBe(first.idempotencyKey);
    expect(corrected.contentHash).not.toBe(first.contentHash);
  });

  it("refuses the whole file when the header is not the return's columns", () => {
    const { rows, rejected } = parseHourglassReturns(["month,case,episode", row()].join("\n"));

    expect(rows).toEqual([]);
    expect(rejected).toEqual([{ line: 1, reason: expect.stringContaining("header is not the Hourglass return columns") }]);
  });

  it.each([
    [{ return_month: "2026-13" }, 'return_month "2026-13" is not YYYY-MM'],
    [{ gmvs_case_id: "GMVS-SYN-0004" }, 'gmvs_case_id "GMVS-SYN-0004" is not a UUID'],
    [{ worker_id: "" }, "worker_id is empty"],
    [{ age_band: "OLD" }, 'unknown age_band "OLD"'],
    [{ economic_abuse: "yes" }, 'economic_abuse "yes" is not Y or N'],
    [{ status: "ACTIVE" }, 'unknown status "ACTIVE"'],
    [{ episode_start: "08/10/2026" }, 'episode_start "08/10/2026" is not a date (YYYY-MM-DD)'],
    [{ episode_start: "2026-02-30" }, 'episode_start "2026-02-30" is not a date (YYYY-MM-DD)'],
    [{ episode_start: "2026-11-01" }, "episode_start 2026-11-01 is after the return month 2026-10"],
    [{ status: "CLOSED", episode_end: "2026-10-01", closure_reason: "COMPLETED" }, "episode_end is before episode_start"],
    [{ status: "CLOSED" }, "a CLOSED episode needs episode_end and closure_reason"],
    [{ episode_end: "2026-10-20" }, "an OPEN episode has no episode_end or closure_reason"],
    [{ status: "CLOSED", episode_end: "2026-10-20", closure_reason: "FINISHED" }, 'unknown closure_reason "FINISHED"'],
    [{ support_actions: "OSE" }, 'support action "OSE" is not CODE:STATUS:YYYY-MM-DD'],
    [{ support_actions: "ALARM:COMPLETED:2026-10-12" }, 'unknown support action code "ALARM"'],
    [{ support_actions: "PA:DONE:2026-10-12" }, 'unknown support action status "DONE"'],
    [{ support_actions: "PA:COMPLETED:2026-10-32" }, 'support action date "2026-10-32" is not a date (YYYY-MM-DD)'],
  ])("refuses a row with %j: %s", (overrides, reason) => {
    const { rows, rejected } = parseHourglassReturns([HEADER, row(overrides)].join("\n"));

    expect(rows).toEqual([]);
    expect(rejected).toEqual([{ line: 2, reason }]);
  });

  it("names every problem on a row, not only the first", () => {
    const { rejected } = parseHourglassReturns([HEADER, row({ age_band: "OLD", economic_abuse: "?" })].join("\n"));

    expect(rejected[0].reason).toBe('unknown age_band "OLD"; economic_abuse "?" is not Y or N');
  });

  it("reports malformed quoting on its own line and keeps the rows after it", () => {
    const { rows, rejected } = parseHourglassReturns([HEADER, row({ worker_name: '"Specialist Worker W3' }), row({ episode_id: "HG-EP-0002" })].join("\n"));

    expect(rejected).toEqual([{ line: 2, reason: expect.stringMatching(/^malformed quoting/) }]);
    expect(rows.map((r) => r.line)).toEqual([3]);
  });
});
