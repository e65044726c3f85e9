import type { Database } from "../../platform/database";
import { AgeBand, Borough, Disability, Ethnicity, Religion, Sex } from "../../platform/domain";
import { SYNTHETIC_CASE_IDS, SYNTHETIC_SUBJECTS } from "../../platform/synthetic";
import { SubjectSystem } from "../../policy/sensitive";
import { commandGovernance, seedCommandId } from "../../policy/governance-commands";
import { CaseRecord } from "./cases/case.entity";
import { CaseStatus, ReferralRoute, ThematicLead } from "./cases/case.types";
import { ContactRecord } from "./contacts/contact.entity";
import { ContactChannel, ContactPurpose } from "./contacts/contact.types";
import { EnhancedRightsRecord } from "./cases/enhanced-rights.entity";
import { NeedsAssessmentRecord } from "./needs/needs.entity";
import { NeedLevel, NeedsOutcome } from "./needs/needs.types";
import { VictimRecord } from "./people/victim.entity";
import { SurveyResponseRecord } from "./survey/survey.entity";
import { EnhancedRightsCategory } from "./victims-code/rules";

const SEED_CASE_IDS = SYNTHETIC_CASE_IDS;

/** Synthetic people behind the seeded cases: made-up names, dates and contact details; no real person. */
export const SEED_VICTIM_IDS = {
  clientM: "5eed0000-0000-4000-8000-0000000000b1",
  harassment: "5eed0000-0000-4000-8000-0000000000b2",
  coercive: "5eed0000-0000-4000-8000-0000000000b3",
  selfReferral: "5eed0000-0000-4000-8000-0000000000b4",
} as const;

/** Synthetic GMVS cases; fixed ids so that partners' seed can refer to them. */
export const SEED_CASES: CaseRecord[] = [
  kase(SEED_CASE_IDS.clientM, "GMVS-SYN-0001", Borough.MANCHESTER, ThematicLead.STALKING, CaseStatus.OPEN, "2026-09-02T09:00:00Z", "SYN/000101/26"),
  kase(SEED_CASE_IDS.harassment, "GMVS-SYN-0002", Borough.SALFORD, ThematicLead.GENERAL, CaseStatus.AWAITING_ASSESSMENT, "2026-09-04T11:30:00Z", "SYN/000102/26"),
  kase(SEED_CASE_IDS.coercive, "GMVS-SYN-0003", Borough.BOLTON, ThematicLead.DOMESTIC_ABUSE, CaseStatus.OPEN, "2026-09-11T14:00:00Z", "SYN/000103/26"),
  kase(SEED_CASE_IDS.selfReferral, "GMVS-SYN-0004", Borough.TRAFFORD, ThematicLead.FRAUD, CaseStatus.OPEN, "2026-10-05T10:00:00Z", null),
];

function kase(
  id: string,
  caseReference: string,
  borough: Borough,
  thematicLead: ThematicLead,
  status: CaseStatus,
  openedAt: string,
  crimeReference: string | null,
): CaseRecord {
  return Object.assign(new CaseRecord(), { id, caseReference, borough, thematicLead, status, openedAt: new Date(openedAt), crimeReference });
}

/**
 * The case file behind each seeded case. Crime reports keep the police
 * stand-in's recorded times (connectors/police/seed.ts), so the Victims' Code
 * engine computes from the stand-in's updates. Client M (DESIGN.md story 1):
 * stalking by an ex-partner, persistently targeted, so Enhanced Rights.
 */
const CASE_FILES: Record<string, Partial<CaseRecord>> = {
  [SEED_CASE_IDS.clientM]: {
    victimId: SEED_VICTIM_IDS.clientM,
    referralRoute: ReferralRoute.POLICE,
    assignedWorker: "Caseworker C1",
    enhancedRights: [EnhancedRightsCategory.PERSISTENTLY_TARGETED],
    crimeReportedAt: new Date("2026-09-01T10:15:00Z"),
    referralReceivedAt: new Date("2026-09-02T09:00:00Z"),
  },
  [SEED_CASE_IDS.harassment]: {
    victimId: SEED_VICTIM_IDS.harassment,
    referralRoute: ReferralRoute.POLICE,
    crimeReportedAt: new Date("2026-09-03T18:40:00Z"),
    referralReceivedAt: new Date("2026-09-04T11:30:00Z"),
  },
  [SEED_CASE_IDS.coercive]: {
    victimId: SEED_VICTIM_IDS.coercive,
    referralRoute: ReferralRoute.POLICE,
    assignedWorker: "Caseworker C2",
    // Domestic abuse: a victim of the most serious crime.
    enhancedRights: [EnhancedRightsCategory.MOST_SERIOUS_CRIME],
    crimeReportedAt: new Date("2026-09-10T08:05:00Z"),
    referralReceivedAt: new Date("2026-09-11T14:00:00Z"),
  },
  [SEED_CASE_IDS.selfReferral]: {
    victimId: SEED_VICTIM_IDS.selfReferral,
    referralRoute: ReferralRoute.SELF,
    assignedWorker: "Caseworker C3",
    referralReceivedAt: new Date("2026-10-05T10:00:00Z"),
  },
};

const person = (id: string, fields: Partial<VictimRecord>): VictimRecord =>
  Object.assign(new VictimRecord(), {
    id,
    policeVictimRef: null,
    email: null,
    phone: null,
    postcode: null,
    addressLine: null,
    religion: null,
    mergedInto: null,
    createdAt: new Date("2026-09-01T00:00:00Z"),
    updatedAt: new Date("2026-09-01T00:00:00Z"),
    ...fields,
  });

export const SEED_VICTIMS: VictimRecord[] = [
  person(SEED_VICTIM_IDS.clientM, {
    policeVictimRef: "SYN-VICTIM-000101",
    givenName: "Test",
    familyName: "Person M",
    dateOfBirth: "1991-03-14",
    email: "test.person.m@example.invalid",
    phone: "07700900101",
    postcode: "M1 9ZZ",
    addressLine: "1 Synthetic Street",
    ageBand: AgeBand.AGE_35_44,
    sex: Sex.FEMALE,
    ethnicity: Ethnicity.WHITE,
    disability: Disability.NOT_DISABLED,
    religion: Religion.PREFER_NOT_TO_SAY,
  }),
  person(SEED_VICTIM_IDS.harassment, {
    policeVictimRef: "SYN-VICTIM-000102",
    givenName: "Test",
    familyName: "Person B",
    dateOfBirth: "1998-07-02",
    phone: "07700900102",
    ageBand: AgeBand.AGE_25_34,
    sex: Sex.MALE,
    ethnicity: Ethnicity.ASIAN,
    disability: Disability.LIMITED_A_LITTLE,
  }),
  person(SEED_VICTIM_IDS.coercive, {
    policeVictimRef: "SYN-VICTIM-000103",
    givenName: "Test",
    familyName: "Person C",
    dateOfBirth: "1985-11-20",
    email: "test.person.c@example.invalid",
    ageBand: AgeBand.AGE_35_44,
    sex: Sex.FEMALE,
    ethnicity: Ethnicity.BLACK,
    disability: Disability.NOT_DISABLED,
  }),
  person(SEED_VICTIM_IDS.selfReferral, {
    givenName: "Test",
    familyName: "Person D",
    dateOfBirth: "1948-05-09",
    phone: "07700900104",
    ageBand: AgeBand.AGE_75_PLUS,
    sex: Sex.FEMALE,
    ethnicity: Ethnicity.WHITE,
    disability: Disability.LIMITED_A_LOT,
  }),
];

const contact = (id: string, caseId: string, occurredAt: string, purpose: ContactPurpose, summary: string, policeUpdateId: string | null = null, channel = ContactChannel.PHONE) =>
  Object.assign(new ContactRecord(), { id, caseId, occurredAt: new Date(occurredAt), channel, purpose, summary, madeBy: "Caseworker C1", policeUpdateId, recordedAt: new Date(occurredAt) });

/**
 * Client M's contacts: she is told of each key decision on SYN/000101/26.
 * Arrest, interview and bail within the Enhanced Rights day; the charge (on a
 * Sunday, so due by the end of Monday) only on the Tuesday: LATE.
 */
export const SEED_CONTACTS: ContactRecord[] = [
  contact("5eed0000-0000-4000-8000-0000000000d1", SEED_CASE_IDS.clientM, "2026-09-02T11:00:00Z", ContactPurpose.FIRST_CONTACT, "Introduced GMVS; agreed a needs assessment"),
  contact("5eed0000-0000-4000-8000-0000000000d2", SEED_CASE_IDS.clientM, "2026-09-03T12:00:00Z", ContactPurpose.TOLD_OF_DECISION, "Told the suspect had been arrested", "SYN-UPDATE-000101-1"),
  contact("5eed0000-0000-4000-8000-0000000000d3", SEED_CASE_IDS.clientM, "2026-09-04T10:00:00Z", ContactPurpose.TOLD_OF_DECISION, "Told the suspect had been interviewed", "SYN-UPDATE-000101-2"),
  contact("5eed0000-0000-4000-8000-0000000000d4", SEED_CASE_IDS.clientM, "2026-09-04T10:30:00Z", ContactPurpose.NEEDS_ASSESSMENT, "Needs assessed together; safety plan discussed", null, ContactChannel.IN_PERSON),
  contact("5eed0000-0000-4000-8000-0000000000d5", SEED_CASE_IDS.clientM, "2026-09-04T15:00:00Z", ContactPurpose.TOLD_OF_DECISION, "Told of bail and its conditions", "SYN-UPDATE-000101-3"),
  contact("5eed0000-0000-4000-8000-0000000000d6", SEED_CASE_IDS.clientM, "2026-09-22T10:00:00Z", ContactPurpose.TOLD_OF_DECISION, "Told the suspect had been charged", "SYN-UPDATE-000101-4"),
  contact("5eed0000-0000-4000-8000-0000000000d7", SEED_CASE_IDS.clientM, "2026-10-15T15:00:00Z", ContactPurpose.TOLD_OF_DECISION, "Explained the first hearing and the next date", "SYN-UPDATE-000101-5", ContactChannel.EMAIL),
];

export const SEED_NEEDS: NeedsAssessmentRecord[] = [
  Object.assign(new NeedsAssessmentRecord(), {
    id: "5eed0000-0000-4000-8000-0000000000f1",
    caseId: SEED_CASE_IDS.clientM,
    assessedAt: new Date("2026-09-04T10:30:00Z"),
    assessedBy: "Caseworker C1",
    practical: NeedLevel.MEDIUM,
    emotional: NeedLevel.MEDIUM,
    safety: NeedLevel.HIGH,
    health: NeedLevel.LOW,
    financial: NeedLevel.NONE,
    communication: NeedLevel.NONE,
    notes: "Wants specialist anti-stalking support; consents to referral to Restore",
    outcome: NeedsOutcome.REFER_TO_SPECIALIST_SERVICE,
    reviewOn: "2026-10-02",
  }),
];

export const SEED_SURVEYS: SurveyResponseRecord[] = [
  Object.assign(new SurveyResponseRecord(), {
    id: "5eed0000-0000-4000-8000-0000000000f9",
    caseId: SEED_CASE_IDS.clientM,
    respondedAt: new Date("2026-11-02T12:00:00Z"),
    overall: 4,
    rightScores: [1, 2, 3, 4, 5, 6, 7].map((right) => ({ right, score: right === 6 ? 3 : 4 })),
  }),
];

/** The referral's Enhanced Rights, dated as GMP judged them: from the crime's report. */
const SEED_ENHANCED_RIGHTS: Partial<EnhancedRightsRecord>[] = Object.entries(CASE_FILES)
  .filter(([, file]) => (file.enhancedRights ?? []).length > 0)
  .map(([caseId, file], i) => ({
    id: `5eed0000-0000-4000-8000-0000000001e${i + 1}`,
    caseId,
    categories: file.enhancedRights!,
    withheld: [],
    appliesFrom: file.crimeReportedAt!,
    reason: "Recorded by GMP in its referral",
    recordedBy: "gmp-officer-seed",
    recordedAt: file.referralReceivedAt!,
  }));

/** Idempotent: inserts what is missing and fills the case-file columns of seeded cases that lack them. */
export async function seedVictims(db: Database): Promise<void> {
  await db.dataSource.transaction(async (m) => {
    await m.createQueryBuilder().insert().into(VictimRecord).values(SEED_VICTIMS).orIgnore().execute();
    await m.createQueryBuilder().insert().into(CaseRecord).values(SEED_CASES).orIgnore().execute();
    for (const [id, file] of Object.entries(CASE_FILES)) {
      await m.createQueryBuilder().update(CaseRecord).set(file).where("id = :id AND victim_id IS NULL", { id }).execute();
    }
    await m.createQueryBuilder().insert().into(EnhancedRightsRecord).values(SEED_ENHANCED_RIGHTS).orIgnore().execute();
    await m.createQueryBuilder().insert().into(NeedsAssessmentRecord).values(SEED_NEEDS).orIgnore().execute();
    await m.createQueryBuilder().insert().into(ContactRecord).values(SEED_CONTACTS).orIgnore().execute();
    await m.createQueryBuilder().insert().into(SurveyResponseRecord).values(SEED_SURVEYS).orIgnore().execute();
    // Each person is the same governance subject as their case (governance's seed links the cases and crimes).
    for (const s of SYNTHETIC_SUBJECTS) {
      const victimId = Object.entries(SEED_CASE_IDS).find(([, caseId]) => caseId === s.caseId)?.[0] as keyof typeof SEED_VICTIM_IDS;
      const ref = SEED_VICTIM_IDS[victimId];
      await commandGovernance(m, "victims", [{ kind: "link-subject", system: SubjectSystem.GMVS_VICTIM, ref, subjectId: s.subjectId }], [seedCommandId("victims-seed", ref)]);
    }
  });
}
