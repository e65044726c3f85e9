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

export type EpisodeStatus =
  | 'ACTIVE'
  | 'CLOSED';

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
  | 'INTERVIEWED_UNDER_CAUTION'
  | 'NO_FURTHER_ACTION'
  | 'RELEASED_ON_BAIL_WITH_CONDITIONS'
  | 'RELEASED_UNDER_INVESTIGATION'
  | 'SENTENCE'
  | 'VERDICT';

export type JusticeTimelineEntryKind =
  | 'ARREST'
  | 'BAIL_CONDITIONS_CHANGED'
  | 'CASE_CLOSED'
  | 'CHARGED'
  | 'COURT_HEARING'
  | 'CRIME_REPORTED'
  | 'INTERVIEWED_UNDER_CAUTION'
  | 'NO_FURTHER_ACTION'
  | 'POLICE_REFERRAL_RECEIVED'
  | 'RELEASED_ON_BAIL_WITH_CONDITIONS'
  | 'RELEASED_UNDER_INVESTIGATION'
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
  recipient: OrganisationCode;
};

/** Where a referral out (GMVS → partner) stands: SENT, RECEIVED, ACCEPTED or DECLINED by the partner, WITHDRAWN by GMVS, CLOSED */
export type ReferralStatus =
  | 'ACCEPTED'
  | 'CLOSED'
  | 'DECLINED'
  | 'RECEIVED'
  | 'SENT'
  | 'WITHDRAWN';

/** Standard, medium or high risk (DASH RIC) */
export type RiskLevel =
  | 'HIGH'
  | 'MEDIUM'
  | 'STANDARD';

/** The risk checklist used; DASH_SAFELIVES and S_DASH have question sets in the hub */
export type RiskTool =
  | 'DARA'
  | 'DASH_POLICE'
  | 'DASH_SAFELIVES'
  | 'OTHER'
  | 'S_DASH';

export type ThematicLead =
  | 'CHILDREN_AND_YOUNG_PEOPLE'
  | 'DOMESTIC_ABUSE'
  | 'FRAUD'
  | 'GENERAL'
  | 'HATE_CRIME'
  | 'MODERN_SLAVERY'
  | 'OLDER_PEOPLE'
  | 'STALKING';

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

export type ExplainAccessQueryVariables = Exact<{
  caseId: string;
}>;


export type ExplainAccessQuery = { explainAccess: Array<{ holder: OrganisationCode, category: DataCategory, decision: string, reason: string, agreementId: string | null, consentId: string | null }> };

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

export const SharedCaseFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SharedCase"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"offenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domesticAbuse"}},{"kind":"Field","name":{"kind":"Name","value":"stalking"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grantedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partner"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"tool"}},{"kind":"Field","name":{"kind":"Name","value":"assessedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"maracReferralRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"justiceTimeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"whatHappensNext"}}]}}]}}]} as unknown as DocumentNode<SharedCaseFragment, unknown>;
export const AgreementsDocument = {"__meta__":{"hash":"addad9ca6187aafaef917d1b9b1752b738ce15e2a310260eb65d23d26055a0a4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"agreements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"recipients"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"lawfulBasis"}},{"kind":"Field","name":{"kind":"Name","value":"requiresConsent"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"endsOn"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFile"}}]}}]}}]} as unknown as DocumentNode<AgreementsQuery, AgreementsQueryVariables>;
export const AuditEventsDocument = {"__meta__":{"hash":"05cbd7396b5654cb97c2b587ac6b1a76891c547060cc6077bc60cdcce1b76c60"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"breakGlassOnly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},"defaultValue":{"kind":"BooleanValue","value":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"breakGlassOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"breakGlassOnly"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"agreementId"}},{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"breakGlassReason"}}]}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const SubjectAccessExportDocument = {"__meta__":{"hash":"7abc5f6dadff259aab5d445fbf3ecc1e2ac5f8d1c7a93947d860deee3beb5e57"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectAccessExport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectAccessExport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"organisation"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"breakGlassReason"}}]}}]}}]} as unknown as DocumentNode<SubjectAccessExportQuery, SubjectAccessExportQueryVariables>;
export const CaseViewDocument = {"__meta__":{"hash":"186c522ffaf5a38a759927eeaef0de4c5f14afb55821a8dd247363feaa817008"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"thematicLead"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"offenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domesticAbuse"}},{"kind":"Field","name":{"kind":"Name","value":"stalking"}}]}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CaseViewQuery, CaseViewQueryVariables>;
export const CaseListDocument = {"__meta__":{"hash":"67754b151218ea0ce6934249866987085f4b89600cfb266493804703a00b5209"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"borough"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Borough"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},"defaultValue":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"borough"},"value":{"kind":"Variable","name":{"kind":"Name","value":"borough"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}}]}}]}}]} as unknown as DocumentNode<CaseListQuery, CaseListQueryVariables>;
export const RecordConsentDocument = {"__meta__":{"hash":"d906617d9dd2e0a1e6aa967ae25c7af5abbcfb7bc4836e0d3c7ba8b29c0f537c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"givenAt"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<RecordConsentMutation, RecordConsentMutationVariables>;
export const WithdrawConsentDocument = {"__meta__":{"hash":"6c8df1c5ec6539f10113bc026a514886ab1f52f5fe08442aebd45a6ec6c8c02e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"}},{"kind":"Field","name":{"kind":"Name","value":"withdrawnAt"}}]}}]}}]} as unknown as DocumentNode<WithdrawConsentMutation, WithdrawConsentMutationVariables>;
export const ExplainAccessDocument = {"__meta__":{"hash":"b581af49d1b316ba87dd7b35bd4a2293ddf800e4f66c40e24840eed10ef69acf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplainAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"explainAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"agreementId"}},{"kind":"Field","name":{"kind":"Name","value":"consentId"}}]}}]}}]} as unknown as DocumentNode<ExplainAccessQuery, ExplainAccessQueryVariables>;
export const SharedCaseViewDocument = {"__meta__":{"hash":"6607e49c33f5798d9cc3788517ebedf6e7ec63adbff48bdca499c4a8f7ad98c5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedCaseView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SharedCase"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SharedCase"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"offenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domesticAbuse"}},{"kind":"Field","name":{"kind":"Name","value":"stalking"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grantedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partner"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"tool"}},{"kind":"Field","name":{"kind":"Name","value":"assessedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"maracReferralRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"justiceTimeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"whatHappensNext"}}]}}]}}]} as unknown as DocumentNode<SharedCaseViewQuery, SharedCaseViewQueryVariables>;
export const SharedCaseViewsDocument = {"__meta__":{"hash":"2fef4baaf55a7ceba744fe2b9fd0850399734e48cd6228a82d69ffe729ce2ab5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SharedCaseViews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"referralsForMe"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACCEPTED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SharedCase"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SharedCase"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Case"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"victim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"recordedAt"}},{"kind":"Field","name":{"kind":"Name","value":"offenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"domesticAbuse"}},{"kind":"Field","name":{"kind":"Name","value":"stalking"}},{"kind":"Field","name":{"kind":"Name","value":"updates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"grantedOn"}},{"kind":"Field","name":{"kind":"Name","value":"expiresOn"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referrals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"partner"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"riskAssessments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"tool"}},{"kind":"Field","name":{"kind":"Name","value":"assessedAt"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"maracReferralRequired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"justiceTimeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"holder"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"whatHappensNext"}}]}}]}}]} as unknown as DocumentNode<SharedCaseViewsQuery, SharedCaseViewsQueryVariables>;