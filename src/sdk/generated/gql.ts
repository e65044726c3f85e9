/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Agreements {\n  agreements {\n    id\n    version\n    title\n    holder\n    recipients\n    categories\n    purposes\n    lawfulBasis\n    requiresConsent\n    startsOn\n    endsOn\n    sourceFile\n  }\n}": typeof types.AgreementsDocument,
    "query AuditEvents($breakGlassOnly: Boolean! = false, $first: Int! = 50) {\n  auditEvents(breakGlassOnly: $breakGlassOnly, first: $first) {\n    seq\n    at\n    requestId\n    actor\n    organisation\n    purpose\n    subjectId\n    category\n    holder\n    decision\n    reason\n    agreementId\n    consentId\n    breakGlassReason\n  }\n}\n\nquery SubjectAccessExport($caseId: ID!) {\n  subjectAccessExport(caseId: $caseId) {\n    seq\n    at\n    organisation\n    purpose\n    category\n    holder\n    decision\n    reason\n    breakGlassReason\n  }\n}": typeof types.AuditEventsDocument,
    "query CaseView($id: ID!) {\n  case(id: $id) {\n    id\n    caseReference\n    borough\n    thematicLead\n    status\n    openedAt\n    crime {\n      crimeReference\n      recordedAt\n      offenceCode\n      offenceDescription\n      borough\n      status\n      domesticAbuse\n      stalking\n    }\n    episodes {\n      id\n      provider\n      service\n      status\n      startedAt\n      endedAt\n    }\n  }\n}": typeof types.CaseViewDocument,
    "query CaseList($borough: Borough, $first: Int! = 20) {\n  cases(borough: $borough, first: $first) {\n    id\n    caseReference\n    borough\n    status\n    openedAt\n  }\n}": typeof types.CaseListDocument,
    "mutation RecordConsent($input: RecordConsentInput!) {\n  recordConsent(input: $input) {\n    id\n    recipient\n    categories\n    purposes\n    givenAt\n    withdrawnAt\n  }\n}\n\nmutation WithdrawConsent($consentId: ID!) {\n  withdrawConsent(consentId: $consentId) {\n    id\n    recipient\n    withdrawnAt\n  }\n}": typeof types.RecordConsentDocument,
    "query ExplainAccess($caseId: ID!) {\n  explainAccess(caseId: $caseId) {\n    holder\n    category\n    decision\n    reason\n    agreementId\n    consentId\n  }\n}": typeof types.ExplainAccessDocument,
    "fragment SharedCase on Case {\n  id\n  caseReference\n  borough\n  status\n  openedAt\n  victim {\n    id\n    givenName\n    familyName\n    dateOfBirth\n    phone\n    postcode\n  }\n  crime {\n    crimeReference\n    recordedAt\n    offenceCode\n    offenceDescription\n    status\n    domesticAbuse\n    stalking\n    updates {\n      id\n      kind\n      occurredAt\n      summary\n    }\n    orders {\n      id\n      kind\n      status\n      grantedOn\n      expiresOn\n    }\n  }\n  referrals {\n    id\n    partner\n    service\n    status\n    sentAt\n    acceptedAt\n  }\n  episodes {\n    id\n    provider\n    service\n    status\n    startedAt\n    endedAt\n  }\n  riskAssessments {\n    id\n    provider\n    tool\n    assessedAt\n    score\n    level\n    maracReferralRequired\n  }\n  justiceTimeline {\n    id\n    holder\n    at\n    kind\n    title\n    whatHappensNext\n  }\n}\n\nquery SharedCaseView($id: ID!) {\n  case(id: $id) {\n    ...SharedCase\n  }\n}\n\nquery SharedCaseViews($first: Int!) {\n  referralsForMe(first: $first, status: ACCEPTED) {\n    id\n    case {\n      ...SharedCase\n    }\n  }\n}": typeof types.SharedCaseFragmentDoc,
};
const documents: Documents = {
    "query Agreements {\n  agreements {\n    id\n    version\n    title\n    holder\n    recipients\n    categories\n    purposes\n    lawfulBasis\n    requiresConsent\n    startsOn\n    endsOn\n    sourceFile\n  }\n}": types.AgreementsDocument,
    "query AuditEvents($breakGlassOnly: Boolean! = false, $first: Int! = 50) {\n  auditEvents(breakGlassOnly: $breakGlassOnly, first: $first) {\n    seq\n    at\n    requestId\n    actor\n    organisation\n    purpose\n    subjectId\n    category\n    holder\n    decision\n    reason\n    agreementId\n    consentId\n    breakGlassReason\n  }\n}\n\nquery SubjectAccessExport($caseId: ID!) {\n  subjectAccessExport(caseId: $caseId) {\n    seq\n    at\n    organisation\n    purpose\n    category\n    holder\n    decision\n    reason\n    breakGlassReason\n  }\n}": types.AuditEventsDocument,
    "query CaseView($id: ID!) {\n  case(id: $id) {\n    id\n    caseReference\n    borough\n    thematicLead\n    status\n    openedAt\n    crime {\n      crimeReference\n      recordedAt\n      offenceCode\n      offenceDescription\n      borough\n      status\n      domesticAbuse\n      stalking\n    }\n    episodes {\n      id\n      provider\n      service\n      status\n      startedAt\n      endedAt\n    }\n  }\n}": types.CaseViewDocument,
    "query CaseList($borough: Borough, $first: Int! = 20) {\n  cases(borough: $borough, first: $first) {\n    id\n    caseReference\n    borough\n    status\n    openedAt\n  }\n}": types.CaseListDocument,
    "mutation RecordConsent($input: RecordConsentInput!) {\n  recordConsent(input: $input) {\n    id\n    recipient\n    categories\n    purposes\n    givenAt\n    withdrawnAt\n  }\n}\n\nmutation WithdrawConsent($consentId: ID!) {\n  withdrawConsent(consentId: $consentId) {\n    id\n    recipient\n    withdrawnAt\n  }\n}": types.RecordConsentDocument,
    "query ExplainAccess($caseId: ID!) {\n  explainAccess(caseId: $caseId) {\n    holder\n    category\n    decision\n    reason\n    agreementId\n    consentId\n  }\n}": types.ExplainAccessDocument,
    "fragment SharedCase on Case {\n  id\n  caseReference\n  borough\n  status\n  openedAt\n  victim {\n    id\n    givenName\n    familyName\n    dateOfBirth\n    phone\n    postcode\n  }\n  crime {\n    crimeReference\n    recordedAt\n    offenceCode\n    offenceDescription\n    status\n    domesticAbuse\n    stalking\n    updates {\n      id\n      kind\n      occurredAt\n      summary\n    }\n    orders {\n      id\n      kind\n      status\n      grantedOn\n      expiresOn\n    }\n  }\n  referrals {\n    id\n    partner\n    service\n    status\n    sentAt\n    acceptedAt\n  }\n  episodes {\n    id\n    provider\n    service\n    status\n    startedAt\n    endedAt\n  }\n  riskAssessments {\n    id\n    provider\n    tool\n    assessedAt\n    score\n    level\n    maracReferralRequired\n  }\n  justiceTimeline {\n    id\n    holder\n    at\n    kind\n    title\n    whatHappensNext\n  }\n}\n\nquery SharedCaseView($id: ID!) {\n  case(id: $id) {\n    ...SharedCase\n  }\n}\n\nquery SharedCaseViews($first: Int!) {\n  referralsForMe(first: $first, status: ACCEPTED) {\n    id\n    case {\n      ...SharedCase\n    }\n  }\n}": types.SharedCaseFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Agreements {\n  agreements {\n    id\n    version\n    title\n    holder\n    recipients\n    categories\n    purposes\n    lawfulBasis\n    requiresConsent\n    startsOn\n    endsOn\n    sourceFile\n  }\n}"): (typeof documents)["query Agreements {\n  agreements {\n    id\n    version\n    title\n    holder\n    recipients\n    categories\n    purposes\n    lawfulBasis\n    requiresConsent\n    startsOn\n    endsOn\n    sourceFile\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditEvents($breakGlassOnly: Boolean! = false, $first: Int! = 50) {\n  auditEvents(breakGlassOnly: $breakGlassOnly, first: $first) {\n    seq\n    at\n    requestId\n    actor\n    organisation\n    purpose\n    subjectId\n    category\n    holder\n    decision\n    reason\n    agreementId\n    consentId\n    breakGlassReason\n  }\n}\n\nquery SubjectAccessExport($caseId: ID!) {\n  subjectAccessExport(caseId: $caseId) {\n    seq\n    at\n    organisation\n    purpose\n    category\n    holder\n    decision\n    reason\n    breakGlassReason\n  }\n}"): (typeof documents)["query AuditEvents($breakGlassOnly: Boolean! = false, $first: Int! = 50) {\n  auditEvents(breakGlassOnly: $breakGlassOnly, first: $first) {\n    seq\n    at\n    requestId\n    actor\n    organisation\n    purpose\n    subjectId\n    category\n    holder\n    decision\n    reason\n    agreementId\n    consentId\n    breakGlassReason\n  }\n}\n\nquery SubjectAccessExport($caseId: ID!) {\n  subjectAccessExport(caseId: $caseId) {\n    seq\n    at\n    organisation\n    purpose\n    category\n    holder\n    decision\n    reason\n    breakGlassReason\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseView($id: ID!) {\n  case(id: $id) {\n    id\n    caseReference\n    borough\n    thematicLead\n    status\n    openedAt\n    crime {\n      crimeReference\n      recordedAt\n      offenceCode\n      offenceDescription\n      borough\n      status\n      domesticAbuse\n      stalking\n    }\n    episodes {\n      id\n      provider\n      service\n      status\n      startedAt\n      endedAt\n    }\n  }\n}"): (typeof documents)["query CaseView($id: ID!) {\n  case(id: $id) {\n    id\n    caseReference\n    borough\n    thematicLead\n    status\n    openedAt\n    crime {\n      crimeReference\n      recordedAt\n      offenceCode\n      offenceDescription\n      borough\n      status\n      domesticAbuse\n      stalking\n    }\n    episodes {\n      id\n      provider\n      service\n      status\n      startedAt\n      endedAt\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CaseList($borough: Borough, $first: Int! = 20) {\n  cases(borough: $borough, first: $first) {\n    id\n    caseReference\n    borough\n    status\n    openedAt\n  }\n}"): (typeof documents)["query CaseList($borough: Borough, $first: Int! = 20) {\n  cases(borough: $borough, first: $first) {\n    id\n    caseReference\n    borough\n    status\n    openedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordConsent($input: RecordConsentInput!) {\n  recordConsent(input: $input) {\n    id\n    recipient\n    categories\n    purposes\n    givenAt\n    withdrawnAt\n  }\n}\n\nmutation WithdrawConsent($consentId: ID!) {\n  withdrawConsent(consentId: $consentId) {\n    id\n    recipient\n    withdrawnAt\n  }\n}"): (typeof documents)["mutation RecordConsent($input: RecordConsentInput!) {\n  recordConsent(input: $input) {\n    id\n    recipient\n    categories\n    purposes\n    givenAt\n    withdrawnAt\n  }\n}\n\nmutation WithdrawConsent($consentId: ID!) {\n  withdrawConsent(consentId: $consentId) {\n    id\n    recipient\n    withdrawnAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExplainAccess($caseId: ID!) {\n  explainAccess(caseId: $caseId) {\n    holder\n    category\n    decision\n    reason\n    agreementId\n    consentId\n  }\n}"): (typeof documents)["query ExplainAccess($caseId: ID!) {\n  explainAccess(caseId: $caseId) {\n    holder\n    category\n    decision\n    reason\n    agreementId\n    consentId\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SharedCase on Case {\n  id\n  caseReference\n  borough\n  status\n  openedAt\n  victim {\n    id\n    givenName\n    familyName\n    dateOfBirth\n    phone\n    postcode\n  }\n  crime {\n    crimeReference\n    recordedAt\n    offenceCode\n    offenceDescription\n    status\n    domesticAbuse\n    stalking\n    updates {\n      id\n      kind\n      occurredAt\n      summary\n    }\n    orders {\n      id\n      kind\n      status\n      grantedOn\n      expiresOn\n    }\n  }\n  referrals {\n    id\n    partner\n    service\n    status\n    sentAt\n    acceptedAt\n  }\n  episodes {\n    id\n    provider\n    service\n    status\n    startedAt\n    endedAt\n  }\n  riskAssessments {\n    id\n    provider\n    tool\n    assessedAt\n    score\n    level\n    maracReferralRequired\n  }\n  justiceTimeline {\n    id\n    holder\n    at\n    kind\n    title\n    whatHappensNext\n  }\n}\n\nquery SharedCaseView($id: ID!) {\n  case(id: $id) {\n    ...SharedCase\n  }\n}\n\nquery SharedCaseViews($first: Int!) {\n  referralsForMe(first: $first, status: ACCEPTED) {\n    id\n    case {\n      ...SharedCase\n    }\n  }\n}"): (typeof documents)["fragment SharedCase on Case {\n  id\n  caseReference\n  borough\n  status\n  openedAt\n  victim {\n    id\n    givenName\n    familyName\n    dateOfBirth\n    phone\n    postcode\n  }\n  crime {\n    crimeReference\n    recordedAt\n    offenceCode\n    offenceDescription\n    status\n    domesticAbuse\n    stalking\n    updates {\n      id\n      kind\n      occurredAt\n      summary\n    }\n    orders {\n      id\n      kind\n      status\n      grantedOn\n      expiresOn\n    }\n  }\n  referrals {\n    id\n    partner\n    service\n    status\n    sentAt\n    acceptedAt\n  }\n  episodes {\n    id\n    provider\n    service\n    status\n    startedAt\n    endedAt\n  }\n  riskAssessments {\n    id\n    provider\n    tool\n    assessedAt\n    score\n    level\n    maracReferralRequired\n  }\n  justiceTimeline {\n    id\n    holder\n    at\n    kind\n    title\n    whatHappensNext\n  }\n}\n\nquery SharedCaseView($id: ID!) {\n  case(id: $id) {\n    ...SharedCase\n  }\n}\n\nquery SharedCaseViews($first: Int!) {\n  referralsForMe(first: $first, status: ACCEPTED) {\n    id\n    case {\n      ...SharedCase\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;