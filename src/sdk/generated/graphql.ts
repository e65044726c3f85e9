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

export type EpisodeStatus =
  | 'ACTIVE'
  | 'CLOSED';

export type InvestigationStatus =
  | 'CLOSED'
  | 'NO_FURTHER_ACTION'
  | 'SUSPECT_CHARGED'
  | 'UNDER_INVESTIGATION';

/** An organisation taking part in Casebridge */
export type OrganisationCode =
  | 'CHALLENGER'
  | 'GMCA'
  | 'GMP'
  | 'GMVS'
  | 'HOURGLASS'
  | 'PANKHURST';

export type CaseViewQueryVariables = Exact<{
  id: string;
}>;


export type CaseViewQuery = { case: { id: string, caseReference: string, borough: Borough | null, status: CaseStatus | null, openedAt: string | null, crime: { crimeReference: string, offenceDescription: string | null, status: InvestigationStatus | null } | null, episodes: Array<{ provider: OrganisationCode | null, service: string | null, status: EpisodeStatus | null, startedAt: string | null }> } | null };


export const CaseViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CaseView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"caseReference"}},{"kind":"Field","name":{"kind":"Name","value":"borough"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedAt"}},{"kind":"Field","name":{"kind":"Name","value":"crime"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"crimeReference"}},{"kind":"Field","name":{"kind":"Name","value":"offenceDescription"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"episodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CaseViewQuery, CaseViewQueryVariables>;