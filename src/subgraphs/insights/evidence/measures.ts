import { registerEnumType } from "type-graphql";
import { SURVEY_SCALE } from "../facts/facts";
import { ASSESSED_ENTITLEMENT_STATUSES, Dimension, FactTable } from "./dimensions";

/** What an evidence-base table counts or measures. */
export enum Measure {
  /** Referrals made (demand), by the month they were made. */
  REFERRALS = "REFERRALS",
  /** Whole days from referral to first contact, over referrals contacted: median and 90th percentile. */
  WAIT_TO_FIRST_CONTACT = "WAIT_TO_FIRST_CONTACT",
  /** Whole days from referral to acceptance of support, over referrals accepted: median and 90th percentile. */
  WAIT_TO_ACCEPTANCE = "WAIT_TO_ACCEPTANCE",
  /** Referrals still waiting for first contact as at the last refresh, and how long they have waited so far. */
  OPEN_WAITING_LIST = "OPEN_WAITING_LIST",
  /** Closed referrals by how they ended. */
  OUTCOMES = "OUTCOMES",
  /** Victims' Code entitlements met on time, over those assessed (met, late or missed). */
  VICTIMS_CODE_COMPLIANCE = "VICTIMS_CODE_COMPLIANCE",
  /** Survey answers satisfied (4 or 5 of 5), over answers, by Victims' Code right 1 to 7. */
  SURVEY_SATISFACTION = "SURVEY_SATISFACTION",
  /** Crimes in police.uk's street-level open data: area demand context. */
  POLICE_RECORDED_CRIME = "POLICE_RECORDED_CRIME",
  /** DASH risk assessments and S-DASH screens recorded through the hub, by the month they were made. */
  RISK_ASSESSMENTS = "RISK_ASSESSMENTS",
  /** MARAC referrals raised, by the month they were raised. */
  MARAC_REFERRALS = "MARAC_REFERRALS",
  /** Protective orders (SPO, DAPN, DAPO) on supported victims' crimes, by the month applied for. */
  PROTECTIVE_ORDERS = "PROTECTIVE_ORDERS",
  /** Cope-and-recover outcomes better at the latest measurement than at the first, over those measured at least twice, by outcome area. */
  COPE_AND_RECOVER = "COPE_AND_RECOVER",
  /** Challenger's NRM referrals and Duty to Notify returns, by the month submitted. */
  NRM_SUBMISSIONS = "NRM_SUBMISSIONS",
  /** Stays in Challenger's place of safety, by the month they began. */
  PLACE_OF_SAFETY_STAYS = "PLACE_OF_SAFETY_STAYS",
}
registerEnumType(Measure, { name: "Measure", description: "What an evidence-base table counts or measures" });

export type MeasureKind = "count" | "wait" | "rate";

export interface MeasureSpec {
  kind: MeasureKind;
  facts: FactTable;
  /** Which facts count at all. */
  where: string | null;
  /** wait: the whole days measured (SQL). */
  days?: string;
  /** rate: which of the counted facts are in the numerator (SQL). */
  numerator?: string;
  /** Split by this whatever is asked. */
  alwaysBy?: Dimension;
  /** …and never add it up across its values (a survey's rights are separate questions to the same people). */
  alwaysByHasTotal?: boolean;
  /**
   * Dimensions whose split is published only coarsely: with no dimension but
   * those in `onlyWith` (so for Greater Manchester as a whole, whoever the
   * victims were), split or filtered, and for all time or whole calendar
   * years (never a period that is not January to December). For populations
   * so small that most finer cells are exact zeros, which let tables asked
   * together pin a lone case (the disclosure auditor found NRM decisions
   * pinned so by borough and quarter).
   */
  coarseOnly?: { dimensions: readonly Dimension[]; onlyWith: readonly Dimension[] };
  /** What `count` counts, for the reader. */
  countUnit: string;
  description: string;
}

export const MEASURES: Record<Measure, MeasureSpec> = {
  [Measure.REFERRALS]: {
    kind: "count",
    facts: FactTable.REFERRAL,
    where: null,
    countUnit: "referrals",
    description: "Referrals made, by the month they were made",
  },
  [Measure.WAIT_TO_FIRST_CONTACT]: {
    kind: "wait",
    facts: FactTable.REFERRAL,
    where: "days_to_first_contact IS NOT NULL",
    days: "days_to_first_contact",
    countUnit: "referrals contacted",
    description: "Whole days from referral to first contact: median and 90th percentile",
  },
  [Measure.WAIT_TO_ACCEPTANCE]: {
    kind: "wait",
    facts: FactTable.REFERRAL,
    where: "days_to_acceptance IS NOT NULL",
    days: "days_to_acceptance",
    countUnit: "referrals accepted",
    description: "Whole days from referral to acceptance of support: median and 90th percentile",
  },
  [Measure.OPEN_WAITING_LIST]: {
    kind: "wait",
    facts: FactTable.REFERRAL,
    where: "waiting",
    days: "(current_date - sent_on)",
    countUnit: "referrals waiting",
    description: "Referrals waiting for first contact at the last refresh; days waited so far: median and 90th percentile",
  },
  [Measure.OUTCOMES]: {
    kind: "count",
    facts: FactTable.REFERRAL,
    where: "outcome IS NOT NULL",
    alwaysBy: Dimension.OUTCOME,
    alwaysByHasTotal: true,
    countUnit: "closed referrals",
    description: "Closed referrals by outcome",
  },
  [Measure.VICTIMS_CODE_COMPLIANCE]: {
    kind: "rate",
    facts: FactTable.ENTITLEMENT,
    where: `status IN (${ASSESSED_ENTITLEMENT_STATUSES.map((s) => `'${s}'`).join(", ")})`,
    numerator: "status = 'MET'",
    alwaysBy: Dimension.ENTITLEMENT,
    alwaysByHasTotal: true,
    countUnit: "entitlements assessed (met, late or missed)",
    description: "Share of Victims' Code entitlements met on time",
  },
  [Measure.SURVEY_SATISFACTION]: {
    kind: "rate",
    facts: FactTable.SURVEY,
    where: null,
    numerator: `score >= ${SURVEY_SCALE.satisfiedFrom}`,
    alwaysBy: Dimension.SURVEY_RIGHT,
    alwaysByHasTotal: false,
    countUnit: "survey answers",
    description: "Share of survey answers satisfied (4 or 5 on a 1 to 5 scale), by Victims' Code right",
  },
  [Measure.POLICE_RECORDED_CRIME]: {
    kind: "count",
    facts: FactTable.POLICE_UK,
    where: null,
    countUnit: "crimes (police.uk street-level data)",
    description: "Crimes recorded in police.uk's street-level open data, for demand context",
  },
  [Measure.RISK_ASSESSMENTS]: {
    kind: "count",
    facts: FactTable.RISK_ASSESSMENT,
    where: null,
    countUnit: "risk assessments (DASH and S-DASH)",
    description: "DASH risk assessments and S-DASH screens recorded through Casebridge, by the month they were made; split by RISK_TOOL and RISK_LEVEL",
  },
  [Measure.MARAC_REFERRALS]: {
    kind: "count",
    facts: FactTable.MARAC_REFERRAL,
    where: null,
    countUnit: "MARAC referrals",
    description: "MARAC referrals raised from high-risk assessments, by the month they were raised",
  },
  [Measure.PROTECTIVE_ORDERS]: {
    kind: "count",
    facts: FactTable.PROTECTIVE_ORDER,
    where: null,
    countUnit: "protective orders (SPO, DAPN, DAPO)",
    description:
      "Stalking Protection Orders and Domestic Abuse Protection Notices and Orders on the crimes of victims GMVS supports, by the month applied for (a notice: given); split by ORDER_KIND and ORDER_OUTCOME",
  },
  [Measure.COPE_AND_RECOVER]: {
    kind: "rate",
    facts: FactTable.COPE_RECOVER,
    where: null,
    numerator: "improved",
    alwaysBy: Dimension.OUTCOME_AREA,
    // Each area is a separate measure of the same people, so areas are not added up.
    alwaysByHasTotal: false,
    countUnit: "outcomes measured at least twice",
    description:
      "Share of partners' cope-and-recover outcomes (feeling safer, better able to cope, better informed, improved health and wellbeing) scored higher at the latest measurement than at the first, over outcomes measured at least twice, by the month of the latest",
  },
  [Measure.NRM_SUBMISSIONS]: {
    kind: "count",
    facts: FactTable.NRM_SUBMISSION,
    where: null,
    coarseOnly: { dimensions: [Dimension.NRM_STAGE], onlyWith: [Dimension.SUBMISSION_KIND] },
    countUnit: "NRM referrals and Duty to Notify returns",
    description:
      "National Referral Mechanism referrals and Duty to Notify (MS1) returns Challenger made for survivors GMVS supports, by the month submitted; split by SUBMISSION_KIND and NRM_STAGE (how far the Competent Authority's decisions have got)",
  },
  [Measure.PLACE_OF_SAFETY_STAYS]: {
    kind: "count",
    facts: FactTable.PLACE_OF_SAFETY_STAY,
    where: null,
    countUnit: "place-of-safety stays",
    description: "Stays in Challenger's place of safety by survivors GMVS supports, by the month they began; split by STAY_LENGTH",
  },
};
