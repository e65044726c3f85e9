import { EpisodeClosureReason, PartnerCaseRecord, PartnerCode, RiskAnswer, RiskAssessment, RiskTool, ServiceEpisode, emptyCaseRecord } from "../connectors/partners";
import {
  Borough,
  InvestigationStatus,
  InvestigationUpdate,
  InvestigationUpdateKind,
  PoliceCrime,
  ProtectiveOrder,
  ProtectiveOrderKind,
  ProtectiveOrderStatus,
} from "../connectors/police/types";
import type { GeneratedPoliceRecords } from "../connectors/police/stand-in";
import type { GeneratedStandInData } from "../src/sources";

/**
 * The load benchmark's synthetic data set (issue 8), as pure functions of
 * row numbers: the database side (bench/seed-large.ts writes it with
 * generate_series, using the SQL expressions below) and the source side (the
 * police API's crimes with their updates and orders, Pankhurst's episodes
 * and risk assessments, computed on demand by the stand-ins) agree on every
 * id and reference without either reading the other. No real person, place
 * or case is behind any of it: people are "Test Person 000123", references
 * start SYN-.
 *
 * Shape: victim v (1..victims); case i (1..cases) is about victim
 * ((i-1) mod victims)+1 and has crime i; crimes after the last case are the
 * police's alone (no GMVS case). Referral r (1..referrals) is for case
 * ((r-1) mod cases)+1: the first `cases` go to Pankhurst, or to Hourglass
 * for every third case; the rest to Challenger. Seven in ten are accepted,
 * the others sent, received or declined (by r mod 10). Each referral comes
 * with the victim's consent to that partner, and opens the partner's
 * relationship (closed again where declined).
 */

export interface LargeSizes {
  victims: number;
  cases: number;
  crimes: number;
  referrals: number;
}

/** Issue 8's minimum: 100,000 victims, 300,000 crimes, 200,000 referrals; 150,000 GMVS cases between them. */
export const LARGE_SIZES: LargeSizes = { victims: 100_000, cases: 150_000, crimes: 300_000, referrals: 200_000 };

/** `scale` multiplies every size (e.g. 0.01 for a quick run), keeping the proportions. */
export function largeSizes(scale = 1): LargeSizes {
  if (!(scale > 0)) throw new RangeError("scale must be positive");
  const of = (n: number) => Math.max(1, Math.round(n * scale));
  return { victims: of(LARGE_SIZES.victims), cases: of(LARGE_SIZES.cases), crimes: of(LARGE_SIZES.crimes), referrals: of(LARGE_SIZES.referrals) };
}

/** UUID prefixes by kind of row: apart from the small seed's 5eed0000-… ids. */
const PREFIX = { victim: "b1000000", case: "b2000000", subject: "b3000000", referral: "b4000000", consent: "b5000000" } as const;
type Kind = keyof typeof PREFIX;

export function largeId(kind: Kind, n: number): string {
  return `${PREFIX[kind]}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

/** The same id in SQL, for a row number expression. */
export function largeIdSql(kind: Kind, n: string): string {
  return `('${PREFIX[kind]}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
}

/** Row number of an id made by largeId, or null for any other id. */
export function largeNumber(kind: Kind, id: string): number | null {
  const match = new RegExp(`^${PREFIX[kind]}-0000-4000-8000-([0-9a-f]{12})$`).exec(id);
  return match ? parseInt(match[1], 16) : null;
}

export function crimeReference(j: number): string {
  return `SYN/L${String(j).padStart(7, "0")}/26`;
}

export function crimeReferenceSql(j: string): string {
  return `('SYN/L' || lpad((${j})::text, 7, '0') || '/26')`;
}

export function crimeNumber(reference: string): number | null {
  const match = /^SYN\/L(\d{7})\/26$/.exec(reference);
  return match ? Number(match[1]) : null;
}

export function victimOfCase(i: number, sizes: LargeSizes): number {
  return ((i - 1) % sizes.victims) + 1;
}

export function caseOfReferral(r: number, sizes: LargeSizes): number {
  return ((r - 1) % sizes.cases) + 1;
}

export function partnerOfReferral(r: number, sizes: LargeSizes): PartnerCode {
  if (r > sizes.cases) return PartnerCode.CHALLENGER;
  return r % 3 === 0 ? PartnerCode.HOURGLASS : PartnerCode.PANKHURST;
}

/** SQL for partnerOfReferral. */
export function partnerOfReferralSql(r: string, sizes: LargeSizes): string {
  return `CASE WHEN ${r} > ${sizes.cases} THEN 'CHALLENGER' WHEN ${r} % 3 = 0 THEN 'HOURGLASS' ELSE 'PANKHURST' END`;
}

export type LargeReferralStatus = "ACCEPTED" | "SENT" | "RECEIVED" | "DECLINED";

export function referralStatus(r: number): LargeReferralStatus {
  const k = r % 10;
  return k < 7 ? "ACCEPTED" : k === 7 ? "SENT" : k === 8 ? "RECEIVED" : "DECLINED";
}

export function referralStatusSql(r: string): string {
  return `CASE WHEN ${r} % 10 < 7 THEN 'ACCEPTED' WHEN ${r} % 10 = 7 THEN 'SENT' WHEN ${r} % 10 = 8 THEN 'RECEIVED' ELSE 'DECLINED' END`;
}

/**
 * Cases Pankhurst may see: referred to it (case i is referral i, i ≤ cases),
 * accepted, with the victim's consent. The benchmark asks for these.
 */
export function isPankhurstSharedCase(i: number, sizes: LargeSizes): boolean {
  return i >= 1 && i <= Math.min(sizes.cases, sizes.referrals) && partnerOfReferral(i, sizes) === PartnerCode.PANKHURST && referralStatus(i) === "ACCEPTED";
}

/** The first `count` case numbers Pankhurst may see, lowest first. */
export function pankhurstSharedCases(count: number, sizes: LargeSizes): number[] {
  const found: number[] = [];
  for (let i = 1; found.length < count && i <= sizes.cases; i++) if (isPankhurstSharedCase(i, sizes)) found.push(i);
  return found;
}

// Time: crime j recorded at T0 + j × 4 minutes (300,000 crimes span 2024-01 to 2026-04); the case opens a day later,
// the referral goes a day after that.
const T0 = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function crimeRecordedAt(j: number): Date {
  return new Date(T0 + j * 4 * MINUTE);
}

/** SQL for crimeRecordedAt. */
export function crimeRecordedAtSql(j: string): string {
  return `(timestamptz '2024-01-01T00:00:00Z' + make_interval(mins => (${j}) * 4))`;
}

export function caseOpenedAt(i: number): Date {
  return new Date(crimeRecordedAt(i).getTime() + DAY);
}

export function caseOpenedAtSql(i: string): string {
  return `(${crimeRecordedAtSql(i)} + interval '1 day')`;
}

export function referralSentAt(r: number, sizes: LargeSizes): Date {
  // Referrals after the first `cases` (to Challenger) go a week later than the case's first.
  return new Date(caseOpenedAt(caseOfReferral(r, sizes)).getTime() + (r > sizes.cases ? 8 : 1) * DAY);
}

const BOROUGHS = Object.values(Borough);

const OFFENCES = [
  { homeOfficeCode: "8Q", description: "Stalking", stalking: true, harassment: false, coercive: false },
  { homeOfficeCode: "8L", description: "Harassment", stalking: false, harassment: true, coercive: false },
  // [M] unconfirmed class code (connectors/police/seed.ts); s.76 Serious Crime Act 2015.
  { homeOfficeCode: "8U", description: "Controlling or coercive behaviour", stalking: false, harassment: false, coercive: true },
  { homeOfficeCode: "8R", description: "Malicious communications", stalking: false, harassment: false, coercive: false },
  { homeOfficeCode: "8Q", description: "Stalking involving serious alarm or distress", stalking: true, harassment: false, coercive: false },
] as const;

const STATUSES = [InvestigationStatus.UNDER_INVESTIGATION, InvestigationStatus.SUSPECT_CHARGED, InvestigationStatus.UNDER_INVESTIGATION, InvestigationStatus.CLOSED];

const UPDATE_KINDS = [
  InvestigationUpdateKind.ARREST,
  InvestigationUpdateKind.RELEASED_ON_BAIL_WITH_CONDITIONS,
  InvestigationUpdateKind.CHARGED,
  InvestigationUpdateKind.COURT_HEARING,
];

/** Crime j as the police records API holds it. */
export function largeCrime(j: number, sizes: LargeSizes): PoliceCrime {
  const offence = OFFENCES[j % OFFENCES.length];
  const recordedAt = crimeRecordedAt(j).toISOString();
  const victim = j <= sizes.cases ? `SYN-VICTIM-L${String(victimOfCase(j, sizes)).padStart(6, "0")}` : `SYN-VICTIM-LP${String(j).padStart(7, "0")}`;
  return {
    crimeReference: crimeReference(j),
    recordedAt,
    offence: { homeOfficeCode: offence.homeOfficeCode, description: offence.description },
    flags: {
      domesticAbuse: offence.coercive || j % 2 === 0,
      stalking: offence.stalking,
      harassment: offence.harassment,
      controllingOrCoercive: offence.coercive,
      hateCrimeStrand: null,
      modernSlavery: false,
      fraud: false,
    },
    borough: BOROUGHS[j % BOROUGHS.length],
    status: STATUSES[j % STATUSES.length],
    outcome: null,
    classificationHistory: [{ at: recordedAt, homeOfficeCode: offence.homeOfficeCode, description: offence.description, reason: "Classified on recording" }],
    stalkingTriage: null,
    victimRef: victim,
    suspectRef: j % 4 === 0 ? null : `SYN-SUSPECT-L${String(j).padStart(7, "0")}`,
  };
}

/** Zero to four updates (j mod 5), a few days apart, oldest first. */
export function largeUpdates(j: number): InvestigationUpdate[] {
  const at = crimeRecordedAt(j).getTime();
  return Array.from({ length: j % 5 }, (_, k) => ({
    id: `SYN-UPD-L${j}-${k + 1}`,
    crimeReference: crimeReference(j),
    kind: UPDATE_KINDS[k],
    occurredAt: new Date(at + (k + 1) * 3 * DAY).toISOString(),
    summary: `Synthetic update ${k + 1} for a made-up crime`,
  }));
}

/** One order for every sixth crime: a Stalking Protection Order for stalking, else a DAPO. */
export function largeOrders(j: number): ProtectiveOrder[] {
  if (j % 6 !== 0) return [];
  const applied = new Date(crimeRecordedAt(j).getTime() + 5 * DAY);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return [
    {
      id: `SYN-ORD-L${j}`,
      crimeReference: crimeReference(j),
      kind: OFFENCES[j % OFFENCES.length].stalking ? ProtectiveOrderKind.STALKING_PROTECTION_ORDER : ProtectiveOrderKind.DOMESTIC_ABUSE_PROTECTION_ORDER,
      status: ProtectiveOrderStatus.GRANTED,
      appliedOn: day(applied),
      grantedOn: day(new Date(applied.getTime() + 14 * DAY)),
      expiresOn: day(new Date(applied.getTime() + 2 * 365 * DAY)),
    },
  ];
}

/** The police records API's large data set, computed on demand. */
export function largePoliceRecords(sizes: LargeSizes): GeneratedPoliceRecords {
  const inRange = (reference: string) => {
    const j = crimeNumber(reference);
    return j !== null && j >= 1 && j <= sizes.crimes ? j : null;
  };
  return {
    crime: (reference) => {
      const j = inRange(reference);
      return j === null ? undefined : largeCrime(j, sizes);
    },
    updates: (reference) => {
      const j = inRange(reference);
      return j === null ? [] : largeUpdates(j);
    },
    orders: (reference) => {
      const j = inRange(reference);
      return j === null ? [] : largeOrders(j);
    },
  };
}

const DASH_SET = "safelives-dash-ric@2009";
const SDASH_SET = "s-dash@2009";

/** DASH RIC (24 questions) with `yes` answered yes, the rest no: 3 to 12 yes, below the visible-high-risk threshold of 14. */
function dashAnswers(i: number): Record<string, RiskAnswer> {
  const yes = 3 + (i % 10);
  return Object.fromEntries(Array.from({ length: 24 }, (_, k) => [`dash.q${String(k + 1).padStart(2, "0")}`, k < yes ? RiskAnswer.YES : RiskAnswer.NO]));
}

function sdashAnswers(i: number): Record<string, RiskAnswer> {
  const yes = 2 + (i % 6);
  return Object.fromEntries(Array.from({ length: 11 }, (_, k) => [`sdash.q${String(k + 1).padStart(2, "0")}`, k < yes ? RiskAnswer.YES : RiskAnswer.NO]));
}

/**
 * What Pankhurst holds for case i: for an accepted referral, one episode
 * (closed for every seventh case) and a DASH assessment, with an S-DASH as
 * well where the crime is stalking. Nothing for any other case.
 */
export function largePankhurstRecord(i: number, sizes: LargeSizes): PartnerCaseRecord | undefined {
  if (!isPankhurstSharedCase(i, sizes)) return undefined;
  const caseId = largeId("case", i);
  const record = emptyCaseRecord(PartnerCode.PANKHURST, caseId);
  const start = new Date(referralSentAt(i, sizes).getTime() + 2 * DAY);
  const worker = { id: `PK-W${String(i % 40).padStart(2, "0")}`, displayName: `Advocate L${i % 40}` };
  const closed = i % 7 === 0;
  const episode: ServiceEpisode = {
    id: `PK-EP-L${i}`,
    gmvsCaseId: caseId,
    partner: PartnerCode.PANKHURST,
    service: OFFENCES[i % OFFENCES.length].stalking ? "Restore" : "Domestic abuse support",
    worker,
    start: start.toISOString(),
    end: closed ? new Date(start.getTime() + 60 * DAY).toISOString() : null,
    closureReason: closed ? EpisodeClosureReason.SUPPORT_COMPLETED : null,
    outcome: null,
  };
  record.episodes.push(episode);
  const assessedAt = new Date(start.getTime() + DAY).toISOString();
  const dash: RiskAssessment = {
    id: `PK-RA-L${i}-1`,
    gmvsCaseId: caseId,
    tool: RiskTool.DASH,
    questionSetVersion: DASH_SET,
    answers: dashAnswers(i),
    professionalJudgement: null,
    policeCallOutsLast12Months: i % 3,
    assessedAt,
    assessor: worker,
  };
  record.riskAssessments.push(dash);
  if (OFFENCES[i % OFFENCES.length].stalking) {
    record.riskAssessments.push({ ...dash, id: `PK-RA-L${i}-2`, tool: RiskTool.SDASH, questionSetVersion: SDASH_SET, answers: sdashAnswers(i), policeCallOutsLast12Months: null });
  }
  return record;
}

/** Everything the stand-ins compute on demand for the large data set: pass to startHub({ standInData }). */
export function largeStandInData(sizes: LargeSizes): GeneratedStandInData {
  return {
    police: largePoliceRecords(sizes),
    partners: {
      [PartnerCode.PANKHURST]: (gmvsCaseId: string) => {
        const i = largeNumber("case", gmvsCaseId);
        return i === null ? undefined : largePankhurstRecord(i, sizes);
      },
    },
  };
}
