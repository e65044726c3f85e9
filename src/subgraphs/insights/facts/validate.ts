import { Borough } from "../../../platform/domain";
import {
  AgeBand,
  CrimeType,
  Disability,
  Entitlement,
  EntitlementStatus,
  Ethnicity,
  EvidenceOrderKind,
  EvidenceNrmStage,
  EvidenceOutcomeArea,
  EvidenceStayLength,
  EvidenceSubmissionKind,
  EvidenceOrderOutcome,
  EvidenceRiskLevel,
  EvidenceRiskTool,
  Fact,
  ReferralOutcome,
  ReferralRoute,
  ReferralStatus,
  Sex,
  SupportService,
  SURVEY_SCALE,
  SurveyRight,
} from "./facts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const isOneOf = (values: Record<string, string>, value: unknown) => typeof value === "string" && Object.values(values).includes(value);
const isDate = (value: unknown) => value instanceof Date && !Number.isNaN(value.getTime());

/**
 * Why a fact cannot be stored, or null. Sources are typed, but a source is
 * another team's code over another system's data: a value outside a
 * dimension's domain would make margins disagree with their cells, so it is
 * refused here, at the boundary, rather than stored.
 */
export function factProblem(fact: Fact): string | null {
  const problems: string[] = [];
  if (typeof fact.sourceKey !== "string" || fact.sourceKey === "") problems.push("no source key");
  if (!MONTH.test(fact.month)) problems.push("month is not YYYY-MM");
  const domains: [string, Record<string, string>, unknown][] = [
    ["borough", Borough, fact.borough],
    ["crimeType", CrimeType, fact.crimeType],
    ["ageBand", AgeBand, fact.ageBand],
    ["sex", Sex, fact.sex],
    ["ethnicity", Ethnicity, fact.ethnicity],
    ["disability", Disability, fact.disability],
  ];
  if (fact.kind === "referral") {
    domains.push(["route", ReferralRoute, fact.route], ["service", SupportService, fact.service], ["status", ReferralStatus, fact.status]);
    if (fact.outcome !== null) domains.push(["outcome", ReferralOutcome, fact.outcome]);
    if ((fact.status === ReferralStatus.CLOSED) !== (fact.outcome !== null)) problems.push("a closed referral, and only a closed one, has an outcome");
    if (!isDate(fact.sentAt)) problems.push("sentAt is not a date");
    for (const [name, at] of [["receivedAt", fact.receivedAt], ["acceptedAt", fact.acceptedAt], ["firstContactAt", fact.firstContactAt]] as const) {
      if (at !== null && (!isDate(at) || at.getTime() < fact.sentAt.getTime())) problems.push(`${name} is not a date on or after sentAt`);
    }
  } else if (fact.kind === "entitlement") {
    domains.push(["entitlement", Entitlement, fact.entitlement], ["status", EntitlementStatus, fact.status]);
  } else if (fact.kind === "risk_assessment") {
    domains.push(["tool", EvidenceRiskTool, fact.tool], ["level", EvidenceRiskLevel, fact.level]);
    if ((fact.tool === EvidenceRiskTool.S_DASH) !== (fact.level === EvidenceRiskLevel.NOT_GRADED)) problems.push("an S-DASH screen, and only one, is not graded");
  } else if (fact.kind === "marac_referral") {
    // Context only.
  } else if (fact.kind === "protective_order") {
    domains.push(["orderKind", EvidenceOrderKind, fact.orderKind], ["outcome", EvidenceOrderOutcome, fact.outcome]);
  } else if (fact.kind === "nrm_submission") {
    domains.push(["submissionKind", EvidenceSubmissionKind, fact.submissionKind], ["stage", EvidenceNrmStage, fact.stage]);
    // A Duty to Notify return asks for no decision; an NRM referral always awaits or has one.
    if ((fact.submissionKind === EvidenceSubmissionKind.DUTY_TO_NOTIFY) !== (fact.stage === EvidenceNrmStage.NOT_FOR_DECISION)) {
      problems.push("only a Duty to Notify return is not for decision");
    }
  } else if (fact.kind === "place_of_safety_stay") {
    domains.push(["length", EvidenceStayLength, fact.length]);
  } else if (fact.kind === "cope_recover") {
    domains.push(["area", EvidenceOutcomeArea, fact.area]);
    if (typeof fact.improved !== "boolean") problems.push("improved is not a boolean");
  } else {
    domains.push(["right", SurveyRight, fact.right]);
    if (!Number.isInteger(fact.score) || fact.score < SURVEY_SCALE.min || fact.score > SURVEY_SCALE.max) problems.push("score is not 1 to 5");
  }
  for (const [name, domain, value] of domains) if (!isOneOf(domain, value)) problems.push(`${name} is not one of its values`);
  for (const flag of ["domesticAbuse", "stalking", "hateCrime", "modernSlavery", "fraud"] as const) {
    if (typeof fact.flags?.[flag] !== "boolean") problems.push(`flags.${flag} is not a boolean`);
  }
  return problems.length ? problems.join("; ") : null;
}
