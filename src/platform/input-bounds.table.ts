/**
 * The most a caller may send in each argument and input field of the hub's
 * schema: the one place bounds are declared (docs/errors.md lists them). A
 * string's length is counted in Unicode characters (code points); a list's
 * size in items. Keys: `Type.field.argument` for an argument,
 * `InputType.field` for an input object's field. test/input-bounds.test.ts
 * fails for any String, ID or list argument or input field of any subgraph
 * with no entry here, and for any entry that matches nothing.
 */
export interface InputBound {
  /** Characters, for a string (String, ID), or for each string of a list of them. */
  maxLength?: number;
  /** Items, for a list. */
  maxItems?: number;
}

/** Where an entry is missing at run time (the completeness test makes that a failing build), the strictest bounds the hub uses. */
export const DEFAULT_BOUND = { maxLength: 100, maxItems: 100 } as const;

/**
 * Scalars whose parser accepts only a value of fixed form (a number, a
 * boolean, an ISO date or time), so their size needs no bound of its own; any
 * other scalar in an input position needs a maxLength like a String.
 */
export const SELF_BOUNDED_SCALARS: ReadonlySet<string> = new Set(["Int", "Float", "Boolean", "DateTimeISO", "LocalDate"]);

/**
 * Federation's own entry point: the gateway sends as many entity
 * representations as its plan of an admitted operation needs, so no fixed
 * size fits; a request is still held to the 1 MB body limit, and a subgraph
 * checks the caller's token.
 */
export const UNBOUNDED_FEDERATION_ARGUMENTS: ReadonlySet<string> = new Set(["Query._entities.representations"]);

/** Case, referral, consent and candidate ids are UUIDs (36); GMP's crime references (SYN/000101/26) and update ids (SYN-UPDATE-000101-1) are shorter. */
const ID = { maxLength: 64 };
/** A person's given or family name, or a worker's name. */
const NAME = { maxLength: 100 };
/** A short label a caller types: the service referred to. */
const LABEL = { maxLength: 100 };
/** A reason or a summary of what a victim was told: a paragraph or several. */
const TEXT = { maxLength: 4_000 };
/** A needs assessment's notes: the longest free text the hub keeps. */
const NOTES = { maxLength: 10_000 };
/** RFC 5321 s.4.5.3.1.3: a path is at most 256 octets including its angle brackets. */
const EMAIL = { maxLength: 254 };
/** ITU-T E.164: at most 15 digits; room for a +, spaces and an extension. */
const PHONE = { maxLength: 32 };
/** A UK postcode is at most 8 characters with its space (BS 7666); room for stray spaces. */
const POSTCODE = { maxLength: 10 };
const ADDRESS_LINE = { maxLength: 200 };
/** YYYY-MM-DD */
const DATE = { maxLength: 10 };
/** YYYY-MM */
const MONTH = { maxLength: 7 };
/**
 * A list of enumeration values: more than any of our enumerations has values
 * (the completeness test checks), so a caller may always name them all, but
 * not the same one a million times.
 */
const ENUM_LIST = { maxItems: 50 };

export const INPUT_BOUNDS: Readonly<Record<string, InputBound>> = {
  // police
  "Query.crime.crimeReference": ID,

  // victims
  "Query.case.id": ID,
  "Mutation.updateCaseFile.caseId": ID,
  "Mutation.closeCase.caseId": ID,
  "Mutation.reopenCase.caseId": ID,
  "Mutation.recordContact.caseId": ID,
  "Mutation.confirmVictimMatch.candidateId": ID,
  "Mutation.rejectVictimMatch.candidateId": ID,
  "Mutation.recordNeedsAssessment.caseId": ID,
  "Mutation.recordSurveyResponse.caseId": ID,
  "CaseFileInput.assignedWorker": NAME,
  "Mutation.recordEnhancedRights.caseId": ID,
  // A cursor is a position of four short parts, encoded; a few hundred characters is ample.
  "Query.victimsCodeDue.after": { maxLength: 512 },
  "Query.victimsCodeDue.when": ENUM_LIST,
  "EnhancedRightsInput.categories": ENUM_LIST,
  "EnhancedRightsInput.withhold": ENUM_LIST,
  "EnhancedRightsInput.reason": TEXT,
  "ContactInput.summary": TEXT,
  "ContactInput.policeUpdateId": ID,
  "VictimInformedInput.crimeReference": ID,
  "VictimInformedInput.policeUpdateId": ID,
  "PoliceReferralInput.crimeReference": ID,
  "PoliceReferralInput.policeVictimRef": ID,
  "PoliceReferralInput.enhancedRights": ENUM_LIST,
  "SelfReferralInput.enhancedRights": ENUM_LIST,
  "VictimDetailsInput.givenName": NAME,
  "VictimDetailsInput.familyName": NAME,
  "VictimDetailsInput.dateOfBirth": DATE,
  "VictimDetailsInput.email": EMAIL,
  "VictimDetailsInput.phone": PHONE,
  "VictimDetailsInput.postcode": POSTCODE,
  "VictimDetailsInput.addressLine": ADDRESS_LINE,
  "NeedsAssessmentInput.notes": NOTES,
  "NeedsAssessmentInput.reviewOn": DATE,
  // The Code of Practice for Victims of Crime (2020) has 12 rights; a survey scores each at most once.
  "SurveyResponseInput.rightScores": { maxItems: 12 },

  // partners
  "Query.referral.id": ID,
  "Mutation.referToService.caseId": ID,
  "Mutation.referToService.consentId": ID,
  "Mutation.referToService.service": LABEL,
  "Mutation.referToService.reason": TEXT,
  "Mutation.referToService.categories": ENUM_LIST,
  "Mutation.withdrawReferral.id": ID,
  "Mutation.withdrawReferral.reason": TEXT,
  "Mutation.closeReferral.id": ID,
  "Mutation.receiveReferral.id": ID,
  "Mutation.acceptReferral.id": ID,
  "Mutation.declineReferral.id": ID,
  "Mutation.declineReferral.reason": TEXT,
  "Mutation.recordFirstContact.id": ID,
  "Mutation.recordRiskAssessment.caseId": ID,
  // A question set's id and version, e.g. safelives-dash-ric@2009.
  "Mutation.recordRiskAssessment.questionSetVersion": ID,
  // SafeLives DASH RIC (2009) asks 27 questions, S-DASH 11; room for a longer set.
  "Mutation.recordRiskAssessment.answers": { maxItems: 100 },
  "RiskAnswerInput.questionId": ID,

  // governance
  "Query.explainAccess.caseId": ID,
  "Query.subjectAccessExport.caseId": ID,
  "Mutation.withdrawConsent.consentId": ID,
  "RecordConsentInput.caseId": ID,
  "RecordConsentInput.categories": ENUM_LIST,
  "RecordConsentInput.purposes": ENUM_LIST,
  "Query.consents.caseId": ID,
  "WithdrawConsentInput.caseId": ID,
  "WithdrawConsentInput.categories": ENUM_LIST,
  // A worklist cursor is a due time and an item id, encoded: well under a hundred characters.
  "Query.worklist.after": { maxLength: 512 },
  "Query.worklist.kinds": ENUM_LIST,
  // Webhooks: a receiver URL (the service also holds it to 2,048, the limit browsers and proxies keep to), event types by name, delivery ids, a cursor.
  "RegisterWebhookEndpointInput.url": { maxLength: 2_048 },
  "RegisterWebhookEndpointInput.eventTypes": { maxItems: 50, maxLength: 64 },
  "Mutation.disableWebhookEndpoint.id": ID,
  "Mutation.replayWebhookDelivery.id": ID,
  // A delivery cursor is a creation time and a delivery id, encoded: under a hundred characters.
  "Query.webhookDeliveries.after": { maxLength: 512 },
  "Query.webhookDeadLetters.after": { maxLength: 512 },
  "Mutation.completeWorklistItem.id": ID,

  // insights
  "Query.evidenceBase.by": ENUM_LIST,
  // A quarter is "YYYY-Qn".
  "Query.victimsCodeReturn.quarter": { maxLength: 7 },
  "Query.evidenceBaseCsv.by": ENUM_LIST,
  "Query.areaDemand.by": ENUM_LIST,
  "Query.areaDemand.fromMonth": MONTH,
  "Query.areaDemand.toMonth": MONTH,
  "Query.areaDemand.boroughs": ENUM_LIST,
  "Query.areaDemand.crimeTypes": ENUM_LIST,
  "EvidenceFilter.fromMonth": MONTH,
  "EvidenceFilter.toMonth": MONTH,
  "EvidenceFilter.boroughs": ENUM_LIST,
  "EvidenceFilter.crimeTypes": ENUM_LIST,
  "EvidenceFilter.routes": ENUM_LIST,
  "EvidenceFilter.services": ENUM_LIST,
  "EvidenceFilter.outcomes": ENUM_LIST,
  "EvidenceFilter.ageBands": ENUM_LIST,
  "EvidenceFilter.sexes": ENUM_LIST,
  "EvidenceFilter.ethnicities": ENUM_LIST,
  "EvidenceFilter.ethnicGroups": ENUM_LIST,
  "EvidenceFilter.disabilities": ENUM_LIST,
  "EvidenceFilter.riskTools": ENUM_LIST,
  "EvidenceFilter.riskLevels": ENUM_LIST,
  "EvidenceFilter.orderKinds": ENUM_LIST,
  "EvidenceFilter.orderOutcomes": ENUM_LIST,
  "EvidenceFilter.outcomeAreas": ENUM_LIST,
  "EvidenceFilter.submissionKinds": ENUM_LIST,
  "EvidenceFilter.nrmStages": ENUM_LIST,
  "EvidenceFilter.stayLengths": ENUM_LIST,
};
