import type { EntityManager } from "typeorm";
import { OrganisationCode } from "../../../platform/domain";
import type { SubjectKey } from "../../../policy/governance-port";

/**
 * Governance's own writes of who a record is about and who has a legitimate
 * reason to see it: decide() reads these facts. Governance applies them
 * from the commands the other subgraphs write in their own transactions
 * (./commands.ts), and writes them itself for its own seed.
 */

/**
 * The subject (person) a local record is about. Links the record to an
 * existing subject when `subjectId` is given, or to the subject already
 * linked to it, or else to a new subject. Returns the subject id.
 */
export async function linkSubject(manager: EntityManager, record: SubjectKey, subjectId?: string): Promise<string> {
  const [existing] = (await manager.query(`SELECT subject_id FROM governance.subject_link WHERE system = $1 AND local_ref = $2`, [
    record.system,
    record.ref,
  ])) as { subject_id: string }[];
  if (existing) {
    if (subjectId !== undefined && existing.subject_id !== subjectId) {
      throw new Error(`${record.system} ${record.ref} is already linked to another subject`);
    }
    return existing.subject_id;
  }
  const [{ id }] = (await manager.query(
    subjectId === undefined
      ? `INSERT INTO governance.subject DEFAULT VALUES RETURNING id`
      : `INSERT INTO governance.subject (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id RETURNING id`,
    subjectId === undefined ? [] : [subjectId],
  )) as { id: string }[];
  await manager.query(`INSERT INTO governance.subject_link (system, local_ref, subject_id) VALUES ($1, $2, $3)`, [record.system, record.ref, id]);
  return id;
}

/** The subject a local record is linked to, or null. */
export async function subjectOf(manager: EntityManager, record: SubjectKey): Promise<string | null> {
  const [row] = (await manager.query(`SELECT subject_id FROM governance.subject_link WHERE system = $1 AND local_ref = $2`, [
    record.system,
    record.ref,
  ])) as { subject_id: string }[];
  return row?.subject_id ?? null;
}

/** Why an organisation may see a subject's data: an open case, referral, episode. `sourceRef` names the record that gives the reason. */
export interface RelationshipInput {
  subjectId: string;
  organisation: OrganisationCode;
  /** e.g. "gmvs-case", "police-crime", "referral", "service-episode". */
  kind: string;
  sourceRef: string;
  openedAt: Date;
}

/** Opens a relationship; opening one that is already recorded changes nothing. */
export async function openRelationship(manager: EntityManager, r: RelationshipInput): Promise<void> {
  await manager.query(
    `INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (organisation, kind, source_ref) DO NOTHING`,
    [r.subjectId, r.organisation, r.kind, r.sourceRef, r.openedAt],
  );
}

/** Closes a relationship (the case closed, the referral was declined or withdrawn): from then on it gives no reason to see. */
export async function closeRelationship(
  manager: EntityManager,
  r: Pick<RelationshipInput, "organisation" | "kind" | "sourceRef">,
  closedAt: Date,
): Promise<void> {
  await manager.query(
    `UPDATE governance.relationship SET closed_at = $4 WHERE organisation = $1 AND kind = $2 AND source_ref = $3 AND closed_at IS NULL`,
    [r.organisation, r.kind, r.sourceRef, closedAt],
  );
}

/**
 * Two subjects turned out to be one person (a caseworker confirmed a match):
 * every link, relationship and consent of `from` moves to `into`, so that
 * decide() sees one person from then on. Audit events keep the subject they
 * were written with (the chain is append-only). Call inside the transaction
 * that records the confirmation.
 */
export async function mergeSubjects(manager: EntityManager, from: string, into: string): Promise<void> {
  if (from === into) return;
  await manager.query(`UPDATE governance.subject_link SET subject_id = $2 WHERE subject_id = $1`, [from, into]);
  await manager.query(`UPDATE governance.relationship SET subject_id = $2 WHERE subject_id = $1`, [from, into]);
  await manager.query(`UPDATE governance.consent SET subject_id = $2 WHERE subject_id = $1`, [from, into]);
  // One consent state in force per recipient, category and purpose: where both
  // had one, the person's stays, given from the earlier time, and the other's
  // goes (its recording stays, covered by it).
  await manager.query(
    `UPDATE governance.consent_state i SET given_at = LEAST(i.given_at, f.given_at) FROM governance.consent_state f
     WHERE i.subject_id = $2 AND f.subject_id = $1 AND i.withdrawn_at IS NULL AND f.withdrawn_at IS NULL
       AND i.recipient = f.recipient AND i.category = f.category AND i.purpose = f.purpose`,
    [from, into],
  );
  await manager.query(
    `DELETE FROM governance.consent_state f USING governance.consent_state i
     WHERE f.subject_id = $1 AND i.subject_id = $2 AND i.withdrawn_at IS NULL AND f.withdrawn_at IS NULL
       AND i.recipient = f.recipient AND i.category = f.category AND i.purpose = f.purpose`,
    [from, into],
  );
  await manager.query(`UPDATE governance.consent_state SET subject_id = $2 WHERE subject_id = $1`, [from, into]);
}

/** Reopens a closed relationship (a case reopened), or opens it where none was recorded. */
export async function reopenRelationship(manager: EntityManager, r: RelationshipInput): Promise<void> {
  await manager.query(
    `INSERT INTO governance.relationship (subject_id, organisation, kind, source_ref, opened_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organisation, kind, source_ref) DO UPDATE SET closed_at = NULL, opened_at = EXCLUDED.opened_at
     WHERE governance.relationship.closed_at IS NOT NULL`,
    [r.subjectId, r.organisation, r.kind, r.sourceRef, r.openedAt],
  );
}
