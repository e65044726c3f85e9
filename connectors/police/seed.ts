import {
  Borough,
  Classification,
  CrimeFlags,
  HateCrimeStrand,
  InvestigationStatus,
  InvestigationUpdate,
  InvestigationUpdateKind as Update,
  PoliceCrime,
  ProtectiveOrder,
  ProtectiveOrderKind as Order,
  ProtectiveOrderStatus as OrderStatus,
  StalkingTriage,
  TriageRisk,
} from "./types";

/**
 * Synthetic records for the stand-in: no real person, place or case. The
 * hub's synthetic cases and subjects (src/platform/synthetic.ts) refer to
 * SYN/000101/26 … SYN/000103/26; the embedded hub and the tests read all of
 * these through the police subgraph.
 *
 * Home Office Counting Rules classes (DOMAIN-REFERENCE.md 3.1 and the ONS
 * offence hierarchy in ONSdigital/dp-hierarchy-builder, crime/hierarchy.cypher):
 * 8L harassment, 8Q stalking, 8R malicious communications and 106 modern
 * slavery are confirmed. 8U for controlling or coercive behaviour is NOT
 * confirmed (DOMAIN-REFERENCE.md marks it [M]); check it against the current
 * Counting Rules before relying on it.
 */

const HOCR = {
  HARASSMENT: { homeOfficeCode: "8L", description: "Harassment" },
  STALKING: { homeOfficeCode: "8Q", description: "Stalking" },
  /** Protection from Harassment Act 1997 s.4A; classed under 8Q stalking since April 2014 (DOMAIN-REFERENCE.md 3.1). */
  STALKING_SERIOUS_ALARM: { homeOfficeCode: "8Q", description: "Stalking involving serious alarm or distress" },
  MALICIOUS_COMMUNICATIONS: { homeOfficeCode: "8R", description: "Malicious communications" },
  /** [M] unconfirmed class code; the offence is s.76 Serious Crime Act 2015. */
  CONTROLLING_OR_COERCIVE: { homeOfficeCode: "8U", description: "Controlling or coercive behaviour" },
  MODERN_SLAVERY: { homeOfficeCode: "106", description: "Modern slavery" },
} as const;

const NO_FLAGS: CrimeFlags = {
  domesticAbuse: false,
  stalking: false,
  harassment: false,
  controllingOrCoercive: false,
  hateCrimeStrand: null,
  modernSlavery: false,
  fraud: false,
};

interface CrimeSeed {
  crimeReference: string;
  recordedAt: string;
  borough: Borough;
  status: InvestigationStatus;
  outcome?: string;
  flags: Partial<CrimeFlags>;
  /** Oldest first; the last is the current offence. */
  classifications: Classification[];
  stalkingTriage?: StalkingTriage;
  suspect: boolean;
}

function crime(seed: CrimeSeed): PoliceCrime {
  const current = seed.classifications[seed.classifications.length - 1];
  const serial = seed.crimeReference.split("/")[1];
  return {
    crimeReference: seed.crimeReference,
    recordedAt: seed.recordedAt,
    offence: { homeOfficeCode: current.homeOfficeCode, description: current.description },
    flags: { ...NO_FLAGS, ...seed.flags },
    borough: seed.borough,
    status: seed.status,
    outcome: seed.outcome ?? null,
    classificationHistory: seed.classifications,
    stalkingTriage: seed.stalkingTriage ?? null,
    victimRef: `SYN-VICTIM-${serial}`,
    suspectRef: seed.suspect ? `SYN-SUSPECT-${serial}` : null,
  };
}

function recorded(at: string, offence: { homeOfficeCode: string; description: string }): Classification {
  return { at, ...offence, reason: "Classified on recording" };
}

export const SEED_CRIMES: PoliceCrime[] = [
  // Client M (DESIGN.md story 1): stalking by an ex-partner, triaged, charged, SPO granted.
  crime({
    crimeReference: "SYN/000101/26",
    recordedAt: "2026-09-01T10:15:00Z",
    borough: Borough.MANCHESTER,
    status: InvestigationStatus.SUSPECT_CHARGED,
    flags: { domesticAbuse: true, stalking: true },
    classifications: [recorded("2026-09-01T10:15:00Z", HOCR.STALKING)],
    stalkingTriage: {
      reviewedAt: "2026-09-02T09:30:00Z",
      risk: TriageRisk.HIGH,
      linesOfEnquiry: [
        "Download and preserve messages on the victim's phone",
        "Request call data for the suspect's number",
        "Check CCTV near the victim's workplace for the dates reported",
      ],
      spoConsidered: true,
      legacyCase: false,
    },
    suspect: true,
  }),
  crime({
    crimeReference: "SYN/000102/26",
    recordedAt: "2026-09-03T18:40:00Z",
    borough: Borough.SALFORD,
    status: InvestigationStatus.UNDER_INVESTIGATION,
    flags: { harassment: true },
    classifications: [recorded("2026-09-03T18:40:00Z", HOCR.HARASSMENT)],
    suspect: true,
  }),
  // Coercive control within a relationship: DAPN given, then a DAPO.
  crime({
    crimeReference: "SYN/000103/26",
    recordedAt: "2026-09-10T08:05:00Z",
    borough: Borough.BOLTON,
    status: InvestigationStatus.UNDER_INVESTIGATION,
    flags: { domesticAbuse: true, controllingOrCoercive: true },
    classifications: [recorded("2026-09-10T08:05:00Z", HOCR.CONTROLLING_OR_COERCIVE)],
    suspect: true,
  }),
  crime({
    crimeReference: "SYN/000104/26",
    recordedAt: "2026-09-12T21:30:00Z",
    borough: Borough.OLDHAM,
    status: InvestigationStatus.NO_FURTHER_ACTION,
    outcome: "Evidential difficulties: victim supports action",
    flags: {},
    classifications: [recorded("2026-09-12T21:30:00Z", HOCR.MALICIOUS_COMMUNICATIONS)],
    suspect: true,
  }),
  // A legacy stalking case picked up by the Stalking Triage Centre; SPO applied for.
  crime({
    crimeReference: "SYN/000105/26",
    recordedAt: "2026-10-02T13:00:00Z",
    borough: Borough.WIGAN,
    status: InvestigationStatus.UNDER_INVESTIGATION,
    flags: { stalking: true },
    classifications: [recorded("2026-10-02T13:00:00Z", HOCR.STALKING)],
    stalkingTriage: {
      reviewedAt: "2026-10-06T11:00:00Z",
      risk: TriageRisk.MEDIUM,
      linesOfEnquiry: ["Link earlier reports by the same victim", "Identify the suspect's vehicle"],
      spoConsidered: true,
      legacyCase: true,
    },
    suspect: true,
  }),
  crime({
    crimeReference: "SYN/000106/26",
    recordedAt: "2026-10-07T16:20:00Z",
    borough: Borough.STOCKPORT,
    status: InvestigationStatus.CLOSED,
    outcome: "Local resolution",
    flags: { harassment: true },
    classifications: [recorded("2026-10-07T16:20:00Z", HOCR.HARASSMENT)],
    suspect: true,
  }),
  // DESIGN.md story 2: harassment reclassified as stalking; the first classification is kept.
  crime({
    crimeReference: "SYN/000107/26",
    recordedAt: "2026-10-12T19:45:00Z",
    borough: Borough.TRAFFORD,
    status: InvestigationStatus.UNDER_INVESTIGATION,
    flags: { domesticAbuse: true, stalking: true },
    classifications: [
      recorded("2026-10-12T19:45:00Z", HOCR.HARASSMENT),
      {
        at: "2026-10-19T10:00:00Z",
        ...HOCR.STALKING_SERIOUS_ALARM,
        reason: "Reviewed: course of conduct by a former partner causing serious alarm or distress with a substantial adverse effect on day-to-day activities",
      },
    ],
    stalkingTriage: {
      reviewedAt: "2026-10-19T10:00:00Z",
      risk: TriageRisk.HIGH,
      linesOfEnquiry: ["Obtain the victim's diary of incidents", "Trace the accounts used to send messages"],
      spoConsidered: true,
      legacyCase: false,
    },
    suspect: true,
  }),
  crime({
    crimeReference: "SYN/000108/26",
    recordedAt: "2026-10-14T12:10:00Z",
    borough: Borough.ROCHDALE,
    status: InvestigationStatus.UNDER_INVESTIGATION,
    flags: { harassment: true, hateCrimeStrand: HateCrimeStrand.DISABILITY },
    classifications: [recorded("2026-10-14T12:10:00Z", HOCR.HARASSMENT)],
    suspect: false,
  }),
  crime({
    crimeReference: "SYN/000109/26",
    recordedAt: "2026-10-21T07:55:00Z",
    borough: Borough.TAMESIDE,
    status: InvestigationStatus.UNDER_INVESTIGATION,
    flags: { modernSlavery: true },
    classifications: [recorded("2026-10-21T07:55:00Z", HOCR.MODERN_SLAVERY)],
    suspect: true,
  }),
];

function update(crimeReference: string, n: number, kind: Update, occurredAt: string, summary: string): InvestigationUpdate {
  return { id: `SYN-UPDATE-${crimeReference.split("/")[1]}-${n}`, crimeReference, kind, occurredAt, summary };
}

export const SEED_UPDATES: InvestigationUpdate[] = [
  update("SYN/000101/26", 1, Update.ARREST, "2026-09-03T07:10:00Z", "Suspect arrested"),
  update("SYN/000101/26", 2, Update.INTERVIEWED_UNDER_CAUTION, "2026-09-03T14:00:00Z", "Suspect interviewed under caution"),
  update("SYN/000101/26", 3, Update.RELEASED_ON_BAIL_WITH_CONDITIONS, "2026-09-04T09:00:00Z", "Bailed: no contact with the victim, not to enter her street"),
  update("SYN/000101/26", 4, Update.CHARGED, "2026-09-20T16:30:00Z", "Charged with stalking"),
  update("SYN/000101/26", 5, Update.COURT_HEARING, "2026-10-15T10:00:00Z", "First hearing at the magistrates' court"),
  update("SYN/000102/26", 1, Update.RELEASED_UNDER_INVESTIGATION, "2026-09-06T12:00:00Z", "Suspect released under investigation"),
  update("SYN/000103/26", 1, Update.ARREST, "2026-09-10T09:20:00Z", "Suspect arrested"),
  update("SYN/000103/26", 2, Update.RELEASED_ON_BAIL_WITH_CONDITIONS, "2026-09-11T11:00:00Z", "Bailed: not to contact the victim"),
  update("SYN/000104/26", 1, Update.NO_FURTHER_ACTION, "2026-10-01T15:00:00Z", "No further action: evidential difficulties"),
  update("SYN/000107/26", 1, Update.ARREST, "2026-10-20T06:45:00Z", "Suspect arrested"),
  update("SYN/000107/26", 2, Update.BAIL_CONDITIONS_CHANGED, "2026-10-27T10:00:00Z", "Bail conditions changed: exclusion zone widened"),
];

export const SEED_ORDERS: ProtectiveOrder[] = [
  // An SPO runs for at least two years (Stalking Protection Act 2019; DOMAIN-REFERENCE.md 4.1).
  {
    id: "SYN-ORDER-000101-1",
    crimeReference: "SYN/000101/26",
    kind: Order.STALKING_PROTECTION_ORDER,
    status: OrderStatus.GRANTED,
    appliedOn: "2026-09-08",
    grantedOn: "2026-09-22",
    expiresOn: "2028-09-22",
  },
  // A DAPN lasts until the DAPO hearing, normally within 48 hours (DOMAIN-REFERENCE.md 4.2).
  {
    id: "SYN-ORDER-000103-1",
    crimeReference: "SYN/000103/26",
    kind: Order.DOMESTIC_ABUSE_PROTECTION_NOTICE,
    status: OrderStatus.EXPIRED,
    appliedOn: "2026-09-10",
    grantedOn: "2026-09-10",
    expiresOn: "2026-09-12",
  },
  // A DAPO has no fixed maximum length (DOMAIN-REFERENCE.md 4.2).
  {
    id: "SYN-ORDER-000103-2",
    crimeReference: "SYN/000103/26",
    kind: Order.DOMESTIC_ABUSE_PROTECTION_ORDER,
    status: OrderStatus.GRANTED,
    appliedOn: "2026-09-10",
    grantedOn: "2026-09-12",
    expiresOn: null,
  },
  {
    id: "SYN-ORDER-000105-1",
    crimeReference: "SYN/000105/26",
    kind: Order.STALKING_PROTECTION_ORDER,
    status: OrderStatus.APPLIED,
    appliedOn: "2026-10-09",
    grantedOn: null,
    expiresOn: null,
  },
];

export interface PoliceSeed {
  crimes: PoliceCrime[];
  updates: InvestigationUpdate[];
  orders: ProtectiveOrder[];
}

export const POLICE_SEED: PoliceSeed = { crimes: SEED_CRIMES, updates: SEED_UPDATES, orders: SEED_ORDERS };
