import { registerEnumType } from "type-graphql";
import { Borough } from "../../../platform/domain";
import {
  AgeBand,
  CrimeType,
  Disability,
  Entitlement,
  EntitlementStatus,
  EthnicGroup,
  Ethnicity,
  EvidenceOrderKind,
  EvidenceOrderOutcome,
  EvidenceNrmStage,
  EvidenceOutcomeArea,
  EvidenceRiskLevel,
  EvidenceRiskTool,
  EvidenceStayLength,
  EvidenceSubmissionKind,
  ReferralOutcome,
  ReferralRoute,
  ReferralStatus,
  Sex,
  SupportService,
  SurveyRight,
} from "../facts/facts";

/** The fact tables of the evidence base. */
export enum FactTable {
  REFERRAL = "referral_fact",
  ENTITLEMENT = "entitlement_fact",
  SURVEY = "survey_fact",
  POLICE_UK = "police_uk_crime",
  RISK_ASSESSMENT = "risk_assessment_fact",
  MARAC_REFERRAL = "marac_referral_fact",
  PROTECTIVE_ORDER = "protective_order_fact",
  COPE_RECOVER = "cope_recover_fact",
  NRM_SUBMISSION = "nrm_submission_fact",
  PLACE_OF_SAFETY_STAY = "place_of_safety_stay_fact",
}

/** What a table can be split by. */
export enum Dimension {
  MONTH = "MONTH",
  BOROUGH = "BOROUGH",
  CRIME_TYPE = "CRIME_TYPE",
  DOMESTIC_ABUSE = "DOMESTIC_ABUSE",
  STALKING = "STALKING",
  HATE_CRIME = "HATE_CRIME",
  MODERN_SLAVERY = "MODERN_SLAVERY",
  FRAUD = "FRAUD",
  ROUTE = "ROUTE",
  SERVICE = "SERVICE",
  REFERRAL_STATUS = "REFERRAL_STATUS",
  OUTCOME = "OUTCOME",
  AGE_BAND = "AGE_BAND",
  SEX = "SEX",
  ETHNICITY = "ETHNICITY",
  ETHNIC_GROUP = "ETHNIC_GROUP",
  DISABILITY = "DISABILITY",
  ENTITLEMENT = "ENTITLEMENT",
  ENHANCED_RIGHTS = "ENHANCED_RIGHTS",
  SURVEY_RIGHT = "SURVEY_RIGHT",
  RISK_TOOL = "RISK_TOOL",
  RISK_LEVEL = "RISK_LEVEL",
  ORDER_KIND = "ORDER_KIND",
  ORDER_OUTCOME = "ORDER_OUTCOME",
  OUTCOME_AREA = "OUTCOME_AREA",
  SUBMISSION_KIND = "SUBMISSION_KIND",
  NRM_STAGE = "NRM_STAGE",
  STAY_LENGTH = "STAY_LENGTH",
}
registerEnumType(Dimension, { name: "Dimension", description: "What an evidence-base table can be split by" });

const ALL_FACTS = [FactTable.REFERRAL, FactTable.ENTITLEMENT, FactTable.SURVEY, FactTable.RISK_ASSESSMENT, FactTable.MARAC_REFERRAL, FactTable.PROTECTIVE_ORDER, FactTable.COPE_RECOVER, FactTable.NRM_SUBMISSION, FactTable.PLACE_OF_SAFETY_STAY];
const CONTEXT_FACTS = ALL_FACTS;

export interface DimensionValue {
  value: string;
  label: string;
}

export interface DimensionSpec {
  /** SQL over the fact table's (and any cube's) columns, giving the value as text. */
  sql: string;
  /** The values, in display order; null for MONTH, whose values come from the data or the filter. */
  domain: readonly DimensionValue[] | null;
  facts: readonly FactTable[];
  label: string;
}

const humanise = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, " ");
const valuesOf = (e: Record<string, string>, labels: Record<string, string> = {}): DimensionValue[] =>
  Object.values(e).map((value) => ({ value, label: labels[value] ?? humanise(value) }));
const YES_NO: DimensionValue[] = [
  { value: "YES", label: "Yes" },
  { value: "NO", label: "No" },
];
const flag = (column: string) => `CASE WHEN ${column} THEN 'YES' ELSE 'NO' END`;

const AGE_LABELS: Record<string, string> = {
  [AgeBand.UNDER_16]: "Under 16",
  [AgeBand.AGE_16_17]: "16–17",
  [AgeBand.AGE_18_24]: "18–24",
  [AgeBand.AGE_25_34]: "25–34",
  [AgeBand.AGE_35_44]: "35–44",
  [AgeBand.AGE_45_54]: "45–54",
  [AgeBand.AGE_55_64]: "55–64",
  [AgeBand.AGE_65_74]: "65–74",
  [AgeBand.AGE_75_PLUS]: "75 and over",
  [AgeBand.UNDER_18_NOT_BANDED]: "Under 18 (16–17 not told apart)",
  [AgeBand.NOT_KNOWN]: "Not known",
};

export const DIMENSIONS: Record<Dimension, DimensionSpec> = {
  [Dimension.MONTH]: { sql: "to_char(month, 'YYYY-MM')", domain: null, facts: [...ALL_FACTS, FactTable.POLICE_UK], label: "Month" },
  [Dimension.BOROUGH]: { sql: "borough", domain: valuesOf(Borough), facts: [...ALL_FACTS, FactTable.POLICE_UK], label: "Borough" },
  [Dimension.CRIME_TYPE]: { sql: "crime_type", domain: valuesOf(CrimeType), facts: [...ALL_FACTS, FactTable.POLICE_UK], label: "Crime type" },
  [Dimension.DOMESTIC_ABUSE]: { sql: flag("domestic_abuse"), domain: YES_NO, facts: CONTEXT_FACTS, label: "Domestic abuse" },
  [Dimension.STALKING]: { sql: flag("stalking"), domain: YES_NO, facts: CONTEXT_FACTS, label: "Stalking" },
  [Dimension.HATE_CRIME]: { sql: flag("hate_crime"), domain: YES_NO, facts: CONTEXT_FACTS, label: "Hate crime" },
  [Dimension.MODERN_SLAVERY]: { sql: flag("modern_slavery"), domain: YES_NO, facts: CONTEXT_FACTS, label: "Modern slavery" },
  [Dimension.FRAUD]: { sql: flag("fraud"), domain: YES_NO, facts: CONTEXT_FACTS, label: "Fraud" },
  [Dimension.ROUTE]: { sql: "route", domain: valuesOf(ReferralRoute), facts: [FactTable.REFERRAL], label: "Referral route" },
  [Dimension.SERVICE]: { sql: "service", domain: valuesOf(SupportService), facts: [FactTable.REFERRAL], label: "Service" },
  [Dimension.REFERRAL_STATUS]: { sql: "status", domain: valuesOf(ReferralStatus), facts: [FactTable.REFERRAL], label: "Referral status" },
  [Dimension.OUTCOME]: { sql: "outcome", domain: valuesOf(ReferralOutcome), facts: [FactTable.REFERRAL], label: "Outcome" },
  [Dimension.AGE_BAND]: { sql: "age_band", domain: valuesOf(AgeBand, AGE_LABELS), facts: CONTEXT_FACTS, label: "Age band" },
  [Dimension.SEX]: { sql: "sex", domain: valuesOf(Sex), facts: CONTEXT_FACTS, label: "Sex" },
  [Dimension.ETHNICITY]: { sql: "ethnicity", domain: valuesOf(Ethnicity), facts: CONTEXT_FACTS, label: "Ethnicity" },
  [Dimension.ETHNIC_GROUP]: { sql: "ethnic_group", domain: valuesOf(EthnicGroup), facts: CONTEXT_FACTS, label: "Ethnic group" },
  [Dimension.DISABILITY]: { sql: "disability", domain: valuesOf(Disability), facts: CONTEXT_FACTS, label: "Disability" },
  [Dimension.ENTITLEMENT]: { sql: "entitlement", domain: valuesOf(Entitlement), facts: [FactTable.ENTITLEMENT], label: "Victims' Code entitlement" },
  [Dimension.ENHANCED_RIGHTS]: { sql: flag("enhanced_rights"), domain: YES_NO, facts: [FactTable.ENTITLEMENT], label: "Enhanced Rights" },
  [Dimension.SURVEY_RIGHT]: {
    sql: "survey_right",
    domain: valuesOf(SurveyRight, Object.fromEntries(Object.values(SurveyRight).map((r) => [r, `Right ${r.slice(1)}`]))),
    facts: [FactTable.SURVEY],
    label: "Victims' Code right",
  },
  [Dimension.RISK_TOOL]: {
    sql: "risk_tool",
    domain: valuesOf(EvidenceRiskTool, { [EvidenceRiskTool.DASH]: "DASH", [EvidenceRiskTool.S_DASH]: "S-DASH" }),
    facts: [FactTable.RISK_ASSESSMENT],
    label: "Risk tool",
  },
  [Dimension.RISK_LEVEL]: {
    sql: "risk_level",
    domain: valuesOf(EvidenceRiskLevel, { [EvidenceRiskLevel.NOT_GRADED]: "Not graded (S-DASH)" }),
    facts: [FactTable.RISK_ASSESSMENT],
    label: "Risk level",
  },
  [Dimension.ORDER_KIND]: {
    sql: "order_kind",
    domain: valuesOf(EvidenceOrderKind, {
      [EvidenceOrderKind.SPO]: "Stalking Protection Order",
      [EvidenceOrderKind.DAPN]: "Domestic Abuse Protection Notice",
      [EvidenceOrderKind.DAPO]: "Domestic Abuse Protection Order",
    }),
    facts: [FactTable.PROTECTIVE_ORDER],
    label: "Protective order",
  },
  [Dimension.ORDER_OUTCOME]: {
    sql: "order_outcome",
    domain: valuesOf(EvidenceOrderOutcome, {
      [EvidenceOrderOutcome.APPLIED]: "Applied for, not yet issued",
      [EvidenceOrderOutcome.ISSUED]: "Issued, not recorded as breached",
      [EvidenceOrderOutcome.BREACHED]: "Breached",
    }),
    facts: [FactTable.PROTECTIVE_ORDER],
    label: "Order outcome",
  },
  [Dimension.OUTCOME_AREA]: {
    sql: "outcome_area",
    domain: valuesOf(EvidenceOutcomeArea, { [EvidenceOutcomeArea.IMPROVED_HEALTH_AND_WELLBEING]: "Improved health and wellbeing" }),
    facts: [FactTable.COPE_RECOVER],
    label: "Cope-and-recover outcome",
  },
  [Dimension.SUBMISSION_KIND]: {
    sql: "submission_kind",
    domain: valuesOf(EvidenceSubmissionKind, {
      [EvidenceSubmissionKind.NRM]: "National Referral Mechanism referral",
      [EvidenceSubmissionKind.DUTY_TO_NOTIFY]: "Duty to Notify (MS1) return",
    }),
    facts: [FactTable.NRM_SUBMISSION],
    label: "NRM or Duty to Notify",
  },
  [Dimension.NRM_STAGE]: {
    sql: "nrm_stage",
    domain: valuesOf(EvidenceNrmStage, {
      [EvidenceNrmStage.AWAITING_REASONABLE_GROUNDS]: "Awaiting a reasonable grounds decision",
      [EvidenceNrmStage.NEGATIVE_REASONABLE_GROUNDS]: "Negative reasonable grounds",
      [EvidenceNrmStage.POSITIVE_REASONABLE_GROUNDS]: "Positive reasonable grounds, awaiting conclusive grounds",
      [EvidenceNrmStage.NEGATIVE_CONCLUSIVE_GROUNDS]: "Negative conclusive grounds",
      [EvidenceNrmStage.POSITIVE_CONCLUSIVE_GROUNDS]: "Positive conclusive grounds",
      [EvidenceNrmStage.NOT_FOR_DECISION]: "Not for decision (Duty to Notify)",
    }),
    facts: [FactTable.NRM_SUBMISSION],
    label: "NRM decision stage",
  },
  [Dimension.STAY_LENGTH]: {
    sql: "stay_length",
    domain: valuesOf(EvidenceStayLength, {
      [EvidenceStayLength.UNDER_1_WEEK]: "Under a week",
      [EvidenceStayLength.ONE_TO_2_WEEKS]: "One to two weeks",
      [EvidenceStayLength.TWO_WEEKS_OR_MORE]: "Two weeks or more",
      [EvidenceStayLength.ONGOING]: "Still staying",
    }),
    facts: [FactTable.PLACE_OF_SAFETY_STAY],
    label: "Length of stay",
  },
};

/** Every dimension's values, for the insights.dimension_value table (MONTH excepted: its values are the data's). */
export const DIMENSION_VALUES = Object.entries(DIMENSIONS)
  .filter(([, spec]) => spec.domain !== null)
  .map(([dimension, spec]) => ({ dimension, values: spec.domain as readonly DimensionValue[] }));

/** Values of the entitlement verdicts that count towards compliance: MET over MET + LATE + MISSED. */
export const ASSESSED_ENTITLEMENT_STATUSES = [EntitlementStatus.MET, EntitlementStatus.LATE, EntitlementStatus.MISSED];

export function labelOf(dimension: Dimension, value: string): string {
  if (dimension === Dimension.MONTH) return value;
  return DIMENSIONS[dimension].domain?.find((v) => v.value === value)?.label ?? value;
}
