import { DataSource, EntityManager } from "typeorm";
import { isUuid } from "../../../platform/batch";
import { OrganisationCode } from "../../../platform/domain";
import { appError, ErrorCode } from "../../../platform/errors";
import type { AccessEvaluator } from "../../../policy/access";
import { emitEvents } from "../../../platform/events/outbox";
import { EventRecordType, EventType } from "../../../platform/events/event";
import { Actor, AuditEventInput, changeEvent } from "../../../policy/audit";
import { appendAuditEvents, toAuditEvent } from "../audit/chain";
import { categoriesInSchema } from "../../../policy/catalogue";
import { DataCategory } from "../../../policy/categories";
import { Purpose } from "../../../platform/principal";
import { PolicyStore } from "../../../policy/store";
import { referenceTo, SubjectSystem } from "../../../policy/sensitive";
import { readAgreementFiles } from "../agreements/agreement.files";
import { AccessExplanation, AuditEvent, Consent, RecordConsentInput, WithdrawConsentInput } from "./access.types";

/** Knowing a GMVS case exists is SUPPORT data, as the Case type declares (victims and partners). */
const CASE_EXISTENCE = DataCategory.SUPPORT;

/** Which organisations hold the records each subgraph serves (partners: each partner its own). */
const HOLDERS_BY_SUBGRAPH: Record<string, OrganisationCode[]> = {
  victims: [OrganisationCode.GMVS],
  police: [OrganisationCode.GMP],
  partners: [OrganisationCode.PANKHURST, OrganisationCode.HOURGLASS, OrganisationCode.CHALLENGER],
};

export class AccessService {
  private readonly policy: PolicyStore;
  private catalogue: { holder: OrganisationCode; category: DataCategory }[] | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.policy = new PolicyStore(dataSource);
  }

  async agreements() {
    return (await this.policy.agreements()).sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The subject (person) behind a GMVS case, or NOT_FOUND. */
  async subjectOfCase(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = isUuid(caseId)
      ? ((await manager.query(`SELECT subject_id FROM governance.subject_link WHERE system = $1 AND local_ref = $2`, [SubjectSystem.GMVS_CASE, caseId])) as {
          subject_id: string;
        }[])
      : [];
    if (!row) throw noSuchCase();
    return row.subject_id;
  }

  /**
   * Records a victim's consent, in one transaction with its audit event.
   * Consent is one state per (victim, recipient, category, purpose): where
   * every pair asked for is already in force and one consent in force covers
   * them all, that consent is returned and nothing is written (no event:
   * nothing changed). Otherwise a new consent is recorded; it puts in force
   * the pairs that were not, and those that were stay with the consent that
   * first put them in force. Recordings for one victim take turns (her
   * subject row is locked), and the store's partial unique index keeps a
   * second state from ever coming into force beside the first.
   */
  async recordConsent(actor: Actor, input: RecordConsentInput): Promise<Consent> {
    if (input.recipient === CONSENT_HOLDER) {
      throw appError(ErrorCode.INVALID_INPUT, "GMVS holds the data consent is given about; name another organisation", { argument: "recipient" });
    }
    if (input.categories.length === 0) throw appError(ErrorCode.INVALID_INPUT, "Name at least one category", { argument: "categories" });
    if (input.purposes.length === 0) throw appError(ErrorCode.INVALID_INPUT, "Name at least one purpose", { argument: "purposes" });
    const categories = [...new Set(input.categories)];
    const purposes = [...new Set(input.purposes)];
    return this.dataSource.transaction(async (m) => {
      const subjectId = await this.subjectOfCase(input.caseId, m);
      await lockSubject(m, subjectId);
      const [{ n }] = (await m.query(
        `SELECT count(*)::int AS n FROM governance.consent_state
         WHERE subject_id = $1 AND recipient = $2 AND category = ANY($3::text[]) AND purpose = ANY($4::text[]) AND withdrawn_at IS NULL`,
        [subjectId, input.recipient, categories, purposes],
      )) as [{ n: number }];
      if (n === categories.length * purposes.length) {
        const [existing] = (await m.query(
          `SELECT ${CONSENT_COLUMNS} FROM governance.consent
           WHERE subject_id = $1 AND recipient = $2 AND withdrawn_at IS NULL AND categories @> $3::text[] AND purposes @> $4::text[]
           ORDER BY given_at DESC, id DESC LIMIT 1`,
          [subjectId, input.recipient, categories, purposes],
        )) as RecordingRow[];
        if (existing) return (await withStates(m, [existing]))[0] as Consent;
      }
      const [row] = (await m.query(
        `INSERT INTO governance.consent (subject_id, recipient, categories, purposes, given_at, recorded_by)
         VALUES ($1, $2, $3, $4, now(), $5) RETURNING ${CONSENT_COLUMNS}`,
        [subjectId, input.recipient, categories, purposes, actor.principal.subject],
      )) as RecordingRow[];
      const [consent] = await withStates(m, [row as RecordingRow]);
      await appendAuditEvents(m, [consentEvent(actor, subjectId, "CONSENT_RECORDED", (consent as Consent).id, input.recipient)]);
      await emitEvents(m, "governance", [consentChanged(EventType.CONSENT_RECORDED, (consent as Consent).id, input.caseId.toLowerCase(), input.recipient)]);
      return consent as Consent;
    });
  }

  /**
   * Withdraws a consent: the victim no longer consents to its recipient
   * having its categories, so every consent in force covering them ends,
   * whichever recording put it in force (see withdrawConsentFor). CONFLICT
   * where this consent was already withdrawn. Bites on the very next
   * request, as nothing caches a decision beyond one.
   */
  async withdrawConsent(actor: Actor, consentId: string): Promise<Consent> {
    if (!isUuid(consentId)) throw appError(ErrorCode.NOT_FOUND, "No such consent", { argument: "consentId" });
    return this.dataSource.transaction(async (m) => {
      const [existing] = (await m.query(`SELECT ${CONSENT_COLUMNS} FROM governance.consent WHERE id = $1`, [consentId])) as RecordingRow[];
      if (!existing) throw appError(ErrorCode.NOT_FOUND, "No such consent", { argument: "consentId" });
      await lockSubject(m, existing.subject_id);
      const [current] = (await m.query(`SELECT withdrawn_at FROM governance.consent WHERE id = $1`, [consentId])) as { withdrawn_at: Date | null }[];
      if (current?.withdrawn_at) throw appError(ErrorCode.CONFLICT, "This consent was already withdrawn");
      await endConsents(m, actor, existing.subject_id, existing.recipient, existing.categories);
      const [row] = (await m.query(`SELECT ${CONSENT_COLUMNS} FROM governance.consent WHERE id = $1`, [consentId])) as RecordingRow[];
      return (await withStates(m, [row as RecordingRow]))[0] as Consent;
    });
  }

  /**
   * The victim withdraws consent to a recipient for some categories: every
   * consent state in force for them ends, for every purpose, whichever
   * recording put it in force, and a consent left with nothing in force is
   * withdrawn itself. Returns the consents it ended states of (none where
   * nothing was in force: withdrawing twice changes nothing the second
   * time). One audit event per consent concerned, in the same transaction.
   */
  async withdrawConsentFor(actor: Actor, input: WithdrawConsentInput): Promise<Consent[]> {
    if (input.recipient === CONSENT_HOLDER) {
      throw appError(ErrorCode.INVALID_INPUT, "GMVS holds the data consent is given about; name another organisation", { argument: "recipient" });
    }
    if (input.categories.length === 0) throw appError(ErrorCode.INVALID_INPUT, "Name at least one category", { argument: "categories" });
    return this.dataSource.transaction(async (m) => {
      const subjectId = await this.subjectOfCase(input.caseId, m);
      await lockSubject(m, subjectId);
      const ids = await endConsents(m, actor, subjectId, input.recipient, [...new Set(input.categories)]);
      if (ids.length === 0) return [];
      const rows = (await m.query(`SELECT ${CONSENT_COLUMNS} FROM governance.consent WHERE id = ANY($1::uuid[]) ORDER BY given_at, id`, [ids])) as RecordingRow[];
      return withStates(m, rows);
    });
  }

  /**
   * A victim's consents, in force and withdrawn, oldest first, each with its
   * states: for GMVS, which records them with her. Any other organisation
   * gets what an unknown case gets (an empty list), so the answer tells it
   * nothing, and its attempt is audited as a refused consultation. GMVS's
   * consultation is audited against the case, and each consent released
   * against itself (the record visibility guard).
   */
  async consentsOf(access: AccessEvaluator, caseId: string): Promise<Consent[]> {
    if (access.principal.organisation !== CONSENT_HOLDER) {
      access.refuseOperation("Query.consents", "ROLE_NOT_PERMITTED");
      return [];
    }
    if (!isUuid(caseId)) return [];
    const ref = caseId.toLowerCase();
    const consulted = await access.decideFor({ system: SubjectSystem.GMVS_CASE, ref }, CONSENT_HOLDER, CASE_EXISTENCE, referenceTo("Case", ref));
    if (consulted.decision !== "ALLOW" || consulted.subjectId === null) return [];
    const rows = (await this.dataSource.query(`SELECT ${CONSENT_COLUMNS} FROM governance.consent WHERE subject_id = $1 ORDER BY given_at, id`, [
      consulted.subjectId,
    ])) as RecordingRow[];
    return withStates(this.dataSource.manager, rows);
  }

  /**
   * For one case: every holder's categories, what the caller would be told,
   * and why, worked out from the agreements, the victim's consents to the
   * caller and the caller's own relationship: never from whether any holder
   * keeps a record about her. Only for a caller who may know the case
   * exists (its existence category, as the case itself); anyone else gets
   * the NOT_FOUND an unknown id gets. The consultation is audited.
   */
  async explainAccess(access: AccessEvaluator, caseId: string): Promise<AccessExplanation[]> {
    const known = isUuid(caseId)
      ? await access.decideFor({ system: SubjectSystem.GMVS_CASE, ref: caseId.toLowerCase() }, OrganisationCode.GMVS, CASE_EXISTENCE, referenceTo("Case", caseId.toLowerCase()))
      : null;
    if (known?.decision !== "ALLOW") throw noSuchCase();
    const subjectId = await this.subjectOfCase(caseId);
    this.catalogue ??= Object.entries(HOLDERS_BY_SUBGRAPH).flatMap(([subgraph, holders]) =>
      categoriesInSchema(subgraph).flatMap((category) => holders.map((holder) => ({ holder, category }))),
    );
    return Promise.all(
      this.catalogue.map(async ({ holder, category }) => {
        const d = await access.explain(subjectId, holder, category);
        return {
          holder,
          category,
          decision: d.decision,
          reason: d.decision === "ALLOW" ? d.basis : d.reason,
          agreementId: d.agreementId,
          consentId: d.consentId,
        };
      }),
    );
  }

  /** The data owner's audit: releases and refusals of the records it holds, newest first. */
  async auditForHolder(holder: OrganisationCode, first: number, breakGlassOnly: boolean): Promise<AuditEvent[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM governance.audit_event WHERE holder = $1 ${breakGlassOnly ? "AND break_glass_reason IS NOT NULL" : ""} ORDER BY seq DESC LIMIT $2`,
      [holder, first],
    );
    return rows.map((row: Parameters<typeof toAuditEvent>[0]) => ({ ...toAuditEvent(row), answeredBy: holder }));
  }

  /** A subject access export: everything the audit holds about one victim, oldest first; GMVS answers for it. */
  async auditForSubject(caseId: string): Promise<AuditEvent[]> {
    const subjectId = await this.subjectOfCase(caseId);
    const rows = await this.dataSource.query(`SELECT * FROM governance.audit_event WHERE subject_id = $1 ORDER BY seq`, [subjectId]);
    return rows.map((row: Parameters<typeof toAuditEvent>[0]) => ({ ...toAuditEvent(row), answeredBy: OrganisationCode.GMVS }));
  }
}

function noSuchCase() {
  return appError(ErrorCode.NOT_FOUND, "No such case", { argument: "caseId" });
}

/** The organisation that records consents with victims and holds the data they are about: never a consent's recipient. */
const CONSENT_HOLDER = OrganisationCode.GMVS;

const CONSENT_COLUMNS = "id, subject_id, recipient, categories, purposes, given_at, recorded_by, withdrawn_at, withdrawn_by";

interface RecordingRow {
  id: string;
  subject_id: string;
  recipient: OrganisationCode;
  categories: DataCategory[];
  purposes: Purpose[];
  given_at: Date;
  recorded_by: string;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
}

interface StateRow {
  consent_id: string;
  subject_id: string;
  category: DataCategory;
  purpose: Purpose;
  given_at: Date;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
}

/** Consents for one victim are recorded and withdrawn one transaction at a time. */
async function lockSubject(m: EntityManager, subjectId: string): Promise<void> {
  await m.query(`SELECT 1 FROM governance.subject WHERE id = $1 FOR UPDATE`, [subjectId]);
}

/** The consents, with the states each put in force (one statement for all). */
async function withStates(m: EntityManager, rows: RecordingRow[]): Promise<Consent[]> {
  const states = (await m.query(
    `SELECT consent_id, subject_id, category, purpose, given_at, withdrawn_at, withdrawn_by FROM governance.consent_state
     WHERE consent_id = ANY($1::uuid[]) ORDER BY given_at, category, purpose`,
    [rows.map((r) => r.id)],
  )) as StateRow[];
  return rows.map((r) => ({
    id: r.id,
    subjectId: r.subject_id,
    recipient: r.recipient,
    categories: r.categories,
    purposes: r.purposes,
    givenAt: r.given_at,
    recordedBy: r.recorded_by,
    withdrawnAt: r.withdrawn_at,
    withdrawnBy: r.withdrawn_by,
    states: states
      .filter((s) => s.consent_id === r.id)
      .map((s) => ({
        subjectId: s.subject_id,
        consentId: s.consent_id,
        category: s.category,
        purpose: s.purpose,
        givenAt: s.given_at,
        withdrawnAt: s.withdrawn_at,
        withdrawnBy: s.withdrawn_by,
      })),
  }));
}

/**
 * Ends every consent state in force from the subject to the recipient for
 * the categories (all purposes), then withdraws each consent touching those
 * categories that is left with none of its own (category, purpose) pairs in
 * force under any consent. Audits each consent concerned; returns their ids.
 */
async function endConsents(m: EntityManager, actor: Actor, subjectId: string, recipient: OrganisationCode, categories: DataCategory[]): Promise<string[]> {
  const ended = (await m.query(
    `UPDATE governance.consent_state SET withdrawn_at = now(), withdrawn_by = $4
     WHERE subject_id = $1 AND recipient = $2 AND category = ANY($3::text[]) AND withdrawn_at IS NULL RETURNING consent_id`,
    [subjectId, recipient, categories, actor.principal.subject],
  )) as [{ consent_id: string }[], number];
  const closed = (await m.query(
    `UPDATE governance.consent c SET withdrawn_at = now(), withdrawn_by = $4
     WHERE c.subject_id = $1 AND c.recipient = $2 AND c.categories && $3::text[] AND c.withdrawn_at IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM governance.consent_state s, unnest(c.categories) AS asked(category), unnest(c.purposes) AS for_purpose(purpose)
         WHERE s.subject_id = c.subject_id AND s.recipient = c.recipient AND s.category = asked.category AND s.purpose = for_purpose.purpose
           AND s.withdrawn_at IS NULL)
     RETURNING id`,
    [subjectId, recipient, categories, actor.principal.subject],
  )) as [{ id: string }[], number];
  const ids = [...new Set([...ended[0].map((r) => r.consent_id), ...closed[0].map((r) => r.id)])].sort();
  await appendAuditEvents(
    m,
    ids.map((id) => consentEvent(actor, subjectId, "CONSENT_WITHDRAWN", id, recipient)),
  );
  // The recipient must stop at once: the event is due as it happens.
  const caseId = await caseOfSubject(m, subjectId);
  await emitEvents(
    m,
    "governance",
    ids.map((id) => consentChanged(EventType.CONSENT_WITHDRAWN, id, caseId, recipient)),
  );
  return ids;
}

/** The GMVS case a victim's consents are recorded against (her first, where GMVS has merged two). */
async function caseOfSubject(m: EntityManager, subjectId: string): Promise<string | null> {
  const [row] = (await m.query(`SELECT local_ref FROM governance.subject_link WHERE subject_id = $1 AND system = $2 ORDER BY local_ref LIMIT 1`, [subjectId, SubjectSystem.GMVS_CASE])) as {
    local_ref: string;
  }[];
  return row && isUuid(row.local_ref) ? row.local_ref : null;
}

/** A consent's change, to GMVS (which records consent with the victim) and to the consent's recipient. */
function consentChanged(type: EventType, consentId: string, caseId: string | null, recipient: OrganisationCode) {
  const now = new Date();
  return {
    type,
    caseId,
    record: { type: EventRecordType.CONSENT, id: consentId },
    parties: [CONSENT_HOLDER, recipient],
    occurredAt: now,
    dueAt: type === EventType.CONSENT_WITHDRAWN ? now : null,
  };
}

function consentEvent(actor: Actor, subjectId: string, reason: string, consentId: string, recipient: string): AuditEventInput {
  return changeEvent(actor, { subjectId, category: "CONSENT", holder: recipient, reason, consentId });
}

/** Loads the agreement files into the store; a version once loaded is never changed. */
export async function seedAgreements(dataSource: DataSource): Promise<void> {
  for (const a of readAgreementFiles()) {
    await dataSource.query(
      `INSERT INTO governance.data_sharing_agreement (id, version, title, holder, recipients, categories, purposes, lawful_basis, requires_consent, starts_on, ends_on, source_file)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id, version) DO NOTHING`,
      [a.id, a.version, a.title, a.holder, a.recipients, a.categories, a.purposes, a.lawfulBasis, a.requiresConsent, a.startsOn, a.endsOn, a.sourceFile],
    );
  }
}
