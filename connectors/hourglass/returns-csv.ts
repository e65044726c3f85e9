import { createHash } from "node:crypto";
import type { RejectedRow } from "../contract";
import { hasColumns, readCsvLines } from "../csv/lines";
import { AgeBand, EpisodeClosureReason, PartnerWorker, SupportActionKind, SupportActionStatus } from "../partners";

/**
 * Hourglass's monthly returns (FORMAT.md beside this file): parse, validate
 * row by row, and map Hourglass's codes to the hub's enumerations. Pure: no
 * file or store access here (see connector.ts).
 */

export const RETURN_COLUMNS = [
  "return_month",
  "gmvs_case_id",
  "episode_id",
  "worker_id",
  "worker_name",
  "age_band",
  "economic_abuse",
  "support_actions",
  "status",
  "episode_start",
  "episode_end",
  "closure_reason",
] as const;

/** Hourglass's age band codes (FORMAT.md). */
export const AGE_BAND_CODES: ReadonlyMap<string, AgeBand> = new Map([
  ["U60", AgeBand.UNDER_60],
  ["60-64", AgeBand.AGE_60_TO_64],
  ["65-74", AgeBand.AGE_65_TO_74],
  ["75-84", AgeBand.AGE_75_TO_84],
  ["85+", AgeBand.AGE_85_AND_OVER],
  ["NK", AgeBand.NOT_KNOWN],
]);

/** Hourglass's support action codes (FORMAT.md). */
export const SUPPORT_ACTION_CODES: ReadonlyMap<string, SupportActionKind> = new Map([
  ["PA", SupportActionKind.PERSONAL_ALARM],
  ["THVD", SupportActionKind.TARGET_HARDENING_VIDEO_DOORBELL],
  ["THCAM", SupportActionKind.TARGET_HARDENING_CAMERA],
  ["COUNS", SupportActionKind.COUNSELLING_REFERRAL],
  ["COURT", SupportActionKind.COURT_SUPPORT],
  ["OSR", SupportActionKind.ONLINE_SAFETY_ROUTER],
  ["OSE", SupportActionKind.ONLINE_SAFETY_EMAIL],
  ["OSSM", SupportActionKind.ONLINE_SAFETY_SOCIAL_MEDIA],
  ["OTH", SupportActionKind.OTHER],
]);

/** Hourglass's closure reason codes (FORMAT.md). */
export const CLOSURE_REASON_CODES: ReadonlyMap<string, EpisodeClosureReason> = new Map([
  ["COMPLETED", EpisodeClosureReason.SUPPORT_COMPLETED],
  ["DISENGAGED", EpisodeClosureReason.VICTIM_DISENGAGED],
  ["DECLINED", EpisodeClosureReason.VICTIM_DECLINED_FURTHER_SUPPORT],
  ["TRANSFERRED", EpisodeClosureReason.TRANSFERRED_TO_ANOTHER_SERVICE],
  ["UNSAFE", EpisodeClosureReason.UNSAFE_TO_CONTACT],
  ["OTHER", EpisodeClosureReason.OTHER],
]);

function isSupportActionStatus(value: string): value is SupportActionStatus {
  return (Object.values(SupportActionStatus) as string[]).includes(value);
}

export enum ReturnStatus {
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReturnedSupportAction {
  kind: SupportActionKind;
  status: SupportActionStatus;
  /** YYYY-MM-DD */
  date: string;
}

/** One valid row of a monthly return. */
export interface HourglassReturnRow {
  /** "<return month>|<GMVS case id>|<episode id>": one row per case, episode and month; a re-import matches it. */
  idempotencyKey: string;
  /** SHA-256 of the row's values as mapped: tells a resent row from a corrected one. */
  contentHash: string;
  /** 1-based line in the file, the header being line 1. */
  line: number;
  returnMonth: string;
  gmvsCaseId: string;
  episodeId: string;
  worker: PartnerWorker;
  ageBand: AgeBand;
  economicAbuse: boolean;
  supportActions: ReturnedSupportAction[];
  status: ReturnStatus;
  /** YYYY-MM-DD */
  episodeStart: string;
  episodeEnd: string | null;
  closureReason: EpisodeClosureReason | null;
}

export interface ReturnsParse {
  rows: HourglassReturnRow[];
  rejected: RejectedRow[];
}

type RowValues = Omit<HourglassReturnRow, "idempotencyKey" | "contentHash" | "line">;

/**
 * Every good row, and every bad one by line and reason: a row that breaks a
 * rule, or that repeats the case, episode and month of an earlier line in
 * the same file (which of the two is right cannot be told, so the first
 * stands and the repeat is reported).
 */
export function parseHourglassReturns(text: string): ReturnsParse {
  const { header, rows } = readCsvLines(text);
  if (!hasColumns(header, RETURN_COLUMNS)) {
    return { rows: [], rejected: [{ line: 1, reason: `header is not the Hourglass return columns: ${RETURN_COLUMNS.join(",")}` }] };
  }
  const accepted: HourglassReturnRow[] = [];
  const rejected: RejectedRow[] = [];
  const lineOfKey = new Map<string, number>();
  for (const row of rows) {
    if ("reason" in row) {
      rejected.push(row);
      continue;
    }
    const values = validateRow(row.fields);
    if ("reason" in values) {
      rejected.push({ line: row.line, reason: values.reason });
      continue;
    }
    const idempotencyKey = `${values.returnMonth}|${values.gmvsCaseId}|${values.episodeId}`;
    const earlier = lineOfKey.get(idempotencyKey);
    if (earlier !== undefined) {
      rejected.push({ line: row.line, reason: `duplicate: line ${earlier} already returns case ${values.gmvsCaseId}, episode ${values.episodeId} for ${values.returnMonth}` });
      continue;
    }
    lineOfKey.set(idempotencyKey, row.line);
    accepted.push({ ...values, idempotencyKey, contentHash: contentHash(values), line: row.line });
  }
  return { rows: accepted, rejected };
}

function validateRow(fields: string[]): RowValues | { reason: string } {
  if (fields.length !== RETURN_COLUMNS.length) return { reason: `expected ${RETURN_COLUMNS.length} columns, found ${fields.length}` };
  const [returnMonth, gmvsCaseId, episodeId, workerId, workerName, ageBandCode, economicAbuseFlag, actionsCell, statusCode, start, end, closureCode] =
    fields.map((field) => field.trim());
  const problems: string[] = [];
  const required = { return_month: returnMonth, gmvs_case_id: gmvsCaseId, episode_id: episodeId, worker_id: workerId, worker_name: workerName, status: statusCode, episode_start: start };
  for (const [column, value] of Object.entries(required)) if (value === "") problems.push(`${column} is empty`);

  if (returnMonth !== "" && !MONTH.test(returnMonth)) problems.push(`return_month "${returnMonth}" is not YYYY-MM`);
  if (gmvsCaseId !== "" && !UUID.test(gmvsCaseId)) problems.push(`gmvs_case_id "${gmvsCaseId}" is not a UUID`);
  const ageBand = AGE_BAND_CODES.get(ageBandCode);
  if (ageBand === undefined) problems.push(`unknown age_band "${ageBandCode}"`);
  if (economicAbuseFlag !== "Y" && economicAbuseFlag !== "N") problems.push(`economic_abuse "${economicAbuseFlag}" is not Y or N`);
  const status = statusCode === ReturnStatus.OPEN || statusCode === ReturnStatus.CLOSED ? statusCode : null;
  if (statusCode !== "" && status === null) problems.push(`unknown status "${statusCode}"`);
  if (start !== "" && !isDay(start)) problems.push(`episode_start "${start}" is not a date (YYYY-MM-DD)`);
  if (end !== "" && !isDay(end)) problems.push(`episode_end "${end}" is not a date (YYYY-MM-DD)`);
  if (isDay(start) && isDay(end) && end < start) problems.push("episode_end is before episode_start");
  if (isDay(start) && MONTH.test(returnMonth) && start.slice(0, 7) > returnMonth) problems.push(`episode_start ${start} is after the return month ${returnMonth}`);
  const closureReason = closureCode === "" ? null : CLOSURE_REASON_CODES.get(closureCode);
  if (closureReason === undefined) problems.push(`unknown closure_reason "${closureCode}"`);
  // A closed episode says when and why it closed; an open one neither (FORMAT.md).
  if (status === ReturnStatus.CLOSED && (end === "" || closureCode === "")) problems.push("a CLOSED episode needs episode_end and closure_reason");
  if (status === ReturnStatus.OPEN && (end !== "" || closureCode !== "")) problems.push("an OPEN episode has no episode_end or closure_reason");
  const supportActions = parseSupportActions(actionsCell, problems);

  if (problems.length > 0 || ageBand === undefined || status === null || closureReason === undefined) return { reason: problems.join("; ") };
  return {
    returnMonth,
    gmvsCaseId: gmvsCaseId.toLowerCase(),
    episodeId,
    worker: { id: workerId, displayName: workerName },
    ageBand,
    economicAbuse: economicAbuseFlag === "Y",
    supportActions,
    status,
    episodeStart: start,
    episodeEnd: end === "" ? null : end,
    closureReason,
  };
}

/** "CODE:STATUS:YYYY-MM-DD" items separated by ";"; an empty cell is no actions. */
function parseSupportActions(cell: string, problems: string[]): ReturnedSupportAction[] {
  if (cell === "") return [];
  const actions: ReturnedSupportAction[] = [];
  for (const item of cell.split(";").map((part) => part.trim())) {
    const [code = "", status = "", date = "", ...extra] = item.split(":");
    if (extra.length > 0 || date === "") {
      problems.push(`support action "${item}" is not CODE:STATUS:YYYY-MM-DD`);
      continue;
    }
    const kind = SUPPORT_ACTION_CODES.get(code);
    if (kind === undefined) problems.push(`unknown support action code "${code}"`);
    if (!isSupportActionStatus(status)) problems.push(`unknown support action status "${status}"`);
    if (!isDay(date)) problems.push(`support action date "${date}" is not a date (YYYY-MM-DD)`);
    if (kind !== undefined && isSupportActionStatus(status) && isDay(date)) actions.push({ kind, status, date });
  }
  return actions;
}

/** A real calendar day: 2026-02-30 matches the pattern but is no date. */
function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function contentHash(values: RowValues): string {
  return createHash("sha256").update(JSON.stringify(values)).digest("hex");
}
