/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A Greater Manchester borough */
export type Borough =
  | 'BOLTON'
  | 'BURY'
  | 'MANCHESTER'
  | 'OLDHAM'
  | 'ROCHDALE'
  | 'SALFORD'
  | 'STOCKPORT'
  | 'TAMESIDE'
  | 'TRAFFORD'
  | 'WIGAN';

export type CaseStatus =
  | 'AWAITING_ASSESSMENT'
  | 'CLOSED'
  | 'OPEN';

/** police.uk crime categories, and not reported to the police */
export type CrimeType =
  | 'ANTI_SOCIAL_BEHAVIOUR'
  | 'BICYCLE_THEFT'
  | 'BURGLARY'
  | 'CRIMINAL_DAMAGE_AND_ARSON'
  | 'DRUGS'
  | 'NOT_REPORTED_TO_POLICE'
  | 'OTHER_CRIME'
  | 'OTHER_THEFT'
  | 'POSSESSION_OF_WEAPONS'
  | 'PUBLIC_ORDER'
  | 'ROBBERY'
  | 'SHOPLIFTING'
  | 'THEFT_FROM_THE_PERSON'
  | 'VEHICLE_CRIME'
  | 'VIOLENCE_AND_SEXUAL_OFFENCES';

/** A category of personal data, as agreements and consents name them */
export type DataCategory =
  | 'ADDRESS'
  | 'CASE_NOTES'
  | 'CONTACT'
  | 'DEMOGRAPHICS'
  | 'HEALTH'
  | 'IDENTITY'
  | 'INVESTIGATION_UPDATES'
  | 'OFFENCE_DETAILS'
  | 'PROTECTED_CHARACTERISTICS'
  | 'RISK'
  | 'SUPPORT';

/** What an evidence-base table can be split by */
export type Dimension =
  | 'AGE_BAND'
  | 'BOROUGH'
  | 'CRIME_TYPE'
  | 'DISABILITY'
  | 'DOMESTIC_ABUSE'
  | 'ENHANCED_RIGHTS'
  | 'ENTITLEMENT'
  | 'ETHNICITY'
  | 'ETHNIC_GROUP'
  | 'FRAUD'
  | 'HATE_CRIME'
  | 'MODERN_SLAVERY'
  | 'MONTH'
  | 'NRM_STAGE'
  | 'ORDER_KIND'
  | 'ORDER_OUTCOME'
  | 'OUTCOME'
  | 'OUTCOME_AREA'
  | 'REFERRAL_STATUS'
  | 'RISK_LEVEL'
  | 'RISK_TOOL'
  | 'ROUTE'
  | 'SERVICE'
  | 'SEX'
  | 'STALKING'
  | 'STAY_LENGTH'
  | 'SUBMISSION_KIND'
  | 'SURVEY_RIGHT';

export type EpisodeStatus =
  | 'ACTIVE'
  | 'CLOSED';

/** ONS high-level ethnic groups */
export type EthnicGroup =
  | 'ASIAN'
  | 'BLACK'
  | 'MIXED'
  | 'NOT_STATED'
  | 'OTHER'
  | 'WHITE';

/** Reporting age bands, 16-17 and older people apart (DOMAIN-REFERENCE.md 7.2) */
export type EvidenceAgeBand =
  | 'AGE_16_17'
  | 'AGE_18_24'
  | 'AGE_25_34'
  | 'AGE_35_44'
  | 'AGE_45_54'
  | 'AGE_55_64'
  | 'AGE_65_74'
  | 'AGE_75_PLUS'
  | 'NOT_KNOWN'
  | 'UNDER_16'
  | 'UNDER_18_NOT_BANDED';

/** Equality Act 2010 s.6 disability, as self-declared */
export type EvidenceDisability =
  | 'DISABLED'
  | 'NOT_DISABLED'
  | 'NOT_KNOWN';

/** ONS 2021 Census ethnic categories (18+1), a group whose category was not recorded, and not stated */
export type EvidenceEthnicity =
  | 'ASIAN_BANGLADESHI'
  | 'ASIAN_CHINESE'
  | 'ASIAN_DETAIL_NOT_RECORDED'
  | 'ASIAN_INDIAN'
  | 'ASIAN_OTHER'
  | 'ASIAN_PAKISTANI'
  | 'BLACK_AFRICAN'
  | 'BLACK_CARIBBEAN'
  | 'BLACK_DETAIL_NOT_RECORDED'
  | 'BLACK_OTHER'
  | 'MIXED_DETAIL_NOT_RECORDED'
  | 'MIXED_OTHER'
  | 'MIXED_WHITE_AND_ASIAN'
  | 'MIXED_WHITE_AND_BLACK_AFRICAN'
  | 'MIXED_WHITE_AND_BLACK_CARIBBEAN'
  | 'NOT_STATED'
  | 'OTHER_ANY'
  | 'OTHER_ARAB'
  | 'OTHER_DETAIL_NOT_RECORDED'
  | 'WHITE_BRITISH'
  | 'WHITE_DETAIL_NOT_RECORDED'
  | 'WHITE_GYPSY_OR_IRISH_TRAVELLER'
  | 'WHITE_IRISH'
  | 'WHITE_OTHER'
  | 'WHITE_ROMA';

/** Which facts a table covers; every list narrows, an absent one does not */
export type EvidenceFilter = {
  ageBands?: Array<EvidenceAgeBand> | null | undefined;
  boroughs?: Array<Borough> | null | undefined;
  crimeTypes?: Array<CrimeType> | null | undefined;
  disabilities?: Array<EvidenceDisability> | null | undefined;
  domesticAbuse?: boolean | null | undefined;
  ethnicGroups?: Array<EthnicGroup> | null | undefined;
  ethnicities?: Array<EvidenceEthnicity> | null | undefined;
  /** YYYY-MM, inclusive */
  fromMonth?: string | null | undefined;
  hateCrime?: boolean | null | undefined;
  modernSlavery?: boolean | null | undefined;
  /** NRM_SUBMISSIONS only */
  nrmStages?: Array<EvidenceNrmStage> | null | undefined;
  /** PROTECTIVE_ORDERS only */
  orderKinds?: Array<EvidenceOrderKind> | null | undefined;
  /** PROTECTIVE_ORDERS only */
  orderOutcomes?: Array<EvidenceOrderOutcome> | null | undefined;
  /** COPE_AND_RECOVER only */
  outcomeAreas?: Array<EvidenceOutcomeArea> | null | undefined;
  outcomes?: Array<ReferralOutcome> | null | undefined;
  /** RISK_ASSESSMENTS only */
  riskLevels?: Array<EvidenceRiskLevel> | null | undefined;
  /** RISK_ASSESSMENTS only */
  riskTools?: Array<EvidenceRiskTool> | null | undefined;
  routes?: Array<EvidenceReferralRoute> | null | undefined;
  services?: Array<SupportService> | null | undefined;
  sexes?: Array<EvidenceSex> | null | undefined;
  stalking?: boolean | null | undefined;
  /** PLACE_OF_SAFETY_STAYS only */
  stayLengths?: Array<EvidenceStayLength> | null | undefined;
  /** NRM_SUBMISSIONS only */
  submissionKinds?: Array<EvidenceSubmissionKind> | null | undefined;
  /** YYYY-MM, inclusive */
  toMonth?: string | null | undefined;
};

/** How far the Competent Authority's decisions on an NRM referral have got; a Duty to Notify return is not for decision */
export type EvidenceNrmStage =
  | 'AWAITING_REASONABLE_GROUNDS'
  | 'NEGATIVE_CONCLUSIVE_GROUNDS'
  | 'NEGATIVE_REASONABLE_GROUNDS'
  | 'NOT_FOR_DECISION'
  | 'POSITIVE_CONCLUSIVE_GROUNDS'
  | 'POSITIVE_REASONABLE_GROUNDS';

/** A protective order's kind: Stalking Protection Order, Domestic Abuse Protection Notice, Domestic Abuse Protection Order */
export type EvidenceOrderKind =
  | 'DAPN'
  | 'DAPO'
  | 'SPO';

/** Where a protective order has got to, from its latest status on the police record: applied for, issued, or breached */
export type EvidenceOrderOutcome =
  | 'APPLIED'
  | 'BREACHED'
  | 'ISSUED';

/** The Ministry of Justice cope-and-recover outcome areas a partner measures at intake and again later */
export type EvidenceOutcomeArea =
  | 'BETTER_ABLE_TO_COPE'
  | 'BETTER_INFORMED'
  | 'FEELING_SAFER'
  | 'IMPROVED_HEALTH_AND_WELLBEING';

/** How a referral reached the service (police, self, or a partner agency) */
export type EvidenceReferralRoute =
  | 'PARTNER'
  | 'POLICE'
  | 'SELF';

/** The level a DASH assessment reached; an S-DASH screen is not graded */
export type EvidenceRiskLevel =
  | 'HIGH'
  | 'MEDIUM'
  | 'NOT_GRADED'
  | 'STANDARD';

/** The risk tool behind an assessment: the DASH checklist (any version) or the S-DASH stalking screen */
export type EvidenceRiskTool =
  | 'DASH'
  | 'S_DASH';

/** Sex as reported in the evidence base */
export type EvidenceSex =
  | 'FEMALE'
  | 'MALE'
  | 'NOT_KNOWN'
  | 'OTHER';

/** How long a place-of-safety stay lasted, in London calendar days; ongoing while it lasts */
export type EvidenceStayLength =
  | 'ONE_TO_2_WEEKS'
  | 'ONGOING'
  | 'TWO_WEEKS_OR_MORE'
  | 'UNDER_1_WEEK';

/** A National Referral Mechanism referral, or the anonymous Duty to Notify (MS1) return for an adult who does not consent */
export type EvidenceSubmissionKind =
  | 'DUTY_TO_NOTIFY'
  | 'NRM';

export type InvestigationStatus =
  | 'CLOSED'
  | 'NO_FURTHER_ACTION'
  | 'SUSPECT_CHARGED'
  | 'UNDER_INVESTIGATION';

/** Investigation and court events; the pre-charge ones are the decisions Victims' Code Right 6 says the victim must be told of */
export type InvestigationUpdateKind =
  | 'ARREST'
  | 'BAIL_CONDITIONS_CHANGED'
  | 'CHARGED'
  | 'COURT_HEARING'
  | 'DECISION_NOT_TO_INVESTIGATE'
  | 'INTERVIEWED_UNDER_CAUTION'
  | 'NO_FURTHER_ACTION'
  | 'OUT_OF_COURT_DISPOSAL'
  | 'RELEASED_ON_BAIL_WITH_CONDITIONS'
  | 'RELEASED_UNDER_INVESTIGATION'
  | 'RELEASED_WITHOUT_CHARGE'
  | 'SENTENCE'
  | 'VERDICT';

export type JusticeTimelineEntryKind =
  | 'ARREST'
  | 'BAIL_CONDITIONS_CHANGED'
  | 'CASE_CLOSED'
  | 'CHARGED'
  | 'COURT_HEARING'
  | 'CRIME_REPORTED'
  | 'DECISION_NOT_TO_INVESTIGATE'
  | 'INTERVIEWED_UNDER_CAUTION'
  | 'NO_FURTHER_ACTION'
  | 'OUT_OF_COURT_DISPOSAL'
  | 'POLICE_REFERRAL_RECEIVED'
  | 'RELEASED_ON_BAIL_WITH_CONDITIONS'
  | 'RELEASED_UNDER_INVESTIGATION'
  | 'RELEASED_WITHOUT_CHARGE'
  | 'SELF_REFERRAL_RECEIVED'
  | 'SENTENCE'
  | 'VERDICT'
  | 'VICTIM_CONTACTED';

export type LawfulBasis =
  | 'CONSENT'
  | 'LEGAL_OBLIGATION'
  | 'PUBLIC_TASK'
  | 'SAFEGUARDING'
  | 'VITAL_INTERESTS';

/** What an evidence-base table counts or measures */
export type Measure =
  | 'COPE_AND_RECOVER'
  | 'MARAC_REFERRALS'
  | 'NRM_SUBMISSIONS'
  | 'OPEN_WAITING_LIST'
  | 'OUTCOMES'
  | 'PLACE_OF_SAFETY_STAYS'
  | 'POLICE_RECORDED_CRIME'
  | 'PROTECTIVE_ORDERS'
  | 'REFERRALS'
  | 'RISK_ASSESSMENTS'
  | 'SURVEY_SATISFACTION'
  | 'VICTIMS_CODE_COMPLIANCE'
  | 'WAIT_TO_ACCEPTANCE'
  | 'WAIT_TO_FIRST_CONTACT';

/** An organisation taking part in Casebridge */
export type OrganisationCode =
  | 'CHALLENGER'
  | 'GMCA'
  | 'GMP'
  | 'GMVS'
  | 'HOURGLASS'
  | 'PANKHURST';

/** Stalking Protection Act 2019; Domestic Abuse Act 2021 Part 3 (DOMAIN-REFERENCE.md 4.1, 4.2) */
export type ProtectiveOrderKind =
  | 'DOMESTIC_ABUSE_PROTECTION_NOTICE'
  | 'DOMESTIC_ABUSE_PROTECTION_ORDER'
  | 'STALKING_PROTECTION_ORDER';

export type ProtectiveOrderStatus =
  | 'APPLIED'
  | 'BREACHED'
  | 'EXPIRED'
  | 'GRANTED'
  | 'INTERIM'
  | 'VARIED';

export type Purpose =
  | 'COMMISSIONING'
  | 'INVESTIGATION'
  | 'SAFEGUARDING'
  | 'SUPPORT';

export type RecordConsentInput = {
  /** The GMVS case of the victim giving consent */
  caseId: string;
  categories: Array<DataCategory>;
  purposes: Array<Purpose>;
  /** Who may receive her data; never GMVS, which holds it */
  recipient: OrganisationCode;
};

export type ReferralOutcome =
  | 'COULD_NOT_CONTACT_SAFELY'
  | 'DECLINED_SUPPORT'
  | 'NOT_ELIGIBLE'
  | 'REFERRED_ON'
  | 'SUPPORT_COMPLETED';

/** Where a referral out (GMVS → partner) stands: SENT, RECEIVED, ACCEPTED or DECLINED by the partner, WITHDRAWN by GMVS, CLOSED */
export type ReferralStatus =
  | 'ACCEPTED'
  | 'CLOSED'
  | 'DECLINED'
  | 'RECEIVED'
  | 'SENT'
  | 'WITHDRAWN';

/** A webhook endpoint to register for your organisation */
export type RegisterWebhookEndpointInput = {
  /** Event types to send (e.g. REFERRAL_SENT); every type when empty */
  eventTypes?: Array<string>;
  /** What your system uses the events for: an event is sent only where the agreements cover it for this purpose */
  purpose?: Purpose;
  /** https URL of your system's receiver */
  url: string;
};

/** Standard, medium or high risk (DASH RIC) */
export type RiskLevel =
  | 'HIGH'
  | 'MEDIUM'
  | 'STANDARD';

/** Why an assessment reached its level: the MARAC referral criteria */
export type RiskReason =
  /** Potential escalation: 3 or more police call-outs in 12 months */
  | 'ESCALATION'
  /** Yes answers at or above a local medium cut-off, where the question set carries one */
  | 'MEDIUM_SCORE_BAND'
  /** The assessor's professional judgement */
  | 'PROFESSIONAL_JUDGEMENT'
  /** 14 or more yes answers (SafeLives Marac referral form) */
  | 'VISIBLE_HIGH_RISK';

/** The risk checklist used; DASH_SAFELIVES and S_DASH have question sets in the hub */
export type RiskTool =
  | 'DARA'
  | 'DASH_POLICE'
  | 'DASH_SAFELIVES'
  | 'OTHER'
  | 'S_DASH';

/** Practical help a partner gives: personal alarm, target hardening, counselling referral, court support, online safety */
export type SupportActionKind =
  | 'COUNSELLING_REFERRAL'
  | 'COURT_SUPPORT'
  | 'ONLINE_SAFETY_EMAIL'
  | 'ONLINE_SAFETY_ROUTER'
  | 'ONLINE_SAFETY_SOCIAL_MEDIA'
  | 'OTHER'
  | 'PERSONAL_ALARM'
  | 'TARGET_HARDENING_CAMERA'
  | 'TARGET_HARDENING_VIDEO_DOORBELL';

export type SupportActionStatus =
  | 'COMPLETED'
  | 'DECLINED'
  | 'IN_PROGRESS'
  | 'PLANNED';

/** The service a referral was made to */
export type SupportService =
  | 'CHALLENGER'
  | 'GMVS'
  | 'HOURGLASS'
  | 'OTHER'
  | 'PANKHURST_DOMESTIC_ABUSE'
  | 'PANKHURST_RESTORE';

/** Why a cell's value is withheld */
export type SuppressionReason =
  | 'DENOMINATOR_SUPPRESSED'
  | 'PRIMARY_SMALL_COUNT'
  | 'SECONDARY_COMPLEMENTARY';

export type ThematicLead =
  | 'CHILDREN_AND_YOUNG_PEOPLE'
  | 'DOMESTIC_ABUSE'
  | 'FRAUD'
  | 'GENERAL'
  | 'HATE_CRIME'
  | 'MODERN_SLAVERY'
  | 'OLDER_PEOPLE'
  | 'STALKING';

/** Standard, medium or high, as the Stalking Triage Centre grades it */
export type TriageRisk =
  | 'HIGH'
  | 'MEDIUM'
  | 'STANDARD';

/** Where a webhook delivery stands */
export type WebhookDeliveryStatus =
  | 'DEAD'
  | 'DELIVERED'
  | 'PENDING';

export type WithdrawConsentInput = {
  /** The GMVS case of the victim withdrawing consent */
  caseId: string;
  /** Every consent to the recipient covering these categories ends, for every purpose */
  categories: Array<DataCategory>;
  recipient: OrganisationCode;
};

export type AgreementsQueryVariables = Exact<{ [key: string]: never; }>;


export type AgreementsQuery = { agreements: Array<{ id: string, version: number, title: string, holder: OrganisationCode, recipients: Array<OrganisationCode>, categories: Array<DataCategory>, purposes: Array<Purpose>, lawfulBasis: LawfulBasis, requiresConsent: boolean, startsOn: string, endsOn: string | null, sourceFile: string }> };

export type AuditEventsQueryVariables = Exact<{
  breakGlassOnly?: boolean;
  first?: number;
}>;


export type AuditEventsQuery = { auditEvents: Array<{ seq: number, at: string, requestId: string, actor: string | null, organisation: string | null, purpose: string | null, subjectId: string | null, category: string, holder: string, decision: string, reason: string | null, agreementId: string | null, consentId: string | null, breakGlassReason: string | null }> };

export type SubjectAccessExportQueryVariables = Exact<{
  caseId: string;
}>;


export type SubjectAccessExportQuery = { subjectAccessExport: Array<{ seq: number, at: string, organisation: string | null, purpose: string | null, category: string, holder: string, decision: string, reason: string | null, breakGlassReason: string | null }> };

export type CaseViewQueryVariables = Exact<{
  id: string;
}>;


export type CaseViewQuery = { case: { id: string, caseReference: string, borough: Borough | null, thematicLead: ThematicLead | null, status: CaseStatus | null, openedAt: string | null, crime: { crimeReference: string, recordedAt: string | null, offenceCode: string | null, offenceDescription: string | null, borough: Borough | null, status: InvestigationStatus | null, domesticAbuse: boolean | null, stalking: boolean | null } | null, episodes: Array<{ id: string, provider: OrganisationCode | null, service: string | null, status: EpisodeStatus | null, startedAt: string | null, endedAt: string | null }> } | null };

export type CaseListQueryVariables = Exact<{
  borough?: Borough | null | undefined;
  first?: number;
}>;


export type CaseListQuery = { cases: Array<{ id: string, caseReference: string, borough: Borough | null, status: CaseStatus | null, openedAt: string | null }> };

export type RecordConsentMutationVariables = Exact<{
  input: RecordConsentInput;
}>;


export type RecordConsentMutation = { recordConsent: { id: string, recipient: OrganisationCode, categories: Array<DataCategory>, purposes: Array<Purpose>, givenAt: string, withdrawnAt: string | null } };

export type WithdrawConsentMutationVariables = Exact<{
  consentId: string;
}>;


export type WithdrawConsentMutation = { withdrawConsent: { id: string, recipient: OrganisationCode, withdrawnAt: string | null } };

export type WithdrawConsentForMutationVariables = Exact<{
  input: WithdrawConsentInput;
}>;


export type WithdrawConsentForMutation = { withdrawConsentFor: Array<{ id: string, recipient: OrganisationCode, categories: Array<DataCategory>, withdrawnAt: string | null, withdrawnBy: string | null }> };

export type ConsentsQueryVariables = Exact<{
  caseId: string;
}>;


export type ConsentsQuery = { consents: Array<{ id: string, recipient: OrganisationCode, categories: Array<DataCategory>, purposes: Array<Purpose>, givenAt: string, recordedBy: string, withdrawnAt: string | null, withdrawnBy: string | null, states: Array<{ category: DataCategory, purpose: Purpose, givenAt: string, withdrawnAt: string | null, withdrawnBy: string | null }> }> };

export type EvidenceBaseQueryVariables = Exact<{
  measure: Measure;
  by: Array<Dimension> | Dimension;
  filter?: EvidenceFilter | null | undefined;
}>;


export type EvidenceBaseQuery = { evidenceBase: { measure: Measure, by: Array<Dimension>, description: string, countUnit: string, valueUnit: string, refreshedAt: string | null, footnotes: Array<string>, rule: { id: string, minimumCount: number, maximumPerturbation: number, source: string }, cells: Array<{ isTotal: boolean, value: number | null, suppressed: boolean, suppressionReason: SuppressionReason | null, coordinates: Array<{ dimension: Dimension, value: string | null, label: string }>, count: { value: number | null, suppressed: boolean, suppressionReason: SuppressionReason | null }, median: { value: number | null, suppressed: boolean } | null, p90: { value: number | null, suppressed: boolean } | null, rate: { value: number | null, suppressed: boolean, suppressionReason: SuppressionReason | null } | null }> } };

export type EvidenceBaseCsvQueryVariables = Exact<{
  measure: Measure;
  by: Array<Dimension> | Dimension;
  filter?: EvidenceFilter | null | undefined;
}>;


export type EvidenceBaseCsvQuery = { evidenceBaseCsv: string };

export type ExplainAccessQueryVariables = Exact<{
  caseId: string;
}>;


export type ExplainAccessQuery = { explainAccess: Array<{ holder: OrganisationCode, category: DataCategory, decision: string, reason: string, agreementId: string | null, consentId: string | null }> };

export type ReferToServiceMutationVariables = Exact<{
  caseId: string;
  partner: OrganisationCode;
  service: string;
  categories: Array<DataCategory> | DataCategory;
  consentId?: string | null | undefined;
  reason: string;
}>;


export type ReferToServiceMutation = { referToService: { id: string, status: ReferralStatus | null, partner: OrganisationCode | null, service: string | null, sentAt: string | null } };

export type ReceiveReferralMutationVariables = Exact<{
  id: string;
}>;


export type ReceiveReferralMutation = { receiveReferral: { id: string, status: ReferralStatus | null, receivedAt: string | null } };

export type AcceptReferralMutationVariables = Exact<{
  id: string;
}>;


export type AcceptReferralMutation = { acceptReferral: { id: string, status: ReferralStatus | null, acceptedAt: string | null, waitingHoursToAcceptance: number | null } };

export type DeclineReferralMutationVariables = Exact<{
  id: string;
  reason: string;
}>;


export type DeclineReferralMutation = { declineReferral: { id: string, status: ReferralStatus | null, declinedAt: string | null, declineReason: string | null } };

export type ReferralsForMeQueryVariables = Exact<{
  status?: ReferralStatus | null | undefined;
  first?: number;
}>;


export type ReferralsForMeQuery = { referralsForMe: Array<{ id: string, status: ReferralStatus | null, service: string | null, reason: string | null, sentAt: string | null, receivedAt: string | null, withdrawnAt: string | null, closedAt: string | null }> };

export type SharedCaseFragment = { id: string, caseReference: string, borough: Borough | null, status: CaseStatus | null, openedAt: string | null, victim: { id: string, givenName: string | null, familyName: string | null, dateOfBirth: string | null, phone: string | null, postcode: string | null } | null, crime: { crimeReference: string, recordedAt: string | null, offenceCode: string | null, offenceDescription: string | null, status: InvestigationStatus | null, domesticAbuse: boolean | null, stalking: boolean | null, updates: Array<{ id: string, kind: InvestigationUpdateKind | null, occurredAt: string | null, summary: string | null }> | null, orders: Array<{ id: string, kind: ProtectiveOrderKind | null, status: ProtectiveOrderStatus | null, grantedOn: string | null, expiresOn: string | null }> | null } | null, referrals: Array<{ id: string, partner: OrganisationCode | null, service: string | null, status: ReferralStatus | null, sentAt: string | null, acceptedAt: string | null }>, episodes: Array<{ id: string, provider: OrganisationCode | null, service: string | null, status: EpisodeStatus | null, startedAt: string | null, endedAt: string | null }>, riskAssessments: Array<{ id: string, provider: OrganisationCode | null, tool: RiskTool | null, assessedAt: string | null, score: number | null, level: RiskLevel | null, maracReferralRequired: boolean | null }>, justiceTimeline: Array<
    | { id: string, holder: OrganisationCode, at: string | null, kind: JusticeTimelineEntryKind | null, title: string | null, whatHappensNext: string | null }
    | { id: string, holder: OrganisationCode, at: string | null, kind: JusticeTimelineEntryKind | null, title: string | null, whatHappensNext: string | null }
  > | null };

export type SharedCaseViewQueryVariables = Exact<{
  id: string;
}>;


export type SharedCaseViewQuery = { case: { id: string, caseReference: string, borough: Borough | null, status: CaseStatus | null, openedAt: string | null, victim: { id: string, givenName: string | null, familyName: string | null, dateOfBirth: string | null, phone: string | null, postcode: string | null } | null, crime: { crimeReference: string, recordedAt: string | null, offenceCode: string | null, offenceDescription: string | null, status: InvestigationStatus | null, domesticAbuse: boolean | null, stalking: boolean | null, updates: Array<{ id: string, kind: InvestigationUpdateKind | null, occurredAt: string | null, summary: string | null }> | null, orders: Array<{ id: string, kind: ProtectiveOrderKind | null, status: ProtectiveOrderStatus | null, grantedOn: string | null, expiresOn: string | null }> | null } | null, referrals: Array<{ id: string, partner: OrganisationCode | null, service: string | null, status: ReferralStatus | null, sentAt: string | null, acceptedAt: string | null }>, episodes: Array<{ id: string, provider: OrganisationCode | null, service: string | null, status: EpisodeStatus | null, startedAt: string | null, endedAt: string | null }>, riskAssessments: Array<{ id: string, provider: OrganisationCode | null, tool: RiskTool | null, assessedAt: string | null, score: number | null, level: RiskLevel | null, maracReferralRequired: boolean | null }>, justiceTimeline: Array<
      | { id: string, holder: OrganisationCode, at: string | null, kind: JusticeTimelineEntryKind | null, title: string | null, whatHappensNext: string | null }
      | { id: string, holder: OrganisationCode, at: string | null, kind: JusticeTimelineEntryKind | null, title: string | null, whatHappensNext: string | null }
    > | null } | null };

export type SharedCaseViewsQueryVariables = Exact<{
  first: number;
}>;


export type SharedCaseViewsQuery = { referralsForMe: Array<{ id: string, case: { id: string, caseReference: string, borough: Borough | null, status: CaseStatus | null, openedAt: string | null, victim: { id: string, givenName: string | null, familyName: string | null, dateOfBirth: string | null, phone: string | null, postcode: string | null } | null, crime: { crimeReference: string, recordedAt: string | null, offenceCode: string | null, offenceDescription: string | null, status: InvestigationStatus | null, domesticAbuse: boolean | null, stalking: boolean | null, updates: Array<{ id: string, kind: InvestigationUpdateKind | null, occurredAt: string | null, summary: string | null }> | null, orders: Array<{ id: string, kind: ProtectiveOrderKind | null, status: ProtectiveOrderStatus | null, grantedOn: string | null, expiresOn: string | null }> | null } | null, referrals: Array<{ id: string, partner: OrganisationCode | null, service: string | null, status: ReferralStatus | null, sentAt: string | null, acceptedAt: string | null }>, episodes: Array<{ id: string, provider: OrganisationCode | null, service: string | null, status: EpisodeStatus | null, startedAt: string | null, endedAt: string | null }>, riskAssessments: Array<{ id: string, provider: OrganisationCode | null, tool: RiskTool | null, assessedAt: string | null, score: number | null, level: RiskLevel | null, maracReferralRequired: boolean | null }>, justiceTimeline: Array<
        | { id: string, holder: OrganisationCode, at: string | null, kind: JusticeTimelineEntryKind | null, title: string | null, whatHappensNext: string | null }
        | { id: string, holder: OrganisationCode, at: string | null, kind: JusticeTimelineEntryKind | null, title: string | null, whatHappensNext: string | null }
      > | null } | null }> };

export type SharedCaseQueryVariables = Exact<{
  id: string;
}>;


export type SharedCaseQuery = { case: { id: string, caseReference: string, borough: Borough | null, status: CaseStatus | null, crime: { crimeReference: string, offenceDescription: string | null, stalking: boolean | null, status: InvestigationStatus | null, updates: Array<{ kind: InvestigationUpdateKind | null, occurredAt: string | null }> | null, stalkingTriage: { risk: TriageRisk | null } | null } | null, referrals: Array<{ id: string, partner: OrganisationCode | null, service: string | null, status: ReferralStatus | null, sentAt: string | null, receivedAt: string | null, acceptedAt: string | null }>, riskAssessments: Array<{ id: string, provider: OrganisationCode | null, tool: RiskTool | null, score: number | null, level: RiskLevel | null, maracReferralRequired: boolean | null }>, maracReferrals: Array<{ id: string, provider: OrganisationCode | null, raisedAt: string | null, reasons: Array<RiskReason> | null }>, safetyPlans: Array<{ id: string, provider: OrganisationCode | null, nextReviewDue: string | null }>, supportActions: Array<{ id: string, kind: SupportActionKind | null, status: SupportActionStatus | null }> } | null };

export type RegisterWebhookEndpointMutationVariables = Exact<{
  input: RegisterWebhookEndpointInput;
}>;


export type RegisterWebhookEndpointMutation = { registerWebhookEndpoint: { secret: string, endpoint: { id: string, url: string, eventTypes: Array<string>, purpose: Purpose, registeredAt: string, disabledAt: string | null } } };

export type WebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEndpointsQuery = { webhookEndpoints: Array<{ id: string, url: string, eventTypes: Array<string>, purpose: Purpose, registeredAt: string, disabledAt: string | null }> };

export type DisableWebhookEndpointMutationVariables = Exact<{
  id: string;
}>;


export type DisableWebhookEndpointMutation = { disableWebhookEndpoint: { id: string, disabledAt: string | null } };

export type WebhookDeliveriesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  status?: WebhookDeliveryStatus | null | undefined;
}>;


export type WebhookDeliveriesQuery = { webhookDeliveries: { endCursor: string | null, hasNextPage: boolean, items: Array<{ id: string, endpointId: string, eventId: string, eventType: string, status: WebhookDeliveryStatus, createdAt: string, nextAttemptAt: string | null, deliveredAt: string | null, deadAt: string | null, attempts: Array<{ number: number, attemptedAt: string, statusCode: number | null, error: string | null, durationMs: number }> }> } };

export type WebhookDeadLettersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type WebhookDeadLettersQuery = { webhookDeadLetters: { endCursor: string | null, hasNextPage: boolean, items: Array<{ id: string, endpointId: string, eventId: string, eventType: string, deadAt: string | null, attempts: Array<{ number: number, attemptedAt: string, statusCode: number | null, error: string | null }> }> } };

export type ReplayWebhookDeliveryMutationVariables = Exact<{
  id: string;
}>;


export type ReplayWebhookDeliveryMutation = { replayWebhookDelivery: { id: string, status: WebhookDeliveryStatus, nextAttemptAt: string | null } };

export const SharedCaseFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SharedCase"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"offenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domesticAbuse"}},{"kind":"Field","name":{"kind":"Name","value":"stalking"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grantedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partner"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"tool"}},{"kind":"Field","name":{"kind":"Name","value":"assessedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"maracReferralRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"justiceTimeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"whatHappensNext"}}]}}]}}]} as unknown as DocumentNode<SharedCaseFragment, unknown>;
export const AgreementsDocument = {"__meta__":{"hash":"addad9ca6187aafaef917d1b9b1752b738ce15e2a310260eb65d23d26055a0a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"lawfulBasis"}},{"kind":"Field","name":{"kind":"Name","value":"requiresConsent"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFile"}}]}}]}}]} as unknown as DocumentNode<AgreementsQuery, AgreementsQueryVariables>;
export const AuditEventsDocument = {"__meta__":{"hash":"05cbd7396b5654cb97c2b587ac6b1a76891c547060cc6077bc60cdcce1b76c60"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"breakGlassOnly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},"defaultValue":{"kind":"BooleanValue","value":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"breakGlassOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"breakGlassOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"agreementId"}},{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"breakGlassReason"}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const SubjectAccessExportDocument = {"__meta__":{"hash":"7abc5f6dadff259aab5d445fbf3ecc1e2ac5f8d1c7a93947d860deee3beb5e57"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectAccessExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectAccessExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"breakGlassReason"}}]}}]}}]} as unknown as DocumentNode<SubjectAccessExportQuery, SubjectAccessExportQueryVariables>;
export const CaseViewDocument = {"__meta__":{"hash":"186c522ffaf5a38a759927eeaef0de4c5f14afb55821a8dd247363feaa817008"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"thematicLead"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"offenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domesticAbuse"}},{"kind":"Field","name":{"kind":"Name","value":"stalking"}}]}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CaseViewQuery, CaseViewQueryVariables>;
export const CaseListDocument = {"__meta__":{"hash":"67754b151218ea0ce6934249866987085f4b89600cfb266493804703a00b5209"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"borough"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Borough"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"borough"},"value":{"kind":"Variable","name":{"kind":"Name","value":"borough"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}}]}}]}}]} as unknown as DocumentNode<CaseListQuery, CaseListQueryVariables>;
export const RecordConsentDocument = {"__meta__":{"hash":"d906617d9dd2e0a1e6aa967ae25c7af5abbcfb7bc4836e0d3c7ba8b29c0f537c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<RecordConsentMutation, RecordConsentMutationVariables>;
export const WithdrawConsentDocument = {"__meta__":{"hash":"6c8df1c5ec6539f10113bc026a514886ab1f52f5fe08442aebd45a6ec6c8c02e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const WithdrawConsentForDocument = {"__meta__":{"hash":"cc0dcc8d744a29a1d1aa9f0dca473395ecf1638d965b9a374cb1711f372701c3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsentFor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsentFor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnBy"}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentForMutation, WithdrawConsentForMutationVariables>;
export const ConsentsDocument = {"__meta__":{"hash":"966d8e7211d461080db2978bfbe630f07721ec16f79f0d73977f654cc25fc89f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Consents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordedBy"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnBy"}},{"kind":"Field","name":{"kind":"Name","value":"states"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnBy"}}]}}]}}]}}]} as unknown as DocumentNode<ConsentsQuery, ConsentsQueryVariables>;
export const EvidenceBaseDocument = {"__meta__":{"hash":"706285f38e80ed3b6590cae56372f19ecdc65562ef1f5d42e3a90f9f6f8a2ae2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvidenceBase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Measure"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Dimension"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvidenceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evidenceBase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measure"}}},{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"measure"}},{"kind":"Field","name":{"kind":"Name","value":"by"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"countUnit"}},{"kind":"Field","name":{"kind":"Name","value":"valueUnit"}},{"kind":"Field","name":{"kind":"Name","value":"refreshedAt"}},{"kind":"Field","name":{"kind":"Name","value":"footnotes"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"minimumCount"}},{"kind":"Field","name":{"kind":"Name","value":"maximumPerturbation"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cells"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coordinates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dimension"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}},{"kind":"Field","name":{"kind":"Name","value":"isTotal"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"suppressionReason"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"suppressionReason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"median"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"p90"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}},{"kind":"Field","name":{"kind":"Name","value":"suppressionReason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EvidenceBaseQuery, EvidenceBaseQueryVariables>;
export const EvidenceBaseCsvDocument = {"__meta__":{"hash":"debd6d5190d836e240d9477a42a154d1b8c1495876884bac5f83b30387b41cd6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EvidenceBaseCsv"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"measure"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Measure"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Dimension"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EvidenceFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evidenceBaseCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"measure"},"value":{"kind":"Variable","name":{"kind":"Name","value":"measure"}}},{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}]}]}}]} as unknown as DocumentNode<EvidenceBaseCsvQuery, EvidenceBaseCsvQueryVariables>;
export const ExplainAccessDocument = {"__meta__":{"hash":"b581af49d1b316ba87dd7b35bd4a2293ddf800e4f66c40e24840eed10ef69acf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplainAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"explainAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"agreementId"}},{"kind":"Field","name":{"kind":"Name","value":"consentId"}}]}}]}}]} as unknown as DocumentNode<ExplainAccessQuery, ExplainAccessQueryVariables>;
export const ReferToServiceDocument = {"__meta__":{"hash":"dba46b3041cfd55751ec8a149f98b12d5be38505f9de50ba4fd2e0b55d47696b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReferToService"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"partner"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"OrganisationCode"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"service"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"categories"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DataCategory"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referToService"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"partner"},"value":{"kind":"Variable","name":{"kind":"Name","value":"partner"}}},{"kind":"Argument","name":{"kind":"Name","value":"service"},"value":{"kind":"Variable","name":{"kind":"Name","value":"service"}}},{"kind":"Argument","name":{"kind":"Name","value":"categories"},"value":{"kind":"Variable","name":{"kind":"Name","value":"categories"}}},{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"partner"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]}}]} as unknown as DocumentNode<ReferToServiceMutation, ReferToServiceMutationVariables>;
export const ReceiveReferralDocument = {"__meta__":{"hash":"7372a289a56e566a2c13194a74ae53ea95fa137de0316c449abcb373eda51d30"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReceiveReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"receiveReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}}]}}]}}]} as unknown as DocumentNode<ReceiveReferralMutation, ReceiveReferralMutationVariables>;
export const AcceptReferralDocument = {"__meta__":{"hash":"9f16ce422b28be8d2fcccf1cd2029dcb44e518e1a45adb5132e3b150850d997c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"waitingHoursToAcceptance"}}]}}]}}]} as unknown as DocumentNode<AcceptReferralMutation, AcceptReferralMutationVariables>;
export const DeclineReferralDocument = {"__meta__":{"hash":"c4d8fc87d59cab0bdf50e99bac12e836b4fb75c515842f65fa0e117e0178957a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeclineReferral"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineReferral"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"declinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"declineReason"}}]}}]}}]} as unknown as DocumentNode<DeclineReferralMutation, DeclineReferralMutationVariables>;
export const ReferralsForMeDocument = {"__meta__":{"hash":"438841048a71f03e8daf7573bdd658afe4a7234306e83dec4c1109a8561b763a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferralsForMe"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ReferralStatus"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referralsForMe"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}}]}}]}}]} as unknown as DocumentNode<ReferralsForMeQuery, ReferralsForMeQueryVariables>;
export const SharedCaseViewDocument = {"__meta__":{"hash":"6607e49c33f5798d9cc3788517ebedf6e7ec63adbff48bdca499c4a8f7ad98c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedCaseView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SharedCase"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SharedCase"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"offenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domesticAbuse"}},{"kind":"Field","name":{"kind":"Name","value":"stalking"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grantedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partner"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"tool"}},{"kind":"Field","name":{"kind":"Name","value":"assessedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"maracReferralRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"justiceTimeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"whatHappensNext"}}]}}]}}]} as unknown as DocumentNode<SharedCaseViewQuery, SharedCaseViewQueryVariables>;
export const SharedCaseViewsDocument = {"__meta__":{"hash":"2fef4baaf55a7ceba744fe2b9fd0850399734e48cd6228a82d69ffe729ce2ab5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedCaseViews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referralsForMe"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACCEPTED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SharedCase"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SharedCase"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"offenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domesticAbuse"}},{"kind":"Field","name":{"kind":"Name","value":"stalking"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grantedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partner"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"tool"}},{"kind":"Field","name":{"kind":"Name","value":"assessedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"maracReferralRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"justiceTimeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"whatHappensNext"}}]}}]}}]} as unknown as DocumentNode<SharedCaseViewsQuery, SharedCaseViewsQueryVariables>;
export const SharedCaseDocument = {"__meta__":{"hash":"a83fc3c990877df943f5665929d690d709a3144b0f915c71e3e93cc7a625acf0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"stalking"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stalkingTriage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"risk"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partner"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"tool"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"maracReferralRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"maracReferrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}}]}},{"kind":"Field","name":{"kind":"Name","value":"safetyPlans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"nextReviewDue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"supportActions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SharedCaseQuery, SharedCaseQueryVariables>;
export const RegisterWebhookEndpointDocument = {"__meta__":{"hash":"1312d35318523c351c01387bcb9a6ecc0e6c6a2a3cc9c6b56f9e2138be9b132a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterWebhookEndpointInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"endpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterWebhookEndpointMutation, RegisterWebhookEndpointMutationVariables>;
export const WebhookEndpointsDocument = {"__meta__":{"hash":"c82dc67f3a1b499603252fe61a82bcc1fa31774a6c6b34fd4ff004326fdef1f8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const DisableWebhookEndpointDocument = {"__meta__":{"hash":"e50d7732f9579118b228336c83adaa0190184dcca08aa5520265befd31892290"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisableWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"disableWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}}]}}]}}]} as unknown as DocumentNode<DisableWebhookEndpointMutation, DisableWebhookEndpointMutationVariables>;
export const WebhookDeliveriesDocument = {"__meta__":{"hash":"7a51eda7ec00f85e70230a927836ef401a4a51bdb97f8f1321ac2acdef95c91d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDeliveryStatus"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endpointId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"deadAt"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"attemptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const WebhookDeadLettersDocument = {"__meta__":{"hash":"8553dc325ccff6c8b149fb916a3c744ce222eb64989b5f8c880b99d4cdcb031b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeadLetters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeadLetters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"endpointId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"deadAt"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"attemptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]} as unknown as DocumentNode<WebhookDeadLettersQuery, WebhookDeadLettersQueryVariables>;
export const ReplayWebhookDeliveryDocument = {"__meta__":{"hash":"f21aa2a1707ce453b83d575716d6d77f922edfe7e9309717f5f4e1d3989b7fec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayWebhookDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}}]}}]}}]} as unknown as DocumentNode<ReplayWebhookDeliveryMutation, ReplayWebhookDeliveryMutationVariables>;