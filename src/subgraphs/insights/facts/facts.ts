import { Borough } from "../../../platform/domain";

/**
 * What the evidence base is built from: pseudonymised facts, one per referral,
 * per Victims' Code entitlement outcome and per survey answer. Each carries
 * the same descriptive context (month, area, crime, demographics) and never a
 * name, a date of birth, an address, a case id or a crime reference.
 *
 * The victims and partners subgraphs each serve their facts changed since a
 * watermark on an internal feed; the hub wraps each as a FactSource
 * (src/insights-facts), beside the synthetic and list sources here (sources.ts). `sourceKey` is the source's own
 * key for the record (e.g. a referral id): the refresh turns it into an HMAC
 * (pseudonymise.ts) and stores only that, so a re-sent fact replaces itself
 * and nothing in the insights schema leads back to the case.
 *
 * Plain TypeScript enums: the GraphQL layer registers them (dimensions.ts).
 */

/** How the referral reached the service (DOMAIN-REFERENCE.md §7.2, Referral routes). */
export enum ReferralRoute {
  /** Police Automated Data Transfer under Victims' Code Right 4. */
  POLICE = "POLICE",
  SELF = "SELF",
  /** Another agency or a partner service (including MARAC and NRM routes). */
  PARTNER = "PARTNER",
}

/** The service the referral was made to. */
export enum SupportService {
  GMVS = "GMVS",
  PANKHURST_RESTORE = "PANKHURST_RESTORE",
  PANKHURST_DOMESTIC_ABUSE = "PANKHURST_DOMESTIC_ABUSE",
  HOURGLASS = "HOURGLASS",
  CHALLENGER = "CHALLENGER",
  OTHER = "OTHER",
}

/**
 * Age bands (DOMAIN-REFERENCE.md §7.2: including 16–17 and older people for
 * Hourglass). Sources send the band, never a date of birth: ageBandOf().
 */
export enum AgeBand {
  UNDER_16 = "UNDER_16",
  AGE_16_17 = "AGE_16_17",
  AGE_18_24 = "AGE_18_24",
  AGE_25_34 = "AGE_25_34",
  AGE_35_44 = "AGE_35_44",
  AGE_45_54 = "AGE_45_54",
  AGE_55_64 = "AGE_55_64",
  AGE_65_74 = "AGE_65_74",
  AGE_75_PLUS = "AGE_75_PLUS",
  /**
   * A child whose source records only "under 18" (the GMVS case file's band,
   * platform/domain.ts): which of UNDER_16 and AGE_16_17 is not known, and is
   * not guessed.
   */
  UNDER_18_NOT_BANDED = "UNDER_18_NOT_BANDED",
  NOT_KNOWN = "NOT_KNOWN",
}

export enum Sex {
  FEMALE = "FEMALE",
  MALE = "MALE",
  OTHER = "OTHER",
  NOT_KNOWN = "NOT_KNOWN",
}

/**
 * Self-defined ethnicity: the 19 ONS 2021 Census categories ("18+1",
 * DOMAIN-REFERENCE.md §7.2), a group whose category was not recorded, and not stated. Reported by EthnicGroup (the five
 * high-level groups) where cells would otherwise be too small.
 */
export enum Ethnicity {
  ASIAN_BANGLADESHI = "ASIAN_BANGLADESHI",
  ASIAN_CHINESE = "ASIAN_CHINESE",
  ASIAN_INDIAN = "ASIAN_INDIAN",
  ASIAN_PAKISTANI = "ASIAN_PAKISTANI",
  ASIAN_OTHER = "ASIAN_OTHER",
  BLACK_AFRICAN = "BLACK_AFRICAN",
  BLACK_CARIBBEAN = "BLACK_CARIBBEAN",
  BLACK_OTHER = "BLACK_OTHER",
  MIXED_WHITE_AND_ASIAN = "MIXED_WHITE_AND_ASIAN",
  MIXED_WHITE_AND_BLACK_AFRICAN = "MIXED_WHITE_AND_BLACK_AFRICAN",
  MIXED_WHITE_AND_BLACK_CARIBBEAN = "MIXED_WHITE_AND_BLACK_CARIBBEAN",
  MIXED_OTHER = "MIXED_OTHER",
  WHITE_BRITISH = "WHITE_BRITISH",
  WHITE_IRISH = "WHITE_IRISH",
  WHITE_GYPSY_OR_IRISH_TRAVELLER = "WHITE_GYPSY_OR_IRISH_TRAVELLER",
  WHITE_ROMA = "WHITE_ROMA",
  WHITE_OTHER = "WHITE_OTHER",
  OTHER_ARAB = "OTHER_ARAB",
  OTHER_ANY = "OTHER_ANY",
  /**
   * The high-level group is known, the detailed category was not recorded:
   * the GMVS case file records only the five ONS groups (platform/domain.ts),
   * and a group is not guessed down to a category. ethnicGroupOf() gives the group.
   */
  ASIAN_DETAIL_NOT_RECORDED = "ASIAN_DETAIL_NOT_RECORDED",
  BLACK_DETAIL_NOT_RECORDED = "BLACK_DETAIL_NOT_RECORDED",
  MIXED_DETAIL_NOT_RECORDED = "MIXED_DETAIL_NOT_RECORDED",
  WHITE_DETAIL_NOT_RECORDED = "WHITE_DETAIL_NOT_RECORDED",
  OTHER_DETAIL_NOT_RECORDED = "OTHER_DETAIL_NOT_RECORDED",
  NOT_STATED = "NOT_STATED",
}

/** The ONS high-level ethnic groups. */
export enum EthnicGroup {
  ASIAN = "ASIAN",
  BLACK = "BLACK",
  MIXED = "MIXED",
  WHITE = "WHITE",
  OTHER = "OTHER",
  NOT_STATED = "NOT_STATED",
}

export function ethnicGroupOf(ethnicity: Ethnicity): EthnicGroup {
  if (ethnicity === Ethnicity.NOT_STATED) return EthnicGroup.NOT_STATED;
  return ethnicity.split("_")[0] as EthnicGroup;
}

/** Equality Act 2010 s.6 disability, as the victim self-declares it. */
export enum Disability {
  DISABLED = "DISABLED",
  NOT_DISABLED = "NOT_DISABLED",
  NOT_KNOWN = "NOT_KNOWN",
}

/**
 * Crime type: the 14 police.uk categories (connectors/police/policeuk), so
 * referral demand sits beside police.uk area demand, and a referral with no
 * crime reported to the police (self-referral without a report).
 */
export enum CrimeType {
  ANTI_SOCIAL_BEHAVIOUR = "ANTI_SOCIAL_BEHAVIOUR",
  BICYCLE_THEFT = "BICYCLE_THEFT",
  BURGLARY = "BURGLARY",
  CRIMINAL_DAMAGE_AND_ARSON = "CRIMINAL_DAMAGE_AND_ARSON",
  DRUGS = "DRUGS",
  OTHER_CRIME = "OTHER_CRIME",
  OTHER_THEFT = "OTHER_THEFT",
  POSSESSION_OF_WEAPONS = "POSSESSION_OF_WEAPONS",
  PUBLIC_ORDER = "PUBLIC_ORDER",
  ROBBERY = "ROBBERY",
  SHOPLIFTING = "SHOPLIFTING",
  THEFT_FROM_THE_PERSON = "THEFT_FROM_THE_PERSON",
  VEHICLE_CRIME = "VEHICLE_CRIME",
  VIOLENCE_AND_SEXUAL_OFFENCES = "VIOLENCE_AND_SEXUAL_OFFENCES",
  NOT_REPORTED_TO_POLICE = "NOT_REPORTED_TO_POLICE",
}

/** The police.uk category name ("Violence and sexual offences") as a CrimeType. */
export function crimeTypeOfPoliceUk(category: string): CrimeType {
  return category.toUpperCase().replace(/[^A-Z]+/g, "_").replace(/^_|_$/g, "") as CrimeType;
}

/** Flags that apply across crime types (DOMAIN-REFERENCE.md 3.1). */
export interface CrimeFlagsFact {
  domesticAbuse: boolean;
  stalking: boolean;
  hateCrime: boolean;
  modernSlavery: boolean;
  fraud: boolean;
}

/** Where a referral stands. */
export enum ReferralStatus {
  /** Sent or received; nobody has contacted the victim yet: on the waiting list. */
  WAITING = "WAITING",
  /** First contact made; support not yet accepted or declined. */
  CONTACTED = "CONTACTED",
  /** The victim accepted support; the referral is open. */
  ACCEPTED = "ACCEPTED",
  /** Closed: see the outcome. */
  CLOSED = "CLOSED",
}

/** How a closed referral ended (DOMAIN-REFERENCE.md §7.2, Attrition). */
export enum ReferralOutcome {
  SUPPORT_COMPLETED = "SUPPORT_COMPLETED",
  DECLINED_SUPPORT = "DECLINED_SUPPORT",
  COULD_NOT_CONTACT_SAFELY = "COULD_NOT_CONTACT_SAFELY",
  REFERRED_ON = "REFERRED_ON",
  NOT_ELIGIBLE = "NOT_ELIGIBLE",
}

/**
 * Timed Victims' Code duties, as the victims subgraph's engine tracks them
 * (src/subgraphs/victims/victims-code/rules.ts EntitlementCode: the same
 * values, repeated here because subgraphs never import each other).
 */
export enum Entitlement {
  /** Right 3: written confirmation and information on reporting within 5 working days (1 under Enhanced Rights). */
  R3_INFORMATION_ON_REPORTING = "R3_INFORMATION_ON_REPORTING",
  /** Right 4: details passed to victim support services within 2 working days of reporting. */
  R4_REFERRAL_TO_SUPPORT_SERVICES = "R4_REFERRAL_TO_SUPPORT_SERVICES",
  /** Right 6: told of a key investigation or charging decision within 5 working days (1 under Enhanced Rights). */
  R6_TOLD_OF_KEY_DECISION = "R6_TOLD_OF_KEY_DECISION",
  /** Right 7: offered a Victim Personal Statement when the suspect is charged. */
  R7_VPS_OFFERED = "R7_VPS_OFFERED",
  /** Right 8: told of a court hearing's outcome within 5 working days (1 under Enhanced Rights). */
  R8_TOLD_OF_HEARING_OUTCOME = "R8_TOLD_OF_HEARING_OUTCOME",
  /** Right 9: told of the verdict and the sentence within 1 working day. */
  R9_TOLD_OF_CASE_OUTCOME = "R9_TOLD_OF_CASE_OUTCOME",
  /** Right 11: referred to the Victim Contact Scheme within 10 working days of sentence, where eligible. */
  R11_REFERRED_TO_VICTIM_CONTACT_SCHEME = "R11_REFERRED_TO_VICTIM_CONTACT_SCHEME",
}

/** The engine's verdict (victims-code/engine.ts EntitlementStatus, same values). */
export enum EntitlementStatus {
  MET = "MET",
  LATE = "LATE",
  MISSED = "MISSED",
  PENDING = "PENDING",
  NOT_APPLICABLE = "NOT_APPLICABLE",
}

/** The rights the local victim survey asks about (DOMAIN.md: "The local survey measures rights 1 to 7"). */
export enum SurveyRight {
  R1 = "R1",
  R2 = "R2",
  R3 = "R3",
  R4 = "R4",
  R5 = "R5",
  R6 = "R6",
  R7 = "R7",
}

/** Survey answers are on a 1–5 scale (1 very dissatisfied … 5 very satisfied); 4 and 5 count as satisfied. */
export const SURVEY_SCALE = { min: 1, max: 5, satisfiedFrom: 4 } as const;

/**
 * The risk tool behind an assessment, as the evidence base tells them apart:
 * the DASH risk identification checklist (any version) and the S-DASH
 * stalking screen (DOMAIN.md, Risk). Not the partners' RiskTool, which names
 * each version and other tools.
 */
export enum EvidenceRiskTool {
  DASH = "DASH",
  S_DASH = "S_DASH",
}

/**
 * The level a DASH assessment reached (DOMAIN.md, Risk: standard, medium,
 * high; high is the MARAC threshold), as the hub scores it; an S-DASH screen
 * yields no level of its own and is NOT_GRADED.
 */
export enum EvidenceRiskLevel {
  STANDARD = "STANDARD",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
  NOT_GRADED = "NOT_GRADED",
}

/**
 * A protective order's kind as the evidence base counts it: the Stalking
 * Protection Order (Stalking Protection Act 2019), the Domestic Abuse
 * Protection Notice and Order (Domestic Abuse Act 2021 Part 3). The police
 * record's own kinds, under shorter names.
 */
export enum EvidenceOrderKind {
  SPO = "SPO",
  DAPN = "DAPN",
  DAPO = "DAPO",
}

/**
 * Where a protective order has got to, from its latest status on the police
 * record: applied for and not yet issued; issued (interim or full, in force,
 * varied or expired); breached. The record keeps no breach date and no
 * history, so an order breached and since varied or expired counts as
 * issued, not breached.
 */
export enum EvidenceOrderOutcome {
  APPLIED = "APPLIED",
  ISSUED = "ISSUED",
  BREACHED = "BREACHED",
}

/**
 * The Ministry of Justice cope-and-recover outcome areas for funded victim
 * services, as partners measure them (connectors/partners.ts
 * OutcomeMeasureKind; DOMAIN-REFERENCE.md §7.2: not confirmed against the
 * grant terms).
 */
export enum EvidenceOutcomeArea {
  FEELING_SAFER = "FEELING_SAFER",
  BETTER_ABLE_TO_COPE = "BETTER_ABLE_TO_COPE",
  BETTER_INFORMED = "BETTER_INFORMED",
  IMPROVED_HEALTH_AND_WELLBEING = "IMPROVED_HEALTH_AND_WELLBEING",
}

/**
 * What Challenger submitted for a survivor of modern slavery: a National
 * Referral Mechanism referral, or, for an adult who does not consent, the
 * anonymous Duty to Notify (MS1) return (Modern Slavery Act 2015 s.52;
 * connectors/partners.ts NrmSubmissionKind).
 */
export enum EvidenceSubmissionKind {
  NRM = "NRM",
  DUTY_TO_NOTIFY = "DUTY_TO_NOTIFY",
}

/**
 * How far the Competent Authority has got with a submission, from its latest
 * decision on the partner's record: awaiting the reasonable-grounds decision;
 * reasonable grounds negative, or positive and awaiting conclusive grounds;
 * conclusive grounds negative or positive (Nationality and Borders Act 2022
 * s.60; conclusive grounds follow only a positive reasonable-grounds
 * decision, connectors/partners.ts nrmSubmissionProblems). A Duty to Notify
 * return asks for no decision, so it is NOT_FOR_DECISION, never pending.
 */
export enum EvidenceNrmStage {
  AWAITING_REASONABLE_GROUNDS = "AWAITING_REASONABLE_GROUNDS",
  NEGATIVE_REASONABLE_GROUNDS = "NEGATIVE_REASONABLE_GROUNDS",
  POSITIVE_REASONABLE_GROUNDS = "POSITIVE_REASONABLE_GROUNDS",
  NEGATIVE_CONCLUSIVE_GROUNDS = "NEGATIVE_CONCLUSIVE_GROUNDS",
  POSITIVE_CONCLUSIVE_GROUNDS = "POSITIVE_CONCLUSIVE_GROUNDS",
  NOT_FOR_DECISION = "NOT_FOR_DECISION",
}

/**
 * How long a stay in Challenger's place of safety lasted, in whole London
 * calendar days from the day it began to the day it ended; ONGOING while it
 * lasts. The bands are ours, not a published standard: a place of safety is
 * for immediate rescue and recovery (DOMAIN.md), so they are drawn in weeks.
 */
export enum EvidenceStayLength {
  UNDER_1_WEEK = "UNDER_1_WEEK",
  ONE_TO_2_WEEKS = "ONE_TO_2_WEEKS",
  TWO_WEEKS_OR_MORE = "TWO_WEEKS_OR_MORE",
  ONGOING = "ONGOING",
}

/** What every fact says about its context. No field here identifies a person on its own. */
export interface FactContext {
  /** Calendar month the fact belongs to, YYYY-MM (a referral's month is the month it was made). */
  month: string;
  borough: Borough;
  crimeType: CrimeType;
  flags: CrimeFlagsFact;
  ageBand: AgeBand;
  sex: Sex;
  ethnicity: Ethnicity;
  disability: Disability;
}

/** One referral into a support service (GMVS in, or GMVS out to a partner). */
export interface ReferralFact extends FactContext {
  kind: "referral";
  /** The source's own key for the referral; hashed at the boundary, never stored. */
  sourceKey: string;
  route: ReferralRoute;
  service: SupportService;
  status: ReferralStatus;
  /** Set when status is CLOSED. */
  outcome: ReferralOutcome | null;
  /** When the referral was made (the clock for every wait). */
  sentAt: Date;
  receivedAt: Date | null;
  acceptedAt: Date | null;
  firstContactAt: Date | null;
}

/** One Victims' Code entitlement and the engine's verdict on it. */
export interface EntitlementFact extends FactContext {
  kind: "entitlement";
  sourceKey: string;
  entitlement: Entitlement;
  status: EntitlementStatus;
  enhancedRights: boolean;
}

/** One answer to the victim survey: one right, one score. */
export interface SurveyAnswerFact extends FactContext {
  kind: "survey";
  sourceKey: string;
  right: SurveyRight;
  /** SURVEY_SCALE.min … SURVEY_SCALE.max */
  score: number;
}

/** One risk assessment recorded through the hub; its month is the month it was made. */
export interface RiskAssessmentFact extends FactContext {
  kind: "risk_assessment";
  sourceKey: string;
  tool: EvidenceRiskTool;
  /** NOT_GRADED exactly when the tool is S_DASH. */
  level: EvidenceRiskLevel;
}

/** One MARAC referral, whichever assessment raised it; its month is the month it was raised. */
export interface MaracReferralFact extends FactContext {
  kind: "marac_referral";
  sourceKey: string;
}

/** One protective order on a supported victim's crime; its month is the month it was applied for (a notice: given). */
export interface ProtectiveOrderFact extends FactContext {
  kind: "protective_order";
  sourceKey: string;
  orderKind: EvidenceOrderKind;
  outcome: EvidenceOrderOutcome;
}

/**
 * One cope-and-recover outcome a partner measured for a victim at least
 * twice; its month is the month of the latest measurement. Improved when the
 * latest score is higher than the first.
 */
export interface CopeRecoverFact extends FactContext {
  kind: "cope_recover";
  sourceKey: string;
  area: EvidenceOutcomeArea;
  improved: boolean;
}

/**
 * One NRM referral or Duty to Notify return Challenger made for a survivor,
 * in the month it was submitted, at the stage its decisions have reached.
 */
export interface NrmSubmissionFact extends FactContext {
  kind: "nrm_submission";
  sourceKey: string;
  submissionKind: EvidenceSubmissionKind;
  stage: EvidenceNrmStage;
}

/** One stay in Challenger's place of safety, in the month it began, by how long it lasted. */
export interface PlaceOfSafetyStayFact extends FactContext {
  kind: "place_of_safety_stay";
  sourceKey: string;
  length: EvidenceStayLength;
}

export type FactKind = Fact["kind"];

/** The record behind a fact is gone (erased, or created in error): its fact goes too. */
export interface FactDeletion {
  kind: "deletion";
  factKind: FactKind;
  sourceKey: string;
}

export type Fact = ReferralFact | EntitlementFact | SurveyAnswerFact | RiskAssessmentFact | MaracReferralFact | ProtectiveOrderFact | CopeRecoverFact | NrmSubmissionFact | PlaceOfSafetyStayFact;
export type FactChange = Fact | FactDeletion;

export interface FactBatch {
  facts: FactChange[];
  /** Opaque; stored and passed back as `watermark` next time. Always present, even when `facts` is empty. */
  watermark: string;
  hasMore: boolean;
}

/**
 * A source of facts: the victims subgraph (referrals in, Victims' Code,
 * survey) and the partners subgraph (referrals out). The refresh keeps one
 * watermark per `name`.
 */
export interface FactSource {
  /** Stable: the watermark is stored under it. */
  readonly name: string;
  /**
   * Facts changed since the watermark (null: from the beginning), oldest
   * change first, at most `limit`. Asking again with the same watermark
   * returns the same facts (or newer versions of them).
   */
  changesSince(watermark: string | null, limit: number): Promise<FactBatch>;
}

/** Ages to bands, for sources that hold an age or date of birth: only the band crosses the boundary. */
export function ageBandOf(age: number | null): AgeBand {
  if (age === null || !Number.isFinite(age) || age < 0) return AgeBand.NOT_KNOWN;
  if (age < 16) return AgeBand.UNDER_16;
  if (age < 18) return AgeBand.AGE_16_17;
  if (age < 25) return AgeBand.AGE_18_24;
  if (age < 35) return AgeBand.AGE_25_34;
  if (age < 45) return AgeBand.AGE_35_44;
  if (age < 55) return AgeBand.AGE_45_54;
  if (age < 65) return AgeBand.AGE_55_64;
  if (age < 75) return AgeBand.AGE_65_74;
  return AgeBand.AGE_75_PLUS;
}
