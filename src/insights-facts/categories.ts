import type { CrimeFlags } from "../../connectors/police/types";
import { ReferralStatus as PartnerReferralStatus } from "../../connectors/partners";
import { AgeBand as CaseAgeBand, Disability as CaseDisability, Ethnicity as CaseEthnicity, OrganisationCode, Sex as CaseSex } from "../platform/domain";
import {
  AgeBand,
  CrimeFlagsFact,
  CrimeType,
  Disability,
  Ethnicity,
  EvidenceOrderKind,
  EvidenceOrderOutcome,
  EvidenceNrmStage,
  EvidenceOutcomeArea,
  EvidenceStayLength,
  EvidenceSubmissionKind,
  EvidenceRiskLevel,
  EvidenceRiskTool,
  ReferralOutcome,
  ReferralRoute,
  ReferralStatus,
  Sex,
  SupportService,
} from "../subgraphs/insights/facts/facts";
import { RiskLevel, RiskTool } from "../subgraphs/partners/risk/question-sets";
import { ProtectiveOrderKind, ProtectiveOrderStatus } from "../../connectors/police/types";
import { NrmDecisionOutcome, NrmSubmissionKind, OutcomeMeasureKind } from "../../connectors/partners";
import { CaseClosureReason, CaseStatus, ReferralRoute as CaseReferralRoute } from "../subgraphs/victims/cases/case.types";

/**
 * The one place where the case file's and the partners' categories become the
 * evidence base's (src/subgraphs/insights/facts/facts.ts). Every table is
 * explicit and total over its source enum (TypeScript checks the Records):
 * an unknown or declined answer becomes NOT_KNOWN / NOT_STATED, and a coarser
 * source category is never guessed down to a finer one.
 */

/**
 * GMVS records UNDER_18 (a child, Children Act 1989 s.105); the evidence base
 * tells 16–17 apart (DOMAIN-REFERENCE.md 7.2), which the case file cannot:
 * UNDER_18_NOT_BANDED, not a guess at one of the two.
 */
export const AGE_BAND: Readonly<Record<CaseAgeBand, AgeBand>> = {
  [CaseAgeBand.UNDER_18]: AgeBand.UNDER_18_NOT_BANDED,
  [CaseAgeBand.AGE_18_24]: AgeBand.AGE_18_24,
  [CaseAgeBand.AGE_25_34]: AgeBand.AGE_25_34,
  [CaseAgeBand.AGE_35_44]: AgeBand.AGE_35_44,
  [CaseAgeBand.AGE_45_54]: AgeBand.AGE_45_54,
  [CaseAgeBand.AGE_55_64]: AgeBand.AGE_55_64,
  [CaseAgeBand.AGE_65_74]: AgeBand.AGE_65_74,
  [CaseAgeBand.AGE_75_PLUS]: AgeBand.AGE_75_PLUS,
};

export const SEX: Readonly<Record<CaseSex, Sex>> = {
  [CaseSex.FEMALE]: Sex.FEMALE,
  [CaseSex.MALE]: Sex.MALE,
  [CaseSex.PREFER_NOT_TO_SAY]: Sex.NOT_KNOWN,
};

/** The case file holds the five ONS high-level groups only: each maps to "group known, category not recorded". */
export const ETHNICITY: Readonly<Record<CaseEthnicity, Ethnicity>> = {
  [CaseEthnicity.ASIAN]: Ethnicity.ASIAN_DETAIL_NOT_RECORDED,
  [CaseEthnicity.BLACK]: Ethnicity.BLACK_DETAIL_NOT_RECORDED,
  [CaseEthnicity.MIXED]: Ethnicity.MIXED_DETAIL_NOT_RECORDED,
  [CaseEthnicity.WHITE]: Ethnicity.WHITE_DETAIL_NOT_RECORDED,
  [CaseEthnicity.OTHER]: Ethnicity.OTHER_DETAIL_NOT_RECORDED,
  [CaseEthnicity.PREFER_NOT_TO_SAY]: Ethnicity.NOT_STATED,
};

/**
 * ONS 2021: day-to-day activities limited a lot or a little by a long-term
 * condition is the Equality Act 2010 s.6 definition of disability, so both are DISABLED.
 */
export const DISABILITY: Readonly<Record<CaseDisability, Disability>> = {
  [CaseDisability.LIMITED_A_LOT]: Disability.DISABLED,
  [CaseDisability.LIMITED_A_LITTLE]: Disability.DISABLED,
  [CaseDisability.NOT_DISABLED]: Disability.NOT_DISABLED,
  [CaseDisability.PREFER_NOT_TO_SAY]: Disability.NOT_KNOWN,
};

export const ageBandOf = (band: CaseAgeBand | null): AgeBand => (band === null ? AgeBand.NOT_KNOWN : (AGE_BAND[band] ?? AgeBand.NOT_KNOWN));
export const sexOf = (sex: CaseSex | null): Sex => (sex === null ? Sex.NOT_KNOWN : (SEX[sex] ?? Sex.NOT_KNOWN));
export const ethnicityOf = (e: CaseEthnicity | null): Ethnicity => (e === null ? Ethnicity.NOT_STATED : (ETHNICITY[e] ?? Ethnicity.NOT_STATED));
export const disabilityOf = (d: CaseDisability | null): Disability => (d === null ? Disability.NOT_KNOWN : (DISABILITY[d] ?? Disability.NOT_KNOWN));

/**
 * Referral routes (facts.ts: how the referral reached the service). A GMVS
 * intake is a referral into GMVS by the route the case file records: the
 * police (Victims' Code Right 4 transfer) or the victim. A referral out is a
 * referral into the partner's service by another agency (GMVS): PARTNER.
 */
export const INTAKE_ROUTE: Readonly<Record<CaseReferralRoute, ReferralRoute>> = {
  [CaseReferralRoute.POLICE]: ReferralRoute.POLICE,
  [CaseReferralRoute.SELF]: ReferralRoute.SELF,
};
export const REFERRAL_OUT_ROUTE = ReferralRoute.PARTNER;

/** The service a referral out was made to, from the partner and the service's name as GMVS wrote it; a name not listed is OTHER. */
export function supportServiceOf(partner: OrganisationCode, service: string): SupportService {
  switch (partner) {
    case OrganisationCode.PANKHURST:
      if (/\brestore\b/i.test(service)) return SupportService.PANKHURST_RESTORE;
      if (/\bdomestic abuse\b/i.test(service)) return SupportService.PANKHURST_DOMESTIC_ABUSE;
      return SupportService.OTHER;
    case OrganisationCode.HOURGLASS:
      return SupportService.HOURGLASS;
    case OrganisationCode.CHALLENGER:
      return SupportService.CHALLENGER;
    default:
      return SupportService.OTHER;
  }
}

/** How a closed GMVS case ended. UNABLE_TO_CONTACT is the attrition stage "could not be contacted (safely)" (DOMAIN-REFERENCE.md 7.2). */
export const CASE_OUTCOME: Readonly<Record<CaseClosureReason, ReferralOutcome>> = {
  [CaseClosureReason.SUPPORT_COMPLETED]: ReferralOutcome.SUPPORT_COMPLETED,
  [CaseClosureReason.VICTIM_DECLINED_SUPPORT]: ReferralOutcome.DECLINED_SUPPORT,
  [CaseClosureReason.UNABLE_TO_CONTACT]: ReferralOutcome.COULD_NOT_CONTACT_SAFELY,
  [CaseClosureReason.REFERRED_ON]: ReferralOutcome.REFERRED_ON,
};

/**
 * Where a GMVS intake stands. A victim who opted out of the police referral
 * declined support; an open case has been accepted (needs assessed); a
 * closed one without a recorded reason keeps outcome null, which the
 * refresh's boundary check refuses and counts rather than guessing one.
 */
export function intakeStatusOf(kase: {
  status: CaseStatus;
  closureReason: CaseClosureReason | null;
  referralDeclined: boolean;
  firstContactAt: Date | null;
}): { status: ReferralStatus; outcome: ReferralOutcome | null } {
  if (kase.referralDeclined) return { status: ReferralStatus.CLOSED, outcome: ReferralOutcome.DECLINED_SUPPORT };
  switch (kase.status) {
    case CaseStatus.CLOSED:
      return { status: ReferralStatus.CLOSED, outcome: kase.closureReason ? CASE_OUTCOME[kase.closureReason] : null };
    case CaseStatus.OPEN:
      return { status: ReferralStatus.ACCEPTED, outcome: null };
    default:
      return { status: kase.firstContactAt ? ReferralStatus.CONTACTED : ReferralStatus.WAITING, outcome: null };
  }
}

/**
 * Where a referral out stands (partners referral state machine). The partner
 * declining a referral is the service's answer (NOT_ELIGIBLE: it did not take
 * the referral on); GMVS withdrawing it is the victim no longer wanting the
 * service (withdrawReferral: DECLINED_SUPPORT); closed after acceptance is
 * support completed. A referral closed after a decline or withdrawal keeps that outcome.
 */
export function referralOutStatusOf(referral: {
  status: PartnerReferralStatus;
  declinedAt: Date | null;
  withdrawnAt: Date | null;
  firstContactAt: Date | null;
}): { status: ReferralStatus; outcome: ReferralOutcome | null } {
  switch (referral.status) {
    case PartnerReferralStatus.SENT:
    case PartnerReferralStatus.RECEIVED:
      return { status: referral.firstContactAt ? ReferralStatus.CONTACTED : ReferralStatus.WAITING, outcome: null };
    case PartnerReferralStatus.ACCEPTED:
      return { status: ReferralStatus.ACCEPTED, outcome: null };
    case PartnerReferralStatus.DECLINED:
      return { status: ReferralStatus.CLOSED, outcome: ReferralOutcome.NOT_ELIGIBLE };
    case PartnerReferralStatus.WITHDRAWN:
      return { status: ReferralStatus.CLOSED, outcome: ReferralOutcome.DECLINED_SUPPORT };
    case PartnerReferralStatus.CLOSED:
      return {
        status: ReferralStatus.CLOSED,
        outcome: referral.declinedAt ? ReferralOutcome.NOT_ELIGIBLE : referral.withdrawnAt ? ReferralOutcome.DECLINED_SUPPORT : ReferralOutcome.SUPPORT_COMPLETED,
      };
  }
}

/**
 * Home Office Counting Rules classes to police.uk categories, so referral
 * demand sits beside police.uk area demand. Stalking and harassment (8L, 8M,
 * 8Q), malicious communications (8R), controlling or coercive behaviour (8U)
 * and modern slavery (106) are Violence against the Person
 * (DOMAIN-REFERENCE.md 3.1), which police.uk reports as "Violence and sexual
 * offences". A class not in this table is counted as police.uk's residual
 * "Other crime" until it is added here.
 */
export const CRIME_TYPE_BY_HOME_OFFICE_CLASS: ReadonlyMap<string, CrimeType> = new Map([
  ["8L", CrimeType.VIOLENCE_AND_SEXUAL_OFFENCES],
  ["8M", CrimeType.VIOLENCE_AND_SEXUAL_OFFENCES],
  ["8Q", CrimeType.VIOLENCE_AND_SEXUAL_OFFENCES],
  ["8R", CrimeType.VIOLENCE_AND_SEXUAL_OFFENCES],
  ["8U", CrimeType.VIOLENCE_AND_SEXUAL_OFFENCES],
  ["106", CrimeType.VIOLENCE_AND_SEXUAL_OFFENCES],
]);

const NO_FLAGS: CrimeFlagsFact = { domesticAbuse: false, stalking: false, hateCrime: false, modernSlavery: false, fraud: false };

/** Crime type and flags of a case's crime; no crime reported to the police: NOT_REPORTED_TO_POLICE, no flags. */
export function crimeOf(crime: { homeOfficeCode: string; flags: CrimeFlags } | null, reported: boolean): { crimeType: CrimeType; flags: CrimeFlagsFact } {
  if (!reported) return { crimeType: CrimeType.NOT_REPORTED_TO_POLICE, flags: NO_FLAGS };
  if (crime === null) return { crimeType: CrimeType.OTHER_CRIME, flags: NO_FLAGS };
  return {
    crimeType: CRIME_TYPE_BY_HOME_OFFICE_CLASS.get(crime.homeOfficeCode) ?? CrimeType.OTHER_CRIME,
    flags: {
      domesticAbuse: crime.flags.domesticAbuse,
      stalking: crime.flags.stalking,
      hateCrime: crime.flags.hateCrimeStrand !== null,
      modernSlavery: crime.flags.modernSlavery,
      fraud: crime.flags.fraud,
    },
  };
}

const LONDON_MONTH = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", year: "numeric", month: "2-digit" });

/** "YYYY-MM" of an instant, London time (a referral's month is the month it was made there). */
export function londonMonthOf(at: Date): string {
  const parts = LONDON_MONTH.formatToParts(at);
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

/**
 * The partners' risk tools as the evidence base counts them: every DASH
 * version is DASH; DARA and other tools are neither DASH nor S-DASH, and are
 * not counted as either (the hub scores neither, so none is recorded today).
 */
export const RISK_TOOL: Readonly<Record<RiskTool, EvidenceRiskTool | null>> = {
  [RiskTool.DASH_POLICE]: EvidenceRiskTool.DASH,
  [RiskTool.DASH_SAFELIVES]: EvidenceRiskTool.DASH,
  [RiskTool.S_DASH]: EvidenceRiskTool.S_DASH,
  [RiskTool.DARA]: null,
  [RiskTool.OTHER]: null,
};

export const RISK_LEVEL: Readonly<Record<RiskLevel, EvidenceRiskLevel>> = {
  [RiskLevel.STANDARD]: EvidenceRiskLevel.STANDARD,
  [RiskLevel.MEDIUM]: EvidenceRiskLevel.MEDIUM,
  [RiskLevel.HIGH]: EvidenceRiskLevel.HIGH,
};

/** A scored assessment's level; none (an S-DASH screen) is NOT_GRADED. */
export const riskLevelOf = (level: RiskLevel | null): EvidenceRiskLevel => (level === null ? EvidenceRiskLevel.NOT_GRADED : RISK_LEVEL[level]);

/** The police record's order kinds under the evidence base's names (Stalking Protection Act 2019; Domestic Abuse Act 2021 Part 3). */
export const ORDER_KIND: Readonly<Record<ProtectiveOrderKind, EvidenceOrderKind>> = {
  [ProtectiveOrderKind.STALKING_PROTECTION_ORDER]: EvidenceOrderKind.SPO,
  [ProtectiveOrderKind.DOMESTIC_ABUSE_PROTECTION_NOTICE]: EvidenceOrderKind.DAPN,
  [ProtectiveOrderKind.DOMESTIC_ABUSE_PROTECTION_ORDER]: EvidenceOrderKind.DAPO,
};

/**
 * An order's latest status to where it has got to: an interim order is an
 * order in force, so issued; one varied or expired was issued; only the
 * status BREACHED says it was breached (the record keeps no breach history).
 */
export const ORDER_OUTCOME: Readonly<Record<ProtectiveOrderStatus, EvidenceOrderOutcome>> = {
  [ProtectiveOrderStatus.APPLIED]: EvidenceOrderOutcome.APPLIED,
  [ProtectiveOrderStatus.INTERIM]: EvidenceOrderOutcome.ISSUED,
  [ProtectiveOrderStatus.GRANTED]: EvidenceOrderOutcome.ISSUED,
  [ProtectiveOrderStatus.VARIED]: EvidenceOrderOutcome.ISSUED,
  [ProtectiveOrderStatus.EXPIRED]: EvidenceOrderOutcome.ISSUED,
  [ProtectiveOrderStatus.BREACHED]: EvidenceOrderOutcome.BREACHED,
};

/** The partners' cope-and-recover measures are the evidence base's outcome areas, one for one. */
export const OUTCOME_AREA: Readonly<Record<OutcomeMeasureKind, EvidenceOutcomeArea>> = {
  [OutcomeMeasureKind.FEELING_SAFER]: EvidenceOutcomeArea.FEELING_SAFER,
  [OutcomeMeasureKind.BETTER_ABLE_TO_COPE]: EvidenceOutcomeArea.BETTER_ABLE_TO_COPE,
  [OutcomeMeasureKind.BETTER_INFORMED]: EvidenceOutcomeArea.BETTER_INFORMED,
  [OutcomeMeasureKind.IMPROVED_HEALTH_AND_WELLBEING]: EvidenceOutcomeArea.IMPROVED_HEALTH_AND_WELLBEING,
};

/** Challenger's submission kinds are the evidence base's, one for one. */
export const SUBMISSION_KIND: Readonly<Record<NrmSubmissionKind, EvidenceSubmissionKind>> = {
  [NrmSubmissionKind.NRM]: EvidenceSubmissionKind.NRM,
  [NrmSubmissionKind.DUTY_TO_NOTIFY]: EvidenceSubmissionKind.DUTY_TO_NOTIFY,
};

/**
 * How far a submission's decisions have got: the conclusive-grounds decision
 * where there is one, else the reasonable-grounds one, else awaiting it; a
 * Duty to Notify return asks for none (connectors/partners.ts
 * nrmSubmissionProblems).
 */
export function nrmStageOf(kind: NrmSubmissionKind, reasonableGrounds: NrmDecisionOutcome | null, conclusiveGrounds: NrmDecisionOutcome | null): EvidenceNrmStage {
  if (kind === NrmSubmissionKind.DUTY_TO_NOTIFY) return EvidenceNrmStage.NOT_FOR_DECISION;
  if (conclusiveGrounds !== null) {
    return conclusiveGrounds === NrmDecisionOutcome.POSITIVE ? EvidenceNrmStage.POSITIVE_CONCLUSIVE_GROUNDS : EvidenceNrmStage.NEGATIVE_CONCLUSIVE_GROUNDS;
  }
  if (reasonableGrounds !== null) {
    return reasonableGrounds === NrmDecisionOutcome.POSITIVE ? EvidenceNrmStage.POSITIVE_REASONABLE_GROUNDS : EvidenceNrmStage.NEGATIVE_REASONABLE_GROUNDS;
  }
  return EvidenceNrmStage.AWAITING_REASONABLE_GROUNDS;
}

const LONDON_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });
/** Days since 1970-01-01 of an instant's London calendar day. */
const londonDayOf = (at: Date): number => Date.parse(`${LONDON_DAY.format(at)}T00:00:00Z`) / 86_400_000;

/** A place-of-safety stay's length band: London calendar days from the day it began to the day it ended (EvidenceStayLength). */
export function stayLengthOf(startedAt: Date, endedAt: Date | null): EvidenceStayLength {
  if (endedAt === null) return EvidenceStayLength.ONGOING;
  const days = londonDayOf(endedAt) - londonDayOf(startedAt);
  if (days < 7) return EvidenceStayLength.UNDER_1_WEEK;
  if (days < 14) return EvidenceStayLength.ONE_TO_2_WEEKS;
  return EvidenceStayLength.TWO_WEEKS_OR_MORE;
}
