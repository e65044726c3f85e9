import { IsoDate } from "./bank-holidays";

/**
 * The Victims' Code as versioned rule data.
 *
 * Every statutory number lives here, in a version with the date it came into
 * force and a source beside it (DOMAIN.md: "keep every statutory number in
 * versioned rule data with an effective date, not in code"). A new Code (the
 * Ministry of Justice has consulted on one under the Victims and Prisoners Act
 * 2024, DOMAIN-REFERENCE.md §1.1) is added as a new entry in
 * VICTIMS_CODE_RULE_VERSIONS with its own `effectiveFrom`; the engine applies
 * to each event the version in force on that event's London date.
 *
 * Markers follow DOMAIN-REFERENCE.md: [S] checked against the cited source,
 * [M] not confirmed, [S/M] partly confirmed.
 *
 * These enums are deliberately not registered with type-graphql: this module
 * stays framework-free so GraphQL types can import it later.
 */

/** The twelve rights of the Code (DOMAIN-REFERENCE.md §8.2: `R1` to `R12`). */
export enum VictimsCodeRight {
  R1 = "R1",
  R2 = "R2",
  R3 = "R3",
  R4 = "R4",
  R5 = "R5",
  R6 = "R6",
  R7 = "R7",
  R8 = "R8",
  R9 = "R9",
  R10 = "R10",
  R11 = "R11",
  R12 = "R12",
}

/** Who is entitled to Enhanced Rights (DOMAIN-REFERENCE.md §1.4, §8.2). A victim can be in more than one. */
export enum EnhancedRightsCategory {
  MOST_SERIOUS_CRIME = "MOST_SERIOUS_CRIME",
  PERSISTENTLY_TARGETED = "PERSISTENTLY_TARGETED",
  VULNERABLE = "VULNERABLE",
  INTIMIDATED = "INTIMIDATED",
}

/** Offences and circumstances that make a victim one "of the most serious crime" (DOMAIN-REFERENCE.md §1.4). */
export enum MostSeriousCrime {
  BEREAVED_CLOSE_RELATIVE = "BEREAVED_CLOSE_RELATIVE",
  DOMESTIC_ABUSE = "DOMESTIC_ABUSE",
  HATE_CRIME = "HATE_CRIME",
  TERRORISM = "TERRORISM",
  SEXUAL_OFFENCE = "SEXUAL_OFFENCE",
  HUMAN_TRAFFICKING = "HUMAN_TRAFFICKING",
  ATTEMPTED_MURDER = "ATTEMPTED_MURDER",
  KIDNAP = "KIDNAP",
  FALSE_IMPRISONMENT = "FALSE_IMPRISONMENT",
  ARSON_WITH_INTENT_TO_ENDANGER_LIFE = "ARSON_WITH_INTENT_TO_ENDANGER_LIFE",
  WOUNDING_OR_GBH_WITH_INTENT = "WOUNDING_OR_GBH_WITH_INTENT",
}

/** Police and prosecution events that start a Code clock. */
export enum PoliceEventKind {
  /** The victim reports the crime to the police: starts the Right 4 referral clock. */
  CRIME_REPORTED = "CRIME_REPORTED",
  SUSPECT_ARRESTED = "SUSPECT_ARRESTED",
  SUSPECT_INTERVIEWED_UNDER_CAUTION = "SUSPECT_INTERVIEWED_UNDER_CAUTION",
  SUSPECT_RELEASED_ON_BAIL = "SUSPECT_RELEASED_ON_BAIL",
  /** Police bail conditions changed or cancelled. */
  BAIL_CONDITIONS_CHANGED = "BAIL_CONDITIONS_CHANGED",
  SUSPECT_RELEASED_UNDER_INVESTIGATION = "SUSPECT_RELEASED_UNDER_INVESTIGATION",
  /** Released without charge and without bail. */
  SUSPECT_RELEASED_WITHOUT_CHARGE = "SUSPECT_RELEASED_WITHOUT_CHARGE",
  SUSPECT_CHARGED = "SUSPECT_CHARGED",
  /** A police or CPS decision not to charge: no further action. */
  NO_FURTHER_ACTION = "NO_FURTHER_ACTION",
  /** The police decide not to investigate the crime at all. */
  DECISION_NOT_TO_INVESTIGATE = "DECISION_NOT_TO_INVESTIGATE",
  /** The suspect is dealt with outside court (a caution, conditional caution or community resolution). */
  OUT_OF_COURT_DISPOSAL = "OUT_OF_COURT_DISPOSAL",
  /** A court hearing took place: its outcome (bail, a warrant) and the next date are for the victim to know. */
  COURT_HEARING = "COURT_HEARING",
  /** The court reached a verdict. */
  VERDICT = "VERDICT",
  /** The court passed sentence. */
  SENTENCE = "SENTENCE",
}

/** What a recorded contact did, and so which entitlement it can fulfil. */
export enum ContactKind {
  /** The victim had written confirmation of the crime and information on reporting it (Right 3). */
  INFORMATION_ON_REPORTING = "INFORMATION_ON_REPORTING",
  /** The police passed the victim's details to a victim support service (Right 4). */
  REFERRAL_PASSED_ON = "REFERRAL_PASSED_ON",
  /** The victim was told of a police, prosecution or court decision (Rights 6, 8 and 9). */
  TOLD_OF_DECISION = "TOLD_OF_DECISION",
  /** The victim was offered the chance to make a Victim Personal Statement (Right 7). */
  VPS_OFFERED = "VPS_OFFERED",
  /** The victim was referred to the Probation Service's Victim Contact Scheme (Right 11). */
  REFERRED_TO_VICTIM_CONTACT_SCHEME = "REFERRED_TO_VICTIM_CONTACT_SCHEME",
}

/** One timed duty under a right, as the engine tracks it. */
export enum EntitlementCode {
  /** Right 3: written confirmation of the crime and information on the process within 5 working days of reporting (1 under Enhanced Rights). */
  R3_INFORMATION_ON_REPORTING = "R3_INFORMATION_ON_REPORTING",
  /** Right 4: details passed to victim support services within 2 working days of reporting. */
  R4_REFERRAL_TO_SUPPORT_SERVICES = "R4_REFERRAL_TO_SUPPORT_SERVICES",
  /** Right 6: told of a key investigation or charging decision within 5 working days (1 under Enhanced Rights). */
  R6_TOLD_OF_KEY_DECISION = "R6_TOLD_OF_KEY_DECISION",
  /** Right 7: offered a Victim Personal Statement when the suspect is charged. */
  R7_VPS_OFFERED = "R7_VPS_OFFERED",
  /** Right 8: told of a court hearing's outcome (bail, warrants, the next date) within 5 working days (1 under Enhanced Rights). */
  R8_TOLD_OF_HEARING_OUTCOME = "R8_TOLD_OF_HEARING_OUTCOME",
  /** Right 9: told of the verdict and the sentence within 1 working day. */
  R9_TOLD_OF_CASE_OUTCOME = "R9_TOLD_OF_CASE_OUTCOME",
  /** Right 11: referred to the Victim Contact Scheme within 10 working days of sentence, where eligible. */
  R11_REFERRED_TO_VICTIM_CONTACT_SCHEME = "R11_REFERRED_TO_VICTIM_CONTACT_SCHEME",
}

/** [S] checked, [M] not confirmed, [S/M] partly confirmed (DOMAIN-REFERENCE.md). */
export type Confirmation = "S" | "M" | "S/M";

export interface RightDefinition {
  readonly right: VictimsCodeRight;
  readonly number: number;
  readonly title: string;
}

export interface TimelinessTrigger {
  readonly event: PoliceEventKind;
  readonly confirmation: Confirmation;
  readonly source: string;
}

export interface TimelinessRule {
  readonly entitlement: EntitlementCode;
  readonly right: VictimsCodeRight;
  readonly triggers: readonly TimelinessTrigger[];
  readonly fulfilledBy: ContactKind;
  /** Working days allowed to a victim without Enhanced Rights. */
  readonly standardWorkingDays: number;
  /** Working days allowed to a victim entitled to Enhanced Rights. */
  readonly enhancedWorkingDays: number;
  /** The victim may decline this; if they have, the entitlement is NOT_APPLICABLE. */
  readonly victimMayDecline: boolean;
  /**
   * Where the victim must ask for it (opt in) rather than decline it (opt
   * out): the Enhanced Rights reasons, worked out from the crime, that make
   * it so. A victim under one of these who did not consent gets
   * VICTIM_DID_NOT_OPT_IN rather than VICTIM_DECLINED_REFERRAL.
   */
  readonly optInFor?: readonly EnhancedRightsReason[];
  /**
   * The condition under which the entitlement arises, where it depends on
   * facts the hub does not hold (a sentence's length, the offence's
   * category). Until a contact shows the duty was done, the entitlement is
   * NOT_APPLICABLE with ELIGIBILITY_NOT_HELD: neither met nor missed.
   */
  readonly eligibilityNotHeld?: string;
  readonly confirmation: Confirmation;
  readonly source: string;
}

/** Why a victim has Enhanced Rights: recorded on the case by GMP or a caseworker, or worked out from the crime. */
export enum EnhancedRightsReason {
  /** A category recorded on the case (the police referral, or a caseworker's update). */
  RECORDED = "RECORDED",
  STALKING = "STALKING",
  DOMESTIC_ABUSE = "DOMESTIC_ABUSE",
  CONTROLLING_OR_COERCIVE = "CONTROLLING_OR_COERCIVE",
  HATE_CRIME = "HATE_CRIME",
  HUMAN_TRAFFICKING = "HUMAN_TRAFFICKING",
}

/** The police record's flags that can give Enhanced Rights (connectors/police/types.ts CrimeFlags). */
export type CrimeFlagName = "domesticAbuse" | "stalking" | "hateCrimeStrand" | "modernSlavery";

/**
 * A crime's classification or flag that makes its victim entitled to Enhanced
 * Rights. From the date the crime first carried one of `homeOfficeCodes`
 * (its classification history keeps when); failing that, from the crime's
 * recording where `flag` is set (the police record gives flags no dates).
 */
export interface CrimeEnhancedRightsRule {
  readonly reason: EnhancedRightsReason;
  readonly category: EnhancedRightsCategory;
  /** Home Office Counting Rules classifications. */
  readonly homeOfficeCodes: readonly string[];
  readonly flag: CrimeFlagName | null;
  readonly confirmation: Confirmation;
  readonly source: string;
}

export interface EnhancedRightsDefinition {
  readonly categories: readonly EnhancedRightsCategory[];
  readonly mostSeriousCrimes: readonly MostSeriousCrime[];
  /** What the hub works out from the police record; anything else a caseworker records. */
  readonly fromCrime: readonly CrimeEnhancedRightsRule[];
  readonly confirmation: Confirmation;
  readonly source: string;
}

export interface VictimsCodeRuleVersion {
  /** Stable id, reported with every result so a reader knows which numbers were applied. */
  readonly id: string;
  readonly title: string;
  /** First London date on which this version applies. */
  readonly effectiveFrom: IsoDate;
  readonly source: string;
  readonly rights: readonly RightDefinition[];
  readonly timeliness: readonly TimelinessRule[];
  readonly enhancedRights: EnhancedRightsDefinition;
}

const CODE_2021_SOURCE =
  "Code of Practice for Victims of Crime in England and Wales (Victims' Code), laid November 2020 under s.32 Domestic Violence, Crime and Victims Act 2004, in force 1 April 2021: https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime";
const RIGHT_6_SOURCE =
  "https://bedfordshire.pcc.police.uk/the-code-of-practice-for-victims-victims-code-individual-rights-information-right-6-of-12";
const ENHANCED_RIGHTS_SOURCE = "https://www.nottinghamshire.police.uk/faqs/what-are-enhanced-rights-and-how-do-i-receive-them";
const RIGHT_3_SOURCE = "https://covrj.uk/?p=708";
// Right 7 as the Code itself states it (DOMAIN-REFERENCE.md §1.3 gives no page of its own for it).
const RIGHT_7_SOURCE = "https://www.gov.uk/government/publications/the-code-of-practice-for-victims-of-crime";
const RIGHT_8_SOURCE = "https://bedfordshire.pcc.police.uk/the-code-of-practice-for-victims-victims-code-individual-rights-information-right-8-of-12";
const RIGHT_9_SOURCE = "https://www.bedfordshire.pcc.police.uk/the-code-of-practice-for-victims-victims-code-individual-rights-information-right-9-of-12/";
const RIGHT_11_SOURCE = "https://bedfordshire.pcc.police.uk/the-code-of-practice-for-victims-victims-code-individual-rights-information-right-11-of-12";
const CPS_DECISIONS_SOURCE =
  "http://www.cps.gov.uk/thames_chiltern/victim_and_witness_care/the_code_of_practice_for_victims_of_crime/ (older CPS wording; DOMAIN-REFERENCE.md §1.3 marks charge decisions [S/M])";

/**
 * Victims' Code 2020, in force 1 April 2021 [S]
 * (https://www.bedfordshire.pcc.police.uk/support-for-victims/). Under s.5
 * Victims and Prisoners Act 2024 (in force 29 January 2025, SI 2025/95) this
 * Code remains "the victims' code" until a new one is issued [S], so no new
 * version starts on 29 January 2025.
 */
export const VICTIMS_CODE_2021: VictimsCodeRuleVersion = {
  id: "victims-code-2021",
  title: "Code of Practice for Victims of Crime in England and Wales (2020), in force 1 April 2021",
  effectiveFrom: "2021-04-01",
  source: CODE_2021_SOURCE,
  // The twelve rights [S]: https://www.cleanslate.org.uk/post/victims-code-of-practice and the gov.uk Code's summary.
  rights: [
    { right: VictimsCodeRight.R1, number: 1, title: "To be able to understand and to be understood" },
    { right: VictimsCodeRight.R2, number: 2, title: "To have the details of the crime recorded without unjustified delay" },
    { right: VictimsCodeRight.R3, number: 3, title: "To be provided with information when reporting the crime" },
    {
      right: VictimsCodeRight.R4,
      number: 4,
      title: "To be referred to services that support victims and have services and support tailored to your needs",
    },
    { right: VictimsCodeRight.R5, number: 5, title: "To be provided with information about compensation" },
    { right: VictimsCodeRight.R6, number: 6, title: "To be provided with information about the investigation and prosecution" },
    { right: VictimsCodeRight.R7, number: 7, title: "To make a Victim Personal Statement" },
    {
      right: VictimsCodeRight.R8,
      number: 8,
      title: "To be given information about the trial, trial process and your role as a witness",
    },
    { right: VictimsCodeRight.R9, number: 9, title: "To be given information about the outcome of the case and any appeals" },
    { right: VictimsCodeRight.R10, number: 10, title: "To be paid expenses and have property returned" },
    { right: VictimsCodeRight.R11, number: 11, title: "To be given information about the offender following a conviction" },
    { right: VictimsCodeRight.R12, number: 12, title: "To make a complaint about your rights not being met" },
  ],
  timeliness: [
    {
      entitlement: EntitlementCode.R4_REFERRAL_TO_SUPPORT_SERVICES,
      right: VictimsCodeRight.R4,
      triggers: [
        {
          event: PoliceEventKind.CRIME_REPORTED,
          confirmation: "S",
          source: "https://www.bedfordshire.pcc.police.uk/the-code-of-practice-for-victims-victims-code-individual-rights-information-2/",
        },
      ],
      fulfilledBy: ContactKind.REFERRAL_PASSED_ON,
      // Referral within 2 working days of reporting [S] (source above). Our sources give no shorter
      // time under Enhanced Rights, so both are 2; that none exists is not confirmed [M].
      standardWorkingDays: 2,
      enhancedWorkingDays: 2,
      // "Unless the victim declines" (opt-out) [S] for the default case. The older Code required
      // explicit consent (opt-in) for sexual offences, domestic violence and bereaved relatives [S]
      // (https://www.nottinghamshire.police.uk/faqs/what-are-victims-services); that the 2020 Code
      // keeps it is not confirmed [M]. The police record shows domestic abuse, so a domestic abuse
      // victim who was not referred is reported as one who did not opt in; sexual offences and
      // bereavement it does not show, so those stay under the opt-out reading.
      victimMayDecline: true,
      optInFor: [EnhancedRightsReason.DOMESTIC_ABUSE, EnhancedRightsReason.CONTROLLING_OR_COERCIVE],
      confirmation: "S",
      source: "https://www.bedfordshire.pcc.police.uk/the-code-of-practice-for-victims-victims-code-individual-rights-information-2/",
    },
    {
      entitlement: EntitlementCode.R3_INFORMATION_ON_REPORTING,
      right: VictimsCodeRight.R3,
      // Written confirmation (offence, crime reference, officer in charge) and information about the
      // process and Restorative Justice within 5 working days of reporting, 1 under Enhanced Rights [S]
      // (RIGHT_3_SOURCE). Where writing is a risk to the victim (domestic abuse) it is given another way:
      // the channel is recorded, the time limit is the same.
      triggers: [{ event: PoliceEventKind.CRIME_REPORTED, confirmation: "S", source: RIGHT_3_SOURCE }],
      fulfilledBy: ContactKind.INFORMATION_ON_REPORTING,
      standardWorkingDays: 5,
      enhancedWorkingDays: 1,
      victimMayDecline: false,
      confirmation: "S",
      source: RIGHT_3_SOURCE,
    },
    {
      entitlement: EntitlementCode.R6_TOLD_OF_KEY_DECISION,
      right: VictimsCodeRight.R6,
      // Told, with reasons, within 5 working days (1 under Enhanced Rights) of a suspect being
      // arrested, interviewed under caution, released without charge, released on bail or under
      // investigation, or having bail conditions changed or cancelled; and of a decision not to
      // investigate [S] (RIGHT_6_SOURCE). Charge and no-charge decisions at the same times [S/M].
      triggers: [
        { event: PoliceEventKind.SUSPECT_ARRESTED, confirmation: "S", source: RIGHT_6_SOURCE },
        { event: PoliceEventKind.SUSPECT_INTERVIEWED_UNDER_CAUTION, confirmation: "S", source: RIGHT_6_SOURCE },
        { event: PoliceEventKind.SUSPECT_RELEASED_WITHOUT_CHARGE, confirmation: "S", source: RIGHT_6_SOURCE },
        { event: PoliceEventKind.SUSPECT_RELEASED_ON_BAIL, confirmation: "S", source: RIGHT_6_SOURCE },
        { event: PoliceEventKind.SUSPECT_RELEASED_UNDER_INVESTIGATION, confirmation: "S", source: RIGHT_6_SOURCE },
        { event: PoliceEventKind.BAIL_CONDITIONS_CHANGED, confirmation: "S", source: RIGHT_6_SOURCE },
        { event: PoliceEventKind.DECISION_NOT_TO_INVESTIGATE, confirmation: "S", source: RIGHT_6_SOURCE },
        { event: PoliceEventKind.SUSPECT_CHARGED, confirmation: "S/M", source: CPS_DECISIONS_SOURCE },
        { event: PoliceEventKind.NO_FURTHER_ACTION, confirmation: "S/M", source: CPS_DECISIONS_SOURCE },
        // An out-of-court disposal ends the case as a decision on the suspect does; that the Code
        // times it like the decisions above is our reading of Right 6, not confirmed in its text [M].
        { event: PoliceEventKind.OUT_OF_COURT_DISPOSAL, confirmation: "M", source: RIGHT_6_SOURCE },
      ],
      fulfilledBy: ContactKind.TOLD_OF_DECISION,
      standardWorkingDays: 5, // [S] RIGHT_6_SOURCE
      enhancedWorkingDays: 1, // [S] RIGHT_6_SOURCE
      victimMayDecline: false,
      confirmation: "S",
      source: RIGHT_6_SOURCE,
    },
    {
      entitlement: EntitlementCode.R7_VPS_OFFERED,
      right: VictimsCodeRight.R7,
      // A VPS "can be offered when the victim gives a statement, at charge, or later" [S]
      // (RIGHT_7_SOURCE). The Code sets no time for it; the hub times the offer at charge, with the
      // news of the charge and in the same working days, so that it comes before the first hearing.
      // That time is our reading, not the Code's [M].
      triggers: [{ event: PoliceEventKind.SUSPECT_CHARGED, confirmation: "M", source: RIGHT_7_SOURCE }],
      fulfilledBy: ContactKind.VPS_OFFERED,
      standardWorkingDays: 5,
      enhancedWorkingDays: 1,
      // The victim chooses whether to make one; the offer is the duty, and is owed to every victim.
      victimMayDecline: false,
      confirmation: "M",
      source: RIGHT_7_SOURCE,
    },
    {
      entitlement: EntitlementCode.R8_TOLD_OF_HEARING_OUTCOME,
      right: VictimsCodeRight.R8,
      // Bail hearing outcomes and conditions, arrest warrants and re-arrests: within 5 working days
      // (1 under Enhanced Rights) of the Witness Care Unit hearing from the court [S] (RIGHT_8_SOURCE).
      // The hub has the hearing's police update, not the unit's receipt, so it counts from the update [M].
      triggers: [{ event: PoliceEventKind.COURT_HEARING, confirmation: "S/M", source: RIGHT_8_SOURCE }],
      fulfilledBy: ContactKind.TOLD_OF_DECISION,
      standardWorkingDays: 5,
      enhancedWorkingDays: 1,
      victimMayDecline: false,
      confirmation: "S/M",
      source: RIGHT_8_SOURCE,
    },
    {
      entitlement: EntitlementCode.R9_TOLD_OF_CASE_OUTCOME,
      right: VictimsCodeRight.R9,
      // The outcome and sentence, explained, within 1 working day of the Witness Care Unit receiving
      // them, for every victim [S] (RIGHT_9_SOURCE); counted from the police update, as for Right 8 [M].
      triggers: [
        { event: PoliceEventKind.VERDICT, confirmation: "S/M", source: RIGHT_9_SOURCE },
        { event: PoliceEventKind.SENTENCE, confirmation: "S/M", source: RIGHT_9_SOURCE },
      ],
      fulfilledBy: ContactKind.TOLD_OF_DECISION,
      standardWorkingDays: 1,
      enhancedWorkingDays: 1,
      victimMayDecline: false,
      confirmation: "S/M",
      source: RIGHT_9_SOURCE,
    },
    {
      entitlement: EntitlementCode.R11_REFERRED_TO_VICTIM_CONTACT_SCHEME,
      right: VictimsCodeRight.R11,
      // Automatic referral to the Victim Contact Scheme within 10 working days of sentence, for every
      // victim, where the offence is a specified violent or sexual offence and the sentence 12 months or
      // more, or a hospital order [S] (RIGHT_11_SOURCE). The Victim Liaison Officer's contact within 20
      // working days of referral is the Probation Service's, whose record the hub does not hold.
      triggers: [{ event: PoliceEventKind.SENTENCE, confirmation: "S", source: RIGHT_11_SOURCE }],
      fulfilledBy: ContactKind.REFERRED_TO_VICTIM_CONTACT_SCHEME,
      standardWorkingDays: 10,
      enhancedWorkingDays: 10,
      // The victim may opt out at any time [S]; the referral itself is automatic.
      victimMayDecline: false,
      eligibilityNotHeld: "a specified violent or sexual offence with a sentence of 12 months or more, or a hospital order: the police update does not say",
      confirmation: "S",
      source: RIGHT_11_SOURCE,
    },
  ],
  enhancedRights: {
    // The three groups of the Code, with "vulnerable or intimidated" split as in
    // DOMAIN-REFERENCE.md §8.2 [S]: https://www.nottinghamshire.police.uk/faqs/what-are-enhanced-rights-and-how-do-i-receive-them
    categories: [
      EnhancedRightsCategory.MOST_SERIOUS_CRIME,
      EnhancedRightsCategory.PERSISTENTLY_TARGETED,
      EnhancedRightsCategory.VULNERABLE,
      EnhancedRightsCategory.INTIMIDATED,
    ],
    // The list is the 2015-era list (http://www.hertfordshirebeacon.org/tags/priority-group); its
    // carry-over into the 2020 Code text is not confirmed [S/M]. Vulnerable (YJCEA 1999 s.16: under 18,
    // mental disorder, significant impairment of intelligence or social functioning, physical
    // disability) and intimidated (s.17: fear or distress about testifying; sexual-offence
    // complainants automatically) are judged by the assessor, not listed here [S/M].
    mostSeriousCrimes: [
      MostSeriousCrime.BEREAVED_CLOSE_RELATIVE,
      MostSeriousCrime.DOMESTIC_ABUSE,
      MostSeriousCrime.HATE_CRIME,
      MostSeriousCrime.TERRORISM,
      MostSeriousCrime.SEXUAL_OFFENCE,
      MostSeriousCrime.HUMAN_TRAFFICKING,
      MostSeriousCrime.ATTEMPTED_MURDER,
      MostSeriousCrime.KIDNAP,
      MostSeriousCrime.FALSE_IMPRISONMENT,
      MostSeriousCrime.ARSON_WITH_INTENT_TO_ENDANGER_LIFE,
      MostSeriousCrime.WOUNDING_OR_GBH_WITH_INTENT,
    ],
    // Victims of the most serious crime by the list above [S/M]; stalking as persistently targeted,
    // which DOMAIN.md says stalking "usually" is [M]. Harassment alone is not here: only repeated
    // harassment is persistent targeting, which a caseworker judges and records.
    fromCrime: [
      { reason: EnhancedRightsReason.STALKING, category: EnhancedRightsCategory.PERSISTENTLY_TARGETED, homeOfficeCodes: ["8Q"], flag: "stalking", confirmation: "M", source: ENHANCED_RIGHTS_SOURCE },
      { reason: EnhancedRightsReason.DOMESTIC_ABUSE, category: EnhancedRightsCategory.MOST_SERIOUS_CRIME, homeOfficeCodes: [], flag: "domesticAbuse", confirmation: "S/M", source: ENHANCED_RIGHTS_SOURCE },
      // Controlling or coercive behaviour (Serious Crime Act 2015 s.76) is domestic abuse by definition.
      { reason: EnhancedRightsReason.CONTROLLING_OR_COERCIVE, category: EnhancedRightsCategory.MOST_SERIOUS_CRIME, homeOfficeCodes: ["8U"], flag: null, confirmation: "S/M", source: ENHANCED_RIGHTS_SOURCE },
      { reason: EnhancedRightsReason.HATE_CRIME, category: EnhancedRightsCategory.MOST_SERIOUS_CRIME, homeOfficeCodes: [], flag: "hateCrimeStrand", confirmation: "S/M", source: ENHANCED_RIGHTS_SOURCE },
      { reason: EnhancedRightsReason.HUMAN_TRAFFICKING, category: EnhancedRightsCategory.MOST_SERIOUS_CRIME, homeOfficeCodes: ["106"], flag: "modernSlavery", confirmation: "S/M", source: ENHANCED_RIGHTS_SOURCE },
    ],
    confirmation: "S/M",
    source: ENHANCED_RIGHTS_SOURCE,
  },
};

/** Every version held, any order; the engine chooses by date. */
export const VICTIMS_CODE_RULE_VERSIONS: readonly VictimsCodeRuleVersion[] = [VICTIMS_CODE_2021];

export class NoRuleVersionInForceError extends Error {
  readonly code = "NO_RULE_VERSION_IN_FORCE";
  constructor(readonly date: IsoDate) {
    super(`No Victims' Code rule version is in force on ${date}`);
    this.name = "NoRuleVersionInForceError";
  }
}

/**
 * The version in force on a London date: the one with the latest
 * `effectiveFrom` on or before it. Two versions starting on the same date
 * would make the answer ambiguous, so that is refused.
 */
export function ruleVersionInForce(
  date: IsoDate,
  versions: readonly VictimsCodeRuleVersion[] = VICTIMS_CODE_RULE_VERSIONS,
): VictimsCodeRuleVersion {
  let chosen: VictimsCodeRuleVersion | undefined;
  const seen = new Set<IsoDate>();
  for (const version of versions) {
    if (seen.has(version.effectiveFrom)) {
      throw new Error(`Two Victims' Code rule versions take effect on ${version.effectiveFrom}`);
    }
    seen.add(version.effectiveFrom);
    // ISO dates compare correctly as strings.
    if (version.effectiveFrom <= date && (!chosen || version.effectiveFrom > chosen.effectiveFrom)) chosen = version;
  }
  if (!chosen) throw new NoRuleVersionInForceError(date);
  return chosen;
}
