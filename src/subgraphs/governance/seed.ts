import type { Database } from "../../platform/database";
import { OrganisationCode } from "../../platform/domain";
import { SYNTHETIC_CASE_IDS, SYNTHETIC_CONSENT_IDS, SYNTHETIC_SUBJECTS } from "../../platform/synthetic";
import { SubjectSystem } from "../../policy/sensitive";
import { seedAgreements } from "./access/access.service";
import { OrganisationRecord } from "./organisations/organisation.entity";
import { OrganisationKind } from "./organisations/organisation.types";

/** The organisations named in DESIGN.md; these are organisations, not people. */
export const SEED_ORGANISATIONS: OrganisationRecord[] = [
  [OrganisationCode.GMP, "Greater Manchester Police", OrganisationKind.POLICE],
  [OrganisationCode.GMVS, "Greater Manchester Victims' Service", OrganisationKind.VICTIM_SERVICE],
  [OrganisationCode.PANKHURST, "Pankhurst Trust (incorporating Manchester Women's Aid)", OrganisationKind.PARTNER],
  [OrganisationCode.HOURGLASS, "Hourglass", OrganisationKind.PARTNER],
  [OrganisationCode.CHALLENGER, "Challenger", OrganisationKind.PARTNER],
  [OrganisationCode.GMCA, "Greater Manchester Combined Authority", OrganisationKind.COMMISSIONER],
].map(([code, name, kind]) => Object.assign(new OrganisationRecord(), { code, name, kind }));

/** Client M (DESIGN.md story 1) consented to Pankhurst Restore seeing her police updates and GMVS's referral. */
export const CLIENT_M_CONSENT_ID = SYNTHETIC_CONSENT_IDS.clientMToPankhurst;

/**
 * Synthetic subjects, their links to cases and crimes, the relationships the
 * seeded cases and episodes give each organisation, and Client M's consent.
 * Idempotent.
 */
export async function seedGovernance(db: Database): Promise<void> {
  const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
  await db.dataSource.createQueryBuilder().insert().into(OrganisationRecord).values(SEED_ORGANISATIONS).orIgnore().execute();
  await seedAgreements(db.dataSource);
  for (const s of SYNTHETIC_SUBJECTS) {
    await q(`INSERT INTO governance.subject (id) VALUES ($1) ON CONFLICT DO NOTHING`, [s.subjectId]);
    await link(q, SubjectSystem.GMVS_CASE, s.caseId, s.subjectId);
    await relate(q, s.subjectId, OrganisationCode.GMVS, "gmvs-case", s.caseId, null);
    if (s.crimeReference) {
      await link(q, SubjectSystem.POLICE_CRIME, s.crimeReference, s.subjectId);
      await relate(q, s.subjectId, OrganisationCode.GMP, "police-crime", s.crimeReference, null);
    }
  }
  const subjectOf = (caseId: string) => SYNTHETIC_SUBJECTS.find((s) => s.caseId === caseId)?.subjectId as string;
  await relate(q, subjectOf(SYNTHETIC_CASE_IDS.clientM), OrganisationCode.PANKHURST, "service-episode", "5eed0000-0000-4000-8000-0000000000e1", null);
  await relate(q, subjectOf(SYNTHETIC_CASE_IDS.coercive), OrganisationCode.PANKHURST, "service-episode", "5eed0000-0000-4000-8000-0000000000e2", null);
  await relate(q, subjectOf(SYNTHETIC_CASE_IDS.selfReferral), OrganisationCode.HOURGLASS, "service-episode", "5eed0000-0000-4000-8000-0000000000e3", "2026-11-05T16:00:00Z");
  await q(
    `INSERT INTO governance.consent (id, subject_id, recipient, categories, purposes, given_at, recorded_by)
     VALUES ($1, $2, 'PANKHURST', $3, '{support}', '2026-09-05T10:00:00Z', 'seed') ON CONFLICT DO NOTHING`,
    [CLIENT_M_CONSENT_ID, subjectOf(SYNTHETIC_CASE_IDS.clientM), ["IDENTITY", "CONTACT", "ADDRESS", "CASE_NOTES", "SUPPORT", "OFFENCE_DETAILS", "INVESTIGATION_UPDATES"]],
  );
  // The self-referral victim consented to GMVS referring her to Hourglass (the partners seed holds that referral).
  await q(
    `INSERT INTO governance.consent (id, subject_id, recipient, categories, purposes, given_at, recorded_by)
     VALUES ($1, $2, 'HOURGLASS', $3, '{support}', '2026-10-01T09:00:00Z', 'seed') ON CONFLICT DO NOTHING`,
    [SYNTHETIC_CONSENT_IDS.selfReferralToHourglass, subjectOf(SYNTHETIC_CASE_IDS.selfReferral), ["IDENTITY", "CONTACT", "CASE_NOTES", "SUPPORT"]],
  );
}

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

function link(q: Query, system: SubjectSystem, ref: string, subjectId: string) {
  return q(`INSERT INTO governance.subject_link (system, local_ref, subject_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [system, ref, subjectId]);
}

function relate(q: Query, subjectId: string, organisation: OrganisationCode, kind: string, sourceRef: string, closedAt: string | null) {
  return q(
    `INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at, closed_at)
     VALUES ($1, $2, $3, $4, '2026-09-01T00:00:00Z', $5) ON CONFLICT (organisation, kind, source_ref) DO NOTHING`,
    [subjectId, organisation, kind, sourceRef, closedAt],
  );
}
