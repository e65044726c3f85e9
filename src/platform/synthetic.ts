/**
 * Identifiers the synthetic seed data shares across subgraphs, the way real
 * systems share keys: a partner's record holds the GMVS case id it was
 * referred under. Every one is made up; no real person is behind any of them.
 */
export const SYNTHETIC_CASE_IDS = {
  clientM: "5eed0000-0000-4000-8000-000000000001",
  harassment: "5eed0000-0000-4000-8000-000000000002",
  coercive: "5eed0000-0000-4000-8000-000000000003",
  selfReferral: "5eed0000-0000-4000-8000-000000000004",
} as const;

/** The synthetic subjects (people) behind the cases; governance links each to its case and crime. */
export const SYNTHETIC_SUBJECTS = [
  { subjectId: "5eed0000-0000-4000-8000-0000000000a1", caseId: SYNTHETIC_CASE_IDS.clientM, crimeReference: "SYN/000101/26" },
  { subjectId: "5eed0000-0000-4000-8000-0000000000a2", caseId: SYNTHETIC_CASE_IDS.harassment, crimeReference: "SYN/000102/26" },
  { subjectId: "5eed0000-0000-4000-8000-0000000000a3", caseId: SYNTHETIC_CASE_IDS.coercive, crimeReference: "SYN/000103/26" },
  { subjectId: "5eed0000-0000-4000-8000-0000000000a4", caseId: SYNTHETIC_CASE_IDS.selfReferral, crimeReference: null },
] as const;

/**
 * Consents the synthetic victims gave: governance seeds them, and the seeded
 * referrals out name the consent each was made under.
 */
export const SYNTHETIC_CONSENT_IDS = {
  clientMToPankhurst: "5eed0000-0000-4000-8000-0000000000c1",
  selfReferralToHourglass: "5eed0000-0000-4000-8000-0000000000c2",
} as const;
