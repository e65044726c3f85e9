/**
 * The police records API's wire types, one for one with the schemas in
 * openapi.yaml beside this file. Instants are ISO 8601 strings in UTC and
 * calendar dates are YYYY-MM-DD, as they travel: the subgraph maps them to
 * its own types. Connectors import nothing from src/, so Borough repeats the
 * values of the hub's own (src/platform/domain.ts) rather than import it; the
 * police subgraph registers the other enumerations here with GraphQL as
 * they are (src/subgraphs/police).
 */

/** The ten metropolitan boroughs of Greater Manchester (DOMAIN.md, Organisations). */
export enum Borough {
  BOLTON = "BOLTON",
  BURY = "BURY",
  MANCHESTER = "MANCHESTER",
  OLDHAM = "OLDHAM",
  ROCHDALE = "ROCHDALE",
  SALFORD = "SALFORD",
  STOCKPORT = "STOCKPORT",
  TAMESIDE = "TAMESIDE",
  TRAFFORD = "TRAFFORD",
  WIGAN = "WIGAN",
}

/**
 * The five nationally monitored hate crime strands (DOMAIN-REFERENCE.md 3.1).
 * GMP's local alternative-subculture strand is not carried by this API.
 */
export enum HateCrimeStrand {
  RACE = "RACE",
  RELIGION = "RELIGION",
  DISABILITY = "DISABILITY",
  SEXUAL_ORIENTATION = "SEXUAL_ORIENTATION",
  TRANSGENDER_IDENTITY = "TRANSGENDER_IDENTITY",
}

export enum InvestigationStatus {
  UNDER_INVESTIGATION = "UNDER_INVESTIGATION",
  SUSPECT_CHARGED = "SUSPECT_CHARGED",
  NO_FURTHER_ACTION = "NO_FURTHER_ACTION",
  CLOSED = "CLOSED",
}

/**
 * Investigation and court events. The pre-charge ones are the key decisions
 * the victim must be told of under Victims' Code Right 6 (DOMAIN.md).
 */
export enum InvestigationUpdateKind {
  ARREST = "ARREST",
  RELEASED_ON_BAIL_WITH_CONDITIONS = "RELEASED_ON_BAIL_WITH_CONDITIONS",
  BAIL_CONDITIONS_CHANGED = "BAIL_CONDITIONS_CHANGED",
  RELEASED_UNDER_INVESTIGATION = "RELEASED_UNDER_INVESTIGATION",
  INTERVIEWED_UNDER_CAUTION = "INTERVIEWED_UNDER_CAUTION",
  /** Released with no charge and no bail: the investigation may or may not go on. */
  RELEASED_WITHOUT_CHARGE = "RELEASED_WITHOUT_CHARGE",
  CHARGED = "CHARGED",
  NO_FURTHER_ACTION = "NO_FURTHER_ACTION",
  /** The police decided not to investigate the crime at all. */
  DECISION_NOT_TO_INVESTIGATE = "DECISION_NOT_TO_INVESTIGATE",
  /** Dealt with outside court: a caution, a conditional caution or a community resolution. */
  OUT_OF_COURT_DISPOSAL = "OUT_OF_COURT_DISPOSAL",
  COURT_HEARING = "COURT_HEARING",
  VERDICT = "VERDICT",
  SENTENCE = "SENTENCE",
}

/** Stalking Protection Act 2019; Domestic Abuse Act 2021 Part 3 (DOMAIN-REFERENCE.md 4.1, 4.2). */
export enum ProtectiveOrderKind {
  STALKING_PROTECTION_ORDER = "STALKING_PROTECTION_ORDER",
  DOMESTIC_ABUSE_PROTECTION_NOTICE = "DOMESTIC_ABUSE_PROTECTION_NOTICE",
  DOMESTIC_ABUSE_PROTECTION_ORDER = "DOMESTIC_ABUSE_PROTECTION_ORDER",
}

export enum ProtectiveOrderStatus {
  APPLIED = "APPLIED",
  INTERIM = "INTERIM",
  GRANTED = "GRANTED",
  VARIED = "VARIED",
  BREACHED = "BREACHED",
  EXPIRED = "EXPIRED",
}

/** Standard / medium / high, the levels used across DASH and stalking triage (DOMAIN.md, Risk). */
export enum TriageRisk {
  STANDARD = "STANDARD",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
}

/** A Home Office Counting Rules classification. */
export interface Offence {
  homeOfficeCode: string;
  description: string;
}

export interface CrimeFlags {
  /** Applies across offence classes: domestic abuse is a flag, not a class (DOMAIN-REFERENCE.md 3.1). */
  domesticAbuse: boolean;
  stalking: boolean;
  harassment: boolean;
  controllingOrCoercive: boolean;
  hateCrimeStrand: HateCrimeStrand | null;
  modernSlavery: boolean;
  fraud: boolean;
}

/** One classification a crime has carried; reclassification appends, never overwrites. */
export interface Classification {
  at: string;
  homeOfficeCode: string;
  description: string;
  reason: string;
}

/** The Stalking Triage Centre's review of a stalking or harassment crime (DOMAIN.md, Organisations). */
export interface StalkingTriage {
  reviewedAt: string;
  risk: TriageRisk;
  linesOfEnquiry: string[];
  spoConsidered: boolean;
  /** Reviewed as an older (legacy) case rather than on recording. */
  legacyCase: boolean;
}

export interface PoliceCrime {
  crimeReference: string;
  recordedAt: string;
  /** The current classification: always the last entry of classificationHistory. */
  offence: Offence;
  flags: CrimeFlags;
  borough: Borough;
  status: InvestigationStatus;
  /** The outcome as recorded, null while none is. */
  outcome: string | null;
  /** Oldest first. */
  classificationHistory: Classification[];
  stalkingTriage: StalkingTriage | null;
  /** Opaque ids: the API never sends a name or an address. */
  victimRef: string;
  suspectRef: string | null;
}

export interface InvestigationUpdate {
  id: string;
  crimeReference: string;
  kind: InvestigationUpdateKind;
  occurredAt: string;
  summary: string;
}

export interface ProtectiveOrder {
  id: string;
  crimeReference: string;
  kind: ProtectiveOrderKind;
  status: ProtectiveOrderStatus;
  /** The day police applied to court or, for a notice, the day a senior officer gave it. */
  appliedOn: string;
  grantedOn: string | null;
  /** Null where the order runs until further order (a DAPO has no fixed maximum, DOMAIN-REFERENCE.md 4.2). */
  expiresOn: string | null;
}

/** The search this API supports: crimes recorded in one borough, or all. */
export interface CrimeSearch {
  borough?: Borough;
}

export interface PoliceHealth {
  status: "UP" | "DEGRADED";
}

export interface ApiError {
  code: "UNAUTHORIZED" | "NOT_FOUND" | "INVALID_REQUEST" | "UNAVAILABLE";
  message: string;
}

/** Most references one batch request may carry (openapi.yaml, BatchRequest). */
export const BATCH_LIMIT = 100;

/** Most crimes one page of search or of the change feed may hold (openapi.yaml, `first` and `limit`). */
export const PAGE_LIMIT = 100;
