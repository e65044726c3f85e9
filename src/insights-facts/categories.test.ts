import { NrmDecisionOutcome, NrmSubmissionKind, ReferralStatus as PartnerStatus } from "../../connectors/partners";
import { AgeBand as CaseAgeBand, Disability as CaseDisability, Ethnicity as CaseEthnicity, OrganisationCode, Sex as CaseSex } from "../platform/domain";
import { ethnicGroupOf } from "../subgraphs/insights/facts/facts";
import { CaseClosureReason, CaseStatus } from "../subgraphs/victims/cases/case.types";
import {
  ageBandOf,
  crimeOf,
  disabilityOf,
  ethnicityOf,
  intakeStatusOf,
  londonMonthOf,
  nrmStageOf,
  referralOutStatusOf,
  sexOf,
  stayLengthOf,
  supportServiceOf,
} from "./categories";

describe("case file categories in the evidence base", () => {
  it.each([
    [CaseAgeBand.UNDER_18, "UNDER_18_NOT_BANDED"],
    [CaseAgeBand.AGE_18_24, "AGE_18_24"],
    [CaseAgeBand.AGE_25_34, "AGE_25_34"],
    [CaseAgeBand.AGE_35_44, "AGE_35_44"],
    [CaseAgeBand.AGE_45_54, "AGE_45_54"],
    [CaseAgeBand.AGE_55_64, "AGE_55_64"],
    [CaseAgeBand.AGE_65_74, "AGE_65_74"],
    [CaseAgeBand.AGE_75_PLUS, "AGE_75_PLUS"],
    [null, "NOT_KNOWN"],
  ])("age band %s is %s (a child's band is not guessed to under 16 or 16-17)", (band, expected) => {
    expect(ageBandOf(band)).toBe(expected);
  });

  it.each([
    [CaseSex.FEMALE, "FEMALE"],
    [CaseSex.MALE, "MALE"],
    [CaseSex.PREFER_NOT_TO_SAY, "NOT_KNOWN"],
    [null, "NOT_KNOWN"],
  ])("sex %s is %s", (sex, expected) => {
    expect(sexOf(sex)).toBe(expected);
  });

  it.each([
    [CaseEthnicity.ASIAN, "ASIAN_DETAIL_NOT_RECORDED", "ASIAN"],
    [CaseEthnicity.BLACK, "BLACK_DETAIL_NOT_RECORDED", "BLACK"],
    [CaseEthnicity.MIXED, "MIXED_DETAIL_NOT_RECORDED", "MIXED"],
    [CaseEthnicity.WHITE, "WHITE_DETAIL_NOT_RECORDED", "WHITE"],
    [CaseEthnicity.OTHER, "OTHER_DETAIL_NOT_RECORDED", "OTHER"],
    [CaseEthnicity.PREFER_NOT_TO_SAY, "NOT_STATED", "NOT_STATED"],
    [null, "NOT_STATED", "NOT_STATED"],
  ])("ethnic group %s is %s, still in group %s", (ethnicity, expected, group) => {
    expect(ethnicityOf(ethnicity)).toBe(expected);
    expect(ethnicGroupOf(ethnicityOf(ethnicity))).toBe(group);
  });

  it.each([
    [CaseDisability.LIMITED_A_LOT, "DISABLED"],
    [CaseDisability.LIMITED_A_LITTLE, "DISABLED"],
    [CaseDisability.NOT_DISABLED, "NOT_DISABLED"],
    [CaseDisability.PREFER_NOT_TO_SAY, "NOT_KNOWN"],
    [null, "NOT_KNOWN"],
  ])("disability %s is %s", (disability, expected) => {
    expect(disabilityOf(disability)).toBe(expected);
  });
});

describe("referral services and states in the evidence base", () => {
  it.each([
    [OrganisationCode.PANKHURST, "Restore", "PANKHURST_RESTORE"],
    [OrganisationCode.PANKHURST, "Pankhurst Restore (stalking)", "PANKHURST_RESTORE"],
    [OrganisationCode.PANKHURST, "Domestic abuse support", "PANKHURST_DOMESTIC_ABUSE"],
    [OrganisationCode.PANKHURST, "Counselling", "OTHER"],
    [OrganisationCode.HOURGLASS, "Economic abuse", "HOURGLASS"],
    [OrganisationCode.CHALLENGER, "Victim navigator", "CHALLENGER"],
    [OrganisationCode.GMP, "Anything", "OTHER"],
  ])("%s %s is service %s", (partner, service, expected) => {
    expect(supportServiceOf(partner, service)).toBe(expected);
  });

  const at = new Date("2031-03-01T10:00:00Z");
  it.each([
    [PartnerStatus.SENT, {}, "WAITING", null],
    [PartnerStatus.RECEIVED, {}, "WAITING", null],
    [PartnerStatus.RECEIVED, { firstContactAt: at }, "CONTACTED", null],
    [PartnerStatus.ACCEPTED, { firstContactAt: at }, "ACCEPTED", null],
    [PartnerStatus.DECLINED, { declinedAt: at }, "CLOSED", "NOT_ELIGIBLE"],
    [PartnerStatus.WITHDRAWN, { withdrawnAt: at }, "CLOSED", "DECLINED_SUPPORT"],
    [PartnerStatus.CLOSED, { declinedAt: at }, "CLOSED", "NOT_ELIGIBLE"],
    [PartnerStatus.CLOSED, { withdrawnAt: at }, "CLOSED", "DECLINED_SUPPORT"],
    [PartnerStatus.CLOSED, {}, "CLOSED", "SUPPORT_COMPLETED"],
  ])("a referral out %s %j is %s with outcome %s", (status, times, expected, outcome) => {
    expect(referralOutStatusOf({ status, declinedAt: null, withdrawnAt: null, firstContactAt: null, ...times })).toEqual({ status: expected, outcome });
  });

  it.each([
    [CaseStatus.AWAITING_ASSESSMENT, null, false, null, "WAITING", null],
    [CaseStatus.AWAITING_ASSESSMENT, null, false, at, "CONTACTED", null],
    [CaseStatus.OPEN, null, false, at, "ACCEPTED", null],
    [CaseStatus.AWAITING_ASSESSMENT, null, true, null, "CLOSED", "DECLINED_SUPPORT"],
    [CaseStatus.CLOSED, CaseClosureReason.SUPPORT_COMPLETED, false, at, "CLOSED", "SUPPORT_COMPLETED"],
    [CaseStatus.CLOSED, CaseClosureReason.VICTIM_DECLINED_SUPPORT, false, at, "CLOSED", "DECLINED_SUPPORT"],
    [CaseStatus.CLOSED, CaseClosureReason.UNABLE_TO_CONTACT, false, null, "CLOSED", "COULD_NOT_CONTACT_SAFELY"],
    [CaseStatus.CLOSED, CaseClosureReason.REFERRED_ON, false, at, "CLOSED", "REFERRED_ON"],
    // No reason recorded: no outcome invented; the refresh's boundary check refuses and counts it.
    [CaseStatus.CLOSED, null, false, at, "CLOSED", null],
  ])("a GMVS case %s (%s, opted out %s, first contact %s) is %s with outcome %s", (status, closureReason, referralDeclined, firstContactAt, expected, outcome) => {
    expect(intakeStatusOf({ status, closureReason, referralDeclined, firstContactAt })).toEqual({ status: expected, outcome });
  });
});

describe("crimes in the evidence base", () => {
  const flags = { domesticAbuse: true, stalking: true, harassment: false, controllingOrCoercive: false, hateCrimeStrand: null, modernSlavery: false, fraud: false };
  it.each([
    ["8L", "VIOLENCE_AND_SEXUAL_OFFENCES"],
    ["8M", "VIOLENCE_AND_SEXUAL_OFFENCES"],
    ["8Q", "VIOLENCE_AND_SEXUAL_OFFENCES"],
    ["8R", "VIOLENCE_AND_SEXUAL_OFFENCES"],
    ["8U", "VIOLENCE_AND_SEXUAL_OFFENCES"],
    ["106", "VIOLENCE_AND_SEXUAL_OFFENCES"],
    ["999Z", "OTHER_CRIME"],
  ])("Home Office class %s is police.uk %s", (homeOfficeCode, expected) => {
    expect(crimeOf({ homeOfficeCode, flags }, true).crimeType).toBe(expected);
  });

  it("carries the crime's flags, a hate crime strand as a hate crime, and none without a reported crime", () => {
    expect(crimeOf({ homeOfficeCode: "8Q", flags: { ...flags, hateCrimeStrand: "DISABILITY" as never } }, true).flags).toEqual({
      domesticAbuse: true,
      stalking: true,
      hateCrime: true,
      modernSlavery: false,
      fraud: false,
    });
    expect(crimeOf(null, false)).toEqual({
      crimeType: "NOT_REPORTED_TO_POLICE",
      flags: { domesticAbuse: false, stalking: false, hateCrime: false, modernSlavery: false, fraud: false },
    });
  });

  it.each([
    ["2031-03-31T22:59:59Z", "2031-03"],
    ["2031-03-31T23:00:00Z", "2031-04"], // 00:00 BST on 1 April
    ["2031-12-31T23:59:59Z", "2031-12"],
  ])("an instant %s falls in London month %s", (instant, month) => {
    expect(londonMonthOf(new Date(instant))).toBe(month);
  });
});

describe("Challenger's modern-slavery categories in the evidence base", () => {
  const { POSITIVE, NEGATIVE } = NrmDecisionOutcome;
  it.each([
    [NrmSubmissionKind.NRM, null, null, "AWAITING_REASONABLE_GROUNDS"],
    [NrmSubmissionKind.NRM, NEGATIVE, null, "NEGATIVE_REASONABLE_GROUNDS"],
    [NrmSubmissionKind.NRM, POSITIVE, null, "POSITIVE_REASONABLE_GROUNDS"],
    [NrmSubmissionKind.NRM, POSITIVE, NEGATIVE, "NEGATIVE_CONCLUSIVE_GROUNDS"],
    [NrmSubmissionKind.NRM, POSITIVE, POSITIVE, "POSITIVE_CONCLUSIVE_GROUNDS"],
    // A Duty to Notify return asks for no decision: never counted as pending.
    [NrmSubmissionKind.DUTY_TO_NOTIFY, null, null, "NOT_FOR_DECISION"],
  ])("an %s submission with reasonable grounds %s and conclusive grounds %s is at stage %s", (kind, rg, cg, stage) => {
    expect(nrmStageOf(kind, rg, cg)).toBe(stage);
  });

  it.each([
    ["2026-10-21T13:00:00Z", "2026-10-21T18:00:00Z", "UNDER_1_WEEK"],
    ["2026-10-21T13:00:00Z", "2026-10-27T23:00:00Z", "UNDER_1_WEEK"],
    ["2026-10-21T13:00:00Z", "2026-10-28T01:00:00Z", "ONE_TO_2_WEEKS"],
    ["2026-10-21T13:00:00Z", "2026-11-03T12:00:00Z", "ONE_TO_2_WEEKS"],
    ["2026-10-21T13:00:00Z", "2026-11-04T09:00:00Z", "TWO_WEEKS_OR_MORE"],
    // 23:30 UTC on 20 June is 00:30 on 21 June in London (BST): six London days to 27 June, though seven in UTC.
    ["2026-06-20T23:30:00Z", "2026-06-27T22:00:00Z", "UNDER_1_WEEK"],
  ])("a stay from %s to %s lasted %s, in London calendar days", (from, to, band) => {
    expect(stayLengthOf(new Date(from), new Date(to))).toBe(band);
  });

  it("counts a stay with no end as ongoing", () => {
    expect(stayLengthOf(new Date("2026-10-21T13:00:00Z"), null)).toBe("ONGOING");
  });
});
