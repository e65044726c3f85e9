/**
 * Risk-identification question sets and thresholds, as versioned data.
 *
 * DOMAIN.md: keep the question set as versioned data, and every threshold as
 * data with its source beside it. A new checklist (a revised SafeLives form, a
 * force's DASH, DARA) is a new entry, never an edit to this one: stored
 * assessments record the set id and version they were scored against.
 *
 * Question texts are short neutral paraphrases written for this hub, not the
 * checklists' own wording (which is copyright of SafeLives / the authors).
 * Markers as in DOMAIN-REFERENCE.md: [S] checked, [M] not confirmed, [S/M] partly.
 *
 * The enums are not registered with type-graphql: this module stays
 * framework-free so GraphQL types can import it later.
 */

/** DOMAIN-REFERENCE.md §8.2. Ordered: STANDARD < MEDIUM < HIGH (see RISK_LEVEL_ORDER). */
export enum RiskLevel {
  STANDARD = "STANDARD",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
}

export const RISK_LEVEL_ORDER: readonly RiskLevel[] = [RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH];

/** The checklists answer yes / no / not known; "not known" is recorded but is not a yes. */
export enum RiskAnswer {
  YES = "YES",
  NO = "NO",
  NOT_KNOWN = "NOT_KNOWN",
}

/** Risk tools a RiskAssessment may record (DOMAIN-REFERENCE.md §8.1). Only DASH_SAFELIVES and S_DASH have question sets here. */
export enum RiskTool {
  DASH_POLICE = "DASH_POLICE",
  DASH_SAFELIVES = "DASH_SAFELIVES",
  DARA = "DARA",
  S_DASH = "S_DASH",
  OTHER = "OTHER",
}

/** [S] checked, [M] not confirmed, [S/M] partly confirmed (DOMAIN-REFERENCE.md). */
export type Confirmation = "S" | "M" | "S/M";

/** A number with its source beside it. */
export interface Threshold {
  readonly value: number;
  readonly confirmation: Confirmation;
  readonly source: string;
}

export interface RiskQuestion {
  /** Stable id, e.g. `dash.q08`; answers are keyed by it. Never reuse an id for a different question. */
  readonly id: string;
  readonly paraphrase: string;
  /** A yes here should prompt the S-DASH stalking questions. */
  readonly triggersSdash?: true;
}

interface QuestionSetBase {
  /** Identifies the checklist and its version together, e.g. `safelives-dash-ric@2009`. */
  readonly id: string;
  readonly version: string;
  readonly title: string;
  /** First date (YYYY-MM-DD) on which this set applies. */
  readonly effectiveFrom: string;
  readonly source: string;
  readonly questions: readonly RiskQuestion[];
}

export interface DashThresholds {
  /** Yes answers at or above which the risk is "visible high risk" and a MARAC referral is due. */
  readonly visibleHighRiskYesCount: Threshold;
  /**
   * Yes answers at or above which the score alone makes the risk MEDIUM, or
   * null when the checklist gives no such cut-off and MEDIUM comes only from
   * the assessor's professional judgement.
   */
  readonly mediumFromYesCount: Threshold | null;
  /** Police call-outs in the window at or above which "potential escalation" makes the risk HIGH. */
  readonly escalationPoliceCallOuts: Threshold;
  /** The window for counting call-outs, in months. Carried with the count; callers count within it. */
  readonly escalationWindowMonths: Threshold;
}

export interface DashQuestionSet extends QuestionSetBase {
  readonly tool: RiskTool.DASH_SAFELIVES;
  readonly thresholds: DashThresholds;
}

export interface SdashQuestionSet extends QuestionSetBase {
  readonly tool: RiskTool.S_DASH;
  /** When the screen is used, in words; the hub does not decide it. */
  readonly whenToUse: string;
}

const SAFELIVES_24_SOURCES = "https://plymouthscb.co.uk/safe-lives-dash-ric-checklist; https://safelives.org.uk/resources-library/dash-risk-checklist-for-northern-ireland";
const MARAC_FORM_SOURCE =
  "SafeLives Marac referral form (2015), https://docslib.org/doc/13712024/reason-for-referral-additional-information";

/**
 * The SafeLives (CAADA) DASH Risk Identification Checklist: 24 questions [S]
 * (SAFELIVES_24_SOURCES). DASH dates from 2009 [S]
 * (https://www.rtr-champs.org.uk/cms/content/risk); the day and month used for
 * `effectiveFrom` are not confirmed [M]: 1 January stands for "from 2009".
 *
 * The order and subject of each question follow the SafeLives form as
 * generally known; that the SafeLives numbering matches question for question
 * is not confirmed against the current form [M]. Question 8 (stalking and
 * harassment) prompting S-DASH is confirmed for the police form [S]
 * (https://paperzz.com/doc/7134875/dash-risk-form) and assumed for SafeLives [M].
 *
 * Levels: HIGH on any of the three MARAC criteria below. MEDIUM: the only
 * numeric band in our sources (10–13 yes = medium, Plymouth SCB) is stated to
 * be local practice, not a SafeLives scale [S], and Greater Manchester's own
 * practice is unknown [M]; so this set has no MEDIUM cut-off and MEDIUM comes
 * only from professional judgement. A local set can carry one (see
 * `mediumFromYesCount`) without any change to the scoring code.
 */
export const SAFELIVES_DASH_RIC_2009: DashQuestionSet = {
  id: "safelives-dash-ric@2009",
  version: "2009",
  tool: RiskTool.DASH_SAFELIVES,
  title: "SafeLives DASH Risk Identification Checklist (24 questions)",
  effectiveFrom: "2009-01-01",
  source: SAFELIVES_24_SOURCES,
  questions: [
    { id: "dash.q01", paraphrase: "Did the current incident result in injury?" },
    { id: "dash.q02", paraphrase: "Is the victim very frightened?" },
    { id: "dash.q03", paraphrase: "Is the victim afraid of further injury or violence?" },
    { id: "dash.q04", paraphrase: "Is the victim isolated from family, friends or professionals by the abuser?" },
    { id: "dash.q05", paraphrase: "Is the victim feeling depressed or having suicidal thoughts?" },
    { id: "dash.q06", paraphrase: "Has the victim separated, or tried to, from the abuser in the past year?" },
    { id: "dash.q07", paraphrase: "Is there conflict over contact with children?" },
    { id: "dash.q08", paraphrase: "Does the abuser constantly contact, follow, stalk or harass the victim?", triggersSdash: true },
    { id: "dash.q09", paraphrase: "Is the victim pregnant, or have they recently had a baby?" },
    { id: "dash.q10", paraphrase: "Is the abuse happening more often?" },
    { id: "dash.q11", paraphrase: "Is the abuse getting worse?" },
    { id: "dash.q12", paraphrase: "Does the abuser try to control everything the victim does, or show excessive jealousy?" },
    { id: "dash.q13", paraphrase: "Has the abuser used weapons or objects to hurt the victim?" },
    { id: "dash.q14", paraphrase: "Has the abuser threatened to kill the victim or someone else, and the victim believed it?" },
    { id: "dash.q15", paraphrase: "Has the abuser attempted to strangle, choke, suffocate or drown the victim?" },
    { id: "dash.q16", paraphrase: "Does the abuser do or say sexual things that degrade or hurt the victim or someone else?" },
    { id: "dash.q17", paraphrase: "Is there another person who has threatened the victim or whom the victim fears?" },
    { id: "dash.q18", paraphrase: "Is the abuser known to have hurt anyone else?" },
    { id: "dash.q19", paraphrase: "Has the abuser mistreated an animal or pet?" },
    { id: "dash.q20", paraphrase: "Are there financial issues, such as dependence on the abuser or recent job loss?" },
    { id: "dash.q21", paraphrase: "Has the abuser had problems with drugs, alcohol or mental health in the past year?" },
    { id: "dash.q22", paraphrase: "Has the abuser threatened or attempted suicide?" },
    { id: "dash.q23", paraphrase: "Has the abuser broken bail, an injunction or an agreement about contact?" },
    { id: "dash.q24", paraphrase: "Has the abuser been in trouble with the police or got a criminal history?" },
  ],
  thresholds: {
    // Visible high risk: 14 or more ticks [S].
    visibleHighRiskYesCount: { value: 14, confirmation: "S", source: MARAC_FORM_SOURCE },
    // No official MEDIUM cut-off; see the note above.
    mediumFromYesCount: null,
    // Potential escalation: 3 or more incidents reported to police in 12 months; local thresholds vary [S].
    // Greater Manchester's own number is not confirmed [M].
    escalationPoliceCallOuts: { value: 3, confirmation: "S/M", source: MARAC_FORM_SOURCE },
    escalationWindowMonths: { value: 12, confirmation: "S", source: MARAC_FORM_SOURCE },
  },
};

/**
 * S-DASH (2009), the stalking and harassment screen used alongside DASH,
 * by Sheridan, Roberts and Richards for ACPO with CAADA: 11 questions [S]
 * (https://view.genial.ly/65d897e938d4ed00143480d3/presentation-dash-q8).
 * When to use [S]: https://artsdocbox.com/Celebrity_Fan_and_Gossip/99998633-S-dash-2009-risk-identification-checklist-for-use-in-stalking-and-harassment-cases.html
 * The exact start date is not confirmed [M]: 1 January stands for "from 2009".
 */
export const SDASH_2009: SdashQuestionSet = {
  id: "s-dash@2009",
  version: "2009",
  tool: RiskTool.S_DASH,
  title: "S-DASH (2009) stalking and harassment screening questions",
  effectiveFrom: "2009-01-01",
  source: "https://view.genial.ly/65d897e938d4ed00143480d3/presentation-dash-q8",
  whenToUse: "Where there have been two or more incidents of stalking or harassment, reported or not, and/or the victim is very frightened.",
  questions: [
    { id: "sdash.q01", paraphrase: "Is the victim very frightened?" },
    { id: "sdash.q02", paraphrase: "Has the abuser harassed the victim or others before?" },
    { id: "sdash.q03", paraphrase: "Has the abuser destroyed or vandalised the victim's property?" },
    { id: "sdash.q04", paraphrase: "Does the abuser visit the victim's home or work more than three times a week?" },
    { id: "sdash.q05", paraphrase: "Has the abuser loitered near the victim's home, work or other places?" },
    { id: "sdash.q06", paraphrase: "Has the abuser threatened physical or sexual violence?" },
    { id: "sdash.q07", paraphrase: "Has the abuser harassed any third party?" },
    { id: "sdash.q08", paraphrase: "Has the abuser been violent towards anyone in the current incidents?" },
    { id: "sdash.q09", paraphrase: "Has the abuser got others to help, knowingly or not?" },
    { id: "sdash.q10", paraphrase: "Does the abuser misuse drugs or alcohol?" },
    { id: "sdash.q11", paraphrase: "Is the abuser known to have been violent in the past?" },
  ],
};

export const DASH_QUESTION_SETS: readonly DashQuestionSet[] = [SAFELIVES_DASH_RIC_2009];
export const SDASH_QUESTION_SETS: readonly SdashQuestionSet[] = [SDASH_2009];

/** The set in force on a date (YYYY-MM-DD): the latest `effectiveFrom` on or before it. */
export function questionSetInForce<T extends QuestionSetBase>(sets: readonly T[], date: string): T {
  let chosen: T | undefined;
  for (const set of sets) {
    // ISO dates compare correctly as strings.
    if (set.effectiveFrom <= date && (!chosen || set.effectiveFrom > chosen.effectiveFrom)) chosen = set;
  }
  if (!chosen) throw new Error(`No question set in force on ${date}`);
  return chosen;
}
